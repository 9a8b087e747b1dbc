// Implementation of novu/core/json.hpp: what every resource's JSON shares: the error body's
// field tables, the accessors field tables use, the any-JSON reader and the body writer.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include <nlohmann/json.hpp>

#include "novu/core/detail/json_reader.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/json.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Address of a data member, as the decoder's type-erased accessor.
template <class T, class M, M T::*Member>
void* member_address(void* object) {
  return &(static_cast<T*>(object)->*Member);
}

// Makes room for `count` elements in a std::vector<T>, at most `max_bytes` of them.
template <class T>
void vector_reserve(void* vector, std::size_t count, std::size_t max_bytes) {
  const std::size_t limit = max_bytes / sizeof(T);
  static_cast<std::vector<T>*>(vector)->reserve(count < limit ? count : limit);
}

// Element `index` of a std::vector<T>: the existing one, or a new one appended.
template <class T>
void* vector_element(void* vector, std::size_t index) {
  auto& v = *static_cast<std::vector<T>*>(vector);
  if (index < v.size()) return &v[index];
  v.emplace_back();
  return &v.back();
}

// Drops the elements of a std::vector<T> from `count` on.
template <class T>
void vector_truncate(void* vector, std::size_t count) {
  auto& v = *static_cast<std::vector<T>*>(vector);
  if (v.size() > count) v.erase(v.begin() + static_cast<std::ptrdiff_t>(count), v.end());
}

// Restores a default-constructed T.
template <class T>
void reset_object(void* object) {
  *static_cast<T*>(object) = T{};
}

// api_error::errors is an optional map: reading it makes it present (and empty).
inline void violations_clear(void* errors) {
  static_cast<std::optional<std::vector<constraint_violation>>*>(errors)->emplace();
}

// Appends a constraint violation named `key` to api_error::errors.
inline void* violation_append(void* errors, std::string&& key) {
  auto& v = **static_cast<std::optional<std::vector<constraint_violation>>*>(errors);
  v.emplace_back();
  v.back().field = std::move(key);
  return &v.back();
}

// Merges the violations of a repeated field name in api_error::errors: the last one wins, in
// the place of the first.
inline std::size_t violations_unique(void* errors) {
  return keep_last_per_key(**static_cast<std::optional<std::vector<constraint_violation>>*>(errors),
                           [](const constraint_violation& v) -> const std::string& { return v.field; });
}

#define NOVU_CC_FIELD(type, member) &member_address<type, decltype(type::member), &type::member>

inline constexpr field_desc violation_fields[] = {
    {"messages", field_kind::string_list, field_required, NOVU_CC_FIELD(constraint_violation, messages), nullptr},
    {"value", field_kind::optional_any, 0, NOVU_CC_FIELD(constraint_violation, value), nullptr},
};
inline constexpr type_desc violation_type{violation_fields, 2,       &violations_clear, &violation_append, nullptr,
                                          nullptr,          nullptr, nullptr,           &violations_unique};

inline constexpr field_desc error_fields[] = {
    {"statusCode", field_kind::integer, field_required, NOVU_CC_FIELD(api_error, status_code), nullptr},
    {"timestamp", field_kind::string, field_required, NOVU_CC_FIELD(api_error, timestamp), nullptr},
    {"path", field_kind::string, field_required, NOVU_CC_FIELD(api_error, path), nullptr},
    {"message", field_kind::optional_any, 0, NOVU_CC_FIELD(api_error, message), nullptr},
    {"ctx", field_kind::optional_any, field_object_only, NOVU_CC_FIELD(api_error, ctx), nullptr},
    {"errorId", field_kind::optional_string, 0, NOVU_CC_FIELD(api_error, error_id), nullptr},
};
inline constexpr type_desc error_type{error_fields, 6, nullptr, nullptr};

inline constexpr field_desc validation_error_fields[] = {
    error_fields[0],
    error_fields[1],
    error_fields[2],
    error_fields[3],
    error_fields[4],
    error_fields[5],
    {"errors", field_kind::object_map, field_required, NOVU_CC_FIELD(api_error, errors), &violation_type},
};
inline constexpr type_desc validation_error_type{validation_error_fields, 7, nullptr, nullptr};

#undef NOVU_CC_FIELD

