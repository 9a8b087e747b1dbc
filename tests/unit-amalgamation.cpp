// single_include/ must be what tools/amalgamate.py makes from include/ right now, so the
// drop-in headers can never drift from the sources (nlohmann/json diffs its amalgamation in CI
// the same way).
// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cstdlib>  // system
#include <string>   // string

#ifndef NOVU_CC_SOURCE_DIR
#error "NOVU_CC_SOURCE_DIR must name the repository root"
#endif

TEST_CASE("single_include/ is up to date with include/") {
  const std::string command = std::string("python3 \"") + NOVU_CC_SOURCE_DIR + "/tools/amalgamate.py\" --check";
  INFO("stale single headers: run `python3 tools/amalgamate.py` and commit the result");
  CHECK(std::system(command.c_str()) == 0);
}
