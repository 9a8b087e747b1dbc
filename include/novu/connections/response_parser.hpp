// Pure response parsers: (status, headers, body) -> typed result or typed error.
// Any 2xx whose body decodes is a success. 400/401/403/404/405/409/413/414/415/500 with an
// `ErrorDto` body are `api` errors, 422 with a `ValidationErrorDto` body `validation` errors;
// any other status, or an error body that does not decode, is an `http` error keeping status,
// headers and raw body.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 6
#endif
// NOVU_CC_STANDALONE }

#include "novu/core/config.hpp"
#include "novu/connections/dto.hpp"
#include "novu/core/http.hpp"
#include "novu/core/response.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

namespace connections {

/// Result of a list call.
NOVU_CC_API result<channel_connection_page> parse_list_response(const http_response& response,
                                                                const decode_limits& limits = {});
/// parse_list_response into `out`, reusing the memory `out` already holds (see
/// decode_channel_connection_page_into); on failure `out` holds a valid but unspecified value.
NOVU_CC_API result<void> parse_list_response_into(const http_response& response, channel_connection_page& out,
                                                  const decode_limits& limits = {});
/// Result of a create call (201, enveloped or bare).
NOVU_CC_API result<channel_connection> parse_create_response(const http_response& response,
                                                             const decode_limits& limits = {});
/// Result of a retrieve call.
NOVU_CC_API result<channel_connection> parse_retrieve_response(const http_response& response,
                                                               const decode_limits& limits = {});
/// Result of an update call.
NOVU_CC_API result<channel_connection> parse_update_response(const http_response& response,
                                                             const decode_limits& limits = {});
/// Result of a verify call (POST .../{identifier}/verify): the connection as stored after the
/// check. A 502 (the provider rejected the refresh token) is an error whose message says so.
NOVU_CC_API result<channel_connection> parse_verify_response(const http_response& response,
                                                             const decode_limits& limits = {});
/// Result of a delete call: any 2xx is a success, whatever its body.
NOVU_CC_API result<void> parse_delete_response(const http_response& response, const decode_limits& limits = {});

}  // namespace connections

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 6
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/connections/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
