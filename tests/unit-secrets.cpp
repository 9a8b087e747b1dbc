// Secrets never leave a call in an error: a hostile server echoes the key and the tokens a
// call sent in every part of its answer (messages, ctx, errorId, field names, echoed values,
// headers, HTML and form bodies), in every spelling (verbatim, JSON-escaped, \u-escaped,
// percent-encoded, with an "ApiKey" scheme in any case, across the points where texts are
// cut), and no field of the returned error, nor its debug print, holds any of them. The
// checker below decodes each field on its own (it shares no code with the library).
// NOVU_CC_TEST_HEADER_ONLY
// (built in header-only mode, in novu_tests_header_only: it reads the implementation's internals (core/detail), which
// the fast-compile mode does not declare)
#include <doctest/doctest.h>

#include <cstddef>      // size_t
#include <cstdint>      // uint32_t
#include <random>       // mt19937
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/connections/async_client.hpp"
#include "novu/core/printing.hpp"
#include "secret_check.hpp"
#include "test_support.hpp"

namespace {

using secret_check::fields_of;

// The first field of `e` or its debug print holding a 10-byte piece of a secret (what is left
// of one cut in two), or "".
std::string first_leak(const novu::error& e, const std::vector<std::string>& secrets) {
  return secret_check::first_leak(e, secrets, true, 10);
}
using secret_check::holds;

// ---------------------------------------------------------------------------------------------
// Spellings of a secret a server might echo.
// ---------------------------------------------------------------------------------------------

enum class spelling { json, json_u, json_slash, percent, percent_lower, api_key_scheme };
const spelling all_spellings[] = {spelling::json,    spelling::json_u,        spelling::json_slash,
                                  spelling::percent, spelling::percent_lower, spelling::api_key_scheme};

const char* name_of(spelling s) {
  switch (s) {
    case spelling::json: return "json";
    case spelling::json_u: return "json \\u";
    case spelling::json_slash: return "json \\/";
    case spelling::percent: return "percent";
    case spelling::percent_lower: return "percent lower-case";
    case spelling::api_key_scheme: return "apikey scheme";
  }
  return "?";
}

// `secret` spelled `how`, fit to stand inside a JSON string.
std::string spell(const std::string& secret, spelling how) {
  static const char digits[] = "0123456789ABCDEF";
  static const char lower[] = "0123456789abcdef";
  std::string out;
  for (char ch : secret) {
    const auto c = static_cast<unsigned char>(ch);
    switch (how) {
      case spelling::json:
      case spelling::api_key_scheme:
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
        break;
      case spelling::json_slash:
        if (ch == '"' || ch == '\\' || ch == '/') out += '\\';
        out += ch;
        break;
      case spelling::json_u:
        out += "\\u00";
        out += lower[c >> 4];
        out += digits[c & 15];
        break;
      case spelling::percent:
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          out += ch;
        } else {
          out += '%';
          out += digits[c >> 4];
          out += digits[c & 15];
        }
        break;
      case spelling::percent_lower:
        out += '%';
        out += lower[c >> 4];
        out += lower[c & 15];
        break;
    }
  }
  return how == spelling::api_key_scheme ? "apiKEY   " + out : out;
}

// ---------------------------------------------------------------------------------------------
// Scenarios: what a hostile server answers, given the spelled secrets.
// ---------------------------------------------------------------------------------------------

struct spelled {
  std::string key, access, refresh;
};

struct scenario {
  const char* name;
  novu::http_response (*answer)(const spelled& s);
};

novu::http_response json_answer(int status, std::string body) {
  novu::http_response r;
  r.status = status;
  r.headers.push_back({"Content-Type", "application/json"});
  r.body = std::move(body);
  return r;
}

std::string error_dto(const std::string& message_json, const std::string& extra = "") {
  return R"({"statusCode":400,"timestamp":"2026-01-01T00:00:00Z","path":"/v1/channel-connections",)"
         R"("message":)" +
         message_json + extra + "}";
}

const std::string pad(std::size_t n) { return std::string(n, 'p'); }

