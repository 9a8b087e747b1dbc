// Implementation of novu/printing.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/detail/text.hpp"
#include "novu/error.hpp"
#include "novu/http.hpp"
#include "novu/printing.hpp"
#include "novu/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

namespace detail {

// ASCII lower case of `key` without '_' and '-', so "access_token" matches "accessToken".
inline std::string normalized_key(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char ch : key) {
    if (ch == '_' || ch == '-') continue;
    out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  }
  return out;
}

// True for member names whose values are credentials.
inline bool is_secret_member(std::string_view normalized) noexcept {
  return normalized == "accesstoken" || normalized == "refreshtoken" || normalized == "secretkey" ||
         normalized == "apikey";
}

// True for header names whose values are credentials.
inline bool is_secret_header(std::string_view name) noexcept {
  return header_name_equals(name, "authorization") || header_name_equals(name, "proxy-authorization") ||
         header_name_equals(name, "cookie") || header_name_equals(name, "set-cookie") ||
         header_name_equals(name, "x-api-key");
}

// Appends `text` with control characters, DEL and bytes that are not valid UTF-8 escaped as
// \n, \r, \t or \xNN; valid multi-byte UTF-8 is kept.
inline void append_printable(std::string& out, std::string_view text) {
  static const char hex[] = "0123456789ABCDEF";
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(text[i]);
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xF4) {
      const std::size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      if (i + len <= text.size() && is_valid_utf8(text.substr(i, len))) {
        out.append(text.data() + i, len);
        i += len;
        continue;
      }
    }
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0x0F]);
    }
    ++i;
  }
}

// Replaces every verbatim occurrence of each secret (4 characters or more) with the marker.
inline void redact_verbatim(std::string& text, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.size() < 4) continue;
    std::string::size_type at = 0;
    while ((at = text.find(secret, at)) != std::string::npos) {
      text.replace(at, secret.size(), redacted_marker.data(), redacted_marker.size());
      at += redacted_marker.size();
    }
  }
}

// A tolerant single-pass scanner over JSON-like text that masks credential values. It keeps
// a stack of open containers instead of recursing and accepts malformed or truncated input:
// any string followed by ':' counts as a member name. Three cases: the value of an
// `accessToken`-like member (masked whole, containers included), the `value` a
// ValidationErrorDto echoes under an "auth.accessToken"-like key, and everything else (copied).
class json_secret_masker {
 public:
  // Masks `text` into `out`, stopping once `out` reaches `stop_at` bytes. Returns the number
  // of bytes of `text` consumed.
  std::size_t run(std::string_view text, std::string& out, std::size_t stop_at) {
    text_ = text;
    pos_ = 0;
    out_ = &out;
    while (pos_ < text_.size() && out.size() < stop_at) {
      const char ch = text_[pos_];
      if (ch == '"') {
        string_token(stop_at);
      } else if (ch == '{' || ch == '[') {
        stack_.push_back(value_rule());
        pending_ = rule::none;
        out.push_back(ch);
        ++pos_;
      } else if (ch == '}' || ch == ']') {
        if (!stack_.empty()) stack_.pop_back();
        pending_ = rule::none;
        out.push_back(ch);
        ++pos_;
      } else if (ch == ',') {
        pending_ = rule::none;
        out.push_back(ch);
        ++pos_;
      } else if (is_blank(ch) || ch == ':') {
        out.push_back(ch);
        ++pos_;
      } else {
        scalar_token(stop_at);
      }
    }
    return pos_;
  }

 private:
  enum class rule : unsigned char { none, mask_all, mask_echo };

  static bool is_blank(char ch) noexcept { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

  // The rule of the value starting here: set by its member name, else inherited.
  rule value_rule() const noexcept {
    if (pending_ != rule::none) return pending_;
    return !stack_.empty() && stack_.back() == rule::mask_all ? rule::mask_all : rule::none;
  }

  // Numbers, literals and stray bytes up to the next delimiter.
  void scalar_token(std::size_t stop_at) {
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const char ch = text_[pos_];
      if (ch == '"' || ch == '{' || ch == '}' || ch == '[' || ch == ']' || ch == ',' || ch == ':' || is_blank(ch)) {
        break;
      }
      ++pos_;
    }
    const std::string_view token = text_.substr(start, pos_ - start);
    if (value_rule() != rule::none && token != "null" && token != "true" && token != "false") {
      // Quoted, so the output stays JSON and masking it again changes nothing.
      out_->push_back('"');
      out_->append(redacted_marker.data(), redacted_marker.size());
      out_->push_back('"');
    } else {
      pos_ = start;
      copy_until(start + token.size(), stop_at);
    }
    pending_ = rule::none;
  }

