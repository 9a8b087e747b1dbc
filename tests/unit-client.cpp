// The sync and async clients over in-memory transports: end-to-end calls, retries with an
// instant fake clock, idempotency keys reused across attempts, transport errors, secrets.
#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "novu/connections/async_client.hpp"
#include "novu/testing/fake_novu.hpp"
#include "test_support.hpp"

namespace {

novu::client_config test_config() {
  novu::client_config config;
  config.secret_key = "sk_test_SECRET_123";
  return config;
}

novu::update_channel_connection_request update_body(const std::string& token) {
  novu::update_channel_connection_request body;
  body.workspace.id = "T1";
  body.auth.access_token = token;
  return body;
}

// Plays canned outcomes in order (a transport error where `failure` is set) and records requests.
struct script {
  struct step {
    novu::http_response response;
    std::string failure;
  };
  std::deque<step> steps;
  std::vector<novu::http_request> sent;
};

struct scripted_transport {
  script* s;
  novu::transport_result operator()(const novu::http_request& request) const {
    s->sent.push_back(request);
    REQUIRE_FALSE(s->steps.empty());
    script::step next = std::move(s->steps.front());
    s->steps.pop_front();
    if (!next.failure.empty()) return novu::transport_error(next.failure);
    return next.response;
  }
};

const std::string& connection_json() {
  static const std::string body = test_support::read_data_file("connection-bare.json");
  return body;
}

std::string key_of(const novu::http_request& r) { return novu::find_header(r.headers, "idempotency-key")->value; }

}  // namespace

TEST_CASE("sync client: a 429 with Retry-After then 200 waits as asked and reuses the key") {
  script s;
  s.steps.push_back({{429, {{"Retry-After", "2"}}, "\"API rate limit exceeded\""}, ""});
  s.steps.push_back({{200, {}, connection_json()}, ""});
  test_support::fake_environment::state env;
  novu::client<scripted_transport, test_support::fake_environment> client(test_config(), scripted_transport{&s},
                                                                          test_support::fake_environment{&env});
  auto r = client.update("conn-1", update_body("xoxb-1"));
  REQUIRE(r.has_value());
  CHECK(s.sent.size() == 2);
  CHECK(env.sleeps == std::vector<std::uint32_t>{2000});
  CHECK(key_of(s.sent[0]) == key_of(s.sent[1]));
  CHECK(s.sent[0].body == s.sent[1].body);
}

TEST_CASE("sync client: transport errors are retried, then surface as transport errors") {
  script s;
  for (int i = 0; i < 4; ++i) s.steps.push_back({{}, "connection refused"});
  test_support::fake_environment::state env;
  env.randoms = {0.5, 0.5, 0.5};
  novu::client<scripted_transport, test_support::fake_environment> client(test_config(), scripted_transport{&s},
                                                                          test_support::fake_environment{&env});
  auto r = client.retrieve("conn-1", {"caller-key"});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::transport);
  CHECK(r.error().message == "connection refused");
  CHECK(s.sent.size() == 4);
  CHECK(env.sleeps == std::vector<std::uint32_t>{500, 1500, 3328});
  for (const auto& sent : s.sent) CHECK(key_of(sent) == "caller-key");
}

TEST_CASE("sync client: a persistent 500 stops after max_attempts and returns the last ErrorDto") {
  script s;
  const std::string dto = R"({"statusCode":500,"timestamp":"t","path":"/p","message":"boom","errorId":"e1"})";
  for (int i = 0; i < 4; ++i) s.steps.push_back({{500, {}, dto}, ""});
  test_support::fake_environment::state env;
  novu::client<scripted_transport, test_support::fake_environment> client(test_config(), scripted_transport{&s},
                                                                          test_support::fake_environment{&env});
  auto r = client.remove("conn-1");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::api);
  CHECK(r.error().api->error_id == std::optional<std::string>("e1"));
  CHECK(s.sent.size() == 4);
}

TEST_CASE("sync client: non-retryable errors return at once; retries can be disabled") {
  script s;
  s.steps.push_back({{403, {}, R"({"statusCode":403,"timestamp":"t","path":"/p","message":"Forbidden"})"}, ""});
  test_support::fake_environment::state env;
  novu::client<scripted_transport, test_support::fake_environment> client(test_config(), scripted_transport{&s},
                                                                          test_support::fake_environment{&env});
  CHECK(client.retrieve("x").error().status == 403);
  CHECK(s.sent.size() == 1);

  novu::client_config no_retry = test_config();
  no_retry.retry = novu::retry_policy::disabled();
  script t;
  t.steps.push_back({{503, {}, ""}, ""});
  novu::client<scripted_transport, test_support::fake_environment> once(no_retry, scripted_transport{&t},
                                                                        test_support::fake_environment{&env});
  CHECK(once.retrieve("x").error().status == 503);
  CHECK(t.sent.size() == 1);
}

