// Client configuration: credentials, server, user agent, decoding limits, per-call options.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <string>       // string
#include <string_view>  // string_view

#include "novu/retry.hpp"
#include "novu/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// Novu's US region, the default server.
inline constexpr std::string_view server_us{"https://api.novu.co"};
/// Novu's EU region.
inline constexpr std::string_view server_eu{"https://eu.api.novu.co"};
/// The product token this library sends as User-Agent unless told otherwise.
inline constexpr std::string_view default_user_agent{"novu-cpp-channel-connections/" NOVU_CC_VERSION_STRING};

/// Bounds applied before and while decoding a response body, so a hostile or broken server
/// cannot make the client allocate without limit.
struct decode_limits {
  std::size_t max_body_bytes = 8u * 1024u * 1024u;  ///< larger bodies are refused unread
  std::size_t max_depth = 64;                       ///< deeper nesting of arrays/objects is refused
};

/// Everything a request needs besides its own arguments.
struct client_config {
  /// Novu secret key; "ApiKey " is prepended unless the value already starts with it.
  std::string secret_key;
  /// Base URL: `server_us` (default), `server_eu` or any http(s) URL. A path prefix such as
  /// "http://host/proxy/novu" is kept; a trailing slash is ignored.
  std::string server_url{server_us};
  /// User-Agent header value.
  std::string user_agent{default_user_agent};
  /// Limits for decoding responses.
  decode_limits limits{};
  /// Retries applied by the clients (the builders and parsers ignore it).
  retry_policy retry{};
};

/// Options of one logical call.
struct call_options {
  /// Value of the `idempotency-key` header; empty means "generate a unique one". The same key
  /// is sent on every retry of the call. At most 255 characters, no control characters.
  std::string idempotency_key;
};

NOVU_CC_NAMESPACE_END
