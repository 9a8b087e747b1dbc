// The implementation of every NOVU_CC_API function. In the header-only mode the outermost
// public header a translation unit includes includes this file at its end, so that any public
// header works on its own; in the fast-compile mode only the implementation file
// (NOVU_CC_IMPLEMENTATION) compiles it, and other files get the extern template declarations.
// SPDX-License-Identifier: MIT
#pragma once

#include "novu/core/version.hpp"

#if NOVU_CC_WITH_IMPLEMENTATION
// The detail headers both parts use come first, so that the single header holds them once.
#include "novu/core/detail/mask.hpp"
#include "novu/core/detail/scrub.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/detail/implementation_light.hpp"
#include "novu/connections/impl/client.ipp"
#include "novu/connections/impl/json.ipp"
#include "novu/connections/impl/request_builder.ipp"
#include "novu/connections/impl/response_parser.ipp"
#endif

// Fast-compile mode: the class templates the calls return are instantiated once, in the
// implementation file, instead of in every translation unit that uses them.
#if defined(NOVU_CC_SEPARATE_COMPILATION)
#include "novu/connections/detail/instantiations.hpp"
#endif