const scenario scenarios[] = {
    {"message string echoes all three",
     [](const spelled& s) {
       return json_answer(400, error_dto("\"bad key " + s.key + " token " + s.access + " refresh " + s.refresh + "\""));
     }},
    {"message array form",
     [](const spelled& s) { return json_answer(400, error_dto("[\"k " + s.key + "\",\"t " + s.access + "\"]")); }},
    {"message object form",
     [](const spelled& s) {
       return json_answer(400, error_dto("{\"detail\":\"" + s.access + "\",\"k\":{\"x\":\"" + s.key + "\"}}"));
     }},
    {"ctx members",
     [](const spelled& s) {
       return json_answer(409, error_dto("\"conflict\"", ",\"ctx\":{\"echo\":\"" + s.access + "\",\"deep\":[{\"r\":\"" +
                                                             s.refresh + "\"}],\"k\":\"" + s.key + "\"}"));
     }},
    {"errorId",
     [](const spelled& s) { return json_answer(500, error_dto("\"boom\"", ",\"errorId\":\"" + s.refresh + "\"")); }},
    {"errorId straddling the 100-byte cut",
     [](const spelled& s) {
       return json_answer(500, error_dto("\"boom\"", ",\"errorId\":\"" + pad(95) + s.access + "\""));
     }},
    {"path and timestamp",
     [](const spelled& s) {
       return json_answer(404, R"({"statusCode":404,"timestamp":")" + s.key + R"(","path":"/v1/x?token=)" + s.access +
                                   R"(","message":"not found"})");
     }},
    {"message straddling the 300-byte cut",
     [](const spelled& s) { return json_answer(400, error_dto("\"" + pad(290) + s.access + "\"")); }},
    {"message straddling the 300-byte cut with the key",
     [](const spelled& s) { return json_answer(400, error_dto("\"" + pad(297) + s.key + "\"")); }},
    {"422 field name auth/accessToken with the value echoed",
     [](const spelled& s) {
       return json_answer(422, error_dto("\"invalid\"",
                                         ",\"errors\":{\"auth/accessToken\":{\"messages\":[\"bad\"],"
                                         "\"value\":\"" +
                                             s.access + "\"}}"));
     }},
    {"422 field name auth[accessToken], stringified JSON value",
     [](const spelled& s) {
       return json_answer(422, error_dto("\"invalid\"",
                                         ",\"errors\":{\"auth[accessToken]\":{\"messages\":[\"bad\"],"
                                         "\"value\":\"{\\\"accessToken\\\":\\\"" +
                                             s.access + "\\\"}\"}}"));
     }},
    {"422 violation messages echo the token under an innocent field",
     [](const spelled& s) {
       return json_answer(422, error_dto("\"invalid\"", ",\"errors\":{\"workspace.id\":{\"messages\":[\"" + pad(195) +
                                                            s.access + "\",\"" + s.refresh + "\"]}}"));
     }},
    {"422 field named by the token itself",
     [](const spelled& s) {
       return json_answer(422, error_dto("\"invalid\"", ",\"errors\":{\"" + s.access + "\":{\"messages\":[\"m\"]},\"" +
                                                            pad(95) + s.key + "\":{\"messages\":[\"m\"]}}"));
     }},
    {"422 value object holding both tokens",
     [](const spelled& s) {
       return json_answer(422, error_dto("\"invalid\"",
                                         ",\"errors\":{\"auth\":{\"messages\":[\"m\"],\"value\":{"
                                         "\"accessToken\":\"" +
                                             s.access + "\",\"x\":\"" + s.refresh + "\"}}}"));
     }},
    {"credential headers and a header named by the token",
     [](const spelled& s) {
       novu::http_response r = json_answer(401, error_dto("\"unauthorized\""));
       r.headers.push_back({"WWW-Authenticate", "Bearer realm=\"" + s.key + "\""});
       r.headers.push_back({"X-Echo-Authorization", "ApiKey " + s.key});
       r.headers.push_back({"X-Echo", s.access + " " + s.refresh});
       r.headers.push_back({"X-" + s.access, "1"});
       return r;
     }},
    {"HTML body",
     [](const spelled& s) {
       novu::http_response r;
       r.status = 502;
       r.headers.push_back({"Content-Type", "text/html"});
       r.body = "<html><body><p>token=" + s.access + "</p><p>" + s.key + "</p><i>" + s.refresh + "</i></body></html>";
       return r;
     }},
    {"form-encoded body",
     [](const spelled& s) {
       novu::http_response r;
       r.status = 400;
       r.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
       r.body = "access_token=" + s.access + "&refresh_token=" + s.refresh + "&key=" + s.key + "&x=1";
       return r;
     }},
    {"429 plain text",
     [](const spelled& s) {
       novu::http_response r;
       r.status = 429;
       r.body = "rate limited for " + s.key;
       return r;
     }},
    {"2xx body that does not decode, holding the tokens",
     [](const spelled& s) {
       return json_answer(200, R"({"data":{"identifier":"c","workspace":5,"auth":{"accessToken":")" + s.access +
                                   R"(","refreshToken":")" + s.refresh + R"("},"k":")" + s.key + R"("}})");
     }},
    {"2xx body that is not JSON", [](const spelled& s) { return json_answer(200, "oops " + s.access + " " + s.key); }},
    {"control characters around the key",
     [](const spelled& s) {
       return json_answer(400, error_dto("\"line\\r\\nforged \\u001b[2J\\u0000 " + s.key + "\""));
     }},
    {"member named by the token",
     [](const spelled& s) {
       return json_answer(400,
                          R"({"statusCode":400,"timestamp":"t","path":"p","message":"m",")" + s.access + R"(":1})");
     }},
};

