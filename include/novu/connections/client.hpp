// The synchronous client: builder + caller's transport + parser, with bounded retries.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 3
#endif
// NOVU_CC_STANDALONE }

#include <cstddef>        // size_t
#include <cstdint>        // int64_t, uint32_t, uint64_t
#include <optional>       // optional, nullopt
#include <string>         // string, to_string
#include <string_view>    // string_view
#include <type_traits>    // is_same, decay_t
#include <unordered_map>  // unordered_map
#include <utility>        // declval, move

#include "novu/core/config.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/connections/dto.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/connections/request_builder.hpp"
#include "novu/connections/response_parser.hpp"
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

// What a synchronous call needs from its client: the configuration, the transport and the
// environment. The five operations below are non-template functions over it, compiled once.
struct sync_call_context {
  const client_config& config;   // requests are built from it; retries and limits too
  sync_transport_ref transport;  // sends one attempt
  environment_ref environment;   // clock, sleep and randomness for retries
};

// client::list.
NOVU_CC_API result<channel_connection_page> sync_list(const sync_call_context& call,
                                                      const list_channel_connections_params& params,
                                                      const call_options& options);
// client::create.
NOVU_CC_API result<channel_connection> sync_create(const sync_call_context& call,
                                                   const create_channel_connection_request& body,
                                                   const call_options& options);
// client::retrieve.
NOVU_CC_API result<channel_connection> sync_retrieve(const sync_call_context& call, std::string_view identifier,
                                                     const call_options& options);
// client::update.
NOVU_CC_API result<channel_connection> sync_update(const sync_call_context& call, std::string_view identifier,
                                                   const update_channel_connection_request& body,
                                                   const call_options& options);
// client::remove.
NOVU_CC_API result<void> sync_remove(const sync_call_context& call, std::string_view identifier,
                                     const call_options& options);

// Masks the secret key and the tokens a call sent in every field of an error the call is about
// to return, then finishes its message (control characters escaped, length capped).
NOVU_CC_API void redact_call_secrets(error& e, const client_config& config, const novu::auth* sent_auth);

// The error a call returns when its last attempt got no response: kind `transport`, secrets masked.
NOVU_CC_API error final_transport_error(error e, const client_config& config, const novu::auth* sent_auth);

// A finish_*_call function: what a call's final answer (or transport error) gives.
template <class T>
using call_finisher = result<T> (*)(transport_result answer, const client_config& config, const novu::auth* sent_auth);

// What a list call's final answer gives: the page, or the error with the configured key and
// the tokens the call sent (`sent_auth`, may be null) scrubbed from every field before any
// text in it is cut.
NOVU_CC_API result<channel_connection_page> finish_list_call(transport_result answer, const client_config& config,
                                                             const novu::auth* sent_auth);
// finish_list_call for create, retrieve and update.
NOVU_CC_API result<channel_connection> finish_connection_call(transport_result answer, const client_config& config,
                                                              const novu::auth* sent_auth);
// finish_list_call for delete.
NOVU_CC_API result<void> finish_delete_call(transport_result answer, const client_config& config,
                                            const novu::auth* sent_auth);

}  // namespace detail

/// Options for walking every page of a list (client::for_each_page, async_client::for_each_page).
/// A walk follows each page's `next` cursor (next_page_params: only the first page is sent with
/// the caller's includeCursor), and fails with a `decode` error when a `next` cursor repeats one
/// it has already followed, the starting `after` included.
struct pagination_options {
  std::size_t max_pages = 1000;  ///< stop after this many pages even if the server has more
};

namespace detail {

// The cursors a page walk has followed, so that a server whose `next` leads back to one of them
// (A -> B -> A, A -> A, back to the starting `after`) stops the walk with an error instead of
// repeating pages until max_pages. Used by both clients' for_each_page. Keeps one string per
// page followed.
class page_cursor_guard {
 public:
  // A guard for a walk whose first page is requested with `first`. Its `after` counts as
  // followed (by page 1), unless `first.include_cursor` is true: the first page then starts
  // with the cursor's own item, and following the same cursor without includeCursor moves on.
  explicit page_cursor_guard(const list_channel_connections_params& first) {
    if (first.after && first.include_cursor != true) followed_.emplace(*first.after, 1);
  }

