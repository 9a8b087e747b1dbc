// Retry policy as a pure function, and the environment (clock, sleep, randomness) the clients
// use to apply it. Defaults follow Novu's back-off but stop much sooner than the official SDK,
// which keeps retrying for an hour.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 9
#endif
// NOVU_CC_STANDALONE }

#include <cstdint>           // uint32_t, uint64_t, int64_t
#include <initializer_list>  // initializer_list

#include "novu/core/http.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// A set of HTTP status codes (100..599) as a fixed-size bit set: no allocation, cheap to copy.
/// Codes outside 100..599 are never members; inserting one does nothing.
class http_status_set {
 public:
  /// The empty set.
  constexpr http_status_set() noexcept = default;
  /// The set of `statuses`, e.g. `{408, 409, 429}`.
  constexpr http_status_set(std::initializer_list<int> statuses) noexcept {  // NOLINT(google-explicit-constructor)
    for (int status : statuses) insert(status);
  }
  /// Adds `status` (ignored outside 100..599).
  constexpr void insert(int status) noexcept {
    if (in_range(status)) words_[index(status) / 64] |= bit(status);
  }
  /// Removes `status`.
  constexpr void erase(int status) noexcept {
    if (in_range(status)) words_[index(status) / 64] &= ~bit(status);
  }
  /// True when `status` is in the set.
  constexpr bool contains(int status) const noexcept {
    return in_range(status) && (words_[index(status) / 64] & bit(status)) != 0;
  }
  /// True when no status is in the set.
  constexpr bool empty() const noexcept {
    for (std::uint64_t word : words_) {
      if (word != 0) return false;
    }
    return true;
  }

 private:
  static constexpr bool in_range(int status) noexcept { return status >= 100 && status <= 599; }
  static constexpr unsigned index(int status) noexcept { return static_cast<unsigned>(status - 100); }
  static constexpr std::uint64_t bit(int status) noexcept { return std::uint64_t{1} << (index(status) % 64); }

  std::uint64_t words_[8] = {};  // bit (status - 100) of 500
};

/// When and how often a failed attempt is tried again.
struct retry_policy {
  /// Attempts in all, the first included; 1 (or less) turns retries off. Default: 4.
  int max_attempts = 4;
  /// No retry whose wait would end more than this long after the first attempt began.
  std::uint64_t max_elapsed_ms = 60000;
  /// Back-off before retry n (n = 0, 1, ...): min(max_interval, initial * n^exponent + jitter).
  std::uint32_t initial_interval_ms = 1000;
  /// Growth of the back-off.
  double exponent = 1.5;
  /// Upper bound of any single wait, Retry-After included.
  std::uint32_t max_interval_ms = 30000;
  /// Jitter added to the back-off: uniform in [0, jitter_ms).
  std::uint32_t jitter_ms = 1000;
  /// Retry when the transport failed (connection refused, reset, timeout).
  bool retry_transport_errors = true;
  /// Retry on any 5xx status.
  bool retry_server_errors = true;
  /// Further statuses to retry on, e.g. `policy.retry_statuses.insert(425)`. A 409 among them
  /// is retried only when it carries Retry-After or Retry-After-Ms (see below).
  http_status_set retry_statuses{408, 409, 429};
  /// Also retry a 409 without Retry-After / Retry-After-Ms. Off by default: the server sends
  /// Retry-After on its only transient 409 (a request with the same idempotency key still in
  /// progress), and a 409 without it is a permanent conflict ("... already exists") that
  /// another attempt cannot fix. `true` retries every 409, as the official SDK does.
  bool retry_conflicts_without_retry_after = false;

  /// A policy that never retries.
  static retry_policy disabled() {
    retry_policy p;
    p.max_attempts = 1;
    return p;
  }
};

/// What to do after a failed attempt.
struct retry_decision {
  bool retry = false;          ///< try again
  std::uint32_t delay_ms = 0;  ///< after waiting this long
};

/// Decides about the next attempt, purely from its inputs.
/// `attempts_made` >= 1; `status` is the HTTP status, or 0 when the transport failed;
/// `headers` the response headers (Retry-After-Ms, then Retry-After as delta-seconds or
/// HTTP-date, take precedence over the back-off, capped at max_interval_ms); `elapsed_ms`
/// the time since the first attempt began; `jitter` a sample from [0, 1); `unix_now_ms` the
/// wall clock, to read an HTTP-date. A 409 without Retry-After or Retry-After-Ms is final
/// unless `retry_conflicts_without_retry_after` (see is_transient_conflict).
/// For every value of every input (and of every policy field) the answer is defined and
/// bounded: no retry once `attempts_made >= max_attempts`; `delay_ms <= max_interval_ms`; and
/// a retry only when `elapsed_ms + delay_ms <= max_elapsed_ms` (exactly, without wrap-around).
/// An `attempts_made` below 1 counts as 1; a `jitter` outside [0, 1) (NaN included) as 0; a
/// back-off that is not a number (NaN exponent, 0 to a negative power...) as max_interval_ms.
NOVU_CC_API retry_decision decide_retry(const retry_policy& policy, int attempts_made, int status,
                                        const http_headers& headers, std::uint64_t elapsed_ms, double jitter,
                                        std::int64_t unix_now_ms);

/// True for a 409 the server means as transient: one that carries a Retry-After or
/// Retry-After-Ms header (whatever its value), as the idempotency "request in progress" 409 does.
NOVU_CC_API bool is_transient_conflict(int status, const http_headers& headers) noexcept;

/// The real clock, sleep and random source. Thread-safe. Tests substitute a type with the same
/// member functions: `monotonic_ms`, `unix_ms` and `random_unit` always, `sleep_ms` for the
/// sync client, `random_bits` optionally (without it, idempotency keys take their randomness
/// from an OS-seeded generator).
struct system_environment {
  /// Milliseconds of a monotonic clock.
  NOVU_CC_API std::uint64_t monotonic_ms() const;
  /// Milliseconds since the Unix epoch.
  NOVU_CC_API std::int64_t unix_ms() const;
  /// Blocks the calling thread (sync client only; the async client uses its timer).
  NOVU_CC_API void sleep_ms(std::uint32_t milliseconds) const;
  /// A uniform sample from [0, 1).
  NOVU_CC_API double random_unit() const;
  /// 64 random bits for idempotency keys, from the thread's OS-seeded generator.
  NOVU_CC_API std::uint64_t random_bits() const;
};

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 9
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation_light.hpp"
#endif
// NOVU_CC_STANDALONE }
