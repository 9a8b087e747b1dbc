// Decoding responses: envelopes, nullable fields, open enums, error locations, limits.
#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

namespace {

// The bare fixture with `field` (a JSON-pointer-free top-level name) replaced by `raw_json`.
std::string with_field(const std::string& field, const std::string& raw_json) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(test_support::read_data_file("connection-bare.json"));
  doc[field] = nlohmann::ordered_json::parse(raw_json);
  return doc.dump();
}

std::string without_field(const std::string& field) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(test_support::read_data_file("connection-bare.json"));
  doc.erase(field);
  return doc.dump();
}

}  // namespace

TEST_CASE("a bare channel connection decodes every field") {
  auto c = novu::decode_channel_connection(test_support::read_data_file("connection-bare.json"));
  REQUIRE(c.has_value());
  CHECK(c->identifier == "slack-prod-user123-abc4");
  REQUIRE(c->channel.has_value());
  CHECK(*c->channel == novu::channel_type::chat);
  CHECK(c->channel->is_known());
  REQUIRE(c->provider_id.has_value());
  CHECK(*c->provider_id == novu::provider_id::slack);
  CHECK(c->integration_identifier == std::optional<std::string>("slack-prod"));
  CHECK(c->subscriber_id == std::optional<std::string>("subscriber-123"));
  CHECK(c->context_keys == std::vector<std::string>{"tenant:org-123", "region:us-east-1"});
  CHECK(c->workspace.id == "T123456");
  CHECK(c->workspace.name == std::optional<std::string>("Acme HQ"));
  CHECK(c->workspace.bot_user_id == std::optional<std::string>("U0BOT"));
  CHECK(c->auth.access_token == "xoxb-1234");
  CHECK(c->auth.refresh_token == std::optional<std::string>("xoxe-5678"));
  CHECK(c->auth.expires_at == std::optional<std::string>("2026-06-15T12:00:00.000Z"));
  CHECK(c->auth.refresh_token_expires_at == std::optional<std::string>("2026-09-15T12:00:00.000Z"));
  CHECK(c->created_at == "2026-01-01T00:00:00.000Z");
  CHECK(c->updated_at == "2026-01-02T00:00:00.000Z");
}

TEST_CASE("the data envelope and the bare object decode to the same value") {
  const std::string bare = test_support::read_data_file("connection-bare.json");
  auto a = novu::decode_channel_connection(bare);
  auto b = novu::decode_channel_connection("{\"data\":" + bare + "}");
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK(*novu::encode_json(*a) == *novu::encode_json(*b));
}

TEST_CASE("errors inside the envelope name the pointer under /data") {
  auto r =
      novu::decode_channel_connection(R"({"data":{"identifier":"x","channel":null,"providerId":null,)"
                                      R"("integrationIdentifier":null,"subscriberId":null,"contextKeys":[],)"
                                      R"("workspace":{},"auth":{"accessToken":"t"},"createdAt":"c","updatedAt":"u"}})");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::decode);
  CHECK(r.error().location == "/data/workspace/id");
  CHECK(r.error().message.find("required field \"id\" is missing") != std::string::npos);
}

TEST_CASE("nullable fields accept null, required fields must be present") {
  auto c = novu::decode_channel_connection(with_field("channel", "null"));
  REQUIRE(c.has_value());
  CHECK_FALSE(c->channel.has_value());
  for (const char* field : {"identifier", "channel", "providerId", "integrationIdentifier", "subscriberId",
                            "contextKeys", "workspace", "auth", "createdAt", "updatedAt"}) {
    CAPTURE(field);
    auto r = novu::decode_channel_connection(without_field(field));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == novu::error_kind::decode);
    CHECK(r.error().location == std::string("/") + field);
  }
}

TEST_CASE("null where the schema forbids it is a type error at that pointer") {
  for (const char* field : {"identifier", "contextKeys", "workspace", "auth", "createdAt", "updatedAt"}) {
    CAPTURE(field);
    auto r = novu::decode_channel_connection(with_field(field, "null"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().location == std::string("/") + field);
    CHECK(r.error().message.find("found null") != std::string::npos);
  }
  auto nested = novu::decode_channel_connection(with_field("workspace", R"({"id":"T","name":null})"));
  REQUIRE_FALSE(nested.has_value());
  CHECK(nested.error().location == "/workspace/name");
}

TEST_CASE("wrong types name the element and both types") {
  auto r = novu::decode_channel_connection(with_field("contextKeys", R"(["a", 7])"));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().location == "/contextKeys/1");
  CHECK(r.error().message == "/contextKeys/1: expected a string, found a number");
  auto top = novu::decode_channel_connection("[1,2]");
  REQUIRE_FALSE(top.has_value());
  CHECK(top.error().location.empty());
  CHECK(top.error().message == "document root: expected an object, found an array");
}

