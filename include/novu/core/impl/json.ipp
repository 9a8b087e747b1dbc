// Implementation of novu/core/json.hpp: what every resource's JSON shares: the error body's
// field tables and the core's JSON functions.
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
#include "novu/core/detail/json_encoder.hpp"
#include "novu/core/detail/json_fields.hpp"
#include "novu/core/detail/json_reader.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/json.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

inline constexpr field_desc violation_fields[] = {
    field<&constraint_violation::messages>("messages", field_required),
    field<&constraint_violation::value>("value"),
};
// The entries of api_error::errors, keyed by field name.
inline constexpr type_desc violation_type =
    map_type<constraint_violation, &constraint_violation::field, violation_fields>();
template <>
inline constexpr const type_desc* table_of<constraint_violation> = &violation_type;

// A create request's `context` entries: "<type>": "<id>", or "<type>": {"id": ..., "data": {...}}.
inline constexpr field_desc context_entry_fields[] = {
    field<&context_entry::id>("id", field_required),
    field<&context_entry::data>("data", field_object_only),
};
inline constexpr type_desc context_entry_type =
    map_type<context_entry, &context_entry::type, context_entry_fields, 0, false, &context_entry::as_object>();
template <>
inline constexpr const type_desc* table_of<context_entry> = &context_entry_type;

inline constexpr field_desc error_fields[] = {
    field<&api_error::status_code>("statusCode", field_required),
    field<&api_error::timestamp>("timestamp", field_required),
    field<&api_error::path>("path", field_required),
    field<&api_error::message>("message"),
    field<&api_error::ctx>("ctx", field_object_only),
    field<&api_error::error_id>("errorId"),
};
// The error tables are decoded on every failed call; decode_only() keeps the encoder's steps for
// maps and any-JSON out of programs that never encode an api_error (encode_json has its own).
inline constexpr type_desc error_type = decode_only(struct_type<api_error, error_fields>());

inline constexpr field_desc validation_error_fields[] = {
    error_fields[0],
    error_fields[1],
    error_fields[2],
    error_fields[3],
    error_fields[4],
    error_fields[5],
    field<&api_error::errors>("errors", field_required),
};
inline constexpr type_desc validation_error_type = decode_only(struct_type<api_error, validation_error_fields>());
inline constexpr type_desc validation_error_out_type = struct_type<api_error, validation_error_fields>();

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
  return detail::encode_with_table(detail::validation_error_out_type, &body);
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
