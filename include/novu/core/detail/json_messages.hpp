// The decoding engine's error messages: what the parser saw (json_event), nlohmann's parse
// errors without a fragment of the body, NUL bytes, and the max_elements limit.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstring>      // memchr
#include <string>       // string, to_string
#include <string_view>  // string_view

#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Human name of what the parser saw, for "expected X, found Y" messages.
enum class json_event : unsigned char { null, boolean, number, string, array, object };

inline const char* event_name(json_event e) noexcept {
  switch (e) {
    case json_event::null: return "null";
    case json_event::boolean: return "a boolean";
    case json_event::number: return "a number";
    case json_event::string: return "a string";
    case json_event::array: return "an array";
    case json_event::object: return "an object";
  }
  return "a value";
}

// nlohmann's parse_error text without its prefix and without the "last read" token, which
// can hold a fragment of a secret from the body.
inline std::string describe_parse_error(const char* what) {
  std::string text(what == nullptr ? "" : what);
  const std::string::size_type bracket = text.find("] ");
  if (text.rfind("[json.exception.", 0) == 0 && bracket != std::string::npos) text.erase(0, bracket + 2);
  const std::string::size_type last_read = text.find("; last read");
  if (last_read != std::string::npos) text.erase(last_read);
  return text;
}

// nlohmann's lexer reads a NUL byte outside a string as the end of the input, so that
// `{"a":1}\0{junk` would parse as `{"a":1}`. JSON text cannot hold a raw NUL (no control
// character may appear anywhere in it), so every entry point refuses one: the offset of the
// first NUL byte of `text`, or npos.
inline std::size_t find_nul(std::string_view text) noexcept {
  if (text.empty()) return std::string_view::npos;
  const void* at = std::memchr(text.data(), 0, text.size());
  return at == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(at) - text.data());
}

// The message for a NUL byte at `offset` (0-based).
inline std::string nul_byte_message(std::size_t offset) {
  return "malformed JSON: NUL byte at offset " + std::to_string(offset) +
         " (raw control characters are not allowed in JSON text)";
}

// The message for nlohmann's parse error at `position` (its count of bytes read, so the
// offending byte is at offset position - 1): a NUL byte there, which the lexer took for the
// end of the input or refused inside a string, is named as such.
inline std::string parse_error_message(std::string_view text, std::size_t position, const char* what) {
  if (position >= 1 && position <= text.size() && text[position - 1] == '\0') return nul_byte_message(position - 1);
  return "malformed JSON at byte " + std::to_string(position) + ": " + describe_parse_error(what);
}

// A limit of `max` elements as a limit of values: the root value is no element. Saturates.
constexpr std::size_t value_limit(std::size_t max_elements) noexcept {
  return max_elements == static_cast<std::size_t>(-1) ? max_elements : max_elements + 1;
}

// The message for a document with more elements than `max_elements`.
inline std::string too_many_elements_message(std::size_t max_elements) {
  return "more than " + std::to_string(max_elements) +
         " array elements and object members in the document (decode_limits::max_elements)";
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
