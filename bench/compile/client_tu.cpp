// Compile-time probe: a translation unit that uses novu::client (update and list) over a
// transport. bench/run.sh compiles it twice at -O0: as is (header-only mode) and with
// -DNOVU_CC_SEPARATE_COMPILATION (declarations only; the implementation would come from one
// other file that defines NOVU_CC_IMPLEMENTATION).
// SPDX-License-Identifier: MIT
#include <cstddef>  // size_t

#include "novu/novu.hpp"

namespace {

novu::http_response answer(const novu::http_request& /*request*/) {
  novu::http_response response;
  response.status = 200;
  response.body = R"({"data":[],"next":null,"previous":null,"totalCount":0,"totalCountCapped":false})";
  return response;
}

}  // namespace

std::size_t use_client() {
  novu::client_config config;
  config.secret_key = "sk_test_123";
  novu::client<novu::http_response (*)(const novu::http_request&)> client(config, &answer);

  novu::update_channel_connection_request body;
  body.workspace.id = "T123456";
  body.auth.access_token = "xoxb-1234";
  const novu::result<novu::channel_connection> updated = client.update("slack-prod", body);

  novu::list_channel_connections_params params;
  params.limit = 100;
  const novu::result<novu::channel_connection_page> page = client.list(params);
  return (updated ? 1u : 0u) + (page ? page->data.size() : 0u);
}
