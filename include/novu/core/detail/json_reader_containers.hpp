// dto_reader's members for arrays and objects, defined out of the class (json_reader.hpp):
// the depth limit, opening and closing containers, unseen fields, list reservation.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>   // size_t, ptrdiff_t
#include <cstdint>   // int64_t, uint32_t
#include <iterator>  // make_move_iterator
#include <optional>  // optional
#include <string>    // string, to_string
#include <utility>   // move
#include <vector>    // vector

#include "novu/core/detail/json_messages.hpp"
#include "novu/core/detail/json_reader.hpp"
#include "novu/core/detail/json_schema.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/api_error.hpp"
#include "novu/core/error.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// ---- containers ----
inline bool dto_reader::check_depth() {
  if (++depth_ > max_depth_) {
    if (!failed_) {
      failed_ = true;
      error_ = make_error(error_kind::limit_exceeded,
                          "nesting deeper than the limit of " + std::to_string(max_depth_) + " levels", path());
    }
    return false;
  }
  return true;
}

inline bool dto_reader::start_container(json_event event) {
  if (!check_depth()) return false;
  if (capture_depth_ > 0) return capture_start(event);
  if (skip_depth_ > 0) {
    ++skip_depth_;
    return true;
  }
  const slot s = current_slot();
  const bool is_object = event == json_event::object;
  switch (s.kind) {
    case slot_kind::none: return fail(error_kind::decode, "unexpected value after the document");
    case slot_kind::skip: skip_depth_ = 1; return true;
    case slot_kind::root:
      if (!is_object) return type_error("an object", event);
      push(frame_kind::object, s.type, s.target, stack_.empty());
      return true;
    case slot_kind::list_item: {
      if (!is_object) return type_error("an object", event);
      if (stack_.back().index == 1) stack_.back().first_item = bytes_read_ - 1;
      void* element = s.type->element(s.target, stack_.back().index - 1);
      push(frame_kind::object, s.type, element, false);
      return true;
    }
    case slot_kind::map_value:
      if (!is_object || s.type->shorthand_only) {
        return type_error(s.type->shorthand == no_shorthand ? "an object"
                          : s.type->shorthand_only          ? "a string"
                                                            : "a string or an object",
                          event);
      }
      if (s.type->object_form != nullptr) *s.type->object_form(s.target) = true;
      push(frame_kind::object, s.type, s.target, false);
      return true;
    case slot_kind::string_item: return type_error("a string", event);
    case slot_kind::field: return field_container(*s.field, s.target, event);
  }
  return true;
}

inline bool dto_reader::field_container(const field_desc& f, void* target, json_event event) {
  const bool is_object = event == json_event::object;
  switch (f.kind) {
    case field_kind::object:
      // Decoded over the current value: end_container() resets the members the body leaves
      // out, so a repeated member still replaces the earlier one whole.
      if (!is_object) return type_error("an object", event);
      push(frame_kind::object, f.nested, target, false);
      return true;
    case field_kind::object_list:
      // Elements are overwritten from the first; end_container() drops the rest.
      if (is_object) return type_error("an array", event);
      push(frame_kind::object_list, f.nested, target, false);
      return true;
    case field_kind::string_list:
      if (is_object) return type_error("an array of strings", event);
      if (items_.capacity() == 0) items_.reserve(4);
      push(frame_kind::string_list, nullptr, target, false);
      stack_.back().items_base = items_.size();
      return true;
    case field_kind::keyed_map:
      if (!is_object) return type_error("an object", event);
      f.nested->clear(target);
      push(frame_kind::keyed_map, f.nested, target, false);
      return true;
    case field_kind::optional_any: {
      if ((f.flags & field_object_only) != 0 && !is_object) return type_error("an object", event);
      auto& out = *static_cast<std::optional<any_json>*>(target);
      out.emplace();
      return capture_into(&*out, is_object);
    }
    case field_kind::variant: return variant_through(f, target, event, nullptr, false, true);
    case field_kind::string:
    case field_kind::optional_string:
    case field_kind::open_enum:
    case field_kind::closed_enum: return type_error("a string", event);
    case field_kind::integer: return type_error("an integer", event);
    case field_kind::boolean:
    case field_kind::optional_boolean: return type_error("a boolean", event);
  }
  return true;
}

