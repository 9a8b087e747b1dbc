// The sync and async clients over in-memory transports: end-to-end calls, retries with an
// instant fake clock, idempotency keys reused across attempts, transport errors, secrets.
#include <doctest/doctest.h>

#include <deque>
#include <memory>
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
  CHECK(r.error().message == "connection refused (4 attempts over 5.3 s)");
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
    req.subscriber_id = "sub-" + std::to_string(i);  // one connection per subscriber (409 otherwise)
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

namespace {

// What a result shows of itself: the JSON of the value, or the error's kind, status and message.
template <class T>
std::string shown(const novu::result<T>& r) {
  if (!r)
    return std::string(novu::to_string(r.error().kind)) + " " + std::to_string(r.error().status) + " " +
           r.error().message;
  return *novu::encode_json(*r);
}
std::string shown(const novu::result<void>& r) {
  return r ? std::string("ok") : std::string(novu::to_string(r.error().kind)) + " " + r.error().message;
}

}  // namespace

TEST_CASE(
    "channel_connections(): each operation sends the same request and gives the same result as the client's member") {
  novu::fake_novu via_members_server;
  novu::fake_novu via_facade_server;
  novu::client<novu::fake_novu::sync_transport> members(test_config(), via_members_server.transport());
  novu::client<novu::fake_novu::sync_transport> facade_client(test_config(), via_facade_server.transport());
  auto facade = facade_client.channel_connections();
  // Both ways send the same idempotency key for the same step (the keys are otherwise random).
  int step = 0;
  auto key = [&step](bool next) {
    if (next) ++step;
    novu::call_options options;
    options.idempotency_key = "key-" + std::to_string(step);
    return options;
  };

  std::vector<std::string> results_members;
  std::vector<std::string> results_facade;
  for (int i = 0; i < 4; ++i) {
    novu::create_channel_connection_request req;
    req.integration_identifier = "slack-prod";
    req.subscriber_id = "sub-" + std::to_string(i);
    req.workspace.id = "T";
    req.auth.access_token = "token-" + std::to_string(i);
    results_members.push_back(shown(members.create(req, key(true))));
    results_facade.push_back(shown(facade.create(req, key(false))));
  }
  novu::list_channel_connections_params p;
  p.limit = 3;
  results_members.push_back(shown(members.list(p, key(true))));
  results_facade.push_back(shown(facade.list(p, key(false))));
  std::vector<std::string> walked_members;
  std::vector<std::string> walked_facade;
  auto collect = [](std::vector<std::string>* into) {
    return [into](const novu::channel_connection_page& page) {
      for (const auto& c : page.data) into->push_back(c.identifier);
      return true;
    };
  };
  REQUIRE(members.for_each_page(p, collect(&walked_members), {}, key(true)).has_value());
  REQUIRE(facade.for_each_page(p, collect(&walked_facade), {}, key(false)).has_value());
  CHECK(walked_members == walked_facade);
  REQUIRE(walked_members.size() == 4);
  const std::string id = walked_members[1];
  results_members.push_back(shown(members.retrieve(id, key(true))));
  results_facade.push_back(shown(facade.retrieve(id, key(false))));
  results_members.push_back(shown(members.update(id, update_body("new"), key(true))));
  results_facade.push_back(shown(facade.update(id, update_body("new"), key(false))));
  results_members.push_back(shown(members.remove(id, key(true))));
  results_facade.push_back(shown(facade.remove(id, key(false))));
  results_members.push_back(shown(members.retrieve(id, key(true))));  // 404 now
  results_facade.push_back(shown(facade.retrieve(id, key(false))));
  results_members.push_back(shown(members.retrieve("", key(true))));  // refused before sending
  results_facade.push_back(shown(facade.retrieve("", key(false))));

  CHECK(results_members == results_facade);
  CHECK(results_members[results_members.size() - 2].rfind("api 404", 0) == 0);
  CHECK(results_members.back().rfind("invalid_argument", 0) == 0);
  // What each fake received, in order: the same requests both ways.
  const std::vector<novu::http_request> via_members_sent = via_members_server.received();
  const std::vector<novu::http_request> via_facade_sent = via_facade_server.received();
  REQUIRE(via_members_sent.size() == via_facade_sent.size());
  for (std::size_t i = 0; i < via_members_sent.size(); ++i) {
    CAPTURE(i);
    CHECK(via_members_sent[i].method == via_facade_sent[i].method);
    CHECK(via_members_sent[i].path == via_facade_sent[i].path);
    CHECK(via_members_sent[i].body == via_facade_sent[i].body);
    REQUIRE(via_members_sent[i].headers.size() == via_facade_sent[i].headers.size());
    for (std::size_t h = 0; h < via_members_sent[i].headers.size(); ++h) {
      CHECK(via_members_sent[i].headers[h].name == via_facade_sent[i].headers[h].name);
      CHECK(via_members_sent[i].headers[h].value == via_facade_sent[i].headers[h].value);
    }
  }
}

TEST_CASE("async channel_connections(): operations run through the facade, completions may be move-only") {
  novu::fake_novu fake;
  novu::async_client<novu::fake_novu::inline_async_transport> client(test_config(), fake.async_transport());
  auto connections = client.channel_connections();
  novu::create_channel_connection_request req;
  req.integration_identifier = "slack-prod";
  req.subscriber_id = "sub-1";
  req.workspace.id = "T";
  req.auth.access_token = "a";
  std::string created;
  auto owned = std::make_unique<int>(1);  // a move-only capture: the completion cannot be copied
  connections.create(req, [&created, owned = std::move(owned)](novu::result<novu::channel_connection> r) {
    REQUIRE(r.has_value());
    CHECK(*owned == 1);
    created = r->identifier;
  });
  REQUIRE(!created.empty());
  int pages = 0;
  std::size_t walked = 0;
  connections.for_each_page(
      {}, [&](const novu::channel_connection_page&) { return ++pages, true; },
      [&](novu::result<std::size_t> r) { walked = r ? *r : 0; });
  CHECK(walked == 1);
  std::string token;
  connections.update(created, update_body("new"), [&](novu::result<novu::channel_connection> r) {
    if (r) token = r->auth.access_token;
  });
  CHECK(token == "new");
  bool listed = false;
  connections.list({}, [&](novu::result<novu::channel_connection_page> r) { listed = r && r->data.size() == 1; });
  CHECK(listed);
  int removed_status = -1;
  connections.remove(created, [&](novu::result<void> r) { removed_status = r ? 0 : r.error().status; });
  CHECK(removed_status == 0);
  int missing_status = 0;
  connections.retrieve(created,
                       [&](novu::result<novu::channel_connection> r) { missing_status = r ? 200 : r.error().status; });
  CHECK(missing_status == 404);
}
