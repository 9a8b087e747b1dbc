// The error value every fallible function returns instead of throwing.
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/dto.hpp"
#include "novu/http.hpp"
#include "novu/version.hpp"

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
  }
  return "unknown";
}

/// An error value. `message` never contains the secret key, an access token or a refresh token.
struct error {
  error_kind kind = error_kind::invalid_argument;  ///< what went wrong
  std::string message;                             ///< human-readable explanation, secret-free
  /// Where the problem is: a JSON pointer into the body (e.g. "/data/workspace/id"), or a
  /// parameter name for invalid arguments. Empty when it concerns the whole thing.
  std::string location;
  int status = 0;                   ///< HTTP status when a response was received, else 0
  http_headers headers;             ///< response headers when a response was received
  std::string body;                 ///< raw response body when one was received (may hold secrets)
  std::optional<api_error> api;     ///< decoded `ErrorDto`/`ValidationErrorDto` for api/validation
  /// For transport errors: false when trying again cannot help (the transport was shut down,
  /// the URL scheme is unsupported); the clients then return at once instead of retrying.
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

/// Replaces every occurrence of `secret` in the error's message and location with
/// "[redacted]". Secrets shorter than 4 characters are left alone (they cannot be told apart
/// from ordinary words).
NOVU_CC_API void redact_secret(error& e, std::string_view secret);

NOVU_CC_NAMESPACE_END
