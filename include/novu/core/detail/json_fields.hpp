// Builders of the engine's tables (json_schema.hpp) from member pointers: a field's kind is
// deduced from the member's C++ type, an unsupported type is a static_assert, a nested table must
// describe the member's own type, and a struct's field count is deduced and limited.
//
//   inline constexpr field_desc workspace_fields[] = {
//       field<&workspace::id>("id", field_required),
//       field<&workspace::name>("name"),
//   };
//   inline constexpr type_desc workspace_type = struct_type<workspace, workspace_fields>();
//   template <> inline constexpr const type_desc* table_of<workspace> = &workspace_type;
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t, ptrdiff_t
#include <cstdint>      // int64_t, uint32_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <type_traits>  // is_same_v, is_base_of_v, extent_v, remove_reference_t
#include <utility>      // move, index_sequence
#include <variant>      // variant, variant_size_v, variant_alternative_t, get_if
#include <vector>       // vector

#include "novu/core/api_error.hpp"
#include "novu/core/detail/json_schema.hpp"
#include "novu/core/enums.hpp"
#include "novu/core/tagged_union.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// A distinct address per C++ type: what type_desc::cpp_type and field_desc::owner hold.
template <class T>
inline constexpr char type_tag = 0;

// The table of struct `T`, declared by specializing this after the table (see the top).
template <class T>
inline constexpr const type_desc* table_of = nullptr;

// The table of tagged union `V` (a tagged_union<...>), declared like table_of.
template <class V>
inline constexpr const variant_desc* variant_table_of = nullptr;

// The wire spellings of a closed enum `E` whose enumerators are 0, 1, ...: specialize with
// `static constexpr std::string_view names[]` and `static constexpr std::string_view expected`.
template <class E>
struct enum_spellings {
  static constexpr bool declared = false;
};

template <class>
inline constexpr bool always_false = false;

// Whether T is an instance of Template (std::optional, std::vector, std::variant), and its first
// template argument.
template <class T, template <class...> class Template>
struct instance_of : std::false_type {
  using first = void;
};
template <template <class...> class Template, class First, class... Rest>
struct instance_of<Template<First, Rest...>, Template> : std::true_type {
  using first = First;
};
template <class T, template <class...> class Template>
using first_argument = typename instance_of<T, Template>::first;

// std::vector<S> of a struct S (not of strings).
template <class T>
inline constexpr bool is_struct_vector =
    instance_of<T, std::vector>::value&& std::is_class_v<first_argument<T, std::vector>> &&
    !std::is_same_v<first_argument<T, std::vector>, std::string>;
// A tagged_union<...>.
template <class T>
inline constexpr bool is_tagged_union =
    instance_of<T, std::variant>::value&& std::is_same_v<first_argument<T, std::variant>, raw_alternative>;

template <class E, class = void>
struct has_spellings : std::false_type {};
template <class E>
struct has_spellings<E, std::void_t<decltype(enum_spellings<E>::names)>> : std::true_type {};

template <class P>
struct member_traits;
template <class T, class M>
struct member_traits<M T::*> {
  using owner = T;
  using type = M;
};

