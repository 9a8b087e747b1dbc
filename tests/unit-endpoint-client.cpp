// client.channel_endpoints() and async_client.channel_endpoints(): the connections' call rules
// hold for the second resource (one request built per call, the same idempotency key on every
// attempt, bounded retries, the permanent-409 rule, limits, cursor walks that stop on a loop),
// and no endpoint secret (routingKey, apiKey, authToken, a tool webhook's url and header values)
// reaches any field of an error, whatever the server echoes, for random secrets and echo forms.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "novu/endpoints/async_client.hpp"
#include "novu/novu.hpp"
#include "sample_values.hpp"
#include "secret_check.hpp"
#include "test_support.hpp"

namespace {

// What the server does next: answers in order, then the last one again; records every attempt.
struct script {
  std::vector<novu::http_response> answers;
  std::vector<novu::http_request> sent;
};

struct scripted {
  script* s;
  novu::transport_result operator()(const novu::http_request& request) const {
    s->sent.push_back(request);
    const std::size_t i = std::min(s->sent.size(), s->answers.size()) - 1;
    return s->answers[i];
  }
  void operator()(novu::http_request request, novu::transport_callback done) const { done((*this)(request)); }
};

novu::http_response answer(int status, std::string body, novu::http_headers headers = {}) {
  novu::http_response r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  if (!r.body.empty()) r.headers.push_back({"content-type", "application/json"});
  return r;
}

const char* const stored_endpoint =
    R"({"data":{"identifier":"ep-1","channel":"chat","providerId":"slack","integrationIdentifier":"slack-prod",)"
    R"("connectionIdentifier":null,"subscriberId":"user-1","contextKeys":[],"type":"slack_channel",)"
    R"("endpoint":{"channelId":"C123"},"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z"}})";

novu::create_channel_endpoint_request slack_create() {
  novu::create_channel_endpoint_request body;
  body.subscriber_id = "user-1";
  body.integration_identifier = "slack-prod";
  body.type = novu::endpoint_type(novu::endpoint_type::slack_channel);
  body.endpoint = novu::slack_channel_endpoint{"C123"};
  return body;
}

using sync_client = novu::client<scripted, test_support::fake_environment>;
using async_client = novu::async_client<scripted, test_support::fake_environment>;

// A timer that fires at once, advancing the fake clock.
novu::async_timer instant_timer(test_support::fake_environment::state& env) {
  return [&env](std::uint32_t delay_ms, novu::timer_callback fire) {
    env.now_ms += delay_ms;
    fire();
  };
}

// Random text for a secret: printable ASCII with quotes, backslashes, slashes and brackets,
// sometimes non-ASCII, 12 to 40 bytes.
std::string random_secret(std::mt19937& rng) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./:?=&%+\"\\[]{} ";
  std::uniform_int_distribution<std::size_t> length(12, 40), pick(0, alphabet.size() - 1);
  std::string s;
  const std::size_t n = length(rng);
  for (std::size_t i = 0; i < n; ++i) s += alphabet[pick(rng)];
  if (rng() % 4 == 0) s += "\xC3\xA9\xE2\x82\xAC";  // é€
  return s;
}

// A create body of a type with secrets, holding `secrets` (appended to).
novu::create_channel_endpoint_request secret_create(std::mt19937& rng, std::vector<std::string>& secrets) {
  novu::create_channel_endpoint_request body = slack_create();
  const std::string a = random_secret(rng), b = random_secret(rng);
  switch (rng() % 5) {
    case 4: {
      // A type this version does not know: the raw payload's secret-named members are secrets.
      body.type = novu::endpoint_type("future_pager");
      const std::string json = "{\"routingKey\":" + novu::json_string(a).value_or(novu::any_json{}).text +
                               ",\"target\":{\"apiKey\":" + novu::json_string(b).value_or(novu::any_json{}).text +
                               ",\"region\":\"eu\"}}";
      body.endpoint = novu::raw_alternative{*novu::parse_any_json(json)};
      secrets.push_back(a);
      secrets.push_back(b);
      break;
    }
    case 0:
      body.type = novu::endpoint_type(novu::endpoint_type::pagerduty_service);
      body.endpoint = novu::pagerduty_service_endpoint{a, novu::endpoint_region(novu::endpoint_region::us)};
      secrets.push_back(a);
      break;
    case 1:
      body.type = novu::endpoint_type(novu::endpoint_type::opsgenie_integration);
      body.endpoint = novu::opsgenie_integration_endpoint{a, novu::endpoint_region(novu::endpoint_region::eu)};
      secrets.push_back(a);
      break;
    case 2:
      body.type = novu::endpoint_type(novu::endpoint_type::grafana_oncall_integration);
      body.endpoint = novu::grafana_oncall_endpoint{"https://oncall.example.com/integrations/v1/x/", b};
      secrets.push_back(b);
      break;
    default: {
      body.type = novu::endpoint_type(novu::endpoint_type::tool_webhook);
      novu::tool_webhook_endpoint hook;
      hook.url = "https://hooks.example.com/" + a;
      hook.headers = std::vector<novu::webhook_header>{{"X-Token", b}};
      body.endpoint = hook;
      secrets.push_back(hook.url);
      secrets.push_back(b);
    }
  }
  return body;
}

