// Boost.Beast transports for novu::client (beast_transport, blocking) and novu::async_client
// (beast_async_transport, on your asio executor), plain http and https through OpenSSL, plus
// beast_timer, a novu::async_timer on the same executor. Example code (not part of the
// library): copy it into your project and adapt it.
//
//   boost::asio::io_context io;
//   novu_examples::beast_async_transport transport(io.get_executor());
//   novu::async_client<novu_examples::beast_async_transport> client(
//       config, transport, novu_examples::beast_timer(io.get_executor()), {});
//   client.retrieve("conn-1", [](novu::result<novu::channel_connection> r) { /* on io's thread */ });
//   io.run();
//
// Every request: split_url (novu/core/url.hpp) gives host, port, target and the Host value;
// resolve, connect, TLS handshake (SNI set for host names, peer and host name or IP address
// verified against the system's CA store or `ca_cert_file`), write, read, close. One deadline
// covers all of it: `http_request::timeout_ms`, or `default_timeout` when that is 0; when it
// passes, the call fails with a transport error naming the step. One connection per request.
// Each exchange runs on a strand of the executor, so the io_context may run on several threads.
// Completions run on a thread running the executor. Boost.Asio and Beast throw on a few setup
// failures; this header catches them when exceptions are on (it needs them: Asio without
// exceptions wants a boost::throw_exception of your own).
//
// Debian: libboost-dev (Boost 1.74) and libssl-dev; link -lssl -lcrypto -pthread.
// SPDX-License-Identifier: MIT
#pragma once

#include <openssl/ssl.h>     // SSL_set_tlsext_host_name, SSL_set1_host
#include <openssl/x509v3.h>  // X509_VERIFY_PARAM_set1_ip_asc

#include <boost/asio/connect.hpp>       // async_connect
#include <boost/asio/io_context.hpp>    // io_context
#include <boost/asio/ip/tcp.hpp>        // tcp::resolver
#include <boost/asio/post.hpp>          // post
#include <boost/asio/ssl.hpp>           // ssl::context, ssl::stream
#include <boost/asio/steady_timer.hpp>  // steady_timer
#include <boost/asio/strand.hpp>        // make_strand
#include <boost/beast/core.hpp>         // tcp_stream, get_lowest_layer, flat_buffer
#include <boost/beast/http.hpp>         // request, response_parser, async_write, async_read
#include <boost/beast/ssl.hpp>          // ssl_stream

#include <chrono>       // milliseconds
#include <cstddef>      // size_t
#include <cstdint>      // uint32_t
#include <exception>    // exception
#include <memory>       // shared_ptr, make_shared, enable_shared_from_this
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/core/async.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/result.hpp"
#include "novu/core/url.hpp"

namespace novu_examples {

/// Settings of the Beast transports. TLS peer and host verification are always on.
struct beast_transport_options {
  /// Deadline of one request (resolve, connect, handshake, write, read) when the request's
  /// `timeout_ms` is 0.
  std::chrono::milliseconds default_timeout{30000};
  /// Larger response bodies end the call with a transport error instead of growing memory.
  std::size_t max_response_bytes = 16u * 1024u * 1024u;
  /// PEM file of trusted CA certificates for https; empty uses OpenSSL's default paths.
  std::string ca_cert_file;
};

namespace beast_detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

// True when a header name or value could break the request framing.
inline bool has_control_character(std::string_view text) noexcept {
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return true;
  }
  return false;
}

// A TLS client context with peer verification on, trusting `ca_cert_file` or the system store;
// nullptr and `why` set when the trust store cannot be loaded.
inline std::shared_ptr<asio::ssl::context> make_tls_context(const std::string& ca_cert_file, std::string& why) {
#if defined(__cpp_exceptions)
  try {
#endif
    auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client);
    boost::system::error_code ec;
    context->set_verify_mode(asio::ssl::verify_peer, ec);
    if (!ec) {
      if (ca_cert_file.empty()) {
        context->set_default_verify_paths(ec);
      } else {
        context->load_verify_file(ca_cert_file, ec);
      }
    }
    if (ec) {
      why = "beast: cannot load the CA certificates: " + ec.message();
      return nullptr;
    }
    return context;
#if defined(__cpp_exceptions)
  } catch (const std::exception& e) {
    why = std::string("beast: cannot set up TLS: ") + e.what();
    return nullptr;
  }
