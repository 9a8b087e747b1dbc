// Channel connections as the live server behaves (wire-notes §12, issue 11): verify, the two
// kinds of 409, create_or_update, token-safe requests, the providers the OpenAPI document lacks,
// and the fake server answering like the server. Sync and async, over the fake.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "novu/connections/async_client.hpp"
#include "novu/testing/fake_novu.hpp"
#include "test_support.hpp"

namespace {

using sync_client = novu::client<novu::fake_novu::sync_transport, test_support::fake_environment>;
using async_client = novu::async_client<novu::fake_novu::inline_async_transport, test_support::fake_environment>;

// Default retries (4 attempts), so that a test sees whether an answer is retried.
novu::client_config retrying_config() {
  novu::client_config config;
  config.secret_key = "sk_test_live_server";
  config.server_url = "http://127.0.0.1:9";
  return config;
}

novu::create_channel_connection_request create_body(const std::string& subscriber, const std::string& token) {
  novu::create_channel_connection_request body;
  body.integration_identifier = "slack-prod";
  body.subscriber_id = subscriber;
  body.workspace.id = "T1";
  body.workspace.name = "Acme";
  body.auth.access_token = token;
  return body;
}

// A stored connection with a refresh token, its access token expired at `expires_at`.
novu::channel_connection rotating_connection(const std::string& identifier, const std::string& expires_at) {
  novu::channel_connection c;
  c.identifier = identifier;
  c.integration_identifier = "slack-prod";
  c.subscriber_id = "sub-1";
  c.workspace.id = "T1";
  c.auth.access_token = "xoxe.xoxb-stale-access";
  c.auth.refresh_token = "xoxe-1-refresh";
  c.auth.expires_at = expires_at;
  c.created_at = "2026-01-01T00:00:00.000Z";
  c.updated_at = c.created_at;
  return c;
}

// A timer that fires at once, recording the waits.
struct instant_timer {
  std::vector<std::uint32_t>* waits;
  void operator()(std::uint32_t delay, const novu::timer_callback& fire) const {
    waits->push_back(delay);
    fire();
  }
};

// Runs an async call whose completion takes result<T>, returning what it got.
template <class T, class Start>
novu::result<T> run_async(Start start) {
  std::optional<novu::result<T>> got;
  start([&got](novu::result<T> r) { got = std::move(r); });
  REQUIRE(got.has_value());
  return std::move(*got);
}

std::size_t count_method(const std::vector<novu::http_request>& sent, const char* method) {
  std::size_t n = 0;
  for (const novu::http_request& r : sent) n += r.method == method;
  return n;
}

}  // namespace

// ---- verify ----

TEST_CASE("verify: POST /v1/channel-connections/{identifier}/verify without a body, identifier rules as elsewhere") {
  const novu::client_config config = retrying_config();
  auto r = novu::connections::build_verify_request(config, "conn/1 é", {"idem-verify"});
  REQUIRE(r.has_value());
  CHECK(r->method == "POST");
  CHECK(r->path == "/v1/channel-connections/conn%2F1%20%C3%A9/verify");
  CHECK(r->url == "http://127.0.0.1:9/v1/channel-connections/conn%2F1%20%C3%A9/verify");
  CHECK(r->body.empty());
  CHECK(novu::find_header(r->headers, "content-type") == nullptr);
  CHECK(novu::find_header(r->headers, "idempotency-key")->value == "idem-verify");
  CHECK(novu::find_header(r->headers, "authorization")->value == "ApiKey sk_test_live_server");
  for (const char* bad : {"", ".", ".."}) {
    CAPTURE(bad);
    auto refused = novu::connections::build_verify_request(config, bad);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().kind == novu::error_kind::invalid_argument);
    CHECK(refused.error().location == "identifier");
  }
}

