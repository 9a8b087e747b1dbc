// The async client against misbehaving transports and timers (issue 10, classes 1 and 2):
// completions and timer callbacks called twice (inline, later, from two threads at once), a
// completion never called, completions from another thread while the client is still inside
// the transport call, long retry chains over a timer that fires inside the timer call, and a
// page walk completed on worker threads. tools/tsan.sh runs this file under ThreadSanitizer.
#include <doctest/doctest.h>

#include <atomic>              // atomic
#include <chrono>              // steady_clock
#include <condition_variable>  // condition_variable
#include <cstddef>             // size_t
#include <cstdint>             // uint32_t, uintptr_t
#include <deque>               // deque
#include <functional>          // function
#include <initializer_list>    // initializer_list (range-for over a braced list)
#include <map>                 // map
#include <memory>              // shared_ptr, make_shared, unique_ptr, make_unique
#include <mutex>               // mutex, lock_guard, unique_lock
#include <optional>            // optional
#include <random>              // mt19937
#include <set>                 // set
#include <string>              // string, to_string
#include <thread>              // thread, this_thread::yield
#include <utility>             // move, pair
#include <vector>              // vector

#include "novu/connections/async_client.hpp"
#include "novu/testing/fake_novu.hpp"
#include "test_support.hpp"

namespace {

novu::client_config no_retry_config() { return test_support::offline_config(); }

using test_support::instant_retry_config;

novu::http_response ok_delete() { return novu::http_response{204, {}, ""}; }

// Outcome of one call: how often its completion ran, and what the first run saw.
struct outcome {
  std::atomic<int> runs{0};
  int status = -1;  // 0 for a transport error; written by the first run only
};

// A completion counting its runs into `o` (status: the error's status, 204 on success).
auto count_into(outcome& o) {
  return [&o](novu::result<void> r) {
    if (o.runs.fetch_add(1) == 0) o.status = r ? 204 : r.error().status;
  };
}

using test_support::stack_probe;

// Calls `done` twice before returning: first `first`, then `second`.
struct twice_inline_transport {
  novu::transport_result first;
  novu::transport_result second;
  int* sends;
  void operator()(const novu::http_request&, const novu::transport_callback& done) const {
    ++*sends;
    done(first);
    done(second);
  }
};

// Keeps every completion callback (test code calls them when it likes).
struct keeping_transport {
  struct state {
    std::mutex mutex;
    std::vector<novu::transport_callback> kept;
  };
  state* s;
  void operator()(const novu::http_request&, novu::transport_callback done) const {
    std::lock_guard<std::mutex> lock(s->mutex);
    s->kept.push_back(std::move(done));
  }
};

// A timer that keeps the callbacks.
struct keeping_timer {
  struct state {
    std::mutex mutex;
    std::vector<novu::timer_callback> kept;
  };
  state* s;
  void operator()(std::uint32_t, novu::timer_callback fire) const {
    std::lock_guard<std::mutex> lock(s->mutex);
    s->kept.push_back(std::move(fire));
  }
};

// Runs `a` and `b` on two threads released together.
template <class A, class B>
void race(A a, B b) {
  std::atomic<int> ready{0};
  std::thread one([&] {
    ++ready;
    while (ready.load() < 2) std::this_thread::yield();
    a();
  });
  std::thread two([&] {
    ++ready;
    while (ready.load() < 2) std::this_thread::yield();
    b();
  });
  one.join();
  two.join();
}

}  // namespace

