// expect: the Environment has no `std::int64_t unix_ms() const` member
// An async client over an environment without the wall clock (sleep_ms is not needed there).
#include "novu/connections/async_client.hpp"

struct no_wall_clock {
  std::uint64_t monotonic_ms() const { return 0; }
  double random_unit() const { return 0.0; }
};

int main() {
  auto transport = [](novu::http_request, novu::transport_callback done) { done(novu::http_response{}); };
  novu::async_client<decltype(transport), no_wall_clock> client(novu::client_config{}, transport, {}, no_wall_clock{});
  client.remove("conn-1", [](novu::result<void>) {});
  return 0;
}
