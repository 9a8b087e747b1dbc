// Data transfer objects of the Channel Endpoints API (/v1/channel-endpoints), with the wire
// names in the comments. An endpoint says where to deliver (a Slack channel, a phone number, a
// webhook...); the connection it may name holds the credentials. Plain values: no JSON library
// type appears here.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>      // int64_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/core/api_error.hpp"
#include "novu/core/enums.hpp"
#include "novu/core/tagged_union.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// Open enum for an endpoint's `type`: the 14 types SDK 3.19.1 knows (the OpenAPI document has
/// the first 12). Any other string from the server is kept verbatim, with its payload as raw JSON.
class endpoint_type : public open_enum<endpoint_type> {
 public:
  static constexpr std::string_view slack_channel{"slack_channel"};                ///< slack_channel_endpoint
  static constexpr std::string_view slack_user{"slack_user"};                      ///< slack_user_endpoint
  static constexpr std::string_view webhook{"webhook"};                            ///< webhook_endpoint
  static constexpr std::string_view phone{"phone"};                                ///< phone_endpoint
  static constexpr std::string_view ms_teams_channel{"ms_teams_channel"};          ///< ms_teams_channel_endpoint
  static constexpr std::string_view ms_teams_user{"ms_teams_user"};                ///< ms_teams_user_endpoint
  static constexpr std::string_view telegram_chat{"telegram_chat"};                ///< telegram_chat_endpoint
  static constexpr std::string_view webex_room{"webex_room"};                      ///< webex_room_endpoint
  static constexpr std::string_view webex_person{"webex_person"};                  ///< webex_person_endpoint
  static constexpr std::string_view line_user{"line_user"};                        ///< line_user_endpoint
  static constexpr std::string_view pagerduty_service{"pagerduty_service"};        ///< pagerduty_service_endpoint
  static constexpr std::string_view opsgenie_integration{"opsgenie_integration"};  ///< opsgenie_integration_endpoint
  static constexpr std::string_view grafana_oncall_integration{
      "grafana_oncall_integration"};                               ///< grafana_oncall_endpoint
  static constexpr std::string_view tool_webhook{"tool_webhook"};  ///< tool_webhook_endpoint

  /// Every type SDK 3.19.1 knows, in the order of endpoint_data's alternatives.
  static constexpr std::string_view known_values[] = {slack_channel,
                                                      slack_user,
                                                      webhook,
                                                      phone,
                                                      ms_teams_channel,
                                                      ms_teams_user,
                                                      telegram_chat,
                                                      webex_room,
                                                      webex_person,
                                                      line_user,
                                                      pagerduty_service,
                                                      opsgenie_integration,
                                                      grafana_oncall_integration,
                                                      tool_webhook};

  /// An empty value, or any wire value (known or not); the constants above convert implicitly.
  using open_enum::open_enum;
};

/// Open enum for the data-center region of a PagerDuty or Opsgenie account (`region`).
class endpoint_region : public open_enum<endpoint_region> {
 public:
  static constexpr std::string_view us{"us"};  ///< "us"
  static constexpr std::string_view eu{"eu"};  ///< "eu"
  /// The documented values.
  static constexpr std::string_view known_values[] = {us, eu};
  /// An empty value, or any wire value (known or not).
  using open_enum::open_enum;
};

/// Open enum for a tool webhook's HTTP method override (`method`).
class webhook_method : public open_enum<webhook_method> {
 public:
  static constexpr std::string_view post{"POST"};    ///< "POST"
  static constexpr std::string_view put{"PUT"};      ///< "PUT"
  static constexpr std::string_view patch{"PATCH"};  ///< "PATCH"
  /// The values SDK 3.19.1 documents.
  static constexpr std::string_view known_values[] = {post, put, patch};
  /// An empty value, or any wire value (known or not).
  using open_enum::open_enum;
};

