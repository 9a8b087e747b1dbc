// Fast-compile mode only: the endpoints' class template specializations, instantiated once in
// the implementation file (see novu/core/detail/instantiations.hpp, which holds the core's).
// SPDX-License-Identifier: MIT
#pragma once

#include <vector>  // vector

#include "novu/core/detail/instantiations.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"
#include "novu/endpoints/dto.hpp"

NOVU_CC_NAMESPACE_BEGIN
NOVU_CC_INSTANTIATE class result<channel_endpoint>;
NOVU_CC_INSTANTIATE class result<channel_endpoint_page>;
NOVU_CC_INSTANTIATE class result<endpoint_data>;
NOVU_CC_NAMESPACE_END

NOVU_CC_INSTANTIATE class std::vector<novu::channel_endpoint>;
