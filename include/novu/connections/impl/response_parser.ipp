// Implementation of novu/connections/response_parser.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/connections/json.hpp"
#include "novu/connections/response_parser.hpp"
#include "novu/core/impl/response.ipp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Create, retrieve and update answers.
inline result<channel_connection> parse_connection(const http_response& response, const decode_limits& limits,
                                                   const secret_scrubber* secrets) {
  return parse_success_body<result<channel_connection>>(
      response, limits, secrets, [&](const std::string& body) { return decode_channel_connection(body, limits); });
}

// A verify's 502 says that the provider rejected the refresh token: the message says so.
inline void explain_verify_error(error& e) {
  if (e.status != 502) return;
  e.message =
      "HTTP 502 Bad Gateway from verify: the provider rejected the connection's refresh token; it stays "
      "rejected until the user re-authorises the connection (not retried)";
}

// Verify answers: a connection, or for a 502 an error that says what it means.
inline result<channel_connection> parse_verify(const http_response& response, const decode_limits& limits,
                                               const secret_scrubber* secrets) {
  result<channel_connection> parsed = parse_connection(response, limits, secrets);
  if (!parsed) explain_verify_error(parsed.error());
  return parsed;
}

// List answers.
inline result<channel_connection_page> parse_page(const http_response& response, const decode_limits& limits,
                                                  const secret_scrubber* secrets) {
  return parse_success_body<result<channel_connection_page>>(
      response, limits, secrets, [&](const std::string& body) { return decode_channel_connection_page(body, limits); });
}

}  // namespace detail

namespace connections {

NOVU_CC_API result<channel_connection_page> parse_list_response(const http_response& response,
                                                                const decode_limits& limits) {
  return detail::parse_page(response, limits, nullptr);
}

NOVU_CC_API result<void> parse_list_response_into(const http_response& response, channel_connection_page& out,
                                                  const decode_limits& limits) {
  return detail::parse_success_body<result<void>>(response, limits, nullptr, [&](const std::string& body) {
    return decode_channel_connection_page_into(body, out, limits);
  });
}

NOVU_CC_API result<channel_connection> parse_create_response(const http_response& response,
                                                             const decode_limits& limits) {
  return detail::parse_connection(response, limits, nullptr);
}

NOVU_CC_API result<channel_connection> parse_retrieve_response(const http_response& response,
                                                               const decode_limits& limits) {
  return detail::parse_connection(response, limits, nullptr);
}

NOVU_CC_API result<channel_connection> parse_update_response(const http_response& response,
                                                             const decode_limits& limits) {
  return detail::parse_connection(response, limits, nullptr);
}

NOVU_CC_API result<channel_connection> parse_verify_response(const http_response& response,
                                                             const decode_limits& limits) {
  return detail::parse_verify(response, limits, nullptr);
}

NOVU_CC_API result<void> parse_delete_response(const http_response& response, const decode_limits& limits) {
  return detail::parse_no_content(response, limits, nullptr);
}

}  // namespace connections

NOVU_CC_NAMESPACE_END
