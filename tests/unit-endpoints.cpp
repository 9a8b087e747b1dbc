// Channel endpoints beyond the recorded vectors: the cases where the official SDK corrupts data
// (it decodes `endpoint` by trying shapes in a fixed order), decoding by type whatever the member
// order, unknown types inside a page, the tool webhook's headers, request refusals, and the
// endpoint secrets in debug prints and error bodies.
#include <doctest/doctest.h>

#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "novu/core/printing.hpp"
#include "novu/novu.hpp"

namespace {

std::string response_json(const std::string& type, const std::string& endpoint, bool type_first = true) {
  const std::string head = R"({"identifier":"e1","channel":"chat","providerId":"slack","integrationIdentifier":"i",)"
                           R"("connectionIdentifier":null,"subscriberId":"s","contextKeys":[],)";
  const std::string tail = R"(,"createdAt":"c","updatedAt":"u"})";
  const std::string t = "\"type\":\"" + type + "\"";
  const std::string e = "\"endpoint\":" + endpoint;
  return head + (type_first ? t + "," + e : e + "," + t) + tail;
}

novu::client_config test_config() {
  novu::client_config config;
  config.secret_key = "sk_test_endpoints";
  config.server_url = "http://127.0.0.1:9";
  return config;
}

}  // namespace

