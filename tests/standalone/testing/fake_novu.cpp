// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/testing/fake_novu.hpp"

int main() {
  novu::fake_novu server;
  novu::client_config config;
  config.secret_key = "sk_test_standalone";
  novu::client<novu::fake_novu::sync_transport> client(config, server.transport());
  const novu::result<novu::channel_connection_page> page = client.list();
  return page && page->data.empty() ? 0 : 1;
}
