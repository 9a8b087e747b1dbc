// The asynchronous client, for stacks that complete requests through callbacks (game-engine
// HTTP modules, libcurl multi, Boost.Beast). It never blocks: waits between retries go
// through a caller-supplied timer.
//
// How a call runs: every step that waits for someone else (an attempt sent through the
// transport, a retry wait armed on the timer, a page requested by a walk) goes through a
// detail::handoff. Its completion may arrive inside the call that started the step (an inline
// transport or timer), later on the same thread, or on any other thread at any moment. A
// completion that arrives while the starter is still inside the start call only stores its
// value; the starter picks it up after the start call returns and goes round its loop again.
// A completion that arrives after the starter has left continues the loop itself. So the
// stack depth stays the same whatever the number of attempts or pages and however the
// transport completes, and exactly one party continues each step: second and later calls of a
// completion or timer callback are ignored.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 2
#endif
// NOVU_CC_STANDALONE }

#include <cstddef>      // size_t
#include <memory>       // shared_ptr, make_shared
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/connections/client.hpp"
#include "novu/connections/detail/async_two_step.hpp"
#include "novu/core/async.hpp"
#include "novu/core/detail/async_call.hpp"
#include "novu/core/config.hpp"
#include "novu/connections/dto.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/connections/request_builder.hpp"
#include "novu/connections/response_parser.hpp"
#include "novu/core/result.hpp"
#include "novu/core/retry.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// The channel-endpoint operations of an `async_client` (novu/endpoints/async_client.hpp), as
/// the SDKs' `novu.channelEndpoints`.
template <class AsyncClient>
class async_channel_endpoints_operations;

/// The channel-connection operations of an `async_client`, as the SDKs'
/// `novu.channelConnections`: `api.channel_connections().retrieve(identifier, on_done)`. A view
/// that refers to the client, which must outlive the calls that start through it; cheap to copy.
template <class AsyncClient>
class async_channel_connections_operations {
 public:
  /// The operations of `client`.
  explicit async_channel_connections_operations(AsyncClient& client) noexcept : client_(&client) {}

  /// One page of channel connections; `on_done(result<channel_connection_page>)`.
  template <class OnDone>
  async_call_handle list(const list_channel_connections_params& params, OnDone on_done,
                         const call_options& options = {}) {
    return client_->list(params, std::move(on_done), options);
  }
  /// Every page from `params` on (see async_client::for_each_page).
  template <class OnPage, class OnDone>
  async_call_handle for_each_page(const list_channel_connections_params& params, OnPage on_page, OnDone on_done,
                                  const pagination_options& paging = {}, const call_options& options = {}) {
    return client_->for_each_page(params, std::move(on_page), std::move(on_done), paging, options);
  }
  /// Creates a channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle create(const create_channel_connection_request& body, OnDone on_done,
                           const call_options& options = {}) {
    return client_->create(body, std::move(on_done), options);
  }
  /// Retrieves one channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle retrieve(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    return client_->retrieve(identifier, std::move(on_done), options);
  }
  /// Updates a channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle update(std::string_view identifier, const update_channel_connection_request& body, OnDone on_done,
                           const call_options& options = {}) {
    return client_->update(identifier, body, std::move(on_done), options);
  }
  /// Deletes a channel connection; `on_done(result<void>)`.
  template <class OnDone>
  async_call_handle remove(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    return client_->remove(identifier, std::move(on_done), options);
  }
  /// Verifies a connection's tokens with the provider; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle verify(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    return client_->verify(identifier, std::move(on_done), options);
  }
  /// Creates the connection or updates the one it conflicts with; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle create_or_update(const create_channel_connection_request& body, OnDone on_done,
                                     const call_options& options = {}) {
    return client_->create_or_update(body, std::move(on_done), options);
  }

 private:
  AsyncClient* client_;  // never null
};

