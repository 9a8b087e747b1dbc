// Cancelling async calls and page walks (issue 11, item 9): every async_client call returns an
// async_call_handle whose cancel() runs on_done exactly once with error_kind::cancelled (unless
// it ran already), after which no attempt, retry wait or page request starts and completions or
// timers that fire later do nothing. Cancel from the completion thread, from inside on_done,
// on_page and the transport, after completion, after the client is gone; and a property test
// of random schedules over several threads. tools/tsan.sh runs this file under ThreadSanitizer.
#include <doctest/doctest.h>

#include <atomic>      // atomic
#include <cstddef>     // size_t
#include <cstdint>     // uint32_t, uint64_t
#include <deque>       // deque
#include <functional>  // function
#include <map>         // map
#include <memory>      // make_unique, unique_ptr, shared_ptr
#include <mutex>       // mutex, lock_guard
#include <optional>    // optional
#include <random>      // mt19937
#include <string>      // string, to_string
#include <thread>      // thread
#include <utility>     // move
#include <vector>      // vector

#include "novu/connections/async_client.hpp"
#include "test_support.hpp"

namespace {

novu::client_config cancel_config(int attempts = 4) { return test_support::instant_retry_config(attempts); }

// Keeps every completion; the test calls them when it likes.
struct held_transport {
  struct state {
    std::vector<novu::http_request> sent;
    std::vector<novu::transport_callback> held;
  };
  state* s;
  void operator()(novu::http_request request, novu::transport_callback done) const {
    s->sent.push_back(std::move(request));
    s->held.push_back(std::move(done));
  }
};

// Keeps every timer callback.
struct held_timer {
  std::vector<novu::timer_callback>* held;
  void operator()(std::uint32_t, novu::timer_callback fire) const { held->push_back(std::move(fire)); }
};

// How often on_done ran, and with what.
struct seen {
  int runs = 0;
  std::optional<novu::error_kind> kind;  // nullopt: success
};

template <class T>
auto record(seen& into) {
  return [&into](novu::result<T> r) {
    ++into.runs;
    into.kind = r ? std::optional<novu::error_kind>() : r.error().kind;
  };
}

novu::http_response status(int code) { return novu::http_response{code, {}, ""}; }

// A page with `next` cursor "c<n+1>" (none once n reaches `last`).
novu::http_response page(int n, int last) {
  const std::string next = n < last ? "\"c" + std::to_string(n + 1) + "\"" : "null";
  return novu::http_response{
      200, {}, R"({"data":[],"next":)" + next + R"(,"previous":null,"totalCount":0,"totalCountCapped":false})"};
}

}  // namespace

TEST_CASE("cancel: before the answer, on_done runs once with cancelled; the late answer does nothing") {
  held_transport::state wire;
  std::vector<novu::timer_callback> timers;
  novu::async_client<held_transport> client(cancel_config(), held_transport{&wire}, held_timer{&timers});
  seen got;
  novu::async_call_handle handle = client.remove("conn-1", record<void>(got));
  REQUIRE(wire.held.size() == 1);
  CHECK(handle.cancel());
  CHECK(got.runs == 1);
  CHECK(got.kind == novu::error_kind::cancelled);
  wire.held[0](status(503));  // would be retried without the cancel
  CHECK(got.runs == 1);
  CHECK(timers.empty());
  CHECK(wire.sent.size() == 1);
  CHECK_FALSE(handle.cancel());  // once only
}

TEST_CASE("cancel: during a retry wait, the timer firing later starts no attempt") {
  held_transport::state wire;
  std::vector<novu::timer_callback> timers;
  novu::async_client<held_transport> client(cancel_config(), held_transport{&wire}, held_timer{&timers});
  seen got;
  auto handle = client.channel_connections().remove("conn-1", record<void>(got));
  wire.held[0](status(503));
  REQUIRE(timers.size() == 1);
  CHECK(handle.cancel());
  timers[0]();
  CHECK(wire.sent.size() == 1);
  CHECK(got.runs == 1);
  CHECK(got.kind == novu::error_kind::cancelled);
}

