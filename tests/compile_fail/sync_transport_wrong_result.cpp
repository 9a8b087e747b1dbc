// expect: the sync transport must return novu::transport_result or novu::http_response
// A sync transport that returns the status code only.
#include "novu/novu.hpp"

int main() {
  auto transport = [](const novu::http_request&) { return 200; };
  novu::client<decltype(transport)> client(novu::client_config{}, transport);
  return client.remove("conn-1").has_value() ? 0 : 1;
}
