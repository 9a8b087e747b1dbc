// expect: the nested table describes another type than the member's
// A nested table given for a member must describe the member's own struct.
#include "common.hpp"
struct dto {
  checks::inner part;
};
NOVU_CC_NAMESPACE_BEGIN
namespace detail {
#ifdef NOVU_STATIC_CHECK_OK
inline constexpr field_desc dto_fields[] = {field<&dto::part, &inner_type>("part")};
#else
inline constexpr field_desc dto_fields[] = {field<&dto::part, &other_type>("part")};
#endif
inline constexpr type_desc dto_type = struct_type<dto, dto_fields>();
}  // namespace detail
NOVU_CC_NAMESPACE_END
