// expect: a field of this table is not a member of the struct
// A table that lists another struct's member.
#include "common.hpp"
struct dto {
  std::string id;
};
NOVU_CC_NAMESPACE_BEGIN
namespace detail {
#ifdef NOVU_STATIC_CHECK_OK
inline constexpr field_desc dto_fields[] = {field<&dto::id>("id")};
#else
inline constexpr field_desc dto_fields[] = {field<&dto::id>("id"), field<&checks::other::id>("otherId")};
#endif
inline constexpr type_desc dto_type = struct_type<dto, dto_fields>();
}  // namespace detail
NOVU_CC_NAMESPACE_END
