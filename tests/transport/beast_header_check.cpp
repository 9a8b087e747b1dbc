// Compiles the Boost.Beast transport header on its own with the clients, for the warning
// matrix in run.sh (g++ and clang++, C++17 and C++20, -Wall -Wextra -Wpedantic -Werror).
// SPDX-License-Identifier: MIT

#include "transports/beast_transport.hpp"

#include "novu/connections/async_client.hpp"
#include "novu/novu.hpp"

// Instantiates both transports with the clients, so templates are checked too.
int main() {
  novu::client_config config;
  boost::asio::io_context io;
  novu::client<novu_examples::beast_transport> sync(config, novu_examples::beast_transport{});
  novu::async_client<novu_examples::beast_async_transport> async(
      config, novu_examples::beast_async_transport(io.get_executor()), novu_examples::beast_timer(io.get_executor()),
      novu::system_environment{});
  (void)sync;
  (void)async;
  return 0;
}