// Decodes `text` as a `T` described by `type`, in place in the returned result (a decoded
// list page is moved by nobody).
template <class T>
result<T> decode_as(std::string_view text, const type_desc& type, bool allow_envelope, const decode_limits& limits) {
  result<T> out{T{}};
  result<void> done = decode_into(text, &type, &*out, allow_envelope, limits);
  if (!done) out = std::move(done).error();
  return out;
}

// A SAX handler that builds an ordered DOM of caller-supplied JSON text in one pass, without
// recursion, refusing nesting deeper than the limit before nlohmann (recursively) dumps it.
// It stands in for `ordered_json::parse`, whose callback parser would be instantiated in every
// translation unit of the header-only mode for this one use.
class dom_builder {
 public:
  dom_builder(const decode_limits& limits, std::string_view text)
      : max_depth_(limits.max_depth), value_limit_(value_limit(limits.max_elements)), text_(text) {}
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
  bool parse_error(std::size_t position, const std::string&, const json_parse_exception& ex) {
    message_ = parse_error_message(text_, position, ex.what());
    return false;
  }

  bool too_deep() const noexcept { return too_deep_; }
  bool too_many() const noexcept { return too_many_; }
  const std::string& message() const noexcept { return message_; }
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
  // Counts a value against decode_limits::max_elements (the root is no element).
  bool count() {
    if (++values_ <= value_limit_) return true;
    too_many_ = true;
    return false;
  }
  bool place(json_value&& value) { return count() && (put(std::move(value)), true); }
  bool open(json_value&& container) {
    if (!count()) return false;
    if (stack_.size() >= max_depth_) {
      too_deep_ = true;
      return false;
    }
    // Only the innermost open container changes, so the pointers to the outer ones stay valid.
    stack_.push_back(put(std::move(container)));
    return true;
  }

  std::size_t max_depth_;
  std::size_t value_limit_;
  std::size_t values_ = 0;
  std::string_view text_;
  json_value root_;
  std::vector<json_value*> stack_;
  json_value::string_t key_;
  bool too_deep_ = false;
  bool too_many_ = false;
  std::string message_;
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
class any_json_reader {
 public:
  any_json_reader(const decode_limits& limits, std::string_view text)
      : max_depth_(limits.max_depth), value_limit_(value_limit(limits.max_elements)), text_(text) {}
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
  bool parse_error(std::size_t position, const std::string&, const json_parse_exception& ex) {
    message_ = parse_error_message(text_, position, ex.what());
    return false;
  }

  bool too_deep() const noexcept { return too_deep_; }
  bool too_many() const noexcept { return too_many_; }
  const std::string& message() const noexcept { return message_; }
  json_type type() const noexcept { return type_; }
  std::string take_text() { return writer_.take(); }

 private:
  // Remembers the type of the root value, and counts every value against max_elements.
  bool top(json_type t) {
    if (depth_ == 0) type_ = t;
    if (++values_ <= value_limit_) return true;
    too_many_ = true;
    return false;
  }
  bool open(json_type t) {
    if (!top(t)) return false;
    if (++depth_ > max_depth_) {
      too_deep_ = true;
      return false;
    }
    writer_.start(t == json_type::object);
    return true;
  }

  json_text_writer writer_;
  std::size_t max_depth_;
  std::size_t value_limit_;
  std::size_t values_ = 0;
  std::string_view text_;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
  bool too_many_ = false;
  json_type type_ = json_type::null;
  std::string message_;
};

// Builds an ordered DOM from DTOs, checking every string for valid UTF-8 first so that
// nlohmann's dump() can never throw or abort. The first problem is kept with its JSON pointer.
class body_writer {
 public:
  using ojson = nlohmann::ordered_json;

  bool failed() const noexcept { return failed_; }
  error take_error() { return std::move(error_); }
  // At least the length of the JSON text of what object_with_room() and member() wrote, when
  // no string needs escapes.
  std::size_t size_hint() const noexcept { return size_hint_; }

