// Fast-compile mode only (NOVU_CC_SEPARATE_COMPILATION): the class template specializations that
// the library's calls return or take are explicitly instantiated in the implementation
// file (NOVU_CC_IMPLEMENTATION) and declared `extern` everywhere else, so user translation
// units do not instantiate and emit them again. Every specialization names a type of this
// library, as the standard requires for explicit instantiations of std templates. This file
// holds the core's; each resource's detail/instantiations.hpp includes it and adds its own with
// NOVU_CC_INSTANTIATE.
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>  // optional
#include <string>    // string
#include <vector>    // vector

#include "novu/core/api_error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

#if defined(NOVU_CC_IMPLEMENTATION)
#define NOVU_CC_INSTANTIATE template  // the one definition, in the implementation file
#else
#define NOVU_CC_INSTANTIATE extern template  // a declaration: the definition is elsewhere
#endif

NOVU_CC_NAMESPACE_BEGIN
NOVU_CC_INSTANTIATE class result<http_request>;
NOVU_CC_INSTANTIATE class result<http_response>;
NOVU_CC_INSTANTIATE class result<api_error>;
NOVU_CC_INSTANTIATE class result<std::string>;
NOVU_CC_INSTANTIATE class result<detail::no_value>;
NOVU_CC_NAMESPACE_END

NOVU_CC_INSTANTIATE class std::vector<novu::http_header>;
NOVU_CC_INSTANTIATE class std::vector<novu::constraint_violation>;
NOVU_CC_INSTANTIATE class std::vector<novu::context_entry>;
