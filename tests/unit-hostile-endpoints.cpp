// Hostile-input catalogue of the channel endpoints: payloads of another type's shape for each of
// the 14 types (with `type` before and after `endpoint`), repeated and ill-typed `type` members,
// deep and huge raw payloads of unknown types, endpoints that are not objects, invalid UTF-8,
// tool webhook headers that are not strings, a page with one hostile element, and a hostile
// server echoing the endpoint secrets of tests/data/endpoint-vectors.meta.json. Every row names
// its exact outcome (success, or an error kind and its location) and runs through the secrets
// scan of tests/secret_check.hpp.
// NOVU_CC_TEST_HEADER_ONLY
// (built in header-only mode, in novu_tests_header_only: it reads the implementation's internals (core/detail), which
// the fast-compile mode does not declare)
#include <doctest/doctest.h>

#include <cstddef>     // size_t
#include <functional>  // function
#include <string>      // string
#include <utility>     // move
#include <variant>     // get_if
#include <vector>      // vector

#include <nlohmann/json.hpp>

#include "novu/core/printing.hpp"
#include "novu/novu.hpp"
#include "secret_check.hpp"
#include "test_support.hpp"

namespace {

// What a row produced: the error when it failed, what a success decoded to otherwise.
struct outcome {
  bool ok = false;
  novu::error err;
  std::size_t index = 0;           // the alternative of a decoded endpoint
  std::string encoded;             // a success re-encoded
  std::vector<std::string> notes;  // row-specific checks that failed
};

// What a row must produce.
struct expectation {
  bool ok = true;
  novu::error_kind kind = novu::error_kind::decode;
  std::string location;
  std::size_t index = 0;  // with ok and a non-zero value: the decoded alternative
};

expectation ok_as(std::size_t index = 0) { return {true, novu::error_kind::decode, "", index}; }
expectation fails(novu::error_kind kind, std::string location) { return {false, kind, std::move(location), 0}; }

struct row {
  std::string name;
  expectation expect;
  std::function<outcome()> run;
};

// The endpoint secrets the vectors' meta file names, and the other secrets of this file.
const std::vector<std::string>& secrets() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> out;
    const nlohmann::json meta =
        nlohmann::json::parse(test_support::read_data_file("endpoint-vectors.meta.json"), nullptr, false);
    for (const auto& s : meta["conventions"]["endpoint_secrets"]) out.push_back(s.get<std::string>());
    out.push_back("graf-token-SECRET-4242");
    out.push_back("header-SECRET-value-77");
    return out;
  }();
  return all;
}
const std::string& routing_key() { return secrets()[0]; }
const std::string& api_key() { return secrets()[1]; }
const std::string& capability_url() { return secrets()[2]; }
const std::string& grafana_token() { return secrets()[3]; }
const std::string& header_value() { return secrets()[4]; }

// One valid payload per type, in endpoint_data's order, holding the secrets where the type has
// them.
std::vector<std::string> valid_payloads() {
  return {
      R"({"channelId":"C1"})",
      R"({"userId":"U1"})",
      R"({"url":"https://example.com/hook","channel":"ops"})",
      R"({"phoneNumber":"+15551234567"})",
      R"({"teamId":"T1","channelId":"C1"})",
      R"({"userId":"29:1a"})",
      R"({"chatId":"-100123"})",
      R"({"roomId":"R1","parentId":"P1"})",
      R"({"personEmail":"a@example.com"})",
      R"({"userId":"Ua1"})",
      R"({"routingKey":")" + routing_key() + R"(","region":"eu"})",
      R"({"apiKey":")" + api_key() + R"(","region":"us"})",
      R"({"url":"https://oncall.example.com/x","authToken":")" + grafana_token() + R"("})",
      R"({"url":")" + capability_url() + R"(","headers":{"X-Key":")" + header_value() + R"("},"method":"PUT"})",
  };
}