TEST_CASE("verify: parse_verify_response decodes the enveloped connection and explains a 502") {
  novu::channel_connection c = rotating_connection("conn-1", "2026-01-01T00:00:00.000Z");
  const std::string json = "{\"data\":" + *novu::encode_json(c) + "}";
  auto ok = novu::connections::parse_verify_response({200, {{"Content-Type", "application/json"}}, json});
  REQUIRE(ok.has_value());
  CHECK(ok->identifier == "conn-1");
  auto rejected = novu::connections::parse_verify_response(
      {502, {}, R"({"statusCode":502,"timestamp":"t","path":"/v1/channel-connections/conn-1/verify"})"});
  REQUIRE_FALSE(rejected.has_value());
  CHECK(rejected.error().status == 502);
  CHECK(rejected.error().message.find("refresh token") != std::string::npos);
  CHECK(rejected.error().message.find("re-authorises") != std::string::npos);
  auto missing = novu::connections::parse_verify_response(
      {404, {}, R"({"statusCode":404,"timestamp":"t","path":"/p","message":"not found"})"});
  CHECK(missing.error().kind == novu::error_kind::api);
  CHECK(missing.error().message.find("refresh token") == std::string::npos);
}

TEST_CASE("verify over the fake: refresh when due, no-op without a refresh token, 404, sync and async") {
  for (const bool async : {false, true}) {
    CAPTURE(async);
    novu::fake_novu fake;
    fake.put(rotating_connection("due", "2025-12-31T00:00:00.000Z"));
    novu::channel_connection legacy = rotating_connection("legacy", "2025-12-31T00:00:00.000Z");
    legacy.auth.refresh_token.reset();
    legacy.auth.expires_at.reset();
    fake.put(legacy);
    test_support::fake_environment::state env;
    std::vector<std::uint32_t> waits;
    sync_client sync(retrying_config(), fake.transport(), test_support::fake_environment{&env});
    async_client asyn(retrying_config(), fake.async_transport(), instant_timer{&waits},
                      test_support::fake_environment{&env});
    auto verify = [&](const std::string& id) {
      if (!async) return sync.channel_connections().verify(id);
      return run_async<novu::channel_connection>(
          [&](auto done) { asyn.channel_connections().verify(id, std::move(done)); });
    };
    auto due = verify("due");
    REQUIRE(due.has_value());
    CHECK(due->auth.expires_at == std::optional<std::string>("2026-01-01T12:00:00.000Z"));  // 12 h after "now"
    CHECK(due->updated_at > due->created_at);
    auto again = verify("due");  // not due any more: unchanged
    REQUIRE(again.has_value());
    CHECK(again->updated_at == due->updated_at);
    auto no_refresh = verify("legacy");
    REQUIRE(no_refresh.has_value());
    CHECK(no_refresh->auth.access_token == "xoxe.xoxb-stale-access");
    CHECK_FALSE(no_refresh->auth.expires_at.has_value());
    auto unknown = verify("nope");
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().status == 404);
    CHECK(fake.request_count() == 4);  // a 404 is not retried
    for (const novu::http_request& r : fake.received()) CHECK(r.method == "POST");
  }
}

