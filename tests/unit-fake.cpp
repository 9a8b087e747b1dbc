// The fake Novu server: it must answer like the real one, or tests built on it lie.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "novu/testing/fake_novu.hpp"
#include "test_support.hpp"

namespace {

novu::client_config test_config() {
  novu::client_config config;
  config.secret_key = "sk_test_123";
  config.retry = novu::retry_policy::disabled();
  return config;
}

novu::create_channel_connection_request create_body(std::optional<std::string> subscriber,
                                                    std::vector<novu::context_entry> context = {}) {
  novu::create_channel_connection_request body;
  body.integration_identifier = "slack-prod";
  body.subscriber_id = std::move(subscriber);
  if (!context.empty()) body.context = std::move(context);
  body.workspace.id = "T1";
  body.auth.access_token = "xoxb";
  return body;
}

std::vector<std::string> identifiers(const novu::channel_connection_page& page) {
  std::vector<std::string> out;
  for (const auto& c : page.data) out.push_back(c.identifier);
  return out;
}

}  // namespace

TEST_CASE("create answers 201 with a data envelope, generated identifier and server fields") {
  novu::fake_novu fake;
  auto request =
      novu::connections::build_create_request(test_config(), create_body("sub-1", {{"tenant", "org", std::nullopt}}));
  novu::http_response response = fake.handle(*request);
  CHECK(response.status == 201);
  CHECK(response.body.rfind("{\"data\":{", 0) == 0);
  auto c = novu::connections::parse_create_response(response);
  REQUIRE(c.has_value());
  CHECK(c->identifier == "slack-prod-sub-1-1");
  CHECK(*c->channel == novu::channel_type::chat);
  CHECK(*c->provider_id == novu::provider_id::slack);
  CHECK(c->subscriber_id == std::optional<std::string>("sub-1"));
  CHECK(c->context_keys == std::vector<std::string>{"tenant:org"});
  CHECK(c->created_at == "2026-01-01T00:00:01.000Z");
}

TEST_CASE("errors come as the server's ErrorDto / ValidationErrorDto") {
  novu::fake_novu fake;
  novu::client<novu::fake_novu::sync_transport> client(test_config(), fake.transport());
  auto missing = client.retrieve("nope");
  CHECK(missing.error().kind == novu::error_kind::api);
  CHECK(missing.error().api->path == "/v1/channel-connections/nope");
  auto unknown = create_body("s");
  unknown.integration_identifier = "nope";
  CHECK(client.create(unknown).error().status == 404);
  auto dup = create_body("s");
  dup.identifier = "same";
  REQUIRE(client.create(dup).has_value());
  CHECK(client.create(dup).error().status == 409);

  auto request = novu::connections::build_update_request(test_config(), "same", test_support::seed_update_body());
  request->body = R"({"workspace":{"id":"T"},"auth":{}})";
  auto invalid = novu::connections::parse_update_response(fake.handle(*request));
  REQUIRE_FALSE(invalid.has_value());
  CHECK(invalid.error().kind == novu::error_kind::validation);
  REQUIRE(invalid.error().api->errors->size() == 1);
  CHECK((*invalid.error().api->errors)[0].field == "auth.accessToken");

  request->headers.erase(request->headers.begin());  // no Authorization
  CHECK(fake.handle(*request).status == 401);
  novu::fake_novu_options strict;
  strict.secret_key = "sk_other";
  novu::fake_novu locked(strict);
  CHECK(locked.handle(*novu::connections::build_retrieve_request(test_config(), "x")).status == 401);
}

TEST_CASE("POST/PATCH idempotency: a replay returns the first answer, another body is 422") {
  novu::fake_novu fake;
  auto first = novu::connections::build_create_request(test_config(), create_body("s"), {"idem-1"});
  novu::http_response a = fake.handle(*first);
  novu::http_response b = fake.handle(*first);
  CHECK(a.status == 201);
  CHECK(b.status == 201);
  CHECK(a.body == b.body);
  CHECK(novu::find_header(b.headers, "idempotency-replay")->value == "true");
  CHECK(fake.connections().size() == 1);
  auto other = novu::connections::build_create_request(test_config(), create_body("t"), {"idem-1"});
  CHECK(fake.handle(*other).status == 422);
  auto lookup = novu::connections::build_retrieve_request(test_config(), "slack-prod-s-1", {"idem-1"});
  CHECK(fake.handle(*lookup).status == 200);  // GET ignores the key, like the server
}

