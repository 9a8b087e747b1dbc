// Deliver to a Slack channel: a channel connection holds the workspace's credentials, then a
// channel endpoint says where to deliver (the channel), bound to that connection.
//
//   deliver_to_slack        against an in-process fake Novu (no network)
//   deliver_to_slack BASE_URL INTEGRATION SUBSCRIBER SLACK_CHANNEL_ID
//                           against a real server through libcurl; the secret key comes from
//                           NOVU_SECRET_KEY and the Slack bot token from SLACK_BOT_TOKEN (uses
//                           CURL). Creates (or updates) the connection, creates the endpoint,
//                           lists the subscriber's endpoints; deletes nothing.
//
// The guide: docs/guides/deliver-to-slack.md.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "novu/core/printing.hpp"
#include "novu/novu.hpp"
#include "novu/testing/fake_novu.hpp"
#include "transports/curl_transport.hpp"

namespace {

// What the example needs to know about the workspace and the channel.
struct slack_target {
  std::string integration;  // the Slack integration's identifier in Novu
  std::string subscriber;   // the subscriber to deliver to
  std::string workspace;    // the Slack team id
  std::string bot_token;    // xoxb-..., the credential the connection holds
  std::string channel;      // the Slack channel id
};

// The steps, over any novu::client.
template <class Client>
int deliver(Client& client, const slack_target& target) {
  // 1. The connection: the workspace and its bot token, for this subscriber. create_or_update
  //    makes the step repeatable: a second run updates the connection the server names.
  novu::create_channel_connection_request connection;
  connection.integration_identifier = target.integration;
  connection.subscriber_id = target.subscriber;
  connection.workspace.id = target.workspace;
  connection.auth.access_token = target.bot_token;
  novu::result<novu::channel_connection> connected = client.channel_connections().create_or_update(connection);
  if (!connected) {
    std::printf("connection failed:\n%s\n", novu::to_debug_string(connected.error()).c_str());
    return 1;
  }
  std::printf("connection %s: workspace %s\n", connected->identifier.c_str(), connected->workspace.id.c_str());

  // 2. The endpoint: the channel, bound to that connection (same integration).
  novu::create_channel_endpoint_request endpoint;
  endpoint.subscriber_id = target.subscriber;
  endpoint.integration_identifier = target.integration;
  endpoint.connection_identifier = connected->identifier;
  endpoint.type = novu::endpoint_type(novu::endpoint_type::slack_channel);
  endpoint.endpoint = novu::slack_channel_endpoint{target.channel};
  novu::result<novu::channel_endpoint> created = client.channel_endpoints().create(endpoint);
  if (!created) {
    std::printf("endpoint failed:\n%s\n", novu::to_debug_string(created.error()).c_str());
    return 1;
  }
  const auto& slack = std::get<novu::slack_channel_endpoint>(created->endpoint);
  std::printf("endpoint %s: %s channel %s via %s\n", created->identifier.c_str(), created->type.value().c_str(),
              slack.channel_id.c_str(), created->connection_identifier.value_or("no connection").c_str());

  // 3. Where this subscriber's chat messages go now.
  novu::list_channel_endpoints_params params;
  params.subscriber_id = target.subscriber;
  std::size_t count = 0;
  novu::result<std::size_t> pages =
      client.channel_endpoints().for_each_page(params, [&](const novu::channel_endpoint_page& page) {
        for (const novu::channel_endpoint& e : page.data) {
          std::printf("  %s %s\n", e.identifier.c_str(), e.type.value().c_str());
          ++count;
        }
        return true;
      });
  if (!pages) {
    std::printf("list failed: %s\n", pages.error().message.c_str());
    return 1;
  }
  std::printf("%zu endpoint(s) for %s\n", count, target.subscriber.c_str());

  // A payload that is not the type's is refused before anything is sent.
  endpoint.endpoint = novu::slack_user_endpoint{"U0123456789"};
  novu::result<novu::channel_endpoint> refused = client.channel_endpoints().create(endpoint);
  if (!refused) {
    std::printf("refused: %s: %s\n", std::string(novu::to_string(refused.error().kind)).c_str(),
                refused.error().message.c_str());
  }
  return 0;
}

int run_against_fake() {
  std::printf("No BASE_URL given: talking to an in-process fake Novu.\n");
  novu::fake_novu fake;
  novu::client_config config;
  config.secret_key = "sk_test_example";
  novu::client<novu::fake_novu::sync_transport> client(config, fake.transport());
  return deliver(client, {"slack-prod", "subscriber-123", "T123456", "xoxb-example-token", "C0123456789"});
}

int run_against_server(char** argv) {
  const char* key = std::getenv("NOVU_SECRET_KEY");
  const char* token = std::getenv("SLACK_BOT_TOKEN");
  if (key == nullptr || *key == '\0' || token == nullptr || *token == '\0') {
    std::fprintf(stderr, "NOVU_SECRET_KEY and SLACK_BOT_TOKEN must be set\n");
    return 2;
  }
  novu_examples::curl_global curl;
  novu::client_config config;
  config.secret_key = key;
  config.server_url = argv[1];
  novu::client<novu_examples::curl_transport> client(
      config, novu_examples::curl_transport(novu_examples::curl_transport_options{}));
  // The workspace id is what Slack's OAuth answer called team.id; the server keeps the one it has
  // when the connection exists already.
  const char* team = std::getenv("SLACK_TEAM_ID");
  return deliver(client, {argv[2], argv[3], team != nullptr ? team : "T0000000", token, argv[4]});
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 1) return run_against_fake();
  if (argc == 5) return run_against_server(argv);
  std::fprintf(stderr,
               "usage: %s [BASE_URL INTEGRATION SUBSCRIBER SLACK_CHANNEL_ID]\n"
               "  (NOVU_SECRET_KEY, SLACK_BOT_TOKEN and optionally SLACK_TEAM_ID in the environment)\n",
               argv[0]);
  return 2;
}
