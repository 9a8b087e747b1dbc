// Decoding into an existing value (decode_channel_connection_into,
// decode_channel_connection_page_into, parse_list_response_into): the result equals a fresh
// decode whatever the value held before, and the memory the value holds is reused.
#include <doctest/doctest.h>

#include <string>  // string
#include <vector>  // vector

#include "test_support.hpp"

namespace {

std::string connection_body(int n, bool with_optionals) {
  std::string c = R"({"identifier":"conn-)" + std::to_string(n) +
                  R"(-abcdefghijklmnop","channel":"chat","providerId":"slack","integrationIdentifier":null,)"
                  R"("subscriberId":"subscriber-)" +
                  std::to_string(n) + R"(-abcdefghij","contextKeys":[)";
  for (int k = 0; k < n % 3; ++k) c += (k ? "," : "") + std::string(R"("tenant:org-)") + std::to_string(k) + "\"";
  c += R"(],"workspace":{"id":"T)" + std::to_string(n) + R"(")";
  if (with_optionals) c += R"(,"name":"Workspace name long enough to allocate","botUserId":"U123")";
  c += R"(},"auth":{"accessToken":"xoxb-access-token-)" + std::to_string(n) + "\"";
  if (with_optionals) c += R"(,"refreshToken":"xoxe-refresh","expiresAt":"2027-01-01T00:00:00.000Z")";
  c += R"(},"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-02T00:00:00.000Z"})";
  return c;
}

std::string page_body(int items, bool with_optionals) {
  std::string body = R"({"data":[)";
  for (int i = 0; i < items; ++i) body += (i ? "," : "") + connection_body(i, with_optionals);
  body += R"(],"next":)" + std::string(items > 2 ? R"("cursor-after")" : "null") + R"(,"previous":null,"totalCount":)" +
          std::to_string(items) + R"(,"totalCountCapped":false})";
  return body;
}

template <class T>
std::string encoded(const T& value) {
  const novu::result<std::string> text = novu::encode_json(value);
  REQUIRE(text.has_value());
  return *text;
}

}  // namespace

TEST_CASE("decoding pages of every size into one value gives what fresh decodes give") {
  novu::channel_connection_page page = test_support::dirty_page(5);
  // Longer and shorter lists, with and without the optional members, in both orders.
  for (int items : {0, 3, 1, 7, 2, 7, 0, 4}) {
    for (bool optionals : {true, false}) {
      CAPTURE(items);
      CAPTURE(optionals);
      const std::string body = page_body(items, optionals);
      const novu::result<novu::channel_connection_page> fresh = novu::decode_channel_connection_page(body);
      REQUIRE(fresh.has_value());
      REQUIRE(novu::decode_channel_connection_page_into(body, page).has_value());
      CHECK(page.data.size() == static_cast<std::size_t>(items));
      CHECK(encoded(page) == encoded(*fresh));
    }
  }
}

TEST_CASE("nulls and members a body leaves out are reset; a repeated member replaces the earlier one whole") {
  novu::channel_connection c = test_support::dirty_connection();
  const std::string body = R"({"data":{"identifier":"x","channel":null,"providerId":null,"integrationIdentifier":null,)"
                           R"("subscriberId":null,"workspace":{"id":"T1","name":"first"},"workspace":{"id":"T2"},)"
                           R"("auth":{"accessToken":"a"},"contextKeys":[],"createdAt":"c","updatedAt":"u"}})";
  REQUIRE(novu::decode_channel_connection_into(body, c).has_value());
  CHECK(c.identifier == "x");
  CHECK_FALSE(c.channel.has_value());
  CHECK_FALSE(c.provider_id.has_value());
  CHECK_FALSE(c.integration_identifier.has_value());
  CHECK_FALSE(c.subscriber_id.has_value());
  CHECK(c.context_keys.empty());
  CHECK(c.workspace.id == "T2");
  CHECK_FALSE(c.workspace.name.has_value());
  CHECK_FALSE(c.workspace.bot_user_id.has_value());
  CHECK(c.auth.access_token == "a");
  CHECK_FALSE(c.auth.refresh_token.has_value());
  CHECK_FALSE(c.auth.expires_at.has_value());
  CHECK_FALSE(c.auth.refresh_token_expires_at.has_value());
  const novu::result<novu::channel_connection> fresh = novu::decode_channel_connection(body);
  REQUIRE(fresh.has_value());
  CHECK(encoded(c) == encoded(*fresh));
}

TEST_CASE("decoding the same page again reuses the memory the value holds") {
  const std::string body = page_body(20, true);
  novu::channel_connection_page page;
  REQUIRE(novu::decode_channel_connection_page_into(body, page).has_value());
  const void* elements = page.data.data();
  const char* identifier = page.data[7].identifier.data();
  const char* token = page.data[7].auth.access_token.data();
  const std::string* keys = page.data[5].context_keys.data();
  REQUIRE(page.data[7].identifier.size() > 15);  // on the heap, not in the small-string buffer
  REQUIRE(novu::decode_channel_connection_page_into(body, page).has_value());
  CHECK(page.data.data() == elements);
  CHECK(page.data[7].identifier.data() == identifier);
  CHECK(page.data[7].auth.access_token.data() == token);
  CHECK(page.data[5].context_keys.data() == keys);
  CHECK(encoded(page) == encoded(*novu::decode_channel_connection_page(body)));
}

TEST_CASE("parse_list_response_into checks the status like parse_list_response") {
  novu::channel_connection_page page = test_support::dirty_page();
  novu::http_response response;
  response.status = 200;
  response.body = page_body(2, false);
  REQUIRE(novu::connections::parse_list_response_into(response, page).has_value());
  CHECK(page.data.size() == 2);
  response.status = 404;
  response.body = R"({"statusCode":404,"timestamp":"t","path":"/v1/channel-connections","message":"nope"})";
  const novu::result<void> failed = novu::connections::parse_list_response_into(response, page);
  REQUIRE_FALSE(failed.has_value());
  const novu::result<novu::channel_connection_page> expected = novu::connections::parse_list_response(response);
  REQUIRE_FALSE(expected.has_value());
  CHECK(failed.error().kind == expected.error().kind);
  CHECK(failed.error().message == expected.error().message);
  response.status = 200;
  response.body = R"({"data":[{"identifier":1}],"next":null,"previous":null,"totalCount":1,"totalCountCapped":false})";
  const novu::result<void> bad = novu::connections::parse_list_response_into(response, page);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().kind == novu::error_kind::decode);
  CHECK(bad.error().location == "/data/0/identifier");
  CHECK(bad.error().status == 200);
}
