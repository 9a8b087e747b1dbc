// A synchronous cpp-httplib transport for novu::client: one httplib::Client per call, nothing
// shared. Example code (not part of the library): copy it into your project and adapt it.
//
// Building: upstream cpp-httplib is header-only; Debian's libcpp-httplib-dev is the split build
// (declarations in httplib.h, code in libcpp-httplib.so, compiled with OpenSSL, zlib and
// Brotli). With it, compile with `pkg-config --cflags cpp-httplib` (the same CPPHTTPLIB_*
// macros the library was built with, or the class layouts disagree) and link `-lcpp-httplib`.
//
// HTTPS needs CPPHTTPLIB_OPENSSL_SUPPORT defined before httplib.h is included. Without it an
// https URL is a transport error: the request is never sent over plain http instead. With it,
// certificate and host name verification are always on.
//
// Header order: httplib keeps header fields in a case-insensitive multimap, so they go out
// sorted by name (fields of the same name keep their order) and come back sorted the same way.
// The request target is sent verbatim: httplib's own URL re-encoding is turned off.
// SPDX-License-Identifier: MIT
#pragma once

#include <httplib.h>  // httplib::Client, httplib::Request, httplib::Error

#include <chrono>       // milliseconds, steady_clock
#include <cstddef>      // size_t
#include <cstdint>      // uint64_t
#include <exception>    // exception
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/result.hpp"

namespace novu_examples {

/// Settings of an httplib_transport.
struct httplib_transport_options {
  /// Longest wait for the TCP connection (and, for https, the TLS handshake).
  std::chrono::milliseconds connect_timeout{10000};
  /// Longest wait for each read of the answer (httplib has no total deadline). A request's own
  /// deadline (`http_request::timeout_ms`) caps this and the other two timeouts, and also ends a
  /// body that keeps trickling in past it.
  std::chrono::milliseconds read_timeout{30000};
  /// Longest wait for each write of the request.
  std::chrono::milliseconds write_timeout{30000};
  /// Larger response bodies abort the call with a transport error instead of growing memory.
  std::size_t max_response_bytes = 16u * 1024u * 1024u;
  /// PEM file of trusted CA certificates for https; empty uses OpenSSL's default paths.
  std::string ca_cert_file;
};

namespace httplib_detail {

// True when a header name or value could break the request framing.
inline bool has_control_character(std::string_view text) noexcept {
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return true;
  }
  return false;
}

// What went wrong, in words, for httplib's error code.
inline const char* describe(httplib::Error error) noexcept {
  switch (error) {
    case httplib::Error::Success: return "no response";
    case httplib::Error::Connection: return "could not connect";
    case httplib::Error::BindIPAddress: return "could not bind the local address";
    case httplib::Error::Read: return "the connection failed or closed before a complete response was read";
    case httplib::Error::Write: return "the connection failed while the request was sent";
    case httplib::Error::ExceedRedirectCount: return "too many redirects";
    case httplib::Error::Canceled: return "the transfer was canceled";
    case httplib::Error::SSLConnection: return "the TLS handshake failed";
    case httplib::Error::SSLLoadingCerts: return "the CA certificates could not be loaded";
    case httplib::Error::SSLServerVerification: return "the server certificate could not be verified";
    case httplib::Error::Compression: return "the response body could not be decompressed";
    case httplib::Error::ConnectionTimeout: return "the connection timed out";
    default: return "the request failed";
  }
}

}  // namespace httplib_detail

/// A copyable transport for novu::client over cpp-httplib, safe to call from several threads at
/// once: `novu::client<novu_examples::httplib_transport> c(config, {});`.
class httplib_transport {
 public:
  /// A transport with default timeouts (connect 10 s, read and write 30 s each).
  httplib_transport() = default;
  /// A transport with the given options.
  explicit httplib_transport(httplib_transport_options options) : options_(std::move(options)) {}

  /// The options every call uses.
  const httplib_transport_options& options() const noexcept { return options_; }

