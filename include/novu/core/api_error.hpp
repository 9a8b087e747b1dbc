// Values every resource shares: `any_json` for fields whose schema allows anything, the context
// entries of create requests, and the API's error body `api_error`. Plain values: no JSON
// library type appears here.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>   // int64_t
#include <optional>  // optional
#include <string>    // string
#include <utility>   // move
#include <vector>    // vector

#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// The JSON type of an `any_json` value.
enum class json_type : unsigned char { null, boolean, number, string, array, object };

/// A JSON value of any type, for fields whose schema allows anything (error messages, `ctx`,
/// context `data`, constraint values). Kept as compact JSON text, so no JSON library type
/// leaks into the DTOs.
struct any_json {
  json_type type = json_type::null;  ///< the value's JSON type
  std::string text = "null";         ///< compact JSON text of the value, e.g. `{"tier":2}` or `"x"`

  /// A value from JSON text; the encoder checks the text and that it matches `type`.
  static any_json from_text(json_type type, std::string json_text) {
    any_json v;
    v.type = type;
    v.text = std::move(json_text);
    return v;
  }
};

/// One entry of a create request's (connections and endpoints alike) `context` map: `"<type>": "<id>"` or
/// `"<type>": {"id": "<id>", "data": {...}}` when `data` is set.
struct context_entry {
  std::string type;              ///< map key, e.g. "tenant"
  std::string id;                ///< context id, e.g. "org-acme"
  std::optional<any_json> data;  ///< `data`: any JSON object
  /// Written as `{"id": ...}` even without `data` (set when decoded from that form); otherwise
  /// an entry without data is written as the plain `"<type>": "<id>"`.
  bool as_object = false;
};

/// One field's violations in a 422 answer (`ConstraintValidation`, keyed by field name).
struct constraint_violation {
  std::string field;                  ///< the key in `errors`, e.g. "auth.accessToken"
  std::vector<std::string> messages;  ///< `messages`
  std::optional<any_json> value;      ///< `value`: the rejected value, when the server echoes it
};

/// Error body of the API (`ErrorDto`, and `ValidationErrorDto` when `errors` is filled).
struct api_error {
  std::int64_t status_code = 0;         ///< `statusCode`
  std::string timestamp;                ///< `timestamp`
  std::string path;                     ///< `path`
  std::optional<any_json> message;      ///< `message`: usually a string, may be any JSON
  std::optional<any_json> ctx;          ///< `ctx`: an object
  std::optional<std::string> error_id;  ///< `errorId` (500 only)
  /// `errors` (ValidationErrorDto, 422 only), in server order; nullopt for a plain ErrorDto.
  std::optional<std::vector<constraint_violation>> errors;
};

NOVU_CC_NAMESPACE_END
