// Shared by the static checks: the engine's builders and a few plain structs.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "novu/core/detail/json_fields.hpp"  // the builders alone: no nlohmann, quick to compile

namespace checks {
struct inner {
  std::string id;
};
struct other {
  std::string id;
};
}  // namespace checks

NOVU_CC_NAMESPACE_BEGIN
namespace detail {
inline constexpr field_desc inner_fields[] = {field<&checks::inner::id>("id")};
inline constexpr type_desc inner_type = struct_type<checks::inner, inner_fields>();
template <>
inline constexpr const type_desc* table_of<checks::inner> = &inner_type;
inline constexpr field_desc other_fields[] = {field<&checks::other::id>("id")};
inline constexpr type_desc other_type = struct_type<checks::other, other_fields>();
}  // namespace detail
NOVU_CC_NAMESPACE_END
