// Contract test: the library's five requests, sent over libcurl to Prism mocking Novu's OpenAPI
// document, must be accepted (documented success status, no `sl-violations` header), use only
// documented names, and come back as bodies the library's parsers decode. A request broken on
// purpose must get 422, and one without Authorization 401, which proves the mock validates.
//
// Usage: contract_test BASE_URL OPENAPI_JSON (tests/contract/run.sh starts Prism and runs it).
// Prints `ok <name>` or `FAIL <name>: <why>` per check, then `N passed, M failed`.
// SPDX-License-Identifier: MIT

#include <chrono>       // milliseconds
#include <cstddef>      // size_t
#include <cstdio>       // printf
#include <fstream>      // ifstream
#include <iterator>     // istreambuf_iterator
#include <optional>     // nullopt
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include <nlohmann/json.hpp>

#include "novu/novu.hpp"
#include "../sample_values.hpp"
#include "../transport/harness.hpp"
#include "transports/curl_transport.hpp"

namespace {

using json = nlohmann::json;

constexpr std::string_view secret_key{"sk_test_123"};

using transport_test::checks;
using transport_test::failure_of;
using transport_test::with_key;

// At most 600 bytes of `text`, for failure messages.
std::string clip(const std::string& text) { return text.size() <= 600 ? text : text.substr(0, 600) + "..."; }

// "PATCH /v1/... body={...}", to say which request a failure is about.
std::string describe(const novu::http_request& request) {
  std::string text = request.method + " " + request.path;
  if (!request.body.empty()) text += " body=" + clip(request.body);
  return text;
}

// Why `answer` is not the documented success `expected` without violations; empty when it is.
std::string not_accepted(const novu::http_request& request, const novu::transport_result& answer, int expected) {
  if (!answer) return describe(request) + ": transport error: " + answer.error().message;
  const novu::http_header* violations = novu::find_header(answer->headers, "sl-violations");
  if (answer->status == expected && violations == nullptr) return {};
  std::string why =
      describe(request) + ": status " + std::to_string(answer->status) + " (expected " + std::to_string(expected) + ")";
  if (violations != nullptr) why += ", sl-violations: " + violations->value;
  if (answer->status != expected) why += ", body: " + clip(answer->body);
  return why;
}

// Why a decoded connection does not carry the document's example workspace and token.
std::string not_example_connection(const novu::channel_connection& c) {
  if (c.workspace.id != "T123456") return "workspace.id is \"" + c.workspace.id + "\", expected \"T123456\"";
  if (c.auth.access_token != "Workspace access token") return "auth.accessToken is not the example value";
  if (c.context_keys.size() != 2) return "contextKeys has " + std::to_string(c.context_keys.size()) + " entries";
  return {};
}

// Follows a local "$ref" ("#/components/schemas/X") once, if there is one.
const json& resolve(const json& doc, const json& schema) {
  if (!schema.is_object() || !schema.contains("$ref")) return schema;
  const json::json_pointer pointer(schema["$ref"].get<std::string>().substr(1));
  return doc.contains(pointer) ? doc[pointer] : schema;
}

// Collects, as JSON pointers, keys of `value` that `schema` does not declare and, with
// `expect_all`, declared properties that are absent. Recurses through properties, maps
// (additionalProperties) and the object branch of a oneOf.
void compare_keys(const json& doc, const json& schema_ref, const json& value, const std::string& at, bool expect_all,
                  std::vector<std::string>& problems) {
  const json& schema = resolve(doc, schema_ref);
  if (!value.is_object() || !schema.is_object()) return;
  if (schema.contains("oneOf")) {
    for (const json& branch : schema["oneOf"]) {
      if (resolve(doc, branch).value("type", "") == "object") {
        compare_keys(doc, branch, value, at, expect_all, problems);
      }
    }
    return;
  }
  if (schema.contains("properties")) {
    const json& properties = schema["properties"];
    for (const auto& item : value.items()) {
      if (properties.contains(item.key())) {
        compare_keys(doc, properties[item.key()], item.value(), at + "/" + item.key(), expect_all, problems);
      } else {
        problems.push_back("undeclared " + at + "/" + item.key());
      }
    }
    if (expect_all) {
      for (const auto& item : properties.items()) {
        if (!value.contains(item.key())) problems.push_back("missing " + at + "/" + item.key());
      }
    }
  } else if (schema.contains("additionalProperties") && schema["additionalProperties"].is_object()) {
    for (const auto& item : value.items()) {
      compare_keys(doc, schema["additionalProperties"], item.value(), at + "/" + item.key(), expect_all, problems);
    }
  }
}

// Why `request.body` does not use exactly the property names of the operation's body schema.
std::string body_names_problem(const json& doc, const char* path, const char* method, const novu::http_request& request,
                               bool expect_all) {
  const json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded()) return "the body is not JSON: " + clip(request.body);
  std::string token;  // `path` as one JSON pointer token: "~" is "~0", "/" is "~1"
  for (const char* c = path; *c != '\0'; ++c) token += *c == '~' ? "~0" : *c == '/' ? "~1" : std::string(1, *c);
  const json::json_pointer schema_at("/paths/" + token + "/" + method +
                                     "/requestBody/content/application~1json/schema");
  if (!doc.contains(schema_at)) return std::string("the document has no body schema for ") + method + " " + path;
  std::vector<std::string> problems;
  compare_keys(doc, doc[schema_at], body, "", expect_all, problems);
  std::string why;
  for (const std::string& p : problems) why += (why.empty() ? "" : ", ") + p;
  return why.empty() ? why : why + " in " + clip(request.body);
}

