// libFuzzer target: decide_retry fed any policy, attempt count, status, elapsed time, jitter,
// wall clock and headers. FuzzedDataProvider takes the numbers from the back of the input (every
// policy field included, NaN and infinities as the bytes give them) and up to four headers
// (a Retry-After variant or another name, then its value) from the front. Whatever the input:
// no undefined behaviour (UBSan), the same answer twice, no retry once attempts_made >=
// max_attempts, delay_ms <= max_interval_ms, delay_ms == 0 without a retry, a retry only for a
// status the policy retries, and a retry only when elapsed_ms + delay_ms <= max_elapsed_ms.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>  // uint8_t, uint32_t, uint64_t, int64_t
#include <string>   // string

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  novu::retry_policy p;
  p.max_attempts = in.ConsumeIntegral<int>();
  p.max_elapsed_ms = in.ConsumeIntegral<std::uint64_t>();
  p.initial_interval_ms = in.ConsumeIntegral<std::uint32_t>();
  p.exponent = in.ConsumeBool() ? in.ConsumeFloatingPoint<double>() : in.ConsumeFloatingPointInRange(-4.0, 4.0);
  p.max_interval_ms = in.ConsumeIntegral<std::uint32_t>();
  p.jitter_ms = in.ConsumeIntegral<std::uint32_t>();
  p.retry_transport_errors = in.ConsumeBool();
  p.retry_server_errors = in.ConsumeBool();
  p.retry_statuses = {};
  for (int i = in.ConsumeIntegralInRange(0, 3); i > 0; --i) p.retry_statuses.insert(in.ConsumeIntegral<int>());
  if (in.ConsumeBool()) p.retry_statuses.insert(429);
  const int attempts = in.ConsumeIntegral<int>();
  const int status = in.ConsumeBool() ? in.ConsumeIntegralInRange(0, 600) : in.ConsumeIntegral<int>();
  const std::uint64_t elapsed = in.ConsumeIntegral<std::uint64_t>();
  const double jitter = in.ConsumeBool() ? in.ConsumeFloatingPoint<double>() : in.ConsumeProbability<double>();
  const std::int64_t now = in.ConsumeIntegral<std::int64_t>();
  static const char* const names[] = {"Retry-After", "retry-after-ms", "RETRY-AFTER", "X-Other"};
  novu::http_headers headers;
  for (int i = in.ConsumeIntegralInRange(0, 4); i > 0 && in.remaining_bytes() > 0; --i) {
    const char* name = names[in.ConsumeIntegralInRange<std::size_t>(0, 3)];
    headers.push_back({name, in.ConsumeRandomLengthString(64)});
  }

  const novu::retry_decision d = novu::decide_retry(p, attempts, status, headers, elapsed, jitter, now);
  const novu::retry_decision again = novu::decide_retry(p, attempts, status, headers, elapsed, jitter, now);
  NOVU_FUZZ_CHECK(d.retry == again.retry && d.delay_ms == again.delay_ms, "decide_retry is not deterministic");
  NOVU_FUZZ_CHECK(!(d.retry && attempts >= p.max_attempts), "retry with attempts_made >= max_attempts");
  NOVU_FUZZ_CHECK(d.delay_ms <= p.max_interval_ms, "delay_ms > max_interval_ms");
  NOVU_FUZZ_CHECK(d.retry || d.delay_ms == 0, "a delay without a retry");
  // elapsed + delay <= max_elapsed, checked without wrap-around.
  NOVU_FUZZ_CHECK(!d.retry || (d.delay_ms <= p.max_elapsed_ms && elapsed <= p.max_elapsed_ms - d.delay_ms),
                  "a retry whose wait ends after max_elapsed_ms");
  bool retryable = false;
  if (status == 0) {
    retryable = p.retry_transport_errors;
  } else if (status >= 500 && status <= 599 && p.retry_server_errors) {
    retryable = true;
  } else {
    retryable = p.retry_statuses.contains(status);
  }
  NOVU_FUZZ_CHECK(!d.retry || retryable, "a retry of a status the policy does not retry");
  return 0;
}
