// Implementation of novu/endpoints/response_parser.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include <string>  // string

#include "novu/core/impl/response.ipp"
#include "novu/core/version.hpp"
#include "novu/endpoints/json.hpp"
#include "novu/endpoints/response_parser.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Create, retrieve and update answers.
inline result<channel_endpoint> parse_endpoint(const http_response& response, const decode_limits& limits,
                                               const secret_scrubber* secrets) {
  return parse_success_body<result<channel_endpoint>>(
      response, limits, secrets, [&](const std::string& body) { return decode_channel_endpoint(body, limits); });
}

// List answers.
inline result<channel_endpoint_page> parse_endpoint_page(const http_response& response, const decode_limits& limits,
                                                         const secret_scrubber* secrets) {
  return parse_success_body<result<channel_endpoint_page>>(
      response, limits, secrets, [&](const std::string& body) { return decode_channel_endpoint_page(body, limits); });
}

}  // namespace detail

namespace endpoints {

NOVU_CC_API result<channel_endpoint_page> parse_list_response(const http_response& response,
                                                              const decode_limits& limits) {
  return detail::parse_endpoint_page(response, limits, nullptr);
}

NOVU_CC_API result<channel_endpoint> parse_create_response(const http_response& response, const decode_limits& limits) {
  return detail::parse_endpoint(response, limits, nullptr);
}

NOVU_CC_API result<channel_endpoint> parse_retrieve_response(const http_response& response,
                                                             const decode_limits& limits) {
  return detail::parse_endpoint(response, limits, nullptr);
}

NOVU_CC_API result<channel_endpoint> parse_update_response(const http_response& response, const decode_limits& limits) {
  return detail::parse_endpoint(response, limits, nullptr);
}

NOVU_CC_API result<void> parse_delete_response(const http_response& response, const decode_limits& limits) {
  return detail::parse_no_content(response, limits, nullptr);
}

}  // namespace endpoints
NOVU_CC_NAMESPACE_END
