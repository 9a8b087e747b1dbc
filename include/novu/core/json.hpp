// JSON that every resource shares, on nlohmann/json and exception-free: the API's error bodies,
// any-JSON values, and the rules every decoder follows (see novu/connections/json.hpp).
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 12
#endif
// NOVU_CC_STANDALONE }

#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view

#include "novu/core/api_error.hpp"
#include "novu/core/config.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// An `ErrorDto`.
NOVU_CC_API result<api_error> decode_api_error(std::string_view json, const decode_limits& limits = {});
/// A `ValidationErrorDto` (an `ErrorDto` whose `errors` map is required).
NOVU_CC_API result<api_error> decode_validation_error(std::string_view json, const decode_limits& limits = {});
/// Compact JSON of an error body (`errors` is written when not empty).
NOVU_CC_API result<std::string> encode_json(const api_error& body);

/// Checks `json_text` (within `limits`; a NUL byte is malformed) and returns it as a compact
/// `any_json` of the matching type.
NOVU_CC_API result<any_json> parse_any_json(std::string_view json_text, const decode_limits& limits = {});
/// A JSON string value holding `text`; fails on invalid UTF-8.
NOVU_CC_API result<any_json> json_string(std::string_view text);
/// The unescaped text of a JSON string value; nullopt for any other type.
NOVU_CC_API std::optional<std::string> string_value(const any_json& value);

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 12
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
