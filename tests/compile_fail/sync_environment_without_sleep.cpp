// expect: the Environment has no `void sleep_ms(std::uint32_t) const` member: the sync client sleeps
// A sync client over an environment made for the async client (no sleep_ms).
#include "novu/novu.hpp"

struct async_only {
  std::uint64_t monotonic_ms() const { return 0; }
  std::int64_t unix_ms() const { return 0; }
  double random_unit() const { return 0.0; }
};

int main() {
  auto transport = [](const novu::http_request&) { return novu::transport_result(novu::http_response{}); };
  novu::client<decltype(transport), async_only> client(novu::client_config{}, transport);
  return client.remove("conn-1").has_value() ? 0 : 1;
}