TEST_CASE("async hardening: a transport calling its completion twice inline runs on_done once") {
  SUBCASE("error, then done") {
    int sends = 0;
    twice_inline_transport t{novu::transport_error("connection reset"), ok_delete(), &sends};
    novu::async_client<twice_inline_transport> client(no_retry_config(), t);
    outcome o;
    client.remove("x", count_into(o));
    CHECK(o.runs.load() == 1);
    CHECK(o.status == 0);  // the first report wins
    CHECK(sends == 1);
  }
  SUBCASE("done, then error") {
    int sends = 0;
    twice_inline_transport t{ok_delete(), novu::transport_error("late error"), &sends};
    novu::async_client<twice_inline_transport> client(no_retry_config(), t);
    outcome o;
    client.remove("x", count_into(o));
    CHECK(o.runs.load() == 1);
    CHECK(o.status == 204);
  }
  SUBCASE("503 then 200 on every attempt, retried through an inline timer") {
    int sends = 0;
    twice_inline_transport t{novu::http_response{503, {}, ""}, ok_delete(), &sends};
    novu::async_client<twice_inline_transport> client(instant_retry_config(3), t,
                                                      [](std::uint32_t, const novu::timer_callback& fire) { fire(); });
    outcome o;
    client.remove("x", count_into(o));
    CHECK(o.runs.load() == 1);
    CHECK(o.status == 503);  // each attempt's first answer counts: 503 three times
    CHECK(sends == 3);
  }
}

TEST_CASE("async hardening: a second completion arriving later is ignored") {
  keeping_transport::state kept;
  novu::async_client<keeping_transport> client(no_retry_config(), keeping_transport{&kept});
  outcome o;
  client.remove("x", count_into(o));
  REQUIRE(kept.kept.size() == 1);
  novu::transport_callback copy = kept.kept[0];  // a transport may copy it, too
  kept.kept[0](ok_delete());
  CHECK(o.runs.load() == 1);
  copy(novu::transport_error("second report"));
  kept.kept[0](novu::http_response{500, {}, ""});
  CHECK(o.runs.load() == 1);
  CHECK(o.status == 204);
}

TEST_CASE("async hardening: two threads completing the same call at once run on_done once (2,000 calls)") {
  constexpr int k_calls = 2000;
  keeping_transport::state kept;
  novu::async_client<keeping_transport> client(no_retry_config(), keeping_transport{&kept});
  std::vector<outcome> outcomes(k_calls);
  for (int i = 0; i < k_calls; ++i)
    client.remove("x" + std::to_string(i), count_into(outcomes[static_cast<std::size_t>(i)]));
  REQUIRE(kept.kept.size() == static_cast<std::size_t>(k_calls));
  const std::vector<novu::transport_callback>& callbacks = kept.kept;
  race(
      [&] {
        for (const novu::transport_callback& done : callbacks) done(ok_delete());
      },
      [&] {
        for (const novu::transport_callback& done : callbacks) done(novu::transport_error("duplicate"));
      });
  int wrong = 0;
  int successes = 0;
  for (const outcome& o : outcomes) {
    if (o.runs.load() != 1) ++wrong;
    if (o.status == 204) ++successes;
  }
  CHECK(wrong == 0);
  MESSAGE("calls won by the success report: " << successes << " of " << k_calls);
}

TEST_CASE("async hardening: a timer firing twice sends the next attempt once") {
  // The first attempt of every call (each deletes its own identifier) fails with 503, the
  // next ones succeed.
  struct counting_transport {
    struct state {
      std::mutex mutex;
      std::set<std::string> seen;
      int sends = 0;
    };
    state* s;
    void operator()(const novu::http_request& request, const novu::transport_callback& done) const {
      bool first = false;
      {
        std::lock_guard<std::mutex> lock(s->mutex);
        ++s->sends;
        first = s->seen.insert(request.path).second;
      }
      done(first ? novu::http_response{503, {}, ""} : ok_delete());
    }
  };
  SUBCASE("twice inside the timer call") {
    counting_transport::state sends;
    novu::async_client<counting_transport> client(instant_retry_config(4), counting_transport{&sends},
                                                  [](std::uint32_t, const novu::timer_callback& fire) {
                                                    fire();
                                                    fire();
                                                  });
    outcome o;
    client.remove("x", count_into(o));
    CHECK(o.runs.load() == 1);
    CHECK(o.status == 204);
    CHECK(sends.sends == 2);
  }
  SUBCASE("twice later") {
    counting_transport::state sends;
    keeping_timer::state timer;
    novu::async_client<counting_transport> client(instant_retry_config(4), counting_transport{&sends},
                                                  keeping_timer{&timer});
    outcome o;
    client.remove("x", count_into(o));
    REQUIRE(timer.kept.size() == 1);
    CHECK(o.runs.load() == 0);
    timer.kept[0]();
    timer.kept[0]();
    CHECK(o.runs.load() == 1);
    CHECK(o.status == 204);
    CHECK(sends.sends == 2);
  }
  SUBCASE("from two threads at once (500 calls)") {
    constexpr int k_calls = 500;
    counting_transport::state sends;
    keeping_timer::state timer;
    novu::async_client<counting_transport> client(instant_retry_config(4), counting_transport{&sends},
                                                  keeping_timer{&timer});
    std::vector<outcome> outcomes(k_calls);
    for (int i = 0; i < k_calls; ++i) {
      client.remove("x" + std::to_string(i), count_into(outcomes[static_cast<std::size_t>(i)]));
    }
    REQUIRE(timer.kept.size() == static_cast<std::size_t>(k_calls));
    const std::vector<novu::timer_callback>& fires = timer.kept;
    race(
        [&] {
          for (const novu::timer_callback& fire : fires) fire();
        },
        [&] {
          for (const novu::timer_callback& fire : fires) fire();
        });
    int wrong = 0;
    for (const outcome& o : outcomes) {
      if (o.runs.load() != 1 || o.status != 204) ++wrong;
    }
    CHECK(wrong == 0);
    CHECK(sends.sends == 2 * k_calls);
  }
}

