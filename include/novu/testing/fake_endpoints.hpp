// fake_endpoints: the channel endpoints of a fake Novu server (/v1/channel-endpoints), kept in
// memory. It registers with a fake_backend (novu/testing/fake_backend.hpp) beside a
// fake_connections store, whose connections and integrations it reads, and answers the five
// operations the way the server's use cases do: `data` envelopes, "chendp_" identifiers, the
// type's payload checked as the server's endpoint schemas check it (422 on create, 400 on
// update), `connectionIdentifier` resolved among the integration's connections (404), Webex
// endpoints bound to a connection of the same context (400), filters and cursor pagination on
// list. Deleting a connection leaves its endpoints, as on the server.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // sort
#include <cstddef>      // size_t
#include <cstdint>      // uint64_t
#include <map>          // map
#include <mutex>        // unique_lock
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <variant>      // get_if
#include <vector>       // vector

#include "novu/core/api_error.hpp"
#include "novu/core/enums.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"
#include "novu/endpoints/dto.hpp"
#include "novu/endpoints/json.hpp"
#include "novu/testing/fake_backend.hpp"
#include "novu/testing/fake_store.hpp"
#include "novu/testing/fake_connections.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// The channel endpoint store of a fake_backend. It registers itself with the server and reads
/// `connections` (integrations and stored connections): keep the three together (fake_novu holds
/// them); it is never copied.
class fake_endpoints {
 public:
  /// The collection path it serves.
  static constexpr const char* collection = "/v1/channel-endpoints";

  /// A store registered with `server`, resolving integrations and `connectionIdentifier` in
  /// `connections` (registered with the same server), which must outlive it.
  fake_endpoints(fake_backend& server, const fake_connections& connections)
      : server_(server), connections_(connections) {
    server.add_resource(fake_crud_resource(collection, this, &fake_endpoints::list, &fake_endpoints::create,
                                           &fake_endpoints::retrieve, &fake_endpoints::update,
                                           &fake_endpoints::remove));
  }
  fake_endpoints(const fake_endpoints&) = delete;
  fake_endpoints& operator=(const fake_endpoints&) = delete;

  /// Stored endpoints, ordered by identifier.
  std::vector<channel_endpoint> endpoints() const {
    const std::unique_lock<std::mutex> lock = server_.lock();
    return records_.items();
  }
  /// Stores `endpoint` as is (test setup: any type, a raw payload, no checks), replacing one
  /// with the same identifier.
  void put(channel_endpoint endpoint) {
    const std::unique_lock<std::mutex> lock = server_.lock();
    records_.put(std::move(endpoint));
  }

