// The program every consumer project builds: it makes an update request and checks that it is
// a PATCH, proving the headers, nlohmann/json and the build integration all came through.
// SPDX-License-Identifier: MIT
#include <cstdio>  // printf, fprintf
#include <string>  // string

#include <novu/novu.hpp>

int main() {
  novu::client_config config;
  config.secret_key = "sk_test_123";
  novu::update_channel_connection_request body;
  body.workspace.id = "T123456";
  body.auth.access_token = "Workspace access token";
  const novu::result<novu::http_request> request = novu::connections::build_update_request(config, "conn-1", body);
  if (!request) {
    std::fprintf(stderr, "build_update_request failed: %s\n", request.error().message.c_str());
    return 1;
  }
  if (request->method != "PATCH") {
    std::fprintf(stderr, "expected PATCH, got %s\n", request->method.c_str());
    return 1;
  }
#ifdef NOVU_CC_EXPECTED_VERSION
  // The version the build system reported must be the header's.
  if (std::string(NOVU_CC_EXPECTED_VERSION) != NOVU_CC_VERSION_STRING) {
    std::fprintf(stderr, "build system says version %s, header says %s\n", NOVU_CC_EXPECTED_VERSION,
                 NOVU_CC_VERSION_STRING);
    return 1;
  }
#endif
  std::printf("consumer ok: novu-channels %s: %s %s\n", NOVU_CC_VERSION_STRING, request->method.c_str(),
              request->url.c_str());
  return 0;
}
