// The synchronous client: builder + caller's transport + parser, with bounded retries.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 3
#endif
// NOVU_CC_STANDALONE }

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector
#include <utility>      // move, forward

#include "novu/core/detail/call.hpp"
#include "novu/core/config.hpp"
#include "novu/core/pagination.hpp"
#include "novu/connections/dto.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/connections/request_builder.hpp"
#include "novu/connections/response_parser.hpp"
#include "novu/core/result.hpp"
#include "novu/core/retry.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

namespace detail {

// client::list.
NOVU_CC_API result<channel_connection_page> sync_list(const sync_call_context& call,
                                                      const list_channel_connections_params& params,
                                                      const call_options& options);
// client::create.
NOVU_CC_API result<channel_connection> sync_create(const sync_call_context& call,
                                                   const create_channel_connection_request& body,
                                                   const call_options& options);
// client::retrieve.
NOVU_CC_API result<channel_connection> sync_retrieve(const sync_call_context& call, std::string_view identifier,
                                                     const call_options& options);
// client::update.
NOVU_CC_API result<channel_connection> sync_update(const sync_call_context& call, std::string_view identifier,
                                                   const update_channel_connection_request& body,
                                                   const call_options& options);
// client::remove.
NOVU_CC_API result<void> sync_remove(const sync_call_context& call, std::string_view identifier,
                                     const call_options& options);
// client::verify.
NOVU_CC_API result<channel_connection> sync_verify(const sync_call_context& call, std::string_view identifier,
                                                   const call_options& options);
// client::create_or_update.
NOVU_CC_API result<channel_connection> sync_create_or_update(const sync_call_context& call,
                                                             const create_channel_connection_request& body,
                                                             const call_options& options);

// The policy of a verify call: `policy` without retries of 502 (the provider rejected the
// refresh token; it stays so until the user re-authorises), other statuses as in `policy`.
NOVU_CC_API retry_policy verify_retry_policy(retry_policy policy);

// The connection a failed create of create_or_update should update instead: the identifier a
// permanent conflict names, else the body's own identifier for a duplicate-identifier conflict;
// nullopt when `created` is no permanent conflict.
NOVU_CC_API std::optional<std::string> create_or_update_target(const error& created,
                                                               const std::optional<std::string>& body_identifier);

// The options of create_or_update's update: the caller's idempotency key with "-update" (so
// the create and the update never share one), or a generated key when the caller gave none.
NOVU_CC_API call_options create_or_update_options(const call_options& options);

// The update create_or_update sends: the create body's workspace and auth.
NOVU_CC_API update_channel_connection_request update_from_create(const create_channel_connection_request& body);

// The values of the tokens `auth` carries (its table's secret fields), for an async call to
// keep while it runs.
NOVU_CC_API std::vector<std::string> auth_secret_values(const novu::auth& auth);

// What a list call's final answer gives: the page, or the error with the configured key and
// `sent`'s secrets scrubbed from every field before any text in it is cut.
NOVU_CC_API result<channel_connection_page> finish_list_call(transport_result answer, const client_config& config,
                                                             const sent_secrets& sent);
// finish_list_call for create, retrieve and update.
NOVU_CC_API result<channel_connection> finish_connection_call(transport_result answer, const client_config& config,
                                                              const sent_secrets& sent);
// finish_list_call for verify: a 502 says that the provider rejected the refresh token.
NOVU_CC_API result<channel_connection> finish_verify_call(transport_result answer, const client_config& config,
                                                          const sent_secrets& sent);

}  // namespace detail

/// The channel-endpoint operations of a `client` (novu/endpoints/client.hpp, which
/// novu/novu.hpp includes), as the SDKs' `novu.channelEndpoints`.
template <class Client>
class channel_endpoints_operations;

/// The channel-connection operations of a `client`, as the SDKs' `novu.channelConnections`:
/// `api.channel_connections().update(identifier, body)`. A view that refers to the client, which
/// must outlive it; cheap to copy.
template <class Client>
class channel_connections_operations {
 public:
  /// The operations of `client`.
  explicit channel_connections_operations(Client& client) noexcept : client_(&client) {}

  /// One page of channel connections (GET /v1/channel-connections).
  result<channel_connection_page> list(const list_channel_connections_params& params = {},
                                       const call_options& options = {}) {
    return client_->list(params, options);
  }
  /// Every page from `params` on, `on_page(const channel_connection_page&)` for each (return
  /// false to stop); the number of pages delivered (see client::for_each_page).
  template <class OnPage>
  result<std::size_t> for_each_page(const list_channel_connections_params& params, OnPage&& on_page,
                                    const pagination_options& paging = {}, const call_options& options = {}) {
    return client_->for_each_page(params, std::forward<OnPage>(on_page), paging, options);
  }
  /// Creates a channel connection (POST /v1/channel-connections).
  result<channel_connection> create(const create_channel_connection_request& body, const call_options& options = {}) {
    return client_->create(body, options);
  }
  /// Retrieves one channel connection (GET /v1/channel-connections/{identifier}).
  result<channel_connection> retrieve(std::string_view identifier, const call_options& options = {}) {
    return client_->retrieve(identifier, options);
  }
  /// Updates a channel connection (PATCH /v1/channel-connections/{identifier}).
  result<channel_connection> update(std::string_view identifier, const update_channel_connection_request& body,
                                    const call_options& options = {}) {
    return client_->update(identifier, body, options);
  }
  /// Deletes a channel connection (DELETE /v1/channel-connections/{identifier}).
  result<void> remove(std::string_view identifier, const call_options& options = {}) {
    return client_->remove(identifier, options);
  }
  /// Checks (and if due refreshes) the stored tokens with the provider (see client::verify).
  result<channel_connection> verify(std::string_view identifier, const call_options& options = {}) {
    return client_->verify(identifier, options);
  }
  /// Creates the connection, or updates the existing one it conflicts with (see
  /// client::create_or_update).
  result<channel_connection> create_or_update(const create_channel_connection_request& body,
                                              const call_options& options = {}) {
    return client_->create_or_update(body, options);
  }

