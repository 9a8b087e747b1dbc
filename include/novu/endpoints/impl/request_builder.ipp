// Implementation of novu/endpoints/request_builder.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/core/detail/list_query.hpp"
#include "novu/core/impl/request.ipp"
#include "novu/core/version.hpp"
#include "novu/endpoints/json.hpp"
#include "novu/endpoints/request_builder.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// The endpoints' collection, and the path of one endpoint in it.
inline constexpr std::string_view endpoints_collection = "/v1/channel-endpoints";
inline result<std::string> endpoint_item_path(std::string_view identifier) {
  return collection_item_path("/v1/channel-endpoints/", identifier);
}
// `request` with a JSON body, or the first problem.
inline result<http_request> with_json_body(result<http_request> request, result<std::string> json) {
  if (!json) return std::move(json).error();
  if (request) request->body = std::move(*json);
  return request;
}

}  // namespace detail

namespace endpoints {

NOVU_CC_API result<http_request> build_list_request(const client_config& config,
                                                    const list_channel_endpoints_params& params,
                                                    const call_options& options) {
  detail::list_query q;
  q.limit(params.limit);
  q.one_cursor(params.after, params.before);
  q.text("after", params.after);
  q.text("before", params.before);
  q.open_enum("channel", params.channel);
  q.text("connectionIdentifier", params.connection_identifier);
  q.context_keys(params.context_keys, "endpoints");
  q.flag("includeCursor", params.include_cursor);
  q.text("integrationIdentifier", params.integration_identifier);
  q.closed_enum("orderBy", params.order_by);
  q.closed_enum("orderDirection", params.order_direction);
  q.open_enum("providerId", params.provider_id);
  q.text("subscriberId", params.subscriber_id);
  result<std::string> path = q.path(detail::endpoints_collection);
  if (!path) return std::move(path).error();
  return detail::start_request(config, "GET", std::move(*path), options, false);
}

NOVU_CC_API result<http_request> build_create_request(const client_config& config,
                                                      const create_channel_endpoint_request& body,
                                                      const call_options& options) {
  if (body.subscriber_id.empty()) {
    return make_error(error_kind::invalid_argument, "subscriberId is empty: an endpoint belongs to a subscriber",
                      "subscriberId");
  }
  if (body.integration_identifier.empty()) {
    return make_error(error_kind::invalid_argument, "integrationIdentifier is empty", "integrationIdentifier");
  }
  if (body.type.value().empty()) {
    return make_error(error_kind::invalid_argument, "type is empty: set the endpoint's type", "type");
  }
  return detail::with_json_body(
      detail::start_request(config, "POST", std::string(detail::endpoints_collection), options, true),
      encode_json(body));
}

NOVU_CC_API result<http_request> build_retrieve_request(const client_config& config, std::string_view identifier,
                                                        const call_options& options) {
  result<std::string> path = detail::endpoint_item_path(identifier);
  if (!path) return std::move(path).error();
  return detail::start_request(config, "GET", std::move(*path), options, false);
}

NOVU_CC_API result<http_request> build_update_request(const client_config& config, std::string_view identifier,
                                                      const update_channel_endpoint_request& body,
                                                      const call_options& options) {
  result<std::string> path = detail::endpoint_item_path(identifier);
  if (!path) return std::move(path).error();
  return detail::with_json_body(detail::start_request(config, "PATCH", std::move(*path), options, true),
                                encode_json(body));
}

NOVU_CC_API result<http_request> build_delete_request(const client_config& config, std::string_view identifier,
                                                      const call_options& options) {
  result<std::string> path = detail::endpoint_item_path(identifier);
  if (!path) return std::move(path).error();
  return detail::start_request(config, "DELETE", std::move(*path), options, false);
}

NOVU_CC_API std::optional<list_channel_endpoints_params> next_page_params(const list_channel_endpoints_params& params,
                                                                          const channel_endpoint_page& page) {
  if (!page.next || page.next->empty()) return std::nullopt;
  list_channel_endpoints_params next = params;
  next.after = *page.next;
  next.before.reset();
  next.include_cursor.reset();
  return next;
}

}  // namespace endpoints
NOVU_CC_NAMESPACE_END
