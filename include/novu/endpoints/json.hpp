// JSON mapping of the channel endpoint DTOs (what all resources share is in novu/core/json.hpp),
// exception-free in both directions, driven by the same field tables as the connections'.
// `endpoint` is decoded as the alternative its sibling `type` names, whichever member comes
// first; an unknown `type` keeps the payload as raw JSON (also inside a list page); a known type
// whose payload lacks a required field is a decode error at its pointer (/data/endpoint/roomId).
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 31
#endif
// NOVU_CC_STANDALONE }

#include <string>       // string
#include <string_view>  // string_view

#include "novu/core/config.hpp"
#include "novu/core/json.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"
#include "novu/endpoints/dto.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// A channel endpoint from `{"data": {...}}` (the server's envelope) or a bare object.
NOVU_CC_API result<channel_endpoint> decode_channel_endpoint(std::string_view json, const decode_limits& limits = {});
/// A list page (`ListChannelEndpointsResponseDto`).
NOVU_CC_API result<channel_endpoint_page> decode_channel_endpoint_page(std::string_view json,
                                                                       const decode_limits& limits = {});
/// The payload of an endpoint of type `type` from its JSON (e.g. an update body's `endpoint`, or a
/// raw_alternative once its type is known): the typed alternative, or raw JSON for an unknown type.
NOVU_CC_API result<endpoint_data> decode_endpoint_data(const endpoint_type& type, std::string_view json,
                                                       const decode_limits& limits = {});

namespace endpoints {
/// An update request body, as a server or proxy would read it (the payload stays raw JSON: the
/// body does not say its type; see decode_endpoint_data).
NOVU_CC_API result<update_channel_endpoint_request> decode_update_request(std::string_view json,
                                                                          const decode_limits& limits = {});
/// A create request body, as a server or proxy would read it.
NOVU_CC_API result<create_channel_endpoint_request> decode_create_request(std::string_view json,
                                                                          const decode_limits& limits = {});
}  // namespace endpoints

/// Compact JSON of a create request body (the typed payload must be the one `type` names).
NOVU_CC_API result<std::string> encode_json(const create_channel_endpoint_request& body);
/// Compact JSON of an update request body: `{"endpoint": {...}}`, no type.
NOVU_CC_API result<std::string> encode_json(const update_channel_endpoint_request& body);
/// Compact JSON of a channel endpoint (bare, without the `data` envelope).
NOVU_CC_API result<std::string> encode_json(const channel_endpoint& endpoint);
/// Compact JSON of a list page.
NOVU_CC_API result<std::string> encode_json(const channel_endpoint_page& page);

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 31
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/endpoints/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
