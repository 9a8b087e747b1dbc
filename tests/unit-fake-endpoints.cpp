// The fake's channel endpoints (/v1/channel-endpoints), driven through the endpoints' builders
// and parsers: every operation, the server's create rules (connections, Webex, tool types), the
// DTO validation, every list filter, cursor paging, idempotency and faults, raw unknown types.
// The fake must answer like the server, or the tests built on it lie.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "novu/testing/fake_novu.hpp"
#include "sample_values.hpp"

namespace {

// The configuration every request here is built with (no retries).
novu::client_config test_config() { return test_support::offline_config(); }

// A fake knowing an integration for every endpoint family.
novu::fake_novu_options all_integrations() {
  novu::fake_novu_options options;
  options.integrations = {{"slack-prod", novu::channel_type::chat, novu::provider_id::slack},
                          {"msteams-prod", novu::channel_type::chat, novu::provider_id::msteams},
                          {"webex-prod", novu::channel_type::chat, novu::provider_id::webex_messaging},
                          {"pagerduty-prod", novu::channel_type::tool, novu::provider_id::pagerduty},
                          {"opsgenie-prod", novu::channel_type::tool, novu::provider_id::opsgenie},
                          {"grafana-prod", novu::channel_type::tool, novu::provider_id::grafana},
                          {"hook-prod", novu::channel_type::tool, novu::provider_id::tool_webhook}};
  return options;
}

novu::create_channel_endpoint_request body_of(const char* integration, novu::endpoint_type type,
                                              novu::endpoint_data endpoint, std::string subscriber = "sub-1") {
  novu::create_channel_endpoint_request body;
  body.subscriber_id = std::move(subscriber);
  body.integration_identifier = integration;
  body.type = type;
  body.endpoint = std::move(endpoint);
  return body;
}

novu::create_channel_endpoint_request slack_body(std::string subscriber = "sub-1", std::string channel = "C1") {
  return body_of("slack-prod", novu::endpoint_type::slack_channel, novu::slack_channel_endpoint{std::move(channel)},
                 std::move(subscriber));
}

novu::http_response create_raw(novu::fake_novu& fake, const novu::create_channel_endpoint_request& body,
                               const novu::call_options& options = {}) {
  auto request = novu::endpoints::build_create_request(test_config(), body, options);
  REQUIRE(request.has_value());
  return fake.handle(*request);
}

novu::result<novu::channel_endpoint> create(novu::fake_novu& fake, const novu::create_channel_endpoint_request& body) {
  return novu::endpoints::parse_create_response(create_raw(fake, body));
}

// A create whose body is `json` as is (what the builder would refuse to send).
novu::http_response create_json(novu::fake_novu& fake, std::string json) {
  auto request = novu::endpoints::build_create_request(test_config(), slack_body());
  REQUIRE(request.has_value());
  request->body = std::move(json);
  return fake.handle(*request);
}

novu::result<novu::channel_endpoint> retrieve(novu::fake_novu& fake, const std::string& identifier) {
  return novu::endpoints::parse_retrieve_response(
      fake.handle(*novu::endpoints::build_retrieve_request(test_config(), identifier)));
}

novu::result<novu::channel_endpoint_page> list(novu::fake_novu& fake, const novu::list_channel_endpoints_params& p) {
  auto request = novu::endpoints::build_list_request(test_config(), p);
  REQUIRE(request.has_value());
  return novu::endpoints::parse_list_response(fake.handle(*request));
}

std::vector<std::string> identifiers(const novu::result<novu::channel_endpoint_page>& page) {
  std::vector<std::string> out;
  REQUIRE(page.has_value());
  for (const auto& e : page->data) out.push_back(e.identifier);
  return out;
}

// A connection of `integration` with `context`, created through the connections' builder.
std::string add_connection(novu::fake_novu& fake, const char* integration, std::vector<novu::context_entry> context,
                           std::string subscriber = "sub-1") {
  novu::create_channel_connection_request body;
  body.integration_identifier = integration;
  body.subscriber_id = std::move(subscriber);
  if (!context.empty()) body.context = std::move(context);
  body.workspace.id = "W1";
  body.auth.access_token = "tok";
  auto c = novu::connections::parse_create_response(
      fake.handle(*novu::connections::build_create_request(test_config(), body)));
  REQUIRE(c.has_value());
  return c->identifier;
}

// The one violation of a 422, as the client parses it.
novu::constraint_violation only_violation(const novu::http_response& response) {
  auto parsed = novu::endpoints::parse_create_response(response);
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().kind == novu::error_kind::validation);
  REQUIRE(parsed.error().api.has_value());
  REQUIRE(parsed.error().api->errors.has_value());
  REQUIRE(parsed.error().api->errors->size() == 1);
  return parsed.error().api->errors->front();
}

