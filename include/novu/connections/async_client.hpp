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

#include <atomic>       // atomic
#include <cstddef>      // size_t
#include <cstdint>      // int64_t, uint32_t, uint64_t
#include <functional>   // function
#include <memory>       // shared_ptr, make_shared
#include <mutex>        // recursive_mutex, lock_guard
#include <optional>     // optional, nullopt
#include <string>       // to_string
#include <string_view>  // string_view
#include <type_traits>  // decay_t, enable_if_t, is_same
#include <utility>      // move, forward

#include "novu/connections/client.hpp"
#include "novu/connections/detail/async_two_step.hpp"
#include "novu/core/async.hpp"
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

namespace detail {

// An async_call whose answer is parsed into `result<T>` for the caller's completion.
template <class T>
class typed_async_call final : public async_call {
 public:
  // Turns the final answer into the result with `finish` (which scrubs the key and
  // `sent_auth`'s tokens from errors) and reports it to `on_done`.
  typed_async_call(async_call_context context, http_request request, const retry_policy& policy,
                   call_finisher<T> finish, std::optional<novu::auth> sent_auth,
                   unique_function<void(result<T>)> on_done)
      : async_call(std::move(context), std::move(request), policy),
        finish_(finish),
        sent_auth_(std::move(sent_auth)),
        on_done_(std::move(on_done)) {}

 private:
  // The final answer to the caller: parsed, secrets masked, an error saying what the call went
  // through. The completion is moved out first, so that what it captures is released once it
  // has run even if the transport keeps its callback (and so this call) alive.
  void finish(transport_result answer, const call_summary& summary) override {
    unique_function<void(result<T>)> on_done = std::move(on_done_);
    const novu::auth* sent = sent_auth_ ? &*sent_auth_ : nullptr;
    result<T> outcome = finish_(std::move(answer), config(), sent);
    if (!outcome) describe_call_error(outcome.error(), summary, config(), sent);
    on_done(std::move(outcome));
  }
  // The cancel to the caller.
  void abandon(error e) override {
    unique_function<void(result<T>)> on_done = std::move(on_done_);
    on_done(result<T>(std::move(e)));
  }

  call_finisher<T> finish_;                   // the operation's finish_*_call
  std::optional<novu::auth> sent_auth_;       // tokens the request carried
  unique_function<void(result<T>)> on_done_;  // the caller's completion
};

// Starts one call: the request is built once with `build(keyed options)` (an idempotency key
// from the environment when `options` has none; a build error goes to `on_done` at once,
// secrets masked), retried per the call's policy, its final answer parsed with `finish`.
template <class T, class Build>
async_call_handle start_async_call(const async_call_context& context, const call_options& options, Build build,
                                   call_finisher<T> finish, std::optional<novu::auth> sent_auth,
                                   unique_function<void(result<T>)> on_done) {
  const call_options keyed = keyed_options(options, context.environment);
  result<http_request> request = build(keyed);
  if (!request) {
    error e = std::move(request).error();
    detail::redact_call_secrets(e, *context.config, sent_auth ? &*sent_auth : nullptr);
    on_done(result<T>(std::move(e)));
    return {};
  }
  return async_call::start(std::make_shared<typed_async_call<T>>(context, std::move(*request),
                                                                 call_policy(*context.config, keyed), finish,
                                                                 std::move(sent_auth), std::move(on_done)));
}

// A for_each_page walk in flight: one list call per page, with the same flat loop as
// async_call (a page that arrives inside the call that requested it is handled by the next
// round of the loop, not by a nested call). Cancelling works as for async_call: each page
// request and each on_page run under `mutex_` after checking `cancelled_`.
class async_page_walk final : public cancellable {
 public:
  // A walk from `first` through `context`.
  async_page_walk(async_call_context context, const list_channel_connections_params& first, const call_options& options,
                  const pagination_options& paging, unique_function<bool(const channel_connection_page&)> on_page,
                  unique_function<void(result<std::size_t>)> on_done)
      : context_(std::move(context)),
        current_(first),
        options_(options),
        max_pages_(paging.max_pages),
        cursors_(first),
        on_page_(std::move(on_page)),
        on_done_(std::move(on_done)) {}

