// JSON mapping of the connection DTOs on nlohmann/json (what all resources share is in
// novu/core/json.hpp), exception-free in both directions.
// Decoding goes straight from nlohmann's SAX events into the DTOs (no DOM), names the JSON
// pointer of the first offending element, ignores unknown fields and honours decode_limits
// (body size, depth, element count). A repeated member, `data` envelope or map key: the last
// one wins. A NUL byte anywhere is malformed JSON. An integer field takes only a number
// written as an integer (no fraction, no exponent) within int64.
// Encoding is compact, writes fields in the OpenAPI document's order, omits absent optional
// fields and reports invalid UTF-8 as an error instead of throwing.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 4
#endif
// NOVU_CC_STANDALONE }

#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view

#include "novu/connections/dto.hpp"
#include "novu/core/config.hpp"
#include "novu/core/json.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// A channel connection from `{"data": {...}}` (the server's envelope) or a bare object.
NOVU_CC_API result<channel_connection> decode_channel_connection(std::string_view json,
                                                                 const decode_limits& limits = {});
/// A list page (`ListChannelConnectionsResponseDto`).
NOVU_CC_API result<channel_connection_page> decode_channel_connection_page(std::string_view json,
                                                                           const decode_limits& limits = {});
/// Decodes a channel connection into `out`, reusing the memory `out` already holds: decoding
/// body after body into one value allocates only where a string or list outgrows what it had.
/// On success `out` equals what decode_channel_connection returns; on failure it holds a valid
/// but unspecified value.
NOVU_CC_API result<void> decode_channel_connection_into(std::string_view json, channel_connection& out,
                                                        const decode_limits& limits = {});
/// A list page into `out`, reusing the memory it holds (see decode_channel_connection_into).
NOVU_CC_API result<void> decode_channel_connection_page_into(std::string_view json, channel_connection_page& out,
                                                             const decode_limits& limits = {});
namespace connections {

/// An update request body, as a server or proxy would read it.
NOVU_CC_API result<update_channel_connection_request> decode_update_request(std::string_view json,
                                                                            const decode_limits& limits = {});
/// A create request body, as a server or proxy would read it.
NOVU_CC_API result<create_channel_connection_request> decode_create_request(std::string_view json,
                                                                            const decode_limits& limits = {});

}  // namespace connections

/// Compact JSON of an update request body.
NOVU_CC_API result<std::string> encode_json(const update_channel_connection_request& body);
/// Compact JSON of a create request body.
NOVU_CC_API result<std::string> encode_json(const create_channel_connection_request& body);
/// Compact JSON of a channel connection (bare, without the `data` envelope).
NOVU_CC_API result<std::string> encode_json(const channel_connection& connection);
/// Compact JSON of a list page.
NOVU_CC_API result<std::string> encode_json(const channel_connection_page& page);

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 4
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/connections/detail/implementation.hpp"
#endif
// NOVU_CC_STANDALONE }
