// One public header alone: see tests/standalone/version.cpp.
#include "novu/enums.hpp"

int main() { return novu::provider_id(novu::provider_id::slack).is_known() ? 0 : 1; }
