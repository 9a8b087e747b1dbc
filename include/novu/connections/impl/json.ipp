// Implementation of novu/connections/json.hpp: the connection field tables for the SAX decoder,
// and the encoders.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include <nlohmann/json.hpp>

#include "novu/core/detail/json_reader.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/impl/json.ipp"
#include "novu/connections/json.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

#define NOVU_CC_FIELD(type, member) &member_address<type, decltype(type::member), &type::member>

inline constexpr field_desc workspace_fields[] = {
    {"id", field_kind::string, field_required, NOVU_CC_FIELD(workspace, id), nullptr},
    {"name", field_kind::optional_string, 0, NOVU_CC_FIELD(workspace, name), nullptr},
    {"botUserId", field_kind::optional_string, 0, NOVU_CC_FIELD(workspace, bot_user_id), nullptr},
};
inline constexpr type_desc workspace_type{workspace_fields, 3, nullptr, nullptr, nullptr, &reset_object<workspace>};

inline constexpr field_desc auth_fields[] = {
    {"accessToken", field_kind::string, field_required, NOVU_CC_FIELD(auth, access_token), nullptr},
    {"refreshToken", field_kind::optional_string, 0, NOVU_CC_FIELD(auth, refresh_token), nullptr},
    {"expiresAt", field_kind::optional_string, 0, NOVU_CC_FIELD(auth, expires_at), nullptr},
    {"refreshTokenExpiresAt", field_kind::optional_string, 0, NOVU_CC_FIELD(auth, refresh_token_expires_at), nullptr},
};
inline constexpr type_desc auth_type{auth_fields, 4, nullptr, nullptr, nullptr, &reset_object<auth>};

inline constexpr unsigned char required_nullable = field_required | field_nullable;

inline constexpr field_desc connection_fields[] = {
    {"identifier", field_kind::string, field_required, NOVU_CC_FIELD(channel_connection, identifier), nullptr},
    {"channel", field_kind::optional_channel, required_nullable, NOVU_CC_FIELD(channel_connection, channel), nullptr},
    {"providerId", field_kind::optional_provider, required_nullable, NOVU_CC_FIELD(channel_connection, provider_id),
     nullptr},
    {"integrationIdentifier", field_kind::optional_string, required_nullable,
     NOVU_CC_FIELD(channel_connection, integration_identifier), nullptr},
    {"subscriberId", field_kind::optional_string, required_nullable, NOVU_CC_FIELD(channel_connection, subscriber_id),
     nullptr},
    {"contextKeys", field_kind::string_list, field_required, NOVU_CC_FIELD(channel_connection, context_keys), nullptr},
    {"workspace", field_kind::object, field_required, NOVU_CC_FIELD(channel_connection, workspace), &workspace_type},
    {"auth", field_kind::object, field_required, NOVU_CC_FIELD(channel_connection, auth), &auth_type},
    {"createdAt", field_kind::string, field_required, NOVU_CC_FIELD(channel_connection, created_at), nullptr},
    {"updatedAt", field_kind::string, field_required, NOVU_CC_FIELD(channel_connection, updated_at), nullptr},
};
inline constexpr type_desc connection_type{connection_fields,
                                           10,
                                           nullptr,
                                           nullptr,
                                           &vector_reserve<channel_connection>,
                                           nullptr,
                                           &vector_element<channel_connection>,
                                           &vector_truncate<channel_connection>};

inline constexpr field_desc page_fields[] = {
    {"data", field_kind::object_list, field_required, NOVU_CC_FIELD(channel_connection_page, data), &connection_type},
    {"next", field_kind::optional_string, required_nullable, NOVU_CC_FIELD(channel_connection_page, next), nullptr},
    {"previous", field_kind::optional_string, required_nullable, NOVU_CC_FIELD(channel_connection_page, previous),
     nullptr},
    {"totalCount", field_kind::integer, field_required, NOVU_CC_FIELD(channel_connection_page, total_count), nullptr},
    {"totalCountCapped", field_kind::boolean, field_required,
     NOVU_CC_FIELD(channel_connection_page, total_count_capped), nullptr},
};
inline constexpr type_desc page_type{page_fields, 5, nullptr, nullptr};

