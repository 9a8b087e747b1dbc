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

#include "novu/core/detail/any_json_text.hpp"
#include "novu/core/detail/body_writer.hpp"
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
