// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/response.hpp"

int main() {
  novu::http_response response;
  response.status = 404;
  response.body = R"({"statusCode":404,"timestamp":"t","path":"/v1/x","message":"gone"})";
  const novu::error e = novu::error_from_response(response);
  return e.kind == novu::error_kind::api && e.status == 404 ? 0 : 1;
}
