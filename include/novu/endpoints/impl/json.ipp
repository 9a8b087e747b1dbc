// Implementation of novu/endpoints/json.hpp: the endpoint field tables, which drive the decoder,
// the encoder, the secrets a call scrubs and the names the printer masks.
// SPDX-License-Identifier: MIT
#pragma once

#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/core/detail/json_encoder.hpp"
#include "novu/core/detail/json_fields.hpp"
#include "novu/core/detail/json_reader.hpp"
#include "novu/core/detail/secret_fields.hpp"
#include "novu/core/impl/json.ipp"
#include "novu/core/version.hpp"
#include "novu/endpoints/json.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// One table per endpoint type, in endpoint_data's order.
inline constexpr field_desc slack_channel_fields[] = {
    field<&slack_channel_endpoint::channel_id>("channelId", field_required)};
inline constexpr type_desc slack_channel_type = struct_type<slack_channel_endpoint, slack_channel_fields>();
inline constexpr field_desc slack_user_fields[] = {field<&slack_user_endpoint::user_id>("userId", field_required)};
inline constexpr type_desc slack_user_type = struct_type<slack_user_endpoint, slack_user_fields>();
inline constexpr field_desc webhook_fields[] = {field<&webhook_endpoint::url>("url", field_required),
                                                field<&webhook_endpoint::channel>("channel")};
inline constexpr type_desc webhook_type = struct_type<webhook_endpoint, webhook_fields>();
inline constexpr field_desc phone_fields[] = {field<&phone_endpoint::phone_number>("phoneNumber", field_required)};
inline constexpr type_desc phone_type = struct_type<phone_endpoint, phone_fields>();
inline constexpr field_desc ms_teams_channel_fields[] = {
    field<&ms_teams_channel_endpoint::team_id>("teamId", field_required),
    field<&ms_teams_channel_endpoint::channel_id>("channelId", field_required)};
inline constexpr type_desc ms_teams_channel_type = struct_type<ms_teams_channel_endpoint, ms_teams_channel_fields>();
inline constexpr field_desc ms_teams_user_fields[] = {
    field<&ms_teams_user_endpoint::user_id>("userId", field_required)};
inline constexpr type_desc ms_teams_user_type = struct_type<ms_teams_user_endpoint, ms_teams_user_fields>();
inline constexpr field_desc telegram_chat_fields[] = {
    field<&telegram_chat_endpoint::chat_id>("chatId", field_required)};
inline constexpr type_desc telegram_chat_type = struct_type<telegram_chat_endpoint, telegram_chat_fields>();
inline constexpr field_desc webex_room_fields[] = {field<&webex_room_endpoint::room_id>("roomId", field_required),
                                                   field<&webex_room_endpoint::parent_id>("parentId")};
inline constexpr type_desc webex_room_type = struct_type<webex_room_endpoint, webex_room_fields>();
inline constexpr field_desc webex_person_fields[] = {field<&webex_person_endpoint::person_id>("personId"),
                                                     field<&webex_person_endpoint::person_email>("personEmail")};
inline constexpr type_desc webex_person_type = struct_type<webex_person_endpoint, webex_person_fields>();
inline constexpr field_desc line_user_fields[] = {field<&line_user_endpoint::user_id>("userId", field_required)};
inline constexpr type_desc line_user_type = struct_type<line_user_endpoint, line_user_fields>();
inline constexpr field_desc pagerduty_fields[] = {
    field<&pagerduty_service_endpoint::routing_key>("routingKey", field_required | field_secret),
    field<&pagerduty_service_endpoint::region>("region", field_required)};
inline constexpr type_desc pagerduty_type = struct_type<pagerduty_service_endpoint, pagerduty_fields>();
inline constexpr field_desc opsgenie_fields[] = {
    field<&opsgenie_integration_endpoint::api_key>("apiKey", field_required | field_secret),
    field<&opsgenie_integration_endpoint::region>("region", field_required)};
inline constexpr type_desc opsgenie_type = struct_type<opsgenie_integration_endpoint, opsgenie_fields>();
inline constexpr field_desc grafana_fields[] = {field<&grafana_oncall_endpoint::url>("url", field_required),
                                                field<&grafana_oncall_endpoint::auth_token>("authToken", field_secret)};
inline constexpr type_desc grafana_type = struct_type<grafana_oncall_endpoint, grafana_fields>();
// A tool webhook's headers: a JSON object of strings (name -> value), the values secret.
inline constexpr field_desc webhook_header_fields[] = {
    field<&webhook_header::value>("value", field_required | field_secret)};