TEST_CASE("cancel: the cancelled error says what the call went through") {
  held_transport::state wire;
  std::vector<novu::timer_callback> timers;
  novu::async_client<held_transport> client(cancel_config(), held_transport{&wire}, held_timer{&timers});
  std::string message;
  bool retryable = true;
  auto handle = client.retrieve("conn-1", [&](novu::result<novu::channel_connection> r) {
    message = r.error().message;
    retryable = r.error().retryable;
  });
  wire.held[0](status(503));
  timers[0]();
  REQUIRE(wire.sent.size() == 2);
  handle.cancel();
  CHECK(message.compare(0, 43, "cancelled by the caller after 2 attempts ov") == 0);
  CHECK_FALSE(retryable);
}

TEST_CASE("cancel: after completion it returns false and on_done keeps its one real result") {
  held_transport::state wire;
  novu::async_client<held_transport> client(cancel_config(1), held_transport{&wire});
  seen got;
  auto handle = client.remove("conn-1", record<void>(got));
  wire.held[0](status(204));
  CHECK_FALSE(handle.cancel());
  CHECK(got.runs == 1);
  CHECK_FALSE(got.kind.has_value());
  CHECK_FALSE(novu::async_call_handle{}.cancel());  // a handle on nothing
  seen bad;
  CHECK_FALSE(client.retrieve("", record<novu::channel_connection>(bad)).cancel());  // failed before sending
  CHECK(bad.kind == novu::error_kind::invalid_argument);
}

TEST_CASE("cancel: from inside on_done, from inside the transport, after the client is destroyed") {
  SUBCASE("inside on_done") {
    held_transport::state wire;
    novu::async_client<held_transport> client(cancel_config(1), held_transport{&wire});
    novu::async_call_handle handle;
    int runs = 0;
    bool inner = true;
    handle = client.remove("conn-1", [&](novu::result<void>) {
      ++runs;
      inner = handle.cancel();
    });
    wire.held[0](status(204));
    CHECK(runs == 1);
    CHECK_FALSE(inner);
  }
  SUBCASE("inside the transport's send, which then completes inline") {
    // Attempt 1 is held; its 503 arms a held timer; attempt 2 cancels from inside the send and
    // then answers inline.
    struct cancel_on_second_send {
      held_transport::state* wire;
      std::shared_ptr<novu::async_call_handle> handle;
      bool* cancelled_inside;
      void operator()(novu::http_request request, novu::transport_callback done) const {
        wire->sent.push_back(std::move(request));
        if (wire->sent.size() == 1) return wire->held.push_back(std::move(done));
        *cancelled_inside = handle->cancel();
        done(status(503));
      }
    };
    held_transport::state wire;
    auto handle = std::make_shared<novu::async_call_handle>();
    bool cancelled_inside = false;
    std::vector<novu::timer_callback> timers;
    novu::async_client<cancel_on_second_send> client(
        cancel_config(10), cancel_on_second_send{&wire, handle, &cancelled_inside}, held_timer{&timers});
    seen got;
    *handle = client.remove("conn-1", record<void>(got));
    wire.held[0](status(503));
    REQUIRE(timers.size() == 1);
    timers[0]();
    CHECK(cancelled_inside);
    CHECK(got.runs == 1);
    CHECK(got.kind == novu::error_kind::cancelled);
    CHECK(wire.sent.size() == 2);
    CHECK(timers.size() == 1);  // the inline 503 after the cancel armed no wait
  }
  SUBCASE("after the client is destroyed") {
    held_transport::state wire;
    auto client = std::make_unique<novu::async_client<held_transport>>(cancel_config(), held_transport{&wire});
    seen got;
    novu::update_channel_connection_request body;  // a body the builder sends (no empty required field)
    body.workspace.id = "T1";
    body.auth.access_token = "xoxb-cancel-test";
    auto handle = client->update("conn-1", body, record<novu::channel_connection>(got));
    client.reset();
    CHECK(handle.cancel());
    CHECK(got.kind == novu::error_kind::cancelled);
    wire.held.clear();  // the transport lets go: the call is released
    CHECK_FALSE(handle.cancel());
  }
}

TEST_CASE("cancel: a walk cancelled before its first page arrives delivers nothing") {
  held_transport::state wire;
  novu::async_client<held_transport> client(cancel_config(1), held_transport{&wire});
  seen got;
  int pages = 0;
  auto walk = client.channel_connections().for_each_page(
      {}, [&](const novu::channel_connection_page&) { return ++pages < 1000; }, record<std::size_t>(got));
  REQUIRE(wire.held.size() == 1);
  CHECK(walk.cancel());
  wire.held[0](page(1, 100));
  CHECK(pages == 0);
  CHECK(wire.sent.size() == 1);
  CHECK(got.runs == 1);
  CHECK(got.kind == novu::error_kind::cancelled);
}

