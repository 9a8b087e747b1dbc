// The channel-endpoint operations of novu::async_client, as the SDKs' `novu.channelEndpoints`:
// `api.channel_endpoints().create(body, on_done)`. Calls run like the connections' (see
// novu/connections/async_client.hpp): a completion that may be move-only runs exactly once,
// the stack stays flat, and the returned handle cancels the call.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 35
#endif
// NOVU_CC_STANDALONE }

#include <cstddef>      // size_t
#include <memory>       // make_shared
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/connections/async_client.hpp"
#include "novu/core/async.hpp"
#include "novu/core/config.hpp"
#include "novu/core/detail/async_call.hpp"
#include "novu/core/pagination.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"
#include "novu/endpoints/client.hpp"
#include "novu/endpoints/dto.hpp"
#include "novu/endpoints/request_builder.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// The channel-endpoint operations of an `async_client`, as the SDKs' `novu.channelEndpoints`.
/// A view that refers to the client, which must outlive the calls that start through it; cheap
/// to copy. Each call takes `on_done(result<T>)` and returns an async_call_handle.
template <class AsyncClient>
class async_channel_endpoints_operations {
 public:
  /// The operations of `client`.
  explicit async_channel_endpoints_operations(AsyncClient& client) noexcept : client_(&client) {}

  /// One page of channel endpoints; `on_done(result<channel_endpoint_page>)`.
  template <class OnDone>
  async_call_handle list(const list_channel_endpoints_params& params, OnDone on_done,
                         const call_options& options = {}) {
    const detail::async_call_context call = client_->context();
    return detail::start_async_call<channel_endpoint_page>(
        call, options,
        [&](const call_options& keyed) { return endpoints::build_list_request(*call.config, params, keyed); },
        &detail::finish_endpoint_page_call, {}, std::move(on_done));
  }
  /// Walks the pages like async_client::for_each_page: `on_page(const channel_endpoint_page&)`
  /// returns false to stop; `on_done(result<std::size_t>)` gets the page count or the error.
  template <class OnPage, class OnDone>
  async_call_handle for_each_page(const list_channel_endpoints_params& params, OnPage on_page, OnDone on_done,
                                  const pagination_options& paging = {}, const call_options& options = {}) {
    using walk = detail::async_page_walk<list_channel_endpoints_params, channel_endpoint_page>;
    const detail::page_listing<list_channel_endpoints_params, channel_endpoint_page> listing{
        &endpoints::build_list_request, &detail::finish_endpoint_page_call, &endpoints::next_page_params};
    return walk::start(std::make_shared<walk>(client_->context(), listing, params, options, paging, std::move(on_page),
                                              std::move(on_done)));
  }
  /// Creates a channel endpoint; `on_done(result<channel_endpoint>)`.
  template <class OnDone>
  async_call_handle create(const create_channel_endpoint_request& body, OnDone on_done,
                           const call_options& options = {}) {
    const detail::async_call_context call = client_->context();
    return detail::start_async_call<channel_endpoint>(
        call, options,
        [&](const call_options& keyed) { return endpoints::build_create_request(*call.config, body, keyed); },
        &detail::finish_endpoint_call, detail::endpoint_secret_values(body), std::move(on_done));
  }
  /// Retrieves one channel endpoint; `on_done(result<channel_endpoint>)`.
  template <class OnDone>
  async_call_handle retrieve(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    const detail::async_call_context call = client_->context();
    return detail::start_async_call<channel_endpoint>(
        call, options,
        [&](const call_options& keyed) { return endpoints::build_retrieve_request(*call.config, identifier, keyed); },
        &detail::finish_endpoint_call, {}, std::move(on_done));
  }
  /// Replaces an endpoint's payload; `on_done(result<channel_endpoint>)`.
  template <class OnDone>
  async_call_handle update(std::string_view identifier, const update_channel_endpoint_request& body, OnDone on_done,
                           const call_options& options = {}) {
    const detail::async_call_context call = client_->context();
    return detail::start_async_call<channel_endpoint>(
        call, options,
        [&](const call_options& keyed) {
          return endpoints::build_update_request(*call.config, identifier, body, keyed);
        },
        &detail::finish_endpoint_call, detail::endpoint_secret_values(body), std::move(on_done));
  }
  /// Deletes a channel endpoint; `on_done(result<void>)`.
  template <class OnDone>
  async_call_handle remove(std::string_view identifier, OnDone on_done, const call_options& options = {}) {
    const detail::async_call_context call = client_->context();
    return detail::start_async_call<void>(
        call, options,
        [&](const call_options& keyed) { return endpoints::build_delete_request(*call.config, identifier, keyed); },
        &detail::finish_delete_call, {}, std::move(on_done));
  }

 private:
  AsyncClient* client_;  // never null
};

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 35
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/connections/detail/implementation.hpp"
#include "novu/endpoints/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
