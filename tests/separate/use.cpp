// Fast-compile mode, user side: the public umbrellas as declarations only, nlohmann/json never
// parsed; the definitions come from impl.cpp at link time. This binary has its own doctest main.
// SPDX-License-Identifier: MIT
#define NOVU_CC_SEPARATE_COMPILATION
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <optional>  // optional
#include <string>    // string
#include <utility>   // move

#include "novu/connections/async_client.hpp"
#include "novu/novu.hpp"
#include "novu/testing/fake_novu.hpp"
#include "../sample_values.hpp"

#ifdef NLOHMANN_JSON_VERSION_MAJOR
#error "in fast-compile mode a translation unit without NOVU_CC_IMPLEMENTATION must not include nlohmann/json"
#endif
static_assert(NOVU_CC_WITH_IMPLEMENTATION == 0, "declarations only in this translation unit");

namespace {

novu::http_response updated_response() {
  novu::http_response response;
  response.status = 200;
  response.headers = {{"Content-Type", "application/json"}};
  response.body =
      R"({"data":{"identifier":"slack-prod-user123-abc4","channel":"chat","providerId":"slack",)"
      R"("integrationIdentifier":"slack-prod","subscriberId":"subscriber-123","contextKeys":["tenant:org-123"],)"
      R"("workspace":{"id":"T123456","name":"Acme HQ"},"auth":{"accessToken":"xoxb-1234"},)"
      R"("createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-02T00:00:00.000Z"}})";
  return response;
}

novu::transport_result answer(const novu::http_request& /*request*/) { return updated_response(); }

}  // namespace

TEST_CASE("separate compilation: build_update_request") {
  novu::call_options options;
  options.idempotency_key = "separate-key";
  const novu::result<novu::http_request> request = novu::connections::build_update_request(
      test_support::offline_config(), "<value>", test_support::seed_update_body(), options);
  REQUIRE(request.has_value());
  CHECK(request->method == "PATCH");
  CHECK(request->path == "/v1/channel-connections/%3Cvalue%3E");
  CHECK(request->url == "http://127.0.0.1:9/v1/channel-connections/%3Cvalue%3E");
  CHECK(request->body ==
        R"({"workspace":{"id":"T123456","name":"Acme HQ"},"auth":{"accessToken":"Workspace access token"}})");
  const novu::http_header* key = novu::find_header(request->headers, "Idempotency-Key");
  REQUIRE(key != nullptr);
  CHECK(key->value == "separate-key");
}

TEST_CASE("separate compilation: parse_update_response") {
  const novu::result<novu::channel_connection> updated = novu::connections::parse_update_response(updated_response());
  REQUIRE(updated.has_value());
  CHECK(updated->identifier == "slack-prod-user123-abc4");
  REQUIRE(updated->channel.has_value());
  CHECK(*updated->channel == novu::channel_type::chat);
  REQUIRE(updated->context_keys.size() == 1);
  CHECK(updated->context_keys[0] == "tenant:org-123");
  CHECK(updated->auth.access_token == "xoxb-1234");
}

TEST_CASE("separate compilation: the client over a transport") {
  novu::client<novu::transport_result (*)(const novu::http_request&)> client(test_support::offline_config(), &answer);
  const novu::result<novu::channel_connection> updated =
      client.update("slack-prod-user123-abc4", test_support::seed_update_body());
  REQUIRE(updated.has_value());
  CHECK(updated->workspace.name == std::string("Acme HQ"));
}

TEST_CASE("separate compilation: the fake Novu behind the async client") {
  novu::fake_novu server;
  novu::channel_connection existing;
  existing.identifier = "slack-prod-user123-abc4";
  existing.workspace.id = "T000";
  existing.auth.access_token = "xoxb-old";
  server.put(existing);

  novu::async_client<novu::fake_novu::inline_async_transport> client(test_support::offline_config(),
                                                                     server.async_transport());
  std::optional<novu::result<novu::channel_connection>> updated;
  client.update("slack-prod-user123-abc4", test_support::seed_update_body(),
                [&](novu::result<novu::channel_connection> r) { updated.emplace(std::move(r)); });
  REQUIRE(updated.has_value());
  REQUIRE(updated->has_value());
  CHECK((*updated)->workspace.id == "T123456");
  CHECK((*updated)->auth.access_token == "Workspace access token");
}