TEST_CASE("verify: a 502 (refresh token rejected) comes back after one attempt; other 5xx are retried") {
  for (const bool async : {false, true}) {
    CAPTURE(async);
    novu::fake_novu fake;
    fake.put(rotating_connection("revoked", "2025-12-31T00:00:00.000Z"));
    REQUIRE(fake.revoke_refresh_token("revoked"));
    CHECK_FALSE(fake.revoke_refresh_token("no-such-connection"));
    test_support::fake_environment::state env;
    std::vector<std::uint32_t> waits;
    sync_client sync(retrying_config(), fake.transport(), test_support::fake_environment{&env});
    async_client asyn(retrying_config(), fake.async_transport(), instant_timer{&waits},
                      test_support::fake_environment{&env});
    auto verify = [&](const std::string& id) {
      if (!async) return sync.verify(id);
      return run_async<novu::channel_connection>([&](auto done) { asyn.verify(id, std::move(done)); });
    };
    auto rejected = verify("revoked");
    REQUIRE_FALSE(rejected.has_value());
    CHECK(rejected.error().status == 502);
    CHECK(rejected.error().message.find("the provider rejected the connection's refresh token") != std::string::npos);
    CHECK(rejected.error().message.find("xoxe-1-refresh") == std::string::npos);
    CHECK(fake.request_count() == 1);
    CHECK(env.sleeps.empty());
    CHECK(waits.empty());
    // The stored auth is untouched.
    CHECK(fake.connections().front().auth.refresh_token == std::optional<std::string>("xoxe-1-refresh"));

    // A 503 before the answer: retried as usual (the 502 rule is verify's only).
    fake.enqueue_response({503, {}, ""});
    fake.enqueue_response({500, {}, ""});
    auto still = verify("revoked");
    CHECK(still.error().status == 502);
    CHECK(fake.request_count() == 4);

    // The user re-authorises (an update stores new auth): verify succeeds again.
    novu::update_channel_connection_request fresh;
    fresh.workspace.id = "T1";
    fresh.auth.access_token = "xoxe.xoxb-new";
    fresh.auth.refresh_token = "xoxe-1-new";
    REQUIRE(sync.update("revoked", fresh).has_value());
    CHECK(verify("revoked").has_value());
  }
  // Other statuses follow the configured policy; 502 is never retried by verify.
  novu::retry_policy policy;
  const novu::retry_policy v = novu::detail::verify_retry_policy(policy);
  CHECK_FALSE(v.retry_server_errors);
  CHECK_FALSE(v.retry_statuses.contains(502));
  CHECK(v.retry_statuses.contains(500));
  CHECK(v.retry_statuses.contains(503));
  CHECK(v.retry_statuses.contains(429));
  policy.retry_server_errors = false;
  policy.retry_statuses.insert(502);
  CHECK_FALSE(novu::detail::verify_retry_policy(policy).retry_statuses.contains(502));
  CHECK_FALSE(novu::detail::verify_retry_policy(policy).retry_statuses.contains(503));
}

// ---- the two kinds of 409 ----

TEST_CASE("409: the fake's permanent conflicts come back after one attempt and name the existing connection") {
  novu::fake_novu fake;
  test_support::fake_environment::state env;
  sync_client client(retrying_config(), fake.transport(), test_support::fake_environment{&env});
  novu::create_channel_connection_request first = create_body("sub-1", "xoxb-first");
  first.context = std::vector<novu::context_entry>{{"tenant", "org-1", std::nullopt}};
  auto created = client.create(first);
  REQUIRE(created.has_value());

  // Same integration, subscriber and context: "... Connection ID: <id>".
  novu::create_channel_connection_request same = first;
  same.auth.access_token = "xoxb-second";
  auto conflict = client.create(same);
  REQUIRE_FALSE(conflict.has_value());
  CHECK(conflict.error().status == 409);
  CHECK(conflict.error().kind == novu::error_kind::api);
  CHECK(novu::is_permanent_conflict(conflict.error()));
  CHECK(conflict.error().message.find("Connection ID: " + created->identifier) != std::string::npos);
  CHECK(novu::conflicting_identifier(conflict.error()) == std::optional<std::string>(created->identifier));
  CHECK(fake.request_count() == 2);  // one attempt
  CHECK(env.sleeps.empty());

  // Duplicate identifier (another subscriber): `with identifier "<id>" already exists`.
  novu::create_channel_connection_request dup = create_body("sub-2", "xoxb-third");
  dup.identifier = created->identifier;
  auto duplicate = client.create(dup);
  REQUIRE_FALSE(duplicate.has_value());
  CHECK(duplicate.error().status == 409);
  CHECK(novu::conflicting_identifier(duplicate.error()) == std::optional<std::string>(created->identifier));
  CHECK(fake.request_count() == 3);

  // Other errors name nothing.
  novu::create_channel_connection_request unknown = create_body("sub-3", "xoxb-fourth");
  unknown.integration_identifier = "nope";
  auto missing = client.create(unknown);
  CHECK(missing.error().status == 404);
  CHECK_FALSE(novu::is_permanent_conflict(missing.error()));
  CHECK_FALSE(novu::conflicting_identifier(missing.error()).has_value());
}

