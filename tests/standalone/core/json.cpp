// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/json.hpp"

int main() {
  const novu::result<novu::api_error> body =
      novu::decode_api_error(R"({"statusCode":404,"timestamp":"t","path":"/v1/x","message":"gone"})");
  return body && body->status_code == 404 && novu::string_value(*body->message) == "gone" ? 0 : 1;
}
