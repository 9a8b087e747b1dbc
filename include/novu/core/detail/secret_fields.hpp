// The secrets a request body carries, read from its field table: every value of a field flagged
// field_secret, in nested structs, lists, maps and the held alternative of a tagged union too.
// A call adds them to the scrubber that cleans the error it returns.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/core/api_error.hpp"
#include "novu/core/detail/json_schema.hpp"
#include "novu/core/detail/mask.hpp"
#include "novu/core/detail/scrub.hpp"
#include "novu/core/detail/secret_names.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Adds to `secrets` every string held, at any depth, under a member whose name is a secret name
// (is_secret_name: credential-like, or a registered table field such as "routingKey") in
// `json`, the raw payload of an alternative this version does not know: its table cannot say
// which values are secret, so the names do. One pass over valid JSON (any_json text).
template <class Secrets>
void add_raw_secrets(Secrets& secrets, std::string_view json) {
  std::size_t depth = 0;         // open containers
  std::size_t secret_depth = 0;  // the depth of the container a secret member opened; 0: none
  bool next_is_secret = false;   // the value after the member name just read is secret
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"') {
      const std::size_t start = ++i;
      while (i < json.size() && json[i] != '"') i += json[i] == '\\' ? 2 : 1;
      const std::string_view token = json.substr(start, (i < json.size() ? i : json.size()) - start);
      std::size_t after = i + 1;
      while (after < json.size() &&
             (json[after] == ' ' || json[after] == '\n' || json[after] == '\t' || json[after] == '\r')) {
        ++after;
      }
      if (after < json.size() && json[after] == ':') {
        next_is_secret = secret_depth == 0 && is_secret_name(normalized_key(json_unescape(token)));
      } else {
        if (next_is_secret || secret_depth != 0) secrets.add(json_unescape(token));
        next_is_secret = false;
      }
    } else if (c == '{' || c == '[') {
      ++depth;
      if (next_is_secret) secret_depth = depth;
      next_is_secret = false;
    } else if (c == '}' || c == ']') {
      if (secret_depth == depth) secret_depth = 0;
      if (depth > 0) --depth;
    } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != ':' && c != ',') {
      next_is_secret = false;  // a number, true, false or null
    }
  }
}

// Adds to `secrets` (a secret_scrubber, or anything with `add(std::string_view)`) the value of
// every secret field of `object`, a struct described by `type`.
template <class Secrets>
void add_secret_fields(Secrets& secrets, const type_desc& type, const void* object) {
  for (std::size_t i = 0; i < type.field_count; ++i) {
    const field_desc& f = type.fields[i];
    const void* target = f.member(const_cast<void*>(object));
    if (f.engaged != nullptr && !f.engaged(target)) continue;
    const bool secret = (f.flags & field_secret) != 0;
    switch (f.kind) {
      case field_kind::string:
        if (secret) secrets.add(*static_cast<const std::string*>(target));
        break;
      case field_kind::optional_string:
        if (secret) secrets.add(**static_cast<const std::optional<std::string>*>(target));
        break;
      case field_kind::string_list:
        if (secret) {
          for (const std::string& s : *static_cast<const std::vector<std::string>*>(target)) secrets.add(s);
        }
        break;
      case field_kind::optional_any:
        if (secret) secrets.add(static_cast<const std::optional<any_json>*>(target)->value_or(any_json{}).text);
        break;
      case field_kind::object: add_secret_fields(secrets, *f.nested, target); break;
      case field_kind::object_list:
      case field_kind::keyed_map:
        for (std::size_t k = 0, n = f.nested->size(target); k < n; ++k) {
          add_secret_fields(secrets, *f.nested, f.nested->at(target, k));
        }
        break;
      case field_kind::variant: {
        const std::size_t held = f.variant->index(target);
        if (held != 0) {
          add_secret_fields(secrets, *f.variant->alternatives[held - 1].type, f.variant->get(target));
        } else {
          add_raw_secrets(secrets, static_cast<const any_json*>(f.variant->raw(const_cast<void*>(target)))->text);
        }
        break;
      }
      case field_kind::open_enum:
      case field_kind::closed_enum:
      case field_kind::integer:
      case field_kind::boolean:
      case field_kind::optional_boolean: break;
    }
  }
}

// Registers the wire names of the secret fields of `type` (nested structs, lists, maps and the
// alternatives of tagged unions included) with the maskers (register_secret_name). Returns true,
// so that a resource can call it in the initializer of an inline variable.
inline bool register_table_secrets(const type_desc& type) {
  for (std::size_t i = 0; i < type.field_count; ++i) {
    const field_desc& f = type.fields[i];
    if ((f.flags & field_secret) != 0) register_secret_name(f.name);
    // The fields of a map of plain strings are no member names on the wire (the map's own name,
    // flagged, stands for them).
    if (f.nested != nullptr && f.nested != &type && !f.nested->shorthand_only) register_table_secrets(*f.nested);
    if (f.kind == field_kind::variant) {
      for (std::size_t k = 0; k < f.variant->count; ++k) register_table_secrets(*f.variant->alternatives[k].type);
    }
  }
  return true;
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