 private:
  Client* client_;  // never null
};

/// A client for the Channel Connections API over a caller-supplied synchronous transport:
/// any callable `novu::transport_result(const novu::http_request&)` (or one returning a plain
/// `novu::http_response`). Calls from several threads are safe when the transport is.
/// `Environment` supplies clock, sleep and randomness for retries (see system_environment).
template <class Transport, class Environment = system_environment>
class client {
 public:
  /// A client sending through `transport`.
  client(client_config config, Transport transport, Environment environment = Environment{})
      : config_(std::move(config)), transport_(std::move(transport)), environment_(std::move(environment)) {}

  /// The configuration requests are built from.
  const client_config& config() const noexcept { return config_; }

  /// The channel-connection operations, as the SDKs' `novu.channelConnections`. The members
  /// list ... remove below are the same operations, kept for 0.1 code.
  channel_connections_operations<client> channel_connections() noexcept {
    return channel_connections_operations<client>(*this);
  }
  /// The channel-endpoint operations, as the SDKs' `novu.channelEndpoints`:
  /// `api.channel_endpoints().create(body)` (declared in novu/endpoints/client.hpp).
  channel_endpoints_operations<client> channel_endpoints() noexcept {
    return channel_endpoints_operations<client>(*this);
  }
  /// The transport, e.g. to inspect a fake.
  Transport& transport() noexcept { return transport_; }

  /// One page of channel connections.
  result<channel_connection_page> list(const list_channel_connections_params& params = {},
                                       const call_options& options = {}) {
    return detail::sync_list(context(), params, options);
  }

  /// Calls `on_page(const channel_connection_page&)` for each page, following `next` cursors,
  /// until the last page, until `on_page` returns false, or after `max_pages` pages. Returns
  /// the number of pages delivered, or the first error. Pages after the first are requested
  /// without includeCursor, so no item comes twice; a `next` cursor that repeats one already
  /// followed (or the starting `after`) ends the walk with a `decode` error (location "/next")
  /// after the pages before it were delivered.
  template <class OnPage>
  result<std::size_t> for_each_page(const list_channel_connections_params& params, OnPage&& on_page,
                                    const pagination_options& paging = {}, const call_options& options = {}) {
    return detail::walk_pages(
        config_, params, [&](const list_channel_connections_params& current) { return list(current, options); },
        &connections::next_page_params, on_page, paging);
  }

  /// Creates a channel connection.
  result<channel_connection> create(const create_channel_connection_request& body, const call_options& options = {}) {
    return detail::sync_create(context(), body, options);
  }

  /// Retrieves one channel connection.
  result<channel_connection> retrieve(std::string_view identifier, const call_options& options = {}) {
    return detail::sync_retrieve(context(), identifier, options);
  }

  /// Updates a channel connection's workspace and credentials.
  result<channel_connection> update(std::string_view identifier, const update_channel_connection_request& body,
                                    const call_options& options = {}) {
    return detail::sync_update(context(), identifier, body, options);
  }

  /// Deletes a channel connection.
  result<void> remove(std::string_view identifier, const call_options& options = {}) {
    return detail::sync_remove(context(), identifier, options);
  }

  /// POST /v1/channel-connections/{identifier}/verify: the server checks the stored tokens with
  /// the provider, refreshes them when due, and answers the connection as stored now. A 502
  /// (the provider rejected the refresh token: it stays rejected until the user re-authorises)
  /// comes back at once, without retries, with a message saying so; other 5xx are retried as
  /// usual. A server feature not yet in the OpenAPI document.
  result<channel_connection> verify(std::string_view identifier, const call_options& options = {}) {
    return detail::sync_verify(context(), identifier, options);
  }

  /// Creates the connection; when the server answers with a permanent "already exists"
  /// conflict, updates the connection it names (the "Connection ID" of a same integration,
  /// subscriber and context conflict, or the body's own identifier) with the body's workspace
  /// and auth, and returns that. Other errors of the create come back as they are. The update
  /// carries the caller's idempotency key with "-update" appended (a generated key without one).
  result<channel_connection> create_or_update(const create_channel_connection_request& body,
                                              const call_options& options = {}) {
    return detail::sync_create_or_update(context(), body, options);
  }

 private:
  template <class>
  friend class channel_endpoints_operations;  // calls through context()

  // This client's configuration, transport and environment for the non-template call code.
  detail::sync_call_context context() noexcept {
    return {config_, detail::make_sync_transport_ref(transport_), detail::make_environment_ref(environment_)};
  }

  client_config config_;
  Transport transport_;
  Environment environment_;
};

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 3
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/connections/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
