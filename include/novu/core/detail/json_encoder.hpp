// The encoding engine: writes a DTO as compact JSON text straight from its field table (the same
// table the decoder reads), in table order, every string checked for valid UTF-8 and every
// any-JSON value vetted first. The text is what nlohmann's dump() would write for the same
// values; the first problem is kept with its JSON pointer.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // sort, adjacent_find
#include <cstddef>      // size_t
#include <cstdint>      // int64_t
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include "novu/core/api_error.hpp"
#include "novu/core/config.hpp"
#include "novu/core/detail/any_json_text.hpp"
#include "novu/core/detail/json_schema.hpp"
#include "novu/core/detail/nlohmann_shim.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/error.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Writes DTOs as JSON text from their tables.
class table_encoder {
 public:
  // An encoder of `root` and what it nests: the writers of the rarer kinds come from `root`.
  explicit table_encoder(const type_desc& root) noexcept
      : map_(root.writes_map), any_(root.writes_any), variant_(root.writes_variant) {}

  // Writes `object`, a struct described by `type`.
  void write_object(const type_desc& type, const void* object) {
    out_.push_back('{');
    bool first = true;
    for (std::size_t i = 0; i < type.field_count && !failed_; ++i) {
      const field_desc& f = type.fields[i];
      const void* target = f.member(const_cast<void*>(object));
      if (f.engaged != nullptr && !f.engaged(target)) {
        if ((f.flags & field_nullable) == 0) continue;
        member_key(first, f.name);
        out_ += "null";
        continue;
      }
      member_key(first, f.name);
      const std::size_t mark = enter(f.name);
      write_value(f, target, type, object);
      leave(mark);
    }
    out_.push_back('}');
  }

  bool failed() const noexcept { return failed_; }
  // The text written, or the first problem.
  result<std::string> finish() {
    if (failed_) return std::move(error_);
    return std::move(out_);
  }

 private:
  void member_key(bool& first, std::string_view name) {
    if (!first) out_.push_back(',');
    first = false;
    append_json_string(out_, name);
    out_.push_back(':');
  }

  void write_value(const field_desc& f, const void* target, const type_desc& owner_type, const void* owner) {
    switch (f.kind) {
      case field_kind::string: write_string(*static_cast<const std::string*>(target)); return;
      case field_kind::optional_string: write_string(**static_cast<const std::optional<std::string>*>(target)); return;
      case field_kind::open_enum:
      case field_kind::closed_enum: {
        std::string_view spelling;
        f.enums->spelling(target, spelling);
        write_string(spelling);
        return;
      }
      case field_kind::string_list: {
        const auto& list = *static_cast<const std::vector<std::string>*>(target);
        out_.push_back('[');
        for (std::size_t i = 0; i < list.size() && !failed_; ++i) {
          if (i > 0) out_.push_back(',');
          const std::size_t mark = enter(std::to_string(i));
          write_string(list[i]);
          leave(mark);
        }
        out_.push_back(']');
        return;
      }
      case field_kind::integer: out_ += std::to_string(*static_cast<const std::int64_t*>(target)); return;
      case field_kind::boolean: out_ += *static_cast<const bool*>(target) ? "true" : "false"; return;
      case field_kind::optional_boolean:
        out_ += **static_cast<const std::optional<bool>*>(target) ? "true" : "false";
        return;
      case field_kind::object: write_object(*f.nested, target); return;
      case field_kind::object_list: {
        out_.push_back('[');
        const std::size_t n = f.nested->size(target);
        for (std::size_t i = 0; i < n && !failed_; ++i) {
          if (i > 0) out_.push_back(',');
          const std::size_t mark = enter(std::to_string(i));
          write_object(*f.nested, f.nested->at(target, i));
          leave(mark);
        }
        out_.push_back(']');
        return;
      }
      case field_kind::keyed_map: write_through(map_, f, target, owner_type, owner); return;
      case field_kind::optional_any: write_through(any_, f, target, owner_type, owner); return;
      case field_kind::variant: write_through(variant_, f, target, owner_type, owner); return;
    }
  }

  // A field of a rarer kind, through the writer the root table gave (none: the table was
  // declared decode_only()).
  void write_through(const field_writer* writer, const field_desc& f, const void* target, const type_desc& owner_type,
                     const void* owner) {
    if (writer == nullptr) {
      reject("this table is not encoded");
      return;
    }
    writer->write(*this, f, target, owner_type, owner);
  }

 public:
  // The writers' steps (map_writer, any_writer, variant_writer below).
  static void write_map_field(table_encoder& e, const field_desc& f, const void* target,
                              const type_desc& /*owner_type*/, const void* /*owner*/) {
    e.write_map(*f.nested, target);
  }
  static void write_any_field(table_encoder& e, const field_desc& f, const void* target,
                              const type_desc& /*owner_type*/, const void* /*owner*/) {
    e.write_any(**static_cast<const std::optional<any_json>*>(target), (f.flags & field_object_only) != 0);
  }
  static void write_variant_field(table_encoder& e, const field_desc& f, const void* target,
                                  const type_desc& owner_type, const void* owner) {
    e.write_variant(f, target, owner_type, owner);
  }

