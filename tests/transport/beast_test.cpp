// Loopback test of the Boost.Beast transports (examples/transports/beast_transport.hpp): the
// shared suite (suite.hpp: five operations, 429 retry, dropped connection) with the blocking
// beast_transport and with beast_async_transport + beast_timer on an io_context running on its
// own thread; then the body limit, the per-request deadline (http_request::timeout_ms, 0 = the
// transport's default), the Host header, malformed URLs and headers, and, given a throw-away CA,
// TLS: unknown CA refused, CA trusted by IP address and by host name (SNI sent), a certificate
// for another name refused whether the URL names an IP address or a host.
//
// Usage: beast_test [CA_PEM CERT_PEM KEY_PEM OTHER_CERT_PEM OTHER_KEY_PEM]
//   CERT is signed by CA for IP:127.0.0.1 and DNS:localhost; OTHER_CERT by CA for
//   DNS:other.example only.
// Prints `ok <name>`, `FAIL <name>: <why>` or `note <name>: <text>`, then `N passed, M failed`.
// SPDX-License-Identifier: MIT

#include <chrono>   // steady_clock, milliseconds
#include <memory>   // make_unique
#include <mutex>    // mutex, lock_guard
#include <string>   // string, to_string
#include <thread>   // thread
#include <utility>  // move

#include "harness.hpp"
#include "loopback_server.hpp"
#include "novu/connections/async_client.hpp"
#include "novu/novu.hpp"
#include "novu/testing/fake_novu.hpp"
#include "suite.hpp"
#include "transports/beast_transport.hpp"

