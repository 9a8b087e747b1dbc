// The tables that describe DTOs to the JSON engine (the decoder in json_reader.hpp, the encoder
// in json_encoder.hpp): field kinds and flags, fields, types and tagged variants. The engine
// knows representations only (string, optional, enum, integer, bool, object, list, map, any-JSON,
// variant), never a resource's types; tables are declared from member pointers with the
// builders of json_fields.hpp, which deduce each kind from the member's C++ type.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // stable_sort
#include <cstddef>      // size_t, ptrdiff_t
#include <cstdint>      // uint32_t
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// The representation behind a field (the C++ type in the comment).
enum class field_kind : unsigned char {
  string,            // std::string
  optional_string,   // std::optional<std::string>
  open_enum,         // E or std::optional<E>, E an open_enum: any wire string is kept
  closed_enum,       // std::optional<E>, E an enum with wire spellings: others are an error
  string_list,       // std::vector<std::string>
  integer,           // std::int64_t
  boolean,           // bool
  optional_boolean,  // std::optional<bool>
  object,            // a struct described by `nested`
  object_list,       // std::vector<T>, T described by `nested`
  keyed_map,         // std::optional<std::vector<T>> from a JSON object; T's key member holds the name
  optional_any,      // std::optional<any_json>
  variant,           // a tagged union (variant_desc), its tag in a sibling field
};

// Field flags.
enum : unsigned char {
  field_required = 1,     // must be present
  field_nullable = 2,     // null is allowed (nullopt) and an absent value is written as null
  field_object_only = 4,  // optional_any: the value must be a JSON object
  field_secret = 8,       // a credential: scrubbed from errors, never shown
};

struct type_desc;
struct variant_desc;
struct field_desc;
class table_encoder;
struct variant_engine;

// The steps of the engine for the field kinds that most tables do not have (maps, any-JSON,
// tagged unions) are reached only through the tables that have such a field, so that a program
// whose tables have none does not link them. The objects are defined by the engine headers
// (json_encoder.hpp, json_reader_variants.hpp); the builders only take their addresses.
//
// How the encoder writes a field of one of those kinds (`owner` is the struct that holds it).
struct field_writer {
  void (*write)(table_encoder& encoder, const field_desc& f, const void* target, const type_desc& owner_type,
                const void* owner);
};
extern const field_writer map_writer;      // keyed_map
extern const field_writer any_writer;      // optional_any
extern const field_writer variant_writer;  // variant
// The decoder's steps for tagged unions (json_reader.hpp defines the type).
extern const variant_engine variant_reader;

// type_desc::features: the kinds that a table reaches, itself or through the tables it nests.
enum : unsigned char {
  reaches_map = 1,
  reaches_any = 2,
  reaches_variant = 4,
};

// field_desc::tag_field of a variant whose tag the body does not carry, and of other fields.
inline constexpr std::size_t no_tag = static_cast<std::size_t>(-1);

// What an enum field does with its wire spelling.
struct enum_ops {
  // Sets the optional enum at `target` from `text`; false (nothing set) for a spelling that a
  // closed enum does not have.
  bool (*assign)(void* target, const std::string& text);
  // The spelling of the value at `target`; false when it is empty (nullopt).
  bool (*spelling)(const void* target, std::string_view& out);
  // What a closed enum expects, for the error message ("\"a\" or \"b\"").
  std::string_view expected;
};

// One field of a struct: its wire name, kind, flags, where it lives in the struct, and what its
// kind needs.
struct field_desc {
  std::string_view name;
  field_kind kind;
  unsigned char flags;
  void* (*member)(void* object);
  const type_desc* nested;       // object, object_list, keyed_map: the element type
  const enum_ops* enums;         // open_enum, closed_enum
  const variant_desc* variant;   // variant
  void (*reset)(void* target);   // restores the member's default value (absent, or null)
  bool (*engaged)(const void*);  // optional kinds: whether a value is present; else nullptr
  const void* owner;             // the struct's C++ type (type_tag), for the builders' checks
  std::size_t tag_field;         // variant: the index of the sibling field holding its tag, or no_tag
};

