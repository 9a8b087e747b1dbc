// The call machinery every resource's synchronous client shares: the transport and environment
// behind function pointers, and the retry loop compiled once over them.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // int64_t, uint32_t, uint64_t
#include <optional>     // optional
#include <string>       // string
#include <type_traits>  // is_same, decay_t, void_t, true_type, false_type
#include <utility>      // declval, as_const, move
#include <vector>       // vector

#include "novu/core/config.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/pagination.hpp"
#include "novu/core/result.hpp"
#include "novu/core/retry.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

class secret_scrubber;
struct type_desc;

// Whether an Environment has each member the clients call (detected, so that a missing one is
// reported by a static_assert in plain words instead of an error deep inside a lambda).
template <class E, class = void>
struct has_monotonic_ms : std::false_type {};
template <class E>
struct has_monotonic_ms<E, std::void_t<decltype(std::uint64_t{std::declval<E&>().monotonic_ms()})>> : std::true_type {};
template <class E, class = void>
struct has_unix_ms : std::false_type {};
template <class E>
struct has_unix_ms<E, std::void_t<decltype(std::int64_t{std::declval<E&>().unix_ms()})>> : std::true_type {};
template <class E, class = void>
struct has_random_unit : std::false_type {};
template <class E>
struct has_random_unit<E, std::void_t<decltype(double{std::declval<E&>().random_unit()})>> : std::true_type {};
template <class E, class = void>
struct has_sleep_ms : std::false_type {};
template <class E>
struct has_sleep_ms<E, std::void_t<decltype(std::declval<E&>().sleep_ms(std::uint32_t{}))>> : std::true_type {};
template <class E, class = void>
struct has_random_bits : std::false_type {};
template <class E>
struct has_random_bits<E, std::void_t<decltype(std::uint64_t{std::declval<E&>().random_bits()})>> : std::true_type {};

// Reports each member of `Environment` a client needs and lacks (`sleep_ms` only for the sync
// client); true when nothing is missing.
template <class Environment, bool needs_sleep>
constexpr bool check_environment() noexcept {
  static_assert(has_monotonic_ms<Environment>::value,
                "novu: the Environment has no `std::uint64_t monotonic_ms() const` member (a monotonic clock in "
                "milliseconds, used to bound retries)");
  static_assert(has_unix_ms<Environment>::value,
                "novu: the Environment has no `std::int64_t unix_ms() const` member (the wall clock in Unix "
                "milliseconds, used for Retry-After dates and idempotency keys)");
  static_assert(has_random_unit<Environment>::value,
                "novu: the Environment has no `double random_unit() const` member (a uniform sample from [0, 1), "
                "used for retry jitter)");
  static_assert(!needs_sleep || has_sleep_ms<Environment>::value,
                "novu: the Environment has no `void sleep_ms(std::uint32_t) const` member: the sync client sleeps "
                "through it between retries (the async client does not need it)");
  return has_monotonic_ms<Environment>::value && has_unix_ms<Environment>::value &&
         has_random_unit<Environment>::value && (!needs_sleep || has_sleep_ms<Environment>::value);
}

// A client's clock, sleep and random source behind plain function pointers, so that the retry
// logic is compiled once (in the implementation) instead of in every translation unit.
struct environment_ref {
  void* self;                                         // the client's Environment
  std::uint64_t (*monotonic_ms)(void* self);          // Environment::monotonic_ms
  std::int64_t (*unix_ms)(void* self);                // Environment::unix_ms
  void (*sleep_ms)(void* self, std::uint32_t delay);  // Environment::sleep_ms; null for an async client
  double (*random_unit)(void* self);                  // Environment::random_unit
  std::uint64_t (*random_bits)(void* self);           // Environment::random_bits; null: the OS-seeded generator
};

// Environment::random_bits behind a function pointer, or null when it has none.
template <class Environment>
constexpr std::uint64_t (*random_bits_of() noexcept)(void*) {
  if constexpr (has_random_bits<Environment>::value) {
    return [](void* self) -> std::uint64_t { return static_cast<Environment*>(self)->random_bits(); };
  } else {
    return nullptr;
  }
}

