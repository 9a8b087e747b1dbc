// Implementation of novu/core/error.hpp, and the scrubbing of known secrets from every field of an
// error that the parsers and the clients apply.
// SPDX-License-Identifier: MIT
#pragma once

#include <string>       // string
#include <string_view>  // string_view

#include "novu/core/detail/scrub.hpp"
#include "novu/core/error.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Masks the secrets in an any-JSON value. The value stays valid JSON of the same type when the
// secrets sat inside its strings; otherwise it becomes the string "[redacted]".
inline void scrub_any_json(any_json& value, const secret_scrubber& secrets) {
  if (secrets.scrub_json(value.text) == secret_scrubber::json_outcome::unsafe) {
    value = any_json::from_text(json_type::string, "\"" + secrets.whole_marker() + "\"");
  }
}

// Masks `secrets` in every member of a decoded error body.
inline void scrub_api_error(api_error& api, const secret_scrubber& secrets) {
  if (secrets.empty()) return;
  secrets.scrub(api.timestamp);
  secrets.scrub(api.path);
  if (api.message) scrub_any_json(*api.message, secrets);
  if (api.ctx) scrub_any_json(*api.ctx, secrets);
  if (api.error_id) secrets.scrub(*api.error_id);
  if (api.errors) {
    for (constraint_violation& v : *api.errors) {
      secrets.scrub(v.field);
      for (std::string& m : v.messages) secrets.scrub(m);
      if (v.value) scrub_any_json(*v.value, secrets);
    }
  }
}

// Masks `secrets` in every field of `e`: message, location, body, header names and values, and
// every member of the decoded error body.
inline void scrub_error(error& e, const secret_scrubber& secrets) {
  if (secrets.empty()) return;
  secrets.scrub(e.message);
  secrets.scrub(e.location);
  secrets.scrub(e.body);
  for (http_header& h : e.headers) {
    secrets.scrub(h.name);
    secrets.scrub(h.value);
  }
  if (e.api) scrub_api_error(*e.api, secrets);
}

}  // namespace detail

NOVU_CC_API void redact_secret(error& e, std::string_view secret) {
  detail::secret_scrubber secrets;
  secrets.add(secret);
  detail::scrub_error(e, secrets);
}

NOVU_CC_NAMESPACE_END
