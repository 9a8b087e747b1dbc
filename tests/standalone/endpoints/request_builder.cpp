// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/endpoints/request_builder.hpp"

int main() {
  novu::client_config config;
  config.secret_key = "sk_test_standalone";
  const novu::result<novu::http_request> request = novu::endpoints::build_retrieve_request(config, "ep 1");
  return request && request->path == "/v1/channel-endpoints/ep%201" ? 0 : 1;
}
