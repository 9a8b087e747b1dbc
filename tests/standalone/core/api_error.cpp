// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/api_error.hpp"

int main() {
  novu::api_error body;
  body.status_code = 404;
  body.message = novu::any_json::from_text(novu::json_type::string, "\"not found\"");
  return body.message && body.message->type == novu::json_type::string && body.status_code == 404 ? 0 : 1;
}
