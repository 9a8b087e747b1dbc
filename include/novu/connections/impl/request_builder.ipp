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
  if (params.limit && (*params.limit < 1 || *params.limit > 100)) {
    return make_error(error_kind::invalid_argument,
                      "limit must be between 1 and 100, got " + std::to_string(*params.limit), "limit");
  }
  if (params.before && params.after) {
    return make_error(error_kind::invalid_argument,
                      "before and after are both set: a list request takes one cursor (the server answers 400)",
                      "before");
  }
  struct text_param {
    const char* name;
    const std::string* value;
  };
  const text_param texts[] = {
      {"after", params.after ? &*params.after : nullptr},
      {"before", params.before ? &*params.before : nullptr},
      {"channel", params.channel ? &params.channel->value() : nullptr},
      {"integrationIdentifier", params.integration_identifier ? &*params.integration_identifier : nullptr},
      {"providerId", params.provider_id ? &params.provider_id->value() : nullptr},
      {"subscriberId", params.subscriber_id ? &*params.subscriber_id : nullptr},
  };
  for (const text_param& p : texts) {
    if (p.value != nullptr && !detail::is_valid_utf8(*p.value)) return detail::invalid_utf8_parameter(p.name);
  }
  if (params.context_keys) {
    // An empty key would send `contextKeys=`, the "no context" filter that an engaged empty
    // vector stands for: refused, so that each query means one thing.
    for (std::size_t i = 0; i < params.context_keys->size(); ++i) {
      const std::string& key = (*params.context_keys)[i];
      if (!key.empty() && detail::is_valid_utf8(key)) continue;
      const std::string where = "contextKeys[" + std::to_string(i) + "]";
      return make_error(error_kind::invalid_argument,
                        where + (key.empty() ? " is empty (an engaged empty context_keys asks for connections "
                                               "without context)"
                                             : " is not valid UTF-8"),
                        where);
    }
  }

  // Keys in the official SDK's fixed (alphabetical) order.
  std::string path = "/v1/channel-connections";
  bool first = true;
  if (params.after) detail::append_query(path, first, "after", *params.after);
  if (params.before) detail::append_query(path, first, "before", *params.before);
  if (params.channel) detail::append_query(path, first, "channel", params.channel->value());
  if (params.connection_mode) detail::append_query(path, first, "connectionMode", to_string(*params.connection_mode));
  if (params.context_keys) {
    if (params.context_keys->empty()) detail::append_query(path, first, "contextKeys", "");
    for (const std::string& key : *params.context_keys) detail::append_query(path, first, "contextKeys", key);
  }
  if (params.include_cursor)
    detail::append_query(path, first, "includeCursor", *params.include_cursor ? "true" : "false");
  if (params.integration_identifier) {
    detail::append_query(path, first, "integrationIdentifier", *params.integration_identifier);
  }
  if (params.limit) detail::append_query(path, first, "limit", std::to_string(*params.limit));
  if (params.order_by) detail::append_query(path, first, "orderBy", to_string(*params.order_by));
  if (params.order_direction) detail::append_query(path, first, "orderDirection", to_string(*params.order_direction));
  if (params.provider_id) detail::append_query(path, first, "providerId", params.provider_id->value());
  if (params.subscriber_id) detail::append_query(path, first, "subscriberId", *params.subscriber_id);
  return detail::start_request(config, "GET", std::move(path), options, false);
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
