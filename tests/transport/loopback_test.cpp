// Loopback test of the example transports: libcurl (sync), cpp-httplib (sync) and the worker
// thread transport (async, over libcurl) each run the five operations end to end against a
// novu::fake_novu served by cpp-httplib on 127.0.0.1, then the scripted faults: one 429 with
// Retry-After: 1 (retried with the default policy, same idempotency key) and a connection closed
// without an answer (a transport error; one attempt with retries off, three with three allowed).
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

constexpr const char* secret_key = "sk_test_loopback_secret";

// What every suite talks to.
struct fixture {
  novu::fake_novu& fake;
  transport_test::fake_server& server;
  std::string base_url;
  transport_test::drop_server& drop;
};

// A client configuration for `url` with `retry`.
novu::client_config config_for(const std::string& url, const novu::retry_policy& retry) {
  novu::client_config config;
  config.server_url = url;
  config.secret_key = secret_key;
  config.retry = retry;
  return config;
}

// Milliseconds since `start`.
long long elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

// Why the request the fake received does not carry what the client built; empty when it does.
std::string wire_problem(const novu::http_request& sent, const novu::http_request& built) {
  if (sent.method != built.method) return "method " + sent.method + ", built " + built.method;
  if (sent.path != built.path) return "target " + sent.path + ", built " + built.path;
  if (sent.body != built.body) return "body differs from the built one";
  for (const novu::http_header& h : built.headers) {
    if (novu::header_name_equals(h.name, "idempotency-key")) continue;  // the client generates one per call
    const novu::http_header* got = novu::find_header(sent.headers, h.name);
    if (got == nullptr) return "header " + h.name + " missing";
    if (got->value != h.value) return "header " + h.name + " differs from the built one";
  }
  const novu::http_header* key = novu::find_header(sent.headers, "idempotency-key");
  if (key == nullptr || key->value.empty()) return "no idempotency-key";
  return {};
}