 private:
  // A map: one member per entry, in order; keys must be valid UTF-8 and distinct (a repeated
  // key would leave only its last entry on the wire).
  void write_map(const type_desc& entry, const void* map) {
    const std::size_t n = entry.size(map);
    std::vector<std::string_view> keys;
    keys.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string& key = entry.key(entry.at(map, i));
      const std::size_t bad = find_invalid_utf8(key);
      if (bad != std::string_view::npos) {
        reject("a key is not valid UTF-8 (byte " + std::to_string(bad) + ")");
        return;
      }
      keys.push_back(key);
    }
    std::vector<std::string_view> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    const auto twice = std::adjacent_find(sorted.begin(), sorted.end());
    if (twice != sorted.end()) {
      const std::size_t mark = enter(*twice);
      reject("two entries have the key \"" + std::string(*twice) + "\"");
      leave(mark);
      return;
    }
    out_.push_back('{');
    for (std::size_t i = 0; i < n && !failed_; ++i) {
      if (i > 0) out_.push_back(',');
      append_json_string(out_, keys[i]);
      out_.push_back(':');
      const std::size_t mark = enter(keys[i]);
      const void* e = entry.at(map, i);
      if (is_shorthand(entry, e)) {
        const field_desc& s = entry.fields[entry.shorthand];
        write_string(*static_cast<const std::string*>(s.member(const_cast<void*>(e))));
      } else {
        write_object(entry, e);
      }
      leave(mark);
    }
    out_.push_back('}');
  }

  // Whether a map entry is written as its shorthand string: it has one, and every other
  // (optional) field is absent.
  static bool is_shorthand(const type_desc& entry, const void* e) {
    if (entry.shorthand == no_shorthand) return false;
    if (entry.object_form != nullptr && *entry.object_form(const_cast<void*>(e))) return false;
    for (std::size_t i = 0; i < entry.field_count; ++i) {
      if (i == entry.shorthand) continue;
      const field_desc& f = entry.fields[i];
      if (f.engaged == nullptr || f.engaged(f.member(const_cast<void*>(e)))) return false;
    }
    return true;
  }

  // An any-JSON value: vetted, then written compact.
  void write_any(const any_json& value, bool object_only) {
    result<nlohmann::ordered_json> dom = parse_vetted(value.text, path_, decode_limits{});
    if (!dom) {
      fail(std::move(dom).error());
      return;
    }
    if (object_only && !dom->is_object()) {
      reject("must be a JSON object");
      return;
    }
    if (type_of(*dom) != value.type) {
      reject("the JSON text does not hold the declared type");
      return;
    }
    dump_compact(*dom, out_);
  }

  // A tagged union: the typed alternative that its tag names, or the raw JSON of a tag this
  // version does not know.
  void write_variant(const field_desc& f, const void* target, const type_desc& owner_type, const void* owner) {
    const variant_desc& v = *f.variant;
    const std::size_t held = v.index(target);
    if (f.tag_field != no_tag) {
      const field_desc& tag = owner_type.fields[f.tag_field];
      const void* tag_target = tag.member(const_cast<void*>(owner));
      std::string_view spelling;
      if (tag.kind == field_kind::string) {
        spelling = *static_cast<const std::string*>(tag_target);
      } else if (!tag.enums->spelling(tag_target, spelling)) {
        reject("\"" + std::string(tag.name) + "\" is not set, so the payload's type is unknown");
        return;
      }
      const std::size_t named = variant_index_of(v, spelling);
      if (held == 0 && named != 0) {
        reject("the payload is raw JSON, but \"" + std::string(spelling) + "\" is a known " + std::string(tag.name) +
               ": set its typed alternative");
        return;
      }
      if (held != 0 && held != named) {
        reject("the payload is the alternative for \"" + std::string(v.alternatives[held - 1].tag) + "\", but \"" +
               std::string(tag.name) + "\" says \"" + std::string(spelling) + "\"");
        return;
      }
    }
    if (held == 0) {
      write_any(*static_cast<const any_json*>(v.raw(const_cast<void*>(target))), false);
    } else {
      write_object(*v.alternatives[held - 1].type, v.get(target));
    }
  }

  void write_string(std::string_view value) {
    const std::size_t bad = find_invalid_utf8(value);
    if (bad != std::string_view::npos) {
      reject("string is not valid UTF-8 (byte " + std::to_string(bad) + ")");
      return;
    }
    append_json_string(out_, value);
  }

  // Fails with `why` at the current location.
  void reject(const std::string& why) {
    std::string message = (path_.empty() ? std::string("body") : path_) + ": " + why;
    fail(make_error(error_kind::invalid_argument, std::move(message), path_));
  }
  void fail(error e) {
    if (!failed_) {
      failed_ = true;
      error_ = std::move(e);
    }
  }
  std::size_t enter(std::string_view key) {
    const std::size_t mark = path_.size();
    append_pointer_token(path_, key);
    return mark;
  }
  void leave(std::size_t mark) { path_.resize(mark); }

  const field_writer* map_;
  const field_writer* any_;
  const field_writer* variant_;
  std::string out_;
  std::string path_;
  bool failed_ = false;
  error error_;
};

inline constexpr field_writer map_writer{&table_encoder::write_map_field};
inline constexpr field_writer any_writer{&table_encoder::write_any_field};
inline constexpr field_writer variant_writer{&table_encoder::write_variant_field};

// `object` (described by `type`) as compact JSON text, or the first problem with its pointer.
inline result<std::string> encode_with_table(const type_desc& type, const void* object) {
  table_encoder encoder(type);
  encoder.write_object(type, object);
  return encoder.finish();
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
