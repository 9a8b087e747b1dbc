// The functions two_tu_helper.cpp defines and unit-two-tu.cpp calls: the same client calls made
// from a second translation unit (see unit-two-tu.cpp).
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>   // function
#include <string_view>  // string_view

#include "novu/connections/async_client.hpp"
#include "novu/novu.hpp"

namespace two_tu {

using sync_transport = novu::transport_result (*)(const novu::http_request&);
using async_transport = void (*)(novu::http_request, novu::transport_callback);

novu::result<novu::http_request> helper_build_update(const novu::client_config& config, std::string_view identifier,
                                                     const novu::update_channel_connection_request& body,
                                                     const novu::call_options& options);
novu::result<novu::channel_connection> helper_sync_update(const novu::client_config& config, sync_transport transport,
                                                          std::string_view identifier,
                                                          const novu::update_channel_connection_request& body);
void helper_async_update(const novu::client_config& config, async_transport transport, std::string_view identifier,
                         const novu::update_channel_connection_request& body,
                         std::function<void(novu::result<novu::channel_connection>)> on_done);

}  // namespace two_tu