std::string message_of(const novu::error& e) {
  REQUIRE(e.api.has_value());
  REQUIRE(e.api->message.has_value());
  return novu::string_value(*e.api->message).value_or("");
}

// The payload as compact JSON, to compare payloads (the DTOs have no ==).
std::string payload_json(const novu::endpoint_data& endpoint) {
  novu::update_channel_endpoint_request wrapped;
  wrapped.endpoint = endpoint;
  return novu::encode_json(wrapped).value_or("<unencodable>");
}

bool server_shaped_identifier(const std::string& id) {
  if (id.size() != 19 || id.rfind("chendp_", 0) != 0) return false;
  return std::all_of(id.begin() + 7, id.end(),
                     [](char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z'); });
}

}  // namespace

TEST_CASE("fake endpoints: create of each type answers 201 enveloped, and retrieve gives it back") {
  const novu::fake_novu_options options = all_integrations();
  novu::fake_novu fake(options);
  const std::string webex_connection = add_connection(fake, "webex-prod", {});
  std::vector<novu::create_channel_endpoint_request> bodies = {
      slack_body(),
      body_of("slack-prod", novu::endpoint_type::slack_user, novu::slack_user_endpoint{"U1"}),
      body_of("slack-prod", novu::endpoint_type::webhook, novu::webhook_endpoint{"https://example.com/h", "ops"}),
      body_of("slack-prod", novu::endpoint_type::phone, novu::phone_endpoint{"+15551234567"}),
      body_of("msteams-prod", novu::endpoint_type::ms_teams_channel, novu::ms_teams_channel_endpoint{"T", "C"}),
      body_of("msteams-prod", novu::endpoint_type::ms_teams_user, novu::ms_teams_user_endpoint{"U"}),
      body_of("slack-prod", novu::endpoint_type::telegram_chat, novu::telegram_chat_endpoint{"42"}),
      body_of("webex-prod", novu::endpoint_type::webex_room, novu::webex_room_endpoint{"R1", "P1"}),
      body_of("webex-prod", novu::endpoint_type::webex_person, novu::webex_person_endpoint{std::nullopt, "a@b.c"}),
      body_of("slack-prod", novu::endpoint_type::line_user, novu::line_user_endpoint{"L1"}),
      body_of("pagerduty-prod", novu::endpoint_type::pagerduty_service,
              novu::pagerduty_service_endpoint{"R0UTINGK3Y0000SECRET000000000001", novu::endpoint_region::eu}),
      body_of("opsgenie-prod", novu::endpoint_type::opsgenie_integration,
              novu::opsgenie_integration_endpoint{"5ec2e7a1-a25a-4652-883c-73703b12ab34", novu::endpoint_region::us}),
      body_of("grafana-prod", novu::endpoint_type::grafana_oncall_integration,
              novu::grafana_oncall_endpoint{"https://oncall.example.com/x", "graf-token"}),
      body_of("hook-prod", novu::endpoint_type::tool_webhook,
              novu::tool_webhook_endpoint{
                  "https://hooks.example.com/cap", {{{"X-Token", "abc"}}}, {novu::webhook_method::put}}),
  };
  REQUIRE(bodies.size() == std::size(novu::endpoint_type::known_values));
  std::vector<std::string> made;
  for (auto& body : bodies) {
    CAPTURE(body.type.value());
    const bool webex = body.type == novu::endpoint_type::webex_room || body.type == novu::endpoint_type::webex_person;
    if (webex) body.connection_identifier = webex_connection;
    const novu::http_response response = create_raw(fake, body);
    CHECK(response.status == 201);
    CHECK(response.body.rfind("{\"data\":{", 0) == 0);
    auto e = novu::endpoints::parse_create_response(response);
    REQUIRE(e.has_value());
    CHECK(server_shaped_identifier(e->identifier));
    CHECK(e->type == body.type);
    CHECK(payload_json(e->endpoint) == payload_json(body.endpoint));
    CHECK(e->subscriber_id == std::optional<std::string>("sub-1"));
    CHECK(e->integration_identifier == std::optional<std::string>(body.integration_identifier));
    CHECK(e->connection_identifier == (webex ? std::optional<std::string>(webex_connection) : std::nullopt));
    const auto known =
        std::find_if(options.integrations.begin(), options.integrations.end(),
                     [&](const novu::fake_integration& i) { return i.identifier == body.integration_identifier; });
    REQUIRE(known != options.integrations.end());
    CHECK(*e->channel == known->channel);  // channel and provider come from the integration
    CHECK(*e->provider_id == known->provider);
    CHECK(e->created_at == e->updated_at);
    auto back = retrieve(fake, e->identifier);
    REQUIRE(back.has_value());
    CHECK(payload_json(back->endpoint) == payload_json(body.endpoint));
    CHECK(back->created_at == e->created_at);
    made.push_back(e->identifier);
  }
  std::sort(made.begin(), made.end());
  CHECK(std::adjacent_find(made.begin(), made.end()) == made.end());  // generated identifiers differ
  std::vector<std::string> stored;
  for (const auto& e : fake.endpoints()) stored.push_back(e.identifier);
  CHECK(stored == made);  // endpoints() is ordered by identifier
}

TEST_CASE("fake endpoints: identifiers: given, taken (409), empty generates one") {
  novu::fake_novu fake;
  auto body = slack_body();
  body.identifier = "mine";
  auto made = create(fake, body);
  REQUIRE(made.has_value());
  CHECK(made->identifier == "mine");
  auto again = create(fake, body);
  REQUIRE_FALSE(again.has_value());
  CHECK(again.error().status == 409);
  CHECK(message_of(again.error()) ==
        "Channel endpoint with identifier \"mine\" already exists in environment \"fake-environment\"");
  CHECK(novu::find_header(create_raw(fake, body).headers, "retry-after") == nullptr);  // permanent
  body.identifier = "";
  auto generated = create(fake, body);
  REQUIRE(generated.has_value());
  CHECK(server_shaped_identifier(generated->identifier));
  CHECK(fake.endpoints().size() == 2);
}

TEST_CASE("fake endpoints: connectionIdentifier names a connection of the same integration") {
  novu::fake_novu fake;
  const std::string slack = add_connection(fake, "slack-prod", {});
  const std::string teams = add_connection(fake, "msteams-prod", {});
  auto body = slack_body();
  body.connection_identifier = slack;
  auto linked = create(fake, body);
  REQUIRE(linked.has_value());
  CHECK(linked->connection_identifier == std::optional<std::string>(slack));
  body.connection_identifier = teams;  // exists, but for another integration
  auto other = create(fake, body);
  CHECK(other.error().status == 404);
  CHECK(message_of(other.error()) == "Channel connection not found: " + teams);
  body.connection_identifier = "nope";
  CHECK(create(fake, body).error().status == 404);
  auto unknown_integration = slack_body();
  unknown_integration.integration_identifier = "nope";
  auto missing = create(fake, unknown_integration);
  CHECK(missing.error().status == 404);
  CHECK(message_of(missing.error()) == "Integration not found: nope");
  CHECK(fake.endpoints().size() == 1);
}

TEST_CASE("fake endpoints: a Webex endpoint needs a Webex integration and a connection of its context") {
  novu::fake_novu fake(all_integrations());
  const std::string plain = add_connection(fake, "webex-prod", {});
  const std::string tenant = add_connection(fake, "webex-prod", {{"tenant", "t1", std::nullopt}}, "sub-2");
  auto room = body_of("webex-prod", novu::endpoint_type::webex_room, novu::webex_room_endpoint{"R1", std::nullopt});
  auto no_connection = create(fake, room);
  CHECK(no_connection.error().status == 400);
  CHECK(message_of(no_connection.error()) == "Channel endpoint type \"webex_room\" requires a connectionIdentifier");
  auto person =
      body_of("webex-prod", novu::endpoint_type::webex_person, novu::webex_person_endpoint{"P1", std::nullopt});
  CHECK(create(fake, person).error().status == 400);
  auto on_slack = room;
  on_slack.integration_identifier = "slack-prod";
  on_slack.connection_identifier = plain;
  auto wrong = create(fake, on_slack);
  CHECK(wrong.error().status == 400);
  CHECK(message_of(wrong.error()) == "Channel endpoint type \"webex_room\" requires a Webex Messaging integration");
  room.connection_identifier = tenant;  // the connection has context tenant:t1, the endpoint none
  auto mismatch = create(fake, room);
  CHECK(mismatch.error().status == 400);
  CHECK(message_of(mismatch.error()) ==
        "Webex endpoint context must match channel connection \"" + tenant + "\" context");
  room.context = std::vector<novu::context_entry>{{"tenant", "t1", std::nullopt}};
  auto matched = create(fake, room);
  REQUIRE(matched.has_value());
  CHECK(matched->context_keys == std::vector<std::string>{"tenant:t1"});
  room.context.reset();
  room.connection_identifier = "nope";
  CHECK(create(fake, room).error().status == 404);
  person.connection_identifier = plain;
  CHECK(create(fake, person).has_value());
  CHECK(fake.endpoints().size() == 2);
}

TEST_CASE("fake endpoints: tool types need their provider, attach no connection, one PagerDuty per subscriber") {
  novu::fake_novu fake(all_integrations());
  const std::string connection = add_connection(fake, "pagerduty-prod", {});
  auto pd = body_of("pagerduty-prod", novu::endpoint_type::pagerduty_service,
                    novu::pagerduty_service_endpoint{"R0UTINGK3Y0000SECRET000000000001", novu::endpoint_region::us});
  pd.connection_identifier = connection;  // ignored by the server for tool types
  auto made = create(fake, pd);
  REQUIRE(made.has_value());
  CHECK_FALSE(made->connection_identifier.has_value());
  auto second = create(fake, pd);
  CHECK(second.error().status == 409);
  CHECK(message_of(second.error()) ==
        "PagerDuty endpoint already exists for subscriber \"sub-1\" on integration \"pagerduty-prod\"");
  CHECK(create(fake,
               body_of("pagerduty-prod", novu::endpoint_type::pagerduty_service,
                       novu::pagerduty_service_endpoint{"R0UTINGK3Y0000SECRET000000000001", novu::endpoint_region::us},
                       "sub-2"))
            .has_value());
  auto on_slack = pd;
  on_slack.integration_identifier = "slack-prod";
  auto wrong = create(fake, on_slack);
  CHECK(wrong.error().status == 400);
  CHECK(message_of(wrong.error()) == "Channel endpoint type \"pagerduty_service\" requires a PagerDuty integration");
  auto og =
      body_of("slack-prod", novu::endpoint_type::opsgenie_integration,
              novu::opsgenie_integration_endpoint{"5ec2e7a1-a25a-4652-883c-73703b12ab34", novu::endpoint_region::eu});
  CHECK(message_of(create(fake, og).error()) ==
        "Channel endpoint type \"opsgenie_integration\" requires an Opsgenie integration");
  auto hook = body_of("grafana-prod", novu::endpoint_type::tool_webhook,
                      novu::tool_webhook_endpoint{"https://hooks.example.com/cap", std::nullopt, std::nullopt});
  CHECK(create(fake, hook).error().status == 400);
  CHECK(fake.endpoints().size() == 2);
}

TEST_CASE("fake endpoints: create validation answers the server's ValidationErrorDto") {
  novu::fake_novu fake(all_integrations());
  // An unknown type: the DTO's IsEnum and the endpoint schema both refuse it.
  auto unknown = novu::endpoints::parse_create_response(create_json(
      fake, R"({"subscriberId":"s","integrationIdentifier":"slack-prod","type":"carrier_pigeon","endpoint":{"a":1}})"));
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().status == 422);
  REQUIRE(unknown.error().api->errors->size() == 2);
  CHECK((*unknown.error().api->errors)[0].field == "type");
  CHECK((*unknown.error().api->errors)[0].messages.front().rfind(
            "type must be one of the following values: slack_channel,", 0) == 0);
  CHECK((*unknown.error().api->errors)[1].field == "endpoint");
  CHECK((*unknown.error().api->errors)[1].messages.front() ==
        "Endpoint must match the required format for type \"carrier_pigeon\"");

  // An endpoint without a required member, or of the wrong shape.
  auto missing = only_violation(create_json(
      fake, R"({"subscriberId":"s","integrationIdentifier":"slack-prod","type":"slack_channel","endpoint":{}})"));
  CHECK(missing.field == "endpoint");
  CHECK(missing.messages.front().find("channelId") != std::string::npos);
  CHECK(only_violation(create_json(fake, R"({"subscriberId":"s","integrationIdentifier":"slack-prod",)"
                                         R"("type":"phone","endpoint":"+1555"})"))
            .field == "endpoint");
  // A bad identifier, a missing subscriberId or type.
  CHECK(only_violation(create_json(fake, R"({"identifier":7,"subscriberId":"s","integrationIdentifier":"slack-prod",)"
                                         R"("type":"slack_user","endpoint":{"userId":"U"}})"))
            .field == "identifier");
  CHECK(only_violation(create_json(fake, R"({"integrationIdentifier":"slack-prod","type":"slack_user",)"
                                         R"("endpoint":{"userId":"U"}})"))
            .field == "subscriberId");
  CHECK(only_violation(create_json(fake, R"({"subscriberId":"s","integrationIdentifier":"slack-prod",)"
                                         R"("endpoint":{"userId":"U"}})"))
            .field == "type");

  // What the server's schemas check beyond the members: the message names the type, never the value.
  struct row {
    const char* integration;
    novu::endpoint_type type;
    novu::endpoint_data endpoint;
  };
  const row rows[] = {
      {"webex-prod", novu::endpoint_type::webex_room, novu::webex_room_endpoint{"", std::nullopt}},
      {"webex-prod", novu::endpoint_type::webex_person, novu::webex_person_endpoint{"P", "p@example.com"}},
      {"webex-prod", novu::endpoint_type::webex_person, novu::webex_person_endpoint{}},
      {"pagerduty-prod", novu::endpoint_type::pagerduty_service,
       novu::pagerduty_service_endpoint{"SHORTSECRETKEY", novu::endpoint_region::us}},
      {"pagerduty-prod", novu::endpoint_type::pagerduty_service,
       novu::pagerduty_service_endpoint{"R0UTINGK3Y0000SECRET000000000001", novu::endpoint_region{"ap"}}},
      {"opsgenie-prod", novu::endpoint_type::opsgenie_integration,
       novu::opsgenie_integration_endpoint{"NOT-A-GENIE-SECRET", novu::endpoint_region::us}},
      {"hook-prod", novu::endpoint_type::tool_webhook,
       novu::tool_webhook_endpoint{"ftp://hooks.example.com/SECRETCAP", std::nullopt, std::nullopt}},
      {"hook-prod", novu::endpoint_type::tool_webhook,
       novu::tool_webhook_endpoint{"https://hooks.example.com/SECRETCAP", std::nullopt, {novu::webhook_method{"GET"}}}},
  };
  for (const row& r : rows) {
    CAPTURE(r.type.value());
    const novu::http_response response = create_raw(fake, body_of(r.integration, r.type, r.endpoint));
    const novu::constraint_violation v = only_violation(response);
    CHECK(v.field == "endpoint");
    CHECK(v.messages.front() == "Endpoint must match the required format for type \"" + r.type.value() + "\"");
    CHECK(response.body.find("SECRET") == std::string::npos);
  }
  CHECK(fake.endpoints().empty());
}