  /// Sends `request` and returns status, headers and body of the answer, whatever its status,
  /// or a transport error naming httplib's error (never a header value).
  novu::transport_result operator()(const novu::http_request& request) const {
    const std::string_view url = request.url;
    const std::string_view path = request.path;
    if (path.empty() || path.front() != '/' || url.size() <= path.size() ||
        url.substr(url.size() - path.size()) != path) {
      return novu::transport_error("httplib: the request URL does not end with its path");
    }
    const std::string_view origin = request.origin();
    const bool https = origin.substr(0, 8) == "https://";
    if (!https && origin.substr(0, 7) != "http://") {
      return novu::transport_error("httplib: only http and https URLs are supported");
    }
#if !defined(CPPHTTPLIB_OPENSSL_SUPPORT)
    if (https) {
      return novu::transport_error(
          "httplib: https needs cpp-httplib with CPPHTTPLIB_OPENSSL_SUPPORT; refusing to fall back to http");
    }
#endif

    httplib::Request out;
    out.method = request.method;
    out.path = request.path;
    out.body = request.body;
    for (const novu::http_header& h : request.headers) {
      if (h.name.empty() || h.name.find(':') != std::string::npos || httplib_detail::has_control_character(h.name) ||
          httplib_detail::has_control_character(h.value)) {
        return novu::transport_error("httplib: refusing to send a malformed header field named \"" +
                                     (httplib_detail::has_control_character(h.name) ? std::string("?") : h.name) +
                                     "\"");
      }
      out.headers.emplace(h.name, h.value);
    }
    std::string body;
    bool body_too_large = false;
    bool past_deadline = false;
    const std::size_t max_body = options_.max_response_bytes;
    const std::chrono::milliseconds deadline_ms(request.timeout_ms);
    const auto started = std::chrono::steady_clock::now();
    out.content_receiver = [&body, &body_too_large, &past_deadline, max_body, deadline_ms, started](
                               const char* data, std::size_t size, std::uint64_t, std::uint64_t) {
      if (deadline_ms.count() != 0 && std::chrono::steady_clock::now() - started > deadline_ms) {
        past_deadline = true;
        return false;
      }
      if (size > max_body - body.size()) {
        body_too_large = true;
        return false;
      }
      body.append(data, size);
      return true;
    };
    // Each of httplib's timeouts, capped by the request's deadline when it has one.
    const auto capped = [deadline_ms](std::chrono::milliseconds timeout) {
      return deadline_ms.count() != 0 && deadline_ms < timeout ? deadline_ms : timeout;
    };

#if defined(__cpp_exceptions)
    try {
#endif
      httplib::Client client{std::string(origin)};
      if (!client.is_valid()) return novu::transport_error("httplib: the client could not be set up");
      client.set_connection_timeout(capped(options_.connect_timeout));
      client.set_read_timeout(capped(options_.read_timeout));
      client.set_write_timeout(capped(options_.write_timeout));
      client.set_url_encode(false);  // the builder already percent-encoded the target
      client.set_follow_location(false);
      client.set_keep_alive(false);
#if defined(CPPHTTPLIB_OPENSSL_SUPPORT)
      client.enable_server_certificate_verification(true);
      if (https && !options_.ca_cert_file.empty()) client.set_ca_cert_path(options_.ca_cert_file);
#endif
      const httplib::Result answer = client.send(out);
      if (body_too_large) {
        return novu::transport_error("httplib: response body exceeds " + std::to_string(max_body) + " bytes");
      }
      if (!answer &&
          (past_deadline || (deadline_ms.count() != 0 && std::chrono::steady_clock::now() - started >= deadline_ms))) {
        return novu::transport_error("httplib: no complete answer within the request's timeout_ms (" +
                                     std::to_string(deadline_ms.count()) + " ms)");
      }
      if (!answer) {
        return novu::transport_error(std::string("httplib: ") + httplib_detail::describe(answer.error()) + " (" +
                                     httplib::to_string(answer.error()) + ")");
      }
      novu::http_response response;
      response.status = answer->status;
      response.headers.reserve(answer->headers.size());
      for (const auto& field : answer->headers) response.headers.push_back({field.first, field.second});
      response.body = std::move(body);
      return response;
#if defined(__cpp_exceptions)
    } catch (const std::exception& e) {
      return novu::transport_error(std::string("httplib: ") + e.what());
    } catch (...) {
      return novu::transport_error("httplib: unknown exception");
    }
#endif
  }

 private:
  httplib_transport_options options_{};
};

}  // namespace novu_examples
