// Response parsers: status mapping, error values that keep the whole response.
#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

namespace {

const char* error_dto(int status) {
  static std::string body;
  body =
      R"({"statusCode":)" + std::to_string(status) +
      R"(,"timestamp":"2026-01-01T00:00:00.000Z","path":"/v1/channel-connections/x","message":"nope","error":"Nest"})";
  return body.c_str();
}

}  // namespace

TEST_CASE("any 2xx whose body decodes is a success, for every operation") {
  const std::string bare = test_support::read_data_file("connection-bare.json");
  for (int status : {200, 201, 202, 203}) {
    CAPTURE(status);
    novu::http_response r{status, {}, bare};
    CHECK(novu::connections::parse_update_response(r).has_value());
    CHECK(novu::connections::parse_create_response(r).has_value());
    CHECK(novu::connections::parse_retrieve_response(r).has_value());
  }
  CHECK(novu::connections::parse_delete_response({204, {}, ""}).has_value());
  CHECK(novu::connections::parse_delete_response({200, {}, R"({"acknowledged":true})"}).has_value());
  CHECK(novu::connections::parse_list_response(
            {200, {}, R"({"data":[],"next":null,"previous":null,"totalCount":0,"totalCountCapped":false})"})
            .has_value());
}

TEST_CASE("documented error statuses with an ErrorDto body are api errors") {
  for (int status : {400, 401, 403, 404, 405, 409, 413, 414, 415, 500}) {
    CAPTURE(status);
    novu::http_response response{status, {{"X-Request-Id", "r1"}}, error_dto(status)};
    auto r = novu::connections::parse_retrieve_response(response);
    REQUIRE_FALSE(r.has_value());
    const novu::error& e = r.error();
    CHECK(e.kind == novu::error_kind::api);
    CHECK(e.status == status);
    CHECK(e.body == response.body);
    REQUIRE(e.headers.size() == 1);
    CHECK(e.headers[0].value == "r1");
    REQUIRE(e.api.has_value());
    CHECK(e.api->status_code == status);
    CHECK(e.message.find("HTTP " + std::to_string(status)) == 0);
    CHECK(e.message.find("nope") != std::string::npos);
  }
}

TEST_CASE("422 with a ValidationErrorDto is a validation error listing the fields") {
  novu::http_response response{422,
                               {},
                               R"({"statusCode":422,"timestamp":"t","path":"/p","message":"Validation failed",)"
                               R"("errors":{"workspace.id":{"messages":["id must be a string"],"value":5}}})"};
  auto r = novu::connections::parse_update_response(response);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::validation);
  CHECK(r.error().message == "HTTP 422 Unprocessable Entity: Validation failed; workspace.id: id must be a string");
  REQUIRE(r.error().api->errors->size() == 1);
  CHECK((*r.error().api->errors)[0].value->text == "5");
}

TEST_CASE("422 with a plain ErrorDto (the idempotency guard) is an api error") {
  auto r = novu::connections::parse_create_response({422, {}, error_dto(422)});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::api);
}

TEST_CASE("other statuses and non-ErrorDto bodies are http errors keeping the raw response") {
  struct row {
    int status;
    const char* body;
  };
  for (row c :
       {row{429, "\"API rate limit exceeded\""}, row{503, "\"down\""}, row{404, "<html>not found</html>"}, row{500, ""},
        row{302, ""}, row{101, ""}, row{0, ""}, row{999, "{}"}, row{400, R"({"statusCode":"x"})"}, row{422, "[]"}}) {
    CAPTURE(c.status);
    auto r = novu::connections::parse_update_response({c.status, {{"Retry-After", "2"}}, c.body});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == novu::error_kind::http);
    CHECK(r.error().status == c.status);
    CHECK(r.error().body == c.body);
    CHECK_FALSE(r.error().api.has_value());
    CHECK(novu::find_header(r.error().headers, "retry-after") != nullptr);
  }
}

TEST_CASE("a 2xx body that does not decode is a decode error with status and raw body") {
  auto r = novu::connections::parse_retrieve_response({200, {}, "{\"data\":{}}"});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == novu::error_kind::decode);
  CHECK(r.error().status == 200);
  CHECK(r.error().location == "/data/identifier");
  CHECK(r.error().message.find("HTTP 200 body: /data/identifier") == 0);
  auto empty = novu::connections::parse_update_response({200, {}, ""});
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().kind == novu::error_kind::decode);
}

TEST_CASE("decode messages never contain token values from the body") {
  auto r = novu::connections::parse_retrieve_response(
      {200, {}, R"({"identifier":"x","auth":{"accessToken":"xoxb-LEAK-ME","refreshToken":7}})"});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message.find("LEAK") == std::string::npos);
  CHECK(r.error().location == "/auth/refreshToken");
}

TEST_CASE("server messages are clipped, non-string messages shown as JSON") {
  const std::string long_message(1000, 'm');
  auto r = novu::connections::parse_retrieve_response(
      {404, {}, R"({"statusCode":404,"timestamp":"t","path":"/p","message":")" + long_message + "\"}"});
  CHECK(r.error().message.size() < 400);
  auto arr = novu::connections::parse_retrieve_response(
      {400, {}, R"({"statusCode":400,"timestamp":"t","path":"/p","message":["a","b"]})"});
  CHECK(arr.error().message == R"(HTTP 400 Bad Request: ["a","b"])");
  auto id = novu::connections::parse_retrieve_response(
      {500, {}, R"({"statusCode":500,"timestamp":"t","path":"/p","message":"boom","errorId":"e-1"})"});
  CHECK(id.error().message == "HTTP 500 Internal Server Error: boom (errorId e-1)");
}
