// async_two_step: create_or_update's two calls (the create, then maybe the update) under one
// async_call_handle (see novu/connections/async_client.hpp).
// SPDX-License-Identifier: MIT
#pragma once

#include <mutex>    // mutex, lock_guard
#include <utility>  // move

#include "novu/connections/dto.hpp"
#include "novu/core/async.hpp"
#include "novu/core/detail/call.hpp"
#include "novu/core/error.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// create_or_update in flight: the create, then maybe the update, under one handle. cancel()
// reaches whichever step runs; a cancel that wins reports `cancelled` once, whatever a step
// that completed meanwhile answered.
class async_two_step final : public cancellable {
 public:
  explicit async_two_step(unique_function<void(result<channel_connection>)> on_done) : on_done_(std::move(on_done)) {}

  bool cancel() override {
    async_call_handle step;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (finished_ || cancelled_) return false;
      cancelled_ = true;
      step = step_;
    }
    if (!step.cancel()) finish(result<channel_connection>(cancelled_error(call_summary{})));
    return true;
  }
  // Whether a cancel came before the next step could start.
  bool cancelled() {
    std::lock_guard<std::mutex> lock(mutex_);
    return cancelled_;
  }
  // Records step number `stage` (1: create, 2: update) as the one in flight, unless a later one
  // started already (a create that completed inside its own start); cancels it at once when a
  // cancel came meanwhile.
  void running(async_call_handle step, int stage) {
    bool cancel_now = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stage > stage_) {
        step_ = step;
        stage_ = stage;
      }
      cancel_now = cancelled_;
    }
    if (cancel_now) step.cancel();
  }
  // Delivers the outcome once (cancelled, when a cancel won).
  void finish(result<channel_connection> outcome) {
    unique_function<void(result<channel_connection>)> done;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (finished_) return;
      finished_ = true;
      if (cancelled_ && (outcome || outcome.error().kind != error_kind::cancelled)) {
        outcome = result<channel_connection>(cancelled_error(call_summary{}));
      }
      done = std::move(on_done_);
    }
    done(std::move(outcome));
  }

 private:
  std::mutex mutex_;
  bool cancelled_ = false;
  bool finished_ = false;
  int stage_ = 0;
  async_call_handle step_;
  unique_function<void(result<channel_connection>)> on_done_;
};

}  // namespace detail
NOVU_CC_NAMESPACE_END