// A struct: its fields, how to hold it in lists and maps, and what the engine does with it.
struct type_desc {
  const field_desc* fields;
  std::size_t field_count;
  const void* cpp_type;  // the struct's C++ type (type_tag)
  // Bit i set: field i is the tag of a variant field of this struct.
  std::uint32_t tag_mask = 0;
  // reaches_* bits: the kinds of this table's fields and of the tables they nest.
  unsigned char features = 0;
  // Structs with a variant field: the decoder's steps for it (variant_reader), else nullptr.
  const variant_engine* variants = nullptr;
  // Tables that can be encoded (struct_type, list_type): the writers of the kinds the table
  // reaches, else nullptr; the encoder takes them from the table it starts from.
  const field_writer* writes_map = nullptr;
  const field_writer* writes_any = nullptr;
  const field_writer* writes_variant = nullptr;
  // Structs: restores a default value (a struct member that the body leaves out).
  void (*reset)(void* object) = nullptr;
  // Lists (std::vector<T>): makes room for `count` elements, never for more than `max_bytes`.
  void (*reserve)(void* vector, std::size_t count, std::size_t max_bytes) = nullptr;
  // Lists: element `index`, reused when the vector already has it, else appended; lists are
  // decoded over what the vector holds, so that decoding into an existing value reuses memory.
  void* (*element)(void* vector, std::size_t index) = nullptr;
  // Lists: drops the elements from `count` on (those the body did not overwrite).
  void (*truncate)(void* vector, std::size_t count) = nullptr;
  // Lists and maps: the number of elements, and element `index` (for the encoder).
  std::size_t (*size)(const void* vector) = nullptr;
  const void* (*at)(const void* vector, std::size_t index) = nullptr;
  // Maps (std::optional<std::vector<T>>): makes the map present and empty; appends an entry
  // named `key` and returns it; keeps one entry per key (the last value, in the first place)
  // and returns the number left; the name of an entry.
  void (*clear)(void* map) = nullptr;
  void* (*append)(void* map, std::string&& key) = nullptr;
  std::size_t (*unique)(void* map) = nullptr;
  const std::string& (*key)(const void* entry) = nullptr;
  // Maps: the field that a string value stands for ("type": "id" for {"id": "id"}), or
  // `no_shorthand`; an entry whose other fields are all absent is written in that short form.
  std::size_t shorthand = static_cast<std::size_t>(-1);
  // Maps: the shorthand is the only form (a map of strings, e.g. header name -> value).
  bool shorthand_only = false;
  // Maps with a shorthand: the entry's flag that it came (and goes) as an object although only
  // its shorthand field is set ({"id": "x"} rather than "x"), or nullptr.
  bool* (*object_form)(void* entry) = nullptr;
};

// type_desc::shorthand of a map without a short form.
inline constexpr std::size_t no_shorthand = static_cast<std::size_t>(-1);

// One alternative of a tagged variant: the tag that selects it and its struct.
struct variant_alternative {
  std::string_view tag;
  const type_desc* type;
};

// A tagged variant (std::variant<raw_alternative, A1, A2, ...>): alternative i of the table is
// variant index i + 1; index 0 holds an unknown tag's value as raw JSON. The tag is a sibling
// field of the struct that holds the variant (field_desc::tag_field: a string or an open enum),
// which may come before or after the variant in the text.
struct variant_desc {
  const variant_alternative* alternatives;
  std::size_t count;
  // Makes alternative `index` the held one (default-built) and returns it.
  void* (*emplace)(void* variant, std::size_t index);
  // The index of the held alternative, and a pointer to it.
  std::size_t (*index)(const void* variant);
  const void* (*get)(const void* variant);
  // The raw JSON of alternative 0 (an any_json).
  void* (*raw)(void* variant);
};

// The index (in `v`) of the alternative that `tag` selects: 1..count, or 0 for an unknown tag.
inline std::size_t variant_index_of(const variant_desc& v, std::string_view tag) noexcept {
  for (std::size_t i = 0; i < v.count; ++i) {
    if (v.alternatives[i].tag == tag) return i + 1;
  }
  return 0;
}

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

}  // namespace detail
NOVU_CC_NAMESPACE_END
