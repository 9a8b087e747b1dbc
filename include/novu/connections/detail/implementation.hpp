// The implementation of the connections' NOVU_CC_API functions, after the core's. In the header-only mode the outermost
// public header a translation unit includes includes this file at its end, so that any public
// header works on its own; in the fast-compile mode only the implementation file
// (NOVU_CC_IMPLEMENTATION) compiles it, and other files get the extern template declarations.
// SPDX-License-Identifier: MIT
#pragma once

#include "novu/core/detail/implementation.hpp"
#include "novu/core/version.hpp"

#if NOVU_CC_WITH_IMPLEMENTATION
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
