// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/connections/client.hpp"

int main() {
  novu::client_config config;
  config.secret_key = "sk_test_standalone";
  config.retry = novu::retry_policy::disabled();
  auto transport = [](const novu::http_request&) -> novu::transport_result {
    return novu::transport_error("offline sk_test_standalone");
  };
  novu::client<decltype(transport)> client(config, transport);
  const novu::result<novu::channel_connection> r = client.retrieve("conn-1");
  return !r && r.error().kind == novu::error_kind::transport && r.error().message == "offline [redacted]" ? 0 : 1;
}
