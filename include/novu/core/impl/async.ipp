// Implementation of novu/core/async.hpp: the flat retry loop of one async call and its
// cancellation, compiled once in the fast-compile mode like the synchronous loop.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>   // uint64_t
#include <memory>    // shared_ptr, make_shared
#include <mutex>     // lock_guard, recursive_mutex
#include <optional>  // optional, nullopt
#include <utility>   // move

#include "novu/core/async.hpp"
#include "novu/core/detail/call.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

NOVU_CC_API async_call_handle async_call::start(std::shared_ptr<async_call> call) {
  {
    std::lock_guard<std::recursive_mutex> lock(call->mutex_);
    call->started_ = call->context_.environment.monotonic_ms(call->context_.environment.self);
  }
  async_call_handle handle = handle_access::make(call);
  run(std::move(call), std::nullopt);
  return handle;
}

NOVU_CC_API std::uint64_t async_call::elapsed_ms() const {
  const std::uint64_t now = context_.environment.monotonic_ms(context_.environment.self);
  return now >= started_ ? now - started_ : 0;  // a clock that went back: no time elapsed
}

NOVU_CC_API bool async_call::cancel() {
  call_summary summary;
  {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    if (cancelled_.exchange(true, std::memory_order_acq_rel)) return false;
    summary.attempts = attempt_;
    summary.elapsed_ms = elapsed_ms();
  }
  if (done_.exchange(true, std::memory_order_acq_rel)) return false;  // finish() came first
  abandon(cancelled_error(summary));
  return true;
}

NOVU_CC_API void async_call::run(std::shared_ptr<async_call> call, std::optional<transport_result> answer) {
  for (;;) {
    if (call->cancelled_.load(std::memory_order_acquire)) return;  // a completion or timer after cancel()
    if (!answer) {
      auto sent = std::make_shared<handoff<transport_result>>();
      {
        std::lock_guard<std::recursive_mutex> lock(call->mutex_);
        if (call->cancelled_.load(std::memory_order_acquire)) return;
        http_request copy = call->request_;
        if (copy.timeout_ms != 0) {
          copy.timeout_ms =
              attempt_timeout_ms(copy.timeout_ms, call->policy_, call->attempt_ == 1 ? 0 : call->elapsed_ms());
        }
        call->context_.transport.send(call->context_.transport.self, std::move(copy),
                                      transport_callback([call, sent](transport_result arrived) {
                                        if (!sent->claim()) return;  // a second completion
                                        if (sent->offer(std::move(arrived))) return;
                                        run(call, sent->take());
                                      }));
      }
      if (sent->park()) return;
      answer.emplace(sent->take());
      if (call->cancelled_.load(std::memory_order_acquire)) return;
    }
    const async_timer* timer = call->context_.timer;
    if (timer != nullptr && *timer) {
      const retry_decision next = next_attempt(call->policy_, call->attempt_, *answer, call->started_,
                                               call->context_.environment, call->request_.timeout_ms);
      if (next.retry) {
        auto waited = std::make_shared<handoff<timer_fired>>();
        {
          std::lock_guard<std::recursive_mutex> lock(call->mutex_);
          if (call->cancelled_.load(std::memory_order_acquire)) return;
          ++call->attempt_;
          answer.reset();
          (*timer)(next.delay_ms, timer_callback([call, waited]() {
                     if (!waited->claim()) return;  // a timer firing twice
                     if (waited->offer(timer_fired{})) return;
                     run(call, std::nullopt);
                   }));
        }
        if (waited->park()) return;
        continue;  // fired inside the timer call: send the next attempt from here
      }
    }
    call_summary summary;
    summary.attempts = call->attempt_;
    if (!*answer || (*answer)->status < 200 || (*answer)->status > 299) summary.elapsed_ms = call->elapsed_ms();
    if (call->done_.exchange(true, std::memory_order_acq_rel)) return;  // cancel() came first
    call->finish(std::move(*answer), summary);
    return;
  }
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
