// The decoding engine: a SAX handler for nlohmann/json that fills DTOs straight from parser
// events, described by small field tables, without building a DOM. Each open container keeps
// the key or index being read, from which the JSON pointer of an error is rebuilt, and the
// depth limit is enforced as it goes.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // stable_sort
#include <cstddef>      // size_t, ptrdiff_t
#include <cstdint>      // int64_t, uint32_t, uint64_t
#include <cstring>      // memchr
#include <iterator>     // make_move_iterator
#include <limits>       // numeric_limits
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include "novu/core/config.hpp"
#include "novu/core/detail/nlohmann_shim.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/connections/dto.hpp"
#include "novu/core/error.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// The C++ type behind a field, one kind per type.
enum class field_kind : unsigned char {
  string,             // std::string
  optional_string,    // std::optional<std::string>
  optional_channel,   // std::optional<channel_type>
  optional_provider,  // std::optional<provider_id>
  optional_mode,      // std::optional<connection_mode>
  string_list,        // std::vector<std::string>
  integer,            // std::int64_t
  boolean,            // bool
  object,             // a struct described by `nested`
  object_list,        // std::vector<T>, T described by `nested`
  object_map,         // std::vector<T> from a JSON object, T described by `nested` (keyed add)
  optional_any,       // std::optional<any_json>
  optional_context,   // std::optional<std::vector<context_entry>>
};

// Field flags.
enum : unsigned char {
  field_required = 1,     // must be present
  field_nullable = 2,     // null is allowed (nullopt); otherwise null is a type error
  field_object_only = 4,  // optional_any: the value must be a JSON object
};

struct type_desc;

// One field of a struct: its wire name, kind, flags and where it lives in the struct.
struct field_desc {
  std::string_view name;
  field_kind kind;
  unsigned char flags;
  void* (*member)(void* object);
  const type_desc* nested;
};

// A struct: its fields, and how to empty and add to a std::vector of it (lists and maps; for
// a map entry `key` is the entry's name).
struct type_desc {
  const field_desc* fields;
  std::size_t field_count;
  void (*clear)(void* vector);
  void* (*append)(void* vector, std::string&& key);
  // Lists: makes room for `count` elements, but never for more than `max_bytes` of them.
  void (*reserve)(void* vector, std::size_t count, std::size_t max_bytes) = nullptr;
  // Structs: restores a default value (a struct member that the body leaves out).
  void (*reset)(void* object) = nullptr;
  // Lists: element `index`, reused when the vector already has it, else appended; lists are
  // decoded over what the vector holds, so that decoding into an existing value reuses memory.
  void* (*element)(void* vector, std::size_t index) = nullptr;
  // Lists: drops the elements from `count` on (those the body did not overwrite).
  void (*truncate)(void* vector, std::size_t count) = nullptr;
  // Maps: keeps one entry per key, where the key first appeared, with its last value;
  // returns the number of entries left.
  std::size_t (*unique)(void* vector) = nullptr;
};

// Keeps one element per key (`key(element)` gives it) in `v`, at the place where the key first
// appeared and with the value of its last appearance: a JSON object's repeated member, read
// the way JavaScript reads it (the last one wins). Entries are gathered as the members arrive
// and made unique once the object closes, in O(n log n), so that a body of many members cannot
// make decoding quadratic.
template <class T, class Key>
std::size_t keep_last_per_key(std::vector<T>& v, Key key) {
  if (v.size() < 2) return v.size();
  std::vector<std::size_t> order(v.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(v[a]) < key(v[b]); });
  std::vector<bool> dropped;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && key(v[order[j]]) == key(v[order[i]])) ++j;
    if (j - i > 1) {
      // A stable sort keeps equal keys in body order: order[i] came first, order[j - 1] last.
      if (dropped.empty()) dropped.resize(v.size());
      v[order[i]] = std::move(v[order[j - 1]]);
      for (std::size_t k = i + 1; k < j; ++k) dropped[order[k]] = true;
    }
    i = j;
  }
  if (dropped.empty()) return v.size();
  std::size_t kept = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (dropped[i]) continue;
    if (kept != i) v[kept] = std::move(v[i]);
    ++kept;
  }
  v.erase(v.begin() + static_cast<std::ptrdiff_t>(kept), v.end());
  return kept;
}

