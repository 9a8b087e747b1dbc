// The umbrella header: the whole library. A header-only, dependency-light C++17 client for
// Novu's channel REST APIs (/v1/channel-connections: list, create, retrieve, update, delete).
//
// Builders turn arguments into a complete HTTP request without any I/O; parsers turn a status,
// headers and body into a typed result or a typed error; clients join both over a transport
// you supply. Depends on nlohmann/json >= 3.11 only. Errors are values: nothing throws.
//
// Fast-compile mode: see NOVU_CC_SEPARATE_COMPILATION in novu/core/version.hpp.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 1
#endif
// NOVU_CC_STANDALONE }

// The shared core: transport types, results, errors, configuration, retries, printing, error
// bodies and any-JSON, what every request and every error answer share.
#include "novu/core/version.hpp"
#include "novu/core/http.hpp"
#include "novu/core/enums.hpp"
#include "novu/core/api_error.hpp"
#include "novu/core/tagged_union.hpp"
#include "novu/core/error.hpp"
#include "novu/core/result.hpp"
#include "novu/core/retry.hpp"
#include "novu/core/config.hpp"
#include "novu/core/printing.hpp"
#include "novu/core/json.hpp"
#include "novu/core/request.hpp"
#include "novu/core/response.hpp"
#include "novu/core/pagination.hpp"
#include "novu/core/url.hpp"

// One line per resource.
#include "novu/connections/connections.hpp"
#include "novu/endpoints/endpoints.hpp"

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 1
#undef NOVU_CC_OUTERMOST_HEADER
#endif
// NOVU_CC_STANDALONE }
