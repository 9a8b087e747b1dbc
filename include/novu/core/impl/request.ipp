// Implementation of novu/core/request.hpp: what every resource's request builders share (the
// server URL, identifiers, idempotency keys, the headers every request sends, queries).
// SPDX-License-Identifier: MIT
#pragma once

#include <charconv>     // to_chars
#include <cstddef>      // size_t
#include <cstdint>      // int64_t, uint32_t, uint64_t
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/core/config.hpp"
#include "novu/core/detail/scrub.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/impl/retry.ipp"
#include "novu/core/request.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Longest idempotency key the server accepts.
inline constexpr std::size_t max_idempotency_key_length = 255;

// The server URL split into origin ("https://host:port") and path prefix ("/proxy/novu").
struct base_url {
  std::string_view origin;
  std::string_view prefix;
};

// True for the characters of a registered name or IPv4 address: letters, digits, '.', '-'.
constexpr bool is_host_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// True for the characters of an IPv6 literal between its brackets: hex digits, ':', '.'.
constexpr bool is_ipv6_char(char c) noexcept {
  return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9') || c == ':' || c == '.';
}

// Checks and splits `config.server_url`: `http(s)://host[:port][/prefix]`, where host is a
// name or IPv4 address of letters, digits, '.' and '-', or a bracketed IPv6 literal; port is
// 1..65535; no user information, backslash, query or fragment (each of which lets two URL
// parsers disagree about the host the key is sent to).
inline result<base_url> split_server_url(std::string_view url) {
  auto invalid = [](const char* why) {
    return make_error(error_kind::invalid_argument, std::string("server_url ") + why, "server_url");
  };
  std::size_t scheme_end = 0;
  if (url.compare(0, 7, "http://") == 0) {
    scheme_end = 7;
  } else if (url.compare(0, 8, "https://") == 0) {
    scheme_end = 8;
  } else {
    return invalid("must start with http:// or https://");
  }
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F) return invalid("must not contain spaces, control or non-ASCII characters");
    if (ch == '?' || ch == '#') return invalid("must not contain a query or a fragment");
    if (ch == '\\') return invalid("must not contain a backslash");
  }
  while (url.size() > scheme_end && url.back() == '/') url.remove_suffix(1);
  const std::size_t slash = url.find('/', scheme_end);
  const std::size_t host_end = slash == std::string_view::npos ? url.size() : slash;
  const std::string_view authority = url.substr(scheme_end, host_end - scheme_end);
  if (authority.find('@') != std::string_view::npos) {
    return invalid("must not contain user information ('@' before the host)");
  }
  std::string_view host = authority;
  std::optional<std::string_view> port;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return invalid("has an IPv6 literal without its closing ']'");
    const std::string_view literal = authority.substr(1, close - 1);
    bool valid = literal.find(':') != std::string_view::npos;
    for (char c : literal) valid = valid && is_ipv6_char(c);
    if (!valid) return invalid("has an IPv6 literal with characters other than hex digits, ':' and '.'");
    host = authority.substr(0, close + 1);
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return invalid("has characters after the IPv6 literal");
    if (!rest.empty()) port = rest.substr(1);
  } else {
    const std::size_t colon = authority.find(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
    }
    for (char c : host) {
      if (!is_host_char(c)) return invalid("has a host with characters other than letters, digits, '.' and '-'");
    }
  }
  if (host.empty()) return invalid("has no host");
  if (port) {
    std::uint32_t number = 0;
    bool valid = !port->empty() && port->size() <= 5;
    for (char c : *port) {
      valid = valid && c >= '0' && c <= '9';
      if (valid) number = number * 10 + static_cast<std::uint32_t>(c - '0');
    }
    if (!valid || number == 0 || number > 65535) return invalid("has a port that is not a number from 1 to 65535");
  }
  return base_url{url.substr(0, host_end), url.substr(host_end)};
}

// Checks an identifier that becomes one path segment.
inline std::optional<error> check_identifier(std::string_view identifier) {
  if (identifier.empty()) return make_error(error_kind::invalid_argument, "identifier is empty", "identifier");
  if (identifier == "." || identifier == "..") {
    return make_error(error_kind::invalid_argument,
                      "identifier \".\" or \"..\" would address another URL once dot segments are resolved",
                      "identifier");
  }
  if (!is_valid_utf8(identifier)) {
    return make_error(error_kind::invalid_argument, "identifier is not valid UTF-8", "identifier");
  }
  return std::nullopt;
}

// Checks a caller-supplied idempotency key.
inline std::optional<error> check_idempotency_key(std::string_view key) {
  if (key.size() > max_idempotency_key_length) {
    return make_error(error_kind::invalid_argument,
                      "idempotency_key is " + std::to_string(key.size()) + " characters long; the limit is 255",
                      "idempotency_key");
  }
  for (char ch : key) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c > 0x7E) {
      return make_error(error_kind::invalid_argument,
                        "idempotency_key may hold only printable ASCII characters (no CR, LF, NUL or controls)",
                        "idempotency_key");
    }
  }
  return std::nullopt;
}