struct secrets {
  std::string key = "sk_live_Ab3dE5f7G9h1J2k4L6m8";
  std::string access = "xoxb-1234-ACCESS-\"quoted\\back/slash";
  std::string refresh = "xoxe-REFRESH/55555+zz";
};

novu::create_channel_connection_request create_body(const secrets& s) {
  novu::create_channel_connection_request body;
  body.identifier = "conn-1";
  body.integration_identifier = "slack";
  body.subscriber_id = "sub-1";
  body.workspace.id = "T1";
  body.auth.access_token = s.access;
  body.auth.refresh_token = s.refresh;
  return body;
}

// A config whose key is spelled `variant` (blanks, scheme in any case).
novu::client_config config_with_key(const std::string& key, int variant) {
  novu::client_config config;
  config.retry = novu::retry_policy::disabled();
  switch (variant % 3) {
    case 0: config.secret_key = key; break;
    case 1: config.secret_key = "  ApiKey " + key + " \r\n"; break;
    default: config.secret_key = "apikey\t" + key; break;
  }
  return config;
}

}  // namespace

TEST_CASE("secret scrubber: every spelling of every secret is masked, the rest kept") {
  novu::detail::secret_scrubber s;
  s.add(" ApiKey sk_live_abc123 \n");
  s.add("xoxb-TOK\"EN\\1/2");
  s.add("ab");  // too short to tell apart from text: ignored
  struct row {
    std::string in, out;
  };
  const row rows[] = {
      {"key sk_live_abc123 here", "key [redacted] here"},
      {"Authorization: apikey sk_live_abc123", "Authorization: apikey [redacted]"},
      {R"({"t":"xoxb-TOK\"EN\\1/2"})", R"({"t":"[redacted]"})"},
      {R"({"t":"xoxb-TOK\"EN\\1\/2"})", R"({"t":"[redacted]"})"},
      {R"(\u0073k_live_abc\u00312\u0033!)", "[redacted]!"},
      {"q=sk%5Flive%5fabc123&x", "q=[redacted]&x"},
      {"sk_live_abc123sk_live_abc123", "[redacted]"},
      {"ab abc", "ab abc"},
      {"", ""},
  };
  for (const row& r : rows) {
    std::string text = r.in;
    INFO(r.in);
    CHECK(s.scrub(text) == (r.in != r.out));
    CHECK(text == r.out);
  }
}

TEST_CASE("secret scrubber: a marker never spells a secret across its edges") {
  // A secret inside "[redacted]", or holding a bracket, gets another marker.
  for (const std::string secret : {"redacted", "dact", "d]xy", "[red", "ted]"}) {
    novu::detail::secret_scrubber s;
    s.add(secret);
    std::string text = "a" + secret + secret + "xy " + secret + "d]xy[redacted] ted]" + secret;
    s.scrub(text);
    INFO(secret << " -> " << text);
    CHECK(text.find(secret) == std::string::npos);
  }
  // Secrets that together hold every marker character: texts are replaced whole.
  novu::detail::secret_scrubber all;
  all.add("[redacted]");
  all.add("*#~^|!$%&+=?@_-");
  std::string text = "x [redacted] *#~^|!$%&+=?@_- y";
  CHECK(all.scrub(text));
  CHECK(text.find("[redacted]") == std::string::npos);
  CHECK(text.find("*#~^") == std::string::npos);
  CHECK_FALSE(text.empty());
}