TEST_CASE("sync client: invalid arguments are reported without sending anything") {
  script s;
  novu::client<scripted_transport> client(test_config(), scripted_transport{&s});
  CHECK(client.retrieve("..").error().kind == novu::error_kind::invalid_argument);
  novu::list_channel_connections_params p;
  p.limit = 0;
  CHECK(client.list(p).error().location == "limit");
  CHECK(s.sent.empty());
}

TEST_CASE("sync client: errors never carry the secret key or the tokens sent") {
  script s;
  const std::string echo =
      R"({"statusCode":400,"timestamp":"t","path":"/p","message":"bad key sk_test_SECRET_123 and token xoxb-SENT-TOKEN"})";
  s.steps.push_back({{400, {}, echo}, ""});
  s.steps.push_back({{}, "proxy said: Authorization: ApiKey sk_test_SECRET_123"});
  novu::client_config config = test_config();
  config.retry = novu::retry_policy::disabled();
  novu::client<scripted_transport> client(config, scripted_transport{&s});
  auto a = client.update("x", update_body("xoxb-SENT-TOKEN"));
  REQUIRE_FALSE(a.has_value());
  CHECK(a.error().message.find("sk_test_SECRET_123") == std::string::npos);
  CHECK(a.error().message.find("xoxb-SENT-TOKEN") == std::string::npos);
  CHECK(a.error().message.find("[redacted]") != std::string::npos);
  auto b = client.retrieve("x");
  CHECK(b.error().message == "proxy said: Authorization: ApiKey [redacted]");
}

TEST_CASE("sync client: a transport returning a plain http_response works too") {
  auto transport = [](const novu::http_request&) { return novu::http_response{204, {}, ""}; };
  novu::client<decltype(transport)> client(test_config(), transport);
  CHECK(client.remove("x").has_value());
}

TEST_CASE("sync client over the fake: every operation end to end, pagination with a page cap") {
  novu::fake_novu fake;
  novu::client<novu::fake_novu::sync_transport> client(test_config(), fake.transport());
  for (int i = 0; i < 7; ++i) {
    novu::create_channel_connection_request req;
    req.integration_identifier = "slack-prod";
    req.subscriber_id = "sub-" + std::to_string(i);
    req.workspace.id = "T";
    req.auth.access_token = "a";
    REQUIRE(client.create(req).has_value());
  }
  novu::list_channel_connections_params p;
  p.limit = 3;
  std::vector<std::string> seen;
  auto pages = client.for_each_page(p, [&](const novu::channel_connection_page& page) {
    for (const auto& c : page.data) seen.push_back(c.identifier);
    return true;
  });
  REQUIRE(pages.has_value());
  CHECK(*pages == 3);
  CHECK(seen.size() == 7);
  novu::pagination_options cap;
  cap.max_pages = 2;
  CHECK(*client.for_each_page(
            p, [](const novu::channel_connection_page&) { return true; }, cap) == 2);
  CHECK(*client.for_each_page(p, [](const novu::channel_connection_page&) { return false; }) == 1);
  auto got = client.retrieve(seen[0]);
  REQUIRE(got.has_value());
  auto updated = client.update(seen[0], update_body("new-token"));
  REQUIRE(updated.has_value());
  CHECK(updated->auth.access_token == "new-token");
  CHECK(client.remove(seen[0]).has_value());
  CHECK(client.retrieve(seen[0]).error().status == 404);
}

namespace {

// A timer that queues callbacks; the test fires them, advancing the fake clock.
struct manual_timer {
  struct state {
    std::vector<std::pair<std::uint32_t, novu::timer_callback>> pending;
  };
  state* s;
  void operator()(std::uint32_t delay, novu::timer_callback fire) const {
    s->pending.emplace_back(delay, std::move(fire));
  }
};

// An async transport whose completions the test releases, on its own schedule.
struct deferred_transport {
  struct state {
    std::vector<std::pair<novu::http_request, novu::transport_callback>> in_flight;
  };
  state* s;
  void operator()(novu::http_request request, novu::transport_callback done) const {
    s->in_flight.emplace_back(std::move(request), std::move(done));
  }
};

}  // namespace

