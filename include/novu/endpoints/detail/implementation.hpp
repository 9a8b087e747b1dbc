// The implementation of the endpoints' NOVU_CC_API functions, after the core's (see
// novu/connections/detail/implementation.hpp for how the two modes use it).
// SPDX-License-Identifier: MIT
#pragma once

#include "novu/core/detail/implementation.hpp"
#include "novu/core/version.hpp"

#if NOVU_CC_WITH_IMPLEMENTATION
#include "novu/endpoints/impl/client.ipp"
#include "novu/endpoints/impl/json.ipp"
#include "novu/endpoints/impl/request_builder.ipp"
#include "novu/endpoints/impl/response_parser.ipp"
#endif

// Fast-compile mode: the class templates the calls return are instantiated once, in the
// implementation file.
#if defined(NOVU_CC_SEPARATE_COMPILATION)
#include "novu/endpoints/detail/instantiations.hpp"
#endif
