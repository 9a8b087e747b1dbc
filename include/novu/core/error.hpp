// The error value every fallible function returns instead of throwing.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 8
#endif
// NOVU_CC_STANDALONE }

#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/core/api_error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// What went wrong, coarse enough to branch on.
enum class error_kind : unsigned char {
  invalid_argument,  ///< the caller's input was rejected before anything was sent
  transport,         ///< the transport could not deliver the request or read the answer
  api,               ///< the server answered with a documented error status and an `ErrorDto`
  validation,        ///< the server answered 422 with a `ValidationErrorDto`
  http,              ///< any other non-2xx answer, or an error body that is not an `ErrorDto`
  decode,            ///< a 2xx answer whose body is not what the API documents
  limit_exceeded,    ///< a body above the size or nesting limit was refused before decoding
  cancelled,         ///< the caller cancelled the async call (async_call_handle::cancel), or the transport did
};

/// Lower-case name of an error kind, e.g. "invalid_argument".
constexpr std::string_view to_string(error_kind kind) noexcept {
  switch (kind) {
    case error_kind::invalid_argument: return "invalid_argument";
    case error_kind::transport: return "transport";
    case error_kind::api: return "api";
    case error_kind::validation: return "validation";
    case error_kind::http: return "http";
    case error_kind::decode: return "decode";
    case error_kind::limit_exceeded: return "limit_exceeded";
    case error_kind::cancelled: return "cancelled";
  }
  return "unknown";
}

/// An error value. No field of an error a client call returns holds the secret key or a token
/// the call sent, in any spelling (see docs/reference.md, "Secrets"); credential-named values
/// (`accessToken`, `Authorization`, `token=`...) are masked in every error the parsers return.
struct error {
  error_kind kind = error_kind::invalid_argument;  ///< what went wrong
  /// Human-readable explanation: control characters escaped (\n, \xNN), at most about 4 KB,
  /// with a note of what was left out.
  std::string message;
  /// Where the problem is: a JSON pointer into the body (e.g. "/data/workspace/id"), or a
  /// parameter name for invalid arguments. Empty when it concerns the whole thing.
  std::string location;
  int status = 0;                ///< HTTP status when a response was received, else 0
  http_headers headers;          ///< response headers when a response was received, credentials masked
  std::string body;              ///< response body (credentials masked; empty above decode_limits::max_body_bytes)
  std::optional<api_error> api;  ///< decoded `ErrorDto`/`ValidationErrorDto` for api/validation
  /// Meaningful for kind `transport` only: false when trying again cannot help (the transport
  /// was shut down, the URL scheme is unsupported), and the clients then return at once instead
  /// of retrying. For every other kind it says nothing (it stays true, except `cancelled`:
  /// false); branch on `kind` and `status` there.
  bool retryable = true;
};

/// An error of kind `kind` with `message` and optional `location`.
inline error make_error(error_kind kind, std::string message, std::string location = {}) {
  error e;
  e.kind = kind;
  e.message = std::move(message);
  e.location = std::move(location);
  return e;
}

/// A transport failure, for transports to return when no response could be obtained; pass
/// `retryable = false` when another attempt cannot succeed.
inline error transport_error(std::string message, bool retryable = true) {
  error e = make_error(error_kind::transport, std::move(message));
  e.retryable = retryable;
  return e;
}

/// Replaces every occurrence of `secret` in every field of the error (message, location, body,
/// headers, each member of `api`) with "[redacted]": verbatim, JSON-escaped in any spelling, or
/// percent-encoded; surrounding blanks and an "ApiKey " scheme (any case) are not part of the
/// secret. Linear in the error's size. Secrets shorter than 4 bytes are left alone (they cannot
/// be told apart from ordinary words).
NOVU_CC_API void redact_secret(error& e, std::string_view secret);

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 8
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation_light.hpp"
#endif
// NOVU_CC_STANDALONE }
