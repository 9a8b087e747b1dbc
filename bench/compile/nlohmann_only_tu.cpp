// Compile-time probe: a translation unit that only includes nlohmann/json.hpp.
// SPDX-License-Identifier: MIT
#include <nlohmann/json.hpp>
