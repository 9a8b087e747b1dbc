// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/result.hpp"

int main() {
  novu::result<int> ok(5);
  novu::result<int> failed(novu::transport_error("sk_live_standalone1 down"));
  novu::redact_secret(failed.error(), "sk_live_standalone1");
  return ok && *ok == 5 && !failed && failed.error().message == "[redacted] down" ? 0 : 1;
}
