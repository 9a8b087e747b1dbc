// Walks the whole lifecycle of channel connections: create three, list them page by page,
// retrieve one, update it (carrying the refresh token forward), verify it, delete them all,
// and show that a deleted one is gone.
//
//   lifecycle              against an in-process fake Novu (no network)
//   lifecycle BASE_URL     against a real server through libcurl (secret key from
//                          NOVU_SECRET_KEY; integration identifier from NOVU_INTEGRATION,
//                          default "slack-prod"). Uses CURL.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "novu/novu.hpp"
#include "novu/testing/fake_novu.hpp"
#include "transports/curl_transport.hpp"

namespace {

// Prints an error and returns the exit code for it.
int fail(const char* step, const novu::error& e) {
  std::printf("%s failed (%s, HTTP %d): %s\n", step, std::string(novu::to_string(e.kind)).c_str(), e.status,
              e.message.c_str());
  return 1;
}

// With `demo_refresh_tokens` (the fake only: a real provider would reject them) the connections
// get a refresh token, which the update below carries forward.
template <class Transport>
int lifecycle(novu::client<Transport>& client, const std::string& integration, bool demo_refresh_tokens) {
  std::vector<std::string> created;
  for (int i = 1; i <= 3; ++i) {
    novu::create_channel_connection_request body;
    body.subscriber_id = "lifecycle-subscriber-" + std::to_string(i);
    body.context = std::vector<novu::context_entry>{{"tenant", "lifecycle-demo", std::nullopt}};
    body.integration_identifier = integration;
    body.workspace.id = "T-LIFECYCLE";
    body.workspace.name = "Lifecycle demo";
    body.auth.access_token = "xoxb-demo-token-" + std::to_string(i);
    if (demo_refresh_tokens) body.auth.refresh_token = "xoxe-demo-refresh-" + std::to_string(i);
    novu::result<novu::channel_connection> c = client.create(body);
    if (!c) return fail("create", c.error());
    std::printf("created   %s (subscriber %s)\n", c->identifier.c_str(), c->subscriber_id.value_or("-").c_str());
    created.push_back(c->identifier);
  }

  novu::list_channel_connections_params filter;
  filter.context_keys = std::vector<std::string>{"tenant:lifecycle-demo"};
  filter.limit = 2;
  novu::result<std::size_t> pages = client.for_each_page(filter, [](const novu::channel_connection_page& page) {
    std::printf("page      %zu item(s) of %lld:", page.data.size(), static_cast<long long>(page.total_count));
    for (const novu::channel_connection& c : page.data) std::printf(" %s", c.identifier.c_str());
    std::printf("\n");
    return true;
  });
  if (!pages) return fail("list", pages.error());
  std::printf("listed    %zu page(s)\n", *pages);

  novu::result<novu::channel_connection> one = client.retrieve(created.front());
  if (!one) return fail("retrieve", one.error());
  std::printf("retrieved %s, workspace %s\n", one->identifier.c_str(), one->workspace.id.c_str());

  // PATCH replaces `auth` whole: an update without refresh_token erases the stored one. Start
  // from the stored auth (refresh token and expiries) and change only what changed.
  novu::update_channel_connection_request update;
  update.workspace = one->workspace;
  update.workspace.name = "Lifecycle demo (renamed)";
  update.auth = one->auth;
  update.auth.access_token = "xoxb-rotated-token";
  novu::result<novu::channel_connection> updated = client.update(created.front(), update);
  if (!updated) return fail("update", updated.error());
  std::printf("updated   %s, workspace name now \"%s\", refresh token %s\n", updated->identifier.c_str(),
              updated->workspace.name.value_or("").c_str(), updated->auth.refresh_token ? "kept" : "none");

  // Verify checks the stored tokens with the provider (refreshing them when due); a 502 means
  // the provider rejected the refresh token and the user must connect again.
  novu::result<novu::channel_connection> verified = client.verify(created.front());
  if (!verified) return fail("verify", verified.error());
  std::printf("verified  %s, access token expires %s\n", verified->identifier.c_str(),
              verified->auth.expires_at.value_or("-").c_str());

  for (const std::string& id : created) {
    novu::result<void> gone = client.remove(id);
    if (!gone) return fail("delete", gone.error());
    std::printf("deleted   %s\n", id.c_str());
  }
  novu::result<novu::channel_connection> missing = client.retrieve(created.front());
  if (missing) {
    std::printf("a deleted connection is still there\n");
    return 1;
  }
  std::printf("retrieve after delete: %s\n", missing.error().message.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 1) {
    std::printf("No BASE_URL given: talking to an in-process fake Novu.\n");
    novu::fake_novu fake;
    novu::client_config config;
    config.secret_key = "sk_test_example";
    novu::client<novu::fake_novu::sync_transport> client(config, fake.transport());
    return lifecycle(client, "slack-prod", true);
  }
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s [BASE_URL]   (secret key in NOVU_SECRET_KEY)\n", argv[0]);
    return 2;
  }
  const char* key = std::getenv("NOVU_SECRET_KEY");
  if (key == nullptr || *key == '\0') {
    std::fprintf(stderr, "NOVU_SECRET_KEY is not set\n");
    return 2;
  }
  const char* integration = std::getenv("NOVU_INTEGRATION");
  novu_examples::curl_global curl;
  novu::client_config config;
  config.secret_key = key;
  config.server_url = argv[1];
  novu::client<novu_examples::curl_transport> client(
      config, novu_examples::curl_transport(novu_examples::curl_transport_options{}));
  return lifecycle(client, integration != nullptr && *integration != '\0' ? integration : "slack-prod", false);
}
