// The asynchronous client, for stacks that complete requests through callbacks (game-engine
// HTTP modules, libcurl multi, Boost.Beast). It never blocks: waits between retries go
// through a caller-supplied timer.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint32_t, uint64_t
#include <functional>   // function
#include <memory>       // shared_ptr, make_shared
#include <optional>     // optional
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/client.hpp"
#include "novu/config.hpp"
#include "novu/dto.hpp"
#include "novu/error.hpp"
#include "novu/http.hpp"
#include "novu/request_builder.hpp"
#include "novu/response_parser.hpp"
#include "novu/result.hpp"
#include "novu/retry.hpp"
#include "novu/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// Completion a transport calls exactly once, from any thread, with the response or an error.
using transport_callback = std::function<void(transport_result)>;
/// What a timer calls when the delay is over.
using timer_callback = std::function<void()>;
/// Schedules `fire` after `delay_ms` milliseconds without blocking (engine timer, asio timer...).
using async_timer = std::function<void(std::uint32_t delay_ms, timer_callback fire)>;

/// A client over an asynchronous transport: any callable
/// `void(novu::http_request, novu::transport_callback)`. Each call takes a completion
/// `void(novu::result<T>)` that runs on whatever thread the transport (or timer) completes on.
/// Without a timer, failed attempts are not retried. The client may be destroyed while calls
/// are in flight: they keep what they need alive.
template <class AsyncTransport, class Environment = system_environment>
class async_client {
 public:
  /// A client without retries.
  async_client(client_config config, AsyncTransport transport)
      : state_(std::make_shared<shared_state>(shared_state{std::move(config), std::move(transport), nullptr,
                                                           Environment{}})) {}
  /// A client that retries per `config.retry`, waiting through `timer`.
  async_client(client_config config, AsyncTransport transport, async_timer timer,
               Environment environment = Environment{})
      : state_(std::make_shared<shared_state>(shared_state{std::move(config), std::move(transport),
                                                           std::move(timer), std::move(environment)})) {}

  /// The configuration requests are built from.
  const client_config& config() const noexcept { return state_->config; }

  /// One page of channel connections; `on_done(result<channel_connection_page>)`.
  template <class OnDone>
  void list(const list_channel_connections_params& params, OnDone on_done, const call_options& options = {}) {
    start<channel_connection_page>(build_list_request(state_->config, params, options), &parse_list_response,
                                   std::nullopt, std::move(on_done));
  }

  /// Walks the pages like client::for_each_page: `on_page(const channel_connection_page&)`
  /// returns false to stop; `on_done(result<std::size_t>)` gets the page count or the error.
  template <class OnPage, class OnDone>
  void for_each_page(const list_channel_connections_params& params, OnPage on_page, OnDone on_done,
                     const pagination_options& paging = {}, const call_options& options = {}) {
    auto walk = std::make_shared<page_walk>(page_walk{state_, params, options, paging.max_pages, 0,
                                                      std::move(on_page), std::move(on_done)});
    next_page(std::move(walk));
  }

