// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/printing.hpp"

int main() {
  novu::http_response response;
  response.status = 200;
  response.body = R"({"accessToken":"xoxb-standalone"})";
  const std::string text = novu::to_debug_string(response);
  return text.find("xoxb-standalone") == std::string::npos &&
                 novu::redact_json_secrets(response.body) == R"({"accessToken":"[redacted]"})"
             ? 0
             : 1;
}
