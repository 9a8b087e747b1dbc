// Caller-supplied JSON text, vetted: an ordered DOM built without recursion within the limits,
// a document that is one string, and any JSON read into compact text without a DOM.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include <nlohmann/json.hpp>

#include "novu/core/api_error.hpp"
#include "novu/core/config.hpp"
#include "novu/core/detail/json_reader.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/error.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// What the SAX handlers of caller-supplied JSON share: the text (for parse-error messages),
// the depth and element limits, and which limit stopped the parse.
class limited_sax_handler {
 public:
  // A handler for `text` within `limits` (depth and element count).
  limited_sax_handler(const decode_limits& limits, std::string_view text)
      : max_depth_(limits.max_depth), value_limit_(value_limit(limits.max_elements)), text_(text) {}

  // nlohmann's parse error, kept as a message that names the offending byte.
  bool parse_error(std::size_t position, const std::string&, const json_parse_exception& ex) {
    message_ = parse_error_message(text_, position, ex.what());
    return false;
  }
  // True when the depth limit stopped the parse.
  bool too_deep() const noexcept { return too_deep_; }
  // True when the element limit stopped the parse.
  bool too_many() const noexcept { return too_many_; }
  // The parse error's message (empty unless parse_error ran).
  const std::string& message() const noexcept { return message_; }

 protected:
  // Counts a value against decode_limits::max_elements (the root is no element).
  bool count() {
    if (++values_ <= value_limit_) return true;
    too_many_ = true;
    return false;
  }
  // Whether a container opened at `depth` (0 for the root's) stays within the depth limit.
  bool within_depth(std::size_t depth) {
    if (depth < max_depth_) return true;
    too_deep_ = true;
    return false;
  }

 private:
  std::size_t max_depth_;
  std::size_t value_limit_;
  std::size_t values_ = 0;
  std::string_view text_;
  bool too_deep_ = false;
  bool too_many_ = false;
  std::string message_;
};

// A SAX handler that builds an ordered DOM of caller-supplied JSON text in one pass, without
// recursion, refusing nesting deeper than the limit before nlohmann (recursively) dumps it.
// It stands in for `ordered_json::parse`, whose callback parser would be instantiated in every
// translation unit of the header-only mode for this one use.
class dom_builder : public limited_sax_handler {
 public:
  using limited_sax_handler::limited_sax_handler;
  bool null() { return place(json_value(nullptr)); }
  bool boolean(bool v) { return place(json_value(v)); }
  bool number_integer(json_value::number_integer_t v) { return place(json_value(v)); }
  bool number_unsigned(json_value::number_unsigned_t v) { return place(json_value(v)); }
  bool number_float(json_value::number_float_t v, const json_value::string_t&) { return place(json_value(v)); }
  bool string(json_value::string_t& v) { return place(json_value(std::move(v))); }
  bool binary(json_value::binary_t&) { return false; }
  bool start_object(std::size_t) { return open(json_value::object()); }
  bool key(json_value::string_t& k) {
    key_ = std::move(k);
    return true;
  }
  bool end_object() { return stack_.pop_back(), true; }
  bool start_array(std::size_t) { return open(json_value::array()); }
  bool end_array() { return stack_.pop_back(), true; }

  json_value& root() noexcept { return root_; }

 private:
  // Puts `value` where the text has it: the root, the next array element, or the member named
  // by the last key (a repeated key keeps its first place and its last value, as nlohmann's
  // own parser does). Returns where it went.
  json_value* put(json_value&& value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json_value& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    json_value& member = parent[key_];
    member = std::move(value);
    return &member;
  }
  bool place(json_value&& value) { return count() && (put(std::move(value)), true); }
  bool open(json_value&& container) {
    if (!count() || !within_depth(stack_.size())) return false;
    // Only the innermost open container changes, so the pointers to the outer ones stay valid.
    stack_.push_back(put(std::move(container)));
    return true;
  }

  json_value root_;
  std::vector<json_value*> stack_;
  json_value::string_t key_;
};

