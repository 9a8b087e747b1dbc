// Implementation of novu/core/detail/call.hpp: the retry loop every resource's synchronous calls
// run, the per-attempt deadline, idempotency keys from the environment, and what a call's error
// says about the attempts it made.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>  // min
#include <cstdint>    // int64_t, uint32_t, uint64_t
#include <string>     // string, to_string
#include <vector>     // vector

#include "novu/core/detail/call.hpp"
#include "novu/core/detail/scrub.hpp"
#include "novu/core/detail/secret_fields.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/impl/error.ipp"
#include "novu/core/impl/request.ipp"
#include "novu/core/impl/response.ipp"
#include "novu/core/impl/retry.ipp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

NOVU_CC_API std::uint32_t attempt_timeout_ms(std::uint32_t call_timeout_ms, const retry_policy& policy,
                                             std::uint64_t elapsed_ms) noexcept {
  if (call_timeout_ms == 0) return 0;
  if (elapsed_ms >= policy.max_elapsed_ms) return 1;
  const std::uint64_t left = policy.max_elapsed_ms - elapsed_ms;
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(call_timeout_ms, left));
}

NOVU_CC_API call_options keyed_options(const call_options& options, const environment_ref& environment) {
  call_options keyed = options;
  if (keyed.idempotency_key.empty()) {
    const std::int64_t unix_ms = environment.unix_ms(environment.self);
    const std::uint64_t bits =
        environment.random_bits != nullptr ? environment.random_bits(environment.self) : thread_random_engine()();
    keyed.idempotency_key = generate_idempotency_key(unix_ms, bits);
  }
  return keyed;
}

NOVU_CC_API retry_decision next_attempt(const retry_policy& policy, int attempts_made, const transport_result& answer,
                                        std::uint64_t started_ms, const environment_ref& environment,
                                        std::uint32_t call_timeout_ms) {
  // Only a non-2xx response or a transport error that another attempt could fix is retried; a
  // transport reporting the request cancelled is final.
  const bool failed =
      answer ? !is_2xx(answer->status) : answer.error().retryable && answer.error().kind != error_kind::cancelled;
  if (!failed) return {};
  static const http_headers no_headers;
  // Asked in a fixed order (as function arguments they would be evaluated in any order).
  const std::uint64_t now_ms = environment.monotonic_ms(environment.self);
  const double jitter = environment.random_unit(environment.self);
  const std::int64_t unix_now_ms = environment.unix_ms(environment.self);
  // A clock that went backwards counts as no time elapsed (max_attempts still bounds the call).
  const std::uint64_t elapsed_ms = now_ms >= started_ms ? now_ms - started_ms : 0;
  const retry_decision next = decide_retry(policy, attempts_made, answer ? answer->status : 0,
                                           answer ? answer->headers : no_headers, elapsed_ms, jitter, unix_now_ms);
  // With a per-call deadline the next attempt needs some of max_elapsed_ms left after its wait.
  if (next.retry && call_timeout_ms != 0 && elapsed_ms + next.delay_ms >= policy.max_elapsed_ms) return {};
  return next;
}

// Milliseconds since `started_ms` on the environment's monotonic clock (0 if it went back).
inline std::uint64_t elapsed_since(std::uint64_t started_ms, const environment_ref& environment) {
  const std::uint64_t now_ms = environment.monotonic_ms(environment.self);
  return now_ms >= started_ms ? now_ms - started_ms : 0;
}

