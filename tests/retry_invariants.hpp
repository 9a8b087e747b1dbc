// The invariants decide_retry keeps for every input, shared by the property test
// (tests/unit-edge-cases.cpp) and the fuzz target (tests/fuzz/fuzz_retry.cpp).
#pragma once

#include <cstdint>  // int64_t, uint64_t
#include <string>   // string

#include "novu/core/retry.hpp"

namespace retry_invariants {

// What decide_retry breaks for this input, or "" when every bound holds: deterministic, no
// retry once attempts_made >= max_attempts, delay <= max_interval_ms, no delay without a
// retry, elapsed + delay <= max_elapsed_ms (checked without wrap-around), and only statuses the
// policy retries.
inline std::string violated(const novu::retry_policy& p, int attempts, int status, const novu::http_headers& headers,
                            std::uint64_t elapsed, double jitter, std::int64_t now) {
  const novu::retry_decision d = novu::decide_retry(p, attempts, status, headers, elapsed, jitter, now);
  const novu::retry_decision again = novu::decide_retry(p, attempts, status, headers, elapsed, jitter, now);
  if (d.retry != again.retry || d.delay_ms != again.delay_ms) return "not deterministic";
  if (attempts >= p.max_attempts && d.retry) return "retry with attempts_made >= max_attempts";
  if (d.delay_ms > p.max_interval_ms) return "delay_ms > max_interval_ms";
  if (!d.retry && d.delay_ms != 0) return "no retry, yet a delay";
  if (d.retry && (d.delay_ms > p.max_elapsed_ms || elapsed > p.max_elapsed_ms - d.delay_ms)) {
    return "retry whose wait ends after max_elapsed_ms";
  }
  bool retryable = false;
  if (status == 0) {
    retryable = p.retry_transport_errors;
  } else if (status >= 500 && status <= 599 && p.retry_server_errors) {
    retryable = true;
  } else {
    retryable = p.retry_statuses.contains(status);
  }
  if (d.retry && !retryable) return "retry of a status the policy does not retry";
  return "";
}

}  // namespace retry_invariants
