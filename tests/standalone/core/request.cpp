// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/request.hpp"

int main() {
  return novu::encode_path_segment("a b/c") == "a%20b%2Fc" && novu::generate_idempotency_key().size() >= 29 ? 0 : 1;
}
