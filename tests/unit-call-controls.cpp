// Per-call controls and what a call's error says (issue 11, items 8, 10 and 12), sync and async:
// call_options::retry overrides the client's policy for one call; call_options::timeout_ms
// reaches the transport as http_request::timeout_ms, cut to what is left of max_elapsed_ms, so
// the whole call stays within it; idempotency keys come from the client's environment; errors
// name the attempts, the time spent, Retry-After and (401) the key and region to check.
#include <doctest/doctest.h>

#include <cstdint>   // uint32_t, uint64_t
#include <optional>  // optional
#include <set>       // set
#include <string>    // string
#include <utility>   // move
#include <vector>    // vector

#include "novu/connections/async_client.hpp"
#include "test_support.hpp"

namespace {

constexpr const char* secret = "sk_test_CONTROLS_secret_42";

novu::client_config controls_config() {
  novu::client_config config;
  config.secret_key = secret;
  config.retry.jitter_ms = 0;
  config.retry.initial_interval_ms = 0;
  config.retry.max_interval_ms = 0;
  return config;
}

// What a scripted transport answers and what it saw.
struct wire {
  std::vector<novu::http_request> sent;
  test_support::fake_environment::state* env = nullptr;
  std::uint64_t attempt_ms = 0;  // fake time each attempt takes (up to its deadline)
  bool time_out = false;         // every attempt runs into its deadline (a server answering too late)
  novu::http_response answer{503, {}, ""};
};

// One attempt on `w`: advances the fake clock and gives the scripted outcome.
novu::transport_result attempt(wire& w, const novu::http_request& request) {
  w.sent.push_back(request);
  std::uint64_t took = w.attempt_ms;
  if (w.time_out && request.timeout_ms != 0 && request.timeout_ms < took) took = request.timeout_ms;
  if (w.env != nullptr) w.env->now_ms += took;
  if (w.time_out) return novu::transport_error("timed out after " + std::to_string(took) + " ms");
  return w.answer;
}

struct sync_wire {
  wire* w;
  novu::transport_result operator()(const novu::http_request& request) const { return attempt(*w, request); }
};

struct async_wire {
  wire* w;
  void operator()(novu::http_request request, novu::transport_callback done) const { done(attempt(*w, request)); }
};

// A timer that fires at once, advancing the fake clock by the delay.
novu::async_timer instant_timer(test_support::fake_environment::state& env) {
  return [&env](std::uint32_t delay_ms, novu::timer_callback fire) {
    env.now_ms += delay_ms;
    fire();
  };
}

using sync_client = novu::client<sync_wire, test_support::fake_environment>;
using async_client = novu::async_client<async_wire, test_support::fake_environment>;

// `remove` through the sync client.
novu::result<void> sync_remove(const novu::client_config& config, wire& w, test_support::fake_environment::state& env,
                               const novu::call_options& options = {}) {
  w.env = &env;
  sync_client client(config, sync_wire{&w}, test_support::fake_environment{&env});
  return client.remove("conn-1", options);
}

// `remove` through the async client, retries through an instant timer.
novu::result<void> async_remove(const novu::client_config& config, wire& w, test_support::fake_environment::state& env,
                                const novu::call_options& options = {}) {
  w.env = &env;
  async_client client(config, async_wire{&w}, instant_timer(env), test_support::fake_environment{&env});
  std::optional<novu::result<void>> outcome;
  client.remove(
      "conn-1", [&](novu::result<void> r) { outcome = std::move(r); }, options);
  REQUIRE(outcome.has_value());
  return std::move(*outcome);
}

using remover = novu::result<void> (*)(const novu::client_config&, wire&, test_support::fake_environment::state&,
                                       const novu::call_options&);

struct flavour {
  const char* name;
  remover call;
};
const flavour flavours[] = {{"sync", &sync_remove}, {"async", &async_remove}};

std::vector<std::uint32_t> timeouts_of(const wire& w) {
  std::vector<std::uint32_t> out;
  for (const novu::http_request& r : w.sent) out.push_back(r.timeout_ms);
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("call controls: call_options::retry replaces the client's policy for one call") {
  for (const flavour& f : flavours) {
    CAPTURE(f.name);
    test_support::fake_environment::state env;
    wire w;
    novu::call_options once;
    once.retry = novu::retry_policy::disabled();
    const novu::result<void> r = f.call(controls_config(), w, env, once);
    CHECK(r.error().status == 503);
    CHECK(w.sent.size() == 1);  // the client's policy would make 4 attempts

    novu::client_config no_retries = controls_config();
    no_retries.retry = novu::retry_policy::disabled();
    novu::call_options thrice;
    thrice.retry = controls_config().retry;
    thrice.retry->max_attempts = 3;
    wire w3;
    f.call(no_retries, w3, env, thrice);
    CHECK(w3.sent.size() == 3);

    wire w4;
    f.call(controls_config(), w4, env, {});
    CHECK(w4.sent.size() == 4);  // no override: the client's policy
  }
}

TEST_CASE("call controls: the builders copy call_options::timeout_ms onto the request") {
  novu::call_options options;
  options.timeout_ms = 1234;
  const auto request = novu::connections::build_retrieve_request(controls_config(), "conn-1", options);
  REQUIRE(request.has_value());
  CHECK(request->timeout_ms == 1234);
  CHECK(novu::connections::build_retrieve_request(controls_config(), "conn-1")->timeout_ms == 0);
}

TEST_CASE("call controls: each attempt's deadline is the call's timeout cut to what is left of max_elapsed_ms") {
  for (const flavour& f : flavours) {
    CAPTURE(f.name);
    novu::client_config config = controls_config();
    config.retry.max_attempts = 10;
    config.retry.max_elapsed_ms = 6000;
    novu::call_options options;
    options.timeout_ms = 5000;
    test_support::fake_environment::state env;
    wire w;
    w.attempt_ms = 2500;  // each 503 takes 2.5 s
    f.call(config, w, env, options);
    // Attempts begin at 0, 2500 and 5000 ms; at 7500 ms the budget is spent.
    CHECK(timeouts_of(w) == std::vector<std::uint32_t>{5000, 3500, 1000});

    wire defaults;
    defaults.attempt_ms = 2500;
    f.call(config, defaults, env, {});
    CHECK(timeouts_of(defaults) == std::vector<std::uint32_t>{0, 0, 0});  // the transport's own default
  }
}

TEST_CASE("call controls: with a per-call timeout, max_elapsed_ms bounds the whole call") {
  // Every attempt runs into its deadline (a server that answers too late) and is retried at
  // once; whatever the timeout, the call ends by max_elapsed_ms on the client's clock.
  for (const flavour& f : flavours) {
    CAPTURE(f.name);
    for (std::uint32_t timeout : {300u, 1000u, 2500u, 7000u, 60000u}) {
      CAPTURE(timeout);
      novu::client_config config = controls_config();
      config.retry.max_attempts = 100;
      config.retry.max_elapsed_ms = 5000;
      novu::call_options options;
      options.timeout_ms = timeout;
      test_support::fake_environment::state env;
      wire w;
      w.time_out = true;
      w.attempt_ms = 1000000;
      const novu::result<void> r = f.call(config, w, env, options);
      CHECK(r.error().kind == novu::error_kind::transport);
      CHECK(env.now_ms <= 5000);
      CHECK(w.sent.size() >= 1);
      CHECK(contains(r.error().message, "timed out"));
      if (w.sent.size() > 1) CHECK(contains(r.error().message, std::to_string(w.sent.size()) + " attempts over"));
    }
  }
}

TEST_CASE("idempotency keys: drawn from the client's environment, reproducible with a fake one") {
  CHECK(novu::generate_idempotency_key(1767225600000, 0x0123456789abcdefu) == "1767225600000fedcba9876543210");
  auto keys_of = [](bool async) {
    test_support::fake_environment::state env;
    wire w;
    w.answer = {204, {}, ""};
    w.env = &env;
    if (async) {
      async_client client(controls_config(), async_wire{&w}, instant_timer(env), test_support::fake_environment{&env});
      for (int i = 0; i < 5; ++i) client.remove("conn-1", [](novu::result<void>) {});
    } else {
      sync_client client(controls_config(), sync_wire{&w}, test_support::fake_environment{&env});
      for (int i = 0; i < 5; ++i) client.remove("conn-1");
    }
    std::vector<std::string> keys;
    for (const novu::http_request& r : w.sent) keys.push_back(novu::find_header(r.headers, "idempotency-key")->value);
    return keys;
  };
  for (bool async : {false, true}) {
    CAPTURE(async);
    const std::vector<std::string> first = keys_of(async);
    REQUIRE(first.size() == 5);
    CHECK(first == keys_of(async));  // two clients, equal fake environments: equal keys
    CHECK(std::set<std::string>(first.begin(), first.end()).size() == 5);
    for (const std::string& key : first) CHECK(key.compare(0, 13, "1767225600000") == 0);  // the fake wall clock
  }
}

TEST_CASE("idempotency keys: the system environment keeps the OS-seeded generator") {
  std::set<std::string> keys;
  for (int client_number = 0; client_number < 2; ++client_number) {
    wire w;
    w.answer = {204, {}, ""};
    novu::client<sync_wire> client(controls_config(), sync_wire{&w});
    for (int i = 0; i < 200; ++i) client.remove("conn-1");
    for (const novu::http_request& r : w.sent) keys.insert(novu::find_header(r.headers, "idempotency-key")->value);
  }
  CHECK(keys.size() == 400);
}

TEST_CASE("idempotency keys: an environment without random_bits takes its clock and OS randomness") {
  struct no_bits_environment {
    std::uint64_t monotonic_ms() const { return 0; }
    std::int64_t unix_ms() const { return 1000000000000; }
    void sleep_ms(std::uint32_t) const {}
    double random_unit() const { return 0.0; }
  };
  wire w;
  w.answer = {204, {}, ""};
  novu::client<sync_wire, no_bits_environment> client(controls_config(), sync_wire{&w});
  client.remove("conn-1");
  client.remove("conn-1");
  REQUIRE(w.sent.size() == 2);
  const std::string a = novu::find_header(w.sent[0].headers, "idempotency-key")->value;
  const std::string b = novu::find_header(w.sent[1].headers, "idempotency-key")->value;
  CHECK(a.compare(0, 13, "1000000000000") == 0);
  CHECK(a != b);
}

TEST_CASE("error messages: 429 and 503 name Retry-After and the attempts; retries say how long") {
  for (const flavour& f : flavours) {
    CAPTURE(f.name);
    test_support::fake_environment::state env;
    wire w;
    w.attempt_ms = 700;
    w.answer = {429, {{"Retry-After", "0"}}, R"({"statusCode":429,"message":"slow down"})"};
    const novu::result<void> limited = f.call(controls_config(), w, env, {});
    REQUIRE(w.sent.size() == 4);
    CHECK(limited.error().message == "unexpected HTTP 429 Too Many Requests (Retry-After: 0; 4 attempts over 2.8 s)");

    novu::call_options once;
    once.retry = novu::retry_policy::disabled();
    wire busy;
    busy.answer = {503, {}, "maintenance"};
    CHECK(f.call(controls_config(), busy, env, once).error().message ==
          "unexpected HTTP 503 Service Unavailable (no Retry-After header; 1 attempt)");

    wire asked;
    asked.answer = {503, {{"Retry-After-Ms", "250"}}, ""};
    CHECK(contains(f.call(controls_config(), asked, env, once).error().message, "(Retry-After-Ms: 250; 1 attempt)"));

    wire fails;
    fails.attempt_ms = 400;
    fails.answer = {500, {}, R"({"statusCode":500,"timestamp":"t","path":"/p","message":"boom"})"};
    const novu::result<void> failed = f.call(controls_config(), fails, env, {});
    CHECK(failed.error().message == "HTTP 500 Internal Server Error (4 attempts over 1.6 s): boom");

    wire quick;
    quick.answer = {404, {}, R"({"statusCode":404,"timestamp":"t","path":"/p","message":"gone"})"};
    CHECK(f.call(controls_config(), quick, env, {}).error().message == "HTTP 404 Not Found: gone");  // one attempt
  }
}

TEST_CASE("error messages: a 401 suggests checking the key and the region") {
  for (const flavour& f : flavours) {
    CAPTURE(f.name);
    test_support::fake_environment::state env;
    wire w;
    w.answer = {401, {}, R"({"statusCode":401,"timestamp":"t","path":"/p","message":"Unauthorized"})"};
    const std::string us = f.call(controls_config(), w, env, {}).error().message;
    CHECK(
        contains(us, "HTTP 401 Unauthorized (check that secret_key is a valid key and that server_url is its region"));
    CHECK(contains(us, "https://api.novu.co"));
    CHECK(contains(us, "server_eu (https://eu.api.novu.co)"));
    CHECK_FALSE(contains(us, secret));
    novu::client_config eu = controls_config();
    eu.server_url = std::string(novu::server_eu);
    const std::string from_eu = f.call(eu, w, env, {}).error().message;
    CHECK(contains(from_eu, "this call went to https://eu.api.novu.co"));
    CHECK(contains(from_eu, "US keys need server_us"));
  }
}

TEST_CASE("error messages: the notes keep the secret and cap guarantees") {
  for (const flavour& f : flavours) {
    CAPTURE(f.name);
    test_support::fake_environment::state env;
    // A Retry-After that echoes the key, and a body message far above the cap.
    wire w;
    w.answer = {429, {{"Retry-After", secret}}, ""};
    novu::call_options once;
    once.retry = novu::retry_policy::disabled();
    const std::string echoed = f.call(controls_config(), w, env, once).error().message;
    CHECK_FALSE(contains(echoed, secret));
    CHECK(contains(echoed, "1 attempt"));

    wire big;
    big.answer = {
        500, {}, R"({"statusCode":500,"timestamp":"t","path":"/p","message":")" + std::string(20000, 'x') + "\"}"};
    big.attempt_ms = 10;
    const std::string capped = f.call(controls_config(), big, env, {}).error().message;
    CHECK(capped.size() <= 4096);
    CHECK(contains(capped, "(4 attempts over 40 ms)"));

    // A transport message near the cap still ends with the note.
    struct long_wire {
      void operator()(novu::http_request, novu::transport_callback done) const {
        done(novu::transport_error(std::string(5000, 'e') + secret));
      }
    };
    novu::client_config two = controls_config();
    two.retry.max_attempts = 2;
    test_support::fake_environment::state env2;
    novu::async_client<long_wire, test_support::fake_environment> client(two, long_wire{}, instant_timer(env2),
                                                                         test_support::fake_environment{&env2});
    std::string message;
    client.remove("conn-1", [&](novu::result<void> r) { message = r.error().message; });
    CHECK(message.size() <= 4096);
    CHECK_FALSE(contains(message, secret));
    CHECK(contains(message, "(2 attempts over 0 ms)"));
  }
}

TEST_CASE("error kinds: cancelled is named and never retryable") {
  CHECK(novu::to_string(novu::error_kind::cancelled) == "cancelled");
  // A transport that reports the request cancelled is not retried, and the call says cancelled.
  for (const flavour& f : flavours) {
    CAPTURE(f.name);
    struct cancelling {
      int* sends;
      novu::transport_result operator()(const novu::http_request&) const {
        ++*sends;
        return novu::make_error(novu::error_kind::cancelled, "engine cancelled the request");
      }
      void operator()(novu::http_request request, novu::transport_callback done) const { done((*this)(request)); }
    };
    int sends = 0;
    test_support::fake_environment::state env;
    std::optional<novu::result<void>> r;
    if (std::string(f.name) == "sync") {
      novu::client<cancelling, test_support::fake_environment> client(controls_config(), cancelling{&sends},
                                                                      test_support::fake_environment{&env});
      r = client.remove("conn-1");
    } else {
      novu::async_client<cancelling, test_support::fake_environment> client(
          controls_config(), cancelling{&sends}, instant_timer(env), test_support::fake_environment{&env});
      client.remove("conn-1", [&](novu::result<void> got) { r = std::move(got); });
    }
    REQUIRE(r.has_value());
    CHECK(r->error().kind == novu::error_kind::cancelled);
    CHECK(sends == 1);
  }
}
