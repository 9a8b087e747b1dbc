// Implementation of the non-template parts of novu/endpoints/client.hpp and
// novu/endpoints/async_client.hpp: the five operations over the shared call machinery.
// SPDX-License-Identifier: MIT
#pragma once

#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include "novu/core/impl/call.ipp"
#include "novu/core/version.hpp"
#include "novu/endpoints/client.hpp"
#include "novu/endpoints/impl/json.ipp"
#include "novu/endpoints/impl/request_builder.ipp"
#include "novu/endpoints/impl/response_parser.ipp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// The secrets a create sends: every secret field of its payload, read through the table.
inline sent_secrets sent_endpoint(const create_channel_endpoint_request& body) noexcept {
  return {&create_endpoint_table, &body, nullptr};
}
// The secrets an update sends.
inline sent_secrets sent_endpoint(const update_channel_endpoint_request& body) noexcept {
  return {&update_endpoint_table, &body, nullptr};
}

NOVU_CC_API std::vector<std::string> endpoint_secret_values(const create_channel_endpoint_request& body) {
  return secret_values_of(create_endpoint_table, &body);
}

NOVU_CC_API std::vector<std::string> endpoint_secret_values(const update_channel_endpoint_request& body) {
  return secret_values_of(update_endpoint_table, &body);
}

NOVU_CC_API result<channel_endpoint_page> finish_endpoint_page_call(transport_result answer,
                                                                    const client_config& config,
                                                                    const sent_secrets& sent) {
  return finish_call<channel_endpoint_page>(std::move(answer), &parse_endpoint_page, config, sent);
}

NOVU_CC_API result<channel_endpoint> finish_endpoint_call(transport_result answer, const client_config& config,
                                                          const sent_secrets& sent) {
  return finish_call<channel_endpoint>(std::move(answer), &parse_endpoint, config, sent);
}

NOVU_CC_API result<channel_endpoint_page> sync_list_endpoints(const sync_call_context& call,
                                                              const list_channel_endpoints_params& params,
                                                              const call_options& options) {
  return execute_sync<channel_endpoint_page>(
      call, options,
      [&](const call_options& keyed) { return endpoints::build_list_request(call.config, params, keyed); },
      &finish_endpoint_page_call, {});
}

NOVU_CC_API result<channel_endpoint> sync_create_endpoint(const sync_call_context& call,
                                                          const create_channel_endpoint_request& body,
                                                          const call_options& options) {
  return execute_sync<channel_endpoint>(
      call, options,
      [&](const call_options& keyed) { return endpoints::build_create_request(call.config, body, keyed); },
      &finish_endpoint_call, sent_endpoint(body));
}

NOVU_CC_API result<channel_endpoint> sync_retrieve_endpoint(const sync_call_context& call, std::string_view identifier,
                                                            const call_options& options) {
  return execute_sync<channel_endpoint>(
      call, options,
      [&](const call_options& keyed) { return endpoints::build_retrieve_request(call.config, identifier, keyed); },
      &finish_endpoint_call, {});
}

NOVU_CC_API result<channel_endpoint> sync_update_endpoint(const sync_call_context& call, std::string_view identifier,
                                                          const update_channel_endpoint_request& body,
                                                          const call_options& options) {
  return execute_sync<channel_endpoint>(
      call, options,
      [&](const call_options& keyed) { return endpoints::build_update_request(call.config, identifier, body, keyed); },
      &finish_endpoint_call, sent_endpoint(body));
}

NOVU_CC_API result<void> sync_delete_endpoint(const sync_call_context& call, std::string_view identifier,
                                              const call_options& options) {
  return execute_sync<void>(
      call, options,
      [&](const call_options& keyed) { return endpoints::build_delete_request(call.config, identifier, keyed); },
      &finish_delete_call, {});
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