// ---- type-erased accessors the tables point to ----
template <class T, class M, M T::*Member>
void* member_address(void* object) {
  return &(static_cast<T*>(object)->*Member);
}
template <class M>
void reset_value(void* target) {
  *static_cast<M*>(target) = M{};
}
template <class M>
bool optional_engaged(const void* target) {
  return static_cast<const M*>(target)->has_value();
}
template <class T>
void vector_reserve(void* vector, std::size_t count, std::size_t max_bytes) {
  const std::size_t limit = max_bytes / sizeof(T);
  static_cast<std::vector<T>*>(vector)->reserve(count < limit ? count : limit);
}
template <class T>
void* vector_element(void* vector, std::size_t index) {
  auto& v = *static_cast<std::vector<T>*>(vector);
  if (index < v.size()) return &v[index];
  v.emplace_back();
  return &v.back();
}
template <class T>
void vector_truncate(void* vector, std::size_t count) {
  auto& v = *static_cast<std::vector<T>*>(vector);
  if (v.size() > count) v.erase(v.begin() + static_cast<std::ptrdiff_t>(count), v.end());
}
template <class T>
std::size_t vector_size(const void* vector) {
  return static_cast<const std::vector<T>*>(vector)->size();
}
template <class T>
const void* vector_at(const void* vector, std::size_t index) {
  return &(*static_cast<const std::vector<T>*>(vector))[index];
}
template <class T>
std::size_t map_size(const void* map) {
  const auto& m = *static_cast<const std::optional<std::vector<T>>*>(map);
  return m ? m->size() : 0;
}
template <class T>
const void* map_at(const void* map, std::size_t index) {
  return &(**static_cast<const std::optional<std::vector<T>>*>(map))[index];
}
template <class T>
void map_clear(void* map) {
  static_cast<std::optional<std::vector<T>>*>(map)->emplace();
}
template <class T, std::string T::*Key>
void* map_append(void* map, std::string&& key) {
  auto& v = **static_cast<std::optional<std::vector<T>>*>(map);
  v.emplace_back();
  v.back().*Key = std::move(key);
  return &v.back();
}
template <class T, std::string T::*Key>
const std::string& map_key(const void* entry) {
  return static_cast<const T*>(entry)->*Key;
}
template <class T, bool T::*Form>
bool* map_object_form(void* entry) {
  return &(static_cast<T*>(entry)->*Form);
}
template <class T, std::string T::*Key>
std::size_t map_unique(void* map) {
  return keep_last_per_key(**static_cast<std::optional<std::vector<T>>*>(map),
                           [](const T& e) -> const std::string& { return e.*Key; });
}

// ---- enums ----
template <class E>
bool open_enum_assign(void* target, const std::string& text) {
  static_cast<std::optional<E>*>(target)->emplace(text);
  return true;
}
template <class E>
bool open_enum_spelling(const void* target, std::string_view& out) {
  const auto& v = *static_cast<const std::optional<E>*>(target);
  if (!v) return false;
  out = v->value();
  return true;
}
template <class E>
inline constexpr enum_ops open_enum_table{&open_enum_assign<E>, &open_enum_spelling<E>, {}};
// A required open enum held as a plain E (no optional): empty when the body did not set it.
template <class E>
bool plain_open_enum_assign(void* target, const std::string& text) {
  *static_cast<E*>(target) = E(text);
  return true;
}
template <class E>
bool plain_open_enum_spelling(const void* target, std::string_view& out) {
  out = static_cast<const E*>(target)->value();
  return !out.empty();
}
template <class E>
inline constexpr enum_ops plain_open_enum_table{&plain_open_enum_assign<E>, &plain_open_enum_spelling<E>, {}};

template <class E>
bool closed_enum_assign(void* target, const std::string& text) {
  constexpr std::size_t n = sizeof(enum_spellings<E>::names) / sizeof(enum_spellings<E>::names[0]);
  for (std::size_t i = 0; i < n; ++i) {
    if (enum_spellings<E>::names[i] == text) {
      *static_cast<std::optional<E>*>(target) = static_cast<E>(i);
      return true;
    }
  }
  return false;
}
template <class E>
bool closed_enum_spelling(const void* target, std::string_view& out) {
  const auto& v = *static_cast<const std::optional<E>*>(target);
  if (!v) return false;
  constexpr std::size_t n = sizeof(enum_spellings<E>::names) / sizeof(enum_spellings<E>::names[0]);
  const auto i = static_cast<std::size_t>(*v);
  out = i < n ? enum_spellings<E>::names[i] : std::string_view{};
  return i < n;
}
template <class E>
inline constexpr enum_ops closed_enum_table{&closed_enum_assign<E>, &closed_enum_spelling<E>,
                                            enum_spellings<E>::expected};

