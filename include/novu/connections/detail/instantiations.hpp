// The connections' part (the core's is novu/core/detail/instantiations.hpp). Fast-compile mode only
// (NOVU_CC_SEPARATE_COMPILATION): the class template specializations that the library's calls return or take are
// explicitly instantiated in the implementation file (NOVU_CC_IMPLEMENTATION) and declared `extern` everywhere else, so
// user translation units do not instantiate and emit them again. Every specialization names a type of this library, as
// the standard requires for explicit instantiations of std templates. SPDX-License-Identifier: MIT
#pragma once

#include <vector>  // vector

#include "novu/connections/dto.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

#if defined(NOVU_CC_IMPLEMENTATION)
#define NOVU_CC_INSTANTIATE template  // the one definition, in the implementation file
#else
#define NOVU_CC_INSTANTIATE extern template  // a declaration: the definition is elsewhere
#endif

NOVU_CC_NAMESPACE_BEGIN
NOVU_CC_INSTANTIATE class result<channel_connection>;
NOVU_CC_INSTANTIATE class result<channel_connection_page>;
NOVU_CC_NAMESPACE_END

NOVU_CC_INSTANTIATE class std::vector<novu::channel_connection>;
NOVU_CC_INSTANTIATE class std::vector<novu::context_entry>;

#undef NOVU_CC_INSTANTIATE