// Starts capturing the container that opens here as the compact JSON text of `target`.
inline bool dto_reader::capture_into(any_json* target, bool is_object) {
  capture_target_ = target;
  capture_is_object_ = is_object;
  capture_.take();
  capture_.start(is_object);
  capture_depth_ = 1;
  return true;
}

inline bool dto_reader::end_container() {
  --depth_;
  if (capture_depth_ > 0) return capture_end();
  if (skip_depth_ > 0) {
    --skip_depth_;
    return true;
  }
  if ((stack_.back().has_variant || !repeated_tags_.empty()) && !variants_->close(*this)) return false;
  const frame top = stack_.back();
  stack_.pop_back();
  if (keys_.size() > top.key_base) keys_.resize(top.key_base);
  if (top.kind == frame_kind::string_list) {
    // Strings past the list's old size gather in items_ so that the list grows once, to its
    // final size; a list that was longer loses its surplus.
    auto& list = *static_cast<std::vector<std::string>*>(top.target);
    if (list.size() > top.index) list.erase(list.begin() + static_cast<std::ptrdiff_t>(top.index), list.end());
    list.insert(list.end(), std::make_move_iterator(items_.begin() + static_cast<std::ptrdiff_t>(top.items_base)),
                std::make_move_iterator(items_.end()));
    items_.resize(top.items_base);
  } else if (top.kind == frame_kind::object_list) {
    top.type->truncate(top.target, top.index);
  } else if (top.kind == frame_kind::keyed_map) {
    merge_repeated_keys(top);
  }
  if (top.kind == frame_kind::object && !every_field_seen(top) && !(top.is_root && top.enveloped)) {
    if (!settle_unseen_fields(top)) return false;
  }
  if (stack_.empty()) root_done_ = true;
  if (!stack_.empty() && stack_.back().kind == frame_kind::object_list && stack_.back().index == 1) {
    reserve_list(stack_.back());
  }
  pending_ = slot{};
  return true;
}

// The members of a closed object that its text left out: the first required one fails the
// decode; the others get their default value, since the object may hold an earlier value (a
// repeated member, or a caller's value decoded into).
inline bool dto_reader::settle_unseen_fields(const frame& object) {
  for (std::size_t i = 0; i < object.type->field_count; ++i) {
    if ((object.seen & (std::uint32_t{1} << i)) != 0) continue;
    const field_desc& f = object.type->fields[i];
    if ((f.flags & field_required) != 0) {
      std::string where = path();
      append_pointer_token(where, f.name);
      return fail_at(std::move(where), "required field \"" + std::string(f.name) + "\" is missing");
    }
    f.reset(f.member(object.target));
  }
  return true;
}

// Once the first element of an object list is read, sizes the list for the rest of the
// body, so that it is allocated once instead of doubling: SAX gives no element count, and
// doubling keeps the old and the new buffer alive at once (a peak of 1.5 times the list).
// The guess divides the bytes left by the first element's size, both counted from the
// events (a lower bound of the text read, so the guess errs towards one element too many),
// never exceeds the elements that max_elements leaves room for (each holds at least its
// required members), and never reserves more than 4 bytes of elements per byte of body.
inline void dto_reader::reserve_list(const frame& list) {
  if (list.type->reserve == nullptr) return;
  const std::size_t element = bytes_read_ - list.first_item + 1;  // with its separator
  const std::size_t left = text_size_ > bytes_read_ ? text_size_ - bytes_read_ : 0;
  std::size_t values_per_element = 1;  // the element itself
  for (std::size_t i = 0; i < list.type->field_count; ++i) {
    if ((list.type->fields[i].flags & field_required) != 0) ++values_per_element;
  }
  const std::size_t room = value_limit_ > values_ ? (value_limit_ - values_) / values_per_element : 0;
  const std::size_t guess = (left + element - 1) / element;
  list.type->reserve(list.target, 1 + (guess < room ? guess : room), 4 * text_size_);
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
