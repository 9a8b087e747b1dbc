// The redacting debug printer (novu/core/printing.hpp): credentials never reach its output, and
// whatever a hostile body holds cannot forge log lines.
#include "novu/core/printing.hpp"  // first: it must stand alone and not pull in nlohmann/json

#if defined(NLOHMANN_JSON_VERSION_MAJOR) && !defined(NOVU_CC_TEST_SINGLE_INCLUDE)
#error "novu/core/printing.hpp must not need nlohmann/json (fast-compile mode)"
#endif

#include <doctest/doctest.h>

#include <cstddef>      // size_t
#include <string>       // string
#include <string_view>  // string_view

#include "novu/testing/fake_novu.hpp"
#include "test_support.hpp"

namespace {

const std::string k_secret_key = "sk_live_SECRET_abcdef123456";
const std::string k_access_token = "xoxb-ACCESS-TOKEN-987654";
const std::string k_refresh_token = "xoxe-REFRESH-TOKEN-55555";

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace

TEST_CASE("header values: credentials keep at most their scheme and four characters") {
  CHECK(novu::redact_header_value("Authorization", "ApiKey " + k_secret_key) == "ApiKey sk_l...[redacted]");
  CHECK(novu::redact_header_value("authorization", "ApiKey short-key") == "ApiKey [redacted]");
  CHECK(novu::redact_header_value("AUTHORIZATION", "Bearer " + k_access_token) == "Bearer xoxb...[redacted]");
  // A bare key is not mistaken for a scheme, even when something follows it.
  CHECK(novu::redact_header_value("Authorization", k_secret_key + " tail") == "sk_l...[redacted]");
  CHECK(novu::redact_header_value("Authorization", "") == "[redacted]");
  CHECK(novu::redact_header_value("Cookie", "session=" + k_secret_key) == "sess...[redacted]");
  CHECK(novu::redact_header_value("Set-Cookie", "a=b") == "[redacted]");
  CHECK(novu::redact_header_value("Proxy-Authorization", "Basic dXNlcjpwYXNzd29yZA==") == "Basic dXNl...[redacted]");
  CHECK(novu::redact_header_value("x-api-key", k_secret_key) == "sk_l...[redacted]");
  CHECK(novu::redact_header_value("User-Agent", "agent/1.0") == "agent/1.0");
  CHECK(novu::redact_header_value("idempotency-key", "k-1") == "k-1");
}

TEST_CASE("bodies: token values are masked, everything else is kept") {
  struct row {
    std::string in;
    std::string out;
  };
  const row rows[] = {
      {R"({"auth":{"accessToken":"xoxb-1","refreshToken":"xoxe-2","expiresAt":"2026"}})",
       R"({"auth":{"accessToken":"[redacted]","refreshToken":"[redacted]","expiresAt":"2026"}})"},
      // Whitespace around the colon, as in pretty-printed JSON.
      {"{\n  \"accessToken\" \t:\r\n \"xoxb-1\"\n}", "{\n  \"accessToken\" \t:\r\n \"[redacted]\"\n}"},
      // Escaped quotes and backslashes inside the token: the whole string goes.
      {R"({"accessToken":"a\"b\\","next":"kept"})", R"({"accessToken":"[redacted]","next":"kept"})"},
      {R"({"accessToken":"\\","x":"\"accessToken\":\"kept\""})",
       R"({"accessToken":"[redacted]","x":"\"accessToken\":\"kept\""})"},
      // Escaped member names are recognised.
      {R"({"\u0061ccessToken":"t","refresh\u0054oken":"r"})",
       R"({"\u0061ccessToken":"[redacted]","refresh\u0054oken":"[redacted]"})"},
      // snake_case and other spellings of the same member.
      {R"({"access_token":"t","REFRESH-TOKEN":"r","secretKey":"s","apiKey":"k"})",
       R"({"access_token":"[redacted]","REFRESH-TOKEN":"[redacted]","secretKey":"[redacted]","apiKey":"[redacted]"})"},
      // Non-string values: numbers masked (as a string), containers masked inside, null/true/false kept.
      {R"({"accessToken":12345})", R"({"accessToken":"[redacted]"})"},
      {R"({"accessToken":null,"refreshToken":false})", R"({"accessToken":null,"refreshToken":false})"},
      {R"({"accessToken":{"value":"t","parts":["a",1,{"k":"b"}]},"after":"kept"})",
       R"({"accessToken":{"value":"[redacted]","parts":["[redacted]","[redacted]",{"k":"[redacted]"}]},"after":"kept"})"},
      {R"({"accessToken":""})", R"({"accessToken":"[redacted]"})"},
      // Lookalike names are not secrets: expiry dates stay readable.
      {R"({"accessTokenExpiresAt":"2026","refreshTokenExpiresAt":"2027","tokenType":"bot"})",
       R"({"accessTokenExpiresAt":"2026","refreshTokenExpiresAt":"2027","tokenType":"bot"})"},
      // The name inside a string value is just text.
      {R"({"message":"bad \"accessToken\": \"x\""})", R"({"message":"bad \"accessToken\": \"x\""})"},
      // A ValidationErrorDto echoes the rejected value under a dotted field name.
      {R"({"errors":{"auth.accessToken":{"messages":["auth.accessToken is revoked"],"value":"xoxb-1"}}})",
       R"({"errors":{"auth.accessToken":{"messages":["auth.accessToken is revoked"],"value":"[redacted]"}}})"},
      {R"({"errors":{"workspace.id":{"messages":["m"],"value":"T1"}}})",
       R"({"errors":{"workspace.id":{"messages":["m"],"value":"T1"}}})"},
      // Malformed and truncated input: a missing comma, an unterminated token.
      {R"({"a":1 "accessToken":"t" "b":2})", R"({"a":1 "accessToken":"[redacted]" "b":2})"},
      {R"({"accessToken":"xoxb-trunc)", R"({"accessToken":"[redacted])"},
      {R"({"accessToken":"xoxb-trunc\)", R"({"accessToken":"[redacted])"},
      {R"(}}]]{"accessToken":"t"})", R"(}}]]{"accessToken":"[redacted]"})"},
      {R"(["accessToken","t"])", R"(["accessToken","t"])"},
      {"not json at all", "not json at all"},
      {"", ""},
  };
  for (const row& r : rows) {
    INFO("input: " << r.in);
    CHECK(novu::redact_json_secrets(r.in) == r.out);
    CHECK(novu::redact_json_secrets(r.out) == r.out);  // idempotent
  }
}

