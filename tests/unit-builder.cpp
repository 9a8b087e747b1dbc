// Request builders: the seed page example, identifiers, headers, server URLs, list queries.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "test_support.hpp"

namespace {

novu::client_config test_config() {
  novu::client_config config;
  config.secret_key = "sk_test_123";
  return config;
}

std::string header(const novu::http_request& r, const char* name) {
  const novu::http_header* h = novu::find_header(r.headers, name);
  return h == nullptr ? "<absent>" : h->value;
}

}  // namespace

TEST_CASE("the seed page example builds the documented PATCH request") {
  auto r =
      novu::connections::build_update_request(test_config(), "<value>", test_support::seed_update_body(), {"idem-1"});
  REQUIRE(r.has_value());
  CHECK(r->method == "PATCH");
  CHECK(r->url == "https://api.novu.co/v1/channel-connections/%3Cvalue%3E");
  CHECK(r->path == "/v1/channel-connections/%3Cvalue%3E");
  CHECK(r->origin() == "https://api.novu.co");
  CHECK(r->body ==
        R"({"workspace":{"id":"T123456","name":"Acme HQ"},"auth":{"accessToken":"Workspace access token"}})");
  REQUIRE(r->headers.size() == 5);
  CHECK(r->headers[0].name == "Authorization");
  CHECK(r->headers[0].value == "ApiKey sk_test_123");
  CHECK(r->headers[1].name == "Accept");
  CHECK(r->headers[1].value == "application/json");
  CHECK(r->headers[2].name == "Content-Type");
  CHECK(r->headers[2].value == "application/json");
  CHECK(r->headers[3].name == "idempotency-key");
  CHECK(r->headers[3].value == "idem-1");
  CHECK(r->headers[4].name == "User-Agent");
  CHECK(r->headers[4].value == "novu-cpp-channels/" NOVU_CC_VERSION_STRING);
}

TEST_CASE("the seed page's documented response decodes through the update parser") {
  novu::http_response response{200, {}, test_support::read_data_file("seed-update-response.json")};
  auto c = novu::connections::parse_update_response(response);
  REQUIRE(c.has_value());
  CHECK(c->identifier == "<string>");
  CHECK(c->context_keys.size() == 2);
  CHECK(c->workspace.name == std::optional<std::string>("Acme HQ"));
}

TEST_CASE("GET and DELETE carry no body and no Content-Type") {
  for (auto r : {novu::connections::build_retrieve_request(test_config(), "conn-1"),
                 novu::connections::build_delete_request(test_config(), "conn-1"),
                 novu::connections::build_list_request(test_config(), {})}) {
    REQUIRE(r.has_value());
    CHECK(r->body.empty());
    CHECK(header(*r, "content-type") == "<absent>");
    CHECK(header(*r, "accept") == "application/json");
  }
}

TEST_CASE("identifiers are one percent-encoded path segment; empty, . and .. are rejected") {
  CHECK(novu::encode_path_segment("a b/c?d#e%f&g=h+i:j@k;l,m'n!o(p)q*r~s.t_u-v\xC3\xA9") ==
        "a%20b%2Fc%3Fd%23e%25f%26g%3Dh%2Bi%3Aj%40k%3Bl%2Cm'n!o(p)q*r~s.t_u-v%C3%A9");
  for (const char* bad : {"", ".", ".."}) {
    auto r = novu::connections::build_retrieve_request(test_config(), bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == novu::error_kind::invalid_argument);
    CHECK(r.error().location == "identifier");
  }
  auto dots = novu::connections::build_delete_request(test_config(), "%2e%2e");
  REQUIRE(dots.has_value());
  CHECK(dots->path == "/v1/channel-connections/%252e%252e");
  auto crlf = novu::connections::build_retrieve_request(test_config(), "a\r\nX-Evil: 1");
  REQUIRE(crlf.has_value());
  CHECK(crlf->path == "/v1/channel-connections/a%0D%0AX-Evil%3A%201");
  auto bad_utf8 = novu::connections::build_retrieve_request(test_config(), "a\xC0\xAF");
  REQUIRE_FALSE(bad_utf8.has_value());
  CHECK(bad_utf8.error().kind == novu::error_kind::invalid_argument);
}

TEST_CASE("Authorization gets the ApiKey prefix once; a missing key is an error") {
  novu::client_config config = test_config();
  config.secret_key = "ApiKey sk_test_123";
  CHECK(header(*novu::connections::build_retrieve_request(config, "x"), "authorization") == "ApiKey sk_test_123");
  config.secret_key.clear();
  auto r = novu::connections::build_retrieve_request(config, "x");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().location == "secret_key");
}