// ---- tagged unions ----
template <class V, std::size_t I>
void* variant_emplace_at(void* v) {
  return &static_cast<V*>(v)->template emplace<I>();
}
template <class V, std::size_t I>
const void* variant_get_at(const void* v) {
  return std::get_if<I>(static_cast<const V*>(v));
}
template <class V, std::size_t... I>
void* variant_emplace_dispatch(void* v, std::size_t index, std::index_sequence<I...>) {
  using fn = void* (*)(void*);
  static constexpr fn table[] = {&variant_emplace_at<V, I>...};
  return index < sizeof...(I) ? table[index](v) : nullptr;
}
template <class V, std::size_t... I>
const void* variant_get_dispatch(const void* v, std::size_t index, std::index_sequence<I...>) {
  using fn = const void* (*)(const void*);
  static constexpr fn table[] = {&variant_get_at<V, I>...};
  return index < sizeof...(I) ? table[index](v) : nullptr;
}
template <class V>
void* variant_emplace(void* v, std::size_t index) {
  return variant_emplace_dispatch<V>(v, index, std::make_index_sequence<std::variant_size_v<V>>{});
}
template <class V>
std::size_t variant_held(const void* v) {
  return static_cast<const V*>(v)->index();
}
template <class V>
const void* variant_get(const void* v) {
  return variant_get_dispatch<V>(v, variant_held<V>(v), std::make_index_sequence<std::variant_size_v<V>>{});
}
template <class V>
void* variant_raw(void* v) {
  raw_alternative* raw = std::get_if<0>(static_cast<V*>(v));
  return raw != nullptr ? &raw->json : nullptr;
}

// ---- kinds deduced from member types ----
template <class M>
constexpr field_kind deduce_kind() {
  if constexpr (std::is_same_v<M, std::string>) {
    return field_kind::string;
  } else if constexpr (std::is_same_v<M, std::optional<std::string>>) {
    return field_kind::optional_string;
  } else if constexpr (std::is_same_v<M, std::int64_t>) {
    return field_kind::integer;
  } else if constexpr (std::is_same_v<M, bool>) {
    return field_kind::boolean;
  } else if constexpr (std::is_same_v<M, std::optional<bool>>) {
    return field_kind::optional_boolean;
  } else if constexpr (std::is_base_of_v<open_enum<M>, M>) {
    return field_kind::open_enum;
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    return field_kind::string_list;
  } else if constexpr (std::is_same_v<M, std::optional<any_json>>) {
    return field_kind::optional_any;
  } else if constexpr (is_tagged_union<M>) {
    return field_kind::variant;
  } else if constexpr (instance_of<M, std::optional>::value) {
    using E = first_argument<M, std::optional>;
    if constexpr (std::is_base_of_v<open_enum<E>, E>) {
      return field_kind::open_enum;
    } else if constexpr (std::is_enum_v<E> && has_spellings<E>::value) {
      return field_kind::closed_enum;
    } else if constexpr (is_struct_vector<E>) {
      return field_kind::keyed_map;
    } else {
      static_assert(always_false<M>, "no JSON field kind for this std::optional member (an enum needs enum_spellings)");
      return field_kind::string;
    }
  } else if constexpr (is_struct_vector<M>) {
    return field_kind::object_list;
  } else if constexpr (std::is_class_v<M>) {
    return field_kind::object;
  } else {
    static_assert(always_false<M>, "no JSON field kind for this member type");
    return field_kind::string;
  }
}

// The struct a field of type `M` nests (object, list element, map entry), or void.
template <class M>
constexpr auto nested_struct() {
  constexpr field_kind kind = deduce_kind<M>();
  if constexpr (kind == field_kind::object) {
    return static_cast<M*>(nullptr);
  } else if constexpr (kind == field_kind::object_list) {
    return static_cast<first_argument<M, std::vector>*>(nullptr);
  } else if constexpr (kind == field_kind::keyed_map) {
    return static_cast<first_argument<first_argument<M, std::optional>, std::vector>*>(nullptr);
  } else {
    return static_cast<void*>(nullptr);
  }
}

