// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/pagination.hpp"

int main() {
  novu::pagination_options options;
  return options.max_pages > 0 ? 0 : 1;
}
