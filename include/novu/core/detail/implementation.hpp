// The implementation of the core's NOVU_CC_API functions (JSON of error bodies, request start,
// error decoding). A resource's implementation header includes it first. In the header-only
// mode the outermost public header a translation unit includes includes this file at its end;
// in the fast-compile mode only the implementation file (NOVU_CC_IMPLEMENTATION) compiles it.
// SPDX-License-Identifier: MIT
#pragma once

#include "novu/core/version.hpp"

#if NOVU_CC_WITH_IMPLEMENTATION
// The detail headers every part uses come first, so that the single header holds them once.
#include "novu/core/detail/mask.hpp"
#include "novu/core/detail/scrub.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/detail/implementation_light.hpp"
#include "novu/core/impl/json.ipp"
#include "novu/core/impl/request.ipp"
#include "novu/core/impl/response.ipp"
#include "novu/core/impl/call.ipp"
#endif

// The async call loop: compiled here, once, in the fast-compile mode's implementation file
// (in the header-only mode novu/core/async.hpp brings it itself, only where it is used).
#if defined(NOVU_CC_SEPARATE_COMPILATION) && NOVU_CC_WITH_IMPLEMENTATION
#include "novu/core/impl/async.ipp"
#endif

// Fast-compile mode: the class templates the calls return are instantiated once, in the
// implementation file, instead of in every translation unit that uses them.
#if defined(NOVU_CC_SEPARATE_COMPILATION)
#include "novu/core/detail/instantiations.hpp"
#endif