TEST_CASE("header injection through any configured value is refused, never sent") {
  novu::client_config config = test_config();
  config.secret_key = "sk\r\nX-Evil: 1";
  auto a = novu::connections::build_update_request(config, "x", test_support::seed_update_body());
  REQUIRE_FALSE(a.has_value());
  CHECK(a.error().location == "secret_key");
  CHECK(a.error().message.find("X-Evil") == std::string::npos);
  config = test_config();
  config.user_agent = std::string("ua\0x", 4);
  CHECK(novu::connections::build_update_request(config, "x", test_support::seed_update_body()).error().location ==
        "user_agent");
  for (const char* key : {"a\nb", "a\rb", "tab\there"}) {
    auto r = novu::connections::build_update_request(test_config(), "x", test_support::seed_update_body(), {key});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().location == "idempotency_key");
  }
  auto nul = novu::connections::build_update_request(test_config(), "x", test_support::seed_update_body(),
                                                     {std::string("a\0b", 3)});
  CHECK_FALSE(nul.has_value());
}

TEST_CASE("idempotency keys: caller's verbatim up to 255 characters, else a unique generated one") {
  CHECK(novu::connections::build_retrieve_request(test_config(), "x", {std::string(255, 'k')}).has_value());
  auto too_long = novu::connections::build_retrieve_request(test_config(), "x", {std::string(256, 'k')});
  REQUIRE_FALSE(too_long.has_value());
  CHECK(too_long.error().location == "idempotency_key");
  std::set<std::string> keys;
  for (int i = 0; i < 1000; ++i) keys.insert(novu::generate_idempotency_key());
  CHECK(keys.size() == 1000);
  const std::string key = *keys.begin();
  CHECK(key.size() == 29);
  CHECK(key.find_first_not_of("0123456789abcdef") == std::string::npos);
  auto generated = novu::connections::build_retrieve_request(test_config(), "x");
  CHECK(header(*generated, "idempotency-key").size() == 29);
}

TEST_CASE("server URLs: regions, path prefixes and trailing slashes") {
  novu::client_config config = test_config();
  config.server_url = std::string(novu::server_eu);
  CHECK(novu::connections::build_retrieve_request(config, "c")->url ==
        "https://eu.api.novu.co/v1/channel-connections/c");
  config.server_url = "http://127.0.0.1:9/proxy/novu/";
  auto r = novu::connections::build_retrieve_request(config, "c");
  CHECK(r->url == "http://127.0.0.1:9/proxy/novu/v1/channel-connections/c");
  CHECK(r->path == "/proxy/novu/v1/channel-connections/c");
  CHECK(r->origin() == "http://127.0.0.1:9");
  for (std::string bad : {"api.novu.co", "ftp://x", "https://", "https:///x", "https://h/a b", "https://h/?q=1",
                          "https://h#f", "https://h\r\n"}) {
    CAPTURE(bad);
    config.server_url = bad;
    auto e = novu::connections::build_retrieve_request(config, "c");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().location == "server_url");
  }
}

TEST_CASE("list queries match the SDK: fixed key order, repeated contextKeys, encodeURIComponent") {
  novu::list_channel_connections_params p;
  p.context_keys = std::vector<std::string>{"tenant:o'1 2", "a,b/c+d=e"};
  p.include_cursor = false;
  p.limit = 1;
  auto r = novu::connections::build_list_request(test_config(), p);
  REQUIRE(r.has_value());
  CHECK(r->path ==
        "/v1/"
        "channel-connections?contextKeys=tenant%3Ao%271%202&contextKeys=a%2Cb%2Fc%2Bd%3De&includeCursor=false&limit=1");
}

TEST_CASE("an empty contextKeys filter is sent as contextKeys=, an unset one not at all") {
  novu::list_channel_connections_params p;
  CHECK(novu::connections::build_list_request(test_config(), p)->path == "/v1/channel-connections");
  p.context_keys = std::vector<std::string>{};
  CHECK(novu::connections::build_list_request(test_config(), p)->path == "/v1/channel-connections?contextKeys=");
}

TEST_CASE("limit outside 1..100 and invalid UTF-8 filters fail before anything is sent") {
  for (int limit : {0, -1, 101, 100000}) {
    novu::list_channel_connections_params p;
    p.limit = limit;
    auto r = novu::connections::build_list_request(test_config(), p);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().location == "limit");
  }
  novu::list_channel_connections_params p;
  p.subscriber_id = "\xFF";
  CHECK(novu::connections::build_list_request(test_config(), p).error().location == "subscriberId");
}

TEST_CASE("next_page_params follows next and keeps the filters") {
  novu::list_channel_connections_params p;
  p.limit = 5;
  p.subscriber_id = "s";
  p.before = "b";
  novu::channel_connection_page page;
  page.next = "cur";
  auto next = novu::connections::next_page_params(p, page);
  REQUIRE(next.has_value());
  CHECK(next->after == std::optional<std::string>("cur"));
  CHECK_FALSE(next->before.has_value());
  CHECK(next->limit == std::optional<int>(5));
  CHECK(next->subscriber_id == std::optional<std::string>("s"));
  page.next.reset();
  CHECK_FALSE(novu::connections::next_page_params(p, page).has_value());
}
