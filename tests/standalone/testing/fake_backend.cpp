// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/testing/fake_backend.hpp"

int main() {
  novu::fake_backend server;
  novu::fake_resource things;
  things.collection = "/v1/things";
  things.list = [](const novu::fake_call& call) { return call.server.error_response(418, call.path, "teapot"); };
  server.add_resource(things);
  novu::http_request request;
  request.method = "GET";
  request.path = "/v1/things?limit=1";
  request.headers.push_back({"Authorization", "ApiKey sk_test_standalone"});
  const novu::http_response listed = server.handle(request);
  request.method = "DELETE";  // no handler: 404
  const novu::http_response refused = server.handle(request);
  return listed.status == 418 && refused.status == 404 && server.request_count() == 2 ? 0 : 1;
}
