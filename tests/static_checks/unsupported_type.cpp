// expect: no JSON field kind for this member type
// A member type the engine has no representation for (a double) is refused where the field is declared.
#include "common.hpp"
struct dto {
#ifdef NOVU_STATIC_CHECK_OK
  std::int64_t amount = 0;
#else
  double amount = 0;
#endif
};
NOVU_CC_NAMESPACE_BEGIN
namespace detail {
inline constexpr field_desc dto_fields[] = {field<&dto::amount>("amount")};
inline constexpr type_desc dto_type = struct_type<dto, dto_fields>();
}  // namespace detail
NOVU_CC_NAMESPACE_END
