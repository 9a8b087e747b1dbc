// The part of the implementation that needs only the standard library (errors, retries, the
// debug printer): what the outermost of error.hpp, result.hpp, retry.hpp, config.hpp and
// printing.hpp includes at its end in the header-only mode, so that they work on their own
// without nlohmann/json. See novu/detail/implementation.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include "novu/version.hpp"

#if NOVU_CC_WITH_IMPLEMENTATION
#include "novu/impl/error.ipp"
#include "novu/impl/printing.ipp"
#include "novu/impl/retry.ipp"
#endif