// The entries of a context map, made unique by type (see keep_last_per_key).
inline std::size_t context_entries_unique(void* entries) {
  return keep_last_per_key(*static_cast<std::vector<context_entry>*>(entries),
                           [](const context_entry& e) -> const std::string& { return e.type; });
}

// Writes compact JSON text from parser events without recursion, whatever the depth: captured
// any-JSON values are kept as text (member order as received) instead of as a DOM whose
// dump() would recurse once per level. Strings and reals are formatted by nlohmann
// (ordered_json: the one specialization the implementation instantiates).
class json_text_writer {
 public:
  void null() {
    value_prefix();
    out_ += "null";
  }
  void boolean(bool v) {
    value_prefix();
    out_ += v ? "true" : "false";
  }
  void integer(std::int64_t v) {
    value_prefix();
    out_ += std::to_string(v);
  }
  void unsigned_integer(std::uint64_t v) {
    value_prefix();
    out_ += std::to_string(v);
  }
  void real(double v) {
    value_prefix();
    out_ += nlohmann::ordered_json(v).dump();
  }
  void string(const std::string& v) {
    value_prefix();
    out_ += nlohmann::ordered_json(v).dump();
  }
  void key(const std::string& name) {
    separator();
    out_ += nlohmann::ordered_json(name).dump();
    out_.push_back(':');
    after_key_ = true;
  }
  void start(bool object) {
    value_prefix();
    out_.push_back(object ? '{' : '[');
    open_.push_back(object);
    first_.push_back(true);
  }
  void end() {
    out_.push_back(open_.back() ? '}' : ']');
    open_.pop_back();
    first_.pop_back();
  }
  // The text written so far; the writer starts over.
  std::string take() {
    std::string text = std::move(out_);
    out_.clear();
    open_.clear();
    first_.clear();
    after_key_ = false;
    return text;
  }

 private:
  void value_prefix() {
    if (after_key_) {
      after_key_ = false;
    } else {
      separator();
    }
  }
  void separator() {
    if (first_.empty()) return;
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }

  std::string out_;
  std::vector<bool> open_;   // true: object
  std::vector<bool> first_;  // no member/element written yet at this level
  bool after_key_ = false;
};

// Human name of what the parser saw, for "expected X, found Y" messages.
enum class json_event : unsigned char { null, boolean, number, string, array, object };

inline const char* event_name(json_event e) noexcept {
  switch (e) {
    case json_event::null: return "null";
    case json_event::boolean: return "a boolean";
    case json_event::number: return "a number";
    case json_event::string: return "a string";
    case json_event::array: return "an array";
    case json_event::object: return "an object";
  }
  return "a value";
}

// nlohmann's parse_error text without its prefix and without the "last read" token, which
// can hold a fragment of a secret from the body.
inline std::string describe_parse_error(const char* what) {
  std::string text(what == nullptr ? "" : what);
  const std::string::size_type bracket = text.find("] ");
  if (text.rfind("[json.exception.", 0) == 0 && bracket != std::string::npos) text.erase(0, bracket + 2);
  const std::string::size_type last_read = text.find("; last read");
  if (last_read != std::string::npos) text.erase(last_read);
  return text;
}

// nlohmann's lexer reads a NUL byte outside a string as the end of the input, so that
// `{"a":1}\0{junk` would parse as `{"a":1}`. JSON text cannot hold a raw NUL (no control
// character may appear anywhere in it), so every entry point refuses one: the offset of the
// first NUL byte of `text`, or npos.
inline std::size_t find_nul(std::string_view text) noexcept {
  if (text.empty()) return std::string_view::npos;
  const void* at = std::memchr(text.data(), 0, text.size());
  return at == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(at) - text.data());
}

