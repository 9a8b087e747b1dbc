// Implementation of the non-template parts of novu/connections/client.hpp and
// novu/connections/async_client.hpp: the five operations and the secret masking every call applies
// to the error it returns.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>      // int64_t, uint64_t
#include <string_view>  // string_view
#include <utility>      // move

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

// The secrets of one call: the configured key and the secret fields of the `auth` the call
// sends (those its table flags: the access and refresh tokens).
inline secret_scrubber call_secrets(const client_config& config, const novu::auth* sent_auth) {
  secret_scrubber secrets;
  secrets.add(config.secret_key);
  if (sent_auth != nullptr) add_secret_fields(secrets, auth_type, sent_auth);
  return secrets;
}

NOVU_CC_API void redact_call_secrets(error& e, const client_config& config, const novu::auth* sent_auth) {
  const secret_scrubber secrets = call_secrets(config, sent_auth);
  finish_error(e, &secrets);
}

NOVU_CC_API error final_transport_error(error e, const client_config& config, const novu::auth* sent_auth) {
  if (e.kind != error_kind::cancelled) e.kind = error_kind::transport;  // a transport may report a cancel
  redact_call_secrets(e, config, sent_auth);
  return e;
}

// A parser that scrubs the call's secrets from the errors it returns.
template <class T>
using secret_aware_parser = result<T> (*)(const http_response&, const decode_limits&, const secret_scrubber*);

// The result of a call whose final answer is `answer`.
template <class T>
result<T> finish_call(transport_result answer, secret_aware_parser<T> parse, const client_config& config,
                      const novu::auth* sent_auth) {
  if (!answer) return final_transport_error(std::move(answer).error(), config, sent_auth);
  // A success needs no scrubber: a 2xx is parsed without one first, and only a failure to
  // decode it is parsed again with the call's secrets, so its message is scrubbed before it
  // is cut.
  const bool success = is_2xx(answer->status);
  if (success) {
    result<T> parsed = parse(*answer, config.limits, nullptr);
    if (parsed) return parsed;
  }
  const secret_scrubber secrets = call_secrets(config, sent_auth);
  if (!success) {
    // What parse() does for an error status, except that the error takes the body (once it
    // is decoded) instead of copying it: the answer is ours.
    return error_from_response(*answer, config.limits, &secrets, &answer->body);
  }
  return parse(*answer, config.limits, &secrets);
}

NOVU_CC_API result<channel_connection_page> finish_list_call(transport_result answer, const client_config& config,
                                                             const novu::auth* sent_auth) {
  return finish_call<channel_connection_page>(std::move(answer), &parse_page, config, sent_auth);
}

NOVU_CC_API result<channel_connection> finish_connection_call(transport_result answer, const client_config& config,
                                                              const novu::auth* sent_auth) {
  return finish_call<channel_connection>(std::move(answer), &parse_connection, config, sent_auth);
}

NOVU_CC_API result<channel_connection> finish_verify_call(transport_result answer, const client_config& config,
                                                          const novu::auth* sent_auth) {
  result<channel_connection> verified =
      finish_call<channel_connection>(std::move(answer), &parse_connection, config, sent_auth);
  if (!verified) explain_verify_error(verified.error());
  return verified;
}

NOVU_CC_API result<void> finish_delete_call(transport_result answer, const client_config& config,
                                            const novu::auth* sent_auth) {
  return finish_call<void>(std::move(answer), &parse_no_content, config, sent_auth);
}

NOVU_CC_API void describe_call_error(error& e, const call_summary& summary, const client_config& config,
                                     const novu::auth* sent_auth) {
  describe_call(e, summary, config, call_secrets(config, sent_auth));
}

// Builds the request once with `build(keyed options)` (so every attempt carries the same
// idempotency key, generated from the environment when `options` has none), sends it, retries
// per the call's policy, and turns the final answer into the call's result with `finish`; an
// error says what the call went through (describe_call).
template <class T, class Build>
result<T> execute_sync(const sync_call_context& call, const call_options& options, Build build, call_finisher<T> finish,
                       const novu::auth* sent_auth) {
  const call_options keyed = keyed_options(options, call.environment);
  result<http_request> request = build(keyed);
  if (!request) {
    redact_call_secrets(request.error(), call.config, sent_auth);
    return std::move(request).error();
  }
  call_summary summary;
  transport_result answer =
      send_with_retries(call_policy(call.config, keyed), *request, call.transport, call.environment, summary);
  result<T> outcome = finish(std::move(answer), call.config, sent_auth);
  if (!outcome) describe_call_error(outcome.error(), summary, call.config, sent_auth);
  return outcome;
}

NOVU_CC_API result<channel_connection_page> sync_list(const sync_call_context& call,
                                                      const list_channel_connections_params& params,
                                                      const call_options& options) {
  return execute_sync<channel_connection_page>(
      call, options,
      [&](const call_options& keyed) { return connections::build_list_request(call.config, params, keyed); },
      &finish_list_call, nullptr);
}

NOVU_CC_API result<channel_connection> sync_create(const sync_call_context& call,
                                                   const create_channel_connection_request& body,
                                                   const call_options& options) {
  return execute_sync<channel_connection>(
      call, options,
      [&](const call_options& keyed) { return connections::build_create_request(call.config, body, keyed); },
      &finish_connection_call, &body.auth);
}

NOVU_CC_API result<channel_connection> sync_retrieve(const sync_call_context& call, std::string_view identifier,
                                                     const call_options& options) {
  return execute_sync<channel_connection>(
      call, options,
      [&](const call_options& keyed) { return connections::build_retrieve_request(call.config, identifier, keyed); },
      &finish_connection_call, nullptr);
}

NOVU_CC_API result<channel_connection> sync_update(const sync_call_context& call, std::string_view identifier,
                                                   const update_channel_connection_request& body,
                                                   const call_options& options) {
  return execute_sync<channel_connection>(
      call, options,
      [&](const call_options& keyed) {
        return connections::build_update_request(call.config, identifier, body, keyed);
      },
      &finish_connection_call, &body.auth);
}

NOVU_CC_API result<void> sync_remove(const sync_call_context& call, std::string_view identifier,
                                     const call_options& options) {
  return execute_sync<void>(
      call, options,
      [&](const call_options& keyed) { return connections::build_delete_request(call.config, identifier, keyed); },
      &finish_delete_call, nullptr);
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
      &finish_verify_call, nullptr);
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
