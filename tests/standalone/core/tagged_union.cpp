// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/tagged_union.hpp"

struct square {
  int side = 0;
};

int main() {
  novu::tagged_union<square> shape;  // starts as the raw alternative
  const bool raw_first = shape.index() == 0;
  shape = square{3};
  return raw_first && std::get_if<square>(&shape) != nullptr && std::get<square>(shape).side == 3 ? 0 : 1;
}
