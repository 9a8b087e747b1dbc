// The tables that describe the DTOs to the decoding engine (json_reader.hpp): field kinds and
// flags, fields and types, and keep_last_per_key() for a JSON object's repeated members.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // stable_sort
#include <cstddef>      // size_t, ptrdiff_t
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include "novu/connections/dto.hpp"
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

}  // namespace detail
NOVU_CC_NAMESPACE_END
