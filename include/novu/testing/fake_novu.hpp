// fake_novu: an in-process stand-in for Novu's Channel Connections and Channel Endpoints APIs,
// for unit tests and examples. It answers the connections' five operations and verify, and the
// endpoints' five operations, from memory the way the server does: `data` envelopes on single
// entities, generated identifiers, filters and cursor pagination on list, ErrorDto/
// ValidationErrorDto bodies, and POST/PATCH idempotency. Thread-safe.
// It is a fake_backend (novu/testing/fake_backend.hpp) serving two resource stores,
// fake_connections (novu/testing/fake_connections.hpp) and fake_endpoints
// (novu/testing/fake_endpoints.hpp), which resolves `connectionIdentifier` in the first.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // int64_t
#include <string>   // string
#include <utility>  // move
#include <vector>   // vector

// The whole library: code that includes the fake gets novu::client and the DTOs with it.
#include "novu/novu.hpp"
#include "novu/testing/fake_backend.hpp"
#include "novu/testing/fake_connections.hpp"
#include "novu/testing/fake_endpoints.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// How a fake_novu starts.
struct fake_novu_options {
  /// Accepted secret key (with or without "ApiKey "); empty accepts any non-empty key.
  std::string secret_key;
  /// Known integrations; creating a connection or an endpoint for another one answers 404.
  std::vector<fake_integration> integrations{{"slack-prod", channel_type::chat, provider_id::slack},
                                             {"msteams-prod", channel_type::chat, provider_id::msteams}};
  /// Clock of createdAt/updatedAt/timestamps in Unix ms; it advances 1 s per write.
  std::int64_t start_unix_ms = 1767225600000;  // 2026-01-01T00:00:00.000Z
};

/// The in-memory server. Hand `transport()` to novu::client or `async_transport()` to
/// novu::async_client, or call `handle()` directly.
class fake_novu {
 public:
  /// A sync transport that forwards to a fake_novu, which must outlive it.
  struct sync_transport {
    fake_novu* server;  ///< the fake answering
    /// Answers `request`.
    transport_result operator()(const http_request& request) const { return server->handle(request); }
  };
  /// An async transport that completes at once on the calling thread.
  struct inline_async_transport {
    fake_novu* server;  ///< the fake answering
    /// Answers `request` through `done`.
    template <class Callback>
    void operator()(http_request request, Callback done) const {
      done(transport_result(server->handle(request)));
    }
  };

  /// A fake with `options`.
  explicit fake_novu(fake_novu_options options = {})
      : backend_(fake_backend_options{std::move(options.secret_key), options.start_unix_ms}),
        connections_(backend_, std::move(options.integrations)),
        endpoints_(backend_, connections_) {}

  /// A transport for novu::client.
  sync_transport transport() noexcept { return sync_transport{this}; }
  /// A transport for novu::async_client.
  inline_async_transport async_transport() noexcept { return inline_async_transport{this}; }

  /// Serves `response` for the next request, before any normal handling (fault injection:
  /// a 429 with Retry-After, a 500...). Queued responses are served in order.
  void enqueue_response(http_response response) { backend_.enqueue_response(std::move(response)); }
  /// Every request received, in order.
  std::vector<http_request> received() const { return backend_.received(); }
  /// Number of requests received.
  std::size_t request_count() const { return backend_.request_count(); }
  /// Stored connections, ordered by identifier.
  std::vector<channel_connection> connections() const { return connections_.connections(); }
  /// Stores `connection` as is (test setup), replacing one with the same identifier.
  void put(channel_connection connection) { connections_.put(std::move(connection)); }
  /// Stored endpoints, ordered by identifier.
  std::vector<channel_endpoint> endpoints() const { return endpoints_.endpoints(); }
  /// Stores `endpoint` as is (test setup: any type, no checks), replacing one with the same
  /// identifier.
  void put(channel_endpoint endpoint) { endpoints_.put(std::move(endpoint)); }

  /// Marks connection `identifier`'s refresh token as rejected by the provider: verify answers
  /// 502 until an update stores new auth. False when there is no such connection.
  bool revoke_refresh_token(const std::string& identifier) { return connections_.revoke_refresh_token(identifier); }
  /// Holds idempotency key `key` "in progress": POST/PATCH requests carrying it answer 409 with
  /// `Retry-After: 1` until release_idempotency_key(key).
  void hold_idempotency_key(std::string key) { backend_.hold_idempotency_key(std::move(key)); }
  /// Ends hold_idempotency_key(key).
  void release_idempotency_key(const std::string& key) { backend_.release_idempotency_key(key); }

  /// Answers one request like the server would.
  http_response handle(const http_request& request) { return backend_.handle(request); }

 private:
  fake_backend backend_;
  fake_connections connections_;
  fake_endpoints endpoints_;  // after connections_, which it reads
};

NOVU_CC_NAMESPACE_END
