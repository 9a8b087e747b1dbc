// Implementation of novu/core/response.hpp: what every resource's response parsers share (the
// error a non-2xx answer stands for, secrets scrubbed from it, and the success-body step).
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/core/detail/mask.hpp"
#include "novu/core/detail/scrub.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/impl/error.ipp"
#include "novu/core/impl/json.ipp"
#include "novu/core/json.hpp"
#include "novu/core/response.hpp"
#include "novu/core/retry.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Whether `status` is a success (2xx).
constexpr bool is_2xx(int status) noexcept { return status >= 200 && status < 300; }

// Statuses whose body the API documents as an `ErrorDto`.
constexpr bool documents_error_dto(int status) noexcept {
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

// Reason phrase of the statuses this API uses, for messages.
constexpr std::string_view reason_phrase(int status) noexcept {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

// "HTTP 404 Not Found".
inline std::string status_text(int status) {
  std::string text = "HTTP " + std::to_string(status);
  const std::string_view reason = reason_phrase(status);
  if (!reason.empty()) {
    text.push_back(' ');
    text.append(reason.data(), reason.size());
  }
  return text;
}

// At most `limit` bytes of `text`, cut at a UTF-8 boundary, with "..." when cut.
inline std::string clip(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  text.resize(utf8_boundary(text, limit));
  text += "...";
  return text;
}

// The server's message as text, at most 300 bytes: the string itself, or the JSON of a
// non-string message. Only the start of a long string is unescaped.
inline std::string message_text(const api_error& body) {
  if (!body.message || body.message->type == json_type::null) return {};
  if (body.message->type != json_type::string) return clip(body.message->text, 300);
  // At most 12 bytes of JSON text per byte of content (a surrogate pair's escapes) and a
  // margin; an escape cut short at the end is dropped.
  std::string_view raw(body.message->text);
  raw = raw.substr(1, raw.size() - 2);
  if (raw.size() > 12 * 300 + 16) {
    raw = raw.substr(0, 12 * 300 + 16);
    const std::size_t backslash = raw.rfind('\\');
    if (backslash != std::string_view::npos && raw.size() - backslash < 12) raw = raw.substr(0, backslash);
  }
  return clip(json_unescape(raw), 300);
}

// `text` with append_printable's escapes, when it needs any.
inline void make_printable(std::string& text) {
  if (!needs_printable_escaping(text)) return;
  std::string printable;
  printable.reserve(text.size() + 16);
  append_printable(printable, text);
  text.swap(printable);
}

// Longest `error::message`; a longer one is cut and says how much was left out.
inline constexpr std::size_t max_error_message_bytes = 4096;

// The message with control characters and invalid UTF-8 escaped (no forged log lines), cut to
// max_error_message_bytes with a note of the bytes left out. Applying it twice changes nothing.
inline void finish_message(std::string& message) {
  make_printable(message);
  if (message.size() <= max_error_message_bytes) return;
  std::size_t cut = utf8_boundary(message, max_error_message_bytes - 64);
  // Not inside an escape such as \x1B.
  const std::size_t backslash = message.rfind('\\', cut);
  if (backslash != std::string::npos && cut - backslash < 4) cut = backslash;
  const std::size_t omitted = message.size() - cut;
  message.resize(cut);
  message += "... [" + std::to_string(omitted) + " more bytes]";
}

// `value` with credential-named members and `name=value` pairs masked (see mask_credentials);
// it stays JSON of the same type, or becomes the string "[redacted]".
inline void mask_any_json(any_json& value) {
  if (value.type != json_type::object && value.type != json_type::array && value.type != json_type::string) return;
  std::string masked;
  if (!mask_credentials_into(value.text, masked) || masked == value.text) return;
  result<any_json> checked = parse_any_json(masked);
  if (checked && checked->type == value.type) {
    value.text = std::move(checked->text);
  } else {
    value = any_json::from_text(json_type::string, "\"" + std::string(mask_text) + "\"");
  }
}

// Masks what the decoded error body may hold of credentials the caller never told us about:
// credential-named members of `message` and `ctx`, and for a violation of a credential-named
// field ("auth.accessToken") the value it echoes, which is added to `echoes` so that it is
// scrubbed wherever else the body repeats it.
inline void mask_api_error(api_error& api, secret_scrubber& echoes) {
  if (api.errors) {
    for (constraint_violation& v : *api.errors) {
      if (!v.value) continue;
      if (!is_secret_path(v.field)) {
        mask_any_json(*v.value);
        continue;
      }
      if (std::optional<std::string> echoed = string_value(*v.value)) {
        echoes.add(*echoed);
      } else if (v.value->type != json_type::null && v.value->type != json_type::boolean) {
        echoes.add(v.value->text);
      }
      if (v.value->type != json_type::null) {
        v.value = any_json::from_text(json_type::string, "\"" + std::string(mask_text) + "\"");
      }
    }
  }
  if (api.message) mask_any_json(*api.message);
  if (api.ctx) mask_any_json(*api.ctx);
}

// The known secrets of a call plus what the error body echoes for credential-named fields.
inline secret_scrubber call_and_echoed_secrets(const secret_scrubber* secrets, api_error& api) {
  secret_scrubber all = secrets != nullptr ? *secrets : secret_scrubber{};
  mask_api_error(api, all);
  scrub_api_error(api, all);
  return all;
}

// The last step of every error a parser or client returns: `secrets` scrubbed from every
// field, credential-named values in the kept body, headers and message masked, the message
// escaped and capped (and scrubbed once more, as escaping could spell a secret).
inline void finish_error(error& e, const secret_scrubber* secrets) {
  // Known secrets first, while they are whole; then the masks, whose "[redacted]" could spell
  // a secret; then the known secrets again, with a marker that cannot.
  if (secrets != nullptr) scrub_error(e, *secrets);
  bool masked = false;
  if (!e.body.empty()) {
    std::string body;
    masked = mask_credentials_into(e.body, body) && body != e.body;
    if (masked) e.body.swap(body);
  }
  for (http_header& h : e.headers) {
    if (!is_secret_header(h.name)) continue;
    h.value.assign(mask_text.data(), mask_text.size());
    masked = true;
  }
  if (e.message.find_first_of("=:") != std::string::npos) {
    std::string message = mask_key_value_pairs(e.message);
    masked = masked || message != e.message;
    e.message.swap(message);
  }
  if (secrets != nullptr && masked) {
    secrets->scrub(e.body);
    for (http_header& h : e.headers) secrets->scrub(h.value);
    secrets->scrub(e.message);
  }
  finish_message(e.message);
  if (secrets != nullptr && secrets->scrub(e.message)) finish_message(e.message);
  make_printable(e.location);
}

// The body an error keeps: the response's, unless it is above the size limit (such a body is
// refused unread, and an error does not hold on to it either). Taken from `owned_body` (the
// caller's copy of response.body, which it gives up) instead of copied when there is one.
inline std::string kept_body(const http_response& response, const decode_limits& limits, std::string* owned_body) {
  if (response.body.size() > limits.max_body_bytes) return std::string();
  return owned_body != nullptr ? std::move(*owned_body) : response.body;
}

// An error carrying the response.
inline error response_error(error_kind kind, const http_response& response, std::string message,
                            const decode_limits& limits, std::string* owned_body) {
  error e = make_error(kind, std::move(message));
  e.status = response.status;
  e.headers = response.headers;
  e.body = kept_body(response, limits, owned_body);
  return e;
}

// "HTTP 404 Not Found: <the server's message>".
inline std::string api_message(int status, const api_error& body) {
  std::string message = status_text(status);
  const std::string text = message_text(body);
  if (!text.empty()) message += ": " + text;
  return message;
}

// The error for a response with an error status whose body decoded as `body`.
inline error decoded_error(error_kind kind, const http_response& response, api_error body, const decode_limits& limits,
                           const secret_scrubber* secrets, std::string* owned_body) {
  const secret_scrubber all = call_and_echoed_secrets(secrets, body);
  std::string message = api_message(response.status, body);
  if (kind == error_kind::validation && body.errors) {
    // Whole fields while they fit, leaving room for the note of those left out.
    const std::size_t budget = max_error_message_bytes - 512;
    std::size_t shown = 0;
    for (const constraint_violation& v : *body.errors) {
      if (message.size() >= budget) break;
      message += "; " + clip(v.field, 100) + ":";
      for (const std::string& m : v.messages) {
        if (message.size() >= budget) {
          message += " ...";
          break;
        }
        message += " " + clip(m, 200);
      }
      ++shown;
    }
    if (shown < body.errors->size()) {
      message += "; and " + std::to_string(body.errors->size() - shown) + " more fields left out";
    }
  } else if (body.error_id) {
    message += " (errorId " + clip(*body.error_id, 100) + ")";
  }
  error e = response_error(kind, response, std::move(message), limits, owned_body);
  finish_error(e, &all);  // `body` (the decoded api_error) was scrubbed and masked above
  e.api = std::move(body);
  return e;
}

// An error with the response that does not decode as an error body.
inline error undecoded_error(error_kind kind, const http_response& response, std::string message,
                             const decode_limits& limits, const secret_scrubber* secrets, std::string* owned_body) {
  error e = response_error(kind, response, std::move(message), limits, owned_body);
  finish_error(e, secrets);
  return e;
}

// The error a non-2xx response stands for, `secrets` scrubbed from it. With `owned_body` (a
// string holding response.body that the caller gives up) the error takes the body from there.
inline error error_from_response(const http_response& response, const decode_limits& limits,
                                 const secret_scrubber* secrets, std::string* owned_body = nullptr) {
  const int status = response.status;
  const bool documented = status == 422 || documents_error_dto(status);
  if (documented && response.body.size() > limits.max_body_bytes) {
    return undecoded_error(error_kind::limit_exceeded, response,
                           status_text(status) + " with a body of " + std::to_string(response.body.size()) +
                               " bytes, above the limit of " + std::to_string(limits.max_body_bytes) + ": not decoded",
                           limits, secrets, owned_body);
  }
  if (!documented) {
    return undecoded_error(error_kind::http, response, "unexpected " + status_text(status), limits, secrets,
                           owned_body);
  }
  if (status == 422) {
    result<api_error> body = decode_validation_error(response.body, limits);
    if (body) return decoded_error(error_kind::validation, response, std::move(*body), limits, secrets, owned_body);
  }
  // Any documented status with a plain ErrorDto (the idempotency guard answers 422 so too).
  result<api_error> body = decode_api_error(response.body, limits);
  if (body) return decoded_error(error_kind::api, response, std::move(*body), limits, secrets, owned_body);
  if (body.error().kind == error_kind::limit_exceeded) {
    return undecoded_error(error_kind::limit_exceeded, response,
                           status_text(status) + " with a body refused: " + body.error().message, limits, secrets,
                           owned_body);
  }
  return undecoded_error(error_kind::http, response, status_text(status) + " with a body that is not an ErrorDto",
                         limits, secrets, owned_body);
}

// The error for a 2xx body that did not decode.
inline error success_body_error(const http_response& response, error decoded, const decode_limits& limits,
                                const secret_scrubber* secrets) {
  error e = std::move(decoded);
  e.message = status_text(response.status) + " body: " + e.message;
  e.status = response.status;
  e.headers = response.headers;
  e.body = kept_body(response, limits, nullptr);
  finish_error(e, secrets);
  return e;
}

// Delete answers (every resource): any 2xx is a success, whatever its body.
inline result<void> parse_no_content(const http_response& response, const decode_limits& limits,
                                     const secret_scrubber* secrets) {
  if (!is_2xx(response.status)) return error_from_response(response, limits, secrets);
  return {};
}

// What a call answered by `response` gives: the error a non-2xx status stands for, else what
// `decode(body)` gives, a body that does not decode keeping the response's status and body.
template <class Result, class Decode>
Result parse_success_body(const http_response& response, const decode_limits& limits, const secret_scrubber* secrets,
                          Decode decode) {
  if (!is_2xx(response.status)) return error_from_response(response, limits, secrets);
  Result decoded = decode(response.body);
  if (!decoded) return success_body_error(response, std::move(decoded).error(), limits, secrets);
  return decoded;
}

// The identifier a conflict message names (see conflicting_identifier), unchecked.
inline std::optional<std::string_view> identifier_in_conflict(std::string_view message) {
  constexpr std::string_view named_id = "Connection ID: ";
  if (const std::size_t at = message.rfind(named_id); at != std::string_view::npos) {
    std::string_view id = message.substr(at + named_id.size());
    while (!id.empty() && (id.back() == ' ' || id.back() == '\t' || id.back() == '\n' || id.back() == '\r')) {
      id.remove_suffix(1);
    }
    return id;
  }
  constexpr std::string_view opening = "with identifier \"";
  constexpr std::string_view closing = "\" already exists";
  const std::size_t start = message.find(opening);
  const std::size_t end = message.rfind(closing);
  if (start == std::string_view::npos || end == std::string_view::npos || end < start + opening.size()) {
    return std::nullopt;
  }
  return message.substr(start + opening.size(), end - start - opening.size());
}

}  // namespace detail

NOVU_CC_API error error_from_response(const http_response& response, const decode_limits& limits) {
  return detail::error_from_response(response, limits, nullptr);
}

NOVU_CC_API bool is_permanent_conflict(const error& e) noexcept {
  return e.status == 409 && !is_transient_conflict(e.status, e.headers);
}

NOVU_CC_API std::optional<std::string> conflicting_identifier(const error& e) {
  if (!is_permanent_conflict(e) || !e.api || !e.api->message) return std::nullopt;
  const std::optional<std::string> message = string_value(*e.api->message);
  if (!message) return std::nullopt;
  const std::optional<std::string_view> id = detail::identifier_in_conflict(*message);
  if (!id || id->empty() || id->find(detail::mask_text) != std::string_view::npos ||
      detail::needs_printable_escaping(*id)) {
    return std::nullopt;
  }
  return std::string(*id);
}

NOVU_CC_NAMESPACE_END
