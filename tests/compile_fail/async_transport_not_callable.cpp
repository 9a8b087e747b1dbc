// expect: the async transport cannot be called as `transport(novu::http_request, novu::transport_callback)`
// An async client given a sync transport by mistake.
#include "novu/connections/async_client.hpp"

int main() {
  auto transport = [](const novu::http_request&) { return novu::transport_result(novu::http_response{}); };
  novu::async_client<decltype(transport)> client(novu::client_config{}, transport);
  client.remove("conn-1", [](novu::result<void>) {});
  return 0;
}