TEST_CASE("fake endpoints: update replaces the payload, checked against the stored type") {
  novu::fake_novu fake(all_integrations());
  auto made = create(fake, slack_body());
  REQUIRE(made.has_value());
  novu::update_channel_endpoint_request u;
  u.endpoint = novu::slack_channel_endpoint{"C2"};
  auto request = novu::endpoints::build_update_request(test_config(), made->identifier, u);
  REQUIRE(request.has_value());
  auto updated = novu::endpoints::parse_update_response(fake.handle(*request));
  REQUIRE(updated.has_value());
  CHECK(std::get<novu::slack_channel_endpoint>(updated->endpoint).channel_id == "C2");
  CHECK(updated->type == novu::endpoint_type::slack_channel);
  CHECK(updated->created_at == made->created_at);
  CHECK(updated->updated_at > made->updated_at);
  CHECK(std::get<novu::slack_channel_endpoint>(retrieve(fake, made->identifier)->endpoint).channel_id == "C2");

  u.endpoint = novu::phone_endpoint{"+1555"};  // not a slack_channel payload
  auto wrong = novu::endpoints::parse_update_response(
      fake.handle(*novu::endpoints::build_update_request(test_config(), made->identifier, u)));
  CHECK(wrong.error().status == 400);
  CHECK(message_of(wrong.error()) == "Endpoint must match the required format for type \"slack_channel\"");
  CHECK(std::get<novu::slack_channel_endpoint>(retrieve(fake, made->identifier)->endpoint).channel_id == "C2");

  u.endpoint = novu::slack_channel_endpoint{"C3"};
  auto missing = novu::endpoints::parse_update_response(
      fake.handle(*novu::endpoints::build_update_request(test_config(), "nope", u)));
  CHECK(missing.error().status == 404);
  CHECK(message_of(missing.error()) ==
        "Channel endpoint with identifier \"nope\" not found in environment \"fake-environment\"");
  request->body = R"({"endpoint":"C3"})";
  auto invalid = novu::endpoints::parse_update_response(fake.handle(*request));
  CHECK(invalid.error().status == 422);
  request->body = R"({})";
  CHECK(novu::endpoints::parse_update_response(fake.handle(*request)).error().status == 422);

  // PagerDuty rotation: the schema still applies on update.
  auto pd = create(
      fake, body_of("pagerduty-prod", novu::endpoint_type::pagerduty_service,
                    novu::pagerduty_service_endpoint{"R0UTINGK3Y0000SECRET000000000001", novu::endpoint_region::us}));
  REQUIRE(pd.has_value());
  u.endpoint = novu::pagerduty_service_endpoint{"N3WR0UTINGK3Y000SECRET0000000002", novu::endpoint_region::eu};
  auto rotated = novu::endpoints::parse_update_response(
      fake.handle(*novu::endpoints::build_update_request(test_config(), pd->identifier, u)));
  REQUIRE(rotated.has_value());
  CHECK(std::get<novu::pagerduty_service_endpoint>(rotated->endpoint).region == novu::endpoint_region::eu);
  u.endpoint = novu::pagerduty_service_endpoint{"short", novu::endpoint_region::eu};
  CHECK(novu::endpoints::parse_update_response(
            fake.handle(*novu::endpoints::build_update_request(test_config(), pd->identifier, u)))
            .error()
            .status == 400);
}