// An endpoint object of `type` with `endpoint`, `type` first or last.
std::string entity(const std::string& type_json, const std::string& endpoint, bool type_first) {
  const std::string head = R"({"identifier":"e1","channel":"chat","providerId":"slack","integrationIdentifier":"i",)"
                           R"("connectionIdentifier":null,"subscriberId":"s","contextKeys":[],)";
  const std::string t = "\"type\":" + type_json;
  const std::string e = "\"endpoint\":" + endpoint;
  return head + (type_first ? t + "," + e : e + "," + t) + R"(,"createdAt":"c","updatedAt":"u"})";
}
std::string quoted(const std::string& type) { return "\"" + type + "\""; }

outcome from(const novu::result<novu::channel_endpoint>& r) {
  outcome o;
  o.ok = r.has_value();
  if (!r) {
    o.err = r.error();
    return o;
  }
  o.index = r->endpoint.index();
  const novu::result<std::string> text = novu::encode_json(*r);
  if (!text) o.notes.push_back("a decoded endpoint does not re-encode: " + text.error().message);
  o.encoded = text.value_or("");
  return o;
}
outcome from(const novu::result<novu::channel_endpoint_page>& r) {
  outcome o;
  o.ok = r.has_value();
  if (!r) {
    o.err = r.error();
    return o;
  }
  o.encoded = novu::encode_json(*r).value_or("");
  return o;
}