  // Records that `cursor`, the `next` of page `page_number` (1-based), fetches page
  // page_number + 1. An error (kind decode, location "/next") when the walk already followed
  // `cursor`: the message names both pages and quotes the cursor, clipped to 100 bytes.
  std::optional<error> follow(const std::string& cursor, std::size_t page_number) {
    const auto inserted = followed_.emplace(cursor, page_number + 1);
    if (inserted.second) return std::nullopt;
    const std::size_t earlier = inserted.first->second;
    std::string message =
        "pagination loop: the next cursor of page " + std::to_string(page_number) + ", " + quoted(cursor) + ", ";
    message += earlier == 1 ? std::string("is the cursor the walk started from")
                            : "was already followed to fetch page " + std::to_string(earlier);
    message += "; the walk stops instead of repeating pages";
    return make_error(error_kind::decode, std::move(message), "/next");
  }

 private:
  // `cursor` in double quotes for a message: at most 100 bytes (cut at a character boundary,
  // then "..."), control characters and quotes shown as '?'.
  static std::string quoted(std::string_view cursor) {
    constexpr std::size_t k_max = 100;
    bool clipped = false;
    if (cursor.size() > k_max) {
      cursor = cursor.substr(0, detail::utf8_boundary(cursor, k_max));
      clipped = true;
    }
    std::string out = "\"";
    for (char ch : cursor) {
      const auto byte = static_cast<unsigned char>(ch);
      out.push_back(byte < 0x20 || byte == 0x7F || ch == '"' ? '?' : ch);
    }
    out += clipped ? "...\"" : "\"";
    return out;
  }

  std::unordered_map<std::string, std::size_t> followed_;  // cursor -> page it fetched
};

}  // namespace detail

/// A client for the Channel Connections API over a caller-supplied synchronous transport:
/// any callable `novu::transport_result(const novu::http_request&)` (or one returning a plain
/// `novu::http_response`). Calls from several threads are safe when the transport is.
/// `Environment` supplies clock, sleep and randomness for retries (see system_environment).
template <class Transport, class Environment = system_environment>
class client {
 public:
  /// A client sending through `transport`.
  client(client_config config, Transport transport, Environment environment = Environment{})
      : config_(std::move(config)), transport_(std::move(transport)), environment_(std::move(environment)) {}

  /// The configuration requests are built from.
  const client_config& config() const noexcept { return config_; }
  /// The transport, e.g. to inspect a fake.
  Transport& transport() noexcept { return transport_; }

  /// One page of channel connections.
  result<channel_connection_page> list(const list_channel_connections_params& params = {},
                                       const call_options& options = {}) {
    return detail::sync_list(context(), params, options);
  }

  /// Calls `on_page(const channel_connection_page&)` for each page, following `next` cursors,
  /// until the last page, until `on_page` returns false, or after `max_pages` pages. Returns
  /// the number of pages delivered, or the first error. Pages after the first are requested
  /// without includeCursor, so no item comes twice; a `next` cursor that repeats one already
  /// followed (or the starting `after`) ends the walk with a `decode` error (location "/next")
  /// after the pages before it were delivered.
  template <class OnPage>
  result<std::size_t> for_each_page(const list_channel_connections_params& params, OnPage&& on_page,
                                    const pagination_options& paging = {}, const call_options& options = {}) {
    list_channel_connections_params current = params;
    detail::page_cursor_guard cursors(params);
    std::size_t pages = 0;
    while (pages < paging.max_pages) {
      result<channel_connection_page> page = list(current, options);
      if (!page) return std::move(page).error();
      ++pages;
      if (!on_page(static_cast<const channel_connection_page&>(*page))) break;
      if (pages >= paging.max_pages) break;
      std::optional<list_channel_connections_params> next = next_page_params(current, *page);
      if (!next) break;
      if (std::optional<error> loop = cursors.follow(*next->after, pages)) {
        detail::redact_call_secrets(*loop, config_, nullptr);
        return std::move(*loop);
      }
      current = std::move(*next);
    }
    return pages;
  }

  /// Creates a channel connection.
  result<channel_connection> create(const create_channel_connection_request& body, const call_options& options = {}) {
    return detail::sync_create(context(), body, options);
  }

  /// Retrieves one channel connection.
  result<channel_connection> retrieve(std::string_view identifier, const call_options& options = {}) {
    return detail::sync_retrieve(context(), identifier, options);
  }

  /// Updates a channel connection's workspace and credentials.
  result<channel_connection> update(std::string_view identifier, const update_channel_connection_request& body,
                                    const call_options& options = {}) {
    return detail::sync_update(context(), identifier, body, options);
  }

  /// Deletes a channel connection.
  result<void> remove(std::string_view identifier, const call_options& options = {}) {
    return detail::sync_remove(context(), identifier, options);
  }

 private:
  // This client's configuration, transport and environment for the non-template call code.
  detail::sync_call_context context() noexcept {
    return {config_, detail::make_sync_transport_ref(transport_), detail::make_environment_ref(environment_)};
  }

  client_config config_;
  Transport transport_;
  Environment environment_;
};

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 3
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/connections/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