TEST_CASE("secret scrubber: property: random secrets planted in random spellings never survive") {
  std::mt19937 rng(20261202);
  const std::string alphabet = "abcXYZ019_-./\\\"%[]{}:= \t\x01\xC3\xA9";
  auto random_text = [&](std::size_t n) {
    std::string t;
    for (std::size_t i = 0; i < n; ++i) t += alphabet[rng() % alphabet.size()];
    return t;
  };
  std::size_t planted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> secrets;
    novu::detail::secret_scrubber s;
    const int count = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < count; ++k) {
      std::string secret = random_text(4 + rng() % 12);
      while (!secret.empty() && (secret.front() == ' ' || secret.front() == '\t')) secret.erase(0, 1);
      while (!secret.empty() && (secret.back() == ' ' || secret.back() == '\t')) secret.pop_back();
      if (secret.size() < 4) continue;
      secrets.push_back(secret);
      s.add(secret);
    }
    std::string text;
    for (int part = 0; part < 6; ++part) {
      text += random_text(rng() % 20);
      if (!secrets.empty() && rng() % 2 == 0) {
        const std::string& secret = secrets[rng() % secrets.size()];
        text += spell(secret, all_spellings[rng() % 5]);
        ++planted;
      }
    }
    s.scrub(text);
    for (const std::string& secret : secrets) {
      if (holds(text, secret)) {
        FAIL_CHECK("round " << round << ": " << secret << " survives in " << text);
      }
    }
  }
  CHECK(planted > 3000);
}

TEST_CASE("clients: a hostile server's echoes of the key and tokens reach no field of any error") {
  const secrets s;
  std::size_t checked = 0;
  for (const scenario& sc : scenarios) {
    for (spelling how : all_spellings) {
      const spelled sp{spell(s.key, how), spell(s.access, how), spell(s.refresh, how)};
      const novu::http_response answer = sc.answer(sp);
      for (int variant = 0; variant < 3; ++variant) {
        INFO(sc.name << " / " << name_of(how) << " / key variant " << variant);
        const novu::client_config config = config_with_key(s.key, variant);
        auto transport = [&](const novu::http_request&) -> novu::transport_result { return answer; };
        novu::client<decltype(transport)> client(config, transport);
        // create and update send the tokens; retrieve and list send none, so only the key is
        // known to them (the tokens there are masked only under credential names).
        const novu::result<novu::channel_connection> created = client.create(create_body(s));
        novu::update_channel_connection_request update;
        update.workspace.id = "T1";
        update.auth = create_body(s).auth;
        const novu::result<novu::channel_connection> updated = client.update("conn-1", update);
        const novu::result<novu::channel_connection> retrieved = client.retrieve("conn-1");
        const novu::result<novu::channel_connection_page> listed = client.list();
        REQUIRE_FALSE(created.has_value());
        REQUIRE_FALSE(updated.has_value());
        REQUIRE_FALSE(retrieved.has_value());
        REQUIRE_FALSE(listed.has_value());
        CHECK(first_leak(created.error(), {s.key, s.access, s.refresh}) == "");
        CHECK(first_leak(updated.error(), {s.key, s.access, s.refresh}) == "");
        CHECK(first_leak(retrieved.error(), {s.key}) == "");
        CHECK(first_leak(listed.error(), {s.key}) == "");

        // The async client over a transport that completes at once.
        std::optional<novu::result<novu::channel_connection>> async_created;
        auto async_transport = [&](novu::http_request, novu::transport_callback done) { done(answer); };
        novu::async_client<decltype(async_transport)> async(config, async_transport);
        async.create(create_body(s), [&](novu::result<novu::channel_connection> r) { async_created = std::move(r); });
        REQUIRE(async_created.has_value());
        REQUIRE_FALSE(async_created->has_value());
        CHECK(first_leak(async_created->error(), {s.key, s.access, s.refresh}) == "");

        const novu::error& async_error = async_created->error();
        for (const novu::error* e : {&created.error(), &retrieved.error(), &async_error}) {
          CHECK(e->message.size() <= 4096);
          for (char ch : e->message) CHECK((static_cast<unsigned char>(ch) >= 0x20 && ch != 0x7F));
        }
        ++checked;
      }
    }
  }
  CHECK(checked == sizeof(scenarios) / sizeof(scenarios[0]) * 6 * 3);
}