// The message for a NUL byte at `offset` (0-based).
inline std::string nul_byte_message(std::size_t offset) {
  return "malformed JSON: NUL byte at offset " + std::to_string(offset) +
         " (raw control characters are not allowed in JSON text)";
}

// The message for nlohmann's parse error at `position` (its count of bytes read, so the
// offending byte is at offset position - 1): a NUL byte there, which the lexer took for the
// end of the input or refused inside a string, is named as such.
inline std::string parse_error_message(std::string_view text, std::size_t position, const char* what) {
  if (position >= 1 && position <= text.size() && text[position - 1] == '\0') return nul_byte_message(position - 1);
  return "malformed JSON at byte " + std::to_string(position) + ": " + describe_parse_error(what);
}

// A limit of `max` elements as a limit of values: the root value is no element. Saturates.
constexpr std::size_t value_limit(std::size_t max_elements) noexcept {
  return max_elements == static_cast<std::size_t>(-1) ? max_elements : max_elements + 1;
}

// The message for a document with more elements than `max_elements`.
inline std::string too_many_elements_message(std::size_t max_elements) {
  return "more than " + std::to_string(max_elements) +
         " array elements and object members in the document (decode_limits::max_elements)";
}

// The SAX handler. Use through decode_into().
class dto_reader {
 public:
  using json = json_value;
  using ordered_json = json_value;

  dto_reader(const type_desc* root_type, void* root_target, bool allow_envelope, const decode_limits& limits,
             std::string_view text)
      : root_type_(root_type),
        root_target_(root_target),
        allow_envelope_(allow_envelope),
        max_depth_(limits.max_depth),
        max_elements_(limits.max_elements),
        value_limit_(value_limit(limits.max_elements)),
        text_(text),
        text_size_(text.size()) {
    stack_.reserve(4);  // deep enough for every response body of this API
  }
  dto_reader(const dto_reader&) = delete;
  dto_reader& operator=(const dto_reader&) = delete;

