// The call machinery every resource's synchronous client shares: the transport and environment
// behind function pointers, and the retry loop compiled once over them.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>      // int64_t, uint32_t, uint64_t
#include <type_traits>  // is_same, decay_t
#include <utility>      // declval

#include "novu/core/http.hpp"
#include "novu/core/result.hpp"
#include "novu/core/retry.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// A client's clock, sleep and random source behind plain function pointers, so that the retry
// logic is compiled once (in the implementation) instead of in every translation unit.
struct environment_ref {
  void* self;                                         // the client's Environment
  std::uint64_t (*monotonic_ms)(void* self);          // Environment::monotonic_ms
  std::int64_t (*unix_ms)(void* self);                // Environment::unix_ms
  void (*sleep_ms)(void* self, std::uint32_t delay);  // Environment::sleep_ms
  double (*random_unit)(void* self);                  // Environment::random_unit
};

// The environment_ref of `environment`, which must outlive it.
template <class Environment>
environment_ref make_environment_ref(Environment& environment) noexcept {
  return {&environment, [](void* self) -> std::uint64_t { return static_cast<Environment*>(self)->monotonic_ms(); },
          [](void* self) -> std::int64_t { return static_cast<Environment*>(self)->unix_ms(); },
          [](void* self, std::uint32_t delay) { static_cast<Environment*>(self)->sleep_ms(delay); },
          [](void* self) -> double { return static_cast<Environment*>(self)->random_unit(); }};
}

// A synchronous transport behind a function pointer.
struct sync_transport_ref {
  void* self;                                                         // the client's Transport
  transport_result (*send)(void* self, const http_request& request);  // calls it once
};

// The sync_transport_ref of a transport that returns either `transport_result` or a plain
// `http_response`.
template <class Transport>
sync_transport_ref make_sync_transport_ref(Transport& transport) noexcept {
  using returned = std::decay_t<decltype(transport(std::declval<const http_request&>()))>;
  static_assert(std::is_same<returned, transport_result>::value || std::is_same<returned, http_response>::value,
                "a sync transport takes `const novu::http_request&` and returns novu::transport_result "
                "or novu::http_response");
  return {&transport, [](void* self, const http_request& request) -> transport_result {
            return (*static_cast<Transport*>(self))(request);
          }};
}

// Whether to try again after `answer` (attempt number `attempts_made`, the first attempt having
// begun at monotonic `started_ms`), and after how long. Asks `environment` for time and
// randomness only when the answer is a non-2xx response or a retryable transport error.
NOVU_CC_API retry_decision next_attempt(const retry_policy& policy, int attempts_made, const transport_result& answer,
                                        std::uint64_t started_ms, const environment_ref& environment);

// Sends `request` through `transport` until an answer is final under `policy`, sleeping through
// `environment` between attempts; returns the final answer.
NOVU_CC_API transport_result send_with_retries(const retry_policy& policy, const http_request& request,
                                               const sync_transport_ref& transport, const environment_ref& environment);

}  // namespace detail
NOVU_CC_NAMESPACE_END
