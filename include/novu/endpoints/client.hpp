// The channel-endpoint operations of novu::client, as the SDKs' `novu.channelEndpoints`:
// `api.channel_endpoints().create(body)`. The same call machinery as the connections (one
// request built per call, bounded retries, idempotency keys, secrets masked in every error):
// the non-template functions below run each operation, compiled once.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 34
#endif
// NOVU_CC_STANDALONE }

#include <cstddef>      // size_t
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/connections/client.hpp"
#include "novu/core/config.hpp"
#include "novu/core/detail/call.hpp"
#include "novu/core/http.hpp"
#include "novu/core/pagination.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"
#include "novu/endpoints/dto.hpp"
#include "novu/endpoints/request_builder.hpp"
#include "novu/endpoints/response_parser.hpp"

NOVU_CC_NAMESPACE_BEGIN

namespace detail {

// channel_endpoints_operations::list.
NOVU_CC_API result<channel_endpoint_page> sync_list_endpoints(const sync_call_context& call,
                                                              const list_channel_endpoints_params& params,
                                                              const call_options& options);
// channel_endpoints_operations::create.
NOVU_CC_API result<channel_endpoint> sync_create_endpoint(const sync_call_context& call,
                                                          const create_channel_endpoint_request& body,
                                                          const call_options& options);
// channel_endpoints_operations::retrieve.
NOVU_CC_API result<channel_endpoint> sync_retrieve_endpoint(const sync_call_context& call, std::string_view identifier,
                                                            const call_options& options);
// channel_endpoints_operations::update.
NOVU_CC_API result<channel_endpoint> sync_update_endpoint(const sync_call_context& call, std::string_view identifier,
                                                          const update_channel_endpoint_request& body,
                                                          const call_options& options);
// channel_endpoints_operations::remove.
NOVU_CC_API result<void> sync_delete_endpoint(const sync_call_context& call, std::string_view identifier,
                                              const call_options& options);

// What an endpoint list call's final answer gives: the page, or the error with the configured
// key and `sent`'s secrets scrubbed from every field.
NOVU_CC_API result<channel_endpoint_page> finish_endpoint_page_call(transport_result answer,
                                                                    const client_config& config,
                                                                    const sent_secrets& sent);
// finish_endpoint_page_call for create, retrieve and update.
NOVU_CC_API result<channel_endpoint> finish_endpoint_call(transport_result answer, const client_config& config,
                                                          const sent_secrets& sent);

// The secret values a create body carries (routingKey, apiKey, authToken, a tool webhook's url
// and header values), for an async call to keep while it runs.
NOVU_CC_API std::vector<std::string> endpoint_secret_values(const create_channel_endpoint_request& body);
// The secret values an update body carries.
NOVU_CC_API std::vector<std::string> endpoint_secret_values(const update_channel_endpoint_request& body);

}  // namespace detail

/// The channel-endpoint operations of a `client`, as the SDKs' `novu.channelEndpoints`:
/// `api.channel_endpoints().update(identifier, body)`. A view that refers to the client, which
/// must outlive it; cheap to copy. The rules are the connections': identifiers, idempotency
/// keys on POST and PATCH, retries per the client's (or the call's) policy, the 409 rule,
/// decode limits, and no secret in any error.
template <class Client>
class channel_endpoints_operations {
 public:
  /// The operations of `client`.
  explicit channel_endpoints_operations(Client& client) noexcept : client_(&client) {}

  /// One page of channel endpoints (GET /v1/channel-endpoints).
  result<channel_endpoint_page> list(const list_channel_endpoints_params& params = {},
                                     const call_options& options = {}) {
    return detail::sync_list_endpoints(client_->context(), params, options);
  }
  /// Every page from `params` on, `on_page(const channel_endpoint_page&)` for each (return false
  /// to stop), with the cursor rules of client::for_each_page; the number of pages delivered.
  template <class OnPage>
  result<std::size_t> for_each_page(const list_channel_endpoints_params& params, OnPage&& on_page,
                                    const pagination_options& paging = {}, const call_options& options = {}) {
    return detail::walk_pages(
        client_->config(), params, [&](const list_channel_endpoints_params& current) { return list(current, options); },
        &endpoints::next_page_params, on_page, paging);
  }
  /// Creates a channel endpoint (POST /v1/channel-endpoints). The payload must be the one
  /// `body.type` names (a raw_alternative for a type this version does not know).
  result<channel_endpoint> create(const create_channel_endpoint_request& body, const call_options& options = {}) {
    return detail::sync_create_endpoint(client_->context(), body, options);
  }
  /// Retrieves one channel endpoint (GET /v1/channel-endpoints/{identifier}).
  result<channel_endpoint> retrieve(std::string_view identifier, const call_options& options = {}) {
    return detail::sync_retrieve_endpoint(client_->context(), identifier, options);
  }
  /// Replaces an endpoint's payload (PATCH /v1/channel-endpoints/{identifier}, sending
  /// `{"endpoint": {...}}` only: the server keeps the stored type).
  result<channel_endpoint> update(std::string_view identifier, const update_channel_endpoint_request& body,
                                  const call_options& options = {}) {
    return detail::sync_update_endpoint(client_->context(), identifier, body, options);
  }
  /// Deletes a channel endpoint (DELETE /v1/channel-endpoints/{identifier}).
  result<void> remove(std::string_view identifier, const call_options& options = {}) {
    return detail::sync_delete_endpoint(client_->context(), identifier, options);
  }

 private:
  Client* client_;  // never null
};

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 34
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/connections/detail/implementation.hpp"
#include "novu/endpoints/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