TEST_CASE("async hardening: a completion never called keeps nothing alive beyond the callback") {
  auto tracker = std::make_shared<int>(0);
  SUBCASE("the transport drops the callback") {
    auto dropping = [](const novu::http_request&, const novu::transport_callback&) {};
    novu::async_client<decltype(dropping)> client(no_retry_config(), dropping);
    client.remove("x", [tracker](novu::result<void>) {});
    CHECK(tracker.use_count() == 1);  // the call and its completion are gone
  }
  SUBCASE("the timer drops the callback") {
    auto failing = [](const novu::http_request&, const novu::transport_callback& done) {
      done(novu::http_response{503, {}, ""});
    };
    novu::async_client<decltype(failing)> client(instant_retry_config(3), failing,
                                                 [](std::uint32_t, const novu::timer_callback&) {});
    client.remove("x", [tracker](novu::result<void>) {});
    CHECK(tracker.use_count() == 1);
  }
  SUBCASE("the transport keeps the callback: the call is held, then released with it") {
    keeping_transport::state kept;
    auto client = std::make_unique<novu::async_client<keeping_transport>>(no_retry_config(), keeping_transport{&kept});
    client->remove("x", [tracker](novu::result<void>) {});
    client.reset();
    CHECK(tracker.use_count() == 2);  // waiting for the answer
    kept.kept.clear();
    CHECK(tracker.use_count() == 1);
  }
  SUBCASE("after completing, what on_done captured is released even if the transport keeps the callback") {
    keeping_transport::state kept;
    novu::async_client<keeping_transport> client(no_retry_config(), keeping_transport{&kept});
    bool ran = false;
    client.remove("x", [tracker, &ran](novu::result<void>) { ran = true; });
    kept.kept[0](ok_delete());
    CHECK(ran);
    CHECK(tracker.use_count() == 1);
  }
}

TEST_CASE("async hardening: completions may be move-only") {
  novu::fake_novu server;
  novu::async_client<novu::fake_novu::inline_async_transport> client(no_retry_config(), server.async_transport());
  auto owned = std::make_unique<int>(7);
  int seen = 0;
  client.remove("missing",
                [owned = std::move(owned), &seen](novu::result<void> r) { seen = r ? -1 : *owned + r.error().status; });
  CHECK(seen == 7 + 404);
  auto page_state = std::make_unique<int>(0);
  auto done_state = std::make_unique<int>(0);
  std::optional<novu::result<std::size_t>> pages;
  client.for_each_page(
      {}, [p = std::move(page_state)](const novu::channel_connection_page&) { return ++*p > 0; },
      [d = std::move(done_state), &pages](novu::result<std::size_t> n) { pages = std::move(n); });
  REQUIRE(pages.has_value());
  CHECK(**pages == 1);
}

