// An asynchronous transport for novu::async_client: a small pool of worker threads performs
// blocking calls of a synchronous transport (libcurl by default) and completes each request on
// the worker thread. Also thread_timer, a one-thread timer usable as novu::async_timer so the
// async client can retry. Example code (not part of the library): copy it and adapt it.
//
//   novu_examples::curl_global curl;            // before any thread uses libcurl
//   novu_examples::thread_timer timer;          // declared before the transport: outlives it
//   novu_examples::async_curl_transport transport;
//   novu::async_client<novu_examples::async_curl_transport::caller> client(
//       config, transport.get_caller(), timer.get_timer());
//
// Completions run on a worker thread (transport) or on the timer thread (retry waits), so
// they must be thread-safe, must not throw, and must not destroy the transport or the timer
// that runs them. Shutdown (destructor or shutdown()): requests still queued complete at once
// with the transport error "transport shut down"; requests being performed finish normally
// (bounded by the synchronous transport's timeouts); later calls complete with the same error
// on the calling thread. A request's deadline (http_request::timeout_ms) covers its time in the
// queue: the worker hands the synchronous transport what is left, or fails it when nothing is.
// Destroy the transport before the timer: pending retry waits then end
// early and their attempt fails with "transport shut down" instead of being sent.
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>              // steady_clock, milliseconds
#include <condition_variable>  // condition_variable
#include <cstddef>             // size_t
#include <cstdint>             // uint32_t
#include <deque>               // deque
#include <exception>           // exception
#include <map>                 // multimap
#include <memory>              // shared_ptr, make_shared
#include <mutex>               // mutex, unique_lock, lock_guard
#include <string>              // string
#include <thread>              // thread, this_thread
#include <utility>             // move
#include <vector>              // vector

#include "novu/connections/async_client.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/result.hpp"
#include "transports/curl_transport.hpp"

namespace novu_examples {

namespace async_detail {

// The error every request gets once its transport has shut down.
inline novu::error shut_down_error() { return novu::transport_error("transport shut down", false); }

// Joins every thread except the calling one, which is detached instead (a completion that shut
// its own transport down cannot wait for itself).
inline void join_all(std::vector<std::thread>& threads) {
  for (std::thread& t : threads) {
    if (!t.joinable()) continue;
    if (t.get_id() == std::this_thread::get_id()) {
      t.detach();
    } else {
      t.join();
    }
  }
  threads.clear();
}

// Queue and workers' shared state; workers and callers keep it alive through shared_ptr.
template <class SyncTransport>
struct work_queue {
  struct job {
    novu::http_request request;
    novu::transport_callback done;
    std::chrono::steady_clock::time_point queued = std::chrono::steady_clock::now();
  };

  explicit work_queue(SyncTransport t) : transport(std::move(t)) {}

  // Runs jobs until shutdown.
  void work() {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      wake.wait(lock, [this] { return closed || !jobs.empty(); });
      if (closed) return;
      job next = std::move(jobs.front());
      jobs.pop_front();
      lock.unlock();
      if (spend_queue_time(next)) {
        next.done(perform(next.request));
      } else {
        next.done(novu::transport_error("no worker was free within the request's timeout_ms (" +
                                        std::to_string(next.request.timeout_ms) + " ms)"));
      }
      lock.lock();
    }
  }

  // The time a job waited in the queue counts against its deadline (http_request::timeout_ms):
  // what is left goes to the synchronous transport. False when nothing is left.
  static bool spend_queue_time(job& next) {
    if (next.request.timeout_ms == 0) return true;
    const auto waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - next.queued).count();
    if (waited >= static_cast<long long>(next.request.timeout_ms)) return false;
    next.request.timeout_ms -= static_cast<std::uint32_t>(waited);
    return true;
  }

  // One blocking call; an exception becomes a transport error.
  novu::transport_result perform(const novu::http_request& request) {
#if defined(__cpp_exceptions)
    try {
      return transport(request);
    } catch (const std::exception& e) {
      return novu::transport_error(std::string("the transport threw: ") + e.what());
    } catch (...) {
      return novu::transport_error("the transport threw");
    }
#else
    return transport(request);
#endif
  }

  const SyncTransport transport;
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<job> jobs;
  bool closed = false;
};

// Pending timers and the timer thread's shared state.
struct timer_queue {
  // Fires due callbacks until shutdown, then fires the rest at once.
  void run() {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      if (pending.empty()) {
        if (closed) return;
        wake.wait(lock);
        continue;
      }
      const auto first = pending.begin();
      if (!closed && first->first > std::chrono::steady_clock::now()) {
        wake.wait_until(lock, first->first);
        continue;
      }
      novu::timer_callback fire = std::move(first->second);
      pending.erase(first);
      lock.unlock();
      fire();
      lock.lock();
    }
  }

  std::mutex mutex;
  std::condition_variable wake;
  std::multimap<std::chrono::steady_clock::time_point, novu::timer_callback> pending;  // equal times: FIFO
  bool closed = false;
};

}  // namespace async_detail

