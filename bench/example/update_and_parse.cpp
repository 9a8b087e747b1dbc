// Footprint probe: the smallest useful program, built the way bench/run.sh measures
// example_binary_bytes: build an update request, then parse the server's answer to it.
// SPDX-License-Identifier: MIT
#include <cstdio>  // printf

#include "novu/novu.hpp"

int main() {
  novu::client_config config;
  config.secret_key = "sk_test_123";
  novu::update_channel_connection_request body;
  body.workspace.id = "T123456";
  body.workspace.name = "Acme HQ";
  body.auth.access_token = "Workspace access token";
  const novu::result<novu::http_request> request =
      novu::connections::build_update_request(config, "slack-prod-user123-abc4", body);
  if (!request) return 1;
  std::printf("%s %s\n%s\n", request->method.c_str(), request->url.c_str(), request->body.c_str());

  novu::http_response response;
  response.status = 200;
  response.body =
      R"({"data":{"identifier":"slack-prod-user123-abc4","channel":"chat","providerId":"slack",)"
      R"("integrationIdentifier":"slack-prod","subscriberId":"subscriber-123","contextKeys":["tenant:org-123"],)"
      R"("workspace":{"id":"T123456","name":"Acme HQ"},"auth":{"accessToken":"xoxb-1234"},)"
      R"("createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-02T00:00:00.000Z"}})";
  const novu::result<novu::channel_connection> updated = novu::connections::parse_update_response(response);
  if (!updated) {
    std::printf("error: %s\n", updated.error().message.c_str());
    return 1;
  }
  std::printf("updated %s at %s\n", updated->identifier.c_str(), updated->updated_at.c_str());
  return 0;
}
