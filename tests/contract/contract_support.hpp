// What the Prism contract programs share (contract_test.cpp for channel connections,
// endpoint_contract_test.cpp for channel endpoints): failure texts, the check that Prism accepted
// a request, and the checks that a request uses exactly the names the OpenAPI document declares.
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>       // milliseconds
#include <cstddef>      // size_t
#include <cstdio>       // fprintf
#include <fstream>      // ifstream
#include <iterator>     // istreambuf_iterator
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include <nlohmann/json.hpp>

#include "novu/novu.hpp"
#include "../transport/harness.hpp"
#include "transports/curl_transport.hpp"

namespace contract {

using json = nlohmann::json;

// At most 600 bytes of `text`, for failure messages.
inline std::string clip(const std::string& text) { return text.size() <= 600 ? text : text.substr(0, 600) + "..."; }

// "PATCH /v1/... body={...}", to say which request a failure is about.
inline std::string describe(const novu::http_request& request) {
  std::string text = request.method + " " + request.path;
  if (!request.body.empty()) text += " body=" + clip(request.body);
  return text;
}

// Why `answer` is not the documented success `expected` without violations; empty when it is.
// Prism reports request violations (then it answers 422) and violations of its own response
// against the document (with the documented status) in the same `sl-violations` header.
inline std::string not_accepted(const novu::http_request& request, const novu::transport_result& answer, int expected) {
  if (!answer) return describe(request) + ": transport error: " + answer.error().message;
  const novu::http_header* violations = novu::find_header(answer->headers, "sl-violations");
  if (answer->status == expected && violations == nullptr) return {};
  std::string why =
      describe(request) + ": status " + std::to_string(answer->status) + " (expected " + std::to_string(expected) + ")";
  if (violations != nullptr) why += ", sl-violations: " + clip(violations->value);
  if (answer->status != expected) why += ", body: " + clip(answer->body);
  return why;
}

// Why `answer` is not Prism's 422 with violations for a request that breaks the schema; empty
// when it is.
inline std::string not_rejected(const novu::http_request& request, const novu::transport_result& answer) {
  if (!answer) return "transport error: " + answer.error().message;
  if (answer->status != 422) return describe(request) + ": status " + std::to_string(answer->status) + ", expected 422";
  if (novu::find_header(answer->headers, "sl-violations") == nullptr) return "422 without an sl-violations header";
  return {};
}

// `text` as one JSON pointer token: "~" is "~0", "/" is "~1".
inline std::string pointer_token(std::string_view text) {
  std::string token;
  for (const char c : text) token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return token;
}

// Follows a local "$ref" ("#/components/schemas/X") once, if there is one.
inline const json& resolve(const json& doc, const json& schema) {
  if (!schema.is_object() || !schema.contains("$ref")) return schema;
  const json::json_pointer pointer(schema["$ref"].get<std::string>().substr(1));
  return doc.contains(pointer) ? doc[pointer] : schema;
}

// Collects, as JSON pointers, keys of `value` that `schema` does not declare and, with
// `expect_all`, declared properties that are absent. Recurses through properties, maps
// (additionalProperties), a one-element allOf, and unions: a oneOf/anyOf with a discriminator
// is compared with the branch the value's tag maps to, any other with the object branch that
// fits best (fewest problems).
inline void compare_keys(const json& doc, const json& schema_ref, const json& value, const std::string& at,
                         bool expect_all, std::vector<std::string>& problems) {
  const json& schema = resolve(doc, schema_ref);
  if (!value.is_object() || !schema.is_object()) return;
  if (schema.contains("allOf") && schema["allOf"].size() == 1) {
    compare_keys(doc, schema["allOf"][0], value, at, expect_all, problems);
    return;
  }
  const char* union_key = schema.contains("oneOf") ? "oneOf" : schema.contains("anyOf") ? "anyOf" : nullptr;
  if (union_key != nullptr) {
    if (schema.contains("discriminator")) {
      const json& d = schema["discriminator"];
      const std::string tag = d.value("propertyName", "");
      const bool tagged = value.contains(tag) && value[tag].is_string();
      const json::json_pointer branch_at("/mapping/" + pointer_token(tagged ? value[tag].get<std::string>() : ""));
      if (tagged && d.contains(branch_at)) {
        compare_keys(doc, json{{"$ref", d[branch_at]}}, value, at, expect_all, problems);
      } else {
        problems.push_back("no " + std::string(union_key) + " branch for " + at + "/" + tag);
      }
      return;
    }
    std::vector<std::string> best;
    bool found = false;
    for (const json& branch : schema[union_key]) {
      if (resolve(doc, branch).value("type", "") != "object") continue;
      std::vector<std::string> these;
      compare_keys(doc, branch, value, at, expect_all, these);
      if (!found || these.size() < best.size()) best = these;
      found = true;
    }
    problems.insert(problems.end(), best.begin(), best.end());
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
inline std::string body_names_problem(const json& doc, const char* path, const char* method,
                                      const novu::http_request& request, bool expect_all) {
  const json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded()) return "the body is not JSON: " + clip(request.body);
  const json::json_pointer schema_at("/paths/" + pointer_token(path) + "/" + method +
                                     "/requestBody/content/application~1json/schema");
  if (!doc.contains(schema_at)) return std::string("the document has no body schema for ") + method + " " + path;
  std::vector<std::string> problems;
  compare_keys(doc, doc[schema_at], body, "", expect_all, problems);
  std::string why;
  for (const std::string& p : problems) why += (why.empty() ? "" : ", ") + p;
  return why.empty() ? why : why + " in " + clip(request.body);
}

// Why the list request's query is not exactly the query parameters the document declares for
// GET `path`, each once (`repeated` twice), except `left_out` (sent 0 times).
inline std::string query_names_problem(const json& doc, const char* path, const novu::http_request& request,
                                       const std::string& repeated, const std::string& left_out = {}) {
  const json::json_pointer params_at("/paths/" + pointer_token(path) + "/get/parameters");
  if (!doc.contains(params_at)) return std::string("the document has no parameters for GET ") + path;
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
    const std::size_t expected = name == left_out ? 0 : name == repeated ? 2 : 1;
    if (count(sent, name) != expected) {
      why += " " + name + " sent " + std::to_string(count(sent, name)) + " times;";
    }
  }
  return why.empty() ? why : request.path + ":" + why;
}

// Reads a whole file; empty when it cannot.
inline std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Sends one built request and records "<op>.built", "<op>.accepted" and "<op>.decodes".
template <class Parse, class Inspect>
void exchange(transport_test::checks& out, const novu_examples::curl_transport& transport, const std::string& op,
              const novu::result<novu::http_request>& request, int expected, Parse parse, Inspect inspect) {
  if (!request) {
    out.record(op + ".built", transport_test::failure_of(request));
    return;
  }
  const novu::transport_result answer = transport(*request);
  out.record(op + ".accepted", not_accepted(*request, answer, expected));
  if (!answer) return;
  const auto parsed = parse(*answer, novu::decode_limits{});
  std::string why = transport_test::failure_of(parsed);
  if (why.empty()) why = inspect(parsed);
  out.record(op + ".decodes", why);
}

// `request` without its Authorization header.
inline novu::http_request without_authorization(novu::http_request request) {
  novu::http_headers kept;
  for (const novu::http_header& h : request.headers) {
    if (!novu::header_name_equals(h.name, "Authorization")) kept.push_back(h);
  }
  request.headers = std::move(kept);
  return request;
}

// The secret key every contract program sends (Prism accepts any).
inline constexpr std::string_view secret_key{"sk_test_123"};

// What a contract program's checks run with: the OpenAPI document, the client configuration
// (Prism's URL, one attempt per call) and a libcurl transport with bounded timeouts.
struct setup {
  const json& doc;                                 // the served document
  const novu::client_config& config;               // server_url = Prism
  const novu_examples::curl_transport& transport;  // sends one request
};

// The common main of a contract program: reads `BASE_URL OPENAPI_JSON`, starts libcurl, loads
// the document, then `run(out, setup)`; the exit code (1 when a check failed, 2 for bad usage).
template <class Run>
int contract_main(int argc, char** argv, Run run) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s BASE_URL OPENAPI_JSON\n", argv[0]);
    return 2;
  }
  const novu_examples::curl_global curl;
  transport_test::checks out;
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
  run(out, setup{doc, config, transport});
  return out.finish() ? 0 : 1;
}

// Sends `retrieve` (a built GET) without its Authorization header: Prism must answer 401 (the
// security scheme is not met) and `parse` must report that 401. Records "no_authorization.401".
template <class Parse>
void check_unauthorized(transport_test::checks& out, const novu_examples::curl_transport& transport,
                        const novu::result<novu::http_request>& retrieve, Parse parse) {
  if (!retrieve) return;
  const novu::http_request anonymous = without_authorization(*retrieve);
  const novu::transport_result answer = transport(anonymous);
  std::string why;
  if (!answer) {
    why = "transport error: " + answer.error().message;
  } else if (answer->status != 401) {
    why = describe(anonymous) + ": status " + std::to_string(answer->status) + ", expected 401";
  } else {
    const auto parsed = parse(*answer);
    if (parsed || parsed.error().status != 401) why = "the parser did not report the 401";
  }
  out.record("no_authorization.401", why);
}

}  // namespace contract
