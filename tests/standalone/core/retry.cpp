// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/retry.hpp"

int main() {
  const novu::retry_decision d = novu::decide_retry(novu::retry_policy{}, 1, 503, {}, 0, 0.5, 0);
  const novu::system_environment environment;
  return d.retry && environment.random_unit() < 1.0 && environment.monotonic_ms() > 0 ? 0 : 1;
}