inline constexpr type_desc webhook_header_type =
    map_type<webhook_header, &webhook_header::name, webhook_header_fields, 0, true>();
template <>
inline constexpr const type_desc* table_of<webhook_header> = &webhook_header_type;
inline constexpr field_desc tool_webhook_fields[] = {
    field<&tool_webhook_endpoint::url>("url", field_required | field_secret),
    field<&tool_webhook_endpoint::headers>("headers", field_secret), field<&tool_webhook_endpoint::method>("method")};
inline constexpr type_desc tool_webhook_type = struct_type<tool_webhook_endpoint, tool_webhook_fields>();

inline constexpr variant_alternative endpoint_alternatives[] = {
    {endpoint_type::slack_channel, &slack_channel_type},
    {endpoint_type::slack_user, &slack_user_type},
    {endpoint_type::webhook, &webhook_type},
    {endpoint_type::phone, &phone_type},
    {endpoint_type::ms_teams_channel, &ms_teams_channel_type},
    {endpoint_type::ms_teams_user, &ms_teams_user_type},
    {endpoint_type::telegram_chat, &telegram_chat_type},
    {endpoint_type::webex_room, &webex_room_type},
    {endpoint_type::webex_person, &webex_person_type},
    {endpoint_type::line_user, &line_user_type},
    {endpoint_type::pagerduty_service, &pagerduty_type},
    {endpoint_type::opsgenie_integration, &opsgenie_type},
    {endpoint_type::grafana_oncall_integration, &grafana_type},
    {endpoint_type::tool_webhook, &tool_webhook_type},
};
inline constexpr variant_desc endpoint_data_type = variant_type<endpoint_data, endpoint_alternatives>();
template <>
inline constexpr const variant_desc* variant_table_of<endpoint_data> = &endpoint_data_type;

inline constexpr unsigned char endpoint_required_nullable = field_required | field_nullable;

inline constexpr field_desc endpoint_fields[] = {
    field<&channel_endpoint::identifier>("identifier", field_required),
    field<&channel_endpoint::channel>("channel", endpoint_required_nullable),
    field<&channel_endpoint::provider_id>("providerId", endpoint_required_nullable),
    field<&channel_endpoint::integration_identifier>("integrationIdentifier", endpoint_required_nullable),
    field<&channel_endpoint::connection_identifier>("connectionIdentifier", endpoint_required_nullable),
    field<&channel_endpoint::subscriber_id>("subscriberId", endpoint_required_nullable),
    field<&channel_endpoint::context_keys>("contextKeys", field_required),
    field<&channel_endpoint::type>("type", field_required),
    variant_field<&channel_endpoint::endpoint>("endpoint", 7, field_required),
    field<&channel_endpoint::created_at>("createdAt", field_required),
    field<&channel_endpoint::updated_at>("updatedAt", field_required),
};
inline constexpr type_desc endpoint_table = list_type<channel_endpoint, endpoint_fields>();
template <>
inline constexpr const type_desc* table_of<channel_endpoint> = &endpoint_table;

inline constexpr field_desc endpoint_page_fields[] = {
    field<&channel_endpoint_page::data>("data", field_required),
    field<&channel_endpoint_page::next>("next", endpoint_required_nullable),
    field<&channel_endpoint_page::previous>("previous", endpoint_required_nullable),
    field<&channel_endpoint_page::total_count>("totalCount", field_required),
    field<&channel_endpoint_page::total_count_capped>("totalCountCapped", field_required),
};
inline constexpr type_desc endpoint_page_table = struct_type<channel_endpoint_page, endpoint_page_fields>();

inline constexpr field_desc create_endpoint_fields[] = {
    field<&create_channel_endpoint_request::identifier>("identifier"),
    field<&create_channel_endpoint_request::subscriber_id>("subscriberId", field_required),
    field<&create_channel_endpoint_request::create_subscriber_if_missing>("createSubscriberIfMissing"),
    field<&create_channel_endpoint_request::context>("context"),
    field<&create_channel_endpoint_request::integration_identifier>("integrationIdentifier", field_required),
    field<&create_channel_endpoint_request::connection_identifier>("connectionIdentifier"),
    field<&create_channel_endpoint_request::type>("type", field_required),
    variant_field<&create_channel_endpoint_request::endpoint>("endpoint", 6, field_required),
};
inline constexpr type_desc create_endpoint_table =
    struct_type<create_channel_endpoint_request, create_endpoint_fields>();