TEST_CASE("fake endpoints: delete answers 204 and then 404") {
  novu::fake_novu fake;
  auto made = create(fake, slack_body());
  REQUIRE(made.has_value());
  auto request = novu::endpoints::build_delete_request(test_config(), made->identifier);
  const novu::http_response response = fake.handle(*request);
  CHECK(response.status == 204);
  CHECK(novu::endpoints::parse_delete_response(response).has_value());
  CHECK(fake.endpoints().empty());
  auto again = novu::endpoints::parse_delete_response(fake.handle(*request));
  CHECK(again.error().status == 404);
  CHECK(message_of(again.error()) == "Channel endpoint with identifier '" + made->identifier + "' not found");
  auto gone = retrieve(fake, made->identifier);
  CHECK(gone.error().status == 404);
  CHECK(gone.error().api->path == "/v1/channel-endpoints/" + made->identifier);
}

TEST_CASE("fake endpoints: deleting a connection leaves its endpoints") {
  novu::fake_novu fake;
  const std::string connection = add_connection(fake, "slack-prod", {});
  auto body = slack_body();
  body.connection_identifier = connection;
  auto made = create(fake, body);
  REQUIRE(made.has_value());
  CHECK(fake.handle(*novu::connections::build_delete_request(test_config(), connection)).status == 204);
  CHECK(fake.connections().empty());
  auto kept = retrieve(fake, made->identifier);
  REQUIRE(kept.has_value());
  CHECK(kept->connection_identifier == std::optional<std::string>(connection));
  novu::list_channel_endpoints_params p;
  p.connection_identifier = connection;
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{made->identifier});
  CHECK(create(fake, body).error().status == 404);  // but a new endpoint cannot name it
}