// The server echoing what it was sent: the request body in the message, raw or inside a
// ValidationErrorDto value, or in a header.
novu::http_response echo_answer(std::mt19937& rng, const novu::http_request& sent) {
  const novu::result<novu::any_json> quoted = novu::json_string(sent.body);
  const std::string escaped = quoted ? quoted->text : std::string("\"\"");
  switch (rng() % 4) {
    case 0:
      return answer(400, R"({"statusCode":400,"timestamp":"2026-01-01T00:00:00.000Z","path":"/v1/channel-endpoints",)"
                         R"("message":)" +
                             escaped + "}");
    case 1:
      return answer(422, R"({"statusCode":422,"timestamp":"2026-01-01T00:00:00.000Z","path":"/v1/channel-endpoints",)"
                         R"("message":"Validation Error","errors":{"endpoint":{"messages":["bad"],"value":)" +
                             sent.body + "}}}");
    case 2: return answer(500, sent.body, {{"x-echo", sent.body}});
    default:
      return answer(409, R"({"statusCode":409,"timestamp":"2026-01-01T00:00:00.000Z","path":"/v1/channel-endpoints",)"
                         R"("message":"exists","ctx":)" +
                             sent.body + "}");
  }
}

}  // namespace

TEST_CASE("channel_endpoints(): every operation sends the builder's request and parses the answer") {
  script s{{answer(200, stored_endpoint)}, {}};
  test_support::fake_environment::state env;
  sync_client client(test_support::offline_config(), scripted{&s}, test_support::fake_environment{&env});
  auto api = client.channel_endpoints();

  novu::result<novu::channel_endpoint> created = api.create(slack_create());
  REQUIRE_MESSAGE(created.has_value(), created.error().message);
  CHECK(created->identifier == "ep-1");
  CHECK(std::get<novu::slack_channel_endpoint>(created->endpoint).channel_id == "C123");
  REQUIRE(s.sent.size() == 1);
  const novu::result<novu::http_request> built =
      novu::endpoints::build_create_request(client.config(), slack_create(), [&] {
        novu::call_options o;
        o.idempotency_key = novu::find_header(s.sent[0].headers, "idempotency-key")->value;
        return o;
      }());
  REQUIRE(built.has_value());
  CHECK(s.sent[0].method == built->method);
  CHECK(s.sent[0].url == built->url);
  CHECK(s.sent[0].body == built->body);

  novu::update_channel_endpoint_request update;
  update.endpoint = novu::slack_channel_endpoint{"C999"};
  CHECK(api.update("ep-1", update).has_value());
  CHECK(s.sent.back().method == "PATCH");
  CHECK(s.sent.back().body == R"({"endpoint":{"channelId":"C999"}})");
  CHECK(novu::find_header(s.sent.back().headers, "idempotency-key") != nullptr);

  CHECK(api.retrieve("ep 1/x").has_value());
  CHECK(s.sent.back().url == "http://127.0.0.1:9/v1/channel-endpoints/ep%201%2Fx");

  s.answers = {answer(204, "")};
  CHECK(api.remove("ep-1").has_value());
  CHECK(s.sent.back().method == "DELETE");

  // A bad identifier is refused before anything is sent.
  const std::size_t before = s.sent.size();
  novu::result<void> refused = api.remove("");
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().kind == novu::error_kind::invalid_argument);
  CHECK(s.sent.size() == before);
}