inline constexpr field_desc update_endpoint_fields[] = {
    variant_field<&update_channel_endpoint_request::endpoint>("endpoint", no_tag, field_required)};
inline constexpr type_desc update_endpoint_table =
    struct_type<update_channel_endpoint_request, update_endpoint_fields>();

// The payload of one endpoint alone, its tag given: decode_endpoint_data.
struct tagged_endpoint {
  endpoint_type type;
  endpoint_data endpoint;
};
inline constexpr field_desc tagged_endpoint_fields[] = {
    field<&tagged_endpoint::type>("type", field_required),
    variant_field<&tagged_endpoint::endpoint>("endpoint", 0, field_required)};
inline constexpr type_desc tagged_endpoint_table = struct_type<tagged_endpoint, tagged_endpoint_fields>();

// Registers the endpoint tables' secret member names ("url", "headers", "routingKey"...) with
// the printer and the error-body masks, once, the first time a program uses any endpoint
// function: a program that uses only connections links none of the endpoint tables.
inline void register_endpoint_secret_names() {
  static const bool registered = register_table_secrets(endpoint_table);
  (void)registered;
}

}  // namespace detail

NOVU_CC_API result<channel_endpoint> decode_channel_endpoint(std::string_view json, const decode_limits& limits) {
  detail::register_endpoint_secret_names();
  return detail::decode_as<channel_endpoint>(json, detail::endpoint_table, true, limits);
}

NOVU_CC_API result<channel_endpoint_page> decode_channel_endpoint_page(std::string_view json,
                                                                       const decode_limits& limits) {
  detail::register_endpoint_secret_names();
  return detail::decode_as<channel_endpoint_page>(json, detail::endpoint_page_table, false, limits);
}

NOVU_CC_API result<endpoint_data> decode_endpoint_data(const endpoint_type& type, std::string_view json,
                                                       const decode_limits& limits) {
  detail::register_endpoint_secret_names();
  detail::tagged_endpoint tagged;
  tagged.type = type;
  // The payload as the member of a document that names its type first.
  result<any_json> payload = parse_any_json(json, limits);
  if (!payload) return std::move(payload).error();
  result<any_json> tag = json_string(type.value());
  if (!tag) return std::move(tag).error();
  const std::string document = "{\"type\":" + tag->text + ",\"endpoint\":" + payload->text + "}";
  result<void> done = detail::decode_into(document, &detail::tagged_endpoint_table, &tagged, false, limits);
  if (!done) {
    // Located in the payload itself: "/endpoint/roomId" is "/roomId" of `json`.
    error e = std::move(done).error();
    static constexpr std::string_view member = "/endpoint";
    if (e.location.compare(0, member.size(), member) == 0) {
      e.location.erase(0, member.size());
      const std::size_t at = e.message.find(member);
      if (at != std::string::npos) e.message.erase(at, member.size());
      if (e.location.empty() && e.message.compare(0, 2, ": ") == 0) e.message.insert(0, "document root");
    }
    return e;
  }
  return std::move(tagged.endpoint);
}

namespace endpoints {

NOVU_CC_API result<update_channel_endpoint_request> decode_update_request(std::string_view json,
                                                                          const decode_limits& limits) {
  detail::register_endpoint_secret_names();
  return detail::decode_as<update_channel_endpoint_request>(json, detail::update_endpoint_table, false, limits);
}

NOVU_CC_API result<create_channel_endpoint_request> decode_create_request(std::string_view json,
                                                                          const decode_limits& limits) {
  detail::register_endpoint_secret_names();
  return detail::decode_as<create_channel_endpoint_request>(json, detail::create_endpoint_table, false, limits);
}

}  // namespace endpoints

NOVU_CC_API result<std::string> encode_json(const create_channel_endpoint_request& body) {
  detail::register_endpoint_secret_names();
  return detail::encode_with_table(detail::create_endpoint_table, &body);
}

NOVU_CC_API result<std::string> encode_json(const update_channel_endpoint_request& body) {
  detail::register_endpoint_secret_names();
  return detail::encode_with_table(detail::update_endpoint_table, &body);
}

NOVU_CC_API result<std::string> encode_json(const channel_endpoint& endpoint) {
  detail::register_endpoint_secret_names();
  return detail::encode_with_table(detail::endpoint_table, &endpoint);
}

NOVU_CC_API result<std::string> encode_json(const channel_endpoint_page& page) {
  detail::register_endpoint_secret_names();
  return detail::encode_with_table(detail::endpoint_page_table, &page);
}

NOVU_CC_NAMESPACE_END
