// Channel connections (/v1/channel-connections): DTOs, JSON, request builders, response parsers
// and the synchronous client. The async client is novu/connections/async_client.hpp.
// SPDX-License-Identifier: MIT
#pragma once

// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 20
#endif
// NOVU_CC_STANDALONE }

#include "novu/connections/dto.hpp"
#include "novu/connections/json.hpp"
#include "novu/connections/request_builder.hpp"
#include "novu/connections/response_parser.hpp"
#include "novu/connections/client.hpp"

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 20
#undef NOVU_CC_OUTERMOST_HEADER
#endif
// Under the umbrella (novu/novu.hpp), each resource brings its implementation itself, so that
// adding a resource adds one line there and nothing else.
#if !defined(NOVU_CC_OUTERMOST_HEADER) || NOVU_CC_OUTERMOST_HEADER == 1
#include "novu/connections/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