TEST_CASE("fake endpoints: every list filter, order and cursor") {
  novu::fake_novu fake(all_integrations());
  const std::string conn = add_connection(fake, "slack-prod", {});
  auto with = [](novu::create_channel_endpoint_request b, const char* id) {
    b.identifier = id;
    return b;
  };
  auto a = with(slack_body("a"), "e-a");
  a.context = std::vector<novu::context_entry>{{"tenant", "t1", std::nullopt}};
  auto b = with(slack_body("b"), "e-b");
  b.context = std::vector<novu::context_entry>{{"tenant", "t1", std::nullopt}, {"region", "eu", std::nullopt}};
  b.connection_identifier = conn;
  auto c =
      with(body_of("msteams-prod", novu::endpoint_type::ms_teams_user, novu::ms_teams_user_endpoint{"U"}, "a"), "e-c");
  auto d = with(
      body_of("pagerduty-prod", novu::endpoint_type::pagerduty_service,
              novu::pagerduty_service_endpoint{"R0UTINGK3Y0000SECRET000000000001", novu::endpoint_region::us}, "d"),
      "e-d");
  for (const auto& body : {a, b, c, d}) REQUIRE(create(fake, body).has_value());

  novu::list_channel_endpoints_params p;
  auto all = list(fake, p);
  CHECK(identifiers(all) == std::vector<std::string>{"e-d", "e-c", "e-b", "e-a"});  // DESC by default
  CHECK(all->total_count == 4);
  p.subscriber_id = "a";
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-c", "e-a"});
  p = {};
  p.channel = novu::channel_type::tool;
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-d"});
  p = {};
  p.provider_id = novu::provider_id::msteams;
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-c"});
  p = {};
  p.integration_identifier = "slack-prod";
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-b", "e-a"});
  p = {};
  p.connection_identifier = conn;
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-b"});
  p = {};
  p.context_keys = std::vector<std::string>{"region:eu", "tenant:t1"};  // exact, any order
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-b"});
  p.context_keys = std::vector<std::string>{"tenant:t1"};
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-a"});
  p.context_keys = std::vector<std::string>{};  // contextKeys= : endpoints without context
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-d", "e-c"});
  p = {};
  p.subscriber_id = "a";
  p.integration_identifier = "msteams-prod";
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-c"});  // filters combine

  p = {};
  p.order_direction = novu::order_direction::ascending;
  p.limit = 3;
  auto first = list(fake, p);
  CHECK(identifiers(first) == std::vector<std::string>{"e-a", "e-b", "e-c"});
  CHECK(first->next == std::optional<std::string>("e-c"));
  CHECK_FALSE(first->previous.has_value());
  p.after = first->next;
  auto second = list(fake, p);
  CHECK(identifiers(second) == std::vector<std::string>{"e-d"});
  CHECK(second->previous == std::optional<std::string>("e-d"));
  CHECK_FALSE(second->next.has_value());
  p.include_cursor = true;
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-c", "e-d"});
  p = {};
  p.order_direction = novu::order_direction::ascending;
  p.before = "e-c";
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-a", "e-b"});

  // orderBy updatedAt: an update moves e-a last.
  novu::update_channel_endpoint_request u;
  u.endpoint = novu::slack_channel_endpoint{"C9"};
  REQUIRE(fake.handle(*novu::endpoints::build_update_request(test_config(), "e-a", u)).status == 200);
  p = {};
  p.order_by = novu::order_by::updated_at;
  p.order_direction = novu::order_direction::ascending;
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-b", "e-c", "e-d", "e-a"});
  p.order_by = novu::order_by::created_at;
  CHECK(identifiers(list(fake, p)) == std::vector<std::string>{"e-a", "e-b", "e-c", "e-d"});

  p = {};
  p.after = "no-such-cursor";  // an empty page, like the server
  auto unknown = list(fake, p);
  CHECK(unknown->data.empty());
  CHECK(unknown->total_count == 0);
  auto request = novu::endpoints::build_list_request(test_config(), {});
  request->path = "/v1/channel-endpoints?after=e-a&before=e-b";
  auto both = novu::endpoints::parse_list_response(fake.handle(*request));
  CHECK(both.error().status == 400);
  CHECK(message_of(both.error()) == "Cannot specify both \"before\" and \"after\" cursors at the same time.");
  request->path = "/v1/channel-endpoints?limit=0";
  auto bad_limit = novu::endpoints::parse_list_response(fake.handle(*request));
  CHECK(bad_limit.error().status == 422);
  CHECK((*bad_limit.error().api->errors)[0].field == "limit");
  request->path = "/v1/channel-endpoints?orderBy=type";
  CHECK(fake.handle(*request).status == 422);
}

