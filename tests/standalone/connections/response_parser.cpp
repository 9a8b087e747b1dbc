// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/connections/response_parser.hpp"

int main() {
  novu::http_response response;
  response.status = 404;
  response.body = R"({"statusCode":404,"timestamp":"t","path":"/v1/channel-connections/x","message":"not found"})";
  const novu::result<novu::channel_connection> r = novu::connections::parse_retrieve_response(response);
  return !r && r.error().kind == novu::error_kind::api && novu::error_from_response(response).status == 404 ? 0 : 1;
}
