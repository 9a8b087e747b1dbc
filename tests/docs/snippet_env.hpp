// What the documentation's C++ snippets take as given: your HTTP stack, your engine's timer,
// your gateway's clock, and the objects earlier prose introduced (`config`, `client`, `body`...).
// tests/docs/snippets.py compiles every snippet of README.md and docs/ against these
// declarations; nothing is defined, as nothing is linked (-fsyntax-only).
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>      // uint32_t, uint64_t, int64_t
#include <cstdio>       // fprintf, printf
#include <cstdlib>      // getenv
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/connections/async_client.hpp"
#include "novu/novu.hpp"

namespace snippet_env {

// "Your HTTP stack" of the guides: a request with headers and a body, a response, a send.
struct MyHttp {
  struct Request {
    Request(const std::string& method, const std::string& url);
    void add_header(const std::string& name, const std::string& value);
    void set_body(const std::string& body);
  };
  struct Header {
    std::string name;
    std::string value;
  };
  struct Response {
    int status() const;
    const std::vector<Header>& headers() const;
    std::string body() const;
  };
  bool send(const Request& request, Response& response);
  std::string last_error() const;
};
extern MyHttp http;

// A stack that takes method, origin, target, headers and body apart.
struct my_stack_type {
  void send(const std::string& method, std::string_view origin, const std::string& target,
            const novu::http_headers& headers, const std::string& body);
};
extern my_stack_type my_stack;

// A stack that connects and exchanges bytes (the URL-parts example).
struct MySocketStack {
  struct Connection {
    novu::transport_result exchange(const std::string& bytes, std::uint32_t timeout_ms);
  };
  Connection connect(const std::string& host, std::uint16_t port, bool tls, const std::string& sni);
};

// Sync sends of the quick starts.
novu::transport_result send_with_my_stack(const novu::http_request& request);
novu::transport_result my_send(const novu::http_request& request);

// A sync transport for the snippets that need a client of some type.
struct stub_transport {
  novu::transport_result operator()(const novu::http_request& request) const;
};

// An engine's async HTTP module and timer.
struct MyAsyncTransport {
  void operator()(novu::http_request request, novu::transport_callback done) const;
};
void engine_schedule_after(std::uint32_t delay_ms, novu::timer_callback fire);

// An embedded gateway's hardware layer and its HTTP stack.
std::uint64_t hal_millis();
std::int64_t rtc_unix_ms();
void hal_delay(std::uint32_t ms);
std::uint32_t hal_random_u32();
struct gateway_transport {
  novu::transport_result operator()(const novu::http_request& request) const;
};

// What the surrounding prose has already set up.
extern novu::client_config config;
extern novu::client<stub_transport> client;
extern std::string identifier;
extern novu::update_channel_connection_request body;
extern int status;
extern novu::http_headers headers;
extern std::string body_text;
extern novu::result<novu::channel_connection> c;

// The application's own reactions.
void log(const std::string& message);
void handle(const novu::error& error);
template <class T>
void use(const T& value);

}  // namespace snippet_env