TEST_CASE("fake endpoints: walking the next cursors yields each endpoint once, in order (property)") {
  std::mt19937 rng(20260101);
  for (int round = 0; round < 40; ++round) {
    novu::fake_novu fake(all_integrations());
    const int count = std::uniform_int_distribution<int>(0, 45)(rng);
    std::vector<std::string> created;  // in creation order
    for (int i = 0; i < count; ++i) {
      const std::string subscriber = "s" + std::to_string(std::uniform_int_distribution<int>(0, 2)(rng));
      auto made = create(fake, slack_body(subscriber, "C" + std::to_string(i)));
      REQUIRE(made.has_value());
      created.push_back(made->identifier);
    }
    // Seeded endpoints with one timestamp: ties fall back to the order they were stored in.
    const int tied = std::uniform_int_distribution<int>(0, 4)(rng);
    for (int i = 0; i < tied; ++i) {
      novu::channel_endpoint e;
      e.identifier =
          "tied-" + std::to_string(std::uniform_int_distribution<int>(0, 1 << 20)(rng)) + "-" + std::to_string(i);
      e.subscriber_id = "s0";
      e.type = novu::endpoint_type::slack_user;
      e.endpoint = novu::slack_user_endpoint{"U"};
      e.created_at = "2030-01-01T00:00:00.000Z";  // after every created one
      e.updated_at = e.created_at;
      fake.put(e);
      created.push_back(e.identifier);
    }
    const bool descending = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
    std::vector<std::string> expected = created;
    if (descending) std::reverse(expected.begin(), expected.end());
    CAPTURE(round);
    CAPTURE(count);
    novu::list_channel_endpoints_params params;
    params.order_direction = descending ? novu::order_direction::descending : novu::order_direction::ascending;
    params.limit = std::uniform_int_distribution<int>(1, 12)(rng);
    std::vector<std::string> walked;
    std::optional<novu::list_channel_endpoints_params> next = params;
    std::size_t pages = 0;
    while (next && pages <= expected.size() + 1) {
      next->limit = std::uniform_int_distribution<int>(1, 12)(rng);  // a new page size each page
      auto page = list(fake, *next);
      REQUIRE(page.has_value());
      CHECK(page->total_count == static_cast<std::int64_t>(expected.size()));
      CHECK(page->data.size() <= static_cast<std::size_t>(*next->limit));
      for (const auto& e : page->data) walked.push_back(e.identifier);
      next = novu::endpoints::next_page_params(*next, *page);
      ++pages;
    }
    CHECK(walked == expected);
  }
}