// A field for data member `Member`, named `name` on the wire. `Nested` overrides the table of
// the member's struct (it must describe the same type), e.g. a response's looser variant.
template <auto Member, const type_desc* Nested = nullptr>
constexpr field_desc field(std::string_view name, unsigned char flags = 0, std::size_t tag_field = no_tag) {
  using owner = typename member_traits<decltype(Member)>::owner;
  using M = typename member_traits<decltype(Member)>::type;
  constexpr field_kind kind = deduce_kind<M>();
  using S = std::remove_pointer_t<decltype(nested_struct<M>())>;
  constexpr bool nests = !std::is_void_v<S>;
  const type_desc* nested = nullptr;
  if constexpr (nests) {
    constexpr const type_desc* table = Nested != nullptr ? Nested : table_of<S>;
    static_assert(table != nullptr, "declare the table of this member's struct (table_of<T>) before this field");
    static_assert(table->cpp_type == &type_tag<S>, "the nested table describes another type than the member's");
    static_assert(kind != field_kind::object_list || table->element != nullptr, "a list element needs list operations");
    static_assert(kind != field_kind::keyed_map || table->key != nullptr, "a map entry table needs map_type<>()");
    nested = table;
  } else {
    static_assert(Nested == nullptr, "only struct, list and map members take a nested table");
  }
  const enum_ops* enums = nullptr;
  if constexpr (kind == field_kind::open_enum && instance_of<M, std::optional>::value) {
    enums = &open_enum_table<first_argument<M, std::optional>>;
  } else if constexpr (kind == field_kind::open_enum) {
    enums = &plain_open_enum_table<M>;
  }
  if constexpr (kind == field_kind::closed_enum) enums = &closed_enum_table<first_argument<M, std::optional>>;
  const variant_desc* variant = nullptr;
  if constexpr (kind == field_kind::variant) {
    static_assert(variant_table_of<M> != nullptr, "declare the variant's table (variant_table_of<V>) first");
    variant = variant_table_of<M>;
  }
  bool (*engaged)(const void*) = nullptr;
  if constexpr (instance_of<M, std::optional>::value) engaged = &optional_engaged<M>;
  return field_desc{name,
                    kind,
                    flags,
                    &member_address<owner, M, Member>,
                    nested,
                    enums,
                    variant,
                    &reset_value<M>,
                    engaged,
                    &type_tag<owner>,
                    kind == field_kind::variant ? tag_field : no_tag};
}

// A tagged-union field whose tag is the sibling field number `tag_field` of the same table
// (no_tag: a body that carries no tag, e.g. an update of the payload alone).
template <auto Member>
constexpr field_desc variant_field(std::string_view name, std::size_t tag_field, unsigned char flags = 0) {
  static_assert(deduce_kind<typename member_traits<decltype(Member)>::type>() == field_kind::variant,
                "variant_field() is for tagged_union members");
  return field<Member>(name, flags, tag_field);
}

// True when every field of `fields` is a member of `T`, and the tag of each variant is a string
// or open enum field of the same table.
template <class T, std::size_t N>
constexpr bool fields_fit(const field_desc (&fields)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (fields[i].owner != &type_tag<T>) return false;
    if (fields[i].kind == field_kind::variant && fields[i].tag_field != no_tag) {
      const std::size_t t = fields[i].tag_field;
      if (t >= N || (fields[t].kind != field_kind::string && fields[t].kind != field_kind::open_enum)) return false;
    }
  }
  return true;
}

// The reaches_* bits of a table with these fields: their own kinds and those of the tables
// they nest (a variant's raw alternative is any-JSON).
constexpr unsigned char features_of(const field_desc* fields, std::size_t n) {
  unsigned char f = 0;
  for (std::size_t i = 0; i < n; ++i) {
    switch (fields[i].kind) {
      case field_kind::keyed_map: f |= reaches_map | fields[i].nested->features; break;
      case field_kind::optional_any: f |= reaches_any; break;
      case field_kind::object:
      case field_kind::object_list: f |= fields[i].nested->features; break;
      case field_kind::variant:
        f |= reaches_variant | reaches_any;
        for (std::size_t a = 0; a < fields[i].variant->count; ++a)
          f |= fields[i].variant->alternatives[a].type->features;
        break;
      default: break;
    }
  }
  return f;
}

