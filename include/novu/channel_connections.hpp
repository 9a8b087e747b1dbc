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

#if NOVU_CC_WITH_IMPLEMENTATION
#include "novu/impl/client.ipp"
#include "novu/impl/error.ipp"
#include "novu/impl/json.ipp"
#include "novu/impl/printing.ipp"
#include "novu/impl/request_builder.ipp"
#include "novu/impl/response_parser.ipp"
#include "novu/impl/retry.ipp"
#endif

// Fast-compile mode: the class templates the calls return are instantiated once, in the
// implementation file, instead of in every translation unit that uses them.
#if defined(NOVU_CC_SEPARATE_COMPILATION)
#include "novu/detail/instantiations.hpp"
#endif
