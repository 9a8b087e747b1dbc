// Updates a channel connection end to end: builds the PATCH request, sends it through a
// transport, and prints the request (secrets masked) and the typed result.
//
//   update_channel_connection                 against an in-process fake Novu (no network)
//   update_channel_connection BASE_URL ID     against a real server through libcurl; the secret
//                                             key comes from NOVU_SECRET_KEY (uses CURL)
#include <cstdio>
#include <cstdlib>
#include <string>

#include "novu/novu.hpp"
#include "novu/testing/fake_novu.hpp"
#include "novu/core/printing.hpp"
#include "transports/curl_transport.hpp"

namespace {

// Prints the outcome of the update and returns the process exit code.
int report(const novu::result<novu::channel_connection>& updated) {
  if (!updated) {
    std::printf("update failed:\n%s\n", novu::to_debug_string(updated.error()).c_str());
    return 1;
  }
  std::printf("updated %s: workspace %s (%s), provider %s, updated at %s\n", updated->identifier.c_str(),
              updated->workspace.id.c_str(), updated->workspace.name.value_or("no name").c_str(),
              updated->provider_id ? updated->provider_id->value().c_str() : "null", updated->updated_at.c_str());
  return 0;
}

// A transport that prints each request (secrets masked) before handing it on.
template <class Inner>
struct printing_transport {
  Inner inner;
  novu::transport_result operator()(const novu::http_request& request) {
    std::printf("--> %s\n", novu::to_debug_string(request).c_str());
    novu::transport_result answer = inner(request);
    if (answer) std::printf("<-- %s\n", novu::to_debug_string(*answer).c_str());
    return answer;
  }
};

// The seed page's update body.
novu::update_channel_connection_request seed_update() {
  novu::update_channel_connection_request body;
  body.workspace.id = "T123456";
  body.workspace.name = "Acme HQ";
  body.auth.access_token = "Workspace access token";
  return body;
}

int run_against_fake() {
  std::printf("No BASE_URL given: talking to an in-process fake Novu.\n\n");
  novu::fake_novu fake;
  novu::client_config config;
  config.secret_key = "sk_test_example";
  novu::client<printing_transport<novu::fake_novu::sync_transport>> client(config, {fake.transport()});

  novu::create_channel_connection_request create;
  create.identifier = "slack-prod-user123-abc4";
  create.subscriber_id = "subscriber-123";
  create.context = std::vector<novu::context_entry>{{"tenant", "org-123", std::nullopt}};
  create.integration_identifier = "slack-prod";
  create.workspace.id = "T000001";
  create.auth.access_token = "xoxb-old-token";
  novu::result<novu::channel_connection> created = client.create(create);
  if (!created) {
    std::printf("create failed: %s\n", created.error().message.c_str());
    return 1;
  }
  std::printf("\n");
  const int status = report(client.update(created->identifier, seed_update()));
  std::printf("\nAn invalid identifier is refused before anything is sent:\n");
  novu::result<novu::channel_connection> refused = client.update("..", seed_update());
  std::printf("  %s: %s\n", std::string(novu::to_string(refused.error().kind)).c_str(),
              refused.error().message.c_str());
  return status;
}

int run_against_server(const char* base_url, const char* identifier) {
  const char* key = std::getenv("NOVU_SECRET_KEY");
  if (key == nullptr || *key == '\0') {
    std::fprintf(stderr, "NOVU_SECRET_KEY is not set\n");
    return 2;
  }
  novu_examples::curl_global curl;
  novu::client_config config;
  config.secret_key = key;
  config.server_url = base_url;
  novu::client<printing_transport<novu_examples::curl_transport>> client(
      config, {novu_examples::curl_transport(novu_examples::curl_transport_options{})});
  return report(client.update(identifier, seed_update()));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 1) return run_against_fake();
  if (argc == 3) return run_against_server(argv[1], argv[2]);
  std::fprintf(stderr, "usage: %s [BASE_URL IDENTIFIER]   (secret key in NOVU_SECRET_KEY)\n", argv[0]);
  return 2;
}