// The environment_ref of `environment`, which must outlive it; `with_sleep` false leaves
// sleep_ms null (the async client waits through its timer).
template <bool with_sleep, class Environment>
environment_ref make_environment_ref_of(Environment& environment) noexcept {
  if constexpr (check_environment<Environment, with_sleep>()) {
    environment_ref ref{&environment,
                        [](void* self) -> std::uint64_t { return static_cast<Environment*>(self)->monotonic_ms(); },
                        [](void* self) -> std::int64_t { return static_cast<Environment*>(self)->unix_ms(); },
                        nullptr,
                        [](void* self) -> double { return static_cast<Environment*>(self)->random_unit(); },
                        random_bits_of<Environment>()};
    if constexpr (with_sleep) {
      ref.sleep_ms = [](void* self, std::uint32_t delay) { static_cast<Environment*>(self)->sleep_ms(delay); };
    }
    return ref;
  } else {
    return environment_ref{};
  }
}

// The environment_ref of a sync client's `environment`, which must outlive it.
template <class Environment>
environment_ref make_environment_ref(Environment& environment) noexcept {
  return make_environment_ref_of<true>(environment);
}

// A synchronous transport behind a function pointer.
struct sync_transport_ref {
  void* self;                                                         // the client's Transport
  transport_result (*send)(void* self, const http_request& request);  // calls it once
};

// Whether `Transport` can be called as a sync transport, and what it returns then.
template <class Transport, class = void>
struct sync_transport_call : std::false_type {
  using returned = void;
};
template <class Transport>
struct sync_transport_call<Transport,
                           std::void_t<decltype(std::declval<Transport&>()(std::declval<const http_request&>()))>>
    : std::true_type {
  using returned = std::decay_t<decltype(std::declval<Transport&>()(std::declval<const http_request&>()))>;
};

// The sync_transport_ref of a transport that returns either `transport_result` or a plain
// `http_response`.
template <class Transport>
sync_transport_ref make_sync_transport_ref(Transport& transport) noexcept {
  using call = sync_transport_call<Transport>;
  static_assert(call::value,
                "novu: the sync transport cannot be called as `transport(const novu::http_request&)`: give it an "
                "operator() taking the request");
  constexpr bool returns_result = std::is_same<typename call::returned, transport_result>::value ||
                                  std::is_same<typename call::returned, http_response>::value;
  static_assert(!call::value || returns_result,
                "novu: the sync transport must return novu::transport_result or novu::http_response");
  if constexpr (call::value && returns_result) {
    return {&transport, [](void* self, const http_request& request) -> transport_result {
              return (*static_cast<Transport*>(self))(request);
            }};
  } else {
    return {&transport, nullptr};
  }
}

// What a call went through, for the message of the error it returns.
struct call_summary {
  int attempts = 1;              // attempts made, the last one included
  std::uint64_t elapsed_ms = 0;  // from the first attempt's start to the final answer
};

// The retry policy of one call: `options.retry` when set, else the client's.
inline const retry_policy& call_policy(const client_config& config, const call_options& options) noexcept {
  return options.retry ? *options.retry : config.retry;
}

// The deadline an attempt is handed: the call's `timeout_ms` (0: none, the transport's own
// default) cut to what is left of `policy.max_elapsed_ms` after `elapsed_ms`, at least 1 ms.
NOVU_CC_API std::uint32_t attempt_timeout_ms(std::uint32_t call_timeout_ms, const retry_policy& policy,
                                             std::uint64_t elapsed_ms) noexcept;

// `options` with an idempotency key when it has none: 13 digits of the environment's Unix
// milliseconds and 16 hex digits of its random_bits (or of the OS-seeded generator).
NOVU_CC_API call_options keyed_options(const call_options& options, const environment_ref& environment);

// Whether to try again after `answer` (attempt number `attempts_made`, the first attempt having
// begun at monotonic `started_ms`), and after how long. Asks `environment` for time and
// randomness only when the answer is a non-2xx response or a retryable transport error. With
// a per-call deadline (`call_timeout_ms` not 0), a retry also needs time left of
// max_elapsed_ms once its wait is over.
NOVU_CC_API retry_decision next_attempt(const retry_policy& policy, int attempts_made, const transport_result& answer,
                                        std::uint64_t started_ms, const environment_ref& environment,
                                        std::uint32_t call_timeout_ms);

