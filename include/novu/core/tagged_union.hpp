// Tagged unions of DTOs whose tag is a sibling JSON member ({"type": "...", "endpoint": {...}}):
// the JSON engine decodes the payload as the alternative the tag names, whichever member comes
// first, and keeps a payload whose tag this version does not know as raw JSON.
// SPDX-License-Identifier: MIT
#pragma once

#include <variant>  // variant

#include "novu/core/api_error.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// The alternative of a tagged union that holds a payload whose tag this version does not know:
/// its JSON exactly as received, written back unchanged.
struct raw_alternative {
  any_json json;  ///< the payload's compact JSON text
};

/// A tagged union over `Alternatives`, index 0 being the raw alternative for unknown tags. The
/// tag itself is a sibling member of the struct that holds the union.
template <class... Alternatives>
using tagged_union = std::variant<raw_alternative, Alternatives...>;

NOVU_CC_NAMESPACE_END
