// The suite every transport runs over loopback (tests/transport/loopback_test.cpp for libcurl,
// cpp-httplib and the worker-thread transport, beast_test.cpp for Boost.Beast): the five
// operations end to end against a novu::fake_novu served on 127.0.0.1, the 429 retry with the
// same idempotency key, a dropped connection, and the response body limit.
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>   // steady_clock, milliseconds
#include <cstddef>  // size_t
#include <string>   // string, to_string
#include <vector>   // vector

#include "harness.hpp"
#include "loopback_server.hpp"
#include "novu/novu.hpp"
#include "novu/testing/fake_novu.hpp"

namespace transport_test {

inline constexpr const char* secret_key = "sk_test_loopback_secret";

// What every suite talks to.
struct fixture {
  novu::fake_novu& fake;
  transport_test::fake_server& server;
  std::string base_url;
  transport_test::drop_server& drop;
};

// A client configuration for `url` with `retry`.
inline novu::client_config config_for(const std::string& url, const novu::retry_policy& retry) {
  novu::client_config config;
  config.server_url = url;
  config.secret_key = secret_key;
  config.retry = retry;
  return config;
}

// Milliseconds since `start`.
inline long long elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

// Why the request the fake received does not carry what the client built; empty when it does.
inline std::string wire_problem(const novu::http_request& sent, const novu::http_request& built) {
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

  // call_options::timeout_ms reaches the transport: 300 ms late is too late for 100 ms.
  const std::string late_url = fx.base_url + std::string(transport_test::fake_server::late_prefix);
  {
    auto late = make(config_for(late_url, novu::retry_policy::disabled()));
    novu::call_options quick;
    quick.timeout_ms = 100;
    const auto start = std::chrono::steady_clock::now();
    const auto got = late.retrieve("late-missing", quick);
    const long long waited = elapsed_ms(start);
    out.record(label + ".timeout_ms_too_short_is_transport_error", not_error(got, novu::error_kind::transport));
    if (!got) out.note(label + ".timeout_ms", got.error().message + " after " + std::to_string(waited) + " ms");
    novu::call_options patient;
    patient.timeout_ms = 5000;
    out.record(label + ".timeout_ms_long_enough_gets_the_answer",
               not_error(late.retrieve("late-missing", patient), novu::error_kind::api, 404));
  }

  // With a per-call deadline, max_elapsed_ms bounds the whole call however many attempts remain.
  {
    novu::retry_policy bounded;
    bounded.max_attempts = 50;
    bounded.initial_interval_ms = 0;
    bounded.jitter_ms = 0;
    bounded.max_interval_ms = 0;
    bounded.max_elapsed_ms = 1000;
    auto late = make(config_for(late_url, bounded));
    novu::call_options quick;
    quick.timeout_ms = 150;
    const int before = fx.server.late_started();
    const auto start = std::chrono::steady_clock::now();
    const auto got = late.retrieve("late-bounded", quick);
    const long long waited = elapsed_ms(start);
    const int attempts = fx.server.late_started() - before;
    std::string why = not_error(got, novu::error_kind::transport);
    if (why.empty() && (attempts < 2 || attempts > 12)) {
      why = std::to_string(attempts) + " attempts, expected about 7 (150 ms each within 1000 ms)";
    }
    if (why.empty() && waited > 3000) why = "the call took " + std::to_string(waited) + " ms; max_elapsed_ms is 1000";
    out.record(label + ".max_elapsed_bounds_the_call", why);
    out.note(label + ".max_elapsed", std::to_string(attempts) + " attempts in " + std::to_string(waited) + " ms");
    if (!got) out.note(label + ".max_elapsed_error", got.error().message);
  }
}

// A built retrieve request for `url`, for calling a transport directly.
inline novu::http_request retrieve_request(const std::string& url, const std::string& identifier) {
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
  if (answer) {
    why += ": status " + std::to_string(answer->status) + ", " + std::to_string(answer->body.size()) + " bytes;";
    for (const novu::http_header& h : answer->headers) why += " " + h.name + ": " + h.value + ";";
  }
  if (why.empty() && answer.error().message.find("exceeds") == std::string::npos) {
    why = "message: " + answer.error().message;
  }
  out.record(label + ".body_limit", why);
}

}  // namespace transport_test