/// `slack_channel` (`SlackChannelEndpointDto`).
struct slack_channel_endpoint {
  std::string channel_id;  ///< `channelId`, e.g. "C123456789"
};
/// `slack_user` (`SlackUserEndpointDto`).
struct slack_user_endpoint {
  std::string user_id;  ///< `userId`, e.g. "U123456789"
};
/// `webhook` (`WebhookEndpointDto`).
struct webhook_endpoint {
  std::string url;                     ///< `url`
  std::optional<std::string> channel;  ///< `channel`: an optional channel identifier
};
/// `phone` (`PhoneEndpointDto`).
struct phone_endpoint {
  std::string phone_number;  ///< `phoneNumber`, E.164
};
/// `ms_teams_channel` (`MsTeamsChannelEndpointDto`).
struct ms_teams_channel_endpoint {
  std::string team_id;     ///< `teamId`
  std::string channel_id;  ///< `channelId`
};
/// `ms_teams_user` (`MsTeamsUserEndpointDto`).
struct ms_teams_user_endpoint {
  std::string user_id;  ///< `userId`
};
/// `telegram_chat` (`TelegramChatEndpointDto`).
struct telegram_chat_endpoint {
  std::string chat_id;  ///< `chatId`
};
/// `webex_room` (`WebexRoomEndpointDto`).
struct webex_room_endpoint {
  std::string room_id;                   ///< `roomId`
  std::optional<std::string> parent_id;  ///< `parentId`: a parent message, for threaded replies
};
/// `webex_person` (`WebexPersonEndpointDto`): exactly one of the two, says the server.
struct webex_person_endpoint {
  std::optional<std::string> person_id;     ///< `personId`
  std::optional<std::string> person_email;  ///< `personEmail`
};
/// `line_user` (`LineUserEndpointDto`).
struct line_user_endpoint {
  std::string user_id;  ///< `userId`
};
/// `pagerduty_service` (`PagerDutyServiceEndpointDto`). `routing_key` is a secret.
struct pagerduty_service_endpoint {
  std::string routing_key;  ///< `routingKey`: the Events API v2 integration key (32 characters)
  endpoint_region region;   ///< `region`
};
/// `opsgenie_integration` (`OpsgenieIntegrationEndpointDto`). `api_key` is a secret.
struct opsgenie_integration_endpoint {
  std::string api_key;     ///< `apiKey`: the integration key (GenieKey)
  endpoint_region region;  ///< `region`
};
/// `grafana_oncall_integration` (`GrafanaOnCallIntegrationEndpointDto`). `auth_token` is a secret.
struct grafana_oncall_endpoint {
  std::string url;                        ///< `url`
  std::optional<std::string> auth_token;  ///< `authToken`
};
/// One header a tool webhook sends: its name and (secret) value.
struct webhook_header {
  std::string name;   ///< the member name in `headers`
  std::string value;  ///< its value
};
/// `tool_webhook` (`ToolWebhookEndpointDto`). `url` and the header values are secrets.
struct tool_webhook_endpoint {
  std::string url;                                     ///< `url`, often a capability URL
  std::optional<std::vector<webhook_header>> headers;  ///< `headers`, in order
  std::optional<webhook_method> method;                ///< `method`
};

/// Where an endpoint delivers: the alternative its `type` names, or the raw JSON of a type this
/// version does not know (index 0). The alternatives follow endpoint_type::known_values.
using endpoint_data =
    tagged_union<slack_channel_endpoint, slack_user_endpoint, webhook_endpoint, phone_endpoint,
                 ms_teams_channel_endpoint, ms_teams_user_endpoint, telegram_chat_endpoint, webex_room_endpoint,
                 webex_person_endpoint, line_user_endpoint, pagerduty_service_endpoint, opsgenie_integration_endpoint,
                 grafana_oncall_endpoint, tool_webhook_endpoint>;

