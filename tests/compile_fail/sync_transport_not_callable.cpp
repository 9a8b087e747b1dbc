// expect: the sync transport cannot be called as `transport(const novu::http_request&)`
// A sync client given an async transport by mistake.
#include "novu/core/async.hpp"
#include "novu/novu.hpp"

int main() {
  auto transport = [](novu::http_request, novu::transport_callback) {};
  novu::client<decltype(transport)> client(novu::client_config{}, transport);
  return client.remove("conn-1").has_value() ? 0 : 1;
}
