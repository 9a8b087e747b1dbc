// The one translation unit of novu_tests that compiles the library (and nlohmann/json): the unit
// files are built in the fast-compile mode (NOVU_CC_SEPARATE_COMPILATION), each parsing only
// the declarations, except those marked NOVU_CC_TEST_HEADER_ONLY (novu_tests_header_only).
// SPDX-License-Identifier: MIT
#define NOVU_CC_IMPLEMENTATION
#include "novu/connections/async_client.hpp"
#include "novu/endpoints/async_client.hpp"
#include "novu/novu.hpp"

#if !NOVU_CC_WITH_IMPLEMENTATION || !defined(NOVU_CC_SEPARATE_COMPILATION)
#error "unit_implementation.cpp is built with NOVU_CC_SEPARATE_COMPILATION and compiles the implementation"
#endif
