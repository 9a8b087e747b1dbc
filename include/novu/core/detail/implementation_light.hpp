// The part of the implementation that needs only the standard library (errors, retries, the
// debug printer): what the outermost of error.hpp, result.hpp, retry.hpp, config.hpp and
// printing.hpp includes at its end in the header-only mode, so that they work on their own
// without nlohmann/json. See novu/connections/detail/implementation.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include "novu/core/version.hpp"

#if NOVU_CC_WITH_IMPLEMENTATION
#include "novu/core/impl/error.ipp"
#include "novu/core/impl/pagination.ipp"
#include "novu/core/impl/printing.ipp"
#include "novu/core/impl/retry.ipp"
#endif
