// dto_reader's members for keys and scalar values, defined out of the class (json_reader.hpp):
// the JSON pointer of an error, the next slot, member keys, scalars, any-JSON capture.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // int64_t
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include "novu/core/detail/json_messages.hpp"
#include "novu/core/detail/json_reader.hpp"
#include "novu/core/detail/json_schema.hpp"
#include "novu/core/detail/nlohmann_shim.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/api_error.hpp"
#include "novu/core/error.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// ---- the JSON pointer of the element being read, rebuilt only when an error needs it ----
// For a lexer error (`lexing` other than nothing) the innermost container is still waiting
// for the failed token: a list's next element, or an object's next member name.
inline std::string dto_reader::path(lexing failed) const {
  std::string pointer;
  const bool outside_captures = capture_depth_ == 0 && skip_depth_ == 0;
  for (std::size_t n = 0; n < stack_.size(); ++n) {
    const frame& f = stack_[n];
    const bool innermost = n + 1 == stack_.size() && outside_captures;
    if (f.kind == frame_kind::object_list || f.kind == frame_kind::string_list) {
      const std::size_t next = innermost && failed != lexing::nothing ? f.index + 1 : f.index;
      if (next > 0) {
        pointer.push_back('/');
        pointer += std::to_string(next - 1);
      }
    } else if (innermost && failed == lexing::key) {
      continue;
    } else if (f.key == key_kind::name) {
      append_pointer_token(pointer, f.name);
    } else if (f.key == key_kind::stored) {
      append_pointer_token(pointer, std::string_view(keys_).substr(f.key_base, f.name.size()));
    }
  }
  return pointer;
}

// ---- the next slot, decided by the innermost container ----
inline dto_reader::slot dto_reader::current_slot() {
  if (stack_.empty()) {
    if (root_done_) return slot{};
    return slot{slot_kind::root, nullptr, root_type_, root_target_};
  }
  frame& top = stack_.back();
  switch (top.kind) {
    case frame_kind::object:
    case frame_kind::keyed_map: return pending_;
    case frame_kind::object_list:
      if (top.index++ > 0) bytes_read_ += 1;
      return slot{slot_kind::list_item, nullptr, top.type, top.target};
    case frame_kind::string_list:
      if (top.index++ > 0) bytes_read_ += 1;
      return slot{slot_kind::string_item, nullptr, nullptr, top.target};
  }
  return slot{};
}

// ---- keys ----
inline bool dto_reader::on_key(std::string& name) {
  if (capture_depth_ > 0) {
    if (taping_) return variants_->record_key(*this, name);
    capture_.key(name);
    return true;
  }
  if (skip_depth_ > 0) return true;
  frame& top = stack_.back();
  if (top.kind == frame_kind::object && top.enveloped) {
    // {"data": {...}, ...}: a repeated `data` replaces the entity whole (the last one wins,
    // as for any member); the other members beside it are not the entity's.
    if (name == "data") {
      set_key(top, "data", name);
      pending_ = slot{slot_kind::root, nullptr, top.type, top.target};
      return true;
    }
    set_key(top, {}, name);
    pending_ = slot{slot_kind::skip, nullptr, nullptr, nullptr};
    return true;
  }
  if (top.kind == frame_kind::object) {
    const field_desc* fields = top.type->fields;
    const std::size_t count = top.type->field_count;
    // Members usually arrive in table order: try the one after the previous match first.
    if (top.next_field < count && fields[top.next_field].name == name) {
      select_field(top, top.next_field);
      return true;
    }
    for (std::size_t i = 0; i < count; ++i) {
      if (fields[i].name == name) {
        select_field(top, i);
        return true;
      }
    }
    // The server's envelope {"data": {...}}; a `data` member after entity fields is an
    // unknown member of a bare entity.
    if (top.is_root && allow_envelope_ && top.seen == 0 && name == "data") {
      set_key(top, "data", name);
      top.enveloped = true;
      pending_ = slot{slot_kind::root, nullptr, top.type, top.target};
      return true;
    }
    set_key(top, {}, name);
    pending_ = slot{slot_kind::skip, nullptr, nullptr, nullptr};
    return true;
  }
  set_key(top, {}, name);
  // Maps gather their entries and merge repeated keys when they close; they also merge each
  // time their size doubles, so that a body repeating one key holds no more than twice the
  // distinct entries (in O(n log n) in all). `index` counts the entries held.
  if (top.index >= top.merge_at) {
    top.index = merge_repeated_keys(top);
    top.merge_at = 2 * (top.index > 32 ? top.index : 32);
  }
  ++top.index;
  void* element = top.type->append(top.target, std::string(name));
  pending_ = slot{slot_kind::map_value, nullptr, top.type, element};
  return true;
}

// A map's repeated keys merged: the last value, in the first one's place. Returns the
// number of entries left.
inline std::size_t dto_reader::merge_repeated_keys(const frame& map) { return map.type->unique(map.target); }

