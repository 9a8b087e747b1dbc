// Implementation of novu/core/printing.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/core/detail/mask.hpp"
#include "novu/core/detail/scrub.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/printing.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

namespace detail {

// The printer's scrubber of the option's extra secrets.
inline secret_scrubber extra_secret_scrubber(const debug_print_options& options) {
  secret_scrubber scrubber;
  for (const std::string& s : options.extra_secrets) scrubber.add(s);
  return scrubber;
}

// Appends the body masked, cut to the option's limit, escaped, with a note when cut.
inline void append_body(std::string& out, std::string_view body, const debug_print_options& options,
                        const secret_scrubber& extra) {
  std::size_t longest_secret = 0;
  for (const std::string& s : options.extra_secrets)
    longest_secret = s.size() > longest_secret ? s.size() : longest_secret;
  // Mask past the limit so that a secret crossing the cut, escaped (up to 12 bytes a
  // character) or not, is still whole when it is searched.
  const std::size_t limit = options.max_body_bytes;
  std::string masked;
  json_secret_masker masker;
  const std::size_t consumed = masker.run(body, masked, limit + 12 * longest_secret + 64);
  masked = mask_key_value_pairs(masked);
  extra.scrub(masked);
  std::size_t omitted = body.size() - consumed;
  if (masked.size() > limit) {
    const std::size_t cut = utf8_boundary(masked, limit);
    omitted += masked.size() - cut;
    masked.resize(cut);
  }
  append_printable(out, masked);
  if (omitted > 0) out += "... [" + std::to_string(omitted) + " more bytes]";
}

// Appends `text` (a message or location) with extra secrets masked and escaped.
inline void append_plain(std::string& out, std::string_view text, const secret_scrubber& extra) {
  std::string copy(text);
  extra.scrub(copy);
  append_printable(out, copy);
}

}  // namespace detail

NOVU_CC_API std::string redact_header_value(std::string_view name, std::string_view value) {
  if (!detail::is_secret_header(name)) return std::string(value);
  std::string out;
  std::string_view credential = value;
  // Keep an auth scheme ("ApiKey", "Bearer"): letters only, so a bare key is never taken for one.
  const std::size_t space = value.find(' ');
  bool scheme = space != std::string_view::npos && space >= 1 && space <= 12 &&
                (header_name_equals(name, "authorization") || header_name_equals(name, "proxy-authorization"));
  for (std::size_t i = 0; scheme && i < space; ++i) {
    const char ch = value[i];
    scheme = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
  }
  if (scheme) {
    out.append(value.data(), space + 1);
    credential = value.substr(space + 1);
  }
  if (credential.size() >= 16 && detail::is_valid_utf8(credential.substr(0, 4))) {
    out.append(credential.data(), 4);
    out += "...";
  }
  out.append(redacted_marker.data(), redacted_marker.size());
  return out;
}

NOVU_CC_API std::string redact_json_secrets(std::string_view json) { return detail::mask_credentials(json); }

NOVU_CC_API std::string redact_url(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const std::size_t authority = scheme + 3;
  std::size_t authority_end = url.find_first_of("/?#", authority);
  if (authority_end == std::string_view::npos) authority_end = url.size();
  const std::size_t at = url.rfind('@', authority_end);
  if (at == std::string_view::npos || at < authority) return std::string(url);
  std::string out(url.substr(0, authority));
  out.append(redacted_marker.data(), redacted_marker.size());
  out.append(url.data() + at, url.size() - at);
  return out;
}

namespace detail {
// Appends "Name: value" lines with credentials masked.
inline void append_headers(std::string& out, const http_headers& headers, const secret_scrubber& extra) {
  for (const http_header& h : headers) {
    append_plain(out, h.name, extra);
    out += ": ";
    append_plain(out, redact_header_value(h.name, h.value), extra);
    out.push_back('\n');
  }
}
}  // namespace detail

NOVU_CC_API std::string to_debug_string(const http_request& request, const debug_print_options& options) {
  const detail::secret_scrubber extra = detail::extra_secret_scrubber(options);
  std::string out;
  detail::append_plain(out, request.method, extra);
  out.push_back(' ');
  detail::append_plain(out, detail::mask_key_value_pairs(redact_url(request.url)), extra);
  out.push_back('\n');
  detail::append_headers(out, request.headers, extra);
  if (!request.body.empty()) {
    out.push_back('\n');
    detail::append_body(out, request.body, options, extra);
    out.push_back('\n');
  }
  return out;
}

NOVU_CC_API std::string to_debug_string(const http_response& response, const debug_print_options& options) {
  const detail::secret_scrubber extra = detail::extra_secret_scrubber(options);
  std::string out = "HTTP " + std::to_string(response.status) + "\n";
  detail::append_headers(out, response.headers, extra);
  if (!response.body.empty()) {
    out.push_back('\n');
    detail::append_body(out, response.body, options, extra);
    out.push_back('\n');
  }
  return out;
}

NOVU_CC_API std::string to_debug_string(const error& e, const debug_print_options& options) {
  const detail::secret_scrubber extra = detail::extra_secret_scrubber(options);
  std::string out = "error ";
  const std::string_view kind = to_string(e.kind);
  out.append(kind.data(), kind.size());
  out += ": ";
  detail::append_plain(out, e.message, extra);
  out.push_back('\n');
  if (!e.location.empty()) {
    out += "location: ";
    detail::append_plain(out, e.location, extra);
    out.push_back('\n');
  }
  if (e.status != 0 || !e.headers.empty() || !e.body.empty()) {
    out += "status: " + std::to_string(e.status) + "\n";
    detail::append_headers(out, e.headers, extra);
    if (!e.body.empty()) {
      out.push_back('\n');
      detail::append_body(out, e.body, options, extra);
      out.push_back('\n');
    }
  }
  return out;
}

NOVU_CC_NAMESPACE_END
