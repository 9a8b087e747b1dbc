// fake_connections: the channel connections of a fake Novu server (/v1/channel-connections),
// kept in memory. It registers with a fake_backend (novu/testing/fake_backend.hpp) and answers
// the five operations and verify the way the server does (wire-notes §12): `data` envelopes on
// single entities, generated identifiers, the two permanent 409 conflicts, filters and cursor
// pagination on list (descending by default, an empty page for an unknown cursor), token
// rotation's expiresAt, PATCH replacing auth whole, 400/404/409/422/502 errors.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>  // sort, find_if
#include <cstddef>    // size_t
#include <cstdint>    // uint64_t
#include <map>        // map
#include <mutex>      // unique_lock
#include <optional>   // optional
#include <set>        // set
#include <string>     // string, to_string
#include <utility>    // move
#include <vector>     // vector

#include "novu/core/enums.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"
#include "novu/connections/dto.hpp"
#include "novu/connections/json.hpp"
#include "novu/testing/fake_backend.hpp"
#include "novu/testing/fake_store.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// An integration the fake knows: connections created for it get its channel and provider.
struct fake_integration {
  std::string identifier;      ///< integration identifier, e.g. "slack-prod"
  channel_type channel;        ///< channel of its connections
  novu::provider_id provider;  ///< provider of its connections
};

/// The channel connection store of a fake_backend. It registers itself with the server and the
/// two point at each other: keep them together (fake_novu holds both); it is never copied.
class fake_connections {
 public:
  /// The collection path it serves.
  static constexpr const char* collection = "/v1/channel-connections";

  /// A store registered with `server`, knowing `integrations` (another one answers 404).
  fake_connections(fake_backend& server, std::vector<fake_integration> integrations)
      : server_(server), integrations_(std::move(integrations)) {
    fake_resource resource =
        fake_crud_resource(collection, this, &fake_connections::list, &fake_connections::create,
                           &fake_connections::retrieve, &fake_connections::update, &fake_connections::remove);
    resource.actions["verify"] = [this](const fake_call& call) { return verify(call); };
    server.add_resource(std::move(resource));
  }
  fake_connections(const fake_connections&) = delete;
  fake_connections& operator=(const fake_connections&) = delete;

  /// Stored connections, ordered by identifier.
  std::vector<channel_connection> connections() const {
    const std::unique_lock<std::mutex> lock = server_.lock();
    return records_.items();
  }
  /// Stores `connection` as is (test setup), replacing one with the same identifier.
  void put(channel_connection connection) {
    const std::unique_lock<std::mutex> lock = server_.lock();
    revoked_.erase(connection.identifier);
    records_.put(std::move(connection));
  }
  /// The stored connection `identifier`, or nullptr. For another store's handlers (fake_endpoints
  /// looks up `connectionIdentifier`): it does not lock, so call it only under the server's lock.
  const channel_connection* find_unlocked(const std::string& identifier) const { return records_.find(identifier); }
  /// The known integration `identifier`, or nullptr (the list never changes: no lock needed).
  const fake_integration* integration(const std::string& identifier) const {
    const auto found = std::find_if(integrations_.begin(), integrations_.end(),
                                    [&](const fake_integration& i) { return i.identifier == identifier; });
    return found == integrations_.end() ? nullptr : &*found;
  }
  /// Marks the refresh token of connection `identifier` as rejected by the provider: verify
  /// answers 502 until an update (the user re-authorising) stores new auth. False when there
  /// is no such connection.
  bool revoke_refresh_token(const std::string& identifier) {
    const std::unique_lock<std::mutex> lock = server_.lock();
    if (records_.find(identifier) == nullptr) return false;
    revoked_.insert(identifier);
    return true;
  }

 private:
  http_response not_found(const fake_call& call) const {
    return call.server.error_response(404, call.path,
                                      "Channel connection with identifier '" + call.identifier + "' not found");
  }

  // Token rotation: a refresh token without expiresAt gets expiresAt = now (refreshed on first use).
  static void stamp_rotation(novu::auth& auth, const fake_backend& server) {
    if (auth.refresh_token && !auth.expires_at) auth.expires_at = server.now_iso();
  }

  // The stored connection for the same integration, subscriber and context keys (any order).
  const channel_connection* same_target(const std::string& integration, const std::optional<std::string>& subscriber,
                                        const std::vector<std::string>& context_keys) const {
    for (const auto& entry : records_.all()) {
      const channel_connection& c = entry.second.item;
      if (c.integration_identifier == integration && c.subscriber_id == subscriber &&
          fake_same_context(c.context_keys, context_keys)) {
        return &c;
      }
    }
    return nullptr;
  }

