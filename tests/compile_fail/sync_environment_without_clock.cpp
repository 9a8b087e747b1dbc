// expect: the Environment has no `std::uint64_t monotonic_ms() const` member
// A sync client over an environment that forgot its monotonic clock.
#include "novu/novu.hpp"

struct no_clock {
  std::int64_t unix_ms() const { return 0; }
  void sleep_ms(std::uint32_t) const {}
  double random_unit() const { return 0.0; }
};

int main() {
  auto transport = [](const novu::http_request&) { return novu::transport_result(novu::http_response{}); };
  novu::client<decltype(transport), no_clock> client(novu::client_config{}, transport);
  return client.remove("conn-1").has_value() ? 0 : 1;
}