TEST_CASE("409: the identifier is read from both server messages, never from other text, never a secret") {
  auto conflict = [](const std::string& message, novu::http_headers headers = {}) {
    const std::string body = R"({"statusCode":409,"timestamp":"t","path":"/v1/channel-connections","message":)" +
                             novu::json_string(message)->text + "}";
    return novu::error_from_response({409, std::move(headers), body});
  };
  CHECK(novu::conflicting_identifier(conflict("A channel connection already exists for integration \"slack\" with "
                                              "subscriberId \"s\" and no context. Connection ID: chconn-abc123")) ==
        std::optional<std::string>("chconn-abc123"));
  CHECK(novu::conflicting_identifier(conflict(
            "Channel connection with identifier \"my \"quoted\" id\" already exists in environment \"env-1\"")) ==
        std::optional<std::string>("my \"quoted\" id"));
  CHECK_FALSE(novu::conflicting_identifier(conflict("Something else went wrong")).has_value());
  CHECK_FALSE(novu::conflicting_identifier(conflict("Connection ID: ")).has_value());
  CHECK_FALSE(novu::conflicting_identifier(conflict("Connection ID: a\nb")).has_value());
  // A transient 409 is no permanent conflict and names nothing.
  const novu::error busy = conflict("Connection ID: x", {{"Retry-After", "1"}});
  CHECK_FALSE(novu::is_permanent_conflict(busy));
  CHECK_FALSE(novu::conflicting_identifier(busy).has_value());

  // A server naming the call's own token as the connection: scrubbed, so nothing comes back.
  novu::fake_novu fake;
  const std::string token = "xoxb-secret-token-4711";
  fake.enqueue_response(novu::fake_backend::json_response(
      409, R"({"statusCode":409,"timestamp":"t","path":"/v1/channel-connections","message":"A channel connection )"
           R"(already exists. Connection ID: )" +
               token + "\"}"));
  novu::client<novu::fake_novu::sync_transport> client(test_support::offline_config(), fake.transport());
  auto created = client.create(create_body("sub-1", token));
  REQUIRE_FALSE(created.has_value());
  CHECK(created.error().message.find(token) == std::string::npos);
  CHECK_FALSE(novu::conflicting_identifier(created.error()).has_value());
}

TEST_CASE("409 with Retry-After (same idempotency key in progress) is transient and retried, sync and async") {
  for (const bool async : {false, true}) {
    CAPTURE(async);
    novu::fake_novu fake;
    const std::string key = "idem-held-1";
    fake.hold_idempotency_key(key);
    test_support::fake_environment::state env;
    std::vector<std::uint32_t> waits;
    // The first request with the key finishes during the first wait.
    struct releasing_environment : test_support::fake_environment {
      novu::fake_novu* server;
      const std::string* key;
      void sleep_ms(std::uint32_t ms) const {
        test_support::fake_environment::sleep_ms(ms);
        server->release_idempotency_key(*key);
      }
    };
    novu::client<novu::fake_novu::sync_transport, releasing_environment> sync(
        retrying_config(), fake.transport(), releasing_environment{{&env}, &fake, &key});
    async_client asyn(
        retrying_config(), fake.async_transport(),
        [&](std::uint32_t delay, const novu::timer_callback& fire) {
          waits.push_back(delay);
          fake.release_idempotency_key(key);
          fire();
        },
        test_support::fake_environment{&env});
    const novu::create_channel_connection_request body = create_body("sub-1", "xoxb-1");
    auto created = async ? run_async<novu::channel_connection>(
                               [&](auto done) { asyn.create(body, std::move(done), novu::call_options{key}); })
                         : sync.create(body, novu::call_options{key});
    REQUIRE_MESSAGE(created.has_value(), created.error().message);
    CHECK(fake.request_count() == 2);
    const std::vector<std::uint32_t>& slept = async ? waits : env.sleeps;
    CHECK(slept == std::vector<std::uint32_t>{1000});  // Retry-After: 1

    // Held for good: the transient 409 is retried until the attempts run out, then returned.
    fake.hold_idempotency_key("idem-held-2");
    novu::client<novu::fake_novu::sync_transport, test_support::fake_environment> plain(
        retrying_config(), fake.transport(), test_support::fake_environment{&env});
    auto busy = plain.create(create_body("sub-2", "xoxb-2"), novu::call_options{"idem-held-2"});
    REQUIRE_FALSE(busy.has_value());
    CHECK(busy.error().status == 409);
    CHECK(novu::find_header(busy.error().headers, "retry-after")->value == "1");
    CHECK_FALSE(novu::is_permanent_conflict(busy.error()));
    CHECK(fake.request_count() == 2 + 4);
  }
}

