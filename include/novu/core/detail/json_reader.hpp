// The decoding engine: a SAX handler for nlohmann/json that fills DTOs straight from parser
// events, described by small field tables, without building a DOM. Each open container keeps
// the key or index being read, from which the JSON pointer of an error is rebuilt, and the
// depth limit is enforced as it goes.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // int64_t, uint32_t, uint64_t
#include <limits>       // numeric_limits
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include "novu/core/config.hpp"
#include "novu/core/detail/json_messages.hpp"
#include "novu/core/detail/json_schema.hpp"
#include "novu/core/detail/json_text_writer.hpp"
#include "novu/core/detail/nlohmann_shim.hpp"
#include "novu/core/api_error.hpp"
#include "novu/core/error.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

class dto_reader;

// The decoder's steps for tagged unions (variant_reader, json_reader_variants.hpp), reached
// through the tables that have a variant field (type_desc::variants).
struct variant_engine {
  // A value for variant field `f` of the innermost object (`container`: an object or array opens).
  bool (*value)(dto_reader& reader, const field_desc& f, void* target, json_event event, std::string* text, bool flag,
                bool container);
  // Tag field `field` of the innermost object is read again.
  void (*repeated_tag)(dto_reader& reader, std::size_t field);
  // The innermost container closes: its recorded payloads are settled.
  bool (*close)(dto_reader& reader);
  // While a payload is recorded: one parser event of it.
  bool (*record_key)(dto_reader& reader, std::string& name);
  bool (*record_scalar)(dto_reader& reader, json_event event, std::string* text, bool flag);
  bool (*record_start)(dto_reader& reader, bool is_object);
  bool (*record_end)(dto_reader& reader);
};

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
        limits_(limits),
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
    float_text_ = &raw;
    const bool ok = scalar(json_event::number, nullptr, false);
    float_event_ = false;
    float_text_ = nullptr;
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
        case field_kind::open_enum: pending_.field->enums->assign(pending_.target, value); return true;
        default: break;
      }
    }
    return scalar(json_event::string, &value, false);
  }
  bool binary(json::binary_t& /*value*/) { return fail(error_kind::decode, "binary values are not JSON"); }
  bool start_object(std::size_t /*elements*/) { return open_bracket(json_event::object); }
  bool end_object() { return close_bracket(); }
  bool start_array(std::size_t /*elements*/) { return open_bracket(json_event::array); }
  bool end_array() { return close_bracket(); }
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
  // An object or array opens: it counts as a value, and its bracket as one byte read.
  bool open_bracket(json_event kind) {
    if (!count_value()) return false;
    bytes_read_ += 1;
    return start_container(kind);
  }
  // An object or array closes: its bracket is one byte read.
  bool close_bracket() {
    bytes_read_ += 1;
    return end_container();
  }

  // What the next value goes into.
  enum class slot_kind : unsigned char {
    none,         // no value expected (after the root value)
    root,         // the document itself
    field,        // a struct field: field->kind says how
    skip,         // an unknown field: parsed and dropped
    list_item,    // an element of an object_list
    string_item,  // an element of a string_list
    map_value,    // the value of a keyed_map entry: an object for `type`, or its shorthand string
  };
  struct slot {
    slot_kind kind = slot_kind::none;
    const field_desc* field = nullptr;
    const type_desc* type = nullptr;
    void* target = nullptr;
  };

  // An open container we are decoding into.
  enum class frame_kind : unsigned char { object, object_list, string_list, keyed_map };
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
    bool has_variant = false;    // object: a variant field was read (its tag is checked at the end)
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

  // The larger members are defined out of the class, at the end of this file: keys and scalar
  // values in json_reader_values.hpp, containers in json_reader_containers.hpp.

  // ---- the JSON pointer of the element being read, rebuilt only when an error needs it ----
  std::string path(lexing failed = lexing::nothing) const;
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
  slot current_slot();

  // ---- keys ----
  // `top` reads its field number `i` next.
  void select_field(frame& top, std::size_t i) {
    const field_desc& f = top.type->fields[i];
    const std::uint32_t bit = std::uint32_t{1} << i;
    if ((top.seen & bit) != 0 && (top.type->tag_mask & bit) != 0) {
      variants_ = top.type->variants;
      variants_->repeated_tag(*this, i);
    }
    top.key = key_kind::name;
    top.name = f.name;
    top.seen |= (std::uint32_t{1} << i);
    top.next_field = i + 1;
    pending_ = slot{slot_kind::field, &f, f.nested, f.member(top.target)};
  }

  bool on_key(std::string& name);
  static std::size_t merge_repeated_keys(const frame& map);

  // ---- scalars ----
  bool scalar(json_event event, std::string* text, bool flag);
  bool field_scalar(const field_desc& f, void* target, json_event event, std::string* text, bool flag);
  ordered_json scalar_json(json_event event, std::string* text, bool flag) const;
  void scalar_any(json_event event, std::string* text, bool flag, any_json& out) const;

  // ---- containers ----
  bool check_depth();
  bool start_container(json_event event);
  bool field_container(const field_desc& f, void* target, json_event event);

  void push(frame_kind kind, const type_desc* type, void* target, bool is_root) {
    frame fr{kind, type, target, keys_.size()};
    fr.is_root = is_root;
    stack_.push_back(fr);
    pending_ = slot{};
  }

  static bool every_field_seen(const frame& f) noexcept {
    return f.seen == static_cast<std::uint32_t>((std::uint64_t{1} << f.type->field_count) - 1);
  }

  bool end_container();
  bool settle_unseen_fields(const frame& object);

  // ---- tagged unions ----
  // A payload whose tag has not been read yet is recorded as parser events (a tape), and once
  // its object closes, replayed through this handler as the alternative the tag names (or
  // written as raw JSON text for an unknown tag): no second parse, and errors are located by
  // the live frames.
  struct tape_event {
    enum class kind : unsigned char {
      null,
      boolean,
      integer,
      unsigned_integer,
      real,
      string,
      key,
      start_object,
      start_array,
      end
    } what;
    bool flag = false;
    std::int64_t integer = 0;
    std::uint64_t unsigned_value = 0;
    double real = 0;
    std::string text;  // a string, a key, or a real as written
  };
  struct tape {
    std::size_t frame;       // index in stack_ of the object that holds the variant
    std::size_t field;       // the variant's index in that object's table
    std::size_t values = 0;  // values counted while recording (counted again on replay)
    std::vector<tape_event> events;
  };
  bool record(typename tape_event::kind what, std::string* text = nullptr, bool flag = false);
  bool record_scalar(json_event event, std::string* text, bool flag);
  bool replay(std::vector<tape_event>& events);
  static any_json render(const std::vector<tape_event>& events);
  bool variant_value(const field_desc& f, void* target, json_event event, std::string* text, bool flag, bool container);
  bool settle_variants(frame& object);
  static bool tag_spelling(const frame& owner, const field_desc& f, std::string_view& out);
  // A variant's tag repeated in one object: its first value, and whether a later one differed.
  struct repeated_tag {
    std::size_t frame;
    std::size_t field;
    std::string first;
    bool differs = false;
  };
  void note_repeated_tag(const frame& owner, std::size_t field);
  // A variant field's value, through the owner's table (type_desc::variants).
  bool variant_through(const field_desc& f, void* target, json_event event, std::string* text, bool flag,
                       bool container) {
    variants_ = stack_.back().type->variants;
    return variants_->value(*this, f, target, event, text, flag, container);
  }
  bool close_variants();

 public:
  // variant_reader's steps.
  static bool variant_value_step(dto_reader& r, const field_desc& f, void* target, json_event event, std::string* text,
                                 bool flag, bool container) {
    return r.variant_value(f, target, event, text, flag, container);
  }
  static void repeated_tag_step(dto_reader& r, std::size_t field) { r.note_repeated_tag(r.stack_.back(), field); }
  static bool close_step(dto_reader& r) { return r.close_variants(); }
  static bool record_key_step(dto_reader& r, std::string& name) { return r.record(tape_event::kind::key, &name); }
  static bool record_scalar_step(dto_reader& r, json_event event, std::string* text, bool flag) {
    return r.record_scalar(event, text, flag);
  }
  static bool record_start_step(dto_reader& r, bool is_object) {
    return r.record(is_object ? tape_event::kind::start_object : tape_event::kind::start_array);
  }
  static bool record_end_step(dto_reader& r) { return r.record(tape_event::kind::end); }

 private:
  static bool field_spelling(const frame& owner, std::size_t field, std::string_view& out);
  bool capture_into(any_json* target, bool is_object);
  void reserve_list(const frame& list);

  // ---- capture of any-JSON values as compact text, written as the events arrive ----
  bool capture_scalar(json_event event, std::string* text, bool flag);
  bool capture_start(json_event event) {
    ++capture_depth_;
    if (taping_) return variants_->record_start(*this, event == json_event::object);
    capture_.start(event == json_event::object);
    return true;
  }
  bool capture_end();

  const type_desc* root_type_;
  void* root_target_;
  bool allow_envelope_;
  decode_limits limits_;
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
  any_json* capture_target_ = nullptr;
  std::vector<tape> tapes_;                   // recorded payloads of the open objects
  std::vector<repeated_tag> repeated_tags_;   // tags read twice in the open objects
  bool taping_ = false;                       // the capture records into tapes_.back()
  const variant_engine* variants_ = nullptr;  // set once a table's variant steps were used
  const std::string* float_text_ = nullptr;   // a real's text, while its event is handled
  number_value number_{};
  std::uint64_t unsigned_ = 0;
  bool float_event_ = false;
  bool failed_ = false;
  error error_;
};

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

// The larger members of dto_reader, defined out of the class.
#include "novu/core/detail/json_reader_values.hpp"
#include "novu/core/detail/json_reader_containers.hpp"
#include "novu/core/detail/json_reader_variants.hpp"
