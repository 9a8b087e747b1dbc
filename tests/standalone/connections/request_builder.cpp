// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/connections/request_builder.hpp"

int main() {
  novu::client_config config;
  config.secret_key = "sk_test_standalone";
  const novu::result<novu::http_request> request = novu::connections::build_retrieve_request(config, "conn 1");
  return request && request->path == "/v1/channel-connections/conn%201" ? 0 : 1;
}
