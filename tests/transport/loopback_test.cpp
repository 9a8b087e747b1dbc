// Loopback test of the example transports: libcurl (sync), cpp-httplib (sync) and the worker
// thread transport (async, over libcurl) each run the five operations end to end against a
// novu::fake_novu served by cpp-httplib on 127.0.0.1, then the scripted faults: one 429 with
// Retry-After: 1 (retried with the default policy, same idempotency key) and a connection closed
// without an answer (a transport error; one attempt with retries off, three with three allowed).
// Per-call deadlines: a server answering 300 ms late fails a 100 ms timeout_ms and serves a 5 s
// one, and with a 150 ms timeout_ms and retries max_elapsed_ms (1 s) bounds the whole call.
// Transport-specific checks follow: body size limit, TLS verification (when given a
// certificate), async completion thread, shutdown and the timer.
//
// Usage: loopback_test [CERT_PEM KEY_PEM]   (a certificate for 127.0.0.1 enables the TLS checks)
// Prints `ok <name>`, `FAIL <name>: <why>` or `note <name>: <text>`, then `N passed, M failed`.
// SPDX-License-Identifier: MIT

#include <algorithm>  // all_of
#include <atomic>     // atomic
#include <chrono>     // steady_clock, milliseconds
#include <cstddef>    // size_t
#include <cstdint>    // uint32_t
#include <cstdio>     // fprintf
#include <future>     // promise
#include <memory>     // shared_ptr, make_shared
#include <mutex>      // mutex, lock_guard
#include <string>     // string, to_string
#include <thread>     // this_thread
#include <utility>    // move
#include <vector>     // vector

#include "harness.hpp"
#include "loopback_server.hpp"
#include "suite.hpp"
#include "novu/connections/async_client.hpp"
#include "novu/novu.hpp"
#include "novu/testing/fake_novu.hpp"
#include "transports/async_thread_transport.hpp"
#include "transports/curl_transport.hpp"
#include "transports/httplib_transport.hpp"