// What every table of struct `T` has: its fields (counted and checked) and how to reset it.
template <class T, const auto& Fields>
constexpr type_desc table_base() {
  constexpr std::size_t n = std::extent_v<std::remove_reference_t<decltype(Fields)>>;
  static_assert(n >= 1 && n <= 32, "a table holds 1 to 32 fields (the decoder keeps one bit per field)");
  static_assert(fields_fit<T>(Fields),
                "a field of this table is not a member of the struct, or a variant's tag "
                "field is not a string or open enum of the same table");
  type_desc t{Fields, n, &type_tag<T>};
  t.reset = &reset_value<T>;
  for (std::size_t i = 0; i < n; ++i) {
    if (Fields[i].kind == field_kind::variant && Fields[i].tag_field != no_tag) {
      t.tag_mask |= std::uint32_t{1} << Fields[i].tag_field;
    }
  }
  t.features = features_of(Fields, n);
  for (std::size_t i = 0; i < n; ++i) {
    if (Fields[i].kind == field_kind::variant) t.variants = &variant_reader;
  }
  return t;
}

// `t` with the writers of the kinds it reaches: a table that can be encoded.
constexpr type_desc with_writers(type_desc t) {
  if ((t.features & reaches_map) != 0) t.writes_map = &map_writer;
  if ((t.features & reaches_any) != 0) t.writes_any = &any_writer;
  if ((t.features & reaches_variant) != 0) t.writes_variant = &variant_writer;
  return t;
}

// A table only decoded (encoding uses another): no writers, so decoding links no encoder steps.
constexpr type_desc decode_only(type_desc t) {
  t.writes_map = nullptr;
  t.writes_any = nullptr;
  t.writes_variant = nullptr;
  return t;
}

// The table of struct `T` from its fields.
template <class T, const auto& Fields>
constexpr type_desc struct_type() {
  return with_writers(table_base<T, Fields>());
}

// struct_type() for a struct that is also the element of a list (std::vector<T>): only these
// tables instantiate the vector operations, so that the others cost no code.
template <class T, const auto& Fields>
constexpr type_desc list_type() {
  type_desc t = with_writers(table_base<T, Fields>());
  t.reserve = &vector_reserve<T>;
  t.element = &vector_element<T>;
  t.truncate = &vector_truncate<T>;
  t.size = &vector_size<T>;
  t.at = &vector_at<T>;
  return t;
}

// The table of the entries of a map (std::optional<std::vector<T>> read from a JSON object),
// `Key` holding each entry's name; `Shorthand` names the field a plain string value sets, and
// `Form` (optional) the entry's flag that it was written as an object all the same.
template <class T, std::string T::*Key, const auto& Fields, std::size_t Shorthand = no_shorthand,
          bool ShorthandOnly = false, bool T::*Form = nullptr>
constexpr type_desc map_type() {
  type_desc t = table_base<T, Fields>();
  static_assert(Shorthand == no_shorthand || (Shorthand < std::extent_v<std::remove_reference_t<decltype(Fields)>> &&
                                              Fields[Shorthand].kind == field_kind::string),
                "a map's shorthand must be a string field");
  t.size = &map_size<T>;
  t.at = &map_at<T>;
  t.clear = &map_clear<T>;
  t.append = &map_append<T, Key>;
  t.unique = &map_unique<T, Key>;
  t.key = &map_key<T, Key>;
  t.shorthand = Shorthand;
  static_assert(!ShorthandOnly || Shorthand != no_shorthand, "a shorthand-only map needs its shorthand field");
  t.shorthand_only = ShorthandOnly;
  if constexpr (Form != nullptr) t.object_form = &map_object_form<T, Form>;
  return t;
}

template <class V, const auto& Alternatives, std::size_t... I>
constexpr bool alternatives_fit(std::index_sequence<I...>) {
  return ((Alternatives[I].type->cpp_type == &type_tag<std::variant_alternative_t<I + 1, V>>)&&...);
}

// The table of tagged union `V`: `Alternatives` in the order of V's alternatives after the raw one.
template <class V, const auto& Alternatives>
constexpr variant_desc variant_type() {
  constexpr std::size_t n = std::extent_v<std::remove_reference_t<decltype(Alternatives)>>;
  static_assert(n + 1 == std::variant_size_v<V>, "one alternative entry per typed alternative of the variant");
  static_assert(alternatives_fit<V, Alternatives>(std::make_index_sequence<n>{}),
                "an alternative's table describes another type than the variant's alternative at that place");
  return variant_desc{Alternatives, n, &variant_emplace<V>, &variant_held<V>, &variant_get<V>, &variant_raw<V>};
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