TEST_CASE("async client: completion arrives later, retries go through the timer, never blocking") {
  deferred_transport::state transport;
  manual_timer::state timer;
  test_support::fake_environment::state env;
  auto client = std::make_unique<novu::async_client<deferred_transport, test_support::fake_environment>>(
      test_config(), deferred_transport{&transport}, manual_timer{&timer}, test_support::fake_environment{&env});
  std::optional<novu::result<novu::channel_connection>> outcome;
  client->update("conn-1", update_body("tok"),
                 [&](novu::result<novu::channel_connection> r) { outcome = std::move(r); });
  client.reset();  // calls in flight keep what they need
  REQUIRE(transport.in_flight.size() == 1);
  CHECK_FALSE(outcome.has_value());
  auto first = std::move(transport.in_flight.back());
  first.second(novu::http_response{429, {{"Retry-After-Ms", "1500"}}, "\"slow down\""});
  CHECK_FALSE(outcome.has_value());
  REQUIRE(timer.pending.size() == 1);
  CHECK(timer.pending[0].first == 1500);
  env.now_ms += 1500;
  timer.pending[0].second();
  REQUIRE(transport.in_flight.size() == 2);
  CHECK(key_of(transport.in_flight[1].first) == key_of(first.first));
  transport.in_flight[1].second(novu::http_response{200, {}, connection_json()});
  REQUIRE(outcome.has_value());
  REQUIRE(outcome->has_value());
  CHECK((*outcome)->identifier == "slack-prod-user123-abc4");
  CHECK(env.sleeps.empty());
}

TEST_CASE("async client: without a timer nothing is retried; transport failures become errors") {
  deferred_transport::state transport;
  novu::async_client<deferred_transport> client(test_config(), deferred_transport{&transport});
  std::optional<novu::result<void>> outcome;
  client.remove("x", [&](novu::result<void> r) { outcome = std::move(r); });
  transport.in_flight.back().second(novu::transport_error("timed out"));
  REQUIRE(outcome.has_value());
  CHECK(outcome->error().kind == novu::error_kind::transport);
  CHECK(transport.in_flight.size() == 1);
  std::optional<novu::result<novu::channel_connection>> bad;
  client.retrieve("", [&](novu::result<novu::channel_connection> r) { bad = std::move(r); });
  REQUIRE(bad.has_value());
  CHECK(bad->error().kind == novu::error_kind::invalid_argument);
}

TEST_CASE("async client over the fake: lifecycle and pagination") {
  novu::fake_novu fake;
  novu::async_client<novu::fake_novu::inline_async_transport> client(test_config(), fake.async_transport());
  for (int i = 0; i < 5; ++i) {
    novu::create_channel_connection_request req;
    req.integration_identifier = "slack-prod";
    req.identifier = "c" + std::to_string(i);
    req.workspace.id = "T";
    req.auth.access_token = "a";
    bool created = false;
    client.create(req, [&](novu::result<novu::channel_connection> r) { created = r.has_value(); });
    CHECK(created);
  }
  novu::list_channel_connections_params p;
  p.limit = 2;
  std::size_t items = 0;
  std::optional<novu::result<std::size_t>> pages;
  client.for_each_page(
      p, [&](const novu::channel_connection_page& page) { return items += page.data.size(), true; },
      [&](novu::result<std::size_t> n) { pages = std::move(n); });
  REQUIRE(pages.has_value());
  CHECK(**pages == 3);
  CHECK(items == 5);
}

TEST_CASE("a transport error marked not retryable is returned at once") {
  script s;
  s.steps.push_back({{}, ""});
  test_support::fake_environment::state env;
  struct final_failure {
    script* s;
    novu::transport_result operator()(const novu::http_request& request) const {
      s->sent.push_back(request);
      return novu::transport_error("transport shut down", false);
    }
  };
  novu::client<final_failure, test_support::fake_environment> client(test_config(), final_failure{&s},
                                                                     test_support::fake_environment{&env});
  auto r = client.retrieve("x");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::transport);
  CHECK_FALSE(r.error().retryable);
  CHECK(s.sent.size() == 1);
  CHECK(env.sleeps.empty());
}

TEST_CASE("a secret key configured with its ApiKey prefix is masked bare too") {
  script s;
  s.steps.push_back({{}, "proxy echoed sk_test_SECRET_123"});
  novu::client_config config = test_config();
  config.secret_key = "ApiKey sk_test_SECRET_123";
  config.retry = novu::retry_policy::disabled();
  novu::client<scripted_transport> client(config, scripted_transport{&s});
  auto r = client.retrieve("x");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message == "proxy echoed [redacted]");
}
