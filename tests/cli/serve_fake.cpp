// Serves an in-process novu::fake_novu on 127.0.0.1 for the command-line tool's tests: prints
// the base URL on one line, then serves until standard input closes (or 300 s pass).
#include <chrono>
#include <cstdio>
#include <thread>

#include <poll.h>
#include <unistd.h>

#include "../transport/loopback_server.hpp"

int main() {
  novu::fake_novu_options options;
  options.secret_key = "sk_cli_test_SECRET";
  // The defaults (slack-prod, msteams-prod) and the integrations the endpoint commands need.
  options.integrations.push_back({"pagerduty-prod", novu::channel_type::chat, novu::provider_id::pagerduty});
  options.integrations.push_back({"webex-prod", novu::channel_type::chat, novu::provider_id::webex_messaging});
  novu::fake_novu fake(options);
  transport_test::fake_server server(fake);
  if (!server.start()) {
    std::fprintf(stderr, "cannot start the fake server\n");
    return 1;
  }
  std::printf("%s\n", server.base_url().c_str());
  std::fflush(stdout);
  const auto deadline = std::chrono::steady_clock::now() + transport_test::server_lifetime;
  char buffer[64];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd in{0, POLLIN, 0};
    if (poll(&in, 1, 200) > 0 && read(0, buffer, sizeof buffer) <= 0) break;
  }
  server.stop();
  return 0;
}
