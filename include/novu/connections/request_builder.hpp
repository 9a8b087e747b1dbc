// Pure request builders: (configuration, arguments) -> complete HTTP request, or an error.
// They never perform I/O. The wire format follows the OpenAPI document and matches Novu's
// official TypeScript SDK byte for byte where that SDK is right (see docs/differences.md).
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 5
#endif
// NOVU_CC_STANDALONE }

#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view

#include "novu/core/config.hpp"
#include "novu/connections/dto.hpp"
#include "novu/core/http.hpp"
#include "novu/core/request.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// Channel connections' pure functions whose names every resource has (build_*_request,
/// parse_*_response, decode_*_request, next_page_params); the DTOs stay in `novu`.
namespace connections {

/// GET /v1/channel-connections with the query in the SDK's fixed key order. Fails when
/// `limit` is outside 1..100, when both `before` and `after` are set (the server answers 400),
/// or when a value is not valid UTF-8.
NOVU_CC_API result<http_request> build_list_request(const client_config& config,
                                                    const list_channel_connections_params& params,
                                                    const call_options& options = {});
/// POST /v1/channel-connections. An empty `integration_identifier`, `workspace.id` or
/// `auth.access_token` is refused (location "integrationIdentifier", "workspace.id",
/// "auth.accessToken"): a default-built novu::auth never reaches the server.
NOVU_CC_API result<http_request> build_create_request(const client_config& config,
                                                      const create_channel_connection_request& body,
                                                      const call_options& options = {});
/// GET /v1/channel-connections/{identifier}.
NOVU_CC_API result<http_request> build_retrieve_request(const client_config& config, std::string_view identifier,
                                                        const call_options& options = {});
/// PATCH /v1/channel-connections/{identifier}. Empty, "." and ".." identifiers are rejected, so
/// are an empty `workspace.id` or `auth.access_token`. The server replaces `auth` whole: a body
/// without `refresh_token` erases the stored refresh token.
NOVU_CC_API result<http_request> build_update_request(const client_config& config, std::string_view identifier,
                                                      const update_channel_connection_request& body,
                                                      const call_options& options = {});
/// DELETE /v1/channel-connections/{identifier}.
NOVU_CC_API result<http_request> build_delete_request(const client_config& config, std::string_view identifier,
                                                      const call_options& options = {});

/// POST /v1/channel-connections/{identifier}/verify, without a body: the server checks the
/// stored tokens with the provider (refreshing them when due). Not in the OpenAPI document.
NOVU_CC_API result<http_request> build_verify_request(const client_config& config, std::string_view identifier,
                                                      const call_options& options = {});

/// Parameters of the page after `page`: its `next` cursor as `after`, every filter kept, no
/// `before`, no `include_cursor` (the cursor is the last item of `page`, which must not come
/// again). nullopt when `page` is the last one.
NOVU_CC_API std::optional<list_channel_connections_params> next_page_params(
    const list_channel_connections_params& params, const channel_connection_page& page);

}  // namespace connections

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 5
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/connections/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
