// Contract test of the channel endpoints: the library's five requests (list, create, retrieve,
// PATCH update, delete on /v1/channel-endpoints), sent over libcurl to Prism mocking the
// endpoints' OpenAPI document (tests/data/openapi-channel-endpoints.json), for every endpoint
// type the document has, with realistic PagerDuty and Opsgenie keys, and every list filter.
// Each must be accepted (documented success status, no `sl-violations` header), use only
// documented names, and come back as a body the library's parsers decode: Prism's static
// examples, and its dynamic (schema-generated) answers. Requests broken on purpose must get 422,
// one without Authorization 401, which proves the mock validates. The copy's repaired patterns
// are checked against the original ones: the original ones reject every real key.
//
// Usage: endpoint_contract_test BASE_URL OPENAPI_JSON (tests/contract/run.sh starts Prism).
// Prints `ok <name>` or `FAIL <name>: <why>` per check, then `N passed, M failed`.
// SPDX-License-Identifier: MIT

#include <chrono>       // milliseconds
#include <cstdio>       // fprintf
#include <optional>     // nullopt
#include <regex>        // regex, regex_search
#include <string>       // string
#include <string_view>  // string_view
#include <variant>      // get_if
#include <vector>       // vector

#include "novu/novu.hpp"
#include "contract_support.hpp"

