// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/endpoints/async_client.hpp"

int main() {
  novu::client_config config;
  config.secret_key = "sk_test_standalone";
  auto transport = [](novu::http_request, novu::transport_callback done) {
    novu::http_response response;
    response.status = 204;
    done(response);
  };
  novu::async_client<decltype(transport)> client(config, transport);
  int result = 1;
  client.channel_endpoints().remove("ep-1", [&](novu::result<void> r) { result = r ? 0 : 1; });
  return result;
}
