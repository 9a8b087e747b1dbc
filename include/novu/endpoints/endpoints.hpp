// Channel endpoints (/v1/channel-endpoints): DTOs, JSON, request builders and response parsers.
// SPDX-License-Identifier: MIT
#pragma once

// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 30
#endif
// NOVU_CC_STANDALONE }

#include "novu/endpoints/dto.hpp"
#include "novu/endpoints/json.hpp"
#include "novu/endpoints/request_builder.hpp"
#include "novu/endpoints/response_parser.hpp"
#include "novu/endpoints/client.hpp"

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 30
#undef NOVU_CC_OUTERMOST_HEADER
#endif
// Under the umbrella (novu/novu.hpp), each resource brings its implementation itself, so that
// adding a resource adds one line there and nothing else.
#if !defined(NOVU_CC_OUTERMOST_HEADER) || NOVU_CC_OUTERMOST_HEADER == 1
#include "novu/endpoints/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