namespace {

using contract::describe;
using contract::exchange;
using contract::json;
using transport_test::checks;
using transport_test::failure_of;
using transport_test::with_key;

using contract::secret_key;
constexpr const char* collection = "/v1/channel-endpoints";
constexpr const char* item = "/v1/channel-endpoints/{identifier}";

// Keys in the providers' real formats: a PagerDuty Events API v2 integration key is 32 letters
// and digits, an Opsgenie API integration key (GenieKey) a UUID.
constexpr const char* pagerduty_key = "e93facc04764012d7bfb002500d5d1a6";
constexpr const char* opsgenie_key = "5ec2e7a1-a25a-4652-883c-73703b12ab34";

// One endpoint of each type the document has.
struct sample {
  std::string name;             // check names: "<op>.<name>"
  novu::endpoint_type type;     // its `type`
  novu::endpoint_data payload;  // its `endpoint`
  bool complete;                // every optional member of the payload is set
};

std::vector<sample> samples() {
  using t = novu::endpoint_type;
  return {
      {"slack_channel", t::slack_channel, novu::slack_channel_endpoint{"C0123ABCDEF"}, true},
      {"slack_user", t::slack_user, novu::slack_user_endpoint{"U0123ABCDEF"}, true},
      {"webhook", t::webhook, novu::webhook_endpoint{"https://hooks.example.com/novu/alerts", std::string("ops")},
       true},
      {"phone", t::phone, novu::phone_endpoint{"+14155550123"}, true},
      {"ms_teams_channel", t::ms_teams_channel,
       novu::ms_teams_channel_endpoint{"19:0f1e2d3c4b5a69788796a5b4c3d2e1f0@thread.tacv2",
                                       "19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2"},
       true},
      {"ms_teams_user", t::ms_teams_user, novu::ms_teams_user_endpoint{"29:1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuV"}, true},
      {"telegram_chat", t::telegram_chat, novu::telegram_chat_endpoint{"-1001234567890"}, true},
      {"webex_room", t::webex_room,
       novu::webex_room_endpoint{"Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQ",
                                 std::string("Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTA")},
       true},
      // The server wants exactly one of personId and personEmail: never complete.
      {"webex_person", t::webex_person, novu::webex_person_endpoint{std::nullopt, std::string("alex@example.com")},
       false},
      {"line_user", t::line_user, novu::line_user_endpoint{"U4af4980629d7a4b3e1a1c6b1d1c2e3f4"}, true},
      {"pagerduty_service", t::pagerduty_service,
       novu::pagerduty_service_endpoint{pagerduty_key, novu::endpoint_region::us}, true},
      {"opsgenie_integration", t::opsgenie_integration,
       novu::opsgenie_integration_endpoint{opsgenie_key, novu::endpoint_region::eu}, true},
  };
}

// A create body of `s` with every optional field set: identifier, createSubscriberIfMissing,
// context in both forms, connectionIdentifier.
novu::create_channel_endpoint_request full_create_body(const sample& s) {
  novu::create_channel_endpoint_request body;
  body.identifier = s.name + "-subscriber-123-abc4";
  body.subscriber_id = "subscriber-123";
  body.create_subscriber_if_missing = true;
  body.context = std::vector<novu::context_entry>{
      {"tenant", "org-acme", std::nullopt},
      {"region", "us-east-1", novu::any_json::from_text(novu::json_type::object, R"({"name":"US East","zones":3})")},
  };
  body.integration_identifier = s.name + "-prod";
  body.connection_identifier = s.name + "-connection-abc123";
  body.type = s.type;
  body.endpoint = s.payload;
  return body;
}

// Every list filter set, with values the document allows; one cursor only (the builder refuses
// `after` with `before`, as the server does).
novu::list_channel_endpoints_params all_filters() {
  novu::list_channel_endpoints_params p;
  p.after = "cursor-after";
  p.limit = 100;
  p.order_direction = novu::order_direction::ascending;
  p.order_by = novu::order_by::created_at;
  p.include_cursor = true;
  p.subscriber_id = "subscriber-123";
  p.channel = novu::channel_type::chat;
  p.provider_id = novu::provider_id::slack;
  p.integration_identifier = "slack-prod";
  p.connection_identifier = "slack-connection-abc123";
  p.context_keys = std::vector<std::string>{"tenant:org-123", "region:us-east-1"};
  return p;
}

// Why a decoded endpoint is not the document's static example (a Slack channel endpoint).
std::string not_example_endpoint(const novu::channel_endpoint& e) {
  if (e.type.value() != novu::endpoint_type::slack_channel) return "type is \"" + std::string(e.type.value()) + "\"";
  const auto* slack = std::get_if<novu::slack_channel_endpoint>(&e.endpoint);
  if (slack == nullptr) return "endpoint is not decoded as a Slack channel";
  if (slack->channel_id != "C123456789") return "endpoint.channelId is \"" + slack->channel_id + "\"";
  if (e.subscriber_id != std::optional<std::string>("subscriber-123")) return "subscriberId is not the example";
  if (e.connection_identifier != std::optional<std::string>("slack-connection-abc123")) {
    return "connectionIdentifier is not the example";
  }
  if (e.context_keys.size() != 2) return "contextKeys has " + std::to_string(e.context_keys.size()) + " entries";
  return {};
}

// Why the PATCH body is not exactly {"endpoint": <the payload the create of `s` sends>}: an
// update never loses members (the SDK sends {} for some types).
std::string not_same_payload(const novu::http_request& update, const novu::http_request& create) {
  const json u = json::parse(update.body, nullptr, false);
  const json c = json::parse(create.body, nullptr, false);
  if (u.is_discarded() || c.is_discarded() || !c.contains("endpoint")) return "a body is not JSON";
  if (u != json{{"endpoint", c["endpoint"]}}) return "update body " + u.dump() + ", create's endpoint " + c.dump();
  return {};
}

// The document's `pattern` and `x-original-pattern` of `schema`.`property`.
struct patterns {
  std::string fixed;
  std::string original;
};
std::optional<patterns> patterns_of(const json& doc, const std::string& schema, const std::string& property) {
  const json::json_pointer at("/components/schemas/" + schema + "/properties/" + property);
  if (!doc.contains(at)) return std::nullopt;
  const json& node = doc[at];
  return patterns{node.value("pattern", ""), node.value("x-original-pattern", "")};
}

// Whether `pattern` matches somewhere in `text`, as JSON Schema validators (Ajv in Prism:
// `new RegExp(pattern, "u").test(text)`) apply it: ECMAScript syntax, unanchored search.
bool pattern_matches(const std::string& pattern, const std::string& text) {
  return std::regex_search(text, std::regex(pattern, std::regex::ECMAScript));
}

// Why the repaired pattern does not accept `real_key`, or the original accepts it: the copy's
// fix is what lets real keys through.
std::string pattern_problem(const json& doc, const std::string& schema, const std::string& property,
                            const std::string& real_key) {
  const std::optional<patterns> p = patterns_of(doc, schema, property);
  if (!p) return "the document has no " + schema + "." + property;
  if (p->original.empty()) return "no x-original-pattern: is the copy generated by trim_openapi.py?";
  if (!pattern_matches(p->fixed, real_key)) return "the copy's pattern " + p->fixed + " rejects a real key";
  if (pattern_matches(p->original, real_key)) return "the original pattern " + p->original + " accepts a real key";
  return {};
}

// `request` with a `Prefer` header for Prism (e.g. "dynamic=true": an answer generated from the
// schema instead of the static example).
novu::http_request preferring(novu::http_request request, const std::string& preference) {
  request.headers.push_back({"Prefer", preference});
  return request;
}

}  // namespace

