// Pure request builders of the channel endpoints: (configuration, arguments) -> complete HTTP
// request, or an error. They never perform I/O; the rules are the connections' (identifiers,
// idempotency keys, query order, UTF-8).
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 32
#endif
// NOVU_CC_STANDALONE }

#include <optional>     // optional
#include <string_view>  // string_view

#include "novu/core/config.hpp"
#include "novu/core/http.hpp"
#include "novu/core/request.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"
#include "novu/endpoints/dto.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// Channel endpoints' pure functions (the same names as novu::connections' for the sibling
/// resource).
namespace endpoints {

/// GET /v1/channel-endpoints with the query in the SDK's (alphabetical) key order. Fails when
/// `limit` is outside 1..100, `after` and `before` are both set, or a value is not valid UTF-8.
NOVU_CC_API result<http_request> build_list_request(const client_config& config,
                                                    const list_channel_endpoints_params& params,
                                                    const call_options& options = {});
/// POST /v1/channel-endpoints. Fails (invalid_argument, naming the field) when `subscriber_id`
/// or `integration_identifier` is empty, or when the payload is not the one `type` names.
NOVU_CC_API result<http_request> build_create_request(const client_config& config,
                                                      const create_channel_endpoint_request& body,
                                                      const call_options& options = {});
/// GET /v1/channel-endpoints/{identifier}.
NOVU_CC_API result<http_request> build_retrieve_request(const client_config& config, std::string_view identifier,
                                                        const call_options& options = {});
/// PATCH /v1/channel-endpoints/{identifier} with `{"endpoint": {...}}` only (the server keeps
/// the stored type; the payload must be of that type).
NOVU_CC_API result<http_request> build_update_request(const client_config& config, std::string_view identifier,
                                                      const update_channel_endpoint_request& body,
                                                      const call_options& options = {});
/// DELETE /v1/channel-endpoints/{identifier}.
NOVU_CC_API result<http_request> build_delete_request(const client_config& config, std::string_view identifier,
                                                      const call_options& options = {});

/// Parameters of the page after `page` (its `next` as `after`, filters kept, no `before`, no
/// `include_cursor`); nullopt when `page` is the last one.
NOVU_CC_API std::optional<list_channel_endpoints_params> next_page_params(const list_channel_endpoints_params& params,
                                                                          const channel_endpoint_page& page);

}  // namespace endpoints

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 32
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/endpoints/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