TEST_CASE("fake endpoints: POST/PATCH idempotency replays the first answer and stores once") {
  novu::fake_novu fake;
  auto request = novu::endpoints::build_create_request(test_config(), slack_body(), {"idem-e1"});
  const novu::http_response a = fake.handle(*request);
  const novu::http_response b = fake.handle(*request);
  CHECK(a.status == 201);
  CHECK(b.status == 201);
  CHECK(a.body == b.body);
  CHECK(novu::find_header(b.headers, "idempotency-replay")->value == "true");
  CHECK(fake.endpoints().size() == 1);
  auto other = novu::endpoints::build_create_request(test_config(), slack_body("t"), {"idem-e1"});
  CHECK(fake.handle(*other).status == 422);
  CHECK(fake.endpoints().size() == 1);

  const std::string id = novu::endpoints::parse_create_response(a)->identifier;
  novu::update_channel_endpoint_request u;
  u.endpoint = novu::slack_channel_endpoint{"C7"};
  auto patch = novu::endpoints::build_update_request(test_config(), id, u, {"idem-e2"});
  const novu::http_response first = fake.handle(*patch);
  const novu::http_response replay = fake.handle(*patch);
  CHECK(first.status == 200);
  CHECK(replay.body == first.body);  // same updatedAt: not applied twice
  fake.hold_idempotency_key("idem-e3");
  auto held = novu::endpoints::build_create_request(test_config(), slack_body("h"), {"idem-e3"});
  const novu::http_response busy = fake.handle(*held);
  CHECK(busy.status == 409);
  CHECK(novu::find_header(busy.headers, "retry-after")->value == "1");
  fake.release_idempotency_key("idem-e3");
  CHECK(fake.handle(*held).status == 201);
  CHECK(fake.endpoints().size() == 2);
}

