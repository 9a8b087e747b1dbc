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

#include <optional>  // optional
#include <string>    // string

#include "novu/core/config.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// The error a non-2xx response stands for (what every resource's parsers return for it).
NOVU_CC_API error error_from_response(const http_response& response, const decode_limits& limits = {});

/// True when `e` is a permanent conflict: a 409 answer without Retry-After or Retry-After-Ms
/// (the server's "... already exists"), which the clients return after one attempt because
/// another attempt cannot succeed. A 409 with Retry-After (a request with the same idempotency
/// key still in progress) is transient and not a permanent conflict.
NOVU_CC_API bool is_permanent_conflict(const error& e) noexcept;

/// The identifier of the existing resource a permanent conflict names, read from the server's
/// message: "... Connection ID: <id>" (same integration, subscriber and context), or
/// `... with identifier "<id>" already exists ...` (duplicate identifier). nullopt for any
/// other error or message. It is cut from the error's message, which the clients have scrubbed
/// of the secret key and the call's tokens, so it never holds them; nullopt when what the
/// message names was redacted or is empty.
NOVU_CC_API std::optional<std::string> conflicting_identifier(const error& e);

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 14
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