TEST_CASE("async hardening: a completion from another thread while the client is inside the transport call") {
  // The transport completes on a thread of its own and joins it before returning.
  struct joining_transport {
    novu::fake_novu* server;
    void operator()(const novu::http_request& request, const novu::transport_callback& done) const {
      std::thread worker([&] { done(novu::transport_result(server->handle(request))); });
      worker.join();
    }
  };
  novu::fake_novu server;
  server.enqueue_response({503, {}, ""});
  novu::async_client<joining_transport> client(instant_retry_config(3), joining_transport{&server},
                                               [](std::uint32_t, const novu::timer_callback& fire) { fire(); });
  int runs = 0;
  for (int i = 0; i < 50; ++i) {
    client.remove("missing-" + std::to_string(i),
                  [&runs](novu::result<void> r) { runs += !r && r.error().status == 404; });
  }
  CHECK(runs == 50);
  CHECK(server.request_count() == 51);  // the 503 was retried once
  int created = 0;
  for (int i = 0; i < 5; ++i) {
    novu::create_channel_connection_request body;
    body.identifier = "c" + std::to_string(i);
    body.subscriber_id = "sub-" + std::to_string(i);  // one connection per subscriber (409 otherwise)
    body.integration_identifier = "slack-prod";
    body.workspace.id = "T";
    body.auth.access_token = "a";
    client.create(body, [&created](novu::result<novu::channel_connection> r) { created += r.has_value(); });
  }
  CHECK(created == 5);
  std::vector<std::string> seen;
  std::optional<novu::result<std::size_t>> pages;
  novu::list_channel_connections_params p;
  p.limit = 1;
  p.order_direction = novu::order_direction::ascending;  // the server's default is descending
  client.for_each_page(
      p,
      [&seen](const novu::channel_connection_page& page) {
        for (const novu::channel_connection& c : page.data) seen.push_back(c.identifier);
        return true;
      },
      [&pages](novu::result<std::size_t> n) { pages = std::move(n); });
  REQUIRE(pages.has_value());
  REQUIRE(pages->has_value());
  CHECK(**pages == 5);
  CHECK(seen == std::vector<std::string>{"c0", "c1", "c2", "c3", "c4"});
}

TEST_CASE("async hardening: 100,000 attempts chained over a timer firing inside the timer call, flat stack") {
  constexpr int k_attempts = 100000;
  struct failing_until_last {
    int* sends;
    stack_probe* probe;
    void operator()(const novu::http_request&, const novu::transport_callback& done) const {
      probe->sample();
      ++*sends;
      done(*sends < k_attempts ? novu::transport_result(novu::http_response{503, {}, ""})
                               : novu::transport_result(ok_delete()));
    }
  };
  int sends = 0;
  stack_probe probe;
  test_support::fake_environment::state env;
  novu::async_client<failing_until_last, test_support::fake_environment> client(
      instant_retry_config(k_attempts), failing_until_last{&sends, &probe},
      [](std::uint32_t delay, const novu::timer_callback& fire) {
        if (delay == 0) fire();
      },
      test_support::fake_environment{&env});
  outcome o;
  const auto started = std::chrono::steady_clock::now();
  client.remove("x", count_into(o));
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  CHECK(sends == k_attempts);
  CHECK(o.runs.load() == 1);
  CHECK(o.status == 204);
  CHECK(probe.spread() < 4096);
  MESSAGE(sends << " attempts in " << ms << " ms, stack spread " << probe.spread() << " bytes");
}

namespace {

// Worker threads completing requests from a fake_novu, like examples/transports/
// async_thread_transport.hpp; with `duplicates`, every request is queued twice with the same
// callback, so two workers answer it (the server sees it twice) and both reports race.
class worker_pool {
 public:
  struct job {
    novu::http_request request;
    novu::transport_callback done;
  };
  struct queue {
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<job> jobs;
    bool closed = false;
    bool duplicates = false;
  };
  // The transport for novu::async_client.
  struct caller {
    std::shared_ptr<queue> q;
    void operator()(novu::http_request request, novu::transport_callback done) const {
      std::lock_guard<std::mutex> lock(q->mutex);
      if (q->duplicates) q->jobs.push_back({request, done});
      q->jobs.push_back({std::move(request), std::move(done)});
      q->wake.notify_all();
    }
  };