// The five operations, the 429 retry and the dropped connection, through runners that
// `make(config)` builds over one transport.
template <class MakeRunner>
void run_suite(checks& out, const std::string& label, MakeRunner make, fixture& fx) {
  const novu::client_config config = config_for(fx.base_url, novu::retry_policy{});
  auto runner = make(config);
  const std::string subscriber = label + "-subscriber";
  std::vector<std::string> ids;
  for (int i = 1; i <= 5; ++i) ids.push_back(label + "-conn-" + std::to_string(i));

  // create: five connections, the last one's request compared with what the builder makes.
  {
    std::string why;
    for (const std::string& id : ids) {
      const auto created = runner.create(transport_test::create_body(id, subscriber));
      if (!created) {
        why = id + ": " + failure_of(created);
        break;
      }
      if (created->identifier != id || created->workspace.id != "T" + id || created->subscriber_id != subscriber) {
        why = id + ": the answer does not describe the connection created";
        break;
      }
    }
    out.record(label + ".create", why);
    const std::vector<novu::http_request> received = fx.fake.received();
    const auto built =
        novu::connections::build_create_request(config, transport_test::create_body(ids.back(), subscriber));
    if (received.empty() || !built) {
      out.record(label + ".create.wire", "nothing received or nothing built");
    } else {
      out.record(label + ".create.wire", wire_problem(received.back(), *built));
    }
  }

  // list: limit 2 over five connections is three pages, in creation order.
  {
    novu::list_channel_connections_params params;
    params.subscriber_id = subscriber;
    params.limit = 2;
    params.order_direction = novu::order_direction::ascending;  // the server's default is descending
    const auto walk = runner.list_all(params);
    std::string why = failure_of(walk);
    if (why.empty()) {
      std::vector<std::string> got;
      for (const novu::channel_connection& c : walk->items) got.push_back(c.identifier);
      if (walk->pages != 3) why = std::to_string(walk->pages) + " pages, expected 3";
      if (got != ids) why += (why.empty() ? "" : "; ") + std::to_string(got.size()) + " items, not the five created";
    }
    out.record(label + ".list_pages", why);
  }

  // retrieve, update, delete, retrieve again.
  const std::string& first = ids.front();
  {
    const auto got = runner.retrieve(first);
    std::string why = failure_of(got);
    if (why.empty() && (got->identifier != first || got->auth.access_token != "xoxb-" + first)) {
      why = "the answer is not the connection created";
    }
    out.record(label + ".retrieve", why);
  }
  {
    novu::update_channel_connection_request body;
    body.workspace = {"T-updated", std::string("Renamed"), std::nullopt};
    body.auth.access_token = "xoxb-rotated";
    const auto updated = runner.update(first, body);
    std::string why = failure_of(updated);
    if (why.empty() && (updated->workspace.id != "T-updated" || updated->workspace.name != std::string("Renamed") ||
                        updated->auth.access_token != "xoxb-rotated" || updated->updated_at == updated->created_at)) {
      why = "the answer does not show the update";
    }
    out.record(label + ".update", why);
  }
  out.record(label + ".delete", failure_of(runner.remove(first)));
  out.record(label + ".retrieve_after_delete_404", not_error(runner.retrieve(first), novu::error_kind::api, 404));

  // The target goes out verbatim: characters encodeURIComponent leaves alone stay as they are.
  {
    const std::string odd = label + "-it's(1)!*~";
    const std::size_t before = fx.fake.request_count();
    std::string why = not_error(runner.retrieve(odd), novu::error_kind::api, 404);
    const std::vector<novu::http_request> received = fx.fake.received();
    const auto built = novu::connections::build_retrieve_request(config, odd);
    if (why.empty() && (received.size() != before + 1 || !built || received.back().path != built->path)) {
      why = "the server saw " + (received.size() > before ? received.back().path : std::string("nothing")) +
            ", built " + (built ? built->path : std::string("nothing"));
    }
    out.record(label + ".target_verbatim", why);
  }

  // 429 with Retry-After: 1, then success; the retry carries the same idempotency key.
  {
    novu::http_response limited;
    limited.status = 429;
    limited.headers = {{"Content-Type", "application/json"}, {"Retry-After", "1"}};
    limited.body = R"({"statusCode":429,"timestamp":"2026-01-01T00:00:00.000Z","path":"/v1/channel-connections",)"
                   R"("message":"Too Many Requests"})";
    fx.fake.enqueue_response(limited);
    const std::size_t before = fx.fake.request_count();
    const auto start = std::chrono::steady_clock::now();
    const auto created = runner.create(transport_test::create_body(label + "-after-429", subscriber));
    const long long waited = elapsed_ms(start);
    const std::vector<novu::http_request> received = fx.fake.received();
    std::string why = failure_of(created);
    if (why.empty() && received.size() != before + 2) {
      why = std::to_string(received.size() - before) + " attempts, expected 2";
    }
    if (why.empty()) {
      const novu::http_header* k1 = novu::find_header(received[before].headers, "idempotency-key");
      const novu::http_header* k2 = novu::find_header(received[before + 1].headers, "idempotency-key");
      if (received[before].method != "POST" || received[before + 1].method != "POST") {
        why = "the attempts are not both POST";
      } else if (k1 == nullptr || k2 == nullptr || k1->value.empty() || k1->value != k2->value) {
        why = "the retry did not reuse the idempotency key";
      } else if (received[before].body != received[before + 1].body) {
        why = "the retry sent another body";
      } else if (waited < 900 || waited > 10000) {
        why = "waited " + std::to_string(waited) + " ms, expected about 1000 (Retry-After: 1)";
      }
    }
    out.record(label + ".retry_429_same_key", why);
    out.note(label + ".retry_429", "two attempts in " + std::to_string(waited) + " ms");
  }

  // A dropped connection is a transport error: one attempt with retries off, three with three.
  {
    auto once = make(config_for(fx.drop.base_url(), novu::retry_policy::disabled()));
    const std::size_t before = fx.drop.accepted();
    const auto got = once.retrieve("dropped");
    std::string why = not_error(got, novu::error_kind::transport);
    if (why.empty() && fx.drop.accepted() - before != 1) {
      why = std::to_string(fx.drop.accepted() - before) + " connections, expected 1";
    }
    if (why.empty() && got.error().message.find(secret_key) != std::string::npos) why = "the message holds the key";
    out.record(label + ".dropped_is_transport_error", why);
    if (!got) out.note(label + ".dropped", got.error().message);

    novu::retry_policy three;
    three.max_attempts = 3;
    three.initial_interval_ms = 20;
    three.jitter_ms = 0;
    auto thrice = make(config_for(fx.drop.base_url(), three));
    const std::size_t before3 = fx.drop.accepted();
    why = not_error(thrice.retrieve("dropped"), novu::error_kind::transport);
    if (why.empty() && fx.drop.accepted() - before3 != 3) {
      why = std::to_string(fx.drop.accepted() - before3) + " connections, expected 3";
    }
    out.record(label + ".dropped_retried_3_times", why);
  }
}

// A built retrieve request for `url`, for calling a transport directly.
novu::http_request retrieve_request(const std::string& url, const std::string& identifier) {
  const auto built =
      novu::connections::build_retrieve_request(config_for(url, novu::retry_policy::disabled()), identifier);
  return built ? *built : novu::http_request{};
}

// A 2 MiB answer through a transport limited to 1 MiB is a transport error.
template <class Transport>
void check_body_limit(checks& out, const std::string& label, const Transport& transport, fixture& fx) {
  novu::http_response big;
  big.status = 200;
  big.headers = {{"Content-Type", "application/json"}};
  big.body = "\"" + std::string(2u * 1024u * 1024u, 'x') + "\"";
  fx.fake.enqueue_response(big);
  const novu::transport_result answer = transport(retrieve_request(fx.base_url, "big"));
  std::string why = not_error(answer, novu::error_kind::transport);
  if (why.empty() && answer.error().message.find("exceeds") == std::string::npos) {
    why = "message: " + answer.error().message;
  }
  out.record(label + ".body_limit", why);
}

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