// A SAX handler that accepts a document that is one JSON string, and keeps the string: what
// parsing into a DOM and asking for a string gives, without the DOM parser's code.
class string_capture {
 public:
  using json = json_value;
  bool null() { return false; }
  bool boolean(bool) { return false; }
  bool number_integer(json::number_integer_t) { return false; }
  bool number_unsigned(json::number_unsigned_t) { return false; }
  bool number_float(json::number_float_t, const json::string_t&) { return false; }
  bool string(json::string_t& value) {
    text = std::move(value);
    return true;
  }
  bool binary(json::binary_t&) { return false; }
  bool start_object(std::size_t) { return false; }
  bool key(json::string_t&) { return false; }
  bool end_object() { return false; }
  bool start_array(std::size_t) { return false; }
  bool end_array() { return false; }
  bool parse_error(std::size_t, const std::string&, const json_parse_exception&) { return false; }

  std::string text;  ///< the string, once sax_parse_text() returned true
};

// Parses caller-supplied JSON text into an ordered DOM after vetting it; the error names
// `where`.
inline result<nlohmann::ordered_json> parse_vetted(std::string_view text, const std::string& where,
                                                   const decode_limits& limits) {
  if (text.size() > limits.max_body_bytes) {
    return make_error(error_kind::limit_exceeded, where + ": JSON text above the size limit", where);
  }
  dom_builder builder(limits, text);
  if (!sax_parse_text(text, &builder)) {
    if (builder.too_deep()) {
      return make_error(error_kind::limit_exceeded,
                        where + ": JSON nested deeper than " + std::to_string(limits.max_depth) + " levels", where);
    }
    if (builder.too_many()) {
      return make_error(error_kind::limit_exceeded, where + ": " + too_many_elements_message(limits.max_elements),
                        where);
    }
    return make_error(error_kind::invalid_argument, where + ": " + builder.message(), where);
  }
  const std::size_t nul = find_nul(text);
  if (nul != std::string_view::npos) {
    return make_error(error_kind::invalid_argument, where + ": " + nul_byte_message(nul), where);
  }
  return std::move(builder.root());
}

// The any_json type of a DOM value.
inline json_type type_of(const nlohmann::ordered_json& value) noexcept {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::null: return json_type::null;
    case nlohmann::ordered_json::value_t::boolean: return json_type::boolean;
    case nlohmann::ordered_json::value_t::string: return json_type::string;
    case nlohmann::ordered_json::value_t::array: return json_type::array;
    case nlohmann::ordered_json::value_t::object: return json_type::object;
    default: return json_type::number;
  }
}

// Reads any JSON text into compact text without building a DOM (so without recursion at any
// depth), enforcing the depth limit and remembering the top-level type.
class any_json_reader : public limited_sax_handler {
 public:
  using limited_sax_handler::limited_sax_handler;
  bool null() { return top(json_type::null) && (writer_.null(), true); }
  bool boolean(bool v) { return top(json_type::boolean) && (writer_.boolean(v), true); }
  bool number_integer(std::int64_t v) { return top(json_type::number) && (writer_.integer(v), true); }
  bool number_unsigned(std::uint64_t v) { return top(json_type::number) && (writer_.unsigned_integer(v), true); }
  bool number_float(double v, const std::string&) { return top(json_type::number) && (writer_.real(v), true); }
  bool string(std::string& v) { return top(json_type::string) && (writer_.string(v), true); }
  bool binary(nlohmann::ordered_json::binary_t&) { return false; }
  bool start_object(std::size_t) { return open(json_type::object); }
  bool start_array(std::size_t) { return open(json_type::array); }
  bool key(std::string& name) { return writer_.key(name), true; }
  bool end_object() { return --depth_, writer_.end(), true; }
  bool end_array() { return --depth_, writer_.end(), true; }

  json_type type() const noexcept { return type_; }
  std::string take_text() { return writer_.take(); }

 private:
  // Remembers the type of the root value, and counts every value against max_elements.
  bool top(json_type t) {
    if (depth_ == 0) type_ = t;
    return count();
  }
  bool open(json_type t) {
    if (!top(t) || !within_depth(depth_++)) return false;
    writer_.start(t == json_type::object);
    return true;
  }

  json_text_writer writer_;
  std::size_t depth_ = 0;
  json_type type_ = json_type::null;
};

}  // namespace detail
NOVU_CC_NAMESPACE_END
