// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/novu.hpp"

int main() {
  // The umbrella brings the core and every resource: a client and its channel_connections().
  novu::client_config config;
  config.secret_key = "sk_test_standalone";
  auto transport = [](const novu::http_request& request) {
    novu::http_response response;
    response.status = request.method == "DELETE" ? 204 : 500;
    return response;
  };
  novu::client<decltype(transport)> client(config, transport);
  return client.channel_connections().remove("conn-1") ? 0 : 1;
}