// Appends header `name: value`.
inline void add_header(http_headers& headers, std::string_view name, std::string value) {
  headers.emplace_back();
  headers.back().name.assign(name.data(), name.size());
  headers.back().value = std::move(value);
}

// Starts a request: method, URL, path and the headers every operation sends. `resource_path`
// is "/v1/channel-connections" plus an optional "/{identifier}" and "?query".
inline result<http_request> start_request(const client_config& config, const char* method, std::string resource_path,
                                          const call_options& options, bool has_body) {
  result<base_url> base = split_server_url(config.server_url);
  if (!base) return std::move(base).error();
  const std::string_view key = secret_core(config.secret_key);
  if (key.empty()) {
    return make_error(error_kind::invalid_argument,
                      config.secret_key.empty() ? "secret_key is empty: Novu needs an API key"
                                                : "secret_key holds no key (only blanks or the \"ApiKey\" scheme)",
                      "secret_key");
  }
  if (!is_valid_utf8(key)) {
    return make_error(error_kind::invalid_argument, "secret_key is not valid UTF-8", "secret_key");
  }
  for (char ch : key) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) {
      return make_error(error_kind::invalid_argument,
                        "secret_key contains a blank or a control character (CR, LF, NUL...) inside the key",
                        "secret_key");
    }
  }
  if (!is_valid_utf8(config.user_agent)) {
    return make_error(error_kind::invalid_argument, "user_agent is not valid UTF-8", "user_agent");
  }
  if (!is_safe_header_value(config.user_agent)) {
    return make_error(error_kind::invalid_argument, "user_agent contains a control character (CR, LF, NUL...)",
                      "user_agent");
  }
  if (std::optional<error> bad = check_idempotency_key(options.idempotency_key)) return std::move(*bad);

  http_request request;
  request.method = method;
  request.timeout_ms = options.timeout_ms;
  if (base->prefix.empty()) {
    request.path = std::move(resource_path);
  } else {
    request.path.reserve(base->prefix.size() + resource_path.size());
    request.path.append(base->prefix.data(), base->prefix.size());
    request.path += resource_path;
  }
  request.url.reserve(base->origin.size() + request.path.size());
  request.url.append(base->origin.data(), base->origin.size());
  request.url += request.path;

  static constexpr std::string_view json_type{"application/json"};
  request.headers.reserve(5);
  std::string authorization;
  authorization.reserve(7 + key.size());
  authorization.append("ApiKey ").append(key.data(), key.size());
  add_header(request.headers, "Authorization", std::move(authorization));
  add_header(request.headers, "Accept", std::string(json_type));
  if (has_body) add_header(request.headers, "Content-Type", std::string(json_type));
  add_header(request.headers, "idempotency-key",
             options.idempotency_key.empty() ? generate_idempotency_key() : options.idempotency_key);
  add_header(request.headers, "User-Agent", config.user_agent);
  return request;
}

// "{collection}{identifier}" (`collection` ends with '/'), the identifier percent-encoded as one
// segment, or the error for a bad identifier.
inline result<std::string> collection_item_path(std::string_view collection, std::string_view identifier) {
  if (std::optional<error> bad = check_identifier(identifier)) return std::move(*bad);
  std::string path;
  path.reserve(collection.size() + 3 * identifier.size());  // room for every byte percent-encoded
  path.append(collection.data(), collection.size());
  append_percent_encoded(path, identifier, false);
  return path;
}

// Appends "&name=value" (or "?name=value" first) with the value percent-encoded.
inline void append_query(std::string& path, bool& first, std::string_view name, std::string_view value) {
  path.push_back(first ? '?' : '&');
  first = false;
  path.append(name.data(), name.size());
  path.push_back('=');
  append_percent_encoded(path, value, true);
}

// The error for a list parameter that is not valid UTF-8.
inline error invalid_utf8_parameter(const char* name) {
  return make_error(error_kind::invalid_argument, std::string(name) + " is not valid UTF-8", name);
}

}  // namespace detail

NOVU_CC_API std::string generate_idempotency_key() {
  return generate_idempotency_key(system_environment{}.unix_ms(), detail::thread_random_engine()());
}

NOVU_CC_API std::string generate_idempotency_key(std::int64_t unix_ms, std::uint64_t random_bits) {
  char text[48];
  char* end = std::to_chars(text, text + 24, unix_ms).ptr;
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < 16; ++i) {
    *end++ = hex[random_bits & 0x0F];
    random_bits >>= 4;
  }
  return std::string(text, end);
}

NOVU_CC_API std::string encode_path_segment(std::string_view identifier) {
  std::string out;
  detail::append_percent_encoded(out, identifier, false);
  return out;
}

NOVU_CC_NAMESPACE_END