// Why the list request's query is not exactly the documented query parameters, each once
// (contextKeys twice), except `left_out` (sent 0 times).
std::string query_names_problem(const json& doc, const novu::http_request& request, const std::string& left_out = {}) {
  const json::json_pointer params_at("/paths/~1v1~1channel-connections/get/parameters");
  if (!doc.contains(params_at)) return "the document has no parameters for GET /v1/channel-connections";
  std::vector<std::string> declared;
  for (const json& p : doc[params_at]) {
    if (p.value("in", "") == "query") declared.push_back(p.value("name", ""));
  }
  std::vector<std::string> sent;
  const std::size_t question = request.path.find('?');
  if (question != std::string::npos) {
    std::string_view query = std::string_view(request.path).substr(question + 1);
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      sent.emplace_back(pair.substr(0, pair.find('=')));
      query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    }
  }
  std::string why;
  auto count = [](const std::vector<std::string>& names, const std::string& name) {
    std::size_t n = 0;
    for (const std::string& s : names) n += s == name ? 1 : 0;
    return n;
  };
  for (const std::string& name : sent) {
    if (count(declared, name) == 0) why += " undeclared " + name + ";";
  }
  for (const std::string& name : declared) {
    const std::size_t expected = name == left_out ? 0 : name == "contextKeys" ? 2 : 1;
    if (count(sent, name) != expected) {
      why += " " + name + " sent " + std::to_string(count(sent, name)) + " times;";
    }
  }
  return why.empty() ? why : request.path + ":" + why;
}

// Every list filter set, with values the document allows; one cursor only (the server answers
// 400 to `before` with `after`, and the builder refuses them together).
novu::list_channel_connections_params all_filters() {
  novu::list_channel_connections_params p;
  p.after = "cursor-after";
  p.limit = 10;
  p.order_direction = novu::order_direction::descending;
  p.order_by = novu::order_by::updated_at;
  p.include_cursor = true;
  p.subscriber_id = "subscriber-123";
  p.connection_mode = novu::connection_mode::subscriber;
  p.channel = novu::channel_type::chat;
  p.provider_id = novu::provider_id::slack;
  p.integration_identifier = "slack-prod";
  p.context_keys = std::vector<std::string>{"tenant:org-123", "region:us-east-1"};
  return p;
}

