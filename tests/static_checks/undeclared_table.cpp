// expect: declare the table of this member's struct
// A struct member whose struct has no table yet.
#include "common.hpp"
struct dto {
#ifdef NOVU_STATIC_CHECK_OK
  checks::inner part;
#else
  checks::other part;
#endif
};
NOVU_CC_NAMESPACE_BEGIN
namespace detail {
inline constexpr field_desc dto_fields[] = {field<&dto::part>("part")};
inline constexpr type_desc dto_type = struct_type<dto, dto_fields>();
}  // namespace detail
NOVU_CC_NAMESPACE_END
