// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/error.hpp"

int main() {
  novu::error e = novu::make_error(novu::error_kind::api, "key sk_live_standalone1 refused");
  novu::redact_secret(e, "sk_live_standalone1");
  return e.message == "key [redacted] refused" && novu::to_string(e.kind) == "api" ? 0 : 1;
}