namespace {

using transport_test::checks;
using transport_test::failure_of;
using transport_test::not_error;

using transport_test::check_body_limit;
using transport_test::config_for;
using transport_test::elapsed_ms;
using transport_test::fixture;
using transport_test::retrieve_request;
using transport_test::run_suite;
using transport_test::secret_key;

// TLS: the self-signed server is refused by default; httplib accepts it given its certificate.
void check_tls(checks& out, fixture& fx, const std::string& cert, const std::string& key) {
#if defined(CPPHTTPLIB_OPENSSL_SUPPORT)
  transport_test::fake_server tls(fx.fake, cert, key);
  if (!tls.start()) {
    out.record("tls.server_start", "the https server did not start");
    return;
  }
  const novu::http_request request = retrieve_request(tls.base_url(), "tls-check");
  novu_examples::httplib_transport_options options;
  options.connect_timeout = std::chrono::milliseconds(3000);
  options.read_timeout = std::chrono::milliseconds(5000);
  const novu::transport_result refused = novu_examples::httplib_transport(options)(request);
  out.record("httplib.tls_unknown_ca_refused", not_error(refused, novu::error_kind::transport));
  if (!refused) out.note("httplib.tls_unknown_ca", refused.error().message);
  options.ca_cert_file = cert;
  const novu::transport_result trusted = novu_examples::httplib_transport(options)(request);
  std::string why = failure_of(trusted);
  if (why.empty() && trusted->status != 404) why = "status " + std::to_string(trusted->status) + ", expected 404";
  out.record("httplib.tls_trusted_ca_ok", why);

  novu_examples::curl_transport_options curl_options;
  curl_options.connect_timeout = std::chrono::milliseconds(3000);
  curl_options.total_timeout = std::chrono::milliseconds(5000);
  const novu::transport_result curl_refused = novu_examples::curl_transport(curl_options)(request);
  out.record("curl.tls_unknown_ca_refused", not_error(curl_refused, novu::error_kind::transport));
#else
  (void)fx;
  (void)cert;
  (void)key;
  out.note("tls", "skipped: cpp-httplib without CPPHTTPLIB_OPENSSL_SUPPORT");
#endif
}

// httplib-only: a scheme it cannot speak is refused before anything is sent.
void check_httplib_scheme(checks& out) {
  novu::http_request request = retrieve_request("http://127.0.0.1:1", "x");
  request.url = "ftp://127.0.0.1:1" + request.path;
  out.record("httplib.unsupported_scheme",
             not_error(novu_examples::httplib_transport()(request), novu::error_kind::transport));
}

// async-only: completions run on a worker thread; ten calls in parallel all complete.
void check_async_threads(checks& out, fixture& fx, novu_examples::async_curl_transport& transport,
                         novu_examples::thread_timer& timer) {
  novu::async_client<novu_examples::async_curl_transport::caller> client(config_for(fx.base_url, novu::retry_policy{}),
                                                                         transport.get_caller(), timer.get_timer());
  const std::thread::id caller_thread = std::this_thread::get_id();
  constexpr int calls = 10;
  auto done = std::make_shared<std::promise<void>>();
  auto state = std::make_shared<std::pair<std::mutex, std::vector<std::string>>>();
  auto remaining = std::make_shared<std::atomic<int>>(calls);
  auto on_thread = std::make_shared<std::atomic<int>>(0);
  for (int i = 0; i < calls; ++i) {
    client.retrieve("async-parallel-missing", [=](novu::result<novu::channel_connection> r) {
      if (std::this_thread::get_id() != caller_thread) ++*on_thread;
      {
        std::lock_guard<std::mutex> lock(state->first);
        state->second.push_back(not_error(r, novu::error_kind::api, 404));
      }
      if (--*remaining == 0) done->set_value();
    });
  }
  std::string why;
  if (done->get_future().wait_for(transport_test::completion_timeout) != std::future_status::ready) {
    why = std::to_string(remaining->load()) + " calls did not complete";
  } else {
    std::lock_guard<std::mutex> lock(state->first);
    for (const std::string& w : state->second) {
      if (!w.empty()) why = w;
    }
    if (why.empty() && on_thread->load() != calls) why = "some completions ran on the calling thread";
  }
  out.record("async.parallel_calls_complete_on_workers", why);
}

// async-only: shutdown fails queued requests with "transport shut down", lets the one being
// performed finish, and later calls fail at once.
void check_async_shutdown(checks& out, fixture& fx) {
  novu_examples::curl_transport_options options;
  options.total_timeout = std::chrono::milliseconds(5000);
  auto transport = std::make_unique<novu_examples::async_curl_transport>(novu_examples::curl_transport(options), 1);
  const auto caller = transport->get_caller();
  novu::http_request slow;
  slow.method = "GET";
  slow.path = "/__test/slow";
  slow.url = fx.base_url + slow.path;
  std::vector<std::shared_ptr<std::promise<novu::transport_result>>> answers;
  const int slow_before = fx.server.slow_started();
  for (int i = 0; i < 3; ++i) {
    answers.push_back(std::make_shared<std::promise<novu::transport_result>>());
    caller(slow, [p = answers.back()](novu::transport_result r) { p->set_value(std::move(r)); });
    // The one worker must be performing the first request before the others are queued.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (i == 0 && fx.server.slow_started() == slow_before && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  const auto start = std::chrono::steady_clock::now();
  transport.reset();
  const long long join_ms = elapsed_ms(start);
  std::vector<novu::transport_result> results;
  for (auto& p : answers) {
    auto future = p->get_future();
    if (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      out.record("async.shutdown", "a call had not completed when the destructor returned");
      return;
    }
    results.push_back(future.get());
  }
  std::string why;
  if (!results[0] || results[0]->status != 200) why = "the request in flight: " + failure_of(results[0]);
  for (std::size_t i = 1; i < results.size() && why.empty(); ++i) {
    why = not_error(results[i], novu::error_kind::transport);
    if (why.empty() && results[i].error().message != "transport shut down") why = results[i].error().message;
  }
  out.record("async.shutdown_fails_queued_finishes_in_flight", why);
  out.note("async.shutdown", "destructor returned after " + std::to_string(join_ms) + " ms");

  bool inline_error = false;
  caller(slow, [&inline_error](novu::transport_result r) {
    inline_error = !r && r.error().message == "transport shut down";
  });
  out.record("async.call_after_shutdown_fails_at_once", inline_error ? "" : "no immediate shut-down error");
}

// thread_timer: fires in deadline order on its own thread; shutdown fires what is pending now.
void check_timer(checks& out) {
  auto timer = std::make_unique<novu_examples::thread_timer>();
  const novu::async_timer schedule = timer->get_timer();
  auto order = std::make_shared<std::pair<std::mutex, std::vector<int>>>();
  auto off_thread = std::make_shared<std::atomic<int>>(0);
  auto all = std::make_shared<std::promise<void>>();
  const std::thread::id caller_thread = std::this_thread::get_id();
  const auto record = [=](int tag) {
    return [=] {
      if (std::this_thread::get_id() != caller_thread) ++*off_thread;
      std::lock_guard<std::mutex> lock(order->first);
      order->second.push_back(tag);
      if (order->second.size() == 3) all->set_value();
    };
  };
  const auto start = std::chrono::steady_clock::now();
  schedule(200, record(200));
  schedule(50, record(50));
  schedule(100, record(100));
  std::string why;
  if (all->get_future().wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
    why = "the callbacks did not all fire within 5 s";
  } else {
    const long long took = elapsed_ms(start);
    std::lock_guard<std::mutex> lock(order->first);
    if (order->second != std::vector<int>{50, 100, 200}) why = "fired out of order";
    if (off_thread->load() != 3) why = "fired on the calling thread";
    if (took < 190) why = "fired after " + std::to_string(took) + " ms, before the 200 ms delay";
  }
  out.record("timer.fires_in_order_after_delay", why);

  bool fired = false;
  schedule(60000, [&fired] { fired = true; });
  const auto stop_start = std::chrono::steady_clock::now();
  timer.reset();
  const long long stop_ms = elapsed_ms(stop_start);
  out.record("timer.shutdown_fires_pending",
             fired && stop_ms < 1000 ? "" : "the pending callback did not fire at once");
  bool inline_fire = false;
  schedule(60000, [&inline_fire] { inline_fire = true; });
  out.record("timer.after_shutdown_fires_at_once", inline_fire ? "" : "no immediate fire");
}

}  // namespace

int main(int argc, char** argv) {
  checks out;
  const novu_examples::curl_global curl;
  if (!curl.ok()) {
    out.record("curl.init", "curl_global_init failed");
    out.finish();
    return 1;
  }
  novu::fake_novu_options fake_options;
  fake_options.secret_key = secret_key;
  novu::fake_novu fake(fake_options);
  transport_test::fake_server server(fake);
  transport_test::drop_server drop;
  if (!server.start() || !drop.start()) {
    out.record("servers.start", "could not start the loopback servers");
    out.finish();
    return 1;
  }
  fixture fx{fake, server, server.base_url(), drop};

  novu_examples::curl_transport_options curl_options;
  curl_options.connect_timeout = std::chrono::milliseconds(3000);
  curl_options.total_timeout = std::chrono::milliseconds(10000);
  novu_examples::httplib_transport_options httplib_options;
  httplib_options.connect_timeout = std::chrono::milliseconds(3000);
  httplib_options.read_timeout = std::chrono::milliseconds(10000);
  httplib_options.write_timeout = std::chrono::milliseconds(10000);

  run_suite(
      out, "curl",
      [&](const novu::client_config& c) {
        return transport_test::sync_runner<novu_examples::curl_transport>(c,
                                                                          novu_examples::curl_transport(curl_options));
      },
      fx);
  run_suite(
      out, "httplib",
      [&](const novu::client_config& c) {
        return transport_test::sync_runner<novu_examples::httplib_transport>(
            c, novu_examples::httplib_transport(httplib_options));
      },
      fx);
  {
    novu_examples::thread_timer timer;  // declared first: outlives the transport
    novu_examples::async_curl_transport transport(novu_examples::curl_transport(curl_options), 2);
    run_suite(
        out, "async",
        [&](const novu::client_config& c) {
          return transport_test::async_runner<novu_examples::async_curl_transport::caller>(c, transport.get_caller(),
                                                                                           timer.get_timer());
        },
        fx);
    check_async_threads(out, fx, transport, timer);
  }

  novu_examples::curl_transport_options small_curl = curl_options;
  small_curl.max_response_bytes = 1024u * 1024u;
  check_body_limit(out, "curl", novu_examples::curl_transport(small_curl), fx);
  novu_examples::httplib_transport_options small_httplib = httplib_options;
  small_httplib.max_response_bytes = 1024u * 1024u;
  check_body_limit(out, "httplib", novu_examples::httplib_transport(small_httplib), fx);
  check_httplib_scheme(out);
  check_async_shutdown(out, fx);
  check_timer(out);
  if (argc == 3) {
    check_tls(out, fx, argv[1], argv[2]);
  } else {
    out.note("tls", "skipped: no certificate given");
  }

  server.stop();
  drop.stop();
  return out.finish() ? 0 : 1;
}