#endif
}

// One request on one connection: resolve, connect, (handshake), write, read; completes once.
class exchange : public std::enable_shared_from_this<exchange> {
 public:
  exchange(asio::any_io_executor executor, std::shared_ptr<asio::ssl::context> tls, novu::url_parts parts,
           std::size_t max_body, std::chrono::milliseconds timeout, http::request<http::string_body> request)
      : strand_(asio::make_strand(executor)),
        tls_context_(std::move(tls)),
        parts_(std::move(parts)),
        max_body_(max_body),
        timeout_(timeout),
        resolver_(strand_),
        stream_(strand_, *tls_context_),
        timer_(strand_),
        request_(std::move(request)) {}

  // Starts the exchange on its strand; `done` gets its outcome, once (unless asio::post cannot
  // allocate: the exception then reaches start_exchange and `done` is lost with the exchange).
  void start(novu::transport_callback done) {
    done_ = std::move(done);
    asio::post(strand_, [self = shared_from_this()] { self->begin(); });
  }

 private:
  void begin() {
    timer_.expires_after(timeout_);
    timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
      if (!ec) self->expire();
    });
    step_ = "resolving " + parts_.host;
    resolver_.async_resolve(
        parts_.host, std::to_string(parts_.port),
        [self = shared_from_this()](const boost::system::error_code& ec, const tcp::resolver::results_type& endpoints) {
          self->on_resolve(ec, endpoints);
        });
  }

  void expire() {
    timed_out_ = true;
    resolver_.cancel();
    boost::system::error_code ignored;
    beast::get_lowest_layer(stream_).socket().close(ignored);
  }

  void on_resolve(const boost::system::error_code& ec, const tcp::resolver::results_type& endpoints) {
    if (ec) return fail(ec);
    step_ = "connecting to " + parts_.host_header;
    asio::async_connect(
        beast::get_lowest_layer(stream_).socket(), endpoints,
        [self = shared_from_this()](const boost::system::error_code& e, const tcp::endpoint&) { self->on_connect(e); });
  }

  void on_connect(const boost::system::error_code& ec) {
    if (ec) return fail(ec);
    if (!parts_.tls()) return write(stream_.next_layer());
    SSL* ssl = stream_.native_handle();
    // SNI names a host, never an address; verification checks the name or the address.
    const bool named = parts_.ip_literal ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), parts_.host.c_str()) == 1
                                         : SSL_set_tlsext_host_name(ssl, parts_.host.c_str()) == 1 &&
                                               SSL_set1_host(ssl, parts_.host.c_str()) == 1;
    if (!named) return finish(novu::transport_error("beast: cannot set the TLS server name", false));
    stream_.set_verify_mode(asio::ssl::verify_peer);
    step_ = "TLS handshake with " + parts_.host_header;
    stream_.async_handshake(asio::ssl::stream_base::client,
                            [self = shared_from_this()](const boost::system::error_code& e) {
                              if (e) return self->fail(e);
                              self->write(self->stream_);
                            });
  }

  template <class Stream>
  void write(Stream& stream) {
    step_ = "sending the request";
    http::async_write(stream, request_,
                      [self = shared_from_this(), &stream](const boost::system::error_code& ec, std::size_t) {
                        if (ec) return self->fail(ec);
                        self->read(stream);
                      });
  }

  // The header first: a Content-Length above the limit ends the call before any body byte
  // is read (Boost 1.74's parser was seen letting such a body through now and then); the
  // parser's own limit then guards chunked and read-to-close bodies, and succeed() checks the
  // size once more.
  template <class Stream>
  void read(Stream& stream) {
    step_ = "reading the response";
    parser_.body_limit(max_body_);
    http::async_read_header(stream, buffer_, parser_,
                            [self = shared_from_this(), &stream](const boost::system::error_code& ec, std::size_t) {
                              if (ec) return self->fail(ec);
                              const boost::optional<std::uint64_t> length = self->parser_.content_length();
                              if (length && *length > self->max_body_) return self->fail(http::error::body_limit);
                              http::async_read(stream, self->buffer_, self->parser_,
                                               [self](const boost::system::error_code& e, std::size_t) {
                                                 if (e) return self->fail(e);
                                                 self->succeed();
                                               });
                            });
  }

  void succeed() {
    novu::http_response out;
    http::response<http::string_body>& in = parser_.get();
    if (in.body().size() > max_body_) return fail(http::error::body_limit);
    out.status = static_cast<int>(in.result_int());
    for (const auto& field : in) {
      out.headers.push_back({std::string(field.name_string()), std::string(field.value())});
    }
    out.body = std::move(in.body());
    finish(std::move(out));
  }

  void fail(const boost::system::error_code& ec) {
    if (timed_out_) {
      return finish(
          novu::transport_error("beast: timed out after " + std::to_string(timeout_.count()) + " ms while " + step_));
    }
    if (ec == http::error::body_limit) {
      return finish(novu::transport_error("beast: response body exceeds " + std::to_string(max_body_) + " bytes"));
    }
    finish(novu::transport_error("beast: " + step_ + " failed: " + ec.message()));
  }

  void finish(novu::transport_result result) {
    if (!done_) return;
    timer_.cancel();
    boost::system::error_code ignored;
    beast::get_lowest_layer(stream_).socket().shutdown(tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(stream_).socket().close(ignored);
    novu::transport_callback done = std::move(done_);
    done_ = nullptr;
    done(std::move(result));
  }

  asio::strand<asio::any_io_executor> strand_;
  std::shared_ptr<asio::ssl::context> tls_context_;  // outlives stream_ (declared before it)
  novu::url_parts parts_;
  std::size_t max_body_;
  std::chrono::milliseconds timeout_;
  novu::transport_callback done_;
  tcp::resolver resolver_;
  beast::ssl_stream<beast::tcp_stream> stream_;
  asio::steady_timer timer_;
  http::request<http::string_body> request_;
  http::response_parser<http::string_body> parser_;
  beast::flat_buffer buffer_;
  std::string step_;
  bool timed_out_ = false;
};