TEST_CASE("cancel: a page walk stops requesting pages, also when cancelled from inside on_page") {
  SUBCASE("between pages") {
    held_transport::state wire;
    novu::async_client<held_transport> client(cancel_config(1), held_transport{&wire});
    seen got;
    int pages = 0;
    auto handle = client.for_each_page(
        {}, [&](const novu::channel_connection_page&) { return ++pages > 0; }, record<std::size_t>(got));
    wire.held[0](page(1, 10));
    wire.held[1](page(2, 10));
    REQUIRE(wire.sent.size() == 3);
    CHECK(handle.cancel());
    CHECK(got.runs == 1);
    CHECK(got.kind == novu::error_kind::cancelled);
    wire.held[2](page(3, 10));  // the page in flight arrives: not delivered, nothing requested
    CHECK(pages == 2);
    CHECK(wire.sent.size() == 3);
    CHECK_FALSE(handle.cancel());
  }
  SUBCASE("inside on_page, with an inline transport") {
    int sends = 0;
    auto transport = [&](novu::http_request, novu::transport_callback done) { done(page(++sends, 1000)); };
    novu::async_client<decltype(transport)> client(cancel_config(1), transport);
    seen got;
    int pages = 0;
    bool cancelled = false;
    novu::async_call_handle handle = client.for_each_page(
        {},
        [&](const novu::channel_connection_page&) {
          ++pages;
          return true;
        },
        record<std::size_t>(got));
    CHECK(got.runs == 1);  // the inline walk ran to its 1000 pages before the handle existed
    CHECK(pages == 1000);
    CHECK_FALSE(handle.cancel());

    held_transport::state wire;
    novu::async_client<held_transport> deferred(cancel_config(1), held_transport{&wire});
    seen second;
    int delivered = 0;
    novu::async_call_handle walk;
    walk = deferred.for_each_page(
        {},
        [&](const novu::channel_connection_page&) {
          ++delivered;
          if (delivered == 2) cancelled = walk.cancel();
          return true;
        },
        record<std::size_t>(second));
    wire.held[0](page(1, 10));
    wire.held[1](page(2, 10));
    CHECK(cancelled);
    CHECK(delivered == 2);
    CHECK(wire.sent.size() == 2);  // no page 3 requested
    CHECK(second.runs == 1);
    CHECK(second.kind == novu::error_kind::cancelled);
  }
}

namespace {

// Callbacks of transports and timers waiting to run, shared by worker threads.
struct schedule {
  std::mutex mutex;
  std::deque<std::function<void()>> pending;
  std::atomic<std::uint64_t> clock{0};  // orders sends and cancel returns

  void push(std::function<void()> f) {
    std::lock_guard<std::mutex> lock(mutex);
    pending.push_back(std::move(f));
  }
  // Takes a random pending callback, or nothing.
  std::function<void()> take(std::mt19937& rng) {
    std::lock_guard<std::mutex> lock(mutex);
    if (pending.empty()) return {};
    const std::size_t at = rng() % pending.size();
    std::function<void()> f = std::move(pending[at]);
    pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(at));
    return f;
  }
};

// What one call saw: sends (with their clock), on_done runs, the cancel's outcome.
struct call_record {
  std::mutex mutex;
  std::vector<std::uint64_t> sends;
  std::atomic<int> done_runs{0};
  std::atomic<bool> done_cancelled{false};
  std::uint64_t cancel_returned = ~std::uint64_t{0};
  bool cancel_won = false;
};

}  // namespace