// ---- create_or_update ----

TEST_CASE("create_or_update: creates, or updates the connection a conflict names (both messages), sync and async") {
  for (const bool async : {false, true}) {
    for (const bool by_identifier : {false, true}) {
      CAPTURE(async);
      CAPTURE(by_identifier);
      novu::fake_novu fake;
      test_support::fake_environment::state env;
      std::vector<std::uint32_t> waits;
      sync_client sync(retrying_config(), fake.transport(), test_support::fake_environment{&env});
      async_client asyn(retrying_config(), fake.async_transport(), instant_timer{&waits},
                        test_support::fake_environment{&env});
      auto create_or_update = [&](const novu::create_channel_connection_request& body, const novu::call_options& o) {
        if (!async) return sync.channel_connections().create_or_update(body, o);
        return run_async<novu::channel_connection>(
            [&](auto done) { asyn.channel_connections().create_or_update(body, std::move(done), o); });
      };
      novu::create_channel_connection_request first = create_body("sub-1", "xoxb-old");
      first.identifier = "conn-1";
      first.auth.refresh_token = "xoxe-old";
      auto created = create_or_update(first, {});
      REQUIRE(created.has_value());
      CHECK(created->identifier == "conn-1");
      CHECK(fake.request_count() == 1);

      // The reconnect (novuhq/novu #11613, #10896): same target, new workspace and tokens.
      novu::create_channel_connection_request again = create_body(by_identifier ? "sub-2" : "sub-1", "xoxb-new");
      if (by_identifier) again.identifier = "conn-1";  // else: "... Connection ID: conn-1"
      again.workspace.id = "T2";
      again.auth.refresh_token = "xoxe-new";
      auto updated = create_or_update(again, {"idem-reconnect"});
      REQUIRE_MESSAGE(updated.has_value(), updated.error().message);
      CHECK(updated->identifier == "conn-1");
      CHECK(updated->workspace.id == "T2");
      CHECK(updated->auth.access_token == "xoxb-new");
      CHECK(updated->auth.refresh_token == std::optional<std::string>("xoxe-new"));
      CHECK(updated->subscriber_id == std::optional<std::string>("sub-1"));  // the existing connection's
      const std::vector<novu::http_request> sent = fake.received();
      REQUIRE(sent.size() == 3);
      CHECK(sent[1].method == "POST");
      CHECK(sent[2].method == "PATCH");
      CHECK(sent[2].path == "/v1/channel-connections/conn-1");
      CHECK(novu::find_header(sent[1].headers, "idempotency-key")->value == "idem-reconnect");
      CHECK(novu::find_header(sent[2].headers, "idempotency-key")->value == "idem-reconnect-update");
      CHECK(fake.connections().size() == 1);
      CHECK(env.sleeps.empty());
      CHECK(waits.empty());

      // Other errors come back as the create's.
      novu::create_channel_connection_request unknown = create_body("sub-9", "xoxb-x");
      unknown.integration_identifier = "nope";
      auto missing = create_or_update(unknown, {});
      CHECK(missing.error().status == 404);
      CHECK(fake.request_count() == 4);
    }
  }
  // A caller's key at the 255-character limit still gives a valid key for the update.
  const novu::call_options o = novu::detail::create_or_update_options({std::string(255, 'k')});
  CHECK(o.idempotency_key.size() == 255);
  CHECK(novu::detail::create_or_update_options({}).idempotency_key.empty());
}

// ---- token-safe requests ----