int main(int argc, char** argv) {
  return contract::contract_main(argc, argv, [](checks& out, const contract::setup& with) {
    const json& doc = with.doc;
    const novu::client_config& config = with.config;
    const novu_examples::curl_transport& transport = with.transport;

    auto endpoint_is_example = [](const novu::result<novu::channel_endpoint>& e) { return not_example_endpoint(*e); };
    auto page_is_example = [](const novu::result<novu::channel_endpoint_page>& page) -> std::string {
      if (page->data.empty()) return "the page holds no endpoint";
      return not_example_endpoint(page->data.front());
    };

    // The repaired patterns let real keys through; the original ones would have refused them.
    out.record("pattern.pagerduty_routing_key",
               pattern_problem(doc, "PagerDutyServiceEndpointDto", "routingKey", pagerduty_key));
    out.record("pattern.opsgenie_api_key",
               pattern_problem(doc, "OpsgenieIntegrationEndpointDto", "apiKey", opsgenie_key));

    // List: every filter (with `after`), `before` alone, and the empty contextKeys filter.
    const novu::result<novu::http_request> list =
        novu::endpoints::build_list_request(config, all_filters(), with_key("contract-ep-list"));
    if (list) {
      out.record("list.query_names", contract::query_names_problem(doc, collection, *list, "contextKeys", "before"));
    }
    exchange(out, transport, "list", list, 200, &novu::endpoints::parse_list_response, page_is_example);
    novu::list_channel_endpoints_params before_only;
    before_only.before = "cursor-before";
    exchange(out, transport, "list_before",
             novu::endpoints::build_list_request(config, before_only, with_key("contract-ep-list-before")), 200,
             &novu::endpoints::parse_list_response, page_is_example);
    novu::list_channel_endpoints_params no_context;
    no_context.context_keys = std::vector<std::string>{};
    exchange(out, transport, "list_without_context",
             novu::endpoints::build_list_request(config, no_context, with_key("contract-ep-list-empty")), 200,
             &novu::endpoints::parse_list_response, page_is_example);

    // Create, retrieve, update and delete, for every type.
    for (const sample& s : samples()) {
      const novu::create_channel_endpoint_request body = full_create_body(s);
      const novu::result<novu::http_request> create =
          novu::endpoints::build_create_request(config, body, with_key("contract-ep-create-" + s.name));
      if (create) {
        out.record("create_names." + s.name,
                   contract::body_names_problem(doc, collection, "post", *create, s.complete));
      }
      exchange(out, transport, "create." + s.name, create, 201, &novu::endpoints::parse_create_response,
               endpoint_is_example);

      // The required fields only: createSubscriberIfMissing is not sent when not set.
      novu::create_channel_endpoint_request minimal;
      minimal.subscriber_id = body.subscriber_id;
      minimal.integration_identifier = body.integration_identifier;
      minimal.type = s.type;
      minimal.endpoint = s.payload;
      const novu::result<novu::http_request> create_minimal =
          novu::endpoints::build_create_request(config, minimal, with_key("contract-ep-create-min-" + s.name));
      if (create_minimal) {
        out.record("create_minimal_names." + s.name,
                   create_minimal->body.find("createSubscriberIfMissing") != std::string::npos
                       ? "createSubscriberIfMissing sent although not set: " + create_minimal->body
                       : contract::body_names_problem(doc, collection, "post", *create_minimal, false));
      }
      exchange(out, transport, "create_minimal." + s.name, create_minimal, 201, &novu::endpoints::parse_create_response,
               endpoint_is_example);

      const std::string identifier = *body.identifier;
      exchange(out, transport, "retrieve." + s.name,
               novu::endpoints::build_retrieve_request(config, identifier, with_key("contract-ep-get-" + s.name)), 200,
               &novu::endpoints::parse_retrieve_response, endpoint_is_example);

      const novu::result<novu::http_request> update =
          novu::endpoints::build_update_request(config, identifier, novu::update_channel_endpoint_request{s.payload},
                                                with_key("contract-ep-patch-" + s.name));
      if (update && create) {
        std::string why = contract::body_names_problem(doc, item, "patch", *update, false);
        if (why.empty()) why = not_same_payload(*update, *create);
        out.record("update_shape." + s.name, why);
      }
      exchange(out, transport, "update." + s.name, update, 200, &novu::endpoints::parse_update_response,
               endpoint_is_example);

      exchange(out, transport, "delete." + s.name,
               novu::endpoints::build_delete_request(config, identifier, with_key("contract-ep-delete-" + s.name)), 204,
               &novu::endpoints::parse_delete_response, [](const novu::result<void>&) { return std::string(); });
    }

    // An identifier that needs percent-encoding reaches the documented path.
    exchange(out, transport, "retrieve_encoded_identifier",
             novu::endpoints::build_retrieve_request(config, "ops alerts:eu", with_key("contract-ep-get-encoded")), 200,
             &novu::endpoints::parse_retrieve_response, endpoint_is_example);

    // Dynamic answers, generated from the schema: every field varies, and `type` and `endpoint`
    // are drawn independently (the document cannot tie one to the other; the server always sends
    // the payload of its type). Each must decode, or fail only as a decode error inside
    // `endpoint` (a payload that is not the one its type names), never crash or fail elsewhere.
    const novu::result<novu::http_request> dynamic_base =
        novu::endpoints::build_retrieve_request(config, "dynamic-1", with_key("contract-ep-dynamic"));
    if (dynamic_base) {
      int decoded = 0;
      int mismatched = 0;
      std::string why;
      for (int i = 0; i < 30 && why.empty(); ++i) {
        const novu::http_request request = preferring(*dynamic_base, "dynamic=true");
        const novu::transport_result answer = transport(request);
        why = contract::not_accepted(request, answer, 200);
        if (!why.empty()) break;
        const auto parsed = novu::endpoints::parse_retrieve_response(*answer);
        if (parsed) {
          ++decoded;
          if (parsed->type.is_known() && parsed->endpoint.index() == 0) why = "a known type decoded as raw JSON";
        } else if (parsed.error().kind == novu::error_kind::decode &&
                   parsed.error().location.rfind("/endpoint", 0) == 0) {
          ++mismatched;
        } else {
          why = failure_of(parsed) + " for " + contract::clip(answer->body);
        }
      }
      out.record("retrieve_dynamic", why);
      out.note("retrieve_dynamic", std::to_string(decoded) + " decoded, " + std::to_string(mismatched) +
                                       " with a payload of another type than theirs (decode error in /endpoint)");
    }

    // Prism validates: keys of the wrong form are refused (the patterns are applied), and so are
    // the types SDK 3.19.1 knows but the document does not.
    struct refused {
      std::string name;
      novu::endpoint_type type;
      novu::endpoint_data payload;
    };
    const refused refusals[] = {
        {"pagerduty_key_31_characters", novu::endpoint_type::pagerduty_service,
         novu::pagerduty_service_endpoint{std::string(pagerduty_key).substr(1), novu::endpoint_region::us}},
        {"pagerduty_key_not_alphanumeric", novu::endpoint_type::pagerduty_service,
         novu::pagerduty_service_endpoint{"e93facc0-4764-012d-7bfb-002500d5", novu::endpoint_region::us}},
        {"opsgenie_key_not_a_genie_key", novu::endpoint_type::opsgenie_integration,
         novu::opsgenie_integration_endpoint{pagerduty_key, novu::endpoint_region::us}},
        {"grafana_oncall_not_in_document", novu::endpoint_type::grafana_oncall_integration,
         novu::grafana_oncall_endpoint{"https://oncall.example.com/integrations/v1/formatted_webhook/abc/",
                                       std::string("grafana-token-123")}},
        {"tool_webhook_not_in_document", novu::endpoint_type::tool_webhook,
         novu::tool_webhook_endpoint{"https://tools.example.com/incoming",
                                     std::vector<novu::webhook_header>{{"Authorization", "Bearer tool-token"}},
                                     novu::webhook_method(novu::webhook_method::put)}},
    };
    for (const refused& r : refusals) {
      novu::create_channel_endpoint_request body;
      body.subscriber_id = "subscriber-123";
      body.integration_identifier = "prod";
      body.type = r.type;
      body.endpoint = r.payload;
      const novu::result<novu::http_request> create =
          novu::endpoints::build_create_request(config, body, with_key("contract-ep-refused-" + r.name));
      if (!create) {
        out.record("refused." + r.name + ".built", failure_of(create));
        continue;
      }
      const novu::transport_result answer = transport(*create);
      out.record("refused." + r.name + ".422", contract::not_rejected(*create, answer));
      if (answer) {
        const auto parsed = novu::endpoints::parse_create_response(*answer);
        out.record("refused." + r.name + ".parsed_as_error",
                   parsed                                    ? "the parser accepted a " + std::to_string(answer->status)
                   : parsed.error().status != answer->status ? "error status " + std::to_string(parsed.error().status)
                                                             : std::string());
      }
    }

    // An update whose endpoint is not an object, put in around the builder.
    const novu::result<novu::http_request> update = novu::endpoints::build_update_request(
        config, "slack-channel-user123-abc4", novu::update_channel_endpoint_request{novu::slack_channel_endpoint{"C1"}},
        with_key("contract-ep-bad-update"));
    if (update) {
      novu::http_request bad = *update;
      bad.body = R"({"endpoint":"C1"})";
      const novu::transport_result answer = transport(bad);
      out.record("invalid_update.rejected_422", contract::not_rejected(bad, answer));
      if (answer) {
        const auto parsed = novu::endpoints::parse_update_response(*answer);
        out.record("invalid_update.parsed_as_error", parsed ? "the parser accepted a 422"
                                                     : parsed.error().status != 422
                                                         ? "error status " + std::to_string(parsed.error().status)
                                                         : std::string());
      }
    }

    // Without Authorization, the security scheme is not met.
    contract::check_unauthorized(
        out, transport,
        novu::endpoints::build_retrieve_request(config, "slack-channel-user123-abc4", with_key("contract-ep-401")),
        [](const novu::http_response& r) { return novu::endpoints::parse_retrieve_response(r); });
  });
}