// A create body with every optional field set.
novu::create_channel_connection_request full_create_body() {
  novu::create_channel_connection_request body;
  body.identifier = "slack-prod-user123-abc4";
  body.subscriber_id = "subscriber-123";
  body.context = std::vector<novu::context_entry>{
      {"tenant", "org-acme", std::nullopt},
      {"region", "us-east-1", novu::any_json::from_text(novu::json_type::object, R"({"name":"US East","zones":3})")},
  };
  body.connection_mode = novu::connection_mode::shared;
  body.integration_identifier = "slack-prod";
  body.workspace = {"T123456", std::string("Acme HQ"), std::string("U0123456789")};
  body.auth = {"Workspace access token", std::string("Workspace refresh token"),
               std::string("2026-06-15T12:00:00.000Z"), std::string("2026-09-15T12:00:00.000Z")};
  return body;
}

// Reads a whole file; empty when it cannot.
std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Sends one built request and records "<op>.built", "<op>.accepted" and "<op>.decodes".
template <class Parse, class Inspect>
void exchange(checks& out, const novu_examples::curl_transport& transport, const std::string& op,
              const novu::result<novu::http_request>& request, int expected, Parse parse, Inspect inspect) {
  if (!request) {
    out.record(op + ".built", failure_of(request));
    return;
  }
  const novu::transport_result answer = transport(*request);
  out.record(op + ".accepted", not_accepted(*request, answer, expected));
  if (!answer) return;
  const auto parsed = parse(*answer, novu::decode_limits{});
  std::string why = failure_of(parsed);
  if (why.empty()) why = inspect(parsed);
  out.record(op + ".decodes", why);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s BASE_URL OPENAPI_JSON\n", argv[0]);
    return 2;
  }
  const novu_examples::curl_global curl;
  checks out;
  if (!curl.ok()) {
    out.record("curl.init", "curl_global_init failed");
    out.finish();
    return 1;
  }
  const json doc = json::parse(read_file(argv[2]), nullptr, false);
  if (doc.is_discarded()) {
    out.record("openapi.load", std::string("cannot read ") + argv[2] + " as JSON");
    out.finish();
    return 1;
  }

  novu::client_config config;
  config.server_url = argv[1];
  config.secret_key = std::string(secret_key);
  config.retry = novu::retry_policy::disabled();  // one attempt each: bounded and deterministic

  novu_examples::curl_transport_options transport_options;
  transport_options.connect_timeout = std::chrono::milliseconds(5000);
  transport_options.total_timeout = std::chrono::milliseconds(15000);
  const novu_examples::curl_transport transport(transport_options);

  auto connection_is_example = [](const novu::result<novu::channel_connection>& c) {
    return not_example_connection(*c);
  };

  // The five operations, built by the library, sent as they are.
  const novu::result<novu::http_request> list =
      novu::connections::build_list_request(config, all_filters(), with_key("contract-list"));
  // `before` goes in a request of its own: with `after` the builder refuses it (the server's 400).
  if (list) out.record("list.query_names", query_names_problem(doc, *list, "before"));
  novu::list_channel_connections_params before_only;
  before_only.before = "cursor-before";
  const novu::result<novu::http_request> list_before =
      novu::connections::build_list_request(config, before_only, with_key("contract-list-before"));
  exchange(out, transport, "list_before", list_before, 200, &novu::connections::parse_list_response,
           [](const novu::result<novu::channel_connection_page>&) -> std::string { return {}; });
  exchange(out, transport, "list", list, 200, &novu::connections::parse_list_response,
           [](const novu::result<novu::channel_connection_page>& page) -> std::string {
             if (page->data.empty()) return "the page holds no connection";
             return not_example_connection(page->data.front());
           });

  const novu::result<novu::http_request> create =
      novu::connections::build_create_request(config, full_create_body(), with_key("contract-create"));
  if (create) {
    out.record("create.body_names", body_names_problem(doc, "/v1/channel-connections", "post", *create, true));
  }
  exchange(out, transport, "create", create, 201, &novu::connections::parse_create_response, connection_is_example);

  exchange(out, transport, "retrieve",
           novu::connections::build_retrieve_request(config, "conn-1", with_key("contract-retrieve")), 200,
           &novu::connections::parse_retrieve_response, connection_is_example);

  const novu::result<novu::http_request> update = novu::connections::build_update_request(
      config, "<value>", test_support::seed_update_body(), with_key("contract-update"));
  if (update) {
    std::string why = body_names_problem(doc, "/v1/channel-connections/{identifier}", "patch", *update, false);
    if (why.empty() && update->path != "/v1/channel-connections/%3Cvalue%3E") why = "path is " + update->path;
    out.record("update.request_shape", why);
  }
  exchange(out, transport, "update", update, 200, &novu::connections::parse_update_response, connection_is_example);

  exchange(out, transport, "delete",
           novu::connections::build_delete_request(config, "conn-1", with_key("contract-delete")), 204,
           &novu::connections::parse_delete_response, [](const novu::result<void>&) { return std::string(); });

  // The same operations through the synchronous client over the same transport.
  novu::client<novu_examples::curl_transport> client(config, transport);
  {
    const auto page = client.list(all_filters(), with_key("contract-client-list"));
    out.record("client.list", failure_of(page));
    const auto created = client.create(full_create_body(), with_key("contract-client-create"));
    out.record("client.create", failure_of(created));
    const auto got = client.retrieve("conn-1", with_key("contract-client-retrieve"));
    out.record("client.retrieve", failure_of(got));
    const auto updated = client.update("<value>", test_support::seed_update_body(), with_key("contract-client-update"));
    out.record("client.update", failure_of(updated));
    const auto removed = client.remove("conn-1", with_key("contract-client-delete"));
    out.record("client.delete", failure_of(removed));
  }

  // A body that breaks the schema, put in around the builder: Prism must refuse it.
  if (update) {
    novu::http_request bad = *update;
    bad.body = R"({"workspace":{"id":123},"auth":{}})";
    const novu::transport_result answer = transport(bad);
    std::string why;
    if (!answer) {
      why = "transport error: " + answer.error().message;
    } else if (answer->status != 422) {
      why = describe(bad) + ": status " + std::to_string(answer->status) + ", expected 422";
    } else if (novu::find_header(answer->headers, "sl-violations") == nullptr) {
      why = "422 without an sl-violations header";
    }
    out.record("invalid_update.rejected_422", why);
    if (answer) {
      const auto parsed = novu::connections::parse_update_response(*answer);
      std::string parse_why;
      if (parsed) {
        parse_why = "the parser accepted a 422";
      } else if (parsed.error().status != 422) {
        parse_why = "error status " + std::to_string(parsed.error().status);
      }
      out.record("invalid_update.parsed_as_error", parse_why);
    }
  }

  // Without Authorization, the security scheme is not met.
  const novu::result<novu::http_request> retrieve =
      novu::connections::build_retrieve_request(config, "conn-1", with_key("contract-401"));
  if (retrieve) {
    novu::http_request anonymous = *retrieve;
    novu::http_headers kept;
    for (const novu::http_header& h : anonymous.headers) {
      if (!novu::header_name_equals(h.name, "Authorization")) kept.push_back(h);
    }
    anonymous.headers = std::move(kept);
    const novu::transport_result answer = transport(anonymous);
    std::string why;
    if (!answer) {
      why = "transport error: " + answer.error().message;
    } else if (answer->status != 401) {
      why = describe(anonymous) + ": status " + std::to_string(answer->status) + ", expected 401";
    } else {
      const auto parsed = novu::connections::parse_retrieve_response(*answer);
      if (parsed || parsed.error().status != 401) why = "the parser did not report the 401";
    }
    out.record("no_authorization.401", why);
  }

  // A transport failure (nothing listens on loopback port 1) names no secret.
  if (retrieve) {
    novu::http_request unreachable = *retrieve;
    unreachable.url = "http://127.0.0.1:1" + unreachable.path;
    const novu::transport_result answer = transport(unreachable);
    std::string why;
    if (answer) {
      why = "got status " + std::to_string(answer->status) + " from 127.0.0.1:1";
    } else if (answer.error().kind != novu::error_kind::transport) {
      why = "error kind " + std::string(novu::to_string(answer.error().kind));
    } else if (answer.error().message.find(secret_key) != std::string::npos) {
      why = "the message holds the secret key";
    }
    out.record("transport.refused_error", why);
  }

  return out.finish() ? 0 : 1;
}