// Checks and maps `request` onto an exchange on `executor` and starts it; `done` runs once,
// on the executor (or at once, on the calling thread, for a request that cannot be sent).
inline void start_exchange(const asio::any_io_executor& executor, const std::shared_ptr<asio::ssl::context>& tls,
                           const std::string& tls_error, const beast_transport_options& options,
                           const novu::http_request& request, novu::transport_callback done) {
  novu::result<novu::url_parts> parts = novu::split_url(request);
  if (!parts) return done(novu::transport_error("beast: " + parts.error().message, false));
  if (!tls) return done(novu::transport_error(tls_error, false));
  if (request.method.empty() || request.method.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) {
    return done(
        novu::transport_error("beast: refusing to send a request method that is not an upper-case word", false));
  }
  for (const novu::http_header& h : request.headers) {
    if (h.name.empty() || h.name.find(':') != std::string::npos || has_control_character(h.name) ||
        has_control_character(h.value)) {
      return done(novu::transport_error("beast: refusing to send a malformed header field named \"" +
                                            (has_control_character(h.name) ? std::string("?") : h.name) + "\"",
                                        false));
    }
  }
  const std::chrono::milliseconds timeout =
      request.timeout_ms != 0 ? std::chrono::milliseconds(request.timeout_ms) : options.default_timeout;
#if defined(__cpp_exceptions)
  try {
#endif
    http::request<http::string_body> out;
    out.version(11);
    out.method_string(request.method);
    out.target(parts->target);
    out.set(http::field::host, parts->host_header);
    for (const novu::http_header& h : request.headers) out.insert(h.name, h.value);
    out.set(http::field::connection, "close");
    out.body() = request.body;
    out.prepare_payload();
    auto call = std::make_shared<exchange>(executor, tls, std::move(*parts), options.max_response_bytes, timeout,
                                           std::move(out));
    call->start(std::move(done));
#if defined(__cpp_exceptions)
  } catch (const std::exception& e) {
    if (done) done(novu::transport_error(std::string("beast: cannot start the request: ") + e.what()));
  }
#endif
}

}  // namespace beast_detail

