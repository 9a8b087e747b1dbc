// The library included from two translation units (this one and two_tu_helper.cpp): guards
// against a header definition without `inline`, which only shows up as a link error.
// SPDX-License-Identifier: MIT
// NOVU_CC_TEST_HEADER_ONLY
// (built in header-only mode, in novu_tests_header_only: it checks that the header-only library links from two
// translation units (with two_tu_helper.cpp))
#include <doctest/doctest.h>

#include <functional>   // function
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/connections/async_client.hpp"
#include "novu/novu.hpp"
#include "novu/testing/fake_novu.hpp"
#include "sample_values.hpp"
#include "two_tu_helper.hpp"

namespace {

// What the server answers to every request below.
novu::http_response updated_response() {
  novu::http_response response;
  response.status = 200;
  response.headers = {{"Content-Type", "application/json"}};
  response.body =
      R"({"data":{"identifier":"conn-1","channel":"chat","providerId":"slack","integrationIdentifier":"slack-prod",)"
      R"("subscriberId":null,"contextKeys":[],"workspace":{"id":"T123456","name":"Acme HQ"},)"
      R"("auth":{"accessToken":"xoxb-1234"},"createdAt":"2026-01-01T00:00:00.000Z",)"
      R"("updatedAt":"2026-01-02T00:00:00.000Z"}})";
  return response;
}

novu::http_request last_request;

novu::transport_result sync_answer(const novu::http_request& request) {
  last_request = request;
  return updated_response();
}

void async_answer(novu::http_request request, novu::transport_callback done) {
  last_request = std::move(request);
  done(updated_response());
}

}  // namespace

TEST_CASE("two translation units: a request built in either is the same") {
  novu::call_options options;
  options.idempotency_key = "two-tu-key";
  const novu::result<novu::http_request> there =
      two_tu::helper_build_update(test_support::offline_config(), "conn-1", test_support::seed_update_body(), options);
  const novu::result<novu::http_request> here = novu::connections::build_update_request(
      test_support::offline_config(), "conn-1", test_support::seed_update_body(), options);
  REQUIRE(there.has_value());
  REQUIRE(here.has_value());
  CHECK(there->method == "PATCH");
  CHECK(there->method == here->method);
  CHECK(there->url == here->url);
  CHECK(there->path == "/v1/channel-connections/conn-1");
  CHECK(there->body == here->body);
  REQUIRE(there->headers.size() == here->headers.size());
  for (std::size_t i = 0; i < here->headers.size(); ++i) {
    CHECK(there->headers[i].name == here->headers[i].name);
    CHECK(there->headers[i].value == here->headers[i].value);
  }
}

TEST_CASE("two translation units: the same client instantiations in both") {
  const novu::result<novu::channel_connection> there = two_tu::helper_sync_update(
      test_support::offline_config(), &sync_answer, "conn-1", test_support::seed_update_body());
  REQUIRE(there.has_value());
  CHECK(last_request.method == "PATCH");
  CHECK(there->identifier == "conn-1");

  novu::client<two_tu::sync_transport> client(test_support::offline_config(), &sync_answer);
  const novu::result<novu::channel_connection> here = client.update("conn-1", test_support::seed_update_body());
  REQUIRE(here.has_value());
  CHECK(here->workspace.id == there->workspace.id);

  std::optional<novu::result<novu::channel_connection>> async_there;
  two_tu::helper_async_update(test_support::offline_config(), &async_answer, "conn-1", test_support::seed_update_body(),
                              [&](novu::result<novu::channel_connection> r) { async_there.emplace(std::move(r)); });
  REQUIRE(async_there.has_value());
  REQUIRE(async_there->has_value());
  CHECK((*async_there)->auth.access_token == "xoxb-1234");

  std::optional<novu::result<novu::channel_connection>> async_here;
  novu::async_client<two_tu::async_transport> async_client(test_support::offline_config(), &async_answer);
  async_client.update("conn-1", test_support::seed_update_body(),
                      [&](novu::result<novu::channel_connection> r) { async_here.emplace(std::move(r)); });
  REQUIRE(async_here.has_value());
  REQUIRE(async_here->has_value());
  CHECK((*async_here)->created_at == "2026-01-01T00:00:00.000Z");
}
