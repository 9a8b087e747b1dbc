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
#include <optional>     // optional, nullopt
#include <string_view>  // string_view
#include <type_traits>  // decay_t, enable_if_t, is_same
#include <utility>      // move, forward

#include "novu/connections/client.hpp"
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

/// Completion a transport calls once, from any thread, with the response or an error. It may
/// be copied; a second call (of it or of a copy) is ignored.
using transport_callback = std::function<void(transport_result)>;
/// What a timer calls when the delay is over; calls after the first are ignored.
using timer_callback = std::function<void()>;
/// Schedules `fire` after `delay_ms` milliseconds without blocking (engine timer, asio timer...).
/// It may also call `fire` before returning (a zero delay run at once).
using async_timer = std::function<void(std::uint32_t delay_ms, timer_callback fire)>;

namespace detail {

// A move-only std::function: holds any callable, including one that captures a unique_ptr.
template <class Signature>
class unique_function;

// unique_function for a call signature `R(Args...)`.
template <class R, class... Args>
class unique_function<R(Args...)> {
 public:
  // Holds nothing; calling it is undefined.
  unique_function() noexcept = default;
  // Holds `f`, moved or copied onto the heap.
  template <class F, class Stored = std::decay_t<F>,
            std::enable_if_t<!std::is_same<Stored, unique_function>::value, int> = 0>
  unique_function(F&& f)  // NOLINT(google-explicit-constructor)
      : object_(new Stored(std::forward<F>(f))), invoke_(&invoke<Stored>), destroy_(&destroy<Stored>) {}
  // Takes over what `other` holds.
  unique_function(unique_function&& other) noexcept
      : object_(other.object_), invoke_(other.invoke_), destroy_(other.destroy_) {
    other.object_ = nullptr;
  }
  // Destroys what this holds and takes over what `other` holds.
  unique_function& operator=(unique_function&& other) noexcept {
    if (this != &other) {
      reset();
      object_ = other.object_;
      invoke_ = other.invoke_;
      destroy_ = other.destroy_;
      other.object_ = nullptr;
    }
    return *this;
  }
  // Not copyable: the callable may be move-only.
  unique_function(const unique_function&) = delete;
  // Not copy-assignable either.
  unique_function& operator=(const unique_function&) = delete;
  // Destroys the held callable.
  ~unique_function() { reset(); }

  // True when a callable is held.
  explicit operator bool() const noexcept { return object_ != nullptr; }
  // Calls the held callable.
  R operator()(Args... args) { return invoke_(object_, std::forward<Args>(args)...); }

 private:
  template <class Stored>
  static R invoke(void* object, Args&&... args) {
    return static_cast<R>((*static_cast<Stored*>(object))(std::forward<Args>(args)...));
  }
  template <class Stored>
  static void destroy(void* object) noexcept {
    delete static_cast<Stored*>(object);
  }
  void reset() noexcept {
    if (object_ != nullptr) destroy_(object_);
    object_ = nullptr;
  }

  void* object_ = nullptr;                     // the callable, on the heap
  R (*invoke_)(void*, Args&&...) = nullptr;    // calls it
  void (*destroy_)(void*) noexcept = nullptr;  // deletes it
};

// The meeting point of one asynchronous step (an attempt sent, a timer armed, a page
// requested): the starter starts the step, then calls park(); the step's completion calls
// claim() and then offer(). Exactly one of them continues the work, whichever order the two
// sides run in and whichever threads they run on; every completion after the first is
// ignored. Shared (shared_ptr) by the starter and every copy of the completion callback.
template <class Value>
class handoff {
 public:
  // Completion side, first step: true for the first completion only. A later one (a transport
  // reporting both an error and "done", a timer firing twice) must return at once.
  bool claim() noexcept { return !claimed_.exchange(true, std::memory_order_acq_rel); }
  // Completion side, after a successful claim(): stores `value`. True when the starter is still
  // inside the start call and will take the value after it returns (the completion then
  // returns); false when the starter has left, so the completion continues with take().
  bool offer(Value value) {
    value_.emplace(std::move(value));
    unsigned char expected = k_starting;
    return state_.compare_exchange_strong(expected, k_offered, std::memory_order_acq_rel, std::memory_order_acquire);
  }
  // Starter side, once the start call has returned: true when nothing has completed yet (the
  // starter must leave; the completion continues later); false when a completion arrived
  // during the start call (the starter continues with take()).
  bool park() noexcept {
    unsigned char expected = k_starting;
    return state_.compare_exchange_strong(expected, k_parked, std::memory_order_acq_rel, std::memory_order_acquire);
  }
  // The value offered, for whichever side continues.
  Value take() { return std::move(*value_); }

