// Implementation of novu/response_parser.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/json.hpp"
#include "novu/response_parser.hpp"
#include "novu/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Statuses whose body the API documents as an `ErrorDto`.
constexpr bool documents_error_dto(int status) noexcept {
  switch (status) {
    case 400: case 401: case 403: case 404: case 405: case 409: case 413: case 414: case 415: case 500: return true;
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
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  text += "...";
  return text;
}

// The server's message as text: the string itself, or the JSON of a non-string message.
inline std::string message_text(const api_error& body) {
  if (!body.message || body.message->type == json_type::null) return {};
  if (std::optional<std::string> s = string_value(*body.message)) return clip(std::move(*s), 300);
  return clip(body.message->text, 300);
}

// An error carrying the whole response.
inline error response_error(error_kind kind, const http_response& response, std::string message) {
  error e = make_error(kind, std::move(message));
  e.status = response.status;
  e.headers = response.headers;
  e.body = response.body;
  return e;
}

// The error for a 2xx body that did not decode.
inline error success_body_error(const http_response& response, error decoded) {
  error e = std::move(decoded);
  e.message = status_text(response.status) + " body: " + e.message;
  e.status = response.status;
  e.headers = response.headers;
  e.body = response.body;
  return e;
}

// What a call answered by `response` gives: the error a non-2xx status stands for, else what
// `decode(body)` gives, a body that does not decode keeping the response's status and body.
template <class Result, class Decode>
Result parse_success_body(const http_response& response, const decode_limits& limits, Decode decode) {
  if (response.status < 200 || response.status >= 300) return error_from_response(response, limits);
  Result decoded = decode(response.body);
  if (!decoded) return success_body_error(response, std::move(decoded).error());
  return decoded;
}

// Shared by create, retrieve and update.
inline result<channel_connection> parse_connection_response(const http_response& response,
                                                            const decode_limits& limits) {
  return parse_success_body<result<channel_connection>>(
      response, limits, [&](const std::string& body) { return decode_channel_connection(body, limits); });
}

}  // namespace detail

NOVU_CC_API error error_from_response(const http_response& response, const decode_limits& limits) {
  const int status = response.status;
  const bool documented = status == 422 || detail::documents_error_dto(status);
  if (documented && response.body.size() > limits.max_body_bytes) {
    return detail::response_error(error_kind::limit_exceeded, response,
                                  detail::status_text(status) + " with a body of " +
                                      std::to_string(response.body.size()) + " bytes, above the limit of " +
                                      std::to_string(limits.max_body_bytes) + ": not decoded");
  }
  if (status == 422) {
    result<api_error> body = decode_validation_error(response.body, limits);
    if (body) {
      std::string message = detail::status_text(status);
      const std::string text = detail::message_text(*body);
      if (!text.empty()) message += ": " + text;
      for (const constraint_violation& v : *body->errors) {
        message += "; " + detail::clip(v.field, 100) + ":";
        for (const std::string& m : v.messages) message += " " + detail::clip(m, 200);
      }
      error e = detail::response_error(error_kind::validation, response, std::move(message));
      e.api = std::move(*body);
      return e;
    }
  } else if (detail::documents_error_dto(status)) {
    result<api_error> body = decode_api_error(response.body, limits);
    if (body) {
      std::string message = detail::status_text(status);
      const std::string text = detail::message_text(*body);
      if (!text.empty()) message += ": " + text;
      if (body->error_id) message += " (errorId " + detail::clip(*body->error_id, 100) + ")";
      error e = detail::response_error(error_kind::api, response, std::move(message));
      e.api = std::move(*body);
      return e;
    }
    if (body.error().kind == error_kind::limit_exceeded) {
      return detail::response_error(error_kind::limit_exceeded, response,
                                    detail::status_text(status) + " with a body refused: " + body.error().message);
    }
    return detail::response_error(error_kind::http, response,
                                  detail::status_text(status) + " with a body that is not an ErrorDto");
  }
  if (status == 422) {
    // The server's idempotency guard answers 422 with a plain ErrorDto (no `errors`).
    result<api_error> body = decode_api_error(response.body, limits);
    if (!body && body.error().kind == error_kind::limit_exceeded) {
      return detail::response_error(error_kind::limit_exceeded, response,
                                    detail::status_text(status) + " with a body refused: " + body.error().message);
    }
    if (body) {
      std::string message = detail::status_text(status);
      const std::string text = detail::message_text(*body);
      if (!text.empty()) message += ": " + text;
      error e = detail::response_error(error_kind::api, response, std::move(message));
      e.api = std::move(*body);
      return e;
    }
    return detail::response_error(error_kind::http, response,
                                  detail::status_text(status) + " with a body that is not an ErrorDto");
  }
  return detail::response_error(error_kind::http, response, "unexpected " + detail::status_text(status));
}

NOVU_CC_API result<channel_connection_page> parse_list_response(const http_response& response,
                                                                const decode_limits& limits) {
  return detail::parse_success_body<result<channel_connection_page>>(
      response, limits, [&](const std::string& body) { return decode_channel_connection_page(body, limits); });
}

NOVU_CC_API result<void> parse_list_response_into(const http_response& response, channel_connection_page& out,
                                                  const decode_limits& limits) {
  return detail::parse_success_body<result<void>>(response, limits, [&](const std::string& body) {
    return decode_channel_connection_page_into(body, out, limits);
  });
}

NOVU_CC_API result<channel_connection> parse_create_response(const http_response& response,
                                                             const decode_limits& limits) {
  return detail::parse_connection_response(response, limits);
}

NOVU_CC_API result<channel_connection> parse_retrieve_response(const http_response& response,
                                                               const decode_limits& limits) {
  return detail::parse_connection_response(response, limits);
}

NOVU_CC_API result<channel_connection> parse_update_response(const http_response& response,
                                                             const decode_limits& limits) {
  return detail::parse_connection_response(response, limits);
}

NOVU_CC_API result<void> parse_delete_response(const http_response& response, const decode_limits& limits) {
  if (response.status < 200 || response.status >= 300) return error_from_response(response, limits);
  return {};
}

NOVU_CC_NAMESPACE_END
