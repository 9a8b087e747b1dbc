// Encoding request bodies: compact, schema order, absent fields omitted, UTF-8 checked.
#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

TEST_CASE("absent optional fields are omitted and output is compact") {
  novu::update_channel_connection_request body;
  body.workspace.id = "T1";
  body.auth.access_token = "t";
  CHECK(*novu::encode_json(body) == R"({"workspace":{"id":"T1"},"auth":{"accessToken":"t"}})");
}

TEST_CASE("a create request writes every field in schema order; context keeps both forms") {
  novu::create_channel_connection_request body;
  body.identifier = "id";
  body.subscriber_id = "s";
  auto data = novu::parse_any_json(R"({ "name" : "Acme", "tier": 2 })");
  REQUIRE(data.has_value());
  body.context = std::vector<novu::context_entry>{{"tenant", "org", std::nullopt}, {"region", "us", *data}};
  body.connection_mode = novu::connection_mode::shared;
  body.integration_identifier = "slack-prod";
  body.workspace.id = "T";
  body.workspace.bot_user_id = "U";
  body.auth.access_token = "a";
  body.auth.refresh_token = "r";
  CHECK(
      *novu::encode_json(body) ==
      R"({"identifier":"id","subscriberId":"s","context":{"tenant":"org","region":{"id":"us","data":{"name":"Acme","tier":2}}},)"
      R"("connectionMode":"shared","integrationIdentifier":"slack-prod","workspace":{"id":"T","botUserId":"U"},)"
      R"("auth":{"accessToken":"a","refreshToken":"r"}})");
}

TEST_CASE("invalid UTF-8 from the caller is an error naming the field, not a throw") {
  novu::update_channel_connection_request body;
  body.workspace.id = "T1";
  body.auth.access_token = "ok";
  body.workspace.name = std::string("bad\xC3", 4);
  auto r = novu::encode_json(body);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::invalid_argument);
  CHECK(r.error().location == "/workspace/name");
  auto built =
      novu::connections::build_update_request(novu::client_config{"sk_1", std::string(novu::server_us)}, "x", body);
  REQUIRE_FALSE(built.has_value());
  CHECK(built.error().location == "/workspace/name");
}

TEST_CASE("context data must be a JSON object, and valid JSON") {
  novu::create_channel_connection_request body;
  body.integration_identifier = "i";
  body.workspace.id = "T";
  body.auth.access_token = "a";
  body.context =
      std::vector<novu::context_entry>{{"tenant", "org", novu::any_json::from_text(novu::json_type::array, "[1]")}};
  auto r = novu::encode_json(body);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().location == "/context/tenant/data");
  body.context =
      std::vector<novu::context_entry>{{"tenant", "org", novu::any_json::from_text(novu::json_type::object, "{nope")}};
  r = novu::encode_json(body);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().location == "/context/tenant/data");
}

TEST_CASE("any_json helpers") {
  auto s = novu::json_string("say \"hi\"\n");
  REQUIRE(s.has_value());
  CHECK(s->text == R"("say \"hi\"\n")");
  CHECK(novu::string_value(*s) == std::optional<std::string>("say \"hi\"\n"));
  CHECK_FALSE(novu::json_string("\xFF").has_value());
  auto n = novu::parse_any_json(" [ 1 , 2 ] ");
  REQUIRE(n.has_value());
  CHECK(n->type == novu::json_type::array);
  CHECK(n->text == "[1,2]");
  CHECK_FALSE(novu::string_value(*n).has_value());
  const std::string deep(1000, '[');
  auto d = novu::parse_any_json(deep + std::string(1000, ']'));
  REQUIRE_FALSE(d.has_value());
  CHECK(d.error().kind == novu::error_kind::limit_exceeded);
}

TEST_CASE("responses re-encode to what they decoded from") {
  const std::string bare = test_support::read_data_file("connection-bare.json");
  auto c = novu::decode_channel_connection(bare);
  REQUIRE(c.has_value());
  CHECK(test_support::canonical(*novu::encode_json(*c)) == test_support::canonical(bare));
}
