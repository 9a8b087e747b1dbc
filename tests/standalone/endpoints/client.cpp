// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/endpoints/client.hpp"

int main() {
  novu::client_config config;
  config.secret_key = "sk_test_standalone";
  auto transport = [](const novu::http_request& request) {
    novu::http_response response;
    response.status = request.method == "DELETE" ? 204 : 500;
    return response;
  };
  novu::client<decltype(transport)> client(config, transport);
  return client.channel_endpoints().remove("ep-1") ? 0 : 1;
}
