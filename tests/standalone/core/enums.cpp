// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/core/enums.hpp"

int main() { return novu::provider_id(novu::provider_id::slack).is_known() ? 0 : 1; }