 private:
  static constexpr unsigned char k_starting = 0;  // the starter is inside the start call
  static constexpr unsigned char k_offered = 1;   // completed during the start call
  static constexpr unsigned char k_parked = 2;    // the starter left; the completion continues

  std::atomic<bool> claimed_{false};              // a completion has arrived
  std::atomic<unsigned char> state_{k_starting};  // k_starting, k_offered or k_parked
  std::optional<Value> value_;                    // written by the claiming completion only
};

// What a fired timer hands over: nothing.
struct timer_fired {};

// An asynchronous transport behind a function pointer.
struct async_transport_ref {
  void* self;                                                               // the client's AsyncTransport
  void (*send)(void* self, http_request request, transport_callback done);  // starts one attempt
};

// The async_transport_ref of `transport`, which must outlive it.
template <class AsyncTransport>
async_transport_ref make_async_transport_ref(AsyncTransport& transport) noexcept {
  return {&transport, [](void* self, http_request request, transport_callback done) {
            (*static_cast<AsyncTransport*>(self))(std::move(request), std::move(done));
          }};
}

// The environment_ref of an async client's `environment` (which must outlive it): clock and
// randomness only. The async client waits through its timer, so the environment needs no
// sleep_ms and `sleep_ms` is null.
template <class Environment>
environment_ref make_async_environment_ref(Environment& environment) noexcept {
  return {&environment, [](void* self) -> std::uint64_t { return static_cast<Environment*>(self)->monotonic_ms(); },
          [](void* self) -> std::int64_t { return static_cast<Environment*>(self)->unix_ms(); }, nullptr,
          [](void* self) -> double { return static_cast<Environment*>(self)->random_unit(); }};
}

// What an asynchronous call needs from its client, without the client's template parameters,
// so that the retry and paging loops below do not depend on them.
struct async_call_context {
  std::shared_ptr<const void> owner;  // keeps what the pointers below point into alive
  const client_config* config;        // requests, retries, limits
  async_transport_ref transport;      // sends one attempt
  const async_timer* timer;           // retry waits; nullptr: no retries
  environment_ref environment;        // clock and randomness for retries (no sleep)
};

// One logical call in flight: the request is built once and re-sent as is on retries. The
// retry loop lives here; the parsing of the final answer in the typed subclass.
class async_call {
 public:
  // A call sending `request` through `context`.
  async_call(async_call_context context, http_request request)
      : context_(std::move(context)), request_(std::move(request)) {}
  // Destroyed when the last callback or starter holding it lets go.
  virtual ~async_call() = default;
  // Not copyable: callbacks share one call through shared_ptr.
  async_call(const async_call&) = delete;
  // Not copy-assignable either.
  async_call& operator=(const async_call&) = delete;

  // Sends the first attempt. finish() runs exactly once, on the thread of the final completion.
  static void start(std::shared_ptr<async_call> call) {
    call->started_ = call->context_.environment.monotonic_ms(call->context_.environment.self);
    run(std::move(call), std::nullopt);
  }

 protected:
  // The configuration of the client that started the call.
  const client_config& config() const noexcept { return *context_.config; }
  // Parses the final answer and runs the caller's completion.
  virtual void finish(transport_result answer) = 0;