  // Requests the first page; the walk's handle.
  static async_call_handle start(std::shared_ptr<async_page_walk> walk) {
    async_call_handle handle = handle_access::make(walk);
    run(std::move(walk), std::nullopt);
    return handle;
  }

  // Stops the walk (and the page request in flight); on_done gets `cancelled` unless it ran.
  bool cancel() override {
    async_call_handle page;
    std::size_t pages = 0;
    unique_function<bool(const channel_connection_page&)> released;
    {
      std::lock_guard<std::recursive_mutex> lock(mutex_);
      if (cancelled_.exchange(true, std::memory_order_acq_rel)) return false;
      page = page_;
      pages = pages_;
      if (!in_on_page_) released = std::move(on_page_);  // else the loop releases it when on_page returns
    }
    page.cancel();  // its completion reaches run(), which stops: the walk is cancelled
    if (done_.exchange(true, std::memory_order_acq_rel)) return false;
    unique_function<void(result<std::size_t>)> on_done = std::move(on_done_);
    error e = make_error(error_kind::cancelled,
                         "page walk cancelled by the caller after " + std::to_string(pages) + " pages delivered");
    e.retryable = false;
    on_done(result<std::size_t>(std::move(e)));
    return true;
  }

 private:
  // The loop: requests a page (when `arrived` is empty), hands it to on_page, follows `next`.
  static void run(std::shared_ptr<async_page_walk> walk, std::optional<result<channel_connection_page>> arrived) {
    for (;;) {
      if (walk->cancelled_.load(std::memory_order_acquire)) return;
      if (!arrived) {
        if (walk->pages_ >= walk->max_pages_) return walk->done(walk->pages_);
        auto requested = std::make_shared<handoff<result<channel_connection_page>>>();
        {
          std::lock_guard<std::recursive_mutex> lock(walk->mutex_);
          if (walk->cancelled_.load(std::memory_order_acquire)) return;
          const async_call_context& context = walk->context_;
          const list_channel_connections_params& params = walk->current_;
          walk->page_ = start_async_call<channel_connection_page>(
              context, walk->options_,
              [&](const call_options& keyed) {
                return connections::build_list_request(*context.config, params, keyed);
              },
              &detail::finish_list_call, std::nullopt,
              [walk, requested](result<channel_connection_page> page) {
                if (!requested->claim()) return;
                if (requested->offer(std::move(page))) return;
                run(walk, requested->take());
              });
        }
        if (requested->park()) return;
        arrived.emplace(requested->take());
      }
      result<channel_connection_page> page = std::move(*arrived);
      arrived.reset();
      if (walk->cancelled_.load(std::memory_order_acquire)) return;
      if (!page) return walk->done(std::move(page).error());
      bool more = false;
      {
        std::lock_guard<std::recursive_mutex> lock(walk->mutex_);
        if (walk->cancelled_.load(std::memory_order_acquire)) return;
        ++walk->pages_;
        walk->in_on_page_ = true;
        more = walk->on_page_(static_cast<const channel_connection_page&>(*page));
        walk->in_on_page_ = false;
        if (walk->cancelled_.load(std::memory_order_acquire)) {
          walk->on_page_ = {};  // cancelled from inside on_page
          return;
        }
      }
      if (!more) return walk->done(walk->pages_);
      if (walk->pages_ >= walk->max_pages_) return walk->done(walk->pages_);
      std::optional<list_channel_connections_params> next = connections::next_page_params(walk->current_, *page);
      if (!next) return walk->done(walk->pages_);
      if (std::optional<error> loop = walk->cursors_.follow(*next->after, walk->pages_)) {
        detail::redact_call_secrets(*loop, *walk->context_.config, nullptr);
        return walk->done(std::move(*loop));
      }
      walk->current_ = std::move(*next);
    }
  }

  // Reports the walk's outcome, unless cancel() came first; the completion and the page
  // handler are released once it has run.
  void done(result<std::size_t> outcome) {
    if (done_.exchange(true, std::memory_order_acq_rel)) return;
    unique_function<void(result<std::size_t>)> on_done = std::move(on_done_);
    unique_function<bool(const channel_connection_page&)> released;
    {
      std::lock_guard<std::recursive_mutex> lock(mutex_);
      released = std::move(on_page_);
    }
    on_done(std::move(outcome));
  }