NOVU_CC_API transport_result send_with_retries(const retry_policy& policy, http_request& request,
                                               const sync_transport_ref& transport, const environment_ref& environment,
                                               call_summary& summary) {
  const std::uint64_t started_ms = environment.monotonic_ms(environment.self);
  const std::uint32_t call_timeout_ms = request.timeout_ms;
  for (int attempt = 1;; ++attempt) {
    if (call_timeout_ms != 0) {
      const std::uint64_t elapsed_ms = attempt == 1 ? 0 : elapsed_since(started_ms, environment);
      request.timeout_ms = attempt_timeout_ms(call_timeout_ms, policy, elapsed_ms);
    }
    transport_result answer = transport.send(transport.self, request);
    const retry_decision next = next_attempt(policy, attempt, answer, started_ms, environment, call_timeout_ms);
    if (!next.retry) {
      summary.attempts = attempt;
      if (!answer || !is_2xx(answer->status)) summary.elapsed_ms = elapsed_since(started_ms, environment);
      return answer;
    }
    environment.sleep_ms(environment.self, next.delay_ms);
  }
}

// "850 ms", "2.4 s".
inline std::string duration_text(std::uint64_t ms) {
  if (ms < 1000) return std::to_string(ms) + " ms";
  return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100) + " s";
}

// A header value fit to quote in a message: printable ASCII, at most 64 bytes.
inline std::string quotable(std::string_view value) {
  if (value.size() > 64) return "(" + std::to_string(value.size()) + " bytes, not shown)";
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F) return "(not printable, not shown)";
  }
  return std::string(value);
}

NOVU_CC_API void describe_call(error& e, const call_summary& summary, const client_config& config,
                               const secret_scrubber& secrets) {
  std::vector<std::string> parts;
  const bool asks_to_wait = e.status == 429 || e.status == 503;
  if (asks_to_wait) {
    const http_header* wait = find_header(e.headers, "retry-after-ms");
    if (wait == nullptr) wait = find_header(e.headers, "retry-after");
    parts.push_back(wait == nullptr           ? std::string("no Retry-After header")
                    : wait->name.size() == 11 ? "Retry-After: " + quotable(wait->value)
                                              : "Retry-After-Ms: " + quotable(wait->value));
  }
  if (summary.attempts > 1 || asks_to_wait) {
    std::string attempts = std::to_string(summary.attempts) + (summary.attempts == 1 ? " attempt" : " attempts");
    if (summary.attempts > 1) attempts += " over " + duration_text(summary.elapsed_ms);
    parts.push_back(std::move(attempts));
  }
  if (e.status == 401) {
    const bool eu = config.server_url.compare(0, server_eu.size(), server_eu) == 0;
    parts.push_back(
        "check that secret_key is a valid key and that server_url is its region: this call went to " +
        quotable(config.server_url) +
        (eu ? "; US keys need server_us (https://api.novu.co)" : "; EU keys need server_eu (https://eu.api.novu.co)"));
  }
  if (parts.empty()) return;
  std::string note = " (";
  for (std::size_t i = 0; i < parts.size(); ++i) note += (i == 0 ? "" : "; ") + parts[i];
  note += ")";
  // After "HTTP 429 Too Many Requests", before the server's text (which a cap may cut), or at
  // the end of a transport error's message, which makes room for it first.
  std::size_t at = std::string::npos;
  if (e.status != 0) {
    const std::string status = status_text(e.status);
    const std::size_t found = e.message.find(status);
    if (found != std::string::npos) at = found + status.size();
  }
  if (at == std::string::npos) {
    if (e.message.size() + note.size() > max_error_message_bytes) {
      std::size_t keep = utf8_boundary(e.message, max_error_message_bytes - note.size() - 64);
      const std::size_t backslash = e.message.rfind('\\', keep);
      if (backslash != std::string::npos && keep - backslash < 4) keep = backslash;  // not inside an escape
      e.message.resize(keep);
      e.message += "...";
    }
    at = e.message.size();
  }
  e.message.insert(at, note);
  secrets.scrub(e.message);
  finish_message(e.message);
}

NOVU_CC_API error cancelled_error(const call_summary& summary) {
  error e = make_error(error_kind::cancelled, "cancelled by the caller after " + std::to_string(summary.attempts) +
                                                  (summary.attempts == 1 ? " attempt" : " attempts") + " over " +
                                                  duration_text(summary.elapsed_ms));
  e.retryable = false;
  return e;
}