/// A client over an asynchronous transport: any callable
/// `void(novu::http_request, novu::transport_callback)`. Each call takes a completion
/// `void(novu::result<T>)` (it may be move-only) that runs exactly once, on whatever thread the
/// transport (or timer) completes on; a transport or timer calling its callback twice is
/// harmless. Stack depth stays flat however many retries or pages a call goes through, also
/// when the transport or the timer completes inside the call that started it. Each call
/// returns an async_call_handle whose cancel() ends it (on_done then gets `cancelled`).
/// Without a timer, failed attempts are not retried. `Environment` supplies monotonic_ms,
/// unix_ms and random_unit (sleep_ms is not needed). The client may be destroyed while calls
/// are in flight: they keep what they need alive, until the transport or timer releases the
/// callbacks it holds.
template <class AsyncTransport, class Environment = system_environment>
class async_client {
 public:
  /// A client without retries.
  async_client(client_config config, AsyncTransport transport)
      : state_(std::make_shared<shared_state>(std::move(config), std::move(transport), async_timer{}, Environment{})) {}
  /// A client that retries per `config.retry`, waiting through `timer`.
  async_client(client_config config, AsyncTransport transport, async_timer timer,
               Environment environment = Environment{})
      : state_(std::make_shared<shared_state>(std::move(config), std::move(transport), std::move(timer),
                                              std::move(environment))) {}

  /// The configuration requests are built from.
  const client_config& config() const noexcept { return state_->config; }

  /// The channel-connection operations, as the SDKs' `novu.channelConnections`. The members
  /// list ... remove below are the same operations, kept for 0.1 code.
  async_channel_connections_operations<async_client> channel_connections() noexcept {
    return async_channel_connections_operations<async_client>(*this);
  }

  /// The channel-endpoint operations, as the SDKs' `novu.channelEndpoints` (include
  /// novu/endpoints/async_client.hpp to call them).
  async_channel_endpoints_operations<async_client> channel_endpoints() noexcept {
    return async_channel_endpoints_operations<async_client>(*this);
  }

  /// One page of channel connections; `on_done(result<channel_connection_page>)`.
  template <class OnDone>
  async_call_handle list(const list_channel_connections_params& params, OnDone on_done,
                         const call_options& options = {}) {
    const client_config& config = state_->config;
    return detail::start_async_call<channel_connection_page>(
        context(), options,
        [&](const call_options& keyed) { return connections::build_list_request(config, params, keyed); },
        &detail::finish_list_call, {}, std::move(on_done));
  }

  /// Walks the pages like client::for_each_page (same cursor rules: pages after the first are
  /// requested without includeCursor, and a `next` cursor that repeats one already followed
  /// fails the walk with a `decode` error): `on_page(const channel_connection_page&)` returns
  /// false to stop; `on_done(result<std::size_t>)` gets the page count or the error, once.
  template <class OnPage, class OnDone>
  async_call_handle for_each_page(const list_channel_connections_params& params, OnPage on_page, OnDone on_done,
                                  const pagination_options& paging = {}, const call_options& options = {}) {
    using walk = detail::async_page_walk<list_channel_connections_params, channel_connection_page>;
    const detail::page_listing<list_channel_connections_params, channel_connection_page> listing{
        &connections::build_list_request, &detail::finish_list_call, &connections::next_page_params};
    return walk::start(
        std::make_shared<walk>(context(), listing, params, options, paging, std::move(on_page), std::move(on_done)));
  }

