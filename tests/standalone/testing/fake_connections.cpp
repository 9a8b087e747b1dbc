// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/testing/fake_connections.hpp"

int main() {
  novu::fake_backend server;
  novu::fake_connections store(server, {{"slack-prod", novu::channel_type::chat, novu::provider_id::slack}});
  novu::http_request request;
  request.method = "POST";
  request.path = "/v1/channel-connections";
  request.headers.push_back({"Authorization", "ApiKey sk_test_standalone"});
  request.body = R"({"integrationIdentifier":"slack-prod","subscriberId":"s","workspace":{"id":"T1"},)"
                 R"("auth":{"accessToken":"xoxb"}})";
  const novu::http_response created = server.handle(request);
  return created.status == 201 && store.connections().size() == 1 ? 0 : 1;
}
