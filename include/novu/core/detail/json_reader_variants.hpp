// dto_reader's members for tagged unions, defined out of the class (json_reader.hpp). A payload
// whose tag was read before it is decoded straight into the alternative the tag names; one whose
// tag comes later (or not at all) is kept as compact JSON text, within the same limits, and
// decoded once its object closes and the tag is known, so the result does not depend on member
// order. An unknown tag keeps the raw text; a known tag with the wrong shape is a decode error
// located inside the payload ("/data/endpoint/roomId").
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint32_t
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/core/api_error.hpp"
#include "novu/core/detail/json_messages.hpp"
#include "novu/core/detail/json_reader.hpp"
#include "novu/core/detail/json_schema.hpp"
#include "novu/core/error.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// The spelling of the tag of variant field `f` in `owner`; false when it is not set (absent,
// or null).
inline bool dto_reader::tag_spelling(const frame& owner, const field_desc& f, std::string_view& out) {
  const field_desc& tag = owner.type->fields[f.tag_field];
  const void* target = tag.member(owner.target);
  if (tag.kind == field_kind::string) {
    out = *static_cast<const std::string*>(target);
    return true;
  }
  return tag.enums->spelling(target, out);
}

inline bool dto_reader::variant_value(const field_desc& f, void* target, json_event event, std::string* text, bool flag,
                                      bool container) {
  frame& owner = stack_.back();
  owner.has_variant = true;
  const variant_desc& v = *f.variant;
  std::string_view tag;
  if (f.tag_field != no_tag && (owner.seen & (std::uint32_t{1} << f.tag_field)) != 0 && tag_spelling(owner, f, tag)) {
    const std::size_t index = variant_index_of(v, tag);
    if (index != 0) {
      if (event != json_event::object) return type_error("an object", event);
      push(frame_kind::object, v.alternatives[index - 1].type, v.emplace(target, index), false);
      return true;
    }
  }
  // The tag is unknown, or not read yet: keep the payload's text.
  v.emplace(target, 0);
  any_json* raw = static_cast<any_json*>(v.raw(target));
  if (container) return capture_into(raw, event == json_event::object);
  scalar_any(event, text, flag, *raw);
  return true;
}

// Once an object that holds variants closes: each variant read as raw text whose tag is now
// known is decoded as that alternative; a decoded alternative that its (repeated) tag no longer
// names is an error.
inline bool dto_reader::settle_variants(frame& object) {
  for (std::size_t i = 0; i < object.type->field_count; ++i) {
    const field_desc& f = object.type->fields[i];
    if (f.kind != field_kind::variant || f.tag_field == no_tag) continue;
    if ((object.seen & (std::uint32_t{1} << i)) == 0) continue;
    std::string_view tag;
    if ((object.seen & (std::uint32_t{1} << f.tag_field)) == 0 || !tag_spelling(object, f, tag)) continue;
    const variant_desc& v = *f.variant;
    void* target = f.member(object.target);
    const std::size_t named = variant_index_of(v, tag);
    const std::size_t held = v.index(target);
    if (held == named) continue;
    // The pointer of the payload: the object's own path, then the member.
    const key_kind saved_key = object.key;
    const std::string_view saved_name = object.name;
    object.key = key_kind::name;
    object.name = f.name;
    std::string where = path();
    object.key = saved_key;
    object.name = saved_name;
    if (held != 0) {
      return fail_at(std::move(where), "the payload was read as \"" + std::string(v.alternatives[held - 1].tag) +
                                           "\", but \"" + std::string(object.type->fields[f.tag_field].name) +
                                           "\" was repeated with another value");
    }
    if (named == 0) continue;  // an unknown tag keeps the raw text
    any_json raw = std::move(*static_cast<any_json*>(v.raw(target)));
    if (raw.type != json_type::object) {
      return fail_at(std::move(where),
                     std::string("expected an object, found ") + event_name(static_cast<json_event>(raw.type)));
    }
    result<void> decoded =
        decode_into(raw.text, v.alternatives[named - 1].type, v.emplace(target, named), false, limits_);
    if (!decoded) {
      error e = std::move(decoded).error();
      // The inner pointer, under the payload's: "/roomId" becomes "/data/endpoint/roomId".
      const std::string inner = e.location;
      std::string outer = where + inner;
      const std::string said = (inner.empty() ? std::string("document root") : inner) + ": ";
      if (e.message.compare(0, said.size(), said) == 0) {
        e.message = outer + ": " + e.message.substr(said.size());
      } else {
        e.message = outer + ": " + e.message;
      }
      e.location = std::move(outer);
      if (!failed_) {
        failed_ = true;
        error_ = std::move(e);
      }
      return false;
    }
  }
  return true;
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