TEST_CASE("list filters, order and cursors behave like the server's") {
  novu::fake_novu fake;
  novu::client<novu::fake_novu::sync_transport> client(test_config(), fake.transport());
  REQUIRE(client.create(create_body("a", {{"tenant", "t1", std::nullopt}})).has_value());
  REQUIRE(
      client.create(create_body("b", {{"tenant", "t1", std::nullopt}, {"region", "eu", std::nullopt}})).has_value());
  auto shared = create_body("c");
  shared.connection_mode = novu::connection_mode::shared;
  REQUIRE(client.create(shared).has_value());
  auto teams = create_body("d");
  teams.integration_identifier = "msteams-prod";
  REQUIRE(client.create(teams).has_value());

  novu::list_channel_connections_params p;
  CHECK(client.list(p)->total_count == 4);
  p.subscriber_id = "a";
  CHECK(identifiers(*client.list(p)) == std::vector<std::string>{"slack-prod-a-1"});
  p = {};
  p.connection_mode = novu::connection_mode::shared;
  CHECK(identifiers(*client.list(p)) == std::vector<std::string>{"slack-prod-shared-3"});
  p = {};
  p.provider_id = novu::provider_id::msteams;
  CHECK(identifiers(*client.list(p)) == std::vector<std::string>{"msteams-prod-d-4"});
  p = {};
  p.context_keys = std::vector<std::string>{"region:eu", "tenant:t1"};
  CHECK(identifiers(*client.list(p)) == std::vector<std::string>{"slack-prod-b-2"});
  p.context_keys = std::vector<std::string>{};
  CHECK(client.list(p)->data.size() == 2);  // contextKeys= : connections without context
  p = {};
  p.order_direction = novu::order_direction::descending;
  p.limit = 2;
  auto desc = client.list(p);
  CHECK(identifiers(*desc) == std::vector<std::string>{"msteams-prod-d-4", "slack-prod-shared-3"});
  CHECK(desc->next == std::optional<std::string>("slack-prod-shared-3"));
  CHECK_FALSE(desc->previous.has_value());
  p.after = desc->next;
  auto second = client.list(p);
  CHECK(identifiers(*second) == std::vector<std::string>{"slack-prod-b-2", "slack-prod-a-1"});
  CHECK_FALSE(second->next.has_value());
  CHECK(second->previous == std::optional<std::string>("slack-prod-b-2"));
  p.include_cursor = true;
  CHECK(identifiers(*client.list(p)).front() == "slack-prod-shared-3");
  p = {};
  p.order_direction = novu::order_direction::ascending;
  p.before = "slack-prod-shared-3";
  CHECK(identifiers(*client.list(p)) == std::vector<std::string>{"slack-prod-a-1", "slack-prod-b-2"});
  p = {};
  p.after = "no-such-cursor";  // the server answers an empty page for an unknown cursor
  auto unknown = client.list(p);
  REQUIRE(unknown.has_value());
  CHECK(unknown->data.empty());
  CHECK(unknown->total_count == 0);
  CHECK_FALSE(unknown->next.has_value());
}

TEST_CASE("update and delete change the store; queued responses inject faults first") {
  novu::fake_novu fake;
  novu::client<novu::fake_novu::sync_transport> client(test_config(), fake.transport());
  auto created = client.create(create_body("s"));
  REQUIRE(created.has_value());
  novu::update_channel_connection_request u;
  u.workspace.id = "T9";
  u.auth.access_token = "new";
  auto updated = client.update(created->identifier, u);
  REQUIRE(updated.has_value());
  CHECK(updated->workspace.id == "T9");
  CHECK(updated->updated_at > updated->created_at);
  fake.enqueue_response({503, {}, ""});
  CHECK(client.remove(created->identifier).error().status == 503);
  CHECK(client.remove(created->identifier).has_value());
  CHECK(fake.connections().empty());
  CHECK(fake.request_count() == 4);
}
