// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/testing/fake_endpoints.hpp"

int main() {
  novu::fake_backend server;
  novu::fake_connections connections(server, {{"slack-prod", novu::channel_type::chat, novu::provider_id::slack}});
  novu::fake_endpoints store(server, connections);
  novu::http_request request;
  request.method = "POST";
  request.path = "/v1/channel-endpoints";
  request.headers.push_back({"Authorization", "ApiKey sk_test_standalone"});
  request.body = R"({"subscriberId":"s","integrationIdentifier":"slack-prod","type":"slack_channel",)"
                 R"("endpoint":{"channelId":"C1"}})";
  const novu::http_response created = server.handle(request);
  return created.status == 201 && store.endpoints().size() == 1 ? 0 : 1;
}
