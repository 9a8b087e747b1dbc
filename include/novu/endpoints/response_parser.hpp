// Pure response parsers of the channel endpoints: (status, headers, body) -> typed result or
// typed error, with the connections' rules for error bodies (see novu/connections/response_parser.hpp).
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 33
#endif
// NOVU_CC_STANDALONE }

#include "novu/core/config.hpp"
#include "novu/core/http.hpp"
#include "novu/core/response.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"
#include "novu/endpoints/dto.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace endpoints {

/// Result of a list call.
NOVU_CC_API result<channel_endpoint_page> parse_list_response(const http_response& response,
                                                              const decode_limits& limits = {});
/// Result of a create call (201, enveloped or bare).
NOVU_CC_API result<channel_endpoint> parse_create_response(const http_response& response,
                                                           const decode_limits& limits = {});
/// Result of a retrieve call.
NOVU_CC_API result<channel_endpoint> parse_retrieve_response(const http_response& response,
                                                             const decode_limits& limits = {});
/// Result of an update call.
NOVU_CC_API result<channel_endpoint> parse_update_response(const http_response& response,
                                                           const decode_limits& limits = {});
/// Result of a delete call: any 2xx is a success, whatever its body.
NOVU_CC_API result<void> parse_delete_response(const http_response& response, const decode_limits& limits = {});

}  // namespace endpoints
NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 33
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/endpoints/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
