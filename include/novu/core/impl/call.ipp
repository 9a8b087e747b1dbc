// Implementation of novu/core/call.hpp: the retry loop every resource's synchronous calls run.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>  // int64_t, uint64_t

#include "novu/core/detail/call.hpp"
#include "novu/core/impl/response.ipp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

NOVU_CC_API retry_decision next_attempt(const retry_policy& policy, int attempts_made, const transport_result& answer,
                                        std::uint64_t started_ms, const environment_ref& environment) {
  // Only a non-2xx response or a transport error that another attempt could fix is retried.
  const bool failed = answer ? !is_2xx(answer->status) : answer.error().retryable;
  if (!failed) return {};
  static const http_headers no_headers;
  // Asked in a fixed order (as function arguments they would be evaluated in any order).
  const std::uint64_t now_ms = environment.monotonic_ms(environment.self);
  const double jitter = environment.random_unit(environment.self);
  const std::int64_t unix_now_ms = environment.unix_ms(environment.self);
  // A clock that went backwards counts as no time elapsed (max_attempts still bounds the call).
  const std::uint64_t elapsed_ms = now_ms >= started_ms ? now_ms - started_ms : 0;
  return decide_retry(policy, attempts_made, answer ? answer->status : 0, answer ? answer->headers : no_headers,
                      elapsed_ms, jitter, unix_now_ms);
}

NOVU_CC_API transport_result send_with_retries(const retry_policy& policy, const http_request& request,
                                               const sync_transport_ref& transport,
                                               const environment_ref& environment) {
  const std::uint64_t started_ms = environment.monotonic_ms(environment.self);
  for (int attempt = 1;; ++attempt) {
    transport_result answer = transport.send(transport.self, request);
    const retry_decision next = next_attempt(policy, attempt, answer, started_ms, environment);
    if (!next.retry) return answer;
    environment.sleep_ms(environment.self, next.delay_ms);
  }
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
