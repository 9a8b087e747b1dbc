// What every resource's response parsers share: the error a non-2xx response stands for.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 14
#endif
// NOVU_CC_STANDALONE }

#include "novu/core/config.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// The error a non-2xx response stands for (what every resource's parsers return for it).
NOVU_CC_API error error_from_response(const http_response& response, const decode_limits& limits = {});

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 14
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