  // ---- nlohmann SAX interface ----
  bool null() {
    if (!count_value()) return false;
    bytes_read_ += 4;
    return scalar(json_event::null, nullptr, false);
  }
  bool boolean(bool value) {
    if (!count_value()) return false;
    bytes_read_ += value ? 4 : 5;
    return scalar(json_event::boolean, nullptr, value);
  }
  bool number_integer(json::number_integer_t value) {
    if (!count_value()) return false;
    bytes_read_ += 1;
    number_ = number_value{true, static_cast<std::int64_t>(value), static_cast<double>(value), false};
    return scalar(json_event::number, nullptr, false);
  }
  bool number_unsigned(json::number_unsigned_t value) {
    if (!count_value()) return false;
    bytes_read_ += 1;
    const bool fits = value <= static_cast<std::uint64_t>((std::numeric_limits<std::int64_t>::max)());
    number_ = number_value{fits, fits ? static_cast<std::int64_t>(value) : 0, static_cast<double>(value), !fits};
    unsigned_ = value;
    return scalar(json_event::number, nullptr, false);
  }
  // nlohmann reports a number as a real when its text has a fraction or an exponent, and an
  // integer literal beyond 64 bits. An integer field takes neither: `1.0`, `1e2` and `1e-400`
  // are not integers as written, and `99999999999999999999` is out of range.
  bool number_float(json::number_float_t value, const json::string_t& raw) {
    if (!count_value()) return false;
    bytes_read_ += raw.size();
    const bool integer_literal = raw.find_first_of(".eE") == json::string_t::npos;
    number_ = number_value{false, 0, value, integer_literal};
    float_event_ = true;
    const bool ok = scalar(json_event::number, nullptr, false);
    float_event_ = false;
    return ok;
  }
  bool string(json::string_t& value) {
    if (!count_value()) return false;
    bytes_read_ += value.size() + 2;
    // The common case first: a string member of the object being read.
    if (pending_.kind == slot_kind::field && capture_depth_ == 0 && skip_depth_ == 0 &&
        stack_.back().kind == frame_kind::object) {
      switch (pending_.field->kind) {
        case field_kind::string: *static_cast<std::string*>(pending_.target) = value; return true;
        case field_kind::optional_string:
          *static_cast<std::optional<std::string>*>(pending_.target) = value;
          return true;
        case field_kind::optional_channel:
          static_cast<std::optional<channel_type>*>(pending_.target)->emplace(value);
          return true;
        case field_kind::optional_provider:
          static_cast<std::optional<provider_id>*>(pending_.target)->emplace(value);
          return true;
        default: break;
      }
    }
    return scalar(json_event::string, &value, false);
  }
  bool binary(json::binary_t& /*value*/) { return fail(error_kind::decode, "binary values are not JSON"); }
  bool start_object(std::size_t /*elements*/) {
    if (!count_value()) return false;
    bytes_read_ += 1;
    return start_container(json_event::object);
  }
  bool end_object() {
    bytes_read_ += 1;
    return end_container();
  }
  bool start_array(std::size_t /*elements*/) {
    if (!count_value()) return false;
    bytes_read_ += 1;
    return start_container(json_event::array);
  }
  bool end_array() {
    bytes_read_ += 1;
    return end_container();
  }
  bool key(json::string_t& name) {
    bytes_read_ += name.size() + 3;
    // The common case first: the member after the previous one in the object's table.
    if (capture_depth_ == 0 && skip_depth_ == 0) {
      frame& top = stack_.back();
      if (top.key != key_kind::none) bytes_read_ += 1;
      if (top.kind == frame_kind::object && !top.enveloped && top.next_field < top.type->field_count &&
          top.type->fields[top.next_field].name == name) {
        select_field(top, top.next_field);
        return true;
      }
    }
    return on_key(name);
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const json_parse_exception& ex) {
    if (!failed_) {
      const bool at_key = std::string_view(ex.what()).find("object key") != std::string_view::npos;
      failed_ = true;
      error_ = make_error(error_kind::decode, parse_error_message(text_, position, ex.what()),
                          path(at_key ? lexing::key : lexing::value));
    }
    return false;
  }
  // After a successful parse: a NUL byte in the text is where the lexer stopped reading, the
  // rest of the text unread (a NUL inside the document fails the parse).
  bool refuse_nul() {
    const std::size_t nul = find_nul(text_);
    if (nul == std::string_view::npos || failed_) return true;
    failed_ = true;
    error_ = make_error(error_kind::decode, nul_byte_message(nul));
    return false;
  }

  // ---- results ----
  bool failed() const noexcept { return failed_; }
  error take_error() { return std::move(error_); }

 private:
  // What the next value goes into.
  enum class slot_kind : unsigned char {
    none,           // no value expected (after the root value)
    root,           // the document itself
    field,          // a struct field: field->kind says how
    skip,           // an unknown field: parsed and dropped
    list_item,      // an element of an object_list
    string_item,    // an element of a string_list
    map_value,      // the value of an object_map entry: an object for `type`
    context_value,  // the value of a context map entry: a string id or {id, data}
  };
  struct slot {
    slot_kind kind = slot_kind::none;
    const field_desc* field = nullptr;
    const type_desc* type = nullptr;
    void* target = nullptr;
  };

  // An open container we are decoding into.
  enum class frame_kind : unsigned char { object, object_list, string_list, object_map, context_map };
  // The member an object or map is reading: none yet, a name with static storage (a field of
  // the table, or the envelope), or a name copied into keys_ (unknown fields, map keys).
  enum class key_kind : unsigned char { none, name, stored };
  struct frame {
    frame_kind kind;
    const type_desc* type;     // object: its fields; list/map: element type
    void* target;              // object: the struct; list/map: the vector
    std::size_t key_base = 0;  // size of keys_ when the container opened: its stored key starts here
    std::string_view name{};   // key_kind::name: the member's name; stored: only its length is used
    key_kind key = key_kind::none;
    std::uint32_t seen = 0;      // object: fields seen (bit per field index)
    std::size_t next_field = 0;  // object: where the field search starts (fields usually come in order)
    std::size_t index = 0;       // list: elements started so far; the one being read is index - 1
    std::size_t items_base = 0;  // string list: its strings are items_[items_base..] until it closes
    std::size_t first_item = 0;  // object list: bytes_read_ where its first element began
    std::size_t merge_at = 64;   // map: entries at which repeated keys are merged before the next
    bool is_root = false;        // the document's top-level object
    bool enveloped = false;      // root object that turned out to be {"data": ...}
  };