TEST_CASE("fake endpoints: queued faults come first; a bad key is 401") {
  novu::fake_novu fake;
  novu::http_response limited{429, {{"Retry-After", "2"}}, "\"API rate limit exceeded\""};
  fake.enqueue_response(limited);
  fake.enqueue_response({500, {}, ""});
  auto first = create(fake, slack_body());
  CHECK(first.error().status == 429);
  CHECK(novu::endpoints::parse_list_response(fake.handle(*novu::endpoints::build_list_request(test_config(), {})))
            .error()
            .status == 500);
  CHECK(fake.endpoints().empty());
  CHECK(create(fake, slack_body()).has_value());
  CHECK(fake.request_count() == 3);
  auto request = novu::endpoints::build_retrieve_request(test_config(), "x");
  request->headers.erase(request->headers.begin());  // no Authorization
  CHECK(fake.handle(*request).status == 401);
}

TEST_CASE("fake endpoints: an endpoint of a type this version does not know is stored and returned raw") {
  novu::fake_novu fake;
  novu::channel_endpoint e;
  e.identifier = "future";
  e.subscriber_id = "s";
  e.type = novu::endpoint_type{"carrier_pigeon"};
  e.endpoint = novu::raw_alternative{*novu::parse_any_json(R"({"loft":"north","birds":3})")};
  e.created_at = "2026-01-01T00:00:00.000Z";
  e.updated_at = e.created_at;
  fake.put(e);
  auto back = retrieve(fake, "future");
  REQUIRE(back.has_value());
  CHECK(back->type.value() == "carrier_pigeon");
  REQUIRE(std::holds_alternative<novu::raw_alternative>(back->endpoint));
  CHECK(std::get<novu::raw_alternative>(back->endpoint).json.text == R"({"loft":"north","birds":3})");
  auto page = list(fake, {});
  REQUIRE(page.has_value());
  REQUIRE(page->data.size() == 1);
  CHECK(std::get<novu::raw_alternative>(page->data[0].endpoint).json.text == R"({"loft":"north","birds":3})");
  novu::update_channel_endpoint_request u;  // the server has no schema for it: 400
  u.endpoint = novu::raw_alternative{*novu::parse_any_json(R"({"loft":"south"})")};
  CHECK(fake.handle(*novu::endpoints::build_update_request(test_config(), "future", u)).status == 400);
  CHECK(fake.handle(*novu::endpoints::build_delete_request(test_config(), "future")).status == 204);
}

TEST_CASE("fake endpoints: the connections beside them answer as before") {
  novu::fake_novu fake;
  novu::client<novu::fake_novu::sync_transport> client(test_config(), fake.transport());
  const std::string conn = add_connection(fake, "slack-prod", {});
  CHECK(conn == "slack-prod-sub-1-1");  // the connections' own identifiers
  auto body = slack_body();
  body.connection_identifier = conn;
  REQUIRE(create(fake, body).has_value());
  auto connections = client.list();
  REQUIRE(connections.has_value());
  CHECK(connections->total_count == 1);  // endpoints are not connections
  CHECK(list(fake, {})->total_count == 1);
  CHECK(client.retrieve(conn).has_value());
  CHECK(client.retrieve(fake.endpoints().front().identifier).error().status == 404);
  CHECK(retrieve(fake, conn).error().status == 404);
  novu::create_channel_connection_request dup;
  dup.integration_identifier = "slack-prod";
  dup.subscriber_id = "sub-1";
  dup.workspace.id = "W";
  dup.auth.access_token = "t";
  CHECK(client.create(dup).error().status == 409);
  CHECK(client.remove(conn).has_value());
  CHECK(fake.endpoints().size() == 1);
}