// A 200 response of `body` through parse_retrieve_response.
outcome retrieve(const std::string& body, const novu::decode_limits& limits = {}) {
  novu::http_response response;
  response.status = 200;
  response.body = body;
  return from(novu::endpoints::parse_retrieve_response(response, limits));
}
outcome retrieve_enveloped(const std::string& body, const novu::decode_limits& limits = {}) {
  return retrieve("{\"data\":" + body + "}", limits);
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::vector<row> catalogue() {
  using k = novu::error_kind;
  std::vector<row> rows;
  const auto& types = novu::endpoint_type::known_values;
  const std::vector<std::string> payloads = valid_payloads();
  // The first member each type requires, or its first member when none is required.
  const char* first_member[] = {"channelId", "userId",   "url",    "phoneNumber", "teamId", "userId", "chatId",
                                "roomId",    "personId", "userId", "routingKey",  "apiKey", "url",    "url"};
  // What the previous type's payload does under each type: most lack a required member; a
  // webex_person has none required and ignores the room's members, and a tool webhook takes
  // Grafana's url (its authToken is an unknown member there).
  for (std::size_t i = 0; i < 14; ++i) {
    const std::string type(types[i]);
    const std::string other = payloads[(i + 13) % 14];
    for (bool type_first : {true, false}) {
      const std::string order = type_first ? " (type first)" : " (type after endpoint)";
      rows.push_back({type + ": its own payload" + order, ok_as(i + 1),
                      [=] { return retrieve_enveloped(entity(quoted(type), payloads[i], type_first)); }});
      expectation mismatch = fails(k::decode, std::string("/data/endpoint/") + first_member[i]);
      if (type == "webex_person" || type == "tool_webhook") mismatch = ok_as(i + 1);
      rows.push_back({type + ": the payload of " + std::string(types[(i + 13) % 14]) + order, mismatch,
                      [=] { return retrieve_enveloped(entity(quoted(type), other, type_first)); }});
      rows.push_back({type + ": a number where a string belongs" + order,
                      fails(k::decode, std::string("/data/endpoint/") + first_member[i]), [=] {
                        return retrieve_enveloped(
                            entity(quoted(type), std::string("{\"") + first_member[i] + "\":5}", type_first));
                      }});
      // Refused where the parser stops: inside the payload when its type is known, at the payload
      // (read as raw text until its type comes) otherwise.
      const std::string utf8_at =
          std::string("/data/endpoint") + (type_first ? std::string("/") + first_member[i] : "");
      rows.push_back({type + ": invalid UTF-8 in a member" + order, fails(k::decode, utf8_at), [=] {
                        return retrieve_enveloped(
                            entity(quoted(type), std::string("{\"") + first_member[i] + "\":\"a\xff\"}", type_first));
                      }});
      for (const char* not_object : {"null", "7", "[]", "\"x\""}) {
        rows.push_back({type + ": endpoint " + not_object + order, fails(k::decode, "/data/endpoint"),
                        [=] { return retrieve_enveloped(entity(quoted(type), not_object, type_first)); }});
      }
      // The same value twice is one type.
      rows.push_back({type + ": type repeated with the same value" + order, ok_as(i + 1), [=] {
                        return retrieve_enveloped(
                            entity(quoted(type), payloads[i] + ",\"type\":" + quoted(type), type_first));
                      }});
    }
    // Another value after the payload: refused at the repeated member, which the message names
    // (before the payload, or both after it, too: tests/unit-endpoint-regressions.cpp).
    const std::string second(types[(i + 1) % 14]);
    rows.push_back({type + ": type repeated as " + second + " after the payload", fails(k::decode, "/data/type"), [=] {
                      outcome o =
                          retrieve_enveloped(entity(quoted(type), payloads[i] + ",\"type\":" + quoted(second), true));
                      if (!o.ok && o.err.message.find("\"type\" appears twice") == std::string::npos) {
                        o.notes.push_back("the message does not name the repeated type");
                      }
                      return o;
                    }});
    rows.push_back(
        {type + ": type repeated as an unknown type after the payload", fails(k::decode, "/data/type"),
         [=] { return retrieve_enveloped(entity(quoted(type), payloads[i] + ",\"type\":\"carrier_pigeon\"", true)); }});
  }

  // `type` that is not a string.
  for (const char* bad_type : {"null", "5", "[]", "{}", "true"}) {
    for (bool type_first : {true, false}) {
      rows.push_back({std::string("type ") + bad_type + (type_first ? " (first)" : " (last)"),
                      fails(k::decode, "/data/type"),
                      [=] { return retrieve_enveloped(entity(bad_type, R"({"channelId":"C"})", type_first)); }});
    }
  }

  // Unknown types keep any payload raw, within the limits.
  for (const char* raw : {"null", "7", "[1,{\"a\":[]}]", "\"text\"", "{\"x\":{\"y\":[true,null]}}"}) {
    for (bool type_first : {true, false}) {
      rows.push_back({std::string("unknown type: raw payload ") + raw + (type_first ? " (type first)" : " (type last)"),
                      ok_as(0), [=] {
                        outcome o = retrieve_enveloped(entity("\"carrier_pigeon\"", raw, type_first));
                        const nlohmann::json back = nlohmann::json::parse(o.encoded, nullptr, false);
                        if (o.ok && !(back.is_object() && back["endpoint"] == nlohmann::json::parse(raw))) {
                          o.notes.push_back("the raw payload is not written back");
                        }
                        return o;
                      }});
    }
  }
  rows.push_back({"unknown type: payload nested one level deeper than max_depth",
                  fails(k::limit_exceeded, "/data/endpoint"),
                  [] { return retrieve_enveloped(entity("\"carrier_pigeon\"", nested(63), false)); }});
  rows.push_back({"unknown type: payload nested at max_depth", ok_as(0),
                  [] { return retrieve_enveloped(entity("\"carrier_pigeon\"", nested(62), true)); }});
  rows.push_back({"unknown type: payload nested 200,000 deep", fails(k::limit_exceeded, "/data/endpoint"),
                  [] { return retrieve_enveloped(entity("\"carrier_pigeon\"", nested(200000), true)); }});
  rows.push_back({"unknown type: payload over max_body_bytes", fails(k::limit_exceeded, ""), [] {
                    novu::decode_limits limits;
                    limits.max_body_bytes = 4096;
                    return retrieve_enveloped(
                        entity("\"carrier_pigeon\"", "{\"blob\":\"" + std::string(5000, 'x') + "\"}", true), limits);
                  }});
  rows.push_back({"unknown type: payload over max_elements", fails(k::limit_exceeded, "/data/endpoint"), [] {
                    novu::decode_limits limits;
                    limits.max_elements = 1000;
                    std::string many = "[0";
                    for (int n = 0; n < 1000; ++n) many += ",0";
                    return retrieve_enveloped(entity("\"carrier_pigeon\"", many + "]", false), limits);
                  }});

  // Tool webhook headers that are not strings, and headers that are not an object.
  for (const char* value : {"1", "null", "true", "[\"v\"]", "{\"v\":1}"}) {
    for (bool type_first : {true, false}) {
      rows.push_back(
          {std::string("tool_webhook: header value ") + value + (type_first ? " (type first)" : " (last)"),
           fails(k::decode, "/data/endpoint/headers/X-Bad"), [=] {
             return retrieve_enveloped(
                 entity("\"tool_webhook\"",
                        R"({"url":"https://h.example.com","headers":{"X-Ok":"v","X-Bad":)" + std::string(value) + "}}",
                        type_first));
           }});
    }
  }
  rows.push_back({"tool_webhook: headers as an array", fails(k::decode, "/data/endpoint/headers"), [] {
                    return retrieve_enveloped(
                        entity("\"tool_webhook\"", R"({"url":"https://h.example.com","headers":["X: v"]})", false));
                  }});
  rows.push_back({"tool_webhook: method as a number", fails(k::decode, "/data/endpoint/method"), [] {
                    return retrieve_enveloped(
                        entity("\"tool_webhook\"", R"({"url":"https://h.example.com","method":1})", true));
                  }});

  // A page whose third element is hostile fails with that element's pointer.
  auto page = [](const std::string& third) {
    std::string body = "{\"data\":[" + entity("\"slack_channel\"", R"({"channelId":"C1"})", true) + "," +
                       entity("\"carrier_pigeon\"", R"({"loft":1})", false) + "," + third + "]," +
                       R"("next":null,"previous":null,"totalCount":3,"totalCountCapped":false})";
    novu::http_response response;
    response.status = 200;
    response.body = std::move(body);
    return from(novu::endpoints::parse_list_response(response));
  };
  rows.push_back({"page: third element a telegram chat without chatId", fails(k::decode, "/data/2/endpoint/chatId"),
                  [=] { return page(entity("\"telegram_chat\"", R"({"userId":"U"})", false)); }});
  rows.push_back({"page: third element a pagerduty service with a numeric routing key",
                  fails(k::decode, "/data/2/endpoint/routingKey"),
                  [=] { return page(entity("\"pagerduty_service\"", R"({"routingKey":1,"region":"us"})", true)); }});
  rows.push_back({"page: third element with its type repeated as another", fails(k::decode, "/data/2/type"),
                  [=] { return page(entity("\"phone\"", R"({"phoneNumber":"+1"},"type":"webhook")", true)); }});
  rows.push_back({"page: third element's header not a string", fails(k::decode, "/data/2/endpoint/headers/X"),
                  [=] { return page(entity("\"tool_webhook\"", R"({"url":"https://h","headers":{"X":2}})", false)); }});
  rows.push_back({"page: third element valid", ok_as(),
                  [=] { return page(entity("\"opsgenie_integration\"", valid_payloads()[11], false)); }});

  // A hostile server echoing the endpoint secrets.
  auto echoed = [](int status, std::string body, std::vector<novu::http_header> headers, bool caller_redacts) {
    novu::http_response response;
    response.status = status;
    response.body = std::move(body);
    response.headers = std::move(headers);
    outcome o = from(novu::endpoints::parse_update_response(response));
    // The pure layer cannot know a secret quoted in free text; the caller that sent it redacts it.
    if (caller_redacts) {
      for (const std::string& s : secrets()) novu::redact_secret(o.err, s);
    }
    return o;
  };
  const std::string all_payloads = "[" + valid_payloads()[10] + "," + valid_payloads()[11] + "," +
                                   valid_payloads()[12] + "," + valid_payloads()[13] + "]";
  rows.push_back({"echo: ErrorDto echoing the endpoints under their member names", fails(k::api, ""), [=] {
                    return echoed(400,
                                  R"({"statusCode":400,"timestamp":"t","path":"/v1/channel-endpoints/e1",)"
                                  R"("message":"bad","ctx":{"endpoints":)" +
                                      all_payloads + "}}",
                                  {}, false);
                  }});
  rows.push_back({"echo: a non-JSON 502 body quoting the endpoints", fails(k::http, ""), [=] {
                    return echoed(502, "<html>upstream said: {\"endpoint\":" + valid_payloads()[10] + "}</html>", {},
                                  true);
                  }});
  rows.push_back({"echo: ErrorDto message quoting every secret in free text", fails(k::api, ""), [=] {
                    std::string message = "rejected";
                    for (const std::string& s : secrets()) message += " " + s;
                    return echoed(409, R"({"statusCode":409,"timestamp":"t","path":"/p","message":")" + message + "\"}",
                                  {}, true);
                  }});
  rows.push_back({"echo: 422 rejecting the routing key as a value", fails(k::validation, ""), [=] {
                    return echoed(422,
                                  R"({"statusCode":422,"timestamp":"t","path":"/p","message":"Validation failed",)"
                                  R"("errors":{"endpoint.routingKey":{"messages":["bad key"],"value":")" +
                                      routing_key() + R"("}}})",
                                  {}, false);
                  }});
  rows.push_back({"echo: response headers quoting the secrets", fails(k::http, ""), [=] {
                    return echoed(503, "",
                                  {{"X-Echo-Routing-Key", routing_key()},
                                   {"X-Echo-Url", capability_url()},
                                   {"Authorization", "Bearer " + grafana_token()}},
                                  true);
                  }});
  rows.push_back({"echo: a 200 whose pagerduty region is wrong", fails(k::decode, "/data/endpoint/region"), [=] {
                    return retrieve_enveloped(entity("\"pagerduty_service\"",
                                                     R"({"routingKey":")" + routing_key() + R"(","region":7})", false));
                  }});
  rows.push_back({"echo: a 200 whose tool webhook method is an object", fails(k::decode, "/data/endpoint/method"), [=] {
                    return retrieve_enveloped(entity("\"tool_webhook\"",
                                                     R"({"url":")" + capability_url() + R"(","headers":{"A":")" +
                                                         header_value() + R"("},"method":{}})",
                                                     true));
                  }});
  return rows;
}

