// dto_reader's members for tagged unions, defined out of the class (json_reader.hpp). A payload
// whose tag was read before it is decoded straight into the alternative the tag names; one whose
// tag comes later (or not at all) is recorded as parser events, within the same limits, and
// replayed once its object closes and the tag is known, so the result does not depend on member
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
  return field_spelling(owner, f.tag_field, out);
}

// The spelling of string or open-enum field number `field` of `owner`.
inline bool dto_reader::field_spelling(const frame& owner, std::size_t field, std::string_view& out) {
  const field_desc& tag = owner.type->fields[field];
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
  const bool tag_read = f.tag_field != no_tag && (owner.seen & (std::uint32_t{1} << f.tag_field)) != 0;
  std::string_view tag;
  if (tag_read && tag_spelling(owner, f, tag)) {
    const std::size_t index = variant_index_of(v, tag);
    if (index != 0) {
      if (event != json_event::object) return type_error("an object", event);
      push(frame_kind::object, v.alternatives[index - 1].type, v.emplace(target, index), false);
      return true;
    }
  }
  v.emplace(target, 0);
  if (f.tag_field == no_tag || tag_read) {
    // No tag, or one this version does not know: the payload's text, as received.
    any_json* raw = static_cast<any_json*>(v.raw(target));
    if (container) return capture_into(raw, event == json_event::object);
    scalar_any(event, text, flag, *raw);
    return true;
  }
  // The tag comes later: record the payload (a repeated member replaces an earlier recording).
  const std::size_t frame_index = stack_.size() - 1;
  const auto field_index = static_cast<std::size_t>(&f - owner.type->fields);
  for (std::size_t i = tapes_.size(); i-- > 0;) {
    if (tapes_[i].frame == frame_index && tapes_[i].field == field_index)
      tapes_.erase(tapes_.begin() + static_cast<std::ptrdiff_t>(i));
  }
  tapes_.push_back(tape{frame_index, field_index, 0, {}});
  if (!container) return record_scalar(event, text, flag);
  taping_ = true;
  capture_depth_ = 1;
  return record(event == json_event::object ? tape_event::kind::start_object : tape_event::kind::start_array);
}

// Appends one event to the tape being recorded.
inline bool dto_reader::record(typename tape_event::kind what, std::string* text, bool flag) {
  tape& t = tapes_.back();
  t.events.emplace_back();
  tape_event& e = t.events.back();
  e.what = what;
  e.flag = flag;
  if (text != nullptr) e.text = *text;
  if (what != tape_event::kind::key && what != tape_event::kind::end) ++t.values;
  return true;
}

inline bool dto_reader::record_scalar(json_event event, std::string* text, bool flag) {
  switch (event) {
    case json_event::null: return record(tape_event::kind::null);
    case json_event::boolean: return record(tape_event::kind::boolean, nullptr, flag);
    case json_event::string: return record(tape_event::kind::string, text);
    default: break;
  }
  if (float_event_) {
    std::string written = float_text_ != nullptr ? *float_text_ : std::string();
    record(tape_event::kind::real, &written);
    tapes_.back().events.back().real = number_.real;
  } else if (number_.too_large) {
    record(tape_event::kind::unsigned_integer);
    tapes_.back().events.back().unsigned_value = unsigned_;
  } else {
    record(tape_event::kind::integer);
    tapes_.back().events.back().integer = number_.integer;
  }
  return true;
}

// Feeds recorded events to this handler, as the parser would have.
inline bool dto_reader::replay(std::vector<tape_event>& events) {
  std::vector<bool> objects;  // which open container is an object, for the end events
  for (tape_event& e : events) {
    bool ok = true;
    switch (e.what) {
      case tape_event::kind::null: ok = null(); break;
      case tape_event::kind::boolean: ok = boolean(e.flag); break;
      case tape_event::kind::integer: ok = number_integer(e.integer); break;
      case tape_event::kind::unsigned_integer: ok = number_unsigned(e.unsigned_value); break;
      case tape_event::kind::real: ok = number_float(e.real, e.text); break;
      case tape_event::kind::string: ok = string(e.text); break;
      case tape_event::kind::key: ok = key(e.text); break;
      case tape_event::kind::start_object:
        objects.push_back(true);
        ok = start_object(0);
        break;
      case tape_event::kind::start_array:
        objects.push_back(false);
        ok = start_array(0);
        break;
      case tape_event::kind::end:
        ok = objects.back() ? end_object() : end_array();
        objects.pop_back();
        break;
    }
    if (!ok || failed_) return false;
  }
  return true;
}

// The compact JSON text of recorded events (a payload whose tag turned out unknown).
inline any_json dto_reader::render(const std::vector<tape_event>& events) {
  json_text_writer writer;
  std::vector<bool> objects;
  for (const tape_event& e : events) {
    switch (e.what) {
      case tape_event::kind::null: writer.null(); break;
      case tape_event::kind::boolean: writer.boolean(e.flag); break;
      case tape_event::kind::integer: writer.integer(e.integer); break;
      case tape_event::kind::unsigned_integer: writer.unsigned_integer(e.unsigned_value); break;
      case tape_event::kind::real: writer.real(e.real); break;
      case tape_event::kind::string: writer.string(e.text); break;
      case tape_event::kind::key: writer.key(e.text); break;
      case tape_event::kind::start_object:
      case tape_event::kind::start_array:
        objects.push_back(e.what == tape_event::kind::start_object);
        writer.start(objects.back());
        break;
      case tape_event::kind::end:
        writer.end();
        objects.pop_back();
        break;
    }
  }
  static constexpr json_type types[] = {json_type::null,   json_type::boolean, json_type::number, json_type::number,
                                        json_type::number, json_type::string,  json_type::null,   json_type::object,
                                        json_type::array,  json_type::null};
  return any_json::from_text(events.empty() ? json_type::null : types[static_cast<std::size_t>(events.front().what)],
                             writer.take());
}

