// Compiles the example transport headers on their own, for the warning matrix in run.sh
// (g++ and clang++, C++17 and C++20, -Wall -Wextra -Wpedantic -Werror), and once without
// CPPHTTPLIB_OPENSSL_SUPPORT to cover the branch that refuses https.
// SPDX-License-Identifier: MIT

#include "transports/httplib_transport.hpp"
#include "transports/async_thread_transport.hpp"

#include "novu/novu.hpp"

// Instantiates every transport with the clients, so templates are checked too.
int main() {
  novu::client_config config;
  novu::client<novu_examples::httplib_transport> sync(config, novu_examples::httplib_transport{});
  novu_examples::thread_timer timer;
  novu_examples::async_curl_transport transport;
  novu_examples::basic_async_thread_transport<novu_examples::httplib_transport> over_httplib;
  novu::async_client<novu_examples::async_curl_transport::caller> async(config, transport.get_caller(),
                                                                        timer.get_timer());
  novu::async_client<novu_examples::basic_async_thread_transport<novu_examples::httplib_transport>::caller> other(
      config, over_httplib.get_caller());
  (void)sync;
  (void)async;
  (void)other;
  return 0;
}