TEST_CASE("channel_endpoints(): retries keep one request and one key; a 409 without Retry-After is final") {
  test_support::fake_environment::state env;
  script s{{answer(503, ""), answer(500, ""), answer(200, stored_endpoint)}, {}};
  sync_client client(test_support::instant_retry_config(4), scripted{&s}, test_support::fake_environment{&env});
  REQUIRE(client.channel_endpoints().create(slack_create()).has_value());
  REQUIRE(s.sent.size() == 3);
  for (const novu::http_request& r : s.sent) {
    CHECK(r.body == s.sent[0].body);
    CHECK(novu::find_header(r.headers, "idempotency-key")->value ==
          novu::find_header(s.sent[0].headers, "idempotency-key")->value);
  }

  const std::string conflict =
      R"({"statusCode":409,"timestamp":"2026-01-01T00:00:00.000Z","path":"/v1/channel-endpoints","message":"exists"})";
  script c{{answer(409, conflict)}, {}};
  sync_client conflicted(test_support::instant_retry_config(4), scripted{&c}, test_support::fake_environment{&env});
  novu::result<novu::channel_endpoint> refused = conflicted.channel_endpoints().create(slack_create());
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().status == 409);
  CHECK(c.sent.size() == 1);

  // With Retry-After (a request with the same key still in progress) it is retried.
  script r{{answer(409, conflict, {{"retry-after", "0"}}), answer(200, stored_endpoint)}, {}};
  sync_client waiting(test_support::instant_retry_config(4), scripted{&r}, test_support::fake_environment{&env});
  CHECK(waiting.channel_endpoints().create(slack_create()).has_value());
  CHECK(r.sent.size() == 2);
}

TEST_CASE("channel_endpoints(): decode limits and the page walk's bounds") {
  test_support::fake_environment::state env;
  novu::client_config config = test_support::offline_config();
  config.limits.max_depth = 4;
  script deep{{answer(200, R"({"data":{"identifier":"x","type":"mystery","endpoint":{"a":{"b":{"c":{"d":1}}}}}})")},
              {}};
  sync_client limited(config, scripted{&deep}, test_support::fake_environment{&env});
  novu::result<novu::channel_endpoint> refused = limited.channel_endpoints().retrieve("x");
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().kind == novu::error_kind::limit_exceeded);

  // A server whose next cursor never changes: the walk stops with a decode error at /next.
  const std::string looping = R"({"data":[],"next":"same","previous":null,"totalCount":0,"totalCountCapped":false})";
  script loop{{answer(200, looping)}, {}};
  sync_client walker(test_support::offline_config(), scripted{&loop}, test_support::fake_environment{&env});
  std::size_t seen = 0;
  novu::result<std::size_t> walked =
      walker.channel_endpoints().for_each_page({}, [&](const novu::channel_endpoint_page&) {
        ++seen;
        return true;
      });
  REQUIRE_FALSE(walked.has_value());
  CHECK(walked.error().location == "/next");
  CHECK(seen == 2);
  CHECK(loop.sent.size() == 2);

  // max_pages bounds a server that never ends, sync and async alike.
  int counter = 0;
  struct endless {
    int* counter;
    std::vector<novu::http_request>* sent;
    novu::transport_result operator()(const novu::http_request& request) const {
      sent->push_back(request);
      return answer(200, R"({"data":[],"next":"c)" + std::to_string(++*counter) +
                             R"(","previous":null,"totalCount":0,"totalCountCapped":false})");
    }
    void operator()(novu::http_request request, novu::transport_callback done) const { done((*this)(request)); }
  };
  std::vector<novu::http_request> sent;
  novu::client<endless, test_support::fake_environment> forever(
      test_support::offline_config(), endless{&counter, &sent}, test_support::fake_environment{&env});
  novu::pagination_options paging;
  paging.max_pages = 7;
  novu::result<std::size_t> pages = forever.channel_endpoints().for_each_page(
      {}, [](const novu::channel_endpoint_page&) { return true; }, paging);
  REQUIRE(pages.has_value());
  CHECK(*pages == 7);
  CHECK(sent.size() == 7);
  // Pages after the first carry the cursor they follow.
  CHECK(sent[1].url.find("after=c1") != std::string::npos);

  sent.clear();
  novu::async_client<endless, test_support::fake_environment> async_forever(
      test_support::offline_config(), endless{&counter, &sent}, instant_timer(env),
      test_support::fake_environment{&env});
  std::optional<novu::result<std::size_t>> async_pages;
  int completions = 0;
  async_forever.channel_endpoints().for_each_page(
      {}, [](const novu::channel_endpoint_page&) { return true; },
      [&](novu::result<std::size_t> r) {
        ++completions;
        async_pages.emplace(std::move(r));
      },
      paging);
  REQUIRE(async_pages.has_value());
  REQUIRE(async_pages->has_value());
  CHECK(**async_pages == 7);
  CHECK(sent.size() == 7);
  CHECK(completions == 1);
}