// The secrets of one call: the configured key and `sent`'s.
inline secret_scrubber call_secrets(const client_config& config, const sent_secrets& sent) {
  secret_scrubber secrets;
  secrets.add(config.secret_key);
  if (sent.table != nullptr) add_secret_fields(secrets, *sent.table, sent.body);
  if (sent.values != nullptr) {
    for (const std::string& value : *sent.values) secrets.add(value);
  }
  return secrets;
}

NOVU_CC_API void redact_call_secrets(error& e, const client_config& config, const sent_secrets& sent) {
  const secret_scrubber secrets = call_secrets(config, sent);
  finish_error(e, &secrets);
}

NOVU_CC_API void describe_call_error(error& e, const call_summary& summary, const client_config& config,
                                     const sent_secrets& sent) {
  describe_call(e, summary, config, call_secrets(config, sent));
}

NOVU_CC_API error final_transport_error(error e, const client_config& config, const sent_secrets& sent) {
  if (e.kind != error_kind::cancelled) e.kind = error_kind::transport;  // a transport may report a cancel
  redact_call_secrets(e, config, sent);
  return e;
}

// Collects values like a secret_scrubber collects patterns.
struct secret_value_list {
  std::vector<std::string>& values;  // where they go
  // Keeps `value` (an empty one masks nothing).
  void add(std::string_view value) {
    if (!value.empty()) values.emplace_back(value);
  }
};

NOVU_CC_API std::vector<std::string> secret_values_of(const type_desc& table, const void* body) {
  std::vector<std::string> values;
  secret_value_list list{values};
  add_secret_fields(list, table, body);
  return values;
}

// A parser that scrubs the call's secrets from the errors it returns.
template <class T>
using secret_aware_parser = result<T> (*)(const http_response&, const decode_limits&, const secret_scrubber*);

// The result of a call whose final answer is `answer`, parsed with `parse`.
template <class T>
result<T> finish_call(transport_result answer, secret_aware_parser<T> parse, const client_config& config,
                      const sent_secrets& sent) {
  if (!answer) return final_transport_error(std::move(answer).error(), config, sent);
  // A success needs no scrubber: a 2xx is parsed without one first, and only a failure to
  // decode it is parsed again with the call's secrets, so its message is scrubbed before it
  // is cut.
  const bool success = is_2xx(answer->status);
  if (success) {
    result<T> parsed = parse(*answer, config.limits, nullptr);
    if (parsed) return parsed;
  }
  const secret_scrubber secrets = call_secrets(config, sent);
  if (!success) {
    // What parse() does for an error status, except that the error takes the body (once it
    // is decoded) instead of copying it: the answer is ours.
    return error_from_response(*answer, config.limits, &secrets, &answer->body);
  }
  return parse(*answer, config.limits, &secrets);
}

NOVU_CC_API result<void> finish_delete_call(transport_result answer, const client_config& config,
                                            const sent_secrets& sent) {
  return finish_call<void>(std::move(answer), &parse_no_content, config, sent);
}

// Builds the request once with `build(keyed options)` (so every attempt carries the same
// idempotency key, generated from the environment when `options` has none), sends it, retries
// per the call's policy, and turns the final answer into the call's result with `finish`; an
// error says what the call went through (describe_call).
template <class T, class Build>
result<T> execute_sync(const sync_call_context& call, const call_options& options, Build build, call_finisher<T> finish,
                       const sent_secrets& sent) {
  const call_options keyed = keyed_options(options, call.environment);
  result<http_request> request = build(keyed);
  if (!request) {
    redact_call_secrets(request.error(), call.config, sent);
    return std::move(request).error();
  }
  call_summary summary;
  transport_result answer =
      send_with_retries(call_policy(call.config, keyed), *request, call.transport, call.environment, summary);
  result<T> outcome = finish(std::move(answer), call.config, sent);
  if (!outcome) describe_call_error(outcome.error(), summary, call.config, sent);
  return outcome;
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