  // An empty object with room for `members` members.
  ojson object_with_room(std::size_t members) {
    size_hint_ += 2;
    ojson o = ojson::object();
    o.get_ref<ojson::object_t&>().reserve(members);
    return o;
  }
  // Appends member `key`, which `obj` does not have yet (a DTO field, not a map key): no
  // lookup, no reallocation when the object was made with room for it.
  void member(ojson& obj, std::string_view key, ojson&& value) {
    size_hint_ += key.size() + 4;
    obj.get_ref<ojson::object_t&>().emplace_back(std::string(key), std::move(value));
  }
  // A string member, when it is valid UTF-8.
  void member(ojson& obj, std::string_view key, const std::string& value) {
    if (!checked(key, value)) return;
    size_hint_ += value.size() + 2;
    member(obj, key, ojson(value));
  }
  // An optional string member: omitted when absent.
  void member(ojson& obj, std::string_view key, const std::optional<std::string>& value) {
    if (value) member(obj, key, *value);
  }

  // `obj[key] = value` for a string.
  void put(ojson& obj, std::string_view key, const std::string& value) {
    if (checked(key, value)) obj[std::string(key)] = value;
  }
  // Appends string `value` to array `arr`.
  void push(ojson& arr, const std::string& value) {
    if (checked(std::to_string(arr.size()), value)) arr.push_back(value);
  }
  // Optional string: omitted when absent.
  void put(ojson& obj, std::string_view key, const std::optional<std::string>& value) {
    if (value) put(obj, key, *value);
  }
  // Nullable string: null when absent.
  void put_nullable(ojson& obj, std::string_view key, const std::optional<std::string>& value) {
    if (value) {
      put(obj, key, *value);
    } else {
      obj[std::string(key)] = nullptr;
    }
  }
  // Any JSON value given as text.
  void put_any(ojson& obj, std::string_view key, const any_json& value, bool object_only) {
    if (failed_) return;
    std::string where = path_;
    append_pointer_token(where, key);
    result<ojson> dom = parse_vetted(value.text, where, decode_limits{});
    if (!dom) {
      fail_with(std::move(dom).error());
      return;
    }
    if (object_only && !dom->is_object()) {
      std::string message = where + ": must be a JSON object";
      fail(error_kind::invalid_argument, std::move(message), std::move(where));
      return;
    }
    if (type_of(*dom) != value.type) {
      std::string message = where + ": the JSON text does not hold the declared type";
      fail(error_kind::invalid_argument, std::move(message), std::move(where));
      return;
    }
    obj[std::string(key)] = std::move(*dom);
  }

  // Fails with `why` at the current location.
  void reject(const std::string& why) {
    std::string message = (path_.empty() ? std::string("body") : path_) + ": " + why;
    fail(error_kind::invalid_argument, std::move(message), path_);
  }

  // Enters / leaves a nested member for error locations.
  std::size_t enter(std::string_view key) {
    const std::size_t mark = path_.size();
    append_pointer_token(path_, key);
    return mark;
  }
  void leave(std::size_t mark) { path_.resize(mark); }

 private:
  // True when `value`, about to be written under `key`, is valid UTF-8 and nothing failed yet.
  bool checked(std::string_view key, std::string_view value) {
    if (failed_) return false;
    const std::size_t bad = find_invalid_utf8(value);
    if (bad == std::string_view::npos) return true;
    std::string where = path_;
    append_pointer_token(where, key);
    std::string message = where + ": string is not valid UTF-8 (byte " + std::to_string(bad) + ")";
    fail(error_kind::invalid_argument, std::move(message), std::move(where));
    return false;
  }

  void fail(error_kind kind, std::string message, std::string where) {
    if (!failed_) {
      failed_ = true;
      error_ = make_error(kind, std::move(message), std::move(where));
    }
  }
  void fail_with(error e) {
    if (!failed_) {
      failed_ = true;
      error_ = std::move(e);
    }
  }

