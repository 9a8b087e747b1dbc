// Byte-level text helpers shared by the builders, the parsers and the fake server.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint8_t, uint64_t
#include <cstring>      // memcpy
#include <string>       // string
#include <string_view>  // string_view

#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Offset of the first byte that makes `text` invalid UTF-8 (overlong forms, surrogates and
// values above U+10FFFF included), or npos when it is valid.
inline std::size_t find_invalid_utf8(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII, the common case, eight bytes at a time.
    for (std::uint64_t word = 0; n - i >= 8; i += 8) {
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080u) != 0) break;
    }
    if (i == n) break;
    const std::uint8_t c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint8_t lo = 0x80;
    std::uint8_t hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (n - i < len) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// True when `text` is valid UTF-8.
inline bool is_valid_utf8(std::string_view text) noexcept { return find_invalid_utf8(text) == std::string_view::npos; }

// True when `value` may go into an HTTP header: no CR, LF, NUL or other control character
// except horizontal tab.
inline bool is_safe_header_value(std::string_view value) noexcept {
  // Eight bytes at a time while none is below 0x20 (tab included) or 0x7F; then byte by byte.
  constexpr std::uint64_t ones = 0x0101010101010101u;
  constexpr std::uint64_t highs = 0x8080808080808080u;
  std::size_t i = 0;
  for (std::uint64_t word = 0; value.size() - i >= 8; i += 8) {
    std::memcpy(&word, value.data() + i, 8);
    const std::uint64_t del = word ^ (ones * 0x7F);
    if ((((word - ones * 0x20) & ~word) | ((del - ones) & ~del)) & highs) break;
  }
  for (; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
  }
  return true;
}

// Appends `text` percent-encoded like JavaScript's encodeURIComponent; with
// `encode_apostrophe` also "'" (as the URL search setter does for query strings).
inline void append_percent_encoded(std::string& out, std::string_view text, bool encode_apostrophe) {
  static const char hex[] = "0123456789ABCDEF";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '_' || c == '.' || c == '!' || c == '~' || c == '*' || c == '(' || c == ')' ||
                            (c == '\'' && !encode_apostrophe);
    if (unreserved) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0x0F]);
    }
  }
}

// Value of hex digit `h`, or -1.
constexpr int hex_digit_value(char h) noexcept {
  return h >= '0' && h <= '9'   ? h - '0'
         : h >= 'a' && h <= 'f' ? h - 'a' + 10
         : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                : -1;
}

// The largest offset not above `at` (nor the size) that does not fall inside a UTF-8 sequence:
// where a text may be cut.
inline std::size_t utf8_boundary(std::string_view text, std::size_t at) noexcept {
  if (at >= text.size()) return text.size();
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// Decodes %XX escapes (and '+' as space when `plus_is_space`); false on a malformed escape.
inline bool percent_decode(std::string_view text, std::string& out, bool plus_is_space) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '%') {
      if (i + 2 >= text.size()) return false;
      const int hi = hex_digit_value(text[i + 1]);
      const int lo = hex_digit_value(text[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (ch == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(ch);
    }
  }
  return true;
}

// Appends one JSON-pointer reference token for `key` ("~" -> "~0", "/" -> "~1"), copying
// the runs between escapes in one go.
inline void append_pointer_token(std::string& pointer, std::string_view key) {
  pointer.push_back('/');
  std::size_t run = 0;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] == '~' || key[i] == '/') {
      pointer.append(key.data() + run, i - run);
      pointer += key[i] == '~' ? "~0" : "~1";
      run = i + 1;
    }
  }
  pointer.append(key.data() + run, key.size() - run);
}

// Appends code point `cp` (at most U+10FFFF) as UTF-8.
inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// One JSON escape sequence starting at text[at] == '\\': appends what it stands for to `out`
// and returns its length in `text`; 0 when it is not a valid escape (the backslash then stands
// for itself). A lone surrogate becomes U+FFFD.
inline std::size_t decode_json_escape(std::string_view text, std::size_t at, std::string& out) {
  if (at + 1 >= text.size()) return 0;
  const char e = text[at + 1];
  switch (e) {
    case '"':
    case '\\':
    case '/': out.push_back(e); return 2;
    case 'b': out.push_back('\b'); return 2;
    case 'f': out.push_back('\f'); return 2;
    case 'n': out.push_back('\n'); return 2;
    case 'r': out.push_back('\r'); return 2;
    case 't': out.push_back('\t'); return 2;
    case 'u': break;
    default: return 0;
  }
  auto unit_at = [&](std::size_t pos) -> long {
    if (pos + 6 > text.size() || text[pos] != '\\' || text[pos + 1] != 'u') return -1;
    long v = 0;
    for (std::size_t k = pos + 2; k < pos + 6; ++k) {
      const int d = hex_digit_value(text[k]);
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };
  const long first = unit_at(at);
  if (first < 0) return 0;
  if (first >= 0xD800 && first <= 0xDBFF) {
    const long second = unit_at(at + 6);
    if (second >= 0xDC00 && second <= 0xDFFF) {
      append_utf8(out, 0x10000u + ((static_cast<std::uint32_t>(first) - 0xD800u) << 10) +
                           (static_cast<std::uint32_t>(second) - 0xDC00u));
      return 12;
    }
  }
  append_utf8(out, first >= 0xD800 && first <= 0xDFFF ? 0xFFFDu : static_cast<std::uint32_t>(first));
  return 6;
}

// The content of a JSON string token (without its quotes) with every escape resolved; an
// invalid escape keeps its backslash.
inline std::string json_unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    if (raw[i] == '\\') {
      const std::size_t used = decode_json_escape(raw, i, out);
      if (used != 0) {
        i += used;
        continue;
      }
    }
    out.push_back(raw[i++]);
  }
  return out;
}

// Appends `text` (valid UTF-8) as a JSON string the way nlohmann's dump() does: quotes,
// backslashes, \b \f \n \r \t, other control characters as \u00xx; everything else as is.
inline void append_json_string(std::string& out, std::string_view text) {
  static const char hex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 0x0F]);
    }
  }
  out.append(text.data() + plain, text.size() - plain);
  out.push_back('"');
}

// Appends `text` escaped as the content of a JSON string (quotes, backslashes and control
// characters; everything else as is).
inline void append_json_escaped(std::string& out, std::string_view text) {
  static const char hex[] = "0123456789abcdef";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c < 0x20) {
      out += "\\u00";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0x0F]);
    } else {
      out.push_back(ch);
    }
  }
}

// Appends `text` with control characters, DEL and bytes that are not valid UTF-8 escaped as
// \n, \r, \t or \xNN, so that it cannot forge log lines; valid multi-byte UTF-8 is kept.
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

// True when `text` needs append_printable's escaping (a control character, DEL or invalid UTF-8).
inline bool needs_printable_escaping(std::string_view text) noexcept {
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) return true;
  }
  return !is_valid_utf8(text);
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
