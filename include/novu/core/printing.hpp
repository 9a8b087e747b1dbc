// Debug printing of requests, responses and errors for logs and bug reports, with credentials
// masked: credential-bearing header values (Authorization, Cookie, X-Api-Key, WWW-Authenticate,
// any name holding auth, token, secret, key...), credential values in bodies (see
// redact_json_secrets), and userinfo and `token=` pairs in URLs. Control characters and invalid UTF-8
// are escaped, so a hostile body cannot forge log lines. Needs only the standard library (not
// nlohmann/json); in the fast-compile mode it is compiled once with the rest of the
// implementation (novu/core/impl/printing.ipp).
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 7
#endif
// NOVU_CC_STANDALONE }

#include <cstddef>      // size_t
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// What the debug printer shows.
struct debug_print_options {
  /// Bodies are cut after this many bytes (once masked); the number of bytes left out is noted.
  std::size_t max_body_bytes = 4096;
  /// Further secrets to mask wherever they appear verbatim, e.g. a token a server echoed in a
  /// free-text message. Entries shorter than 4 characters are ignored.
  std::vector<std::string> extra_secrets;
};

/// The text that replaces every masked value.
inline constexpr std::string_view redacted_marker{"[redacted]"};

/// `value` of header `name` fit for printing: credentials keep at most their scheme and the
/// first 4 characters of a long key ("ApiKey sk_l...[redacted]"); other values are unchanged.
NOVU_CC_API std::string redact_header_value(std::string_view name, std::string_view value);

/// `json` (even malformed or truncated, or not JSON at all) with credentials masked: the values
/// of members whose names end in token, secret, key, password, authorization, cookie...
/// (`accessToken`, `client_secret`, `apiKey`; not `accessTokenExpiresAt`, `contextKeys`), also
/// inside strings that hold JSON; the `value` a 422 body echoes for such a field; and
/// `name=value` / `name: value` pairs with such names ("token=abc", "Authorization: Bearer abc").
/// This is what an error's `body` holds of the response body.
NOVU_CC_API std::string redact_json_secrets(std::string_view json);

/// `url` with any userinfo ("https://user:password@host") masked.
NOVU_CC_API std::string redact_url(std::string_view url);

/// Method, URL, headers and body of `request`, credentials masked, e.g. for a log line.
NOVU_CC_API std::string to_debug_string(const http_request& request, const debug_print_options& options = {});

/// Status, headers and body of `response`, credentials masked.
NOVU_CC_API std::string to_debug_string(const http_response& response, const debug_print_options& options = {});

/// Kind, message, location, status, and the response headers and body an error keeps (the
/// raw body may hold tokens: it is masked like any other).
NOVU_CC_API std::string to_debug_string(const error& e, const debug_print_options& options = {});

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 7
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation_light.hpp"
#endif
// NOVU_CC_STANDALONE }
