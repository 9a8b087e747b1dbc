// novu-channels: a header-only C++17 client for Novu's channel APIs (channel connections, then endpoints).
// SPDX-License-Identifier: MIT
#pragma once

// The version below is the single source of truth: CMake and meson read it from this file.
#define NOVU_CC_VERSION_MAJOR 0
#define NOVU_CC_VERSION_MINOR 1
#define NOVU_CC_VERSION_PATCH 0
#define NOVU_CC_VERSION_STRING "0.1.0"

// The prefix NOVU_CC_ and the namespace cc_v<major>_<minor> read "Novu C++ client": they name
// the whole library, every resource included (see CHANGELOG.md, 0.2 names).
// Everything lives in `novu` inside a versioned inline namespace, so two copies of different
// versions linked into one program cannot silently violate the one-definition rule.
#define NOVU_CC_PP_CAT_IMPL(a, b, c, d) a##b##c##d
#define NOVU_CC_PP_CAT(a, b, c, d) NOVU_CC_PP_CAT_IMPL(a, b, c, d)
// cc_v<major>_<minor>, built from the version above.
#define NOVU_CC_ABI_NAMESPACE NOVU_CC_PP_CAT(cc_v, NOVU_CC_VERSION_MAJOR, _, NOVU_CC_VERSION_MINOR)
#define NOVU_CC_NAMESPACE_BEGIN \
  namespace novu {              \
  inline namespace NOVU_CC_ABI_NAMESPACE {
#define NOVU_CC_NAMESPACE_END \
  }                           \
  }

// Fast-compile mode: define NOVU_CC_SEPARATE_COMPILATION everywhere (for example on the
// compiler command line) and, in exactly one .cpp file, also NOVU_CC_IMPLEMENTATION before
// including the header. Other translation units then see declarations only and never parse
// nlohmann/json. Without the macro the library is header-only and every function is inline.
#if defined(NOVU_CC_SEPARATE_COMPILATION)
#define NOVU_CC_API
#else
#define NOVU_CC_API inline
#endif

// True when the implementation (and so nlohmann/json) is compiled into this translation unit.
#if !defined(NOVU_CC_SEPARATE_COMPILATION) || defined(NOVU_CC_IMPLEMENTATION)
#define NOVU_CC_WITH_IMPLEMENTATION 1
#else
#define NOVU_CC_WITH_IMPLEMENTATION 0
#endif
