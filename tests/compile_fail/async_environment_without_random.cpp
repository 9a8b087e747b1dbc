// expect: the Environment has no `double random_unit() const` member
// An async client over an environment without its random source.
#include "novu/connections/async_client.hpp"

struct no_random {
  std::uint64_t monotonic_ms() const { return 0; }
  std::int64_t unix_ms() const { return 0; }
};

int main() {
  auto transport = [](novu::http_request, novu::transport_callback done) { done(novu::http_response{}); };
  novu::async_client<decltype(transport), no_random> client(novu::client_config{}, transport, {}, no_random{});
  client.remove("conn-1", [](novu::result<void>) {});
  return 0;
}
