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

#include "../retry_invariants.hpp"
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

  const std::string violation = retry_invariants::violated(p, attempts, status, headers, elapsed, jitter, now);
  if (!violation.empty()) std::fprintf(stderr, "decide_retry: %s\n", violation.c_str());
  NOVU_FUZZ_CHECK(violation.empty(), "decide_retry broke a bound");
  return 0;
}