  http_response create(const fake_call& call) {
    fake_backend& server = call.server;
    const std::string& path = call.path;
    result<create_channel_connection_request> body = connections::decode_create_request(call.request.body);
    if (!body) return server.validation_response(path, body.error());
    if (!body->subscriber_id && !body->context) {
      return server.error_response(400, path, "Either subscriberId or context must be provided");
    }
    const fake_integration* const known = integration(body->integration_identifier);
    if (known == nullptr) {
      return server.error_response(404, path, "Integration not found: " + body->integration_identifier);
    }
    const bool shared = body->connection_mode == connection_mode::shared;
    std::vector<std::string> context_keys = fake_context_keys(body->context);
    const std::optional<std::string> subscriber = shared ? std::nullopt : body->subscriber_id;
    if (const channel_connection* existing = same_target(body->integration_identifier, subscriber, context_keys)) {
      std::string keys;
      for (const std::string& k : context_keys) keys += (keys.empty() ? "" : ", ") + k;
      return server.error_response(
          409, path,
          "A channel connection already exists for integration \"" + body->integration_identifier + "\" with " +
              (subscriber ? "subscriberId \"" + *subscriber + "\"" : std::string("no subscriberId")) + " and " +
              (context_keys.empty() ? std::string("no context") : "context [" + keys + "]") +
              ". Connection ID: " + existing->identifier);
    }
    channel_connection c;
    if (body->identifier) {
      c.identifier = *body->identifier;
    } else {
      c.identifier = body->integration_identifier + "-" +
                     (shared ? std::string("shared") : body->subscriber_id.value_or("shared")) + "-" +
                     std::to_string(records_.puts() + 1);
    }
    if (c.identifier.empty()) return server.error_response(400, path, "identifier must not be empty");
    if (records_.find(c.identifier) != nullptr) {
      return server.error_response(409, path,
                                   "Channel connection with identifier \"" + c.identifier +
                                       "\" already exists in environment \"fake-environment\"");
    }
    c.channel = known->channel;
    c.provider_id = known->provider;
    c.integration_identifier = body->integration_identifier;
    c.subscriber_id = subscriber;
    c.context_keys = std::move(context_keys);
    c.workspace = std::move(body->workspace);
    c.auth = std::move(body->auth);
    server.tick();
    stamp_rotation(c.auth, server);
    c.created_at = server.now_iso();
    c.updated_at = c.created_at;
    return fake_backend::data_response(201, encode_json(records_.put(std::move(c))));
  }

  http_response retrieve(const fake_call& call) const {
    return records_.retrieve(call, [this](const fake_call& c) { return not_found(c); });
  }

  http_response update(const fake_call& call) {
    result<update_channel_connection_request> body = connections::decode_update_request(call.request.body);
    if (!body) return call.server.validation_response(call.path, body.error());
    channel_connection* found = records_.find(call.identifier);
    if (found == nullptr) return not_found(call);
    channel_connection& c = *found;
    c.workspace = std::move(body->workspace);
    // PATCH replaces auth whole: a body without refreshToken erases the stored one.
    c.auth = std::move(body->auth);
    revoked_.erase(call.identifier);  // new auth: the user re-authorised
    call.server.tick();
    stamp_rotation(c.auth, call.server);
    c.updated_at = call.server.now_iso();
    return fake_backend::data_response(200, encode_json(c));
  }

  // POST /{identifier}/verify: 404 unknown; 502 when the provider rejects the refresh token
  // (auth untouched); a refresh token due (expiresAt now or past) is "exchanged": expiresAt
  // moves 12 h ahead; without a refresh token nothing changes.
  http_response verify(const fake_call& call) {
    channel_connection* found = records_.find(call.identifier);
    if (found == nullptr) return not_found(call);
    channel_connection& c = *found;
    if (c.auth.refresh_token) {
      if (revoked_.count(call.identifier) != 0) {
        return call.server.error_response(502, call.path,
                                          "Failed to refresh the channel connection's token: invalid_refresh_token");
      }
      const std::string now = call.server.now_iso();
      if (!c.auth.expires_at || *c.auth.expires_at <= now) {
        c.auth.expires_at = fake_backend::iso_time(call.server.now_ms() + 12 * 3600 * 1000);
        call.server.tick();
        c.updated_at = call.server.now_iso();
      }
    }
    return fake_backend::data_response(200, encode_json(c));
  }

  http_response remove(const fake_call& call) {
    revoked_.erase(call.identifier);
    return records_.remove(call, [this](const fake_call& c) { return not_found(c); });
  }

  http_response list(const fake_call& call) const {
    fake_list_request list;
    if (std::optional<http_response> bad = fake_read_list(call, list)) return std::move(*bad);
    const std::string mode = list.query.last("connectionMode").value_or("");
    if (!mode.empty() && mode != "subscriber" && mode != "shared") {
      return call.server.invalid_parameter(call.path, "connectionMode", "connectionMode must be subscriber or shared");
    }
    return records_.list<channel_connection_page>(call, list, [&mode](const channel_connection& c) {
      if (mode == "subscriber" && !c.subscriber_id) return false;
      return !(mode == "shared" && c.subscriber_id);
    });
  }

  fake_backend& server_;
  std::vector<fake_integration> integrations_;
  fake_records<channel_connection> records_;
  std::set<std::string> revoked_;  // connections whose refresh token the provider rejects (verify: 502)
};

NOVU_CC_NAMESPACE_END
