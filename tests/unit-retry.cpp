// The retry policy as a pure function.
#include <doctest/doctest.h>

#include <limits>

#include "test_support.hpp"

namespace {
novu::retry_decision decide(int attempts, int status, novu::http_headers headers = {}, std::uint64_t elapsed = 0,
                            double jitter = 0.0, const novu::retry_policy& policy = {}) {
  return novu::decide_retry(policy, attempts, status, headers, elapsed, jitter, 1767225600000);
}
}  // namespace

TEST_CASE("defaults retry 408, 409 with Retry-After, 429, 5xx and transport errors, nothing else") {
  for (int status : {0, 408, 429, 500, 502, 503, 504, 599}) {
    CAPTURE(status);
    CHECK(decide(1, status).retry);
  }
  for (int status : {400, 401, 403, 404, 405, 409, 413, 414, 415, 422, 301, 600}) {
    CAPTURE(status);
    CHECK_FALSE(decide(1, status).retry);
  }
  // A 409 is transient only with Retry-After (or Retry-After-Ms), whatever its value.
  CHECK(decide(1, 409, {{"Retry-After", "1"}}).retry);
  CHECK(decide(1, 409, {{"Retry-After", "1"}}).delay_ms == 1000);
  CHECK(decide(1, 409, {{"retry-after-ms", "250"}}).retry);
  CHECK(decide(1, 409, {{"Retry-After", "soon"}}).retry);
  // The SDK's behaviour, on request: every 409 retried.
  novu::retry_policy sdk_like;
  sdk_like.retry_conflicts_without_retry_after = true;
  CHECK(decide(1, 409, {}, 0, 0.0, sdk_like).retry);
  // Without 409 among the statuses, not even a transient one is retried.
  novu::retry_policy no_conflicts;
  no_conflicts.retry_statuses.erase(409);
  CHECK_FALSE(decide(1, 409, {{"Retry-After", "1"}}, 0, 0.0, no_conflicts).retry);
}

TEST_CASE("back-off: initial * n^1.5 + jitter, capped per wait") {
  CHECK(decide(1, 500, {}, 0, 0.0).delay_ms == 0);
  CHECK(decide(1, 500, {}, 0, 0.5).delay_ms == 500);
  CHECK(decide(2, 500, {}, 0, 0.0).delay_ms == 1000);
  CHECK(decide(3, 500, {}, 0, 0.0).delay_ms == 2828);
  novu::retry_policy many;
  many.max_attempts = 100;
  many.max_elapsed_ms = 10000000;
  CHECK(decide(11, 500, {}, 0, 0.0, many).delay_ms == 30000);
  CHECK(decide(50, 500, {}, 0, 0.99, many).delay_ms == 30000);
}

TEST_CASE("Retry-After-Ms, then Retry-After (seconds or HTTP-date) take precedence, capped") {
  CHECK(decide(1, 429, {{"Retry-After", "2"}}).delay_ms == 2000);
  CHECK(decide(1, 429, {{"retry-after-ms", "1234"}, {"Retry-After", "9"}}).delay_ms == 1234);
  CHECK(decide(1, 429, {{"Retry-After", "120"}}).delay_ms == 30000);
  CHECK(decide(1, 503, {{"Retry-After", "Thu, 01 Jan 2026 00:00:05 GMT"}}).delay_ms == 5000);
  CHECK(decide(1, 503, {{"Retry-After", "Thu, 01 Jan 2026 00:00:00 GMT"}}, 0, 0.25).delay_ms == 250);  // past: back-off
  CHECK(decide(1, 429, {{"Retry-After", "0"}}, 0, 0.5).delay_ms == 500);
  CHECK(decide(1, 429, {{"Retry-After", "soon"}}, 0, 0.5).delay_ms == 500);
}

TEST_CASE("attempts and total time are bounded; retries can be turned off") {
  CHECK(decide(3, 500).retry);
  CHECK_FALSE(decide(4, 500).retry);
  CHECK_FALSE(decide(1, 429, {{"Retry-After", "30"}}, 40000).retry);
  CHECK(decide(1, 429, {{"Retry-After", "30"}}, 30000).retry);
  CHECK_FALSE(decide(1, 500, {}, 0, 0.0, novu::retry_policy::disabled()).retry);
  novu::retry_policy no_transport;
  no_transport.retry_transport_errors = false;
  CHECK_FALSE(decide(1, 0, {}, 0, 0.0, no_transport).retry);
}

TEST_CASE("the default policy gives up within its bounds even against a server that always fails") {
  const novu::retry_policy policy;
  std::uint64_t elapsed = 0;
  int attempts = 1;
  for (;; ++attempts) {
    const novu::retry_decision d = decide(attempts, 503, {{"Retry-After", "30"}}, elapsed, 0.0, policy);
    if (!d.retry) break;
    elapsed += d.delay_ms;
  }
  CHECK(attempts <= policy.max_attempts);
  CHECK(elapsed <= policy.max_elapsed_ms);
}

TEST_CASE("a policy with unusable numbers still gives a bounded wait") {
  novu::retry_policy odd;
  odd.exponent = std::numeric_limits<double>::quiet_NaN();
  odd.max_elapsed_ms = 1000000;
  CHECK(decide(3, 500, {}, 0, 0.0, odd).delay_ms == odd.max_interval_ms);  // pow(2, NaN)
  CHECK(decide(0, 500, {}, 0, 0.0).delay_ms <= novu::retry_policy{}.max_interval_ms);
  novu::retry_policy zero;
  zero.initial_interval_ms = 0;
  zero.exponent = -3.0;
  CHECK(decide(1, 500, {}, 0, 0.0, zero).retry);
}

TEST_CASE("retry_statuses is a set of codes 100..599 the caller can change") {
  novu::retry_policy policy;
  policy.retry_statuses.erase(409);
  policy.retry_statuses.insert(425);
  CHECK_FALSE(decide(1, 409, {}, 0, 0.0, policy).retry);
  CHECK(decide(1, 425, {}, 0, 0.0, policy).retry);
  CHECK(decide(1, 429, {}, 0, 0.0, policy).retry);
  policy.retry_statuses = {};
  CHECK(policy.retry_statuses.empty());
  CHECK_FALSE(decide(1, 429, {}, 0, 0.0, policy).retry);
  CHECK(decide(1, 503, {}, 0, 0.0, policy).retry);  // 5xx are governed by retry_server_errors

  // Every code in range is its own member; codes outside are never members.
  novu::http_status_set set;
  for (int status = 100; status <= 599; status += 7) set.insert(status);
  for (int status = 90; status <= 610; ++status) {
    CAPTURE(status);
    CHECK(set.contains(status) == (status >= 100 && status <= 599 && (status - 100) % 7 == 0));
  }
  set.insert(99);
  set.insert(600);
  set.insert(-1);
  CHECK_FALSE(set.contains(99));
  CHECK_FALSE(set.contains(600));
  CHECK_FALSE(set.contains(-1));
  constexpr novu::http_status_set compile_time{100, 163, 164, 599};
  static_assert(compile_time.contains(163) && compile_time.contains(164) && compile_time.contains(599), "");
  static_assert(!compile_time.contains(165) && !compile_time.empty(), "");
}