TEST_CASE("cancel property: random schedules over threads, on_done exactly once, nothing starts after cancel") {
  // Calls (removes and page walks) whose attempts, retry waits and pages complete on three
  // worker threads in a random order, some at once inside the send (also twice), while a fourth
  // thread cancels random calls at random moments. Each call's on_done runs exactly once; a
  // cancel that returns true is what on_done saw; no attempt starts after a cancel returned.
  constexpr int calls = 120;
  constexpr int rounds = 4;
  for (int round = 0; round < rounds; ++round) {
    schedule work;
    std::vector<std::unique_ptr<call_record>> records;
    for (int i = 0; i < calls; ++i) records.push_back(std::make_unique<call_record>());
    std::mt19937 send_rng(static_cast<unsigned>(round) * 7919u + 1u);
    std::mutex send_rng_mutex;
    auto transport = [&](novu::http_request request, novu::transport_callback done) {
      const std::string key = novu::find_header(request.headers, "idempotency-key")->value;
      const int id = std::stoi(key.substr(1));
      int page_number = 0;
      {
        call_record& rec = *records[static_cast<std::size_t>(id)];
        std::lock_guard<std::mutex> lock(rec.mutex);
        rec.sends.push_back(++work.clock);
        page_number = static_cast<int>(rec.sends.size());
      }
      unsigned pick;
      {
        std::lock_guard<std::mutex> lock(send_rng_mutex);
        pick = send_rng() % 6;
      }
      const bool list = request.method == "GET";
      auto answer = [done, pick, list, page_number]() mutable {
        if (list) return done(pick == 0 ? status(503) : page(page_number, 8));
        done(pick < 3 ? status(503) : status(204));
      };
      if (pick == 5) {
        answer();  // inline
      } else {
        work.push(answer);
        if (pick == 4) work.push(answer);  // twice
      }
    };
    novu::async_timer timer = [&](std::uint32_t, novu::timer_callback fire) { work.push([fire] { fire(); }); };
    auto client = std::make_unique<novu::async_client<decltype(transport)>>(cancel_config(4), transport, timer);
    std::vector<novu::async_call_handle> handles(calls);
    for (int i = 0; i < calls; ++i) {
      call_record& rec = *records[static_cast<std::size_t>(i)];
      novu::call_options options;
      options.idempotency_key = "k" + std::to_string(i);
      if (i % 3 == 0) {
        handles[static_cast<std::size_t>(i)] = client->for_each_page(
            {}, [](const novu::channel_connection_page&) { return true; },
            [&rec](novu::result<std::size_t> r) {
              ++rec.done_runs;
              if (!r && r.error().kind == novu::error_kind::cancelled) rec.done_cancelled = true;
            },
            {}, options);
      } else {
        handles[static_cast<std::size_t>(i)] = client->remove(
            "conn-1",
            [&rec](novu::result<void> r) {
              ++rec.done_runs;
              if (!r && r.error().kind == novu::error_kind::cancelled) rec.done_cancelled = true;
            },
            options);
      }
    }
    if (round % 2 == 1) client.reset();  // cancel after the client is gone
    std::atomic<bool> stop{false};
    std::atomic<bool> go{false};  // the canceller lets the workers start after its first cancels
    std::vector<std::thread> workers;
    for (int t = 0; t < 3; ++t) {
      workers.emplace_back([&, t] {
        std::mt19937 rng(static_cast<unsigned>(round * 31 + t));
        while (!go.load()) std::this_thread::yield();
        while (!stop.load()) {
          std::function<void()> f = work.take(rng);
          if (f) {
            f();
          } else {
            std::this_thread::yield();
          }
        }
      });
    }
    std::thread canceller([&] {
      std::mt19937 rng(static_cast<unsigned>(round + 99));
      for (int n = 0; n < calls; ++n) {
        if (n == calls / 8) go = true;
        const std::size_t i = rng() % calls;
        if (rng() % 3 == 0) std::this_thread::yield();
        call_record& rec = *records[i];
        const bool won = handles[i].cancel();
        const std::uint64_t at = ++work.clock;
        std::lock_guard<std::mutex> lock(rec.mutex);
        if (rec.cancel_returned == ~std::uint64_t{0}) rec.cancel_returned = at;
        rec.cancel_won = rec.cancel_won || won;
      }
    });
    canceller.join();
    // Let every call finish: the remaining callbacks run, then the workers stop.
    for (;;) {
      bool all_done = true;
      for (const auto& r : records) all_done = all_done && r->done_runs.load() >= 1;
      if (all_done) break;
      std::this_thread::yield();
    }
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(work.mutex);
        if (work.pending.empty()) break;
      }
      std::this_thread::yield();
    }
    stop = true;
    for (std::thread& w : workers) w.join();
    int cancelled = 0;
    for (const auto& r : records) {
      CHECK(r->done_runs.load() == 1);
      CHECK(r->cancel_won == r->done_cancelled.load());
      for (std::uint64_t sent : r->sends) CHECK(sent < r->cancel_returned);
      if (r->cancel_won) ++cancelled;
    }
    CHECK(cancelled > 0);  // the schedule did cancel calls in flight
  }
}

