// Shared helpers of the libFuzzer targets in tests/fuzz/: input framing, invariant checks that
// abort (so libFuzzer keeps the input as a crash), and the checks every target applies to
// errors and debug printouts. Build with clang++ -fsanitize=fuzzer,address,undefined; see
// tools/fuzz.sh.
//
// Checks for bugs already reported (and caught by a row of tests/unit-hostile.cpp) are
// compiled in unless NOVU_FUZZ_SKIP_KNOWN_BUGS is defined, so a lenient run can explore past
// them.
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint8_t
#include <cstdio>       // fprintf
#include <cstdlib>      // abort
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector

#include <nlohmann/json.hpp>

#include "novu/novu.hpp"
#include "novu/core/printing.hpp"
#include "../secret_check.hpp"

// Aborts with `what` unless `condition` holds.
#define NOVU_FUZZ_CHECK(condition, what)                                                   \
  do {                                                                                     \
    if (!(condition)) {                                                                    \
      std::fprintf(stderr, "invariant violated at %s:%d: %s\n", __FILE__, __LINE__, what); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (0)

namespace fuzz {

// Statuses a parser target picks from with its first input byte.
inline constexpr int statuses[] = {200, 201, 204, 299, 0,   100, 199, 300, 301, 304, 400, 401, 403, 404, 405, 408,
                                   409, 413, 414, 415, 422, 429, 500, 502, 503, 504, 599, 600, 999, -1,  202, 418};
inline constexpr std::size_t status_count = sizeof(statuses) / sizeof(statuses[0]);

// The status selected by `byte`.
inline int status_of(std::uint8_t byte) { return statuses[byte % status_count]; }

// Tiny limits exercise the size and depth refusals on small inputs.
inline novu::decode_limits limits_of(bool tiny) {
  novu::decode_limits limits;
  if (tiny) {
    limits.max_body_bytes = 96;
    limits.max_depth = 4;
  }
  return limits;
}

inline bool is_2xx(int status) { return status >= 200 && status < 300; }

inline bool documents_error_dto(int status) {
  switch (status) {
    case 400:
    case 401:
    case 403:
    case 404:
    case 405:
    case 409:
    case 413:
    case 414:
    case 415:
    case 500: return true;
    default: return false;
  }
}

// The body an error keeps of `response`: credentials masked; nothing when above the limit.
inline std::string kept_body(const novu::http_response& response, const novu::decode_limits& limits) {
  return response.body.size() > limits.max_body_bytes ? std::string() : novu::redact_json_secrets(response.body);
}

// Whether `body` is what an error keeps of `response`: kept_body(), where a 422 that echoes a
// credential (the `value` of a field such as `auth.accessToken`) may also have that value
// masked wherever else it appears (the echo is a secret too).
inline bool is_kept_body(const std::string& body, const novu::http_response& response,
                         const novu::decode_limits& limits) {
  const std::string kept = kept_body(response, limits);
  if (body == kept) return true;
  const nlohmann::json doc = nlohmann::json::parse(response.body, nullptr, false);
  if (!doc.is_object() || doc.find("errors") == doc.end() || !doc["errors"].is_object()) return false;
  std::vector<std::string> echoes;
  for (const auto& field : doc["errors"].items()) {
    if (!novu::detail::is_secret_path(field.key()) || !field.value().is_object()) continue;
    const auto value = field.value().find("value");
    if (value == field.value().end() || !value->is_string()) continue;
    const std::string secret(novu::detail::secret_core(value->get<std::string>()));
    if (secret.size() >= novu::detail::min_secret_length) echoes.push_back(secret);
  }
  const std::string masked = secret_check::naive_scrub(kept, echoes, "[redacted]");
  return body == masked;
}

// Printed text may hold line feeds but no other control character, no DEL, and only valid UTF-8.
inline void check_printable(const std::string& text, const char* what) {
  NOVU_FUZZ_CHECK(novu::detail::is_valid_utf8(text), what);
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    NOVU_FUZZ_CHECK(c == '\n' || (c >= 0x20 && c != 0x7F), what);
  }
}

// What every error must satisfy, whatever produced it. The error is printed (escaped) first
// when it breaks a text rule, so the crash report shows it.
inline void check_error(const novu::error& e) {
  if (!novu::detail::is_valid_utf8(e.message) || !novu::detail::is_valid_utf8(e.location)) {
    std::string shown;
    novu::detail::append_printable(shown,
                                   std::string(novu::to_string(e.kind)) + " at '" + e.location + "': " + e.message);
    std::fprintf(stderr, "offending error: %s\n", shown.c_str());
  }
  NOVU_FUZZ_CHECK(!e.message.empty(), "error message is empty");
  NOVU_FUZZ_CHECK(novu::detail::is_valid_utf8(e.message), "error message is not valid UTF-8");
  NOVU_FUZZ_CHECK(novu::detail::is_valid_utf8(e.location), "error location is not valid UTF-8");
  if (e.api) {
    const novu::result<std::string> encoded = novu::encode_json(*e.api);
    NOVU_FUZZ_CHECK(encoded.has_value(), "a decoded ErrorDto does not re-encode");
  }
  check_printable(novu::to_debug_string(e), "to_debug_string(error) is not printable");
}

// The error kinds a non-success response of `status` may produce.
inline void check_error_kind(const novu::error& e, int status) {
  using k = novu::error_kind;
  if (is_2xx(status)) {
    NOVU_FUZZ_CHECK(e.kind == k::decode || e.kind == k::limit_exceeded,
                    "2xx error is neither decode nor limit_exceeded");
  } else if (status == 422) {
    NOVU_FUZZ_CHECK(e.kind == k::validation || e.kind == k::api || e.kind == k::http || e.kind == k::limit_exceeded,
                    "422 error kind");
  } else if (documents_error_dto(status)) {
    NOVU_FUZZ_CHECK(e.kind == k::api || e.kind == k::http || e.kind == k::limit_exceeded,
                    "documented status error kind");
  } else {
    NOVU_FUZZ_CHECK(e.kind == k::http, "undocumented status must be an http error");
  }
  NOVU_FUZZ_CHECK((e.kind == k::api || e.kind == k::validation) == e.api.has_value(), "api part iff api/validation");
  NOVU_FUZZ_CHECK(e.status == status, "error.status is not the response status");
}

// A decoded value re-encodes, decodes back, and re-encodes to the same text (a fixpoint).
template <class T, class Decode>
void check_round_trip(const T& value, Decode decode) {
  const novu::result<std::string> first = novu::encode_json(value);
  NOVU_FUZZ_CHECK(first.has_value(), "a decoded value does not re-encode");
  const auto again = decode(*first);
  NOVU_FUZZ_CHECK(again.has_value(), "the re-encoded value does not decode");
  const novu::result<std::string> second = novu::encode_json(*again);
  NOVU_FUZZ_CHECK(second.has_value() && *second == *first, "encode(decode(encode(x))) != encode(x)");
}

}  // namespace fuzz
