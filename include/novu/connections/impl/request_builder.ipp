// Implementation of novu/connections/request_builder.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include <charconv>     // to_chars
#include <chrono>       // system_clock
#include <cstddef>      // size_t
#include <cstdint>      // uint32_t, uint64_t
#include <optional>     // optional
#include <random>       // random_device, mt19937_64
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/connections/json.hpp"
#include "novu/connections/request_builder.hpp"
#include "novu/core/detail/list_query.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/impl/request.ipp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// "/v1/channel-connections/{identifier}", or the error for a bad identifier.
inline result<std::string> item_path(std::string_view identifier) {
  return collection_item_path("/v1/channel-connections/", identifier);
}

// The error for a required text field of a request body that is empty, or nullopt.
inline std::optional<error> empty_field(const std::string& value, const char* location) {
  if (!value.empty()) return std::nullopt;
  return make_error(error_kind::invalid_argument,
                    std::string(location) + " is empty: the server would refuse it or store an unusable connection",
                    location);
}

// The first empty required field of the workspace and auth every create and update carries.
inline std::optional<error> empty_credentials(const novu::workspace& workspace, const novu::auth& auth) {
  if (std::optional<error> e = empty_field(workspace.id, "workspace.id")) return e;
  return empty_field(auth.access_token, "auth.accessToken");
}

}  // namespace detail

namespace connections {

NOVU_CC_API result<http_request> build_list_request(const client_config& config,
                                                    const list_channel_connections_params& params,
                                                    const call_options& options) {
  // The shared list query: checked in this order (the first problem is the error), written in
  // the official SDK's alphabetical key order.
  detail::list_query q;
  q.limit(params.limit);
  q.one_cursor(params.after, params.before);
  q.text("after", params.after);
  q.text("before", params.before);
  q.open_enum("channel", params.channel);
  q.text("integrationIdentifier", params.integration_identifier);
  q.open_enum("providerId", params.provider_id);
  q.text("subscriberId", params.subscriber_id);
  q.context_keys(params.context_keys, "connections");
  q.closed_enum("connectionMode", params.connection_mode);
  q.flag("includeCursor", params.include_cursor);
  q.closed_enum("orderBy", params.order_by);
  q.closed_enum("orderDirection", params.order_direction);
  result<std::string> path = q.path("/v1/channel-connections");
  if (!path) return std::move(path).error();
  return detail::start_request(config, "GET", std::move(*path), options, false);
}

NOVU_CC_API result<http_request> build_create_request(const client_config& config,
                                                      const create_channel_connection_request& body,
                                                      const call_options& options) {
  result<std::string> json = encode_json(body);
  if (!json) return std::move(json).error();
  result<http_request> request = detail::start_request(config, "POST", "/v1/channel-connections", options, true);
  if (!request) return request;
  // After the configuration's checks, so that a bad key or URL is reported first.
  if (std::optional<error> e = detail::empty_field(body.integration_identifier, "integrationIdentifier")) {
    return std::move(*e);
  }
  if (std::optional<error> e = detail::empty_credentials(body.workspace, body.auth)) return std::move(*e);
  request->body = std::move(*json);
  return request;
}

NOVU_CC_API result<http_request> build_retrieve_request(const client_config& config, std::string_view identifier,
                                                        const call_options& options) {
  result<std::string> path = detail::item_path(identifier);
  if (!path) return std::move(path).error();
  return detail::start_request(config, "GET", std::move(*path), options, false);
}

NOVU_CC_API result<http_request> build_update_request(const client_config& config, std::string_view identifier,
                                                      const update_channel_connection_request& body,
                                                      const call_options& options) {
  result<std::string> path = detail::item_path(identifier);
  if (!path) return std::move(path).error();
  result<std::string> json = encode_json(body);
  if (!json) return std::move(json).error();
  result<http_request> request = detail::start_request(config, "PATCH", std::move(*path), options, true);
  if (!request) return request;
  if (std::optional<error> e = detail::empty_credentials(body.workspace, body.auth)) return std::move(*e);
  request->body = std::move(*json);
  return request;
}

NOVU_CC_API result<http_request> build_delete_request(const client_config& config, std::string_view identifier,
                                                      const call_options& options) {
  result<std::string> path = detail::item_path(identifier);
  if (!path) return std::move(path).error();
  return detail::start_request(config, "DELETE", std::move(*path), options, false);
}

NOVU_CC_API result<http_request> build_verify_request(const client_config& config, std::string_view identifier,
                                                      const call_options& options) {
  result<std::string> path = detail::item_path(identifier);
  if (!path) return std::move(path).error();
  path->append("/verify");
  return detail::start_request(config, "POST", std::move(*path), options, false);
}

NOVU_CC_API std::optional<list_channel_connections_params> next_page_params(
    const list_channel_connections_params& params, const channel_connection_page& page) {
  if (!page.next || page.next->empty()) return std::nullopt;
  list_channel_connections_params next = params;
  next.after = *page.next;
  next.before.reset();
  // `next` is the last item of `page`: with includeCursor=true the server would send it again
  // (and with limit=1 only it, so a walk would never advance).
  next.include_cursor.reset();
  return next;
}

}  // namespace connections

NOVU_CC_NAMESPACE_END