inline constexpr field_desc update_request_fields[] = {
    {"workspace", field_kind::object, field_required, NOVU_CC_FIELD(update_channel_connection_request, workspace),
     &workspace_type},
    {"auth", field_kind::object, field_required, NOVU_CC_FIELD(update_channel_connection_request, auth), &auth_type},
};
inline constexpr type_desc update_request_type{update_request_fields, 2, nullptr, nullptr};

inline constexpr field_desc create_request_fields[] = {
    {"identifier", field_kind::optional_string, 0, NOVU_CC_FIELD(create_channel_connection_request, identifier),
     nullptr},
    {"subscriberId", field_kind::optional_string, 0, NOVU_CC_FIELD(create_channel_connection_request, subscriber_id),
     nullptr},
    {"context", field_kind::optional_context, 0, NOVU_CC_FIELD(create_channel_connection_request, context), nullptr},
    {"connectionMode", field_kind::optional_mode, 0, NOVU_CC_FIELD(create_channel_connection_request, connection_mode),
     nullptr},
    {"integrationIdentifier", field_kind::string, field_required,
     NOVU_CC_FIELD(create_channel_connection_request, integration_identifier), nullptr},
    {"workspace", field_kind::object, field_required, NOVU_CC_FIELD(create_channel_connection_request, workspace),
     &workspace_type},
    {"auth", field_kind::object, field_required, NOVU_CC_FIELD(create_channel_connection_request, auth), &auth_type},
};
inline constexpr type_desc create_request_type{create_request_fields, 7, nullptr, nullptr};

#undef NOVU_CC_FIELD

// The JSON of a `workspace`, its strings checked by `writer`.
inline nlohmann::ordered_json workspace_json(body_writer& writer, const workspace& w) {
  nlohmann::ordered_json o = writer.object_with_room(3);
  const std::size_t mark = writer.enter("workspace");
  writer.member(o, "id", w.id);
  writer.member(o, "name", w.name);
  writer.member(o, "botUserId", w.bot_user_id);
  writer.leave(mark);
  return o;
}

// The JSON of an `auth`, its strings checked.
inline nlohmann::ordered_json auth_json(body_writer& writer, const auth& a) {
  nlohmann::ordered_json o = writer.object_with_room(4);
  const std::size_t mark = writer.enter("auth");
  writer.member(o, "accessToken", a.access_token);
  writer.member(o, "refreshToken", a.refresh_token);
  writer.member(o, "expiresAt", a.expires_at);
  writer.member(o, "refreshTokenExpiresAt", a.refresh_token_expires_at);
  writer.leave(mark);
  return o;
}

// The JSON of a `channel_connection`, its strings checked.
inline nlohmann::ordered_json connection_json(body_writer& writer, const channel_connection& c) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  writer.put(o, "identifier", c.identifier);
  writer.put_nullable(o, "channel", c.channel ? std::optional<std::string>(c.channel->value()) : std::nullopt);
  writer.put_nullable(o, "providerId",
                      c.provider_id ? std::optional<std::string>(c.provider_id->value()) : std::nullopt);
  writer.put_nullable(o, "integrationIdentifier", c.integration_identifier);
  writer.put_nullable(o, "subscriberId", c.subscriber_id);
  nlohmann::ordered_json keys = nlohmann::ordered_json::array();
  const std::size_t mark = writer.enter("contextKeys");
  for (const std::string& key : c.context_keys) writer.push(keys, key);
  writer.leave(mark);
  o["contextKeys"] = std::move(keys);
  o["workspace"] = workspace_json(writer, c.workspace);
  o["auth"] = auth_json(writer, c.auth);
  writer.put(o, "createdAt", c.created_at);
  writer.put(o, "updatedAt", c.updated_at);
  return o;
}

}  // namespace detail

NOVU_CC_API result<channel_connection> decode_channel_connection(std::string_view json, const decode_limits& limits) {
  return detail::decode_as<channel_connection>(json, detail::connection_type, true, limits);
}