namespace {

using transport_test::checks;
using transport_test::failure_of;
using transport_test::not_error;

// A GET of `path` on `base_url`, built by hand, with `timeout_ms`.
novu::http_request get(const std::string& base_url, const std::string& path, std::uint32_t timeout_ms = 0) {
  novu::http_request request;
  request.method = "GET";
  request.path = path;
  request.url = base_url + path;
  request.timeout_ms = timeout_ms;
  return request;
}

// The deadline: timeout_ms below the server's 300 ms is a transport error naming the timeout;
// 0 uses the default (here 5 s), which the slow answer meets; a shorter default fails too.
void check_timeouts(checks& out, transport_test::fixture& fx) {
  novu_examples::beast_transport_options options;
  options.default_timeout = std::chrono::milliseconds(5000);
  const novu_examples::beast_transport transport(options);
  const auto start = std::chrono::steady_clock::now();
  const novu::transport_result cut = transport(get(fx.base_url, "/__test/slow", 100));
  const long long took = transport_test::elapsed_ms(start);
  std::string why = not_error(cut, novu::error_kind::transport);
  if (why.empty() && cut.error().message.find("timed out after 100 ms") == std::string::npos) {
    why = "message: " + cut.error().message;
  }
  if (why.empty() && took > 3000) why = "returned after " + std::to_string(took) + " ms";
  out.record("beast.timeout_ms_from_request", why);
  if (!cut) out.note("beast.timeout", cut.error().message);

  const novu::transport_result slow = transport(get(fx.base_url, "/__test/slow", 0));
  why = failure_of(slow);
  if (why.empty() && (slow->status != 200 || slow->body != "slow")) why = "status " + std::to_string(slow->status);
  out.record("beast.timeout_0_uses_default", why);

  options.default_timeout = std::chrono::milliseconds(100);
  const novu::transport_result short_default =
      novu_examples::beast_transport(options)(get(fx.base_url, "/__test/slow"));
  why = not_error(short_default, novu::error_kind::transport);
  if (why.empty() && short_default.error().message.find("timed out") == std::string::npos) {
    why = "message: " + short_default.error().message;
  }
  out.record("beast.default_timeout_applies", why);
}

// The Host header: what split_url gives, sent once; the built headers all arrive.
void check_wire(checks& out, transport_test::fixture& fx) {
  const novu::http_request request = transport_test::retrieve_request(fx.base_url, "wire-check");
  const std::size_t before = fx.fake.request_count();
  const novu::transport_result answer = novu_examples::beast_transport()(request);
  std::string why = failure_of(answer);
  const std::vector<novu::http_request> received = fx.fake.received();
  if (why.empty() && received.size() != before + 1) why = "the server saw no request";
  if (why.empty()) {
    const novu::http_request& seen = received.back();
    const novu::http_header* host = novu::find_header(seen.headers, "Host");
    const std::string expected = novu::split_url(request)->host_header;
    if (host == nullptr || host->value != expected) {
      why = "Host is " + (host ? host->value : std::string("missing")) + ", expected " + expected;
    }
    for (const novu::http_header& h : request.headers) {
      const novu::http_header* got = novu::find_header(seen.headers, h.name);
      if (why.empty() && (got == nullptr || got->value != h.value))
        why = "header " + h.name + " did not arrive as built";
    }
    if (why.empty() && seen.path != request.path) why = "target " + seen.path + ", built " + request.path;
    if (why.empty() && answer->status != 404) why = "status " + std::to_string(answer->status);
  }
  out.record("beast.host_header_and_headers", why);

  novu::http_request bad = request;
  bad.url = "ftp://127.0.0.1/x";
  const novu::transport_result refused = novu_examples::beast_transport()(bad);
  why = not_error(refused, novu::error_kind::transport);
  if (why.empty() && (refused.error().retryable || refused.error().message.find("scheme") == std::string::npos)) {
    why = "not a final error naming the scheme: " + refused.error().message;
  }
  out.record("beast.malformed_url_refused", why);

  bad = request;
  bad.method = "GET / HTTP/1.1\r\nX-Evil: 1\r\n\r\nGET";
  out.record("beast.method_injection_refused",
             not_error(novu_examples::beast_transport()(bad), novu::error_kind::transport));

  bad = request;
  bad.headers.push_back({"X-Injected", "a\r\nX-Evil: 1"});
  out.record("beast.header_injection_refused",
             not_error(novu_examples::beast_transport()(bad), novu::error_kind::transport));

  const novu::transport_result refused_port = novu_examples::beast_transport()(get("http://127.0.0.1:1", "/"));
  out.record("beast.connection_refused_is_transport_error", not_error(refused_port, novu::error_kind::transport));
}

// TLS against fake servers presenting certificates of a throw-away CA.
void check_tls(checks& out, transport_test::fixture& fx, const std::string& ca, const std::string& cert,
               const std::string& key, const std::string& other_cert, const std::string& other_key) {
#if defined(CPPHTTPLIB_OPENSSL_SUPPORT)
  transport_test::fake_server tls(fx.fake, cert, key);
  // Records the server name (SNI) each handshake carried.
  static std::mutex sni_mutex;
  static std::string last_sni;
  SSL_CTX* context = static_cast<httplib::SSLServer&>(tls.raw()).ssl_context();
  SSL_CTX_set_tlsext_servername_callback(
      context, +[](SSL* ssl, int*, void*) -> int {
        const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
        std::lock_guard<std::mutex> lock(sni_mutex);
        last_sni = name ? name : "(none)";
        return SSL_TLSEXT_ERR_OK;
      });
  transport_test::fake_server other(fx.fake, other_cert, other_key);
  if (!tls.start() || !other.start()) {
    out.record("beast.tls_servers_start", "the https servers did not start");
    return;
  }
  const std::string port = tls.base_url().substr(tls.base_url().rfind(':'));
  novu_examples::beast_transport_options options;
  options.default_timeout = std::chrono::milliseconds(5000);

  const novu::transport_result unknown =
      novu_examples::beast_transport(options)(transport_test::retrieve_request(tls.base_url(), "tls"));
  out.record("beast.tls_unknown_ca_refused", not_error(unknown, novu::error_kind::transport));
  if (!unknown) out.note("beast.tls_unknown_ca", unknown.error().message);

  options.ca_cert_file = ca;
  const novu_examples::beast_transport trusting(options);
  {
    std::lock_guard<std::mutex> lock(sni_mutex);
    last_sni.clear();
  }
  const novu::transport_result by_ip = trusting(transport_test::retrieve_request(tls.base_url(), "tls"));
  std::string why = failure_of(by_ip);
  if (why.empty() && by_ip->status != 404) why = "status " + std::to_string(by_ip->status);
  {
    std::lock_guard<std::mutex> lock(sni_mutex);
    if (why.empty() && last_sni != "(none)") why = "SNI \"" + last_sni + "\" sent for an IP address";
  }
  out.record("beast.tls_trusted_ca_by_ip_address", why);

  const novu::transport_result by_name = trusting(transport_test::retrieve_request("https://localhost" + port, "tls"));
  why = failure_of(by_name);
  if (why.empty() && by_name->status != 404) why = "status " + std::to_string(by_name->status);
  {
    std::lock_guard<std::mutex> lock(sni_mutex);
    if (why.empty() && last_sni != "localhost") why = "SNI was \"" + last_sni + "\", expected localhost";
  }
  out.record("beast.tls_trusted_ca_by_name_sends_sni", why);

  const novu::transport_result wrong_name = trusting(transport_test::retrieve_request(other.base_url(), "tls"));
  out.record("beast.tls_certificate_without_the_ip_address_refused",
             not_error(wrong_name, novu::error_kind::transport));
  if (!wrong_name) out.note("beast.tls_wrong_ip", wrong_name.error().message);
  const std::string other_port = other.base_url().substr(other.base_url().rfind(':'));
  const novu::transport_result wrong_host =
      trusting(transport_test::retrieve_request("https://localhost" + other_port, "tls"));
  out.record("beast.tls_certificate_for_another_host_name_refused", not_error(wrong_host, novu::error_kind::transport));
  if (!wrong_host) out.note("beast.tls_wrong_name", wrong_host.error().message);

  options.ca_cert_file = ca + ".missing";
  const novu::transport_result no_ca =
      novu_examples::beast_transport(options)(transport_test::retrieve_request(tls.base_url(), "tls"));
  why = not_error(no_ca, novu::error_kind::transport);
  if (why.empty() && no_ca.error().retryable) why = "a missing CA file is retryable";
  out.record("beast.tls_missing_ca_file_is_final", why);

  // The async transport over TLS too.
  boost::asio::io_context io;
  options.ca_cert_file = ca;
  const novu_examples::beast_async_transport async(io.get_executor(), options);
  std::optional<novu::transport_result> answer;
  async(transport_test::retrieve_request("https://localhost" + port, "tls"),
        [&answer](novu::transport_result r) { answer.emplace(std::move(r)); });
  io.run();
  why = answer ? failure_of(*answer) : "no completion";
  if (why.empty() && (*answer)->status != 404) why = "status " + std::to_string((*answer)->status);
  out.record("beast_async.tls_trusted_ca_by_name", why);
  tls.stop();
  other.stop();
#else
  (void)fx;
  (void)ca;
  (void)cert;
  (void)key;
  (void)other_cert;
  (void)other_key;
  out.note("tls", "skipped: cpp-httplib without CPPHTTPLIB_OPENSSL_SUPPORT");
#endif
}

}  // namespace

