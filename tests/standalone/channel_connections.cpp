// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/channel_connections.hpp"

int main() {
  novu::client_config config;
  config.secret_key = "sk_test_standalone";
  const novu::result<novu::http_request> request = novu::connections::build_delete_request(config, "conn-1");
  novu::http_response response;
  response.status = 204;
  return request && novu::connections::parse_delete_response(response) ? 0 : 1;
}