TEST_CASE("unknown fields are ignored, nested ones and whole subtrees included") {
  auto c = novu::decode_channel_connection(
      with_field("workspace", R"({"id":"T","extra":{"deep":[1,{"x":[null,true]}]},"more":"x"})"));
  REQUIRE(c.has_value());
  CHECK(c->workspace.id == "T");
}

TEST_CASE("open enums keep unknown values verbatim and encode them back") {
  auto c = novu::decode_channel_connection(with_field("providerId", R"("carrier-pigeon")"));
  REQUIRE(c.has_value());
  CHECK(c->provider_id->value() == "carrier-pigeon");
  CHECK_FALSE(c->provider_id->is_known());
  auto t = novu::decode_channel_connection(with_field("channel", R"("hologram")"));
  REQUIRE(t.has_value());
  CHECK(t->channel->value() == "hologram");
  CHECK(novu::encode_json(*t)->find("\"channel\":\"hologram\"") != std::string::npos);
}

TEST_CASE("malformed JSON is a decode error that never echoes the body") {
  auto r = novu::decode_channel_connection(R"({"auth":{"accessToken":"xoxb-very-secret)");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::decode);
  CHECK(r.error().message.find("malformed JSON at byte") == 0);
  CHECK(r.error().message.find("xoxb") == std::string::npos);
  CHECK(r.error().location == "/auth/accessToken");
}

TEST_CASE("invalid UTF-8 inside a string is rejected") {
  auto r = novu::decode_channel_connection("{\"identifier\":\"a\xff\"}");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::decode);
}

TEST_CASE("size and depth limits refuse a body before decoding it") {
  novu::decode_limits limits;
  limits.max_body_bytes = 100;
  auto big = novu::decode_channel_connection(test_support::read_data_file("connection-bare.json"), limits);
  REQUIRE_FALSE(big.has_value());
  CHECK(big.error().kind == novu::error_kind::limit_exceeded);

  limits = novu::decode_limits{};
  limits.max_depth = 3;
  auto deep = novu::decode_channel_connection(with_field("workspace", R"({"id":"T","x":{"y":{"z":1}}})"), limits);
  REQUIRE_FALSE(deep.has_value());
  CHECK(deep.error().kind == novu::error_kind::limit_exceeded);
  CHECK(deep.error().location == "/workspace/x");  // inside an ignored subtree: its root
}

TEST_CASE("a list page decodes with null cursors") {
  const std::string bare = test_support::read_data_file("connection-bare.json");
  auto page = novu::decode_channel_connection_page(
      R"({"data":[)" + bare + "," + bare + R"(],"next":null,"previous":"p1","totalCount":2,"totalCountCapped":false})");
  REQUIRE(page.has_value());
  CHECK(page->data.size() == 2);
  CHECK_FALSE(page->next.has_value());
  CHECK(page->previous == std::optional<std::string>("p1"));
  CHECK(page->total_count == 2);
  auto bad = novu::decode_channel_connection_page(R"({"data":[)" + bare +
                                                  R"(,{"identifier":5}],"next":null,)"
                                                  R"("previous":null,"totalCount":2,"totalCountCapped":false})");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().location == "/data/1/identifier");
  auto fraction = novu::decode_channel_connection_page(
      R"({"data":[],"next":null,"previous":null,"totalCount":2.5,"totalCountCapped":false})");
  REQUIRE_FALSE(fraction.has_value());
  CHECK(fraction.error().location == "/totalCount");
}

