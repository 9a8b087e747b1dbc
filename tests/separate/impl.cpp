// Fast-compile mode, implementation side: the one translation unit that compiles the library
// (and so nlohmann/json) for the whole program.
// SPDX-License-Identifier: MIT
#define NOVU_CC_SEPARATE_COMPILATION
#define NOVU_CC_IMPLEMENTATION
#include "novu/novu.hpp"

#if !NOVU_CC_WITH_IMPLEMENTATION
#error "NOVU_CC_IMPLEMENTATION must compile the implementation into this translation unit"
#endif