  async_call_context context_;                                     // the client's parts
  list_channel_connections_params current_;                        // parameters of the page requested next
  call_options options_;                                           // per-call options of every page
  std::size_t max_pages_;                                          // pagination_options::max_pages
  std::size_t pages_ = 0;                                          // pages delivered so far
  page_cursor_guard cursors_;                                      // cursors followed, to catch loops
  unique_function<bool(const channel_connection_page&)> on_page_;  // the caller's page handler
  unique_function<void(result<std::size_t>)> on_done_;             // the caller's completion
  async_call_handle page_;                                         // the page request last started
  std::recursive_mutex mutex_;          // held while a page is requested or delivered, and by cancel()
  bool in_on_page_ = false;             // on_page is running (under mutex_)
  std::atomic<bool> cancelled_{false};  // cancel() was called: request and deliver nothing more
  std::atomic<bool> done_{false};       // on_done has been given its outcome
};

}  // namespace detail

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

  /// One page of channel connections; `on_done(result<channel_connection_page>)`.
  template <class OnDone>
  async_call_handle list(const list_channel_connections_params& params, OnDone on_done,
                         const call_options& options = {}) {
    const client_config& config = state_->config;
    return detail::start_async_call<channel_connection_page>(
        context(), options,
        [&](const call_options& keyed) { return connections::build_list_request(config, params, keyed); },
        &detail::finish_list_call, std::nullopt, std::move(on_done));
  }

  /// Walks the pages like client::for_each_page (same cursor rules: pages after the first are
  /// requested without includeCursor, and a `next` cursor that repeats one already followed
  /// fails the walk with a `decode` error): `on_page(const channel_connection_page&)` returns
  /// false to stop; `on_done(result<std::size_t>)` gets the page count or the error, once.
  template <class OnPage, class OnDone>
  async_call_handle for_each_page(const list_channel_connections_params& params, OnPage on_page, OnDone on_done,
                                  const pagination_options& paging = {}, const call_options& options = {}) {
    return detail::async_page_walk::start(std::make_shared<detail::async_page_walk>(
        context(), params, options, paging, std::move(on_page), std::move(on_done)));
  }

  /// Creates a channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle create(const create_channel_connection_request& body, OnDone on_done,
                           const call_options& options = {}) {
    const client_config& config = state_->config;
    return detail::start_async_call<channel_connection>(
        context(), options,
        [&](const call_options& keyed) { return connections::build_create_request(config, body, keyed); },
        &detail::finish_connection_call, body.auth, std::move(on_done));
  }

  /// Retrieves one channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle retrieve(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    const client_config& config = state_->config;
    return detail::start_async_call<channel_connection>(
        context(), options,
        [&](const call_options& keyed) { return connections::build_retrieve_request(config, identifier, keyed); },
        &detail::finish_connection_call, std::nullopt, std::move(on_done));
  }

  /// Updates a channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  async_call_handle update(std::string_view identifier, const update_channel_connection_request& body, OnDone on_done,
                           const call_options& options = {}) {
    const client_config& config = state_->config;
    return detail::start_async_call<channel_connection>(
        context(), options,
        [&](const call_options& keyed) { return connections::build_update_request(config, identifier, body, keyed); },
        &detail::finish_connection_call, body.auth, std::move(on_done));
  }

  /// Deletes a channel connection; `on_done(result<void>)`.
  template <class OnDone>
  async_call_handle remove(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    const client_config& config = state_->config;
    return detail::start_async_call<void>(
        context(), options,
        [&](const call_options& keyed) { return connections::build_delete_request(config, identifier, keyed); },
        &detail::finish_delete_call, std::nullopt, std::move(on_done));
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
        &detail::finish_verify_call, std::nullopt, std::move(on_done));
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
                         &detail::finish_connection_call, update.auth,
                         [chain](result<channel_connection> updated) { chain->finish(std::move(updated)); }),
                     2);
    };
    const client_config& config = state_->config;
    chain->running(
        detail::start_async_call<channel_connection>(
            call, options,
            [&](const call_options& keyed) { return connections::build_create_request(config, body, keyed); },
            &detail::finish_connection_call, body.auth, std::move(then_update)),
        1);
    return detail::handle_access::make(chain);
  }

 private:
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
