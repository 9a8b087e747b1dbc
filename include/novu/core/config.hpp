// Client configuration: credentials, server, user agent, decoding limits, per-call options.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 11
#endif
// NOVU_CC_STANDALONE }

#include <cstddef>      // size_t
#include <cstdint>      // uint32_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view

#include "novu/core/retry.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// Novu's US region, the default server.
inline constexpr std::string_view server_us{"https://api.novu.co"};
/// Novu's EU region.
inline constexpr std::string_view server_eu{"https://eu.api.novu.co"};
/// The product token this library sends as User-Agent unless told otherwise.
inline constexpr std::string_view default_user_agent{"novu-cpp-channels/" NOVU_CC_VERSION_STRING};

/// Bounds applied before and while decoding a response body, so a hostile or broken server
/// cannot make the client allocate without limit.
struct decode_limits {
  std::size_t max_body_bytes = 8u * 1024u * 1024u;  ///< larger bodies are refused unread
  std::size_t max_depth = 64;                       ///< deeper nesting of arrays/objects is refused
  /// Most array elements plus object members in one document, counted at every level (unknown
  /// members and any-JSON values included); one more is refused while parsing. A page of 100
  /// connections holds 2,000 to 3,000. Bounds what many tiny elements (`"",` is 3 bytes of body
  /// but a 32-byte std::string) can make a decoder allocate.
  std::size_t max_elements = 100000;
};

/// Everything a request needs besides its own arguments.
struct client_config {
  /// Novu secret key. Blanks around it (space, tab, CR, LF) and an "ApiKey" scheme in front, in
  /// any case, are not part of the key: the request always carries `Authorization: ApiKey <key>`.
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
  /// Replaces `client_config::retry` for this call only (e.g. `retry_policy::disabled()` for a
  /// call that must not be repeated); nullopt uses the client's policy.
  std::optional<retry_policy> retry{};
  /// Deadline of each attempt in milliseconds, handed to the transport as
  /// `http_request::timeout_ms`; 0 leaves it to the transport's own default. The client cuts it
  /// to what is left of the policy's `max_elapsed_ms`, so the whole call ends within that.
  std::uint32_t timeout_ms = 0;
};

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 11
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation_light.hpp"
#endif
// NOVU_CC_STANDALONE }