TEST_CASE("bodies: deep nesting is scanned without recursion") {
  const std::string deep = std::string(100000, '[') + R"({"accessToken":"xoxb-deep"})" + std::string(100000, ']');
  const std::string out = novu::redact_json_secrets(deep);
  CHECK_FALSE(contains(out, "xoxb-deep"));
  CHECK(out.size() == deep.size() - std::string("xoxb-deep").size() + std::string("[redacted]").size());
}

TEST_CASE("requests: Authorization, tokens and URL userinfo are masked") {
  novu::client_config config;
  config.secret_key = k_secret_key;
  config.server_url = "https://api.novu.co";
  novu::update_channel_connection_request body;
  body.workspace.id = "T123456";
  body.auth.access_token = k_access_token + "\"\\";
  body.auth.refresh_token = k_refresh_token;
  const novu::result<novu::http_request> request = novu::connections::build_update_request(config, "conn\r\n1", body);
  if (!request) {
    FAIL_CHECK(request.error().message);
    return;
  }
  // server_url refuses userinfo; a request assembled by hand may still carry it.
  novu::http_request by_hand = *request;
  by_hand.url.insert(std::string("https://").size(), "user:hunter2@");
  const std::string text = novu::to_debug_string(by_hand);
  CHECK_FALSE(contains(text, k_secret_key));
  CHECK_FALSE(contains(text, k_access_token));
  CHECK_FALSE(contains(text, k_refresh_token));
  CHECK_FALSE(contains(text, "hunter2"));
  CHECK(contains(text, "PATCH https://[redacted]@api.novu.co/v1/channel-connections/conn%0D%0A1\n"));
  CHECK(contains(text, "Authorization: ApiKey sk_l...[redacted]\n"));
  CHECK(contains(text, "Content-Type: application/json\n"));
  CHECK(contains(text, R"("workspace":{"id":"T123456"})"));
  CHECK(contains(text, R"("auth":{"accessToken":"[redacted]","refreshToken":"[redacted]"})"));
}

TEST_CASE("responses and errors: tokens in bodies are masked, the rest is shown") {
  novu::fake_novu server;
  novu::client_config config;
  config.secret_key = k_secret_key;
  novu::create_channel_connection_request create;
  create.identifier = "conn-1";
  create.subscriber_id = "sub-1";  // the server needs a subscriber or a context
  create.integration_identifier = "slack-prod";
  create.workspace.id = "T1";
  create.auth.access_token = k_access_token;
  create.auth.refresh_token = k_refresh_token;
  const novu::result<novu::http_request> request = novu::connections::build_create_request(config, create);
  if (!request) {
    FAIL_CHECK(request.error().message);
    return;
  }
  const novu::http_response response = server.handle(*request);
  const std::string text = novu::to_debug_string(response);
  CHECK(contains(text, "HTTP 201\n"));
  CHECK(contains(text, "Content-Type: application/json; charset=utf-8\n"));
  CHECK(contains(text, R"("identifier":"conn-1")"));
  CHECK_FALSE(contains(text, k_access_token));
  CHECK_FALSE(contains(text, k_refresh_token));

  // An error keeps the body with credential-named values masked; its printout shows neither.
  novu::http_response bad = response;
  bad.status = 200;
  bad.body.insert(bad.body.size() - 2, ",\"workspace\":5");
  const novu::result<novu::channel_connection> parsed = novu::connections::parse_retrieve_response(bad);
  if (parsed) {
    FAIL_CHECK("a numeric workspace must not decode");
    return;
  }
  CHECK_FALSE(contains(parsed.error().body, k_access_token));
  CHECK(contains(parsed.error().body, R"("accessToken":"[redacted]")"));
  const std::string error_text = novu::to_debug_string(parsed.error());
  CHECK(contains(error_text, "error decode: HTTP 200 body: "));
  CHECK(contains(error_text, "location: /data/workspace\n"));
  CHECK(contains(error_text, "status: 200\n"));
  CHECK_FALSE(contains(error_text, k_access_token));
  CHECK_FALSE(contains(error_text, k_refresh_token));
}

