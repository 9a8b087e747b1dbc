// What every resource's request builders share: idempotency keys and path segments.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 13
#endif
// NOVU_CC_STANDALONE }

#include <cstdint>      // int64_t, uint64_t
#include <string>       // string
#include <string_view>  // string_view

#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// A fresh idempotency key: 13 digits of Unix milliseconds and 16 hex digits of randomness
/// from an OS-seeded generator (one per thread). The clients draw both from their Environment.
NOVU_CC_API std::string generate_idempotency_key();

/// The idempotency key of `unix_ms` and `random_bits`: the decimal milliseconds, then the 64
/// bits as 16 hex digits (least significant first). Equal inputs give equal keys.
NOVU_CC_API std::string generate_idempotency_key(std::int64_t unix_ms, std::uint64_t random_bits);

/// `identifier` percent-encoded as one path segment, exactly like JavaScript's
/// encodeURIComponent (unreserved: A-Z a-z 0-9 - _ . ! ~ * ' ( )).
NOVU_CC_API std::string encode_path_segment(std::string_view identifier);

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 13
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