  // The content of a string token with its JSON escapes resolved; a non-ASCII \u escape
  // becomes a byte that matches no member name.
  static std::string unescape(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '\\' || i + 1 >= raw.size()) {
        out.push_back(raw[i]);
        continue;
      }
      const char e = raw[++i];
      if (e != 'u') {
        out.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e);
        continue;
      }
      unsigned value = 0;
      bool ok = i + 4 < raw.size();
      for (std::size_t k = 1; ok && k <= 4; ++k) {
        const char h = raw[i + k];
        if (h >= '0' && h <= '9') {
          value = value * 16 + static_cast<unsigned>(h - '0');
        } else if (h >= 'a' && h <= 'f') {
          value = value * 16 + static_cast<unsigned>(h - 'a' + 10);
        } else if (h >= 'A' && h <= 'F') {
          value = value * 16 + static_cast<unsigned>(h - 'A' + 10);
        } else {
          ok = false;
        }
      }
      if (!ok) {
        out.push_back('\x80');
        continue;
      }
      out.push_back(value < 0x80 ? static_cast<char>(value) : '\x80');
      i += 4;
    }
    return out;
  }

  void string_token(std::size_t stop_at) {
    // Find the closing quote, skipping escaped characters.
    std::size_t end = pos_ + 1;
    bool closed = false;
    while (end < text_.size()) {
      if (text_[end] == '\\') {
        end += 2;
      } else if (text_[end] == '"') {
        closed = true;
        break;
      } else {
        ++end;
      }
    }
    if (end > text_.size()) end = text_.size();
    const std::string_view raw = text_.substr(pos_ + 1, end - (pos_ + 1));
    const std::size_t after = closed ? end + 1 : end;
    std::size_t next = after;
    while (next < text_.size() && is_blank(text_[next])) ++next;
    if (closed && next < text_.size() && text_[next] == ':') {
      member_name(raw);
      copy_until(after, stop_at);
      return;
    }
    if (value_rule() != rule::none) {
      out_->push_back('"');
      out_->append(redacted_marker.data(), redacted_marker.size());
      if (closed) out_->push_back('"');
      pos_ = after;
    } else {
      copy_until(after, stop_at);
    }
    pending_ = rule::none;
  }

  // Decides how the value of the member called `raw` (escaped) is printed.
  void member_name(std::string_view raw) {
    const rule container = stack_.empty() ? rule::none : stack_.back();
    const std::string name = normalized_key(unescape(raw));
    const std::size_t dot = name.rfind('.');
    if (container == rule::mask_all || is_secret_member(name)) {
      pending_ = rule::mask_all;
    } else if (container == rule::mask_echo && name == "value") {
      pending_ = rule::mask_all;
    } else if (dot != std::string::npos && is_secret_member(std::string_view(name).substr(dot + 1))) {
      pending_ = rule::mask_echo;
    } else {
      pending_ = rule::none;
    }
  }

  // Copies text up to `end`, stopping early once the output holds `stop_at` bytes.
  void copy_until(std::size_t end, std::size_t stop_at) {
    const std::size_t room = stop_at > out_->size() ? stop_at - out_->size() : 0;
    const std::size_t take = end - pos_ < room ? end - pos_ : room;
    out_->append(text_.data() + pos_, take);
    pos_ += take;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string* out_ = nullptr;
  std::vector<rule> stack_;  // rule of each open container
  rule pending_ = rule::none;
};

// Appends the body masked, cut to the option's limit, escaped, with a note when cut.
inline void append_body(std::string& out, std::string_view body, const debug_print_options& options) {
  std::size_t longest_secret = 0;
  for (const std::string& s : options.extra_secrets)
    longest_secret = s.size() > longest_secret ? s.size() : longest_secret;
  // Mask a little past the limit so that a verbatim secret crossing the cut is still whole.
  const std::size_t limit = options.max_body_bytes;
  std::string masked;
  json_secret_masker masker;
  const std::size_t consumed = masker.run(body, masked, limit + longest_secret + redacted_marker.size() + 1);
  redact_verbatim(masked, options.extra_secrets);
  std::size_t omitted = body.size() - consumed;
  if (masked.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(masked[cut]) & 0xC0) == 0x80) --cut;
    omitted += masked.size() - cut;
    masked.resize(cut);
  }
  append_printable(out, masked);
  if (omitted > 0) out += "... [" + std::to_string(omitted) + " more bytes]";
}

// Appends `text` (a message or location) with extra secrets masked and escaped.
inline void append_plain(std::string& out, std::string_view text, const debug_print_options& options) {
  std::string copy(text);
  redact_verbatim(copy, options.extra_secrets);
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

NOVU_CC_API std::string redact_json_secrets(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  detail::json_secret_masker masker;
  masker.run(json, out, static_cast<std::size_t>(-1));
  return out;
}

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
inline void append_headers(std::string& out, const http_headers& headers, const debug_print_options& options) {
  for (const http_header& h : headers) {
    append_plain(out, h.name, options);
    out += ": ";
    append_plain(out, redact_header_value(h.name, h.value), options);
    out.push_back('\n');
  }
}
}  // namespace detail

NOVU_CC_API std::string to_debug_string(const http_request& request, const debug_print_options& options) {
  std::string out;
  detail::append_plain(out, request.method, options);
  out.push_back(' ');
  detail::append_plain(out, redact_url(request.url), options);
  out.push_back('\n');
  detail::append_headers(out, request.headers, options);
  if (!request.body.empty()) {
    out.push_back('\n');
    detail::append_body(out, request.body, options);
    out.push_back('\n');
  }
  return out;
}

NOVU_CC_API std::string to_debug_string(const http_response& response, const debug_print_options& options) {
  std::string out = "HTTP " + std::to_string(response.status) + "\n";
  detail::append_headers(out, response.headers, options);
  if (!response.body.empty()) {
    out.push_back('\n');
    detail::append_body(out, response.body, options);
    out.push_back('\n');
  }
  return out;
}

NOVU_CC_API std::string to_debug_string(const error& e, const debug_print_options& options) {
  std::string out = "error ";
  const std::string_view kind = to_string(e.kind);
  out.append(kind.data(), kind.size());
  out += ": ";
  detail::append_plain(out, e.message, options);
  out.push_back('\n');
  if (!e.location.empty()) {
    out += "location: ";
    detail::append_plain(out, e.location, options);
    out.push_back('\n');
  }
  if (e.status != 0 || !e.headers.empty() || !e.body.empty()) {
    out += "status: " + std::to_string(e.status) + "\n";
    detail::append_headers(out, e.headers, options);
    if (!e.body.empty()) {
      out.push_back('\n');
      detail::append_body(out, e.body, options);
      out.push_back('\n');
    }
  }
  return out;
}

NOVU_CC_NAMESPACE_END