  worker_pool(novu::fake_novu& server, int threads, bool duplicates) : queue_(std::make_shared<queue>()) {
    queue_->duplicates = duplicates;
    for (int i = 0; i < threads; ++i) {
      threads_.emplace_back([this, &server] { work(server); });
    }
  }
  ~worker_pool() {
    {
      std::lock_guard<std::mutex> lock(queue_->mutex);
      queue_->closed = true;
    }
    queue_->wake.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  worker_pool(const worker_pool&) = delete;
  worker_pool& operator=(const worker_pool&) = delete;

  caller get_caller() const { return caller{queue_}; }

 private:
  void work(novu::fake_novu& server) {
    std::unique_lock<std::mutex> lock(queue_->mutex);
    for (;;) {
      queue_->wake.wait(lock, [this] { return queue_->closed || !queue_->jobs.empty(); });
      if (queue_->jobs.empty()) return;  // closed and drained
      job next = std::move(queue_->jobs.front());
      queue_->jobs.pop_front();
      lock.unlock();
      next.done(novu::transport_result(server.handle(next.request)));
      next = job{};
      lock.lock();
    }
  }

  std::shared_ptr<queue> queue_;
  std::vector<std::thread> threads_;
};

// Blocks until `set` was called.
struct done_signal {
  std::mutex mutex;
  std::condition_variable changed;
  bool done = false;
  void set() {
    std::lock_guard<std::mutex> lock(mutex);
    done = true;
    changed.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [this] { return done; });
  }
};

}  // namespace

TEST_CASE("async hardening threads: a walk of 100 pages completed on worker threads delivers each page once") {
  novu::fake_novu server;
  for (int i = 0; i < 100; ++i) {
    novu::channel_connection c;
    c.identifier = "conn-" + std::to_string(1000 + i);
    c.created_at = "2026-01-01T00:00:00.000Z";
    c.updated_at = c.created_at;
    c.workspace.id = "T";
    c.auth.access_token = "a";
    server.put(c);
  }
  for (const bool duplicates : {false, true}) {
    CAPTURE(duplicates);
    std::vector<std::string> seen;  // written by on_page on worker threads, read after on_done
    std::atomic<int> done_runs{0};
    std::optional<novu::result<std::size_t>> pages;
    done_signal finished;
    worker_pool pool(server, 2, duplicates);
    novu::async_client<worker_pool::caller> client(no_retry_config(), pool.get_caller());
    novu::list_channel_connections_params p;
    p.limit = 1;
    p.include_cursor = true;
    p.order_direction = novu::order_direction::ascending;  // the server's default is descending
    client.for_each_page(
        p,
        [&seen](const novu::channel_connection_page& page) {
          for (const novu::channel_connection& c : page.data) seen.push_back(c.identifier);
          return true;
        },
        [&](novu::result<std::size_t> n) {
          ++done_runs;
          pages = std::move(n);
          finished.set();
        });
    finished.wait();
    REQUIRE(pages.has_value());
    REQUIRE(pages->has_value());
    CHECK(**pages == 100);
    REQUIRE(seen.size() == 100);
    int out_of_order = 0;
    for (std::size_t i = 0; i < seen.size(); ++i) out_of_order += seen[i] != "conn-" + std::to_string(1000 + i);
    CHECK(out_of_order == 0);
    CHECK(done_runs.load() == 1);
  }
}

TEST_CASE("async hardening threads: 200 calls completed on worker threads, each reported twice") {
  constexpr int k_calls = 200;
  novu::fake_novu server;
  std::vector<outcome> outcomes(k_calls);
  std::atomic<int> finished{0};
  done_signal all_done;
  worker_pool pool(server, 2, true);
  novu::async_client<worker_pool::caller> client(no_retry_config(), pool.get_caller());
  for (int i = 0; i < k_calls; ++i) {
    outcome& o = outcomes[static_cast<std::size_t>(i)];
    client.remove("x", [&o, &finished, &all_done](novu::result<void> r) {
      if (o.runs.fetch_add(1) == 0) o.status = r ? 204 : r.error().status;
      if (finished.fetch_add(1) + 1 == k_calls) all_done.set();
    });
  }
  all_done.wait();
  int wrong = 0;
  for (const outcome& o : outcomes) {
    if (o.runs.load() != 1 || o.status != 404) ++wrong;
  }
  CHECK(wrong == 0);
}

