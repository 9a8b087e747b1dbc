// Implementation of novu/core/async.hpp: the flat retry loop of one async call, compiled once
// in the fast-compile mode like the synchronous one.
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>    // shared_ptr, make_shared
#include <optional>  // optional, nullopt
#include <utility>   // move

#include "novu/core/async.hpp"
#include "novu/core/detail/call.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

NOVU_CC_API void async_call::start(std::shared_ptr<async_call> call) {
  call->started_ = call->context_.environment.monotonic_ms(call->context_.environment.self);
  run(std::move(call), std::nullopt);
}

NOVU_CC_API void async_call::run(std::shared_ptr<async_call> call, std::optional<transport_result> answer) {
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

}  // namespace detail
NOVU_CC_NAMESPACE_END
