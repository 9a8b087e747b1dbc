// Test-only servers on 127.0.0.1 and a free port: fake_server serves an in-process
// novu::fake_novu over cpp-httplib's server (plain or TLS); drop_server accepts connections,
// reads what the client sends and closes them without answering.
// SPDX-License-Identifier: MIT
#pragma once

#include <arpa/inet.h>   // htonl, htons, ntohs
#include <netinet/in.h>  // sockaddr_in, INADDR_LOOPBACK
#include <poll.h>        // poll
#include <sys/socket.h>  // socket, bind, listen, accept, getsockname
#include <unistd.h>      // close, read

#include <atomic>       // atomic
#include <chrono>       // steady_clock, milliseconds, seconds
#include <cstddef>      // size_t
#include <memory>       // unique_ptr, make_unique
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <thread>       // thread, sleep_for

#include <httplib.h>  // httplib::Server, httplib::SSLServer

#include "novu/testing/fake_novu.hpp"

namespace transport_test {

// How long any test server lives at most, whatever the test does.
constexpr std::chrono::seconds server_lifetime{300};

// httplib's server reports the peer and local address as pseudo header fields.
inline bool is_pseudo_header(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

// The request as the fake sees it: the raw target, the headers received, the body.
inline novu::http_request to_novu_request(const httplib::Request& in, const std::string& origin) {
  novu::http_request out;
  out.method = in.method;
  out.path = in.target;
  out.url = origin + in.target;
  for (const auto& field : in.headers) {
    if (!is_pseudo_header(field.first)) out.headers.push_back({field.first, field.second});
  }
  out.body = in.body;
  return out;
}

// Copies the fake's answer into httplib's response; Content-Type travels with the body.
inline void to_httplib_response(const novu::http_response& in, httplib::Response& out) {
  out.status = in.status;
  std::string content_type;
  for (const novu::http_header& h : in.headers) {
    if (novu::header_name_equals(h.name, "Content-Type")) {
      content_type = h.value;
    } else {
      out.headers.emplace(h.name, h.value);
    }
  }
  if (!in.body.empty() || !content_type.empty()) {
    out.set_content(in.body, content_type.empty() ? std::string("application/octet-stream") : content_type);
  }
}

// A cpp-httplib server answering every request with `fake.handle`, except GET /__test/slow,
// which answers 200 "slow" after 300 ms (to keep a worker busy in shutdown tests), GET
// /__test/late/..., which answers a 404 ErrorDto 300 ms late, without the fake (a server answering
// too late for a short per-call timeout: use base_url() + late_prefix as server_url), and
// GET /__test/count, which answers the number of requests the fake has handled.
class fake_server {
 public:
  // A plain http server.
  explicit fake_server(novu::fake_novu& fake) : fake_(fake), server_(std::make_unique<httplib::Server>()) {}
#if defined(CPPHTTPLIB_OPENSSL_SUPPORT)
  // An https server presenting `cert_pem` with `key_pem`.
  fake_server(novu::fake_novu& fake, const std::string& cert_pem, const std::string& key_pem)
      : fake_(fake), server_(std::make_unique<httplib::SSLServer>(cert_pem.c_str(), key_pem.c_str())), tls_(true) {}
#endif
  ~fake_server() { stop(); }
  fake_server(const fake_server&) = delete;
  fake_server& operator=(const fake_server&) = delete;

  // Binds 127.0.0.1 on a free port and serves on a thread; false when that failed or the
  // server did not run within 5 s.
  bool start() {
    if (!server_->is_valid()) return false;
    server_->set_read_timeout(std::chrono::seconds(5));
    server_->set_write_timeout(std::chrono::seconds(5));
    server_->set_keep_alive_max_count(100);
    server_->Get("/__test/slow", [this](const httplib::Request&, httplib::Response& res) {
      ++slow_started_;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      res.set_content("slow", "text/plain");
    });
    server_->Get("/__test/count", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::to_string(fake_.request_count()), "text/plain");
    });
    const auto forward = [this](const httplib::Request& req, httplib::Response& res) {
      to_httplib_response(fake_.handle(to_novu_request(req, origin_)), res);
    };
    server_->Get(std::string(late_prefix) + "/.*", [this](const httplib::Request&, httplib::Response& res) {
      // Not through the fake: a late request must not show up in what it received.
      ++late_started_;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      res.status = 404;
      res.set_content(R"({"statusCode":404,"timestamp":"2026-01-01T00:00:00.000Z","path":"/late",)"
                      R"("message":"late answer"})",
                      "application/json");
    });
    server_->Get(".*", forward);
    server_->Post(".*", forward);
    server_->Patch(".*", forward);
    server_->Delete(".*", forward);
    server_->Put(".*", forward);
    port_ = server_->bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return false;
    origin_ = std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
    thread_ = std::thread([server = server_.get()] { server->listen_after_bind(); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!server_->is_running() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return server_->is_running();
  }

  // Stops serving and joins the thread. Idempotent.
  void stop() {
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
  }

  // "http://127.0.0.1:<port>" (or https).
  const std::string& base_url() const { return origin_; }
  // GET /__test/slow requests that have begun.
  int slow_started() const { return slow_started_; }
  // Path prefix of the routes that answer 300 ms late.
  static constexpr std::string_view late_prefix{"/__test/late"};
  // Requests to the late routes that have begun.
  int late_started() const { return late_started_; }
  // The httplib server itself (an httplib::SSLServer when built with a certificate), e.g. to
  // install an OpenSSL callback on its context before start().
  httplib::Server& raw() { return *server_; }

 private:
  novu::fake_novu& fake_;
  std::unique_ptr<httplib::Server> server_;
  bool tls_ = false;
  int port_ = 0;
  std::string origin_;
  std::atomic<int> slow_started_{0};
  std::atomic<int> late_started_{0};
  std::thread thread_;
};

// Accepts connections on 127.0.0.1, reads for up to 200 ms, closes without answering.
class drop_server {
 public:
  drop_server() = default;
  ~drop_server() { stop(); }
  drop_server(const drop_server&) = delete;
  drop_server& operator=(const drop_server&) = delete;

  // Listens on a free port; false when that failed.
  bool start() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (listener_ < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t size = sizeof address;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), size) != 0 || ::listen(listener_, 16) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
      return false;
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
    return true;
  }