// A tag member read again: its value so far is kept (the first time) or compared, so that a
// document naming two types for one payload is refused whatever the order of its members.
inline void dto_reader::note_repeated_tag(const frame& owner, std::size_t field) {
  const std::size_t frame_index = stack_.size() - 1;
  std::string_view now;
  if (!field_spelling(owner, field, now)) now = {};
  for (repeated_tag& r : repeated_tags_) {
    if (r.frame == frame_index && r.field == field) {
      if (r.first != now) r.differs = true;
      return;
    }
  }
  repeated_tags_.push_back(repeated_tag{frame_index, field, std::string(now), false});
}

// Once an object that holds variants closes: each payload recorded before its tag is replayed
// as the alternative the tag names (or kept as raw JSON for an unknown or absent tag); a decoded
// alternative that a repeated tag no longer names is an error.
inline bool dto_reader::settle_variants(frame& object) {
  const std::size_t frame_index = stack_.size() - 1;
  for (std::size_t k = 0; k < repeated_tags_.size(); ++k) {
    const repeated_tag& r = repeated_tags_[k];
    if (r.frame != frame_index) continue;
    std::string_view last;
    if (!field_spelling(object, r.field, last)) last = {};
    if (r.differs || last != r.first) {
      object.key = key_kind::name;
      object.name = object.type->fields[r.field].name;
      return fail_at(path(), "\"" + std::string(object.name) + "\" appears twice with different values");
    }
  }
  for (std::size_t i = 0; i < object.type->field_count; ++i) {
    const field_desc& f = object.type->fields[i];
    if (f.kind != field_kind::variant || f.tag_field == no_tag) continue;
    if ((object.seen & (std::uint32_t{1} << i)) == 0) continue;
    const variant_desc& v = *f.variant;
    void* target = f.member(object.target);
    std::string_view tag;
    const bool tagged = (object.seen & (std::uint32_t{1} << f.tag_field)) != 0 && tag_spelling(object, f, tag);
    const std::size_t named = tagged ? variant_index_of(v, tag) : 0;
    std::size_t at = tapes_.size();
    for (std::size_t k = 0; k < tapes_.size(); ++k) {
      if (tapes_[k].frame == frame_index && tapes_[k].field == i) at = k;
    }
    if (at != tapes_.size()) {
      tape recorded = std::move(tapes_[at]);
      tapes_.erase(tapes_.begin() + static_cast<std::ptrdiff_t>(at));
      if (named == 0) {
        *static_cast<any_json*>(v.raw(target)) = render(recorded.events);
        continue;
      }
      // Replayed as the member itself, now that the tag is known; its values were counted once.
      values_ -= recorded.values;
      object.key = key_kind::name;
      object.name = f.name;
      pending_ = slot{slot_kind::field, &f, f.nested, target};
      if (!replay(recorded.events)) return false;
      pending_ = slot{};
      // The replay pushed frames, which may have moved the stack: `object` is stale. Settle the
      // rest from the owner's frame again (the payloads settled so far are skipped there).
      return settle_variants(stack_.back());
    }
    const std::size_t held = v.index(target);
    if (held == named || (held == 0 && !tagged)) continue;
    // The payload was read under one tag and the tag was repeated with another.
    object.key = key_kind::name;
    object.name = f.name;
    return fail_at(path(), "the payload was read as \"" +
                               std::string(held != 0 ? v.alternatives[held - 1].tag : std::string_view("raw JSON")) +
                               "\", but \"" + std::string(object.type->fields[f.tag_field].name) +
                               "\" was repeated with another value");
  }
  return true;
}

// A container closes in a document whose tables have variants: the payloads of the object that
// closes are settled, and the repeated tags of it (and of anything it held) forgotten.
inline bool dto_reader::close_variants() {
  if (stack_.back().has_variant && !settle_variants(stack_.back())) return false;
  if (!repeated_tags_.empty()) {
    const std::size_t closing = stack_.size() - 1;
    for (std::size_t k = repeated_tags_.size(); k-- > 0;) {
      if (repeated_tags_[k].frame >= closing)
        repeated_tags_.erase(repeated_tags_.begin() + static_cast<std::ptrdiff_t>(k));
    }
  }
  return true;
}

inline constexpr variant_engine variant_reader{
    &dto_reader::variant_value_step, &dto_reader::repeated_tag_step,  &dto_reader::close_step,
    &dto_reader::record_key_step,    &dto_reader::record_scalar_step, &dto_reader::record_start_step,
    &dto_reader::record_end_step,
};

}  // namespace detail
NOVU_CC_NAMESPACE_END