/// A blocking Beast transport for novu::client: each call runs its own io_context on the
/// calling thread. Copies share the TLS context; safe to call from several threads at once.
class beast_transport {
 public:
  /// A transport with the default options (30 s deadline, 16 MiB bodies, system CA store).
  beast_transport() : beast_transport(beast_transport_options{}) {}
  /// A transport with the given options.
  explicit beast_transport(beast_transport_options options)
      : options_(std::move(options)), tls_(beast_detail::make_tls_context(options_.ca_cert_file, tls_error_)) {}

  /// Sends `request` and returns the answer, whatever its status, or a transport error.
  novu::transport_result operator()(const novu::http_request& request) const {
    boost::asio::io_context io;
    std::optional<novu::transport_result> answer;
    beast_detail::start_exchange(io.get_executor(), tls_, tls_error_, options_, request,
                                 [&answer](novu::transport_result r) { answer.emplace(std::move(r)); });
#if defined(__cpp_exceptions)
    try {
#endif
      io.run();
#if defined(__cpp_exceptions)
    } catch (const std::exception& e) {
      return novu::transport_error(std::string("beast: ") + e.what());
    }
#endif
    if (!answer) return novu::transport_error("beast: the request ended without an answer");
    return std::move(*answer);
  }

 private:
  beast_transport_options options_;
  std::string tls_error_;
  std::shared_ptr<boost::asio::ssl::context> tls_;
};

/// An async Beast transport for novu::async_client over `executor` (an io_context's, or a
/// strand's): starts the request and returns; the completion runs on a thread running the
/// executor (at once, on the calling thread, for a request that cannot be sent: a malformed
/// URL or header). Copyable; copies share the TLS context. Keep the executor's io_context
/// running until every completion ran.
class beast_async_transport {
 public:
  /// A transport on `executor` with `options`.
  explicit beast_async_transport(boost::asio::any_io_executor executor, beast_transport_options options = {})
      : executor_(std::move(executor)),
        options_(std::move(options)),
        tls_(beast_detail::make_tls_context(options_.ca_cert_file, tls_error_)) {}

  /// Starts `request`; `done` gets the answer or a transport error, once.
  void operator()(novu::http_request request, novu::transport_callback done) const {
    beast_detail::start_exchange(executor_, tls_, tls_error_, options_, request, std::move(done));
  }

 private:
  boost::asio::any_io_executor executor_;
  beast_transport_options options_;
  std::string tls_error_;
  std::shared_ptr<boost::asio::ssl::context> tls_;
};

/// A novu::async_timer for retry waits on `executor`: fires `fire` after `delay_ms` on a thread
/// running the executor (at once, on that executor, if its io_context is stopped and restarted).
inline novu::async_timer beast_timer(boost::asio::any_io_executor executor) {
  return [executor](std::uint32_t delay_ms, novu::timer_callback fire) {
    auto timer = std::make_shared<boost::asio::steady_timer>(executor, std::chrono::milliseconds(delay_ms));
    timer->async_wait([timer, fire = std::move(fire)](const boost::system::error_code&) { fire(); });
  };
}

}  // namespace novu_examples
