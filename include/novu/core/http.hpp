// Plain HTTP values: what the request builder produces and what a transport hands back.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint32_t
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// One HTTP header field, name as written by whoever produced it.
struct http_header {
  std::string name;   ///< field name; compare case-insensitively
  std::string value;  ///< field value, without surrounding whitespace
};

/// Ordered header list: requests keep the order the builder chose, responses the server's order.
using http_headers = std::vector<http_header>;

/// A complete HTTP request, ready for any HTTP stack. Building one never performs I/O.
struct http_request {
  std::string method;    ///< "GET", "POST", "PATCH" or "DELETE"
  std::string url;       ///< absolute URL: origin + path (with query)
  std::string path;      ///< request target as sent on the request line: path and query
  http_headers headers;  ///< headers in send order (no Host or Content-Length: the stack adds them)
  std::string body;      ///< JSON body; empty for GET and DELETE
  /// Per-attempt deadline in milliseconds for the transport (connect + send + receive);
  /// 0 = the transport's own default. Set from `call_options::timeout_ms`.
  std::uint32_t timeout_ms = 0;

  /// Scheme, host and port, e.g. "https://api.novu.co" (the url without its path); the whole
  /// url when `path` is not its tail (a request assembled by hand).
  std::string_view origin() const noexcept {
    const std::string_view whole(url);
    if (path.size() > whole.size() || whole.substr(whole.size() - path.size()) != path) return whole;
    return whole.substr(0, whole.size() - path.size());
  }
};

/// What the server answered. A transport fills this in from its own response type.
struct http_response {
  int status = 0;        ///< HTTP status code
  http_headers headers;  ///< response headers as received
  std::string body;      ///< raw body bytes (JSON text for this API)
};

/// Case-insensitive ASCII comparison of two header names.
inline bool header_name_equals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

/// The first header named `name` (case-insensitive), or nullptr when there is none.
inline const http_header* find_header(const http_headers& headers, std::string_view name) noexcept {
  for (const http_header& h : headers) {
    if (header_name_equals(h.name, name)) return &h;
  }
  return nullptr;
}

NOVU_CC_NAMESPACE_END