/// A channel endpoint as the server returns it (`GetChannelEndpointResponseDto`). `nullopt` in a
/// nullable field means the server sent `null`.
struct channel_endpoint {
  std::string identifier;                             ///< `identifier`
  std::optional<channel_type> channel;                ///< `channel` (nullable, open enum)
  std::optional<novu::provider_id> provider_id;       ///< `providerId` (nullable, open enum)
  std::optional<std::string> integration_identifier;  ///< `integrationIdentifier` (nullable)
  std::optional<std::string> connection_identifier;   ///< `connectionIdentifier` (nullable)
  std::optional<std::string> subscriber_id;           ///< `subscriberId` (nullable)
  std::vector<std::string> context_keys;              ///< `contextKeys`, "type:id" each
  endpoint_type type;                                 ///< `type`
  endpoint_data endpoint;                             ///< `endpoint`, decoded as `type` says
  std::string created_at;                             ///< `createdAt` (ISO 8601)
  std::string updated_at;                             ///< `updatedAt` (ISO 8601)
};

/// One page of GET /v1/channel-endpoints (`ListChannelEndpointsResponseDto`).
struct channel_endpoint_page {
  std::vector<channel_endpoint> data;   ///< `data`
  std::optional<std::string> next;      ///< `next`: pass as `after` for the next page
  std::optional<std::string> previous;  ///< `previous`: pass as `before`
  std::int64_t total_count = 0;         ///< `totalCount`, capped at 50,000 by the server
  bool total_count_capped = false;      ///< `totalCountCapped`
};

/// Body of POST /v1/channel-endpoints (`Create*EndpointDto`, one per type). Build the endpoint
/// as the typed alternative of its type; raw_alternative only for a type this version does not
/// know (the encoder refuses raw JSON under a known type, and a typed payload under another type).
struct create_channel_endpoint_request {
  std::optional<std::string> identifier;              ///< `identifier`; generated by the server when absent
  std::string subscriber_id;                          ///< `subscriberId` (required)
  std::optional<bool> create_subscriber_if_missing;   ///< `createSubscriberIfMissing`: sent only when set
  std::optional<std::vector<context_entry>> context;  ///< `context`, in the order given
  std::string integration_identifier;                 ///< `integrationIdentifier` (required)
  std::optional<std::string> connection_identifier;   ///< `connectionIdentifier`: a connection of that integration
  endpoint_type type;                                 ///< `type` (required)
  endpoint_data endpoint;                             ///< `endpoint`, of the alternative `type` names
};

/// Body of PATCH /v1/channel-endpoints/{identifier} (`UpdateChannelEndpointRequestDto`): the
/// endpoint alone, which must be of the stored endpoint's type (the type is not sent).
struct update_channel_endpoint_request {
  endpoint_data endpoint;  ///< `endpoint`
};

/// Query of GET /v1/channel-endpoints. Unset fields are not sent.
struct list_channel_endpoints_params {
  std::optional<std::string> after;                      ///< `after` cursor
  std::optional<std::string> before;                     ///< `before` cursor (not with `after`)
  std::optional<int> limit;                              ///< `limit`, 1..100 (server default 10)
  std::optional<novu::order_direction> order_direction;  ///< `orderDirection`
  std::optional<novu::order_by> order_by;                ///< `orderBy`
  std::optional<bool> include_cursor;                    ///< `includeCursor`
  std::optional<std::string> subscriber_id;              ///< `subscriberId`
  std::optional<channel_type> channel;                   ///< `channel`
  std::optional<novu::provider_id> provider_id;          ///< `providerId`
  std::optional<std::string> integration_identifier;     ///< `integrationIdentifier`
  std::optional<std::string> connection_identifier;      ///< `connectionIdentifier`
  /// `contextKeys` ("type:id" each). An engaged but empty vector sends `contextKeys=`, the
  /// server's filter for endpoints without context; nullopt sends nothing.
  std::optional<std::vector<std::string>> context_keys;
};

NOVU_CC_NAMESPACE_END