TEST_CASE("token safety: empty required fields are refused naming the field; a default auth never reaches the server") {
  novu::fake_novu fake;
  novu::client<novu::fake_novu::sync_transport> client(test_support::offline_config(), fake.transport());
  novu::update_channel_connection_request update;
  update.workspace.id = "T1";
  auto no_token = client.update("conn-1", update);  // default-built novu::auth{}
  REQUIRE_FALSE(no_token.has_value());
  CHECK(no_token.error().kind == novu::error_kind::invalid_argument);
  CHECK(no_token.error().location == "auth.accessToken");
  update = {};
  update.auth.access_token = "xoxb-1";
  CHECK(client.update("conn-1", update).error().location == "workspace.id");

  novu::create_channel_connection_request create = create_body("sub-1", "xoxb-1");
  create.integration_identifier.clear();
  CHECK(client.create(create).error().location == "integrationIdentifier");
  create = create_body("sub-1", "");
  CHECK(client.create(create).error().location == "auth.accessToken");
  create = create_body("sub-1", "xoxb-1");
  create.workspace.id.clear();
  CHECK(client.create(create).error().location == "workspace.id");
  create = create_body("sub-1", "xoxb-1");
  CHECK(client.create_or_update(novu::create_channel_connection_request{}).error().kind ==
        novu::error_kind::invalid_argument);

  novu::list_channel_connections_params both;
  both.after = "a";
  both.before = "b";
  auto list = client.list(both);
  REQUIRE_FALSE(list.has_value());
  CHECK(list.error().kind == novu::error_kind::invalid_argument);
  CHECK(list.error().location == "before");
  CHECK(fake.request_count() == 0);  // nothing was sent

  // A bad configuration is still reported first.
  novu::client_config no_key = test_support::offline_config();
  no_key.secret_key.clear();
  CHECK(novu::connections::build_update_request(no_key, "conn-1", {}).error().location == "secret_key");
}

TEST_CASE("token safety: PATCH replaces auth whole; carrying the refresh token forward keeps it") {
  novu::fake_novu fake;
  novu::client<novu::fake_novu::sync_transport> client(test_support::offline_config(), fake.transport());
  novu::create_channel_connection_request create = create_body("sub-1", "xoxb-1");
  create.auth.refresh_token = "xoxe-1";
  create.auth.expires_at = "2026-06-01T00:00:00.000Z";
  auto created = client.create(create);
  REQUIRE(created.has_value());

  novu::update_channel_connection_request carried;
  carried.workspace = created->workspace;
  carried.auth = created->auth;  // refresh token and expiry carried forward
  carried.auth.access_token = "xoxb-2";
  auto kept = client.update(created->identifier, carried);
  REQUIRE(kept.has_value());
  CHECK(kept->auth.refresh_token == std::optional<std::string>("xoxe-1"));

  novu::update_channel_connection_request bare;
  bare.workspace.id = "T1";
  bare.auth.access_token = "xoxb-3";
  auto erased = client.update(created->identifier, bare);
  REQUIRE(erased.has_value());
  CHECK_FALSE(erased->auth.refresh_token.has_value());
  CHECK_FALSE(erased->auth.expires_at.has_value());
}

// ---- providers beyond the OpenAPI document ----

TEST_CASE("provider ids novu-web-chat and grafana (SDK 3.19.1, not in the OpenAPI document) are known") {
  CHECK(novu::provider_id(novu::provider_id::novu_web_chat).value() == "novu-web-chat");
  CHECK(novu::provider_id(novu::provider_id::grafana).value() == "grafana");
  CHECK(novu::provider_id("novu-web-chat").is_known());
  CHECK(novu::provider_id("grafana").is_known());
  CHECK(novu::provider_id("grafana") != novu::provider_id(novu::provider_id::grafana_on_call));
}

// ---- the fake answers like the server ----