NOVU_CC_API result<channel_connection_page> decode_channel_connection_page(std::string_view json,
                                                                           const decode_limits& limits) {
  return detail::decode_as<channel_connection_page>(json, detail::page_type, false, limits);
}

NOVU_CC_API result<void> decode_channel_connection_into(std::string_view json, channel_connection& out,
                                                        const decode_limits& limits) {
  return detail::decode_into(json, &detail::connection_type, &out, true, limits);
}

NOVU_CC_API result<void> decode_channel_connection_page_into(std::string_view json, channel_connection_page& out,
                                                             const decode_limits& limits) {
  return detail::decode_into(json, &detail::page_type, &out, false, limits);
}

namespace connections {

NOVU_CC_API result<update_channel_connection_request> decode_update_request(std::string_view json,
                                                                            const decode_limits& limits) {
  return detail::decode_as<update_channel_connection_request>(json, detail::update_request_type, false, limits);
}

NOVU_CC_API result<create_channel_connection_request> decode_create_request(std::string_view json,
                                                                            const decode_limits& limits) {
  return detail::decode_as<create_channel_connection_request>(json, detail::create_request_type, false, limits);
}

}  // namespace connections

NOVU_CC_API result<std::string> encode_json(const update_channel_connection_request& body) {
  detail::body_writer w;
  nlohmann::ordered_json o = w.object_with_room(2);
  w.member(o, "workspace", detail::workspace_json(w, body.workspace));
  w.member(o, "auth", detail::auth_json(w, body.auth));
  return detail::finish(w, o);
}

NOVU_CC_API result<std::string> encode_json(const create_channel_connection_request& body) {
  detail::body_writer w;
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  w.put(o, "identifier", body.identifier);
  w.put(o, "subscriberId", body.subscriber_id);
  if (body.context) {
    nlohmann::ordered_json context = nlohmann::ordered_json::object();
    const std::size_t mark = w.enter("context");
    for (const context_entry& entry : *body.context) {
      if (!detail::is_valid_utf8(entry.type)) {
        w.reject("a context type (a member name) is not valid UTF-8");
        break;
      }
      if (context.contains(entry.type)) {
        // Two entries of one type would leave only the last on the wire: say so instead.
        const std::size_t inner = w.enter(entry.type);
        w.reject("two context entries have the type \"" + entry.type + "\"");
        w.leave(inner);
        break;
      }
      if (entry.data) {
        nlohmann::ordered_json value = nlohmann::ordered_json::object();
        const std::size_t inner = w.enter(entry.type);
        w.put(value, "id", entry.id);
        w.put_any(value, "data", *entry.data, true);
        w.leave(inner);
        context[entry.type] = std::move(value);
      } else {
        w.put(context, entry.type, entry.id);
      }
    }
    w.leave(mark);
    o["context"] = std::move(context);
  }
  if (body.connection_mode) o["connectionMode"] = std::string(to_string(*body.connection_mode));
  w.put(o, "integrationIdentifier", body.integration_identifier);
  o["workspace"] = detail::workspace_json(w, body.workspace);
  o["auth"] = detail::auth_json(w, body.auth);
  return detail::finish(w, o);
}

NOVU_CC_API result<std::string> encode_json(const channel_connection& connection) {
  detail::body_writer w;
  nlohmann::ordered_json o = detail::connection_json(w, connection);
  return detail::finish(w, o);
}

NOVU_CC_API result<std::string> encode_json(const channel_connection_page& page) {
  detail::body_writer w;
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  const std::size_t mark = w.enter("data");
  for (std::size_t i = 0; i < page.data.size() && !w.failed(); ++i) {
    const std::size_t inner = w.enter(std::to_string(i));
    data.push_back(detail::connection_json(w, page.data[i]));
    w.leave(inner);
  }
  w.leave(mark);
  o["data"] = std::move(data);
  w.put_nullable(o, "next", page.next);
  w.put_nullable(o, "previous", page.previous);
  o["totalCount"] = page.total_count;
  o["totalCountCapped"] = page.total_count_capped;
  return detail::finish(w, o);
}

NOVU_CC_NAMESPACE_END