TEST_CASE("cancel property: create_or_update's two steps, cancelled at every point of random schedules") {
  // One create_or_update per round over a transport that holds every completion: the create is
  // answered with a permanent conflict naming another connection (then the update runs), a 503
  // (retried through a held timer) or a 201; the update with 200 or 503. The schedule runs held
  // completions (some twice) and timers in a random order and cancels once at a random moment.
  // on_done runs exactly once; a cancel that returns true is what on_done saw (cancelled) and no
  // request is sent after it; a cancel that returns false came after on_done.
  const std::string conflict =
      R"({"statusCode":409,"timestamp":"2026-01-01T00:00:00.000Z","path":"/v1/channel-connections",)"
      R"("message":"A channel connection already exists for integration \"slack-prod\" with subscriberId \"s\" and )"
      R"(no context. Connection ID: conn-9"})";
  std::mt19937 rng(4242);
  int cancelled_in_update = 0;
  int cancelled_in_create = 0;
  for (int round = 0; round < 600; ++round) {
    CAPTURE(round);
    held_transport::state wire;
    std::vector<novu::timer_callback> timers;
    novu::async_client<held_transport> client(cancel_config(3), held_transport{&wire}, held_timer{&timers});
    novu::create_channel_connection_request body;
    body.integration_identifier = "slack-prod";
    body.subscriber_id = "s";
    body.workspace.id = "T1";
    body.auth.access_token = "xoxb-token-of-the-round";
    seen done;
    novu::async_call_handle handle = client.create_or_update(body, record<novu::channel_connection>(done));
    std::size_t answered = 0;  // sends whose completion was handed out
    bool cancelled = false;
    bool cancel_won = false;
    std::size_t sent_at_cancel = 0;
    std::vector<novu::transport_callback> ready;  // completions that may run (again)
    std::vector<std::function<void()>> runnable;
    for (int step = 0; step < 40; ++step) {
      // Answers for the sends so far.
      while (answered < wire.sent.size()) {
        const novu::http_request& r = wire.sent[answered];
        novu::transport_callback cb = wire.held[answered];
        ++answered;
        const unsigned pick = rng() % 3;
        novu::http_response a;
        if (r.method == "POST") {
          a = pick == 0   ? novu::http_response{409, {{"content-type", "application/json"}}, conflict}
              : pick == 1 ? status(503)
                          : novu::http_response{201, {{"content-type", "application/json"}}, R"({"data":{}})"};
        } else {
          a = pick == 0 ? status(503)
                        : novu::http_response{200, {{"content-type", "application/json"}}, R"({"data":{}})"};
        }
        runnable.push_back([cb, a] { cb(novu::transport_result(a)); });
        if (rng() % 4 == 0) runnable.push_back([cb, a] { cb(novu::transport_result(a)); });  // twice
      }
      for (novu::timer_callback& t : timers) runnable.push_back([t] { t(); });
      timers.clear();
      if (!cancelled && rng() % 6 == 0) {
        cancelled = true;
        sent_at_cancel = wire.sent.size();
        const bool in_update = sent_at_cancel > 0 && wire.sent.back().method == "PATCH";
        cancel_won = handle.cancel();
        if (cancel_won) ++(in_update ? cancelled_in_update : cancelled_in_create);
        CHECK(done.runs == 1);
        continue;
      }
      if (runnable.empty()) break;
      const std::size_t at = rng() % runnable.size();
      std::function<void()> run = std::move(runnable[at]);
      runnable.erase(runnable.begin() + static_cast<std::ptrdiff_t>(at));
      run();
    }
    // Whatever is left runs (late completions and timers must do nothing after the end).
    for (std::function<void()>& run : runnable) run();
    for (novu::timer_callback& t : timers) t();
    if (!cancelled) cancel_won = handle.cancel();
    CHECK(done.runs == 1);
    if (cancel_won) {
      CHECK(done.kind == novu::error_kind::cancelled);
      if (cancelled) CHECK(wire.sent.size() == sent_at_cancel);
    } else {
      CHECK(done.kind != novu::error_kind::cancelled);
    }
    for (const novu::http_request& r : wire.sent) {
      CHECK((r.method == "POST" || (r.method == "PATCH" && r.path == "/v1/channel-connections/conn-9")));
    }
  }
  CHECK(cancelled_in_create > 0);
  CHECK(cancelled_in_update > 0);  // the schedules reached the second step and cancelled it
}