 private:
  // The loop: sends an attempt (when `answer` is empty), decides about its answer, waits
  // through the timer, sends again... An attempt or a wait that completes inside the transport
  // or timer call is picked up by the next round of this loop instead of a nested call, so the
  // stack stays flat; one that completes later calls run() afresh from the completion.
  static void run(std::shared_ptr<async_call> call, std::optional<transport_result> answer) {
    for (;;) {
      if (!answer) {
        auto sent = std::make_shared<handoff<transport_result>>();
        http_request copy = call->request_;
        call->context_.transport.send(call->context_.transport.self, std::move(copy),
                                      transport_callback([call, sent](transport_result arrived) {
                                        if (!sent->claim()) return;  // a second completion
                                        if (sent->offer(std::move(arrived))) return;
                                        run(call, sent->take());
                                      }));
        if (sent->park()) return;
        answer.emplace(sent->take());
      }
      const async_timer* timer = call->context_.timer;
      if (timer != nullptr && *timer) {
        const retry_decision next = next_attempt(call->context_.config->retry, call->attempt_, *answer, call->started_,
                                                 call->context_.environment);
        if (next.retry) {
          ++call->attempt_;
          answer.reset();
          auto waited = std::make_shared<handoff<timer_fired>>();
          (*timer)(next.delay_ms, timer_callback([call, waited]() {
                     if (!waited->claim()) return;  // a timer firing twice
                     if (waited->offer(timer_fired{})) return;
                     run(call, std::nullopt);
                   }));
          if (waited->park()) return;
          continue;  // fired inside the timer call: send the next attempt from here
        }
      }
      call->finish(std::move(*answer));
      return;
    }
  }

  async_call_context context_;  // the client's configuration, transport, timer, environment
  http_request request_;        // sent as is by every attempt
  std::uint64_t started_ = 0;   // monotonic ms when the first attempt began
  int attempt_ = 1;             // attempts made so far, the one in flight included
};

// An async_call whose answer is parsed into `result<T>` for the caller's completion.
template <class T>
class typed_async_call final : public async_call {
 public:
  // Turns the final answer into the result with `finish` (which scrubs the key and
  // `sent_auth`'s tokens from errors) and reports it to `on_done`.
  typed_async_call(async_call_context context, http_request request, call_finisher<T> finish,
                   std::optional<novu::auth> sent_auth, unique_function<void(result<T>)> on_done)
      : async_call(std::move(context), std::move(request)),
        finish_(finish),
        sent_auth_(std::move(sent_auth)),
        on_done_(std::move(on_done)) {}

 private:
  // The final answer to the caller: parsed, secrets masked. The completion is moved out first,
  // so that what it captures is released once it has run even if the transport keeps its
  // callback (and so this call) alive.
  void finish(transport_result answer) override {
    unique_function<void(result<T>)> on_done = std::move(on_done_);
    on_done(finish_(std::move(answer), config(), sent_auth_ ? &*sent_auth_ : nullptr));
  }

  call_finisher<T> finish_;                   // the operation's finish_*_call
  std::optional<novu::auth> sent_auth_;       // tokens the request carried
  unique_function<void(result<T>)> on_done_;  // the caller's completion
};

// Starts one call: `request` as built (a build error goes to `on_done` at once, secrets
// masked), retried per the configuration, its final answer parsed with `parse`.
template <class T>
void start_async_call(const async_call_context& context, result<http_request> request, call_finisher<T> finish,
                      std::optional<novu::auth> sent_auth, unique_function<void(result<T>)> on_done) {
  if (!request) {
    error e = std::move(request).error();
    detail::redact_call_secrets(e, *context.config, sent_auth ? &*sent_auth : nullptr);
    on_done(result<T>(std::move(e)));
    return;
  }
  async_call::start(std::make_shared<typed_async_call<T>>(context, std::move(*request), finish, std::move(sent_auth),
                                                          std::move(on_done)));
}

// A for_each_page walk in flight: one list call per page, with the same flat loop as
// async_call (a page that arrives inside the call that requested it is handled by the next
// round of the loop, not by a nested call).
class async_page_walk {
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

  // Requests the first page.
  static void start(std::shared_ptr<async_page_walk> walk) { run(std::move(walk), std::nullopt); }

