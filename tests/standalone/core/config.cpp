// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/config.hpp"

int main() {
  const novu::client_config config;
  return novu::decide_retry(config.retry, config.retry.max_attempts, 503, {}, 0, 0.0, 0).retry ? 1 : 0;
}
