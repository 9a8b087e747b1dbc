// The doctest main of novu_tests, compiled once and linked with every tests/unit-*.cpp.
// SPDX-License-Identifier: MIT
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