/// Owns `threads` workers that send requests through a copy of `SyncTransport` (a callable
/// `novu::transport_result(const novu::http_request&) const`, safe to call from several threads
/// at once) and complete them on the worker. Not copyable: hand get_caller() to the client.
template <class SyncTransport>
class basic_async_thread_transport {
 public:
  /// The callable novu::async_client takes: `void(novu::http_request, novu::transport_callback)`.
  /// Copyable; it may outlive the transport (its calls then fail with "transport shut down").
  class caller {
   public:
    /// Queues `request`; `done` runs once, on a worker thread (or here, after shutdown).
    void operator()(novu::http_request request, novu::transport_callback done) const {
      {
        std::lock_guard<std::mutex> lock(queue_->mutex);
        if (!queue_->closed) {
          queue_->jobs.push_back({std::move(request), std::move(done)});
          queue_->wake.notify_one();
          return;
        }
      }
      done(async_detail::shut_down_error());
    }

   private:
    friend class basic_async_thread_transport;
    explicit caller(std::shared_ptr<async_detail::work_queue<SyncTransport>> queue) : queue_(std::move(queue)) {}
    std::shared_ptr<async_detail::work_queue<SyncTransport>> queue_;
  };

  /// Starts `threads` workers (at least one) that send through `transport`.
  explicit basic_async_thread_transport(SyncTransport transport = SyncTransport{}, std::size_t threads = 2)
      : queue_(std::make_shared<async_detail::work_queue<SyncTransport>>(std::move(transport))) {
    if (threads == 0) threads = 1;
    workers_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) {
      workers_.emplace_back([queue = queue_] { queue->work(); });
    }
  }
  /// Shuts down (see shutdown()).
  ~basic_async_thread_transport() { shutdown(); }
  /// Not copyable: one object owns the workers.
  basic_async_thread_transport(const basic_async_thread_transport&) = delete;
  /// Not assignable, for the same reason.
  basic_async_thread_transport& operator=(const basic_async_thread_transport&) = delete;

  /// The callable to give novu::async_client.
  caller get_caller() const { return caller(queue_); }

  /// Fails queued requests with "transport shut down" (on this thread), lets the requests being
  /// performed finish, and joins the workers. Idempotent.
  void shutdown() {
    std::deque<typename async_detail::work_queue<SyncTransport>::job> abandoned;
    {
      std::lock_guard<std::mutex> lock(queue_->mutex);
      queue_->closed = true;
      abandoned.swap(queue_->jobs);
    }
    queue_->wake.notify_all();
    for (auto& job : abandoned) job.done(async_detail::shut_down_error());
    async_detail::join_all(workers_);
  }

 private:
  std::shared_ptr<async_detail::work_queue<SyncTransport>> queue_;
  std::vector<std::thread> workers_;
};

/// Blocking libcurl calls on worker threads; needs a live curl_global.
using async_curl_transport = basic_async_thread_transport<curl_transport>;

/// One thread that runs callbacks after a delay, for novu::async_client's retry waits.
/// Callbacks due at the same time run in the order they were scheduled.
class thread_timer {
 public:
  /// Starts the timer thread.
  thread_timer() : queue_(std::make_shared<async_detail::timer_queue>()) {
    thread_.emplace_back([queue = queue_] { queue->run(); });
  }
  /// Shuts down (see shutdown()).
  ~thread_timer() { shutdown(); }
  /// Not copyable: one object owns the thread.
  thread_timer(const thread_timer&) = delete;
  /// Not assignable, for the same reason.
  thread_timer& operator=(const thread_timer&) = delete;

  /// A novu::async_timer scheduling on this timer. It may outlive the timer: after shutdown it
  /// runs callbacks at once on the calling thread.
  novu::async_timer get_timer() const {
    return [queue = queue_](std::uint32_t delay_ms, novu::timer_callback fire) {
      {
        std::lock_guard<std::mutex> lock(queue->mutex);
        if (!queue->closed) {
          queue->pending.emplace(std::chrono::steady_clock::now() + std::chrono::milliseconds(delay_ms),
                                 std::move(fire));
          queue->wake.notify_one();
          return;
        }
      }
      fire();
    };
  }

  /// Runs every pending callback now, on the timer thread, so no waiting call is left without
  /// completion, then joins the thread. Idempotent.
  void shutdown() {
    {
      std::lock_guard<std::mutex> lock(queue_->mutex);
      queue_->closed = true;
    }
    queue_->wake.notify_all();
    async_detail::join_all(thread_);
  }

 private:
  std::shared_ptr<async_detail::timer_queue> queue_;
  std::vector<std::thread> thread_;  // zero or one: empty once joined
};

}  // namespace novu_examples