TEST_CASE("async channel_endpoints(): move-only completions, exactly once, and cancel") {
  test_support::fake_environment::state env;
  script s{{answer(200, stored_endpoint)}, {}};
  async_client client(test_support::offline_config(), scripted{&s}, instant_timer(env),
                      test_support::fake_environment{&env});
  auto owned = std::make_unique<int>(7);
  int seen = 0;
  client.channel_endpoints().create(slack_create(),
                                    [&seen, owned = std::move(owned)](novu::result<novu::channel_endpoint> r) {
                                      CHECK(r.has_value());
                                      seen += *owned;
                                    });
  CHECK(seen == 7);

  // A transport that holds the request: cancel() answers `cancelled` once; the late answer is ignored.
  struct held {
    std::vector<novu::transport_callback>* pending;
    void operator()(novu::http_request, novu::transport_callback done) const { pending->push_back(std::move(done)); }
  };
  std::vector<novu::transport_callback> pending;
  novu::async_client<held, test_support::fake_environment> slow(
      test_support::offline_config(), held{&pending}, instant_timer(env), test_support::fake_environment{&env});
  int calls = 0;
  std::optional<novu::error_kind> kind;
  novu::async_call_handle handle =
      slow.channel_endpoints().retrieve("ep-1", [&](novu::result<novu::channel_endpoint> r) {
        ++calls;
        if (!r) kind = r.error().kind;
      });
  REQUIRE(pending.size() == 1);
  CHECK(handle.cancel());
  CHECK(calls == 1);
  CHECK(kind == novu::error_kind::cancelled);
  pending[0](novu::transport_result(answer(200, stored_endpoint)));
  CHECK(calls == 1);
}

TEST_CASE("property: no endpoint secret in any error field, sync or async, whatever the server echoes") {
  std::mt19937 rng(20261204);
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> secrets;
    const novu::create_channel_endpoint_request body = secret_create(rng, secrets);
    CAPTURE(round);
    // The server answers with an echo of what it received.
    struct echo {
      std::mt19937* rng;
      novu::http_response (*make)(std::mt19937&, const novu::http_request&);
      novu::transport_result operator()(const novu::http_request& request) const { return make(*rng, request); }
      void operator()(novu::http_request request, novu::transport_callback done) const { done((*this)(request)); }
    };
    test_support::fake_environment::state env;
    const bool update = rng() % 2 == 0;
    novu::update_channel_endpoint_request patch;
    patch.endpoint = body.endpoint;
    if (rng() % 2 == 0) {
      novu::client<echo, test_support::fake_environment> client(
          test_support::offline_config(), echo{&rng, &echo_answer}, test_support::fake_environment{&env});
      novu::result<novu::channel_endpoint> r =
          update ? client.channel_endpoints().update("ep-1", patch) : client.channel_endpoints().create(body);
      REQUIRE_FALSE(r.has_value());
      CHECK_MESSAGE(secret_check::first_leak(r.error(), secrets).empty(), secret_check::first_leak(r.error(), secrets));
    } else {
      novu::async_client<echo, test_support::fake_environment> client(test_support::offline_config(),
                                                                      echo{&rng, &echo_answer}, instant_timer(env),
                                                                      test_support::fake_environment{&env});
      std::optional<novu::result<novu::channel_endpoint>> got;
      auto on_done = [&](novu::result<novu::channel_endpoint> r) { got.emplace(std::move(r)); };
      if (update) {
        client.channel_endpoints().update("ep-1", patch, on_done);
      } else {
        client.channel_endpoints().create(body, on_done);
      }
      REQUIRE(got.has_value());
      REQUIRE_FALSE(got->has_value());
      CHECK_MESSAGE(secret_check::first_leak(got->error(), secrets).empty(),
                    secret_check::first_leak(got->error(), secrets));
    }
  }
}