std::vector<std::string> judge(const row& r, const outcome& o) {
  std::vector<std::string> problems = o.notes;
  const std::string got =
      o.ok ? std::string("success")
           : std::string(novu::to_string(o.err.kind)) + " at '" + o.err.location + "': " + o.err.message;
  if (r.expect.ok) {
    if (!o.ok) problems.push_back("expected success, got " + got);
    if (o.ok && r.expect.index != 0 && o.index != r.expect.index) {
      problems.push_back("decoded as alternative " + std::to_string(o.index) + ", expected " +
                         std::to_string(r.expect.index));
    }
  } else if (o.ok) {
    problems.push_back("expected " + std::string(novu::to_string(r.expect.kind)) + ", got success");
  } else if (o.err.kind != r.expect.kind || o.err.location != r.expect.location) {
    problems.push_back("expected " + std::string(novu::to_string(r.expect.kind)) + " at '" + r.expect.location +
                       "', got " + got);
  }
  if (!o.ok) {
    if (o.err.message.empty()) problems.push_back("empty error message");
    if (!novu::detail::is_valid_utf8(o.err.message)) problems.push_back("error message is not valid UTF-8");
    const std::string leak = secret_check::first_leak(o.err, secrets());
    if (!leak.empty()) problems.push_back("leak: " + leak);
  }
  return problems;
}

}  // namespace

TEST_CASE("hostile endpoints: every row has its exact outcome and leaks no secret") {
  const std::vector<row> rows = catalogue();
  CHECK(rows.size() > 300);
  for (const row& r : rows) {
    SUBCASE(r.name.c_str()) {
      const std::vector<std::string> problems = judge(r, r.run());
      for (const std::string& p : problems) FAIL_CHECK(r.name << ": " << p);
    }
  }
}