// Sends `request` through `transport` until an answer is final under `policy`, sleeping through
// `environment` between attempts; returns the final answer and fills `summary`. Each attempt
// carries attempt_timeout_ms of the request's own timeout_ms.
NOVU_CC_API transport_result send_with_retries(const retry_policy& policy, http_request& request,
                                               const sync_transport_ref& transport, const environment_ref& environment,
                                               call_summary& summary);

// The secrets a call's request carries besides the configured key, masked in every error the
// call returns: a body read through its field table (only when an error needs it), or values
// copied at the call's start (an async call, whose caller's body may be gone by then).
struct sent_secrets {
  const type_desc* table = nullptr;                  // the body's field table; null: no body
  const void* body = nullptr;                        // the body `table` describes
  const std::vector<std::string>* values = nullptr;  // secret values; null: none
};

// What a synchronous call needs from its client: the configuration, the transport and the
// environment. Every resource's operations are non-template functions over it, compiled once.
struct sync_call_context {
  const client_config& config;   // requests are built from it; retries and limits too
  sync_transport_ref transport;  // sends one attempt
  environment_ref environment;   // clock, sleep and randomness for retries
};

// A finish_*_call function: what a call's final answer (or transport error) gives, with the
// configured key and `sent`'s secrets scrubbed from every field of an error.
template <class T>
using call_finisher = result<T> (*)(transport_result answer, const client_config& config, const sent_secrets& sent);

// Masks the secret key and `sent`'s secrets in every field of an error a call is about to
// return, then finishes its message (control characters escaped, length capped).
NOVU_CC_API void redact_call_secrets(error& e, const client_config& config, const sent_secrets& sent = {});

// Adds what the call went through to the message of `e` (describe_call), masking the key and
// `sent`'s secrets in it again.
NOVU_CC_API void describe_call_error(error& e, const call_summary& summary, const client_config& config,
                                     const sent_secrets& sent);

// The error a call returns when its last attempt got no response: kind `transport` (or
// `cancelled`, when the transport says so), secrets masked.
NOVU_CC_API error final_transport_error(error e, const client_config& config, const sent_secrets& sent);

// The value of every secret field of `body`, described by `table` (for a call that must keep
// them after the caller's body is gone).
NOVU_CC_API std::vector<std::string> secret_values_of(const type_desc& table, const void* body);

// The result of a DELETE call: success for any 2xx, else the error.
NOVU_CC_API result<void> finish_delete_call(transport_result answer, const client_config& config,
                                            const sent_secrets& sent);

// Every resource's synchronous for_each_page: lists pages with `list(params)` from `first` on,
// hands each to `on_page` (false stops), follows `next(params, page)` until the last page or
// `paging.max_pages` pages. A `next` cursor already followed ends the walk with a decode
// error (page_cursor_guard), secrets masked per `config`.
template <class Params, class List, class Next, class OnPage>
result<std::size_t> walk_pages(const client_config& config, const Params& first, List list, Next next, OnPage& on_page,
                               const pagination_options& paging) {
  Params current = first;
  page_cursor_guard cursors(first);
  std::size_t pages = 0;
  while (pages < paging.max_pages) {
    auto page = list(current);
    if (!page) return std::move(page).error();
    ++pages;
    if (!on_page(std::as_const(*page))) break;
    if (pages >= paging.max_pages) break;
    std::optional<Params> following = next(current, *page);
    if (!following) break;
    if (std::optional<error> loop = cursors.follow(*following->after, pages)) {
      redact_call_secrets(*loop, config);
      return std::move(*loop);
    }
    current = std::move(*following);
  }
  return pages;
}

// Adds what the call went through to the message of `e`, the error a call returns: the
// attempts made and over how long (after retries), the Retry-After asked for (429, 503), a hint
// about the key and the region (401, naming `config.server_url`). Then masks `secrets` in the
// message again and caps it.
NOVU_CC_API void describe_call(error& e, const call_summary& summary, const client_config& config,
                               const secret_scrubber& secrets);

// The error of a call cancelled by the caller after `summary`: kind `cancelled`, not retryable.
NOVU_CC_API error cancelled_error(const call_summary& summary);

}  // namespace detail
NOVU_CC_NAMESPACE_END