  struct number_value {
    bool is_integer;  // written as an integer, within int64
    std::int64_t integer;
    double real;
    bool too_large;  // written as an integer, beyond int64
  };

  // Counts a value: every array element and object member, plus the root. Refuses the value
  // past decode_limits::max_elements, located where it would have gone.
  bool count_value() {
    if (++values_ <= value_limit_) return true;
    if (!failed_) {
      failed_ = true;
      error_ = make_error(error_kind::limit_exceeded, too_many_elements_message(max_elements_), path(lexing::value));
    }
    return false;
  }

  // ---- error helpers ----
  bool fail(error_kind kind, std::string message) {
    if (!failed_) {
      failed_ = true;
      error_ = make_error(kind, std::move(message), path());
    }
    return false;
  }
  // `where` can be as long as the body (a long key): the message is sized once, and the
  // pointer moved into the location, not copied.
  bool fail_at(std::string where, std::string message) {
    if (!failed_) {
      failed_ = true;
      const std::string_view at = where.empty() ? std::string_view("document root") : std::string_view(where);
      std::string text;
      text.reserve(at.size() + 2 + message.size());
      text.append(at.data(), at.size()).append(": ").append(message);
      error_ = make_error(error_kind::decode, std::move(text), std::move(where));
    }
    return false;
  }
  bool type_error(const char* expected, json_event found) {
    return fail_at(path(), std::string("expected ") + expected + ", found " + event_name(found));
  }

  // What the lexer was reading when it failed: no event for that token has arrived yet.
  enum class lexing : unsigned char { nothing, key, value };

