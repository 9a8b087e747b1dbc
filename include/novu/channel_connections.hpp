// novu-channel-connections: a header-only, dependency-light C++17 client for Novu's Channel
// Connections REST API (/v1/channel-connections: list, create, retrieve, update, delete).
//
// Builders turn arguments into a complete HTTP request without any I/O; parsers turn a status,
// headers and body into a typed result or a typed error; clients join both over a transport
// you supply. Depends on nlohmann/json >= 3.10 only. Errors are values: nothing throws.
//
// Fast-compile mode: see NOVU_CC_SEPARATE_COMPILATION in novu/version.hpp.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 1
#endif
// NOVU_CC_STANDALONE }

#include "novu/version.hpp"
#include "novu/http.hpp"
#include "novu/enums.hpp"
#include "novu/dto.hpp"
#include "novu/error.hpp"
#include "novu/result.hpp"
#include "novu/retry.hpp"
#include "novu/config.hpp"
#include "novu/json.hpp"
#include "novu/request_builder.hpp"
#include "novu/response_parser.hpp"
#include "novu/client.hpp"
#include "novu/printing.hpp"

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 1
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