  std::string path_;
  std::size_t size_hint_ = 0;
  bool failed_ = false;
  error error_;
};

// Empties `value` from the leaves up. nlohmann frees a non-empty object or array by first
// moving its members to a heap-allocated stack (so that no document is too deep to free);
// emptied from the leaves, the shallow DOMs of request bodies are freed without that stack.
inline void empty_bottom_up(nlohmann::ordered_json& value) {
  if (value.is_object()) {
    auto& members = value.get_ref<nlohmann::ordered_json::object_t&>();
    for (auto& member : members) empty_bottom_up(member.second);
    members.clear();
  } else if (value.is_array()) {
    auto& elements = value.get_ref<nlohmann::ordered_json::array_t&>();
    for (auto& element : elements) empty_bottom_up(element);
    elements.clear();
  }
}

// Dumps `dom` compactly unless the writer failed. This is what dom.dump() does, with two
// allocations fewer: the text is sized up front from the writer's hint instead of regrown as
// it is written, and dump_compact() keeps nlohmann's output adapter on the stack.
inline result<std::string> finish(body_writer& writer, nlohmann::ordered_json& dom) {
  if (writer.failed()) return writer.take_error();
  std::string text;
  text.reserve(writer.size_hint());
  dump_compact(dom, text);
  empty_bottom_up(dom);
  return text;
}

}  // namespace detail

NOVU_CC_API result<api_error> decode_api_error(std::string_view json, const decode_limits& limits) {
  return detail::decode_as<api_error>(json, detail::error_type, false, limits);
}

NOVU_CC_API result<api_error> decode_validation_error(std::string_view json, const decode_limits& limits) {
  return detail::decode_as<api_error>(json, detail::validation_error_type, false, limits);
}

NOVU_CC_API result<std::string> encode_json(const api_error& body) {
  detail::body_writer w;
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  o["statusCode"] = body.status_code;
  w.put(o, "timestamp", body.timestamp);
  w.put(o, "path", body.path);
  if (body.message) w.put_any(o, "message", *body.message, false);
  if (body.ctx) w.put_any(o, "ctx", *body.ctx, true);
  w.put(o, "errorId", body.error_id);
  if (body.errors) {
    nlohmann::ordered_json errors = nlohmann::ordered_json::object();
    const std::size_t mark = w.enter("errors");
    for (const constraint_violation& v : *body.errors) {
      nlohmann::ordered_json entry = nlohmann::ordered_json::object();
      const std::size_t inner = w.enter(v.field);
      nlohmann::ordered_json messages = nlohmann::ordered_json::array();
      const std::size_t list = w.enter("messages");
      for (const std::string& m : v.messages) w.push(messages, m);
      w.leave(list);
      entry["messages"] = std::move(messages);
      if (v.value) w.put_any(entry, "value", *v.value, false);
      w.leave(inner);
      if (!detail::is_valid_utf8(v.field)) {
        w.put(errors, v.field, v.field);
        break;
      }
      errors[v.field] = std::move(entry);
    }
    w.leave(mark);
    o["errors"] = std::move(errors);
  }
  return detail::finish(w, o);
}

NOVU_CC_API result<any_json> parse_any_json(std::string_view json_text, const decode_limits& limits) {
  if (json_text.size() > limits.max_body_bytes) {
    return make_error(error_kind::limit_exceeded, "JSON text above the size limit");
  }
  detail::any_json_reader reader(limits, json_text);
  if (!detail::sax_parse_text(json_text, &reader)) {
    if (reader.too_deep()) {
      return make_error(error_kind::limit_exceeded,
                        "JSON nested deeper than " + std::to_string(limits.max_depth) + " levels");
    }
    if (reader.too_many()) {
      return make_error(error_kind::limit_exceeded, detail::too_many_elements_message(limits.max_elements));
    }
    return make_error(error_kind::invalid_argument, reader.message());
  }
  const std::size_t nul = detail::find_nul(json_text);
  if (nul != std::string_view::npos) return make_error(error_kind::invalid_argument, detail::nul_byte_message(nul));
  return any_json::from_text(reader.type(), reader.take_text());
}

NOVU_CC_API result<any_json> json_string(std::string_view text) {
  const std::size_t bad = detail::find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    return make_error(error_kind::invalid_argument, "string is not valid UTF-8 (byte " + std::to_string(bad) + ")");
  }
  return any_json::from_text(json_type::string, detail::json_value(std::string(text)).dump());
}

NOVU_CC_API std::optional<std::string> string_value(const any_json& value) {
  if (value.type != json_type::string) return std::nullopt;
  detail::string_capture capture;
  if (!detail::sax_parse_text(value.text, &capture)) return std::nullopt;
  if (detail::find_nul(value.text) != std::string_view::npos) return std::nullopt;  // `"a"\0...`
  return std::move(capture.text);
}

NOVU_CC_NAMESPACE_END
