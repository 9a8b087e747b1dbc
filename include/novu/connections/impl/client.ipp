// Implementation of the non-template parts of novu/connections/client.hpp and
// novu/connections/async_client.hpp: the five operations and the secret masking every call applies
// to the error it returns.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>      // int64_t, uint64_t
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include "novu/connections/client.hpp"
#include "novu/core/impl/call.ipp"
#include "novu/core/detail/scrub.hpp"
#include "novu/core/detail/secret_fields.hpp"
#include "novu/connections/impl/json.ipp"
#include "novu/core/impl/error.ipp"
#include "novu/connections/impl/response_parser.ipp"
#include "novu/connections/request_builder.hpp"
#include "novu/connections/response_parser.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// The tokens a create or update sends: its auth, read through the auth table.
inline sent_secrets sent_auth(const novu::auth& auth) noexcept { return {&auth_type, &auth, nullptr}; }

NOVU_CC_API std::vector<std::string> auth_secret_values(const novu::auth& auth) {
  return secret_values_of(auth_type, &auth);
}

NOVU_CC_API result<channel_connection_page> finish_list_call(transport_result answer, const client_config& config,
                                                             const sent_secrets& sent) {
  return finish_call<channel_connection_page>(std::move(answer), &parse_page, config, sent);
}

NOVU_CC_API result<channel_connection> finish_connection_call(transport_result answer, const client_config& config,
                                                              const sent_secrets& sent) {
  return finish_call<channel_connection>(std::move(answer), &parse_connection, config, sent);
}

NOVU_CC_API result<channel_connection> finish_verify_call(transport_result answer, const client_config& config,
                                                          const sent_secrets& sent) {
  result<channel_connection> verified =
      finish_call<channel_connection>(std::move(answer), &parse_connection, config, sent);
  if (!verified) explain_verify_error(verified.error());
  return verified;
}

NOVU_CC_API result<channel_connection_page> sync_list(const sync_call_context& call,
                                                      const list_channel_connections_params& params,
                                                      const call_options& options) {
  return execute_sync<channel_connection_page>(
      call, options,
      [&](const call_options& keyed) { return connections::build_list_request(call.config, params, keyed); },
      &finish_list_call, {});
}

NOVU_CC_API result<channel_connection> sync_create(const sync_call_context& call,
                                                   const create_channel_connection_request& body,
                                                   const call_options& options) {
  return execute_sync<channel_connection>(
      call, options,
      [&](const call_options& keyed) { return connections::build_create_request(call.config, body, keyed); },
      &finish_connection_call, sent_auth(body.auth));
}

NOVU_CC_API result<channel_connection> sync_retrieve(const sync_call_context& call, std::string_view identifier,
                                                     const call_options& options) {
  return execute_sync<channel_connection>(
      call, options,
      [&](const call_options& keyed) { return connections::build_retrieve_request(call.config, identifier, keyed); },
      &finish_connection_call, {});
}

NOVU_CC_API result<channel_connection> sync_update(const sync_call_context& call, std::string_view identifier,
                                                   const update_channel_connection_request& body,
                                                   const call_options& options) {
  return execute_sync<channel_connection>(
      call, options,
      [&](const call_options& keyed) {
        return connections::build_update_request(call.config, identifier, body, keyed);
      },
      &finish_connection_call, sent_auth(body.auth));
}

NOVU_CC_API result<void> sync_remove(const sync_call_context& call, std::string_view identifier,
                                     const call_options& options) {
  return execute_sync<void>(
      call, options,
      [&](const call_options& keyed) { return connections::build_delete_request(call.config, identifier, keyed); },
      &finish_delete_call, {});
}

NOVU_CC_API retry_policy verify_retry_policy(retry_policy policy) {
  if (policy.retry_server_errors) {
    policy.retry_server_errors = false;
    for (int status = 500; status <= 599; ++status) policy.retry_statuses.insert(status);
  }
  policy.retry_statuses.erase(502);
  return policy;
}

NOVU_CC_API result<channel_connection> sync_verify(const sync_call_context& call, std::string_view identifier,
                                                   const call_options& options) {
  // The call's policy (the client's, or the call's own) without retries of a 502.
  call_options verify_options = options;
  verify_options.retry = verify_retry_policy(options.retry ? *options.retry : call.config.retry);
  return execute_sync<channel_connection>(
      call, verify_options,
      [&](const call_options& keyed) { return connections::build_verify_request(call.config, identifier, keyed); },
      &finish_verify_call, {});
}

NOVU_CC_API std::optional<std::string> create_or_update_target(const error& created,
                                                               const std::optional<std::string>& body_identifier) {
  if (!is_permanent_conflict(created)) return std::nullopt;
  if (std::optional<std::string> named = conflicting_identifier(created)) return named;
  // A duplicate-identifier conflict whose message could not be read: the body named it.
  const bool names_other =
      created.api && created.api->message && created.api->message->text.find("Connection ID") != std::string::npos;
  if (body_identifier && !body_identifier->empty() && !names_other) return body_identifier;
  return std::nullopt;
}

NOVU_CC_API call_options create_or_update_options(const call_options& options) {
  call_options update = options;
  if (!update.idempotency_key.empty()) {
    // Within the 255 characters a key may have.
    if (update.idempotency_key.size() > 248) update.idempotency_key.resize(248);
    update.idempotency_key += "-update";
  }
  return update;
}

NOVU_CC_API update_channel_connection_request update_from_create(const create_channel_connection_request& body) {
  update_channel_connection_request update;
  update.workspace = body.workspace;
  update.auth = body.auth;
  return update;
}

NOVU_CC_API result<channel_connection> sync_create_or_update(const sync_call_context& call,
                                                             const create_channel_connection_request& body,
                                                             const call_options& options) {
  result<channel_connection> created = sync_create(call, body, options);
  if (created) return created;
  const std::optional<std::string> target = create_or_update_target(created.error(), body.identifier);
  if (!target) return created;
  return sync_update(call, *target, update_from_create(body), create_or_update_options(options));
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
