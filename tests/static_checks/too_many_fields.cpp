// expect: a table holds 1 to 32 fields
// A table of 33 fields (the decoder keeps one bit per field); 32 is the most.
#include "common.hpp"
struct dto {
  std::string f0;
  std::string f1;
  std::string f2;
  std::string f3;
  std::string f4;
  std::string f5;
  std::string f6;
  std::string f7;
  std::string f8;
  std::string f9;
  std::string f10;
  std::string f11;
  std::string f12;
  std::string f13;
  std::string f14;
  std::string f15;
  std::string f16;
  std::string f17;
  std::string f18;
  std::string f19;
  std::string f20;
  std::string f21;
  std::string f22;
  std::string f23;
  std::string f24;
  std::string f25;
  std::string f26;
  std::string f27;
  std::string f28;
  std::string f29;
  std::string f30;
  std::string f31;
  std::string f32;
};
NOVU_CC_NAMESPACE_BEGIN
namespace detail {
inline constexpr field_desc dto_fields[] = {field<&dto::f0>("f0"),
                                            field<&dto::f1>("f1"),
                                            field<&dto::f2>("f2"),
                                            field<&dto::f3>("f3"),
                                            field<&dto::f4>("f4"),
                                            field<&dto::f5>("f5"),
                                            field<&dto::f6>("f6"),
                                            field<&dto::f7>("f7"),
                                            field<&dto::f8>("f8"),
                                            field<&dto::f9>("f9"),
                                            field<&dto::f10>("f10"),
                                            field<&dto::f11>("f11"),
                                            field<&dto::f12>("f12"),
                                            field<&dto::f13>("f13"),
                                            field<&dto::f14>("f14"),
                                            field<&dto::f15>("f15"),
                                            field<&dto::f16>("f16"),
                                            field<&dto::f17>("f17"),
                                            field<&dto::f18>("f18"),
                                            field<&dto::f19>("f19"),
                                            field<&dto::f20>("f20"),
                                            field<&dto::f21>("f21"),
                                            field<&dto::f22>("f22"),
                                            field<&dto::f23>("f23"),
                                            field<&dto::f24>("f24"),
                                            field<&dto::f25>("f25"),
                                            field<&dto::f26>("f26"),
                                            field<&dto::f27>("f27"),
                                            field<&dto::f28>("f28"),
                                            field<&dto::f29>("f29"),
                                            field<&dto::f30>("f30"),
                                            field<&dto::f31>("f31")

#ifndef NOVU_STATIC_CHECK_OK
                                                ,
                                            field<&dto::f32>("f32x")
#endif
};
inline constexpr type_desc dto_type = struct_type<dto, dto_fields>();
}  // namespace detail
NOVU_CC_NAMESPACE_END