TEST_CASE("ErrorDto messages of every JSON type decode") {
  for (const char* message : {R"("text")", "42", "true", R"({"a":[1]})", R"(["x",1,null])", "null"}) {
    CAPTURE(message);
    auto e = novu::decode_api_error(std::string(R"({"statusCode":400,"timestamp":"t","path":"/p","message":)") +
                                    message + "}");
    REQUIRE(e.has_value());
    REQUIRE(e->message.has_value());
    CHECK(test_support::canonical(e->message->text) == test_support::canonical(std::string(message)));
  }
  auto s = novu::decode_api_error(
      R"({"statusCode":404,"timestamp":"t","path":"/p","message":"not \"here\"","errorId":"e1","ctx":{"k":1}})");
  REQUIRE(s.has_value());
  CHECK(novu::string_value(*s->message) == std::optional<std::string>("not \"here\""));
  CHECK(s->error_id == std::optional<std::string>("e1"));
  CHECK(s->ctx->type == novu::json_type::object);
  auto bad_ctx = novu::decode_api_error(R"({"statusCode":404,"timestamp":"t","path":"/p","ctx":"oops"})");
  REQUIRE_FALSE(bad_ctx.has_value());
  CHECK(bad_ctx.error().location == "/ctx");
}

TEST_CASE("a ValidationErrorDto requires its errors map") {
  auto missing = novu::decode_validation_error(R"({"statusCode":422,"timestamp":"t","path":"/p"})");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().location == "/errors");
  auto bad = novu::decode_validation_error(
      R"({"statusCode":422,"timestamp":"t","path":"/p","errors":{"a~b/c":{"messages":[1]}}})");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().location == "/errors/a~0b~1c/messages/0");
}

TEST_CASE("request bodies decode as a server would read them") {
  auto u = novu::connections::decode_update_request(
      R"({"workspace":{"id":"T1"},"auth":{"accessToken":"t"},"topLevelExtra":true})");
  REQUIRE(u.has_value());
  CHECK(u->workspace.id == "T1");
  auto c = novu::connections::decode_create_request(
      R"({"integrationIdentifier":"i","workspace":{"id":"T"},"auth":{"accessToken":"t"},)"
      R"("context":{"tenant":"org","region":{"id":"us","data":{"z":1,"a":[true]}}},"connectionMode":"shared"})");
  REQUIRE(c.has_value());
  REQUIRE(c->context.has_value());
  REQUIRE(c->context->size() == 2);
  CHECK((*c->context)[0].type == "tenant");
  CHECK((*c->context)[0].id == "org");
  CHECK_FALSE((*c->context)[0].data.has_value());
  CHECK((*c->context)[1].id == "us");
  CHECK((*c->context)[1].data->text == R"({"z":1,"a":[true]})");
  CHECK(c->connection_mode == novu::connection_mode::shared);
  auto mode = novu::connections::decode_create_request(
      R"({"integrationIdentifier":"i","workspace":{"id":"T"},"auth":{"accessToken":"t"},"connectionMode":"both"})");
  REQUIRE_FALSE(mode.has_value());
  CHECK(mode.error().location == "/connectionMode");
  auto ctx = novu::connections::decode_create_request(
      R"({"integrationIdentifier":"i","workspace":{"id":"T"},"auth":{"accessToken":"t"},"context":{"a":{"data":{}}}})");
  REQUIRE_FALSE(ctx.has_value());
  CHECK(ctx.error().location == "/context/a/id");
}

TEST_CASE("duplicate keys: the last one wins, as in JavaScript") {
  auto u = novu::connections::decode_update_request(R"({"workspace":{"id":"A","id":"B"},"auth":{"accessToken":"t"}})");
  REQUIRE(u.has_value());
  CHECK(u->workspace.id == "B");
}

TEST_CASE("an empty errors map stays a ValidationErrorDto through a round trip") {
  auto v = novu::decode_validation_error(R"({"statusCode":422,"timestamp":"t","path":"/p","errors":{}})");
  REQUIRE(v.has_value());
  REQUIRE(v->errors.has_value());
  CHECK(v->errors->empty());
  auto text = novu::encode_json(*v);
  REQUIRE(text.has_value());
  CHECK(*text == R"({"statusCode":422,"timestamp":"t","path":"/p","errors":{}})");
  CHECK(novu::decode_validation_error(*text).has_value());
  auto plain = novu::decode_api_error(R"({"statusCode":404,"timestamp":"t","path":"/p"})");
  REQUIRE(plain.has_value());
  CHECK_FALSE(plain->errors.has_value());
  CHECK(novu::encode_json(*plain)->find("errors") == std::string::npos);
}
