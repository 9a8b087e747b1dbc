// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/endpoints/response_parser.hpp"

int main() {
  novu::http_response response;
  response.status = 204;
  return novu::endpoints::parse_delete_response(response).has_value() ? 0 : 1;
}