 private:
  // The server's shortId(12) after "chendp_": 12 of [0-9a-z], here a splitmix64 of a counter so
  // that a test run is reproducible.
  std::string generate_identifier() {
    std::uint64_t x = ++generated_ * 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    x ^= x >> 31;
    std::string id = "chendp_";
    for (int i = 0; i < 12; ++i, x /= 36) id.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[x % 36]);
    return id;
  }

  static bool alphanumeric(std::string_view text, std::size_t from, std::size_t count) {
    if (from + count > text.size()) return false;
    for (std::size_t i = from; i < from + count; ++i) {
      const char ch = text[i];
      if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) return false;
    }
    return true;
  }
  static bool region_ok(const endpoint_region& region) {
    return region == endpoint_region::us || region == endpoint_region::eu;
  }

  // What the server's endpoint schema checks beyond the decoder's required members: non-empty
  // Webex ids, exactly one Webex person field, a 32-character PagerDuty key, an 8-4-4-4-12
  // Opsgenie key, a us/eu region, an http(s) tool webhook with POST/PUT/PATCH. A raw payload
  // (a type the server does not know) never matches.
  static bool payload_ok(const endpoint_data& data) {
    if (data.index() == 0) return false;
    if (const auto* room = std::get_if<webex_room_endpoint>(&data)) {
      return !room->room_id.empty() && (!room->parent_id || !room->parent_id->empty());
    }
    if (const auto* person = std::get_if<webex_person_endpoint>(&data)) {
      if (person->person_id.has_value() == person->person_email.has_value()) return false;
      return person->person_id ? !person->person_id->empty() : !person->person_email->empty();
    }
    if (const auto* pd = std::get_if<pagerduty_service_endpoint>(&data)) {
      return pd->routing_key.size() == 32 && alphanumeric(pd->routing_key, 0, 32) && region_ok(pd->region);
    }
    if (const auto* og = std::get_if<opsgenie_integration_endpoint>(&data)) {
      const std::string& k = og->api_key;
      return k.size() == 36 && alphanumeric(k, 0, 8) && k[8] == '-' && alphanumeric(k, 9, 4) && k[13] == '-' &&
             alphanumeric(k, 14, 4) && k[18] == '-' && alphanumeric(k, 19, 4) && k[23] == '-' &&
             alphanumeric(k, 24, 12) && region_ok(og->region);
    }
    if (const auto* hook = std::get_if<tool_webhook_endpoint>(&data)) {
      const std::string& url = hook->url;
      const bool http =
          (url.rfind("https://", 0) == 0 && url.size() > 8) || (url.rfind("http://", 0) == 0 && url.size() > 7);
      return http && (!hook->method || *hook->method == webhook_method::post || *hook->method == webhook_method::put ||
                      *hook->method == webhook_method::patch);
    }
    return true;
  }

  static std::string format_message(const endpoint_type& type) {
    return "Endpoint must match the required format for type \"" + type.value() + "\"";
  }

  // Tool types keep their secrets on the endpoint, need their provider's integration and never
  // attach a connection; the label names them in the duplicate 409.
  static const char* tool_label(const endpoint_type& type) {
    if (type == endpoint_type::pagerduty_service) return "PagerDuty";
    if (type == endpoint_type::opsgenie_integration) return "Opsgenie";
    if (type == endpoint_type::grafana_oncall_integration) return "Grafana";
    if (type == endpoint_type::tool_webhook) return "Tool webhook";
    return nullptr;
  }
  static std::string_view tool_provider(const endpoint_type& type) {
    if (type == endpoint_type::pagerduty_service) return provider_id::pagerduty;
    if (type == endpoint_type::opsgenie_integration) return provider_id::opsgenie;
    if (type == endpoint_type::grafana_oncall_integration) return provider_id::grafana;
    return provider_id::tool_webhook;
  }

  http_response not_found(const fake_call& call) const {
    return call.server.error_response(404, call.path,
                                      "Channel endpoint with identifier '" + call.identifier + "' not found");
  }

  // The 422 of the create DTO's validation: a decoder error as the connections store shows it,
  // except that the server files every payload problem under `endpoint` (the decoder's message
  // then names the member, e.g. "roomId: required field ..."; it never carries a value).
  http_response invalid_create(const fake_call& call, const error& e) const {
    static constexpr std::string_view member = "/endpoint";
    if (e.location.compare(0, member.size(), member) != 0) return call.server.validation_response(call.path, e);
    std::string reason = e.message;
    if (reason.compare(0, member.size(), member) == 0) reason.erase(0, member.size());
    if (reason.compare(0, 1, "/") == 0 || reason.compare(0, 2, ": ") == 0) reason.erase(0, reason[0] == '/' ? 1 : 2);
    return call.server.validation_response(call.path, std::vector<constraint_violation>{{"endpoint", {reason}, {}}});
  }

  http_response create(const fake_call& call) {
    fake_backend& server = call.server;
    const std::string& path = call.path;
    result<create_channel_endpoint_request> body = endpoints::decode_create_request(call.request.body);
    if (!body) return invalid_create(call, body.error());
    // The DTO's checks: `type` one of the server's types (IsEnum), and the payload its schema.
    std::vector<constraint_violation> invalid;
    if (!body->type.is_known()) {
      std::string values;
      for (std::string_view v : endpoint_type::known_values) values += (values.empty() ? "" : ", ") + std::string(v);
      invalid.push_back({"type", {"type must be one of the following values: " + values}, {}});
    }
    if (!payload_ok(body->endpoint)) invalid.push_back({"endpoint", {format_message(body->type)}, {}});
    if (!invalid.empty()) return server.validation_response(path, std::move(invalid));

    const fake_integration* integration = connections_.integration(body->integration_identifier);
    if (integration == nullptr) {
      return server.error_response(404, path, "Integration not found: " + body->integration_identifier);
    }
    // An empty identifier is generated too (the server tests `identifier || generate`).
    const std::string identifier =
        body->identifier && !body->identifier->empty() ? *body->identifier : generate_identifier();
    if (records_.find(identifier) != nullptr) {
      return server.error_response(
          409, path,
          "Channel endpoint with identifier \"" + identifier + "\" already exists in environment \"fake-environment\"");
    }
    std::vector<std::string> context_keys = fake_context_keys(body->context);
    const endpoint_type& type = body->type;
    const char* const label = tool_label(type);
    const channel_connection* connection = nullptr;
    if (label != nullptr) {
      if (integration->provider != tool_provider(type)) {
        return server.error_response(400, path,
                                     "Channel endpoint type \"" + type.value() + "\" requires " +
                                         (type == endpoint_type::opsgenie_integration ? "an " : "a ") + label +
                                         " integration");
      }
      // One PagerDuty or Opsgenie endpoint per subscriber and integration (a unique index).
      if (type == endpoint_type::pagerduty_service || type == endpoint_type::opsgenie_integration) {
        for (const auto& entry : records_.all()) {
          const channel_endpoint& e = entry.second.item;
          if (e.type == type && e.subscriber_id == body->subscriber_id &&
              e.integration_identifier == body->integration_identifier) {
            return server.error_response(409, path,
                                         std::string(label) + " endpoint already exists for subscriber \"" +
                                             body->subscriber_id + "\" on integration \"" +
                                             body->integration_identifier + "\"");
          }
        }
      }
    } else {
      const bool webex = type == endpoint_type::webex_room || type == endpoint_type::webex_person;
      if (webex && integration->provider != provider_id::webex_messaging) {
        return server.error_response(
            400, path, "Channel endpoint type \"" + type.value() + "\" requires a Webex Messaging integration");
      }
      if (webex && !body->connection_identifier) {
        return server.error_response(400, path,
                                     "Channel endpoint type \"" + type.value() + "\" requires a connectionIdentifier");
      }
      if (body->connection_identifier) {
        connection = connections_.find_unlocked(*body->connection_identifier);
        if (connection == nullptr || connection->integration_identifier != body->integration_identifier) {
          return server.error_response(404, path, "Channel connection not found: " + *body->connection_identifier);
        }
      }
      if (webex && !fake_same_context(context_keys, connection->context_keys)) {
        return server.error_response(
            400, path,
            "Webex endpoint context must match channel connection \"" + *body->connection_identifier + "\" context");
      }
    }
    channel_endpoint e;
    e.identifier = identifier;
    e.channel = integration->channel;
    e.provider_id = integration->provider;
    e.integration_identifier = body->integration_identifier;
    if (connection != nullptr) e.connection_identifier = connection->identifier;
    e.subscriber_id = body->subscriber_id;
    e.context_keys = std::move(context_keys);
    e.type = type;
    e.endpoint = std::move(body->endpoint);
    server.tick();
    e.created_at = server.now_iso();
    e.updated_at = e.created_at;
    return fake_backend::data_response(201, encode_json(records_.put(std::move(e))));
  }

  http_response retrieve(const fake_call& call) const {
    return records_.retrieve(call, [this](const fake_call& c) { return not_found(c); });
  }

  // PATCH: the payload alone, read as the stored type; a payload that does not match that type's
  // schema is a 400 (the server checks it in the use case, not in the DTO), as is any update of
  // a type the server does not know.
  http_response update(const fake_call& call) {
    result<update_channel_endpoint_request> body = endpoints::decode_update_request(call.request.body);
    if (!body) return call.server.validation_response(call.path, body.error());
    channel_endpoint* found = records_.find(call.identifier);
    if (found == nullptr) {
      return call.server.error_response(
          404, call.path,
          "Channel endpoint with identifier \"" + call.identifier + "\" not found in environment \"fake-environment\"");
    }
    channel_endpoint& e = *found;
    const raw_alternative* raw = std::get_if<raw_alternative>(&body->endpoint);
    result<endpoint_data> payload = raw != nullptr ? decode_endpoint_data(e.type, raw->json.text)
                                                   : result<endpoint_data>(std::move(body->endpoint));
    if (!payload || !payload_ok(*payload)) return call.server.error_response(400, call.path, format_message(e.type));
    e.endpoint = std::move(*payload);
    call.server.tick();
    e.updated_at = call.server.now_iso();
    return fake_backend::data_response(200, encode_json(e));
  }

  http_response remove(const fake_call& call) {
    return records_.remove(call, [this](const fake_call& c) { return not_found(c); });
  }

  http_response list(const fake_call& call) const {
    fake_list_request list;
    if (std::optional<http_response> bad = fake_read_list(call, list)) return std::move(*bad);
    if (list.query.last("after") && list.query.last("before")) {  // the endpoints' use case words it so
      return call.server.error_response(400, call.path,
                                        "Cannot specify both \"before\" and \"after\" cursors at the same time.");
    }
    const std::optional<std::string> connection = list.query.last("connectionIdentifier");
    return records_.list<channel_endpoint_page>(call, list, [&connection](const channel_endpoint& e) {
      return !connection || e.connection_identifier == *connection;
    });
  }

  fake_backend& server_;
  const fake_connections& connections_;
  fake_records<channel_endpoint> records_;
  std::uint64_t generated_ = 0;  // identifiers generated, the seed of the next one
};

NOVU_CC_NAMESPACE_END