namespace {
// An async client's environment: clock and randomness, no sleep_ms (it would never be used).
struct environment_without_sleep {
  std::uint64_t* now;
  std::uint64_t monotonic_ms() const { return *now; }
  std::int64_t unix_ms() const { return 1767225600000; }
  double random_unit() const { return 0.5; }
};
}  // namespace

TEST_CASE("async hardening: an environment without sleep_ms drives retries through the timer") {
  std::uint64_t now = 0;
  int sends = 0;
  auto transport = [&](novu::http_request, novu::transport_callback done) {
    novu::http_response r;
    r.status = ++sends < 3 ? 503 : 204;
    done(r);
  };
  std::vector<std::uint32_t> waits;
  novu::async_timer timer = [&](std::uint32_t delay_ms, novu::timer_callback fire) {
    waits.push_back(delay_ms);
    now += delay_ms;
    fire();
  };
  novu::client_config config;
  config.secret_key = "sk_test_123";
  novu::async_client<decltype(transport), environment_without_sleep> client(config, transport, timer,
                                                                            environment_without_sleep{&now});
  int done = 0;
  client.remove("conn-1", [&](novu::result<void> r) {
    CHECK(r.has_value());
    ++done;
  });
  CHECK(done == 1);
  CHECK(sends == 3);
  CHECK(waits.size() == 2);
}

TEST_CASE("async hardening property: random completion and timer schedules run each on_done exactly once") {
  // Each attempt answers 503, 204 or a transport error, inline or later, once or twice (also
  // one inline and one later); each retry wait fires inline or later, once or twice. Later
  // callbacks run in a random order, interleaved across 20 calls at a time. Whatever the
  // schedule, every call's on_done runs exactly once and no call sends more than max_attempts.
  std::mt19937 rng(777);
  std::vector<std::function<void()>> later;
  auto pick = [&](unsigned n) { return static_cast<unsigned>(rng() % n); };
  auto deliver = [&](std::function<void()> action) {
    switch (pick(5)) {
      case 0: action(); break;  // inline, once
      case 1:
        action();
        action();
        break;                                 // inline, twice
      case 2: later.push_back(action); break;  // later, once
      case 3:
        later.push_back(action);
        later.push_back(action);
        break;  // later, twice
      default:
        action();
        later.push_back(action);
        break;  // inline, then again later
    }
  };
  std::map<std::string, int> sends;
  auto transport = [&](novu::http_request request, novu::transport_callback done) {
    ++sends[novu::find_header(request.headers, "idempotency-key")->value];
    const unsigned kind = pick(3);
    deliver([done, kind]() {
      if (kind == 0) done(novu::http_response{503, {}, ""});
      if (kind == 1) done(novu::http_response{204, {}, ""});
      if (kind == 2) done(novu::transport_error("reset"));
    });
  };
  novu::async_timer timer = [&](std::uint32_t, novu::timer_callback fire) { deliver([fire]() { fire(); }); };
  novu::async_client<decltype(transport)> client(instant_retry_config(4), transport, timer);
  int checked = 0;
  for (int round = 0; round < 100; ++round) {
    std::vector<std::unique_ptr<outcome>> outcomes;
    for (int i = 0; i < 20; ++i) {
      outcomes.push_back(std::make_unique<outcome>());
      novu::call_options options;
      options.idempotency_key = "r" + std::to_string(round) + "-" + std::to_string(i);
      client.remove("conn-1", count_into(*outcomes.back()), options);
    }
    while (!later.empty()) {
      const std::size_t at = pick(static_cast<unsigned>(later.size()));
      std::function<void()> action = std::move(later[at]);
      later.erase(later.begin() + static_cast<std::ptrdiff_t>(at));
      action();
    }
    for (const auto& o : outcomes) {
      CHECK(o->runs.load() == 1);
      ++checked;
    }
  }
  for (const auto& s : sends) CHECK(s.second <= 4);
  CHECK(checked == 2000);
}
