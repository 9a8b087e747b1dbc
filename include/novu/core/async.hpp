// The asynchronous call machinery every resource's async client shares: the callback types a
// transport and a timer take, a move-only one-shot completion, the exactly-once handoff, and
// the flat retry loop of one call (see novu/connections/async_client.hpp for how a call runs).
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 16
#endif
// NOVU_CC_STANDALONE }

#include <atomic>       // atomic
#include <cstddef>      // size_t
#include <cstdint>      // int64_t, uint32_t, uint64_t
#include <functional>   // function
#include <memory>       // shared_ptr, weak_ptr, make_shared
#include <mutex>        // recursive_mutex, lock_guard
#include <optional>     // optional, nullopt
#include <type_traits>  // decay_t, enable_if_t, is_same, void_t
#include <utility>      // move, forward

#include "novu/core/config.hpp"
#include "novu/core/detail/call.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
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

// What an async_call_handle cancels: an async call or a page walk in flight.
class cancellable {
 public:
  // Destroyed when the last callback or handle holding it lets go.
  virtual ~cancellable() = default;
  // Stops the work and reports `cancelled` to its completion, unless it has completed or been
  // cancelled already; true when this call did it.
  virtual bool cancel() = 0;
};

// Makes the handles the async clients return (the handle's constructor is private).
struct handle_access;

}  // namespace detail

/// What every async_client call returns: a handle on the call (or page walk) in flight, for
/// cancelling it. Cheap to copy; destroying it does not cancel. A default-constructed handle,
/// and the handle of a call that failed before sending (its on_done has run), refer to nothing.
class async_call_handle {
 public:
  /// A handle that refers to no call: cancel() returns false.
  async_call_handle() noexcept = default;

  /// Cancels the call: no attempt, retry wait or page request starts afterwards, and a
  /// completion or timer that fires later does nothing; `on_done` runs once, here, with an
  /// error of kind `cancelled` (unless it has run already). True when this cancel ended the
  /// call; false when the call had completed (or been cancelled) before, or the handle refers to
  /// nothing. Safe from any thread, from inside on_done, on_page or the transport, after the
  /// call completed and after the client was destroyed. It may wait while another thread is
  /// inside the transport's send or the timer's schedule call for this call (or on_page).
  bool cancel() const {
    const std::shared_ptr<detail::cancellable> call = call_.lock();
    return call != nullptr && call->cancel();
  }

 private:
  friend struct detail::handle_access;
  explicit async_call_handle(std::weak_ptr<detail::cancellable> call) noexcept : call_(std::move(call)) {}

  std::weak_ptr<detail::cancellable> call_;  // expired once the call completed and was released
};

namespace detail {

// Makes the handles the async clients return.
struct handle_access {
  // A handle on `call`.
  static async_call_handle make(const std::shared_ptr<cancellable>& call) noexcept {
    return async_call_handle(std::weak_ptr<cancellable>(call));
  }
};

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

// Whether `AsyncTransport` can be called as `transport(http_request, transport_callback)`.
template <class AsyncTransport, class = void>
struct is_async_transport : std::false_type {};
template <class AsyncTransport>
struct is_async_transport<AsyncTransport, std::void_t<decltype(std::declval<AsyncTransport&>()(
                                              std::declval<http_request>(), std::declval<transport_callback>()))>>
    : std::true_type {};

// The async_transport_ref of `transport`, which must outlive it.
template <class AsyncTransport>
async_transport_ref make_async_transport_ref(AsyncTransport& transport) noexcept {
  static_assert(is_async_transport<AsyncTransport>::value,
                "novu: the async transport cannot be called as `transport(novu::http_request, "
                "novu::transport_callback)`: give it an operator() that starts the request and calls the callback "
                "once with the answer");
  if constexpr (is_async_transport<AsyncTransport>::value) {
    return {&transport, [](void* self, http_request request, transport_callback done) {
              (*static_cast<AsyncTransport*>(self))(std::move(request), std::move(done));
            }};
  } else {
    return {&transport, nullptr};
  }
}

// The environment_ref of an async client's `environment` (which must outlive it): clock and
// randomness only. The async client waits through its timer, so the environment needs no
// sleep_ms and `sleep_ms` is null.
template <class Environment>
environment_ref make_async_environment_ref(Environment& environment) noexcept {
  return make_environment_ref_of<false>(environment);
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
//
// Cancellation: `done_` decides, once, who reports (the final answer or cancel()); `cancelled_`
// stops the loop. Every step start (an attempt handed to the transport, a wait handed to the
// timer) happens under `mutex_` after checking `cancelled_`, and cancel() sets it under the
// same mutex, so no step starts once cancel() has returned. The mutex is recursive: cancel()
// may be called from inside the transport or timer call.
class async_call : public cancellable {
 public:
  // A call sending `request` through `context`, retried per `policy`.
  async_call(async_call_context context, http_request request, const retry_policy& policy)
      : context_(std::move(context)), request_(std::move(request)), policy_(policy) {}
  // Not copyable: callbacks share one call through shared_ptr.
  async_call(const async_call&) = delete;
  // Not copy-assignable either.
  async_call& operator=(const async_call&) = delete;

  // Sends the first attempt and returns the call's handle. finish() or abandon() runs exactly
  // once, on the thread of the final completion or of cancel().
  NOVU_CC_API static async_call_handle start(std::shared_ptr<async_call> call);

  // Stops the loop; abandon() reports the cancel unless finish() ran first.
  NOVU_CC_API bool cancel() override;

 protected:
  // The configuration of the client that started the call.
  const client_config& config() const noexcept { return *context_.config; }
  // Parses the final answer and runs the caller's completion; `summary` says what the call
  // went through.
  virtual void finish(transport_result answer, const call_summary& summary) = 0;
  // Runs the caller's completion with `e` (the call was cancelled).
  virtual void abandon(error e) = 0;

 private:
  // The loop: sends an attempt (when `answer` is empty), decides about its answer, waits
  // through the timer, sends again... An attempt or a wait that completes inside the transport
  // or timer call is picked up by the next round of this loop instead of a nested call, so the
  // stack stays flat; one that completes later calls run() afresh from the completion.
  NOVU_CC_API static void run(std::shared_ptr<async_call> call, std::optional<transport_result> answer);
  // Milliseconds since the first attempt began.
  NOVU_CC_API std::uint64_t elapsed_ms() const;

  async_call_context context_;          // the client's configuration, transport, timer, environment
  http_request request_;                // sent as is by every attempt (timeout_ms cut per attempt)
  retry_policy policy_;                 // the call's: call_options::retry or the client's
  std::uint64_t started_ = 0;           // monotonic ms when the first attempt began
  int attempt_ = 1;                     // attempts made so far, the one in flight included
  std::recursive_mutex mutex_;          // held while a step starts and while cancel() sets cancelled_
  std::atomic<bool> cancelled_{false};  // cancel() was called: start nothing more
  std::atomic<bool> done_{false};       // finish() or abandon() has been chosen
};

}  // namespace detail
NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 16
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }

// The async loop is defined here in the header-only mode; in the fast-compile mode the
// implementation file compiles it once (novu/core/detail/implementation.hpp).
#if !defined(NOVU_CC_SEPARATE_COMPILATION)
#include "novu/core/impl/async.ipp"
#endif