TEST_CASE("errors without a response print kind, message and location only") {
  const novu::error e = novu::make_error(novu::error_kind::invalid_argument, "identifier is empty", "identifier");
  CHECK(novu::to_debug_string(e) == "error invalid_argument: identifier is empty\nlocation: identifier\n");
  CHECK(novu::to_debug_string(novu::transport_error("timeout")) == "error transport: timeout\n");
}

TEST_CASE("extra secrets are masked wherever they appear verbatim") {
  novu::error e = novu::make_error(novu::error_kind::api, "HTTP 400: token " + k_access_token + " revoked");
  e.status = 400;
  e.headers.push_back({"X-Echo", k_access_token});
  e.body = R"({"message":"token )" + k_access_token + R"( revoked"})";
  novu::debug_print_options options;
  options.extra_secrets = {k_access_token, "abc"};  // entries under 4 characters are ignored
  const std::string text = novu::to_debug_string(e, options);
  CHECK_FALSE(contains(text, k_access_token));
  CHECK(contains(text, "HTTP 400: token [redacted] revoked"));
  CHECK(contains(text, "X-Echo: [redacted]\n"));
  // Without the option the free-text echo stays: the printer cannot guess it.
  CHECK(contains(novu::to_debug_string(e), k_access_token));
}

TEST_CASE("long bodies are cut after masking, never inside a UTF-8 sequence or a secret") {
  novu::http_response r;
  r.status = 200;
  r.body = R"({"accessToken":")" + k_access_token + R"(","name":")" + std::string(100, 'x') + "\xC3\xA9" + R"("})";
  novu::debug_print_options options;
  options.max_body_bytes = 30;
  std::string text = novu::to_debug_string(r, options);
  CHECK_FALSE(contains(text, k_access_token));
  CHECK(contains(text, R"({"accessToken":"[redacted]",")"));
  CHECK(contains(text, " more bytes]"));
  CHECK(novu::detail::is_valid_utf8(text));

  // A verbatim extra secret straddling the cut is masked, not half-shown.
  r.body = std::string(25, 'a') + k_secret_key + std::string(25, 'b');
  options.extra_secrets = {k_secret_key};
  text = novu::to_debug_string(r, options);
  CHECK_FALSE(contains(text, k_secret_key.substr(0, 5)));

  // Cutting at every length keeps the output valid UTF-8.
  r.body = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  for (std::size_t limit = 0; limit <= r.body.size(); ++limit) {
    options.max_body_bytes = limit;
    CHECK(novu::detail::is_valid_utf8(novu::to_debug_string(r, options)));
  }

  // A 100 MB body prints quickly and short.
  r.body.assign(100u * 1024u * 1024u, ' ');
  options.max_body_bytes = 4096;
  CHECK(novu::to_debug_string(r, options).size() < 5000);
}

TEST_CASE("control characters and invalid UTF-8 cannot forge log lines") {
  novu::http_response r;
  r.status = 502;
  r.headers.push_back({"X-Evil\r\nSet-Cookie", "a\r\nAuthorization: ApiKey x\x1B[2J"});
  r.body = std::string("line1\r\nline2\0\x7F\xFF\xC0\xAF \xC3\xA9", 20);
  const std::string text = novu::to_debug_string(r);
  // The name holds "Cookie": the value is a credential, masked but for its first 4 bytes.
  CHECK(text ==
        "HTTP 502\nX-Evil\\r\\nSet-Cookie: a\\r\\nA...[redacted]\n\n"
        "line1\\r\\nline2\\x00\\x7F\\xFF\\xC0\\xAF \xC3\xA9\n");
  r.headers[0].name = "X-Evil\r\nX-Other";
  CHECK(novu::to_debug_string(r).find("X-Evil\\r\\nX-Other: a\\r\\nAuthorization: ApiKey x\\x1B[2J\n") !=
        std::string::npos);
}
