// Implementation of novu/connections/json.hpp: the connection field tables, which drive both the
// decoder and the encoder.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include <nlohmann/json.hpp>

#include "novu/core/detail/json_encoder.hpp"
#include "novu/core/detail/json_fields.hpp"
#include "novu/core/detail/json_reader.hpp"
#include "novu/core/impl/json.ipp"
#include "novu/connections/json.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// connection_mode on the wire (a closed enum: another spelling is a decode error).
template <>
struct enum_spellings<connection_mode> {
  static constexpr std::string_view names[] = {"subscriber", "shared"};
  static constexpr std::string_view expected = "\"subscriber\" or \"shared\"";
};

inline constexpr field_desc workspace_fields[] = {
    field<&workspace::id>("id", field_required),
    field<&workspace::name>("name"),
    field<&workspace::bot_user_id>("botUserId"),
};
inline constexpr type_desc workspace_type = struct_type<workspace, workspace_fields>();
template <>
inline constexpr const type_desc* table_of<workspace> = &workspace_type;

// `auth` as requests carry it: the access token is required.
inline constexpr field_desc auth_fields[] = {
    field<&auth::access_token>("accessToken", field_required | field_secret),
    field<&auth::refresh_token>("refreshToken", field_secret),
    field<&auth::expires_at>("expiresAt"),
    field<&auth::refresh_token_expires_at>("refreshTokenExpiresAt"),
};
inline constexpr type_desc auth_type = struct_type<auth, auth_fields>();
template <>
inline constexpr const type_desc* table_of<auth> = &auth_type;

// `auth` as responses carry it: a server that hides tokens may leave `accessToken` out (then
// auth::access_token is empty, as when it sends ""); extra members (`hasAccessToken`) are skipped.
inline constexpr field_desc auth_response_fields[] = {
    field<&auth::access_token>("accessToken", field_secret),
    auth_fields[1],
    auth_fields[2],
    auth_fields[3],
};
inline constexpr type_desc auth_response_type = struct_type<auth, auth_response_fields>();

inline constexpr unsigned char required_nullable = field_required | field_nullable;

inline constexpr field_desc connection_fields[] = {
    field<&channel_connection::identifier>("identifier", field_required),
    field<&channel_connection::channel>("channel", required_nullable),
    field<&channel_connection::provider_id>("providerId", required_nullable),
    field<&channel_connection::integration_identifier>("integrationIdentifier", required_nullable),
    field<&channel_connection::subscriber_id>("subscriberId", required_nullable),
    field<&channel_connection::context_keys>("contextKeys", field_required),
    field<&channel_connection::workspace>("workspace", field_required),
    field<&channel_connection::auth, &auth_response_type>("auth", field_required),
    field<&channel_connection::created_at>("createdAt", field_required),
    field<&channel_connection::updated_at>("updatedAt", field_required),
};
inline constexpr type_desc connection_type = list_type<channel_connection, connection_fields>();
template <>
inline constexpr const type_desc* table_of<channel_connection> = &connection_type;

inline constexpr field_desc page_fields[] = {
    field<&channel_connection_page::data>("data", field_required),
    field<&channel_connection_page::next>("next", required_nullable),
    field<&channel_connection_page::previous>("previous", required_nullable),
    field<&channel_connection_page::total_count>("totalCount", field_required),
    field<&channel_connection_page::total_count_capped>("totalCountCapped", field_required),
};
inline constexpr type_desc page_type = struct_type<channel_connection_page, page_fields>();

inline constexpr field_desc update_request_fields[] = {
    field<&update_channel_connection_request::workspace>("workspace", field_required),
    field<&update_channel_connection_request::auth>("auth", field_required),
};
inline constexpr type_desc update_request_type =
    struct_type<update_channel_connection_request, update_request_fields>();

inline constexpr field_desc create_request_fields[] = {
    field<&create_channel_connection_request::identifier>("identifier"),
    field<&create_channel_connection_request::subscriber_id>("subscriberId"),
    field<&create_channel_connection_request::context>("context"),
    field<&create_channel_connection_request::connection_mode>("connectionMode"),
    field<&create_channel_connection_request::integration_identifier>("integrationIdentifier", field_required),
    field<&create_channel_connection_request::workspace>("workspace", field_required),
    field<&create_channel_connection_request::auth>("auth", field_required),
};
inline constexpr type_desc create_request_type =
    struct_type<create_channel_connection_request, create_request_fields>();

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
  return detail::encode_with_table(detail::update_request_type, &body);
}

NOVU_CC_API result<std::string> encode_json(const create_channel_connection_request& body) {
  return detail::encode_with_table(detail::create_request_type, &body);
}

NOVU_CC_API result<std::string> encode_json(const channel_connection& connection) {
  return detail::encode_with_table(detail::connection_type, &connection);
}

NOVU_CC_API result<std::string> encode_json(const channel_connection_page& page) {
  return detail::encode_with_table(detail::page_type, &page);
}

NOVU_CC_NAMESPACE_END
