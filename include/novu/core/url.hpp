// A built request's URL taken apart for HTTP stacks that want scheme, host, port and target
// separately, plus the Host header value to send (Boost.Beast, raw sockets, engine modules).
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint16_t
#include <string>       // string, to_string
#include <string_view>  // string_view

#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// An absolute http(s) URL in the pieces a transport sends: connect to `host`:`port` (TLS when
/// `scheme` is "https"), write `target` on the request line and `host_header` as Host.
struct url_parts {
  std::string scheme;          ///< "http" or "https", lower case
  std::string host;            ///< host name or IP address as written; an IPv6 literal without brackets ("::1")
  std::uint16_t port = 0;      ///< the URL's port, or the scheme's default (80 for http, 443 for https)
  bool explicit_port = false;  ///< true when the URL names a port (even the default one)
  bool ip_literal = false;     ///< true for an IPv6 literal or a dotted IPv4 address (no SNI for those)
  std::string target;          ///< path and query for the request line ("/v1/x?a=b"); "/" when the URL has no path
  std::string host_header;     ///< Host value: host (IPv6 in brackets), ":port" only when not the default

  /// True for https: the connection must be TLS.
  bool tls() const noexcept { return scheme == "https"; }
};

/// The default port of "http" (80) or "https" (443), any case; 0 for any other scheme.
constexpr std::uint16_t default_port(std::string_view scheme) noexcept {
  if (scheme.size() == 4 || scheme.size() == 5) {
    const char lower[] = "https";
    for (std::size_t i = 0; i < scheme.size(); ++i) {
      const char c = scheme[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) return 0;
    }
    return scheme.size() == 4 ? 80 : 443;
  }
  return 0;
}

namespace detail {

// An invalid_argument error at location "url" naming what is wrong.
inline error url_error(const std::string& what) {
  return make_error(error_kind::invalid_argument, "malformed URL: " + what, "url");
}

// True for a dotted-quad IPv4 address ("127.0.0.1"): four decimal parts of at most 255.
constexpr bool is_ipv4_address(std::string_view host) noexcept {
  int parts = 0;
  std::size_t i = 0;
  while (i <= host.size()) {
    std::size_t digits = 0;
    unsigned value = 0;
    for (; i < host.size() && host[i] >= '0' && host[i] <= '9' && digits < 4; ++i, ++digits) {
      value = value * 10 + static_cast<unsigned>(host[i] - '0');
    }
    if (digits == 0 || digits > 3 || value > 255) return false;
    ++parts;
    if (i == host.size()) return parts == 4;
    if (host[i] != '.') return false;
    ++i;
  }
  return false;
}

// True for a character a host name may hold: letters, digits, '.', '-', '_' and '~'.
constexpr bool is_host_name_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == '_' || c == '~';
}

// True for an IPv6 address as written inside brackets (RFC 4291 text form): up to eight groups
// of 1-4 hex digits separated by ':', at most one "::" standing for one or more zero groups, the
// last two groups optionally written as a dotted IPv4 address. No zone identifier.
constexpr bool is_ipv6_address(std::string_view text) noexcept {
  int groups = 0;
  bool elided = false;
  std::size_t i = 0;
  if (text.substr(0, 2) == "::") {
    elided = true;
    i = 2;
  } else if (!text.empty() && text.front() == ':') {
    return false;
  }
  while (i < text.size()) {
    const std::size_t end = text.find(':', i) == std::string_view::npos ? text.size() : text.find(':', i);
    const std::string_view group = text.substr(i, end - i);
    if (end == text.size() && group.find('.') != std::string_view::npos) {
      if (!is_ipv4_address(group)) return false;
      groups += 2;
      break;
    }
    if (group.empty() || group.size() > 4) return false;
    for (const char c : group) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    ++groups;
    if (end == text.size()) break;
    if (text.substr(end, 2) == "::") {
      if (elided) return false;
      elided = true;
      i = end + 2;
    } else {
      i = end + 1;
      if (i == text.size()) return false;  // a trailing single ':'
    }
  }
  return elided ? groups <= 7 : groups == 8;
}

}  // namespace detail

/// Splits an absolute "http(s)://host[:port][/path][?query]" URL. Fails with `invalid_argument`
/// (location "url") for another scheme, userinfo, an empty or malformed host, a port that is
/// empty, not a number or outside 1..65535, a fragment, or a space, control or non-ASCII byte;
/// never crashes, whatever the input.
inline result<url_parts> split_url(std::string_view url) {
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) return detail::url_error("no \"://\" after a scheme");
  const std::string_view scheme = url.substr(0, colon);
  const std::uint16_t default_port_of_scheme = default_port(scheme);
  if (default_port_of_scheme == 0) return detail::url_error("the scheme is not http or https");
  for (const char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F) return detail::url_error("a space, control character or non-ASCII byte");
  }
  if (url.find('#') != std::string_view::npos) return detail::url_error("a fragment (#...) is never sent");

  url_parts out;
  out.scheme = default_port_of_scheme == 80 ? "http" : "https";
  out.port = default_port_of_scheme;
  const std::size_t authority_begin = colon + 3;
  std::size_t authority_end = url.find_first_of("/?", authority_begin);
  if (authority_end == std::string_view::npos) authority_end = url.size();
  const std::string_view authority = url.substr(authority_begin, authority_end - authority_begin);
  if (authority.find('@') != std::string_view::npos) return detail::url_error("userinfo (user@) in the URL");

  std::string_view host;
  std::string_view rest;  // ":port" or empty
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return detail::url_error("an IPv6 literal without \"]\"");
    host = authority.substr(1, close - 1);
    rest = authority.substr(close + 1);
    if (!detail::is_ipv6_address(host)) return detail::url_error("a bracketed host that is not an IPv6 address");
    out.ip_literal = true;
  } else {
    const std::size_t port_colon = authority.find(':');
    host = authority.substr(0, port_colon);
    rest = port_colon == std::string_view::npos ? std::string_view() : authority.substr(port_colon);
    for (const char c : host) {
      if (!detail::is_host_name_char(c)) return detail::url_error("a character a host name cannot hold");
    }
    out.ip_literal = detail::is_ipv4_address(host);
  }
  if (host.empty()) return detail::url_error("an empty host");
  if (!rest.empty()) {
    if (rest.front() != ':') return detail::url_error("text after the IPv6 literal that is not \":port\"");
    const std::string_view digits = rest.substr(1);
    if (digits.empty() || digits.size() > 5) return detail::url_error("a port that is empty or too long");
    unsigned long value = 0;
    for (const char c : digits) {
      if (c < '0' || c > '9') return detail::url_error("a port that is not a number");
      value = value * 10 + static_cast<unsigned long>(c - '0');
    }
    if (value == 0 || value > 65535) return detail::url_error("a port outside 1..65535");
    out.port = static_cast<std::uint16_t>(value);
    out.explicit_port = true;
  }
  out.host.assign(host.data(), host.size());
  const std::string_view target = url.substr(authority_end);
  if (target.empty() || target.front() == '?') out.target = "/";
  out.target.append(target.data(), target.size());
  out.host_header = authority.front() == '[' ? "[" + out.host + "]" : out.host;
  if (out.port != default_port_of_scheme) out.host_header += ":" + std::to_string(out.port);
  return out;
}

/// `split_url(request.url)`: the pieces of a built request's URL.
inline result<url_parts> split_url(const http_request& request) { return split_url(request.url); }

NOVU_CC_NAMESPACE_END
