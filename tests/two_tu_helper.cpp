// Second translation unit of unit-two-tu.cpp. Both include every public umbrella, so a
// function or variable defined in a header without `inline` is defined twice and the test
// binary fails to link. The same client templates are instantiated here and there.
// SPDX-License-Identifier: MIT
#include <functional>   // function
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/connections/async_client.hpp"
#include "novu/novu.hpp"
#include "novu/testing/fake_novu.hpp"
#include "two_tu_helper.hpp"

namespace two_tu {

novu::result<novu::http_request> helper_build_update(const novu::client_config& config, std::string_view identifier,
                                                     const novu::update_channel_connection_request& body,
                                                     const novu::call_options& options) {
  return novu::connections::build_update_request(config, identifier, body, options);
}

novu::result<novu::channel_connection> helper_sync_update(const novu::client_config& config, sync_transport transport,
                                                          std::string_view identifier,
                                                          const novu::update_channel_connection_request& body) {
  novu::client<sync_transport> client(config, transport);
  return client.update(identifier, body);
}

void helper_async_update(const novu::client_config& config, async_transport transport, std::string_view identifier,
                         const novu::update_channel_connection_request& body,
                         std::function<void(novu::result<novu::channel_connection>)> on_done) {
  novu::async_client<async_transport> client(config, transport);
  client.update(identifier, body, std::move(on_done));
}

}  // namespace two_tu