int main(int argc, char** argv) {
  checks out;
  novu::fake_novu_options fake_options;
  fake_options.secret_key = transport_test::secret_key;
  novu::fake_novu fake(fake_options);
  transport_test::fake_server server(fake);
  transport_test::drop_server drop;
  if (!server.start() || !drop.start()) {
    out.record("servers.start", "could not start the loopback servers");
    out.finish();
    return 1;
  }
  transport_test::fixture fx{fake, server, server.base_url(), drop};

  novu_examples::beast_transport_options options;
  options.default_timeout = std::chrono::milliseconds(10000);
  transport_test::run_suite(
      out, "beast",
      [&](const novu::client_config& c) {
        return transport_test::sync_runner<novu_examples::beast_transport>(c, novu_examples::beast_transport(options));
      },
      fx);
  {
    boost::asio::io_context io;
    auto work = boost::asio::make_work_guard(io);
    std::thread runner([&io] { io.run(); });
    const novu_examples::beast_async_transport transport(io.get_executor(), options);
    transport_test::run_suite(
        out, "beast_async",
        [&](const novu::client_config& c) {
          return transport_test::async_runner<novu_examples::beast_async_transport>(
              c, transport, novu_examples::beast_timer(io.get_executor()));
        },
        fx);
    work.reset();
    io.stop();
    runner.join();
  }

  novu_examples::beast_transport_options small = options;
  small.max_response_bytes = 1024u * 1024u;
  transport_test::check_body_limit(out, "beast", novu_examples::beast_transport(small), fx);
  check_timeouts(out, fx);
  check_wire(out, fx);
  if (argc == 6) {
    check_tls(out, fx, argv[1], argv[2], argv[3], argv[4], argv[5]);
  } else {
    out.note("tls", "skipped: no CA and certificates given");
  }

  server.stop();
  drop.stop();
  return out.finish() ? 0 : 1;
}