// ---- scalars ----
inline bool dto_reader::scalar(json_event event, std::string* text, bool flag) {
  if (capture_depth_ > 0) return capture_scalar(event, text, flag);
  if (skip_depth_ > 0) return true;
  const slot s = current_slot();
  switch (s.kind) {
    case slot_kind::none: return fail(error_kind::decode, "unexpected value after the document");
    case slot_kind::skip: return true;
    case slot_kind::root: return type_error("an object", event);
    case slot_kind::list_item: return type_error("an object", event);
    case slot_kind::map_value: {
      // A map entry's shorthand: a string that stands for the entry with only that field set.
      const std::size_t shorthand = s.type->shorthand;
      if (shorthand == no_shorthand) return type_error("an object", event);
      if (event != json_event::string)
        return type_error(s.type->shorthand_only ? "a string" : "a string or an object", event);
      const field_desc& f = s.type->fields[shorthand];
      *static_cast<std::string*>(f.member(s.target)) = *text;
      return true;
    }
    case slot_kind::string_item: {
      if (event != json_event::string) return type_error("a string", event);
      // Overwrite the list's own elements first (keeping their buffers); gather the rest.
      auto& list = *static_cast<std::vector<std::string>*>(s.target);
      const std::size_t at = stack_.back().index - 1;
      if (at < list.size()) {
        list[at] = *text;
      } else {
        items_.emplace_back(*text);
      }
      return true;
    }
    case slot_kind::field: return field_scalar(*s.field, s.target, event, text, flag);
  }
  return true;
}

inline bool dto_reader::field_scalar(const field_desc& f, void* target, json_event event, std::string* text,
                                     bool flag) {
  const bool nullable = (f.flags & field_nullable) != 0;
  if (event == json_event::null && nullable &&
      (f.kind == field_kind::optional_string || f.kind == field_kind::open_enum || f.kind == field_kind::closed_enum)) {
    f.reset(target);
    return true;
  }
  switch (f.kind) {
    // Strings are copied, not moved, out of the lexer's buffer: the copy is one allocation
    // of the right size, while a moved-from buffer would be regrown character by character.
    case field_kind::string:
    case field_kind::optional_string:
    case field_kind::open_enum:
    case field_kind::closed_enum:
      if (event != json_event::string) return type_error("a string", event);
      if (f.kind == field_kind::string) {
        *static_cast<std::string*>(target) = *text;
      } else if (f.kind == field_kind::optional_string) {
        *static_cast<std::optional<std::string>*>(target) = *text;
      } else if (!f.enums->assign(target, *text)) {
        return fail_at(path(), "expected " + std::string(f.enums->expected));  // a closed enum's unknown value
      }
      return true;
    case field_kind::integer:
      if (event != json_event::number) return type_error("an integer", event);
      if (!number_.is_integer) {
        return fail_at(path(), number_.too_large ? "integer out of range"
                                                 : "expected an integer, found a number with a fraction or exponent");
      }
      *static_cast<std::int64_t*>(target) = number_.integer;
      return true;
    case field_kind::boolean:
    case field_kind::optional_boolean:
      if (event != json_event::boolean) return type_error("a boolean", event);
      if (f.kind == field_kind::boolean) {
        *static_cast<bool*>(target) = flag;
      } else {
        *static_cast<std::optional<bool>*>(target) = flag;
      }
      return true;
    case field_kind::optional_any: {
      if ((f.flags & field_object_only) != 0) return type_error("an object", event);
      auto& out = *static_cast<std::optional<any_json>*>(target);
      out.emplace();
      scalar_any(event, text, flag, *out);
      return true;
    }
    case field_kind::variant: return variant_through(f, target, event, text, flag, false);
    case field_kind::string_list: return type_error("an array of strings", event);
    case field_kind::object_list: return type_error("an array", event);
    case field_kind::object:
    case field_kind::keyed_map: return type_error("an object", event);
  }
  return true;
}

// A scalar as an any-JSON value.
inline void dto_reader::scalar_any(json_event event, std::string* text, bool flag, any_json& out) const {
  out.type = event == json_event::null      ? json_type::null
             : event == json_event::boolean ? json_type::boolean
             : event == json_event::number  ? json_type::number
                                            : json_type::string;
  ordered_json value = scalar_json(event, text, flag);
  out.text = value.dump();
}

inline dto_reader::ordered_json dto_reader::scalar_json(json_event event, std::string* text, bool flag) const {
  switch (event) {
    case json_event::boolean: return ordered_json(flag);
    case json_event::string: return ordered_json(std::move(*text));
    case json_event::number:
      if (float_event_) return ordered_json(number_.real);
      if (number_.too_large) return ordered_json(unsigned_);
      return ordered_json(number_.integer);
    default: return ordered_json(nullptr);
  }
}

// ---- capture of any-JSON values as compact text, written as the events arrive ----
inline bool dto_reader::capture_scalar(json_event event, std::string* text, bool flag) {
  if (taping_) return variants_->record_scalar(*this, event, text, flag);
  switch (event) {
    case json_event::null: capture_.null(); break;
    case json_event::boolean: capture_.boolean(flag); break;
    case json_event::string: capture_.string(*text); break;
    default:
      if (float_event_) {
        capture_.real(number_.real);
      } else if (number_.too_large) {
        capture_.unsigned_integer(unsigned_);
      } else {
        capture_.integer(number_.integer);
      }
      break;
  }
  return true;
}

inline bool dto_reader::capture_end() {
  if (taping_) {
    if (--capture_depth_ == 0) taping_ = false;
    return variants_->record_end(*this);
  }
  capture_.end();
  if (--capture_depth_ == 0) {
    capture_target_->type = capture_is_object_ ? json_type::object : json_type::array;
    capture_target_->text = capture_.take();
    capture_target_ = nullptr;
  }
  return true;
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