  /// Creates a channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle create(const create_channel_connection_request& body, OnDone on_done,
                           const call_options& options = {}) {
    const client_config& config = state_->config;
    return detail::start_async_call<channel_connection>(
        context(), options,
        [&](const call_options& keyed) { return connections::build_create_request(config, body, keyed); },
        &detail::finish_connection_call, detail::auth_secret_values(body.auth), std::move(on_done));
  }

  /// Retrieves one channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle retrieve(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    const client_config& config = state_->config;
    return detail::start_async_call<channel_connection>(
        context(), options,
        [&](const call_options& keyed) { return connections::build_retrieve_request(config, identifier, keyed); },
        &detail::finish_connection_call, {}, std::move(on_done));
  }

  /// Updates a channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle update(std::string_view identifier, const update_channel_connection_request& body, OnDone on_done,
                           const call_options& options = {}) {
    const client_config& config = state_->config;
    return detail::start_async_call<channel_connection>(
        context(), options,
        [&](const call_options& keyed) { return connections::build_update_request(config, identifier, body, keyed); },
        &detail::finish_connection_call, detail::auth_secret_values(body.auth), std::move(on_done));
  }

  /// Deletes a channel connection; `on_done(result<void>)`.
  template <class OnDone>
  async_call_handle remove(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    const client_config& config = state_->config;
    return detail::start_async_call<void>(
        context(), options,
        [&](const call_options& keyed) { return connections::build_delete_request(config, identifier, keyed); },
        &detail::finish_delete_call, {}, std::move(on_done));
  }

  /// Verifies a connection's tokens with the provider, like client::verify (a 502 comes back
  /// at once, not retried); `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle verify(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    const client_config& config = state_->config;
    call_options verify_options = options;
    verify_options.retry = detail::verify_retry_policy(options.retry ? *options.retry : config.retry);
    return detail::start_async_call<channel_connection>(
        context(), verify_options,
        [&](const call_options& keyed) { return connections::build_verify_request(config, identifier, keyed); },
        &detail::finish_verify_call, {}, std::move(on_done));
  }

  /// Creates the connection, or on a permanent "already exists" conflict updates the one it
  /// names, like client::create_or_update; `on_done(result<channel_connection>)` once, with
  /// the create's result or the update's. The handle cancels whichever step is in flight.
  template <class OnDone>
  async_call_handle create_or_update(const create_channel_connection_request& body, OnDone on_done,
                                     const call_options& options = {}) {
    detail::async_call_context call = context();
    auto chain = std::make_shared<detail::async_two_step>(
        detail::unique_function<void(result<channel_connection>)>(std::move(on_done)));
    auto then_update = [call, chain, update = detail::update_from_create(body), own = body.identifier,
                        update_options =
                            detail::create_or_update_options(options)](result<channel_connection> created) mutable {
      std::optional<std::string> target;
      if (!created) target = detail::create_or_update_target(created.error(), own);
      if (!target || chain->cancelled()) return chain->finish(std::move(created));
      const client_config& config = *call.config;
      chain->running(detail::start_async_call<channel_connection>(
                         call, update_options,
                         [&](const call_options& keyed) {
                           return connections::build_update_request(config, *target, update, keyed);
                         },
                         &detail::finish_connection_call, detail::auth_secret_values(update.auth),
                         [chain](result<channel_connection> updated) { chain->finish(std::move(updated)); }),
                     2);
    };
    const client_config& config = state_->config;
    chain->running(
        detail::start_async_call<channel_connection>(
            call, options,
            [&](const call_options& keyed) { return connections::build_create_request(config, body, keyed); },
            &detail::finish_connection_call, detail::auth_secret_values(body.auth), std::move(then_update)),
        1);
    return detail::handle_access::make(chain);
  }

 private:
  template <class>
  friend class async_channel_endpoints_operations;  // calls through context()

  // What calls in flight share with the client; never moved, so pointers into it stay valid.
  struct shared_state {
    shared_state(client_config c, AsyncTransport t, async_timer w, Environment e)
        : config(std::move(c)), transport(std::move(t)), timer(std::move(w)), environment(std::move(e)) {}
    shared_state(const shared_state&) = delete;             // calls point into it
    shared_state& operator=(const shared_state&) = delete;  // likewise

    client_config config;
    AsyncTransport transport;
    async_timer timer;
    Environment environment;
  };

  // This client's parts for the non-template call code; the context keeps them alive.
  detail::async_call_context context() const {
    shared_state& s = *state_;
    return {state_, &s.config, detail::make_async_transport_ref(s.transport), s.timer ? &s.timer : nullptr,
            detail::make_async_environment_ref(s.environment)};
  }

  std::shared_ptr<shared_state> state_;
};

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 2
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/connections/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
