// Implementation of novu/core/retry.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // min
#include <chrono>       // steady_clock, system_clock
#include <cmath>        // pow
#include <cstdint>      // int64_t, uint32_t, uint64_t
#include <optional>     // optional
#include <random>       // random_device, mt19937_64
#include <string_view>  // string_view
#include <thread>       // this_thread::sleep_for

#include "novu/core/retry.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// A non-negative decimal number of at most 12 digits (leading/trailing blanks allowed).
inline std::optional<std::uint64_t> parse_delay_number(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  const std::size_t dot = text.find('.');
  const std::string_view digits = text.substr(0, dot);
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (dot != std::string_view::npos) {
    for (char c : text.substr(dot + 1)) {
      if (c < '0' || c > '9') return std::nullopt;
    }
  }
  return value;
}

// Days since 1970-01-01 of a proleptic Gregorian date.
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Unix milliseconds of an IMF-fixdate such as "Sun, 06 Nov 1994 08:49:37 GMT".
inline std::optional<std::int64_t> parse_http_date(std::string_view text) {
  if (text.size() != 29 || text[3] != ',' || text.substr(26) != "GMT") return std::nullopt;
  static constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
  auto num = [&](std::size_t at, std::size_t len) -> int {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const int day = num(5, 2);
  const std::size_t month_at = months.find(text.substr(8, 3));
  const int year = num(12, 4);
  const int hour = num(17, 2);
  const int minute = num(20, 2);
  const int second = num(23, 2);
  if (day < 1 || day > 31 || month_at == std::string_view::npos || month_at % 3 != 0 || year < 0 || hour < 0 ||
      hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month_at / 3 + 1), static_cast<unsigned>(day));
  return ((days * 24 + hour) * 60 + minute) * 60000LL + second * 1000LL;
}

// The wait a response asks for through Retry-After-Ms or Retry-After, if positive.
inline std::optional<std::uint64_t> server_delay_ms(const http_headers& headers, std::int64_t unix_now_ms) {
  if (const http_header* h = find_header(headers, "retry-after-ms")) {
    if (std::optional<std::uint64_t> ms = parse_delay_number(h->value)) {
      if (*ms > 0) return ms;
    }
  }
  if (const http_header* h = find_header(headers, "retry-after")) {
    if (std::optional<std::uint64_t> seconds = parse_delay_number(h->value)) {
      if (*seconds > 0) return *seconds * 1000;
    } else if (std::optional<std::int64_t> at = parse_http_date(h->value)) {
      // The difference in unsigned arithmetic: a date is within +-2^48 ms of the epoch, so
      // `*at - unix_now_ms` fits in 64 unsigned bits for any clock, INT64_MIN included, where
      // the signed subtraction would overflow.
      if (*at > unix_now_ms) return static_cast<std::uint64_t>(*at) - static_cast<std::uint64_t>(unix_now_ms);
    }
  }
  return std::nullopt;
}

// The thread's random engine, seeded from the OS once per thread.
inline std::mt19937_64& thread_random_engine() {
  thread_local std::mt19937_64 engine = [] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }();
  return engine;
}

}  // namespace detail

NOVU_CC_API bool is_transient_conflict(int status, const http_headers& headers) noexcept {
  return status == 409 &&
         (find_header(headers, "retry-after") != nullptr || find_header(headers, "retry-after-ms") != nullptr);
}

NOVU_CC_API retry_decision decide_retry(const retry_policy& policy, int attempts_made, int status,
                                        const http_headers& headers, std::uint64_t elapsed_ms, double jitter,
                                        std::int64_t unix_now_ms) {
  if (attempts_made >= policy.max_attempts) return {};
  bool retryable = false;
  if (status == 0) {
    retryable = policy.retry_transport_errors;
  } else if (status >= 500 && status <= 599 && policy.retry_server_errors) {
    retryable = true;
  } else {
    retryable = policy.retry_statuses.contains(status);
    // A 409 without Retry-After is a permanent conflict ("... already exists").
    if (retryable && status == 409 && !policy.retry_conflicts_without_retry_after) {
      retryable = is_transient_conflict(status, headers);
    }
  }
  if (!retryable) return {};

  std::uint64_t delay = 0;
  if (std::optional<std::uint64_t> asked = detail::server_delay_ms(headers, unix_now_ms)) {
    delay = *asked;
  } else {
    if (!(jitter >= 0.0 && jitter < 1.0)) jitter = 0.0;  // NaN, infinite, negative or >= 1
    // Retry n = attempts_made - 1, computed without int overflow; attempts_made < 1 (a caller's
    // bug) counts as the first attempt.
    const double n = attempts_made > 1 ? static_cast<double>(attempts_made) - 1.0 : 0.0;
    const double backoff = static_cast<double>(policy.initial_interval_ms) * std::pow(n, policy.exponent) +
                           jitter * static_cast<double>(policy.jitter_ms);
    // NaN (a NaN exponent, 0 times an infinite power) or a negative value means no usable back-off:
    // wait the longest allowed interval rather than convert an unrepresentable number.
    if (!(backoff >= 0.0) || backoff >= static_cast<double>(policy.max_interval_ms)) {
      delay = policy.max_interval_ms;
    } else {
      delay = static_cast<std::uint64_t>(backoff);
    }
  }
  delay = std::min<std::uint64_t>(delay, policy.max_interval_ms);
  // elapsed_ms + delay <= max_elapsed_ms, written so that no sum can wrap around (an elapsed
  // time near UINT64_MAX, from a clock that went backwards, must not allow a retry).
  if (elapsed_ms > policy.max_elapsed_ms || delay > policy.max_elapsed_ms - elapsed_ms) return {};
  return retry_decision{true, static_cast<std::uint32_t>(delay)};
}

NOVU_CC_API std::uint64_t system_environment::monotonic_ms() const {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

NOVU_CC_API std::int64_t system_environment::unix_ms() const {
  return static_cast<std::int64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
}

NOVU_CC_API void system_environment::sleep_ms(std::uint32_t milliseconds) const {
  std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
}

NOVU_CC_API double system_environment::random_unit() const {
  return static_cast<double>(detail::thread_random_engine()() >> 11) * (1.0 / 9007199254740992.0);
}

NOVU_CC_API std::uint64_t system_environment::random_bits() const { return detail::thread_random_engine()(); }

NOVU_CC_NAMESPACE_END