TEST_CASE("endpoints: payloads the SDK corrupts come out whole, whichever member comes first") {
  struct row {
    const char* type;
    const char* endpoint;
  };
  // Shapes that a first-match-by-shape decoder gets wrong: MS Teams channels lose teamId,
  // Telegram / PagerDuty / Opsgenie become {}, tool webhooks and Grafana lose headers, method and
  // the auth token.
  const row rows[] = {
      {"ms_teams_channel", R"({"teamId":"19:team@thread","channelId":"19:chan@thread"})"},
      {"telegram_chat", R"({"chatId":"123456789"})"},
      {"pagerduty_service", R"({"routingKey":"R0UTINGK3Y0000SECRET000000000001","region":"eu"})"},
      {"opsgenie_integration", R"({"apiKey":"5ec2e7a1-a25a-4652-883c-73703b12ab34","region":"us"})"},
      {"tool_webhook",
       R"({"url":"https://hooks.example.com/cap/X","headers":{"X-Token":"abc","X-Team":"t"},"method":"PUT"})"},
      {"grafana_oncall_integration", R"({"url":"https://oncall.example.com/x","authToken":"graf-token-123456"})"},
      {"webex_person", R"({"personEmail":"a@example.com"})"},
      {"webhook", R"({"url":"https://example.com/hook","channel":"ops"})"},
  };
  for (const row& r : rows) {
    for (bool type_first : {true, false}) {
      CAPTURE(r.type);
      CAPTURE(type_first);
      novu::result<novu::channel_endpoint> e =
          novu::decode_channel_endpoint(response_json(r.type, r.endpoint, type_first));
      REQUIRE_MESSAGE(e.has_value(), e.error().message);
      CHECK(e->type.value() == r.type);
      CHECK(e->endpoint.index() != 0);
      // Everything the server sent is still there when encoded again.
      const nlohmann::json again = nlohmann::json::parse(*novu::encode_json(*e));
      CHECK(again["endpoint"] == nlohmann::json::parse(r.endpoint));
      // And an update of it sends the same payload, never {} (the update body has no type).
      novu::update_channel_endpoint_request update{e->endpoint};
      CHECK(nlohmann::json::parse(*novu::encode_json(update)) ==
            nlohmann::json{{"endpoint", nlohmann::json::parse(r.endpoint)}});
    }
  }
  novu::result<novu::channel_endpoint> teams =
      novu::decode_channel_endpoint(response_json("ms_teams_channel", R"({"teamId":"T","channelId":"C"})", false));
  REQUIRE(teams.has_value());
  const auto* t = std::get_if<novu::ms_teams_channel_endpoint>(&teams->endpoint);
  REQUIRE(t != nullptr);
  CHECK(t->team_id == "T");
  CHECK(t->channel_id == "C");
  novu::result<novu::channel_endpoint> tool =
      novu::decode_channel_endpoint(response_json("tool_webhook", rows[4].endpoint));
  REQUIRE(tool.has_value());
  const auto& hook = std::get<novu::tool_webhook_endpoint>(tool->endpoint);
  REQUIRE(hook.headers.has_value());
  REQUIRE(hook.headers->size() == 2);
  CHECK((*hook.headers)[0].name == "X-Token");
  CHECK((*hook.headers)[0].value == "abc");
  CHECK(hook.method == std::optional<novu::webhook_method>(novu::webhook_method::put));
}

TEST_CASE("endpoints: a page of mixed types decodes each by its own type, an unknown one raw") {
  const std::string page = "{\"data\":[" + response_json("slack_channel", R"({"channelId":"C1"})") + "," +
                           response_json("carrier_pigeon", R"({"loft":"roof","birds":[1,2]})", false) + "," +
                           response_json("phone", R"({"phoneNumber":"+1555"})", false) +
                           R"(],"next":null,"previous":null,"totalCount":3,"totalCountCapped":false})";
  novu::result<novu::channel_endpoint_page> p = novu::decode_channel_endpoint_page(page);
  REQUIRE_MESSAGE(p.has_value(), p.error().message);
  REQUIRE(p->data.size() == 3);
  CHECK(std::get_if<novu::slack_channel_endpoint>(&p->data[0].endpoint) != nullptr);
  const auto* raw = std::get_if<novu::raw_alternative>(&p->data[1].endpoint);
  REQUIRE(raw != nullptr);
  CHECK(raw->json.text == R"({"loft":"roof","birds":[1,2]})");
  CHECK(std::get<novu::phone_endpoint>(p->data[2].endpoint).phone_number == "+1555");
}

TEST_CASE("endpoints: wrong shapes are decode errors at the payload's pointer") {
  struct row {
    std::string body;
    std::string location;
  };
  const row rows[] = {
      {"{\"data\":" + response_json("webex_room", R"({"parentId":"p"})") + "}", "/data/endpoint/roomId"},
      {"{\"data\":" + response_json("webex_room", R"({"parentId":"p"})", false) + "}", "/data/endpoint/roomId"},
      {response_json("ms_teams_channel", R"({"channelId":"C"})", false), "/endpoint/teamId"},
      {response_json("pagerduty_service", R"({"routingKey":"k"})"), "/endpoint/region"},
      {response_json("tool_webhook", R"({"url":"u","headers":{"X":{"nested":1}}})"), "/endpoint/headers/X"},
      {response_json("tool_webhook", R"({"url":"u","headers":{"X":1}})", false), "/endpoint/headers/X"},
      {response_json("phone", R"("+1555")"), "/endpoint"},
  };
  for (const row& r : rows) {
    CAPTURE(r.body);
    novu::result<novu::channel_endpoint> e = novu::decode_channel_endpoint(r.body);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().kind == novu::error_kind::decode);
    CHECK(e.error().location == r.location);
  }
  // decode_endpoint_data locates inside the payload it was given.
  novu::result<novu::endpoint_data> d =
      novu::decode_endpoint_data(novu::endpoint_type::webex_room, R"({"parentId":"p"})");
  REQUIRE_FALSE(d.has_value());
  CHECK(d.error().location == "/roomId");
  CHECK(d.error().message.rfind("/roomId: ", 0) == 0);
  novu::result<novu::endpoint_data> unknown = novu::decode_endpoint_data(novu::endpoint_type("new_type"), R"({"a":1})");
  REQUIRE(unknown.has_value());
  CHECK(std::get<novu::raw_alternative>(*unknown).json.text == R"({"a":1})");
}

TEST_CASE("endpoints: builders refuse what the server would refuse, or what would be sent wrong") {
  const novu::client_config config = test_config();
  novu::create_channel_endpoint_request body;
  body.subscriber_id = "s";
  body.integration_identifier = "slack-prod";
  body.type = novu::endpoint_type::slack_channel;
  body.endpoint = novu::slack_channel_endpoint{"C1"};
  REQUIRE(novu::endpoints::build_create_request(config, body).has_value());
  CHECK(novu::endpoints::build_create_request(config, body)->body.find("createSubscriberIfMissing") ==
        std::string::npos);

  auto refused_at = [&](novu::create_channel_endpoint_request b) {
    novu::result<novu::http_request> r = novu::endpoints::build_create_request(config, b);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == novu::error_kind::invalid_argument);
    return r.error().location;
  };
  novu::create_channel_endpoint_request b = body;
  b.subscriber_id.clear();
  CHECK(refused_at(b) == "subscriberId");
  b = body;
  b.integration_identifier.clear();
  CHECK(refused_at(b) == "integrationIdentifier");
  b = body;
  b.type = novu::endpoint_type{};
  CHECK(refused_at(b) == "type");
  b = body;
  b.type = novu::endpoint_type::phone;  // a Slack payload under the phone type
  CHECK(refused_at(b) == "/endpoint");
  b = body;
  b.endpoint = novu::raw_alternative{novu::any_json::from_text(novu::json_type::object, R"({"channelId":"C"})")};
  CHECK(refused_at(b) == "/endpoint");  // raw JSON under a known type: build the typed one
  b.type = novu::endpoint_type("whatsapp_user");
  CHECK(novu::endpoints::build_create_request(config, b).has_value());  // raw JSON for an unknown type
  b = body;
  b.create_subscriber_if_missing = true;
  CHECK(novu::endpoints::build_create_request(config, b)->body.find("\"createSubscriberIfMissing\":true") !=
        std::string::npos);

  novu::list_channel_endpoints_params params;
  params.after = "a";
  params.before = "b";
  CHECK(novu::endpoints::build_list_request(config, params).error().location == "before");
  params.before.reset();
  params.limit = 0;
  CHECK(novu::endpoints::build_list_request(config, params).error().location == "limit");
  params.limit = 100;
  params.context_keys = std::vector<std::string>{"tenant:a", ""};
  CHECK(novu::endpoints::build_list_request(config, params).error().location == "contextKeys[1]");
  params.context_keys = std::vector<std::string>{};
  CHECK(novu::endpoints::build_list_request(config, params)->path ==
        "/v1/channel-endpoints?after=a&contextKeys=&limit=100");

  novu::update_channel_endpoint_request update{novu::webex_room_endpoint{"R", std::string("P")}};
  CHECK(novu::endpoints::build_update_request(config, "..", update).error().kind == novu::error_kind::invalid_argument);
  CHECK(novu::endpoints::build_update_request(config, "e1", update)->body ==
        R"({"endpoint":{"roomId":"R","parentId":"P"}})");
  novu::channel_endpoint_page page;
  page.next = "n";
  novu::list_channel_endpoints_params walk;
  walk.include_cursor = true;
  walk.connection_identifier = "c";
  const std::optional<novu::list_channel_endpoints_params> next = novu::endpoints::next_page_params(walk, page);
  REQUIRE(next.has_value());
  CHECK(next->after == std::optional<std::string>("n"));
  CHECK_FALSE(next->include_cursor.has_value());
  CHECK(next->connection_identifier == std::optional<std::string>("c"));
}

TEST_CASE("endpoints: the endpoint secrets never show in a debug print or an error body") {
  const std::string secrets[] = {"R0UTINGK3Y0000SECRET000000000001", "5ec2e7a1-a25a-4652-883c-73703b12ab34",
                                 "https://hooks.example.com/cap/SECRETCAP0001", "graf-token-secret-1234",
                                 "header-secret-value-987"};
  const std::string bodies[] = {
      response_json("pagerduty_service", R"({"routingKey":"R0UTINGK3Y0000SECRET000000000001","region":"us"})"),
      response_json("opsgenie_integration", R"({"apiKey":"5ec2e7a1-a25a-4652-883c-73703b12ab34","region":"us"})"),
      response_json(
          "tool_webhook",
          R"({"url":"https://hooks.example.com/cap/SECRETCAP0001","headers":{"X-Key":"header-secret-value-987","X-Plain":"header-secret-value-987"}})"),
      response_json("grafana_oncall_integration",
                    R"({"url":"https://oncall.example.com","authToken":"graf-token-secret-1234"})"),
  };
  for (const std::string& body : bodies) {
    CAPTURE(body);
    novu::http_response response;
    response.status = 200;
    response.body = body;
    const std::string printed = novu::to_debug_string(response);
    const std::string masked = novu::redact_json_secrets(body);
    // The same body in a 400 whose message quotes nothing: its body is what an error keeps.
    response.status = 400;
    response.body =
        R"({"statusCode":400,"timestamp":"t","path":"/v1/channel-endpoints","message":"bad","echo":)" + body + "}";
    const novu::error e = novu::error_from_response(response);
    for (const std::string& s : secrets) {
      CHECK(printed.find(s) == std::string::npos);
      CHECK(masked.find(s) == std::string::npos);
      CHECK(e.body.find(s) == std::string::npos);
      CHECK(novu::to_debug_string(e).find(s) == std::string::npos);
    }
  }
}
