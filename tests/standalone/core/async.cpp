// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/async.hpp"

int main() {
  // A one-shot completion may capture a move-only value.
  auto owned = std::make_unique<int>(7);
  novu::detail::unique_function<int(int)> add([p = std::move(owned)](int x) { return x + *p; });
  novu::transport_callback callback = [](novu::transport_result) {};
  return add(1) == 8 && callback ? 0 : 1;
}
