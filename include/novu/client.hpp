// The synchronous client: builder + caller's transport + parser, with bounded retries.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint64_t
#include <optional>     // optional
#include <string_view>  // string_view
#include <type_traits>  // is_same, decay, invoke_result
#include <utility>      // move

#include "novu/config.hpp"
#include "novu/dto.hpp"
#include "novu/error.hpp"
#include "novu/http.hpp"
#include "novu/request_builder.hpp"
#include "novu/response_parser.hpp"
#include "novu/result.hpp"
#include "novu/retry.hpp"
#include "novu/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

namespace detail {

// Calls a transport that returns either `transport_result` or a plain `http_response`.
template <class Transport>
transport_result call_sync_transport(Transport& transport, const http_request& request) {
  using returned = std::decay_t<decltype(transport(request))>;
  static_assert(std::is_same<returned, transport_result>::value || std::is_same<returned, http_response>::value,
                "a sync transport takes `const novu::http_request&` and returns novu::transport_result "
                "or novu::http_response");
  return transport(request);
}

// True for statuses 200..299.
constexpr bool is_success(int status) noexcept { return status >= 200 && status < 300; }

// True when the retry policy should be asked about this answer: a non-2xx response, or a
// transport error that another attempt could fix.
inline bool may_retry(const transport_result& answer) noexcept {
  return answer ? !is_success(answer->status) : answer.error().retryable;
}

// Masks the secret key and the tokens a call sent, in an error the call is about to return.
inline void redact_call_secrets(error& e, const client_config& config, const novu::auth* sent_auth) {
  redact_secret(e, config.secret_key);
  // The key may be configured with its "ApiKey " prefix; the bare key is just as secret.
  const std::string_view key(config.secret_key);
  if (key.substr(0, 7) == "ApiKey ") redact_secret(e, key.substr(7));
  if (sent_auth != nullptr) {
    redact_secret(e, sent_auth->access_token);
    if (sent_auth->refresh_token) redact_secret(e, *sent_auth->refresh_token);
  }
}

}  // namespace detail

/// Options for walking every page of a list.
struct pagination_options {
  std::size_t max_pages = 1000;  ///< stop after this many pages even if the server has more
};

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
    return execute<channel_connection_page>(build_list_request(config_, params, options), &parse_list_response,
                                            nullptr);
  }

  /// Calls `on_page(const channel_connection_page&)` for each page, following `next` cursors,
  /// until the last page, until `on_page` returns false, or after `max_pages` pages. Returns
  /// the number of pages delivered, or the first error.
  template <class OnPage>
  result<std::size_t> for_each_page(const list_channel_connections_params& params, OnPage&& on_page,
                                    const pagination_options& paging = {}, const call_options& options = {}) {
    list_channel_connections_params current = params;
    std::size_t pages = 0;
    while (pages < paging.max_pages) {
      result<channel_connection_page> page = list(current, options);
      if (!page) return std::move(page).error();
      ++pages;
      if (!on_page(static_cast<const channel_connection_page&>(*page))) break;
      std::optional<list_channel_connections_params> next = next_page_params(current, *page);
      if (!next) break;
      current = std::move(*next);
    }
    return pages;
  }

  /// Creates a channel connection.
  result<channel_connection> create(const create_channel_connection_request& body, const call_options& options = {}) {
    return execute<channel_connection>(build_create_request(config_, body, options), &parse_create_response,
                                       &body.auth);
  }

  /// Retrieves one channel connection.
  result<channel_connection> retrieve(std::string_view identifier, const call_options& options = {}) {
    return execute<channel_connection>(build_retrieve_request(config_, identifier, options),
                                       &parse_retrieve_response, nullptr);
  }

  /// Updates a channel connection's workspace and credentials.
  result<channel_connection> update(std::string_view identifier, const update_channel_connection_request& body,
                                    const call_options& options = {}) {
    return execute<channel_connection>(build_update_request(config_, identifier, body, options),
                                       &parse_update_response, &body.auth);
  }

  /// Deletes a channel connection.
  result<void> remove(std::string_view identifier, const call_options& options = {}) {
    return execute<void>(build_delete_request(config_, identifier, options), &parse_delete_response, nullptr);
  }

 private:
  // Sends `request` (built once, so every attempt carries the same idempotency key), retries
  // per config_.retry, and parses the final answer.
  template <class T>
  result<T> execute(result<http_request> request, result<T> (*parse)(const http_response&, const decode_limits&),
                    const novu::auth* sent_auth) {
    if (!request) {
      detail::redact_call_secrets(request.error(), config_, sent_auth);
      return std::move(request).error();
    }
    const std::uint64_t started = environment_.monotonic_ms();
    for (int attempt = 1;; ++attempt) {
      transport_result answer = detail::call_sync_transport(transport_, *request);
      if (detail::may_retry(answer)) {
        static const http_headers no_headers;
        const retry_decision next = decide_retry(
            config_.retry, attempt, answer ? answer->status : 0, answer ? answer->headers : no_headers,
            environment_.monotonic_ms() - started, environment_.random_unit(), environment_.unix_ms());
        if (next.retry) {
          environment_.sleep_ms(next.delay_ms);
          continue;
        }
      }
      if (!answer) {
        error e = std::move(answer).error();
        e.kind = error_kind::transport;
        detail::redact_call_secrets(e, config_, sent_auth);
        return e;
      }
      result<T> parsed = parse(*answer, config_.limits);
      if (!parsed) detail::redact_call_secrets(parsed.error(), config_, sent_auth);
      return parsed;
    }
  }

  client_config config_;
  Transport transport_;
  Environment environment_;
};

NOVU_CC_NAMESPACE_END