  /// Creates a channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  void create(const create_channel_connection_request& body, OnDone on_done, const call_options& options = {}) {
    start<channel_connection>(build_create_request(state_->config, body, options), &parse_create_response, body.auth,
                              std::move(on_done));
  }

  /// Retrieves one channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  void retrieve(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    start<channel_connection>(build_retrieve_request(state_->config, identifier, options), &parse_retrieve_response,
                              std::nullopt, std::move(on_done));
  }

  /// Updates a channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  void update(std::string_view identifier, const update_channel_connection_request& body, OnDone on_done,
              const call_options& options = {}) {
    start<channel_connection>(build_update_request(state_->config, identifier, body, options),
                              &parse_update_response, body.auth, std::move(on_done));
  }

  /// Deletes a channel connection; `on_done(result<void>)`.
  template <class OnDone>
  void remove(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    start<void>(build_delete_request(state_->config, identifier, options), &parse_delete_response, std::nullopt,
                std::move(on_done));
  }

 private:
  struct shared_state {
    client_config config;
    AsyncTransport transport;
    async_timer timer;
    Environment environment;
  };

  // One logical call in flight: the request is built once and re-sent as is on retries.
  template <class T>
  struct call_state {
    std::shared_ptr<shared_state> state;
    http_request request;
    result<T> (*parse)(const http_response&, const decode_limits&);
    std::optional<novu::auth> sent_auth;
    std::function<void(result<T>)> on_done;
    std::uint64_t started = 0;
    int attempt = 1;
  };

  template <class T, class OnDone>
  void start(result<http_request> request, result<T> (*parse)(const http_response&, const decode_limits&),
             std::optional<novu::auth> sent_auth, OnDone on_done) {
    start_call<T>(state_, std::move(request), parse, std::move(sent_auth), std::move(on_done));
  }

  template <class T, class OnDone>
  static void start_call(const std::shared_ptr<shared_state>& state, result<http_request> request,
                         result<T> (*parse)(const http_response&, const decode_limits&),
                         std::optional<novu::auth> sent_auth, OnDone on_done) {
    if (!request) {
      error e = std::move(request).error();
      detail::redact_call_secrets(e, state->config, sent_auth ? &*sent_auth : nullptr);
      on_done(result<T>(std::move(e)));
      return;
    }
    auto call = std::make_shared<call_state<T>>();
    call->state = state;
    call->request = std::move(*request);
    call->parse = parse;
    call->sent_auth = std::move(sent_auth);
    call->on_done = std::move(on_done);
    call->started = state->environment.monotonic_ms();
    send(std::move(call));
  }

  template <class T>
  static void send(std::shared_ptr<call_state<T>> call) {
    shared_state& state = *call->state;
    http_request copy = call->request;
    state.transport(std::move(copy), transport_callback([call](transport_result answer) mutable {
                      on_answer(std::move(call), std::move(answer));
                    }));
  }

  template <class T>
  static void on_answer(std::shared_ptr<call_state<T>> call, transport_result answer) {
    shared_state& state = *call->state;
    const novu::auth* sent_auth = call->sent_auth ? &*call->sent_auth : nullptr;
    if (state.timer) {
      const retry_decision next = detail::next_attempt(state.config.retry, call->attempt, answer, call->started,
                                                       detail::make_environment_ref(state.environment));
      if (next.retry) {
        ++call->attempt;
        state.timer(next.delay_ms, [call]() mutable { send(std::move(call)); });
        return;
      }
    }
    if (!answer) {
      call->on_done(result<T>(detail::final_transport_error(std::move(answer).error(), state.config, sent_auth)));
      return;
    }
    result<T> parsed = call->parse(*answer, state.config.limits);
    if (!parsed) detail::redact_call_secrets(parsed.error(), state.config, sent_auth);
    call->on_done(std::move(parsed));
  }

  // State of a for_each_page walk.
  struct page_walk {
    std::shared_ptr<shared_state> state;
    list_channel_connections_params current;
    call_options options;
    std::size_t max_pages;
    std::size_t pages;
    std::function<bool(const channel_connection_page&)> on_page;
    std::function<void(result<std::size_t>)> on_done;
  };

  static void next_page(std::shared_ptr<page_walk> walk) {
    if (walk->pages >= walk->max_pages) {
      walk->on_done(walk->pages);
      return;
    }
    std::shared_ptr<shared_state> state = walk->state;
    start_call<channel_connection_page>(
        state, build_list_request(state->config, walk->current, walk->options), &parse_list_response,
        std::nullopt,
        [walk](result<channel_connection_page> page) mutable {
          if (!page) {
            walk->on_done(std::move(page).error());
            return;
          }
          ++walk->pages;
          if (!walk->on_page(static_cast<const channel_connection_page&>(*page))) {
            walk->on_done(walk->pages);
            return;
          }
          std::optional<list_channel_connections_params> next = next_page_params(walk->current, *page);
          if (!next) {
            walk->on_done(walk->pages);
            return;
          }
          walk->current = std::move(*next);
          next_page(std::move(walk));
        });
  }

  std::shared_ptr<shared_state> state_;
};

NOVU_CC_NAMESPACE_END