 private:
  // The loop: requests a page (when `arrived` is empty), hands it to on_page, follows `next`.
  static void run(std::shared_ptr<async_page_walk> walk, std::optional<result<channel_connection_page>> arrived) {
    for (;;) {
      if (!arrived) {
        if (walk->pages_ >= walk->max_pages_) return walk->done(walk->pages_);
        auto requested = std::make_shared<handoff<result<channel_connection_page>>>();
        start_async_call<channel_connection_page>(
            walk->context_, build_list_request(*walk->context_.config, walk->current_, walk->options_),
            &detail::finish_list_call, std::nullopt, [walk, requested](result<channel_connection_page> page) {
              if (!requested->claim()) return;
              if (requested->offer(std::move(page))) return;
              run(walk, requested->take());
            });
        if (requested->park()) return;
        arrived.emplace(requested->take());
      }
      result<channel_connection_page> page = std::move(*arrived);
      arrived.reset();
      if (!page) return walk->done(std::move(page).error());
      ++walk->pages_;
      if (!walk->on_page_(static_cast<const channel_connection_page&>(*page))) return walk->done(walk->pages_);
      if (walk->pages_ >= walk->max_pages_) return walk->done(walk->pages_);
      std::optional<list_channel_connections_params> next = next_page_params(walk->current_, *page);
      if (!next) return walk->done(walk->pages_);
      if (std::optional<error> loop = walk->cursors_.follow(*next->after, walk->pages_)) {
        detail::redact_call_secrets(*loop, *walk->context_.config, nullptr);
        return walk->done(std::move(*loop));
      }
      walk->current_ = std::move(*next);
    }
  }

  // Reports the walk's outcome; the completion is released once it has run.
  void done(result<std::size_t> outcome) {
    unique_function<void(result<std::size_t>)> on_done = std::move(on_done_);
    on_page_ = {};
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
};

}  // namespace detail

/// A client over an asynchronous transport: any callable
/// `void(novu::http_request, novu::transport_callback)`. Each call takes a completion
/// `void(novu::result<T>)` (it may be move-only) that runs exactly once, on whatever thread the
/// transport (or timer) completes on; a transport or timer calling its callback twice is
/// harmless. Stack depth stays flat however many retries or pages a call goes through, also
/// when the transport or the timer completes inside the call that started it.
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

  /// One page of channel connections; `on_done(result<channel_connection_page>)`.
  template <class OnDone>
  void list(const list_channel_connections_params& params, OnDone on_done, const call_options& options = {}) {
    detail::start_async_call<channel_connection_page>(context(), build_list_request(state_->config, params, options),
                                                      &detail::finish_list_call, std::nullopt, std::move(on_done));
  }

  /// Walks the pages like client::for_each_page (same cursor rules: pages after the first are
  /// requested without includeCursor, and a `next` cursor that repeats one already followed
  /// fails the walk with a `decode` error): `on_page(const channel_connection_page&)` returns
  /// false to stop; `on_done(result<std::size_t>)` gets the page count or the error, once.
  template <class OnPage, class OnDone>
  void for_each_page(const list_channel_connections_params& params, OnPage on_page, OnDone on_done,
                     const pagination_options& paging = {}, const call_options& options = {}) {
    detail::async_page_walk::start(std::make_shared<detail::async_page_walk>(context(), params, options, paging,
                                                                             std::move(on_page), std::move(on_done)));
  }

  /// Creates a channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  void create(const create_channel_connection_request& body, OnDone on_done, const call_options& options = {}) {
    detail::start_async_call<channel_connection>(context(), build_create_request(state_->config, body, options),
                                                 &detail::finish_connection_call, body.auth, std::move(on_done));
  }

  /// Retrieves one channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  void retrieve(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    detail::start_async_call<channel_connection>(context(), build_retrieve_request(state_->config, identifier, options),
                                                 &detail::finish_connection_call, std::nullopt, std::move(on_done));
  }

  /// Updates a channel connection; `on_done(result<channel_connection>)`.
  template <class OnDone>
  void update(std::string_view identifier, const update_channel_connection_request& body, OnDone on_done,
              const call_options& options = {}) {
    detail::start_async_call<channel_connection>(context(),
                                                 build_update_request(state_->config, identifier, body, options),
                                                 &detail::finish_connection_call, body.auth, std::move(on_done));
  }

  /// Deletes a channel connection; `on_done(result<void>)`.
  template <class OnDone>
  void remove(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    detail::start_async_call<void>(context(), build_delete_request(state_->config, identifier, options),
                                   &detail::finish_delete_call, std::nullopt, std::move(on_done));
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