  // Stops accepting, joins the thread and closes the socket. Idempotent.
  void stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
    if (listener_ >= 0) ::close(listener_);
    listener_ = -1;
  }

  // "http://127.0.0.1:<port>".
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Connections accepted (and dropped) so far.
  std::size_t accepted() const { return accepted_; }

 private:
  // Bounded: ends on stop(), after server_lifetime, or after 10,000 connections.
  void serve() {
    const auto deadline = std::chrono::steady_clock::now() + server_lifetime;
    while (!stopping_ && accepted_ < 10000 && std::chrono::steady_clock::now() < deadline) {
      pollfd waiting{listener_, POLLIN, 0};
      if (::poll(&waiting, 1, 50) <= 0) continue;
      const int connection = ::accept(listener_, nullptr, nullptr);
      if (connection < 0) continue;
      ++accepted_;
      drain(connection);
      ::close(connection);
    }
  }

  // Reads what arrives within 200 ms (at most 64 reads), so closing sends FIN, not RST.
  static void drain(int connection) {
    char buffer[4096];
    for (int reads = 0; reads < 64; ++reads) {
      pollfd readable{connection, POLLIN, 0};
      if (::poll(&readable, 1, 200) <= 0) return;
      if (::read(connection, buffer, sizeof buffer) <= 0) return;
    }
  }

  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> accepted_{0};
  std::thread thread_;
};

}  // namespace transport_test