TEST_CASE("clients: a transport error quoting the key and tokens is scrubbed") {
  const secrets s;
  for (spelling how : all_spellings) {
    const std::string quoted =
        "proxy said: " + spell(s.key, how) + " / " + spell(s.access, how) + "\r\n" + pad(4000) + spell(s.refresh, how);
    auto transport = [&](const novu::http_request&) -> novu::transport_result { return novu::transport_error(quoted); };
    novu::client<decltype(transport)> client(config_with_key(s.key, 1), transport);
    const novu::result<novu::channel_connection> r = client.create(create_body(s));
    REQUIRE_FALSE(r.has_value());
    INFO(name_of(how) << ": " << r.error().message);
    CHECK(r.error().kind == novu::error_kind::transport);
    CHECK(first_leak(r.error(), {s.key, s.access, s.refresh}) == "");
    CHECK(r.error().message.find('\r') == std::string::npos);
    CHECK(r.error().message.size() <= 4096);
  }
}

TEST_CASE("parsers: credential-named values are masked even when the caller's secrets are unknown") {
  novu::http_response r = json_answer(
      400, R"({"statusCode":400,"timestamp":"t","path":"p","message":"m","authorization":"U1-unknown-zzzz",)"
           R"("token":"U2-unknown-zzzz","key":"U3-unknown-zzzz","client_secret":"U4-unknown-zzzz",)"
           R"("ctx":{"password":"U5-unknown-zzzz","url":"https://h/?api_key=U6-unknown-zzzz&x=1"}})");
  r.headers.push_back({"Set-Cookie", "session=U7-unknown-zzzz"});
  r.headers.push_back({"X-Auth-Token", "U8-unknown-zzzz"});
  const novu::error e = novu::error_from_response(r);
  CHECK(e.kind == novu::error_kind::api);
  for (const auto& field : fields_of(e)) {
    INFO(field.first << ": " << field.second);
    CHECK(field.second.find("unknown-zzzz") == std::string::npos);
  }
  // A 422 that echoes the value of a credential-named field: the value goes wherever it is
  // repeated, though the call never told the parser what it was.
  const novu::error v = novu::error_from_response(json_answer(
      422, R"({"statusCode":422,"timestamp":"t","path":"p","message":"echo U9-unknown-zzzz",)"
           R"("errors":{"auth.accessToken":{"messages":["U9-unknown-zzzz is revoked"],"value":"U9-unknown-zzzz"}}})"));
  CHECK(v.kind == novu::error_kind::validation);
  CHECK(first_leak(v, {"U9-unknown-zzzz"}) == "");
  CHECK(v.message.find("auth.accessToken") != std::string::npos);
}

TEST_CASE("error messages: control characters escaped, at most 4 KB, and what was left out is said") {
  std::string body = R"({"statusCode":422,"timestamp":"t","path":"p","message":"m","errors":{)";
  for (int i = 0; i < 20000; ++i) {
    if (i) body += ',';
    body += "\"f" + std::to_string(i) + "\":{\"messages\":[\"bad\\r\\nline\"]}";
  }
  body += "}}";
  const novu::error e = novu::error_from_response(json_answer(422, body));
  CHECK(e.kind == novu::error_kind::validation);
  CHECK(e.message.size() <= 4096);
  CHECK(e.message.find("more fields left out") != std::string::npos);
  CHECK(e.message.find('\n') == std::string::npos);
  CHECK(e.message.find("bad\\r\\nline") != std::string::npos);
  REQUIRE(e.api);
  CHECK(e.api->errors->size() == 20000);

  // nlohmann quotes a number it cannot hold whole: the message is cut.
  const std::string huge(5u * 1024u * 1024u, '9');
  const novu::result<novu::channel_connection> r = novu::connections::parse_retrieve_response(
      json_answer(200, R"({"data":{"identifier":"c","x":)" + huge + "e999}}"));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message.size() <= 4096);
  CHECK(r.error().message.find("more bytes]") != std::string::npos);

  // ESC, NUL, CR and LF from the server never reach a log line raw.
  const novu::error c = novu::error_from_response(
      json_answer(400, R"({"statusCode":400,"timestamp":"t","path":"p","message":"a\r\nb\u001b[2Jc\u0000d\u007f"})"));
  CHECK(c.message == "HTTP 400 Bad Request: a\\r\\nb\\x1B[2Jc\\x00d\\x7F");
}

TEST_CASE("secret keys: blanks and the ApiKey scheme in any case are dropped; nothing else") {
  struct row {
    std::string configured;
    std::string header;  // empty: refused
  };
  const row rows[] = {
      {"sk_test_123", "ApiKey sk_test_123"},
      {"ApiKey sk_test_123", "ApiKey sk_test_123"},
      {"  sk_test_123\r\n", "ApiKey sk_test_123"},
      {"apikey sk_test_123", "ApiKey sk_test_123"},
      {"APIKEY \t sk_test_123 ", "ApiKey sk_test_123"},
      {"", ""},
      {" \t\r\n", ""},
      {"ApiKey ", ""},
      {"apikey    ", ""},
      {"sk test", ""},
      {"sk\ttest", ""},
      {"sk\r\nX-Evil: 1", ""},
      {"ApiKeysk_test", "ApiKey ApiKeysk_test"},
  };
  for (const row& r : rows) {
    novu::client_config config;
    config.secret_key = r.configured;
    const novu::result<novu::http_request> request = novu::connections::build_retrieve_request(config, "c");
    INFO("configured: [" << r.configured << "]");
    if (r.header.empty()) {
      REQUIRE_FALSE(request.has_value());
      CHECK(request.error().kind == novu::error_kind::invalid_argument);
      CHECK(request.error().location == "secret_key");
    } else {
      REQUIRE(request.has_value());
      CHECK(novu::find_header(request->headers, "authorization")->value == r.header);
    }
  }
}

TEST_CASE("parsers: thousands of echoed credential values are all scrubbed (each added once, built once)") {
  std::string body = R"({"statusCode":422,"timestamp":"t","path":"p","message":"m","errors":{)";
  std::vector<std::string> values;
  for (int i = 0; i < 5000; ++i) {
    values.push_back("echoed-token-" + std::to_string(i) + "-zz");
    if (i) body += ',';
    body += "\"f" + std::to_string(i) + ".accessToken\":{\"messages\":[\"bad " + values.back() + "\"],\"value\":\"" +
            values.back() + "\"}";
  }
  body += "}}";
  const novu::error e = novu::error_from_response(json_answer(422, body));
  CHECK(e.kind == novu::error_kind::validation);
  REQUIRE(e.api);
  CHECK(e.api->errors->size() == 5000);
  std::size_t leaks = 0;
  for (const auto& field : fields_of(e)) {
    for (const std::string& v : {values.front(), values[2500], values.back()}) {
      if (field.second.find(v) != std::string::npos) ++leaks;
    }
  }
  for (const novu::constraint_violation& v : *e.api->errors) {
    if (v.messages.front().find("echoed-token-") != std::string::npos) ++leaks;
  }
  CHECK(leaks == 0);
}

TEST_CASE(
    "secret scrubber: property: the table and the sparse automaton, in place or not, mask exactly the "
    "occurrences a naive search finds") {
  // Texts over a few letters, so secrets overlap, abut and repeat; no '\\' or '%', so only the
  // raw view can match and a plain find() at every offset is the whole truth.
  std::mt19937 rng(20261203);
  auto random_text = [&](std::size_t n, const char* letters) {
    std::string t;
    const std::size_t k = std::string_view(letters).size();
    for (std::size_t i = 0; i < n; ++i) t += letters[rng() % k];
    return t;
  };
  std::size_t masked_texts = 0;
  for (int round = 0; round < 1500; ++round) {
    std::vector<std::string> secrets;
    novu::detail::secret_scrubber sparse, dense;
    const int count = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < count; ++k) {
      secrets.push_back(random_text(4 + rng() % 13, "abc"));
      sparse.add(secrets.back());
      dense.add(secrets.back());
    }
    // Enough text read first that `dense` reads the next one through its full table.
    std::string warm_up(256 * 1024, 'x');
    dense.scrub(warm_up);
    std::string text;
    // Every fourth text long enough to hold hundreds of runs (the ranges pending at once are few).
    const int parts = 1 + static_cast<int>(rng() % (round % 4 == 0 ? 400 : 40));
    for (int part = 0; part < parts; ++part) {
      text += random_text(rng() % 12, "abcx");
      if (rng() % 2 == 0) text += secrets[rng() % secrets.size()];
    }
    const std::string expected = secret_check::naive_scrub(text, secrets, sparse.marker());
    std::string by_sparse = text, by_dense = text;
    const bool changed = expected != text;
    INFO("round " << round << " text " << text);
    CHECK(sparse.scrub(by_sparse) == changed);
    CHECK(dense.scrub(by_dense) == changed);
    CHECK(by_sparse == expected);
    CHECK(by_dense == expected);
    masked_texts += changed ? 1 : 0;
  }
  CHECK(masked_texts > 700);
}