  // ---- the JSON pointer of the element being read, rebuilt only when an error needs it ----
  // For a lexer error (`lexing` other than nothing) the innermost container is still waiting
  // for the failed token: a list's next element, or an object's next member name.
  std::string path(lexing failed = lexing::nothing) const {
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
  // Records the member `top` is reading: `name` when it outlives the parse, else a copy of `key`.
  void set_key(frame& top, std::string_view name, const std::string& key) {
    if (name.data() != nullptr) {
      top.key = key_kind::name;
      top.name = name;
      return;
    }
    keys_.resize(top.key_base);
    keys_ += key;
    top.key = key_kind::stored;
    top.name = std::string_view(keys_).substr(top.key_base);
  }

  // ---- the next slot, decided by the innermost container ----
  slot current_slot() {
    if (stack_.empty()) {
      if (root_done_) return slot{};
      return slot{slot_kind::root, nullptr, root_type_, root_target_};
    }
    frame& top = stack_.back();
    switch (top.kind) {
      case frame_kind::object:
      case frame_kind::object_map:
      case frame_kind::context_map: return pending_;
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
  // `top` reads its field number `i` next.
  void select_field(frame& top, std::size_t i) {
    const field_desc& f = top.type->fields[i];
    top.key = key_kind::name;
    top.name = f.name;
    top.seen |= (std::uint32_t{1} << i);
    top.next_field = i + 1;
    pending_ = slot{slot_kind::field, &f, f.nested, f.member(top.target)};
  }

  bool on_key(std::string& name) {
    if (capture_depth_ > 0) {
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
    if (top.kind == frame_kind::object_map) {
      void* element = top.type->append(top.target, std::string(name));
      pending_ = slot{slot_kind::map_value, nullptr, top.type, element};
      return true;
    }
    // context_map: a repeated type replaces the earlier entry (the last one wins, as in
    // JavaScript), so that what decodes also encodes.
    auto& entries = *static_cast<std::vector<context_entry>*>(top.target);
    entries.emplace_back();
    context_entry* entry = &entries.back();
    entry->type = name;
    pending_ = slot{slot_kind::context_value, nullptr, nullptr, entry};
    return true;
  }

  // A map's repeated keys merged: the last value, in the first one's place. Returns the
  // number of entries left.
  static std::size_t merge_repeated_keys(const frame& map) {
    if (map.kind == frame_kind::context_map) return context_entries_unique(map.target);
    return map.type->unique != nullptr ? map.type->unique(map.target) : map.index;
  }

  // ---- scalars ----
  bool scalar(json_event event, std::string* text, bool flag) {
    if (capture_depth_ > 0) return capture_scalar(event, text, flag);
    if (skip_depth_ > 0) return true;
    const slot s = current_slot();
    switch (s.kind) {
      case slot_kind::none: return fail(error_kind::decode, "unexpected value after the document");
      case slot_kind::skip: return true;
      case slot_kind::root: return type_error("an object", event);
      case slot_kind::list_item:
      case slot_kind::map_value: return type_error("an object", event);
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
      case slot_kind::context_value:
        if (event != json_event::string) return type_error("a string or an object", event);
        static_cast<context_entry*>(s.target)->id = *text;
        return true;
      case slot_kind::field: return field_scalar(*s.field, s.target, event, text, flag);
    }
    return true;
  }

  bool field_scalar(const field_desc& f, void* target, json_event event, std::string* text, bool flag) {
    const bool nullable = (f.flags & field_nullable) != 0;
    if (event == json_event::null && nullable) {
      switch (f.kind) {
        case field_kind::optional_string: static_cast<std::optional<std::string>*>(target)->reset(); return true;
        case field_kind::optional_channel: static_cast<std::optional<channel_type>*>(target)->reset(); return true;
        case field_kind::optional_provider: static_cast<std::optional<provider_id>*>(target)->reset(); return true;
        case field_kind::optional_mode: static_cast<std::optional<connection_mode>*>(target)->reset(); return true;
        default: break;
      }
    }
    switch (f.kind) {
      // Strings are copied, not moved, out of the lexer's buffer: the copy is one allocation
      // of the right size, while a moved-from buffer would be regrown character by character.
      case field_kind::string:
        if (event != json_event::string) return type_error("a string", event);
        *static_cast<std::string*>(target) = *text;
        return true;
      case field_kind::optional_string:
        if (event != json_event::string) return type_error("a string", event);
        *static_cast<std::optional<std::string>*>(target) = *text;
        return true;
      case field_kind::optional_channel:
        if (event != json_event::string) return type_error("a string", event);
        static_cast<std::optional<channel_type>*>(target)->emplace(*text);
        return true;
      case field_kind::optional_provider:
        if (event != json_event::string) return type_error("a string", event);
        static_cast<std::optional<provider_id>*>(target)->emplace(*text);
        return true;
      case field_kind::optional_mode:
        if (event != json_event::string) return type_error("a string", event);
        if (*text == "subscriber") {
          *static_cast<std::optional<connection_mode>*>(target) = connection_mode::subscriber;
        } else if (*text == "shared") {
          *static_cast<std::optional<connection_mode>*>(target) = connection_mode::shared;
        } else {
          return fail_at(path(), "expected \"subscriber\" or \"shared\"");
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
        if (event != json_event::boolean) return type_error("a boolean", event);
        *static_cast<bool*>(target) = flag;
        return true;
      case field_kind::optional_any: {
        if ((f.flags & field_object_only) != 0) return type_error("an object", event);
        auto& out = *static_cast<std::optional<any_json>*>(target);
        out.emplace();
        out->type = event == json_event::null      ? json_type::null
                    : event == json_event::boolean ? json_type::boolean
                    : event == json_event::number  ? json_type::number
                                                   : json_type::string;
        ordered_json value = scalar_json(event, text, flag);
        out->text = value.dump();
        return true;
      }
      case field_kind::string_list: return type_error("an array of strings", event);
      case field_kind::object_list: return type_error("an array", event);
      case field_kind::object:
      case field_kind::object_map:
      case field_kind::optional_context: return type_error("an object", event);
    }
    return true;
  }

  ordered_json scalar_json(json_event event, std::string* text, bool flag) const {
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

  // ---- containers ----
  bool check_depth() {
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

  bool start_container(json_event event) {
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
        if (!is_object) return type_error("an object", event);
        push(frame_kind::object, s.type, s.target, false);
        return true;
      case slot_kind::string_item: return type_error("a string", event);
      case slot_kind::context_value:
        if (!is_object) return type_error("a string or an object", event);
        push(frame_kind::object, &context_object_type(), s.target, false);
        return true;
      case slot_kind::field: return field_container(*s.field, s.target, event);
    }
    return true;
  }

  bool field_container(const field_desc& f, void* target, json_event event) {
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
      case field_kind::object_map:
        if (!is_object) return type_error("an object", event);
        f.nested->clear(target);
        push(frame_kind::object_map, f.nested, target, false);
        return true;
      case field_kind::optional_context: {
        if (!is_object) return type_error("an object", event);
        auto& ctx = *static_cast<std::optional<std::vector<context_entry>>*>(target);
        ctx.emplace();
        push(frame_kind::context_map, nullptr, &*ctx, false);
        return true;
      }
      case field_kind::optional_any: {
        if ((f.flags & field_object_only) != 0 && !is_object) return type_error("an object", event);
        capture_target_ = static_cast<std::optional<any_json>*>(target);
        capture_is_object_ = is_object;
        capture_.take();
        capture_.start(is_object);
        capture_depth_ = 1;
        return true;
      }
      case field_kind::string:
      case field_kind::optional_string:
      case field_kind::optional_channel:
      case field_kind::optional_provider:
      case field_kind::optional_mode: return type_error("a string", event);
      case field_kind::integer: return type_error("an integer", event);
      case field_kind::boolean: return type_error("a boolean", event);
    }
    return true;
  }

  void push(frame_kind kind, const type_desc* type, void* target, bool is_root) {
    frame fr{kind, type, target, keys_.size()};
    fr.is_root = is_root;
    stack_.push_back(fr);
    pending_ = slot{};
  }

  static bool every_field_seen(const frame& f) noexcept {
    return f.seen == static_cast<std::uint32_t>((std::uint64_t{1} << f.type->field_count) - 1);
  }

  bool end_container() {
    --depth_;
    if (capture_depth_ > 0) return capture_end();
    if (skip_depth_ > 0) {
      --skip_depth_;
      return true;
    }
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
    } else if (top.kind == frame_kind::object_map || top.kind == frame_kind::context_map) {
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
  bool settle_unseen_fields(const frame& object) {
    for (std::size_t i = 0; i < object.type->field_count; ++i) {
      if ((object.seen & (std::uint32_t{1} << i)) != 0) continue;
      const field_desc& f = object.type->fields[i];
      if ((f.flags & field_required) != 0) {
        std::string where = path();
        append_pointer_token(where, f.name);
        return fail_at(std::move(where), "required field \"" + std::string(f.name) + "\" is missing");
      }
      void* target = f.member(object.target);
      switch (f.kind) {
        case field_kind::string: static_cast<std::string*>(target)->clear(); break;
        case field_kind::optional_string: static_cast<std::optional<std::string>*>(target)->reset(); break;
        case field_kind::optional_channel: static_cast<std::optional<channel_type>*>(target)->reset(); break;
        case field_kind::optional_provider: static_cast<std::optional<provider_id>*>(target)->reset(); break;
        case field_kind::optional_mode: static_cast<std::optional<connection_mode>*>(target)->reset(); break;
        case field_kind::string_list: static_cast<std::vector<std::string>*>(target)->clear(); break;
        case field_kind::integer: *static_cast<std::int64_t*>(target) = 0; break;
        case field_kind::boolean: *static_cast<bool*>(target) = false; break;
        case field_kind::object: f.nested->reset(target); break;
        case field_kind::object_list: f.nested->truncate(target, 0); break;
        // The one map field, api_error::errors (see violations_clear in json.ipp).
        case field_kind::object_map:
          static_cast<std::optional<std::vector<constraint_violation>>*>(target)->reset();
          break;
        case field_kind::optional_any: static_cast<std::optional<any_json>*>(target)->reset(); break;
        case field_kind::optional_context:
          static_cast<std::optional<std::vector<context_entry>>*>(target)->reset();
          break;
      }
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
  void reserve_list(const frame& list) {
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

  // ---- capture of any-JSON values as compact text, written as the events arrive ----
  bool capture_scalar(json_event event, std::string* text, bool flag) {
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
  bool capture_start(json_event event) {
    capture_.start(event == json_event::object);
    ++capture_depth_;
    return true;
  }
  bool capture_end() {
    capture_.end();
    if (--capture_depth_ == 0) {
      capture_target_->emplace();
      (*capture_target_)->type = capture_is_object_ ? json_type::object : json_type::array;
      (*capture_target_)->text = capture_.take();
      capture_target_ = nullptr;
    }
    return true;
  }

  static const type_desc& context_object_type();

  const type_desc* root_type_;
  void* root_target_;
  bool allow_envelope_;
  std::size_t max_depth_;
  std::size_t max_elements_;
  std::size_t value_limit_;     // max_elements_ + 1: the root is a value but no element
  std::size_t values_ = 0;      // values seen so far
  std::string_view text_;       // the whole document
  std::size_t text_size_;       // bytes of the whole document
  std::size_t bytes_read_ = 0;  // a lower bound of the bytes parsed so far: tokens without whitespace
  std::size_t depth_ = 0;
  std::vector<frame> stack_;
  slot pending_{};
  std::string keys_;                // stored keys of the open containers, outermost first
  std::vector<std::string> items_;  // strings of the open string list
  bool root_done_ = false;
  std::size_t skip_depth_ = 0;
  std::size_t capture_depth_ = 0;
  json_text_writer capture_;
  bool capture_is_object_ = false;
  std::optional<any_json>* capture_target_ = nullptr;
  number_value number_{};
  std::uint64_t unsigned_ = 0;
  bool float_event_ = false;
  bool failed_ = false;
  error error_;
};

// The object form of a context entry: {"id": "...", "data": {...}}.
inline const type_desc& dto_reader::context_object_type() {
  static const field_desc fields[] = {
      {"id", field_kind::string, field_required, [](void* o) -> void* { return &static_cast<context_entry*>(o)->id; },
       nullptr},
      {"data", field_kind::optional_any, field_object_only,
       [](void* o) -> void* { return &static_cast<context_entry*>(o)->data; }, nullptr},
  };
  static const type_desc type{fields, 2, nullptr, nullptr};
  return type;
}

// Decodes `text` into `*target` described by `type`. With `allow_envelope`, a top-level
// `{"data": {...}}` is unwrapped.
inline result<void> decode_into(std::string_view text, const type_desc* type, void* target, bool allow_envelope,
                                const decode_limits& limits) {
  if (text.size() > limits.max_body_bytes) {
    return make_error(error_kind::limit_exceeded, "body of " + std::to_string(text.size()) +
                                                      " bytes is above the limit of " +
                                                      std::to_string(limits.max_body_bytes) + " bytes");
  }
  dto_reader reader(type, target, allow_envelope, limits, text);
  const bool ok = sax_parse_text(text, &reader) && reader.refuse_nul();
  if (!ok || reader.failed()) {
    if (reader.failed()) return reader.take_error();
    return make_error(error_kind::decode, "malformed JSON");
  }
  return {};
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