TEST_CASE("fake: create rules, token rotation's expiresAt, list cursors and default order as the server") {
  novu::fake_novu fake;
  novu::client<novu::fake_novu::sync_transport> client(test_support::offline_config(), fake.transport());
  novu::create_channel_connection_request nobody = create_body("x", "xoxb-1");
  nobody.subscriber_id.reset();
  auto refused = client.create(nobody);
  CHECK(refused.error().status == 400);
  CHECK(refused.error().message.find("Either subscriberId or context must be provided") != std::string::npos);
  nobody.context = std::vector<novu::context_entry>{{"tenant", "org-1", std::nullopt}};
  REQUIRE(client.create(nobody).has_value());  // a context alone is enough

  // A refresh token without expiresAt: expiresAt = now (the server refreshes on first use).
  novu::create_channel_connection_request rotating = create_body("sub-1", "xoxb-1");
  rotating.auth.refresh_token = "xoxe-1";
  auto created = client.create(rotating);
  REQUIRE(created.has_value());
  REQUIRE(created->auth.expires_at.has_value());
  CHECK(*created->auth.expires_at == created->created_at);
  novu::update_channel_connection_request rotate;
  rotate.workspace.id = "T1";
  rotate.auth.access_token = "xoxb-2";
  rotate.auth.refresh_token = "xoxe-2";
  auto updated = client.update(created->identifier, rotate);
  REQUIRE(updated.has_value());
  CHECK(updated->auth.expires_at == std::optional<std::string>(updated->updated_at));

  REQUIRE(client.create(create_body("sub-2", "xoxb-3")).has_value());
  // Descending by createdAt by default: the newest first.
  auto page = client.list({});
  REQUIRE(page.has_value());
  REQUIRE(page->data.size() == 3);
  CHECK(page->data[0].subscriber_id == std::optional<std::string>("sub-2"));
  CHECK(page->data[2].subscriber_id == std::nullopt);
  // Unknown cursor: an empty page.
  novu::list_channel_connections_params unknown;
  unknown.after = "no-such-cursor";
  auto empty = client.list(unknown);
  REQUIRE(empty.has_value());
  CHECK(empty->data.empty());
  CHECK(empty->total_count == 0);
  CHECK_FALSE(empty->next.has_value());
  CHECK_FALSE(empty->previous.has_value());
  // Both cursors (sent raw, the builder refuses them): 400.
  auto raw = novu::connections::build_list_request(test_support::offline_config(), {});
  raw->path += "?after=a&before=b";
  const novu::http_response both = fake.handle(*raw);
  CHECK(both.status == 400);
  CHECK(both.body.find("Cannot specify both") != std::string::npos);
  // verify over an action path the fake does not know: 404.
  auto other = novu::connections::build_verify_request(test_support::offline_config(), "conn-1");
  other->path += "x";
  CHECK(fake.handle(*other).status == 404);
  CHECK(count_method(fake.received(), "POST") == 5);
}

// ---- replay fidelity ----

TEST_CASE("vector replay sends what the vector holds: text as text, a JSON content type only for JSON") {
  const test_support::ordered& vector = test_support::sdk_vector("update_429_retry_after_then_200");
  REQUIRE(vector.is_object());
  const novu::http_response limited = test_support::response_from_vector(vector["response"][0]);
  CHECK(limited.status == 429);
  CHECK(limited.body == "API rate limit exceeded");
  CHECK(novu::find_header(limited.headers, "content-type") == nullptr);
  CHECK(novu::find_header(limited.headers, "retry-after")->value == "2");
  const novu::error e = novu::error_from_response(limited);
  CHECK(e.kind == novu::error_kind::http);
  CHECK(e.body == "API rate limit exceeded");
  const novu::http_response ok = test_support::response_from_vector(vector["response"][1]);
  CHECK(novu::find_header(ok.headers, "content-type")->value == "application/json; charset=utf-8");
  const novu::http_response deleted =
      test_support::response_from_vector(test_support::sdk_vector("delete")["response"]);
  CHECK(deleted.body.empty());
  CHECK(novu::find_header(deleted.headers, "content-type") == nullptr);
  // A content type the vector names is kept, not doubled.
  test_support::ordered named = test_support::ordered::parse(
      R"({"status":404,"headers":{"Content-Type":"text/plain"},"body":{"statusCode":404}})", nullptr, false);
  const novu::http_response plain = test_support::response_from_vector(named);
  REQUIRE(plain.headers.size() == 1);
  CHECK(plain.headers[0].value == "text/plain");
}
