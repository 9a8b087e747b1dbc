// Each example transport (libcurl sync, cpp-httplib sync, worker-thread async over libcurl)
// sends the five operations through the library's clients to Prism mocking Novu's OpenAPI
// document: every call must get its documented success status, decode into the document's
// example connection, and draw no `sl-violations` header. tests/transport/run.sh starts Prism and runs this program.
//
// Usage: prism_test BASE_URL
// Prints `ok <name>` or `FAIL <name>: <why>` per check, then `N passed, M failed`.
// SPDX-License-Identifier: MIT

#include <chrono>    // milliseconds
#include <cstdio>    // fprintf
#include <memory>    // shared_ptr, make_shared
#include <mutex>     // mutex, lock_guard
#include <optional>  // nullopt
#include <string>    // string
#include <utility>   // move
#include <vector>    // vector

#include "harness.hpp"
#include "novu/novu.hpp"
#include "transports/async_thread_transport.hpp"
#include "transports/curl_transport.hpp"
#include "transports/httplib_transport.hpp"

namespace {

using transport_test::checks;
using transport_test::failure_of;

// Why a decoded connection is not the document's example; empty when it is.
std::string not_example(const novu::channel_connection& c) {
  if (c.workspace.id != "T123456") return "workspace.id is \"" + c.workspace.id + "\", expected \"T123456\"";
  if (c.auth.access_token != "Workspace access token") return "auth.accessToken is not the example value";
  return {};
}

// Why `r` failed or is not the example connection; empty otherwise.
std::string connection_problem(const novu::result<novu::channel_connection>& r) {
  const std::string why = failure_of(r);
  return why.empty() ? not_example(*r) : why;
}

// A create body with every optional field set, as the document's example.
novu::create_channel_connection_request full_create_body() {
  novu::create_channel_connection_request body;
  body.identifier = "slack-prod-user123-abc4";
  body.subscriber_id = "subscriber-123";
  body.context = std::vector<novu::context_entry>{{"tenant", "org-acme", std::nullopt}};
  body.connection_mode = novu::connection_mode::shared;
  body.integration_identifier = "slack-prod";
  body.workspace = {"T123456", std::string("Acme HQ"), std::string("U0123456789")};
  body.auth = {"Workspace access token", std::string("Workspace refresh token"),
               std::string("2026-06-15T12:00:00.000Z"), std::string("2026-09-15T12:00:00.000Z")};
  return body;
}

// Prism's complaints (`sl-violations` header) about the requests a transport sent.
struct violation_log {
  std::mutex mutex;
  std::vector<std::string> entries;
};

// Wraps a sync transport and logs every `sl-violations` header of the answers.
template <class Transport>
struct violation_watch {
  Transport transport;
  std::shared_ptr<violation_log> log;

  novu::transport_result operator()(const novu::http_request& request) const {
    novu::transport_result answer = transport(request);
    if (answer) {
      if (const novu::http_header* v = novu::find_header(answer->headers, "sl-violations")) {
        std::lock_guard<std::mutex> lock(log->mutex);
        log->entries.push_back(request.method + " " + request.path + ": " + v->value);
      }
    }
    return answer;
  }
};

// `transport` wrapped in a violation_watch logging into `log`.
template <class Transport>
violation_watch<Transport> watched(Transport transport, const std::shared_ptr<violation_log>& log) {
  return violation_watch<Transport>{std::move(transport), log};
}

// The five operations through `runner`, one check each, then one that Prism raised no violation.
template <class Runner>
void run_operations(checks& out, const std::string& label, Runner runner, const std::shared_ptr<violation_log>& log) {
  novu::list_channel_connections_params params;
  params.limit = 10;
  params.subscriber_id = "subscriber-123";
  params.channel = novu::channel_type::chat;
  // Prism's mock answers every page with the same example `next` cursor: two pages show that
  // the walk follows it (a third request would repeat the cursor, which the walk refuses).
  novu::pagination_options paging;
  paging.max_pages = 2;
  const auto page = runner.list_all(params, paging);
  std::string why = failure_of(page);
  if (why.empty() && page->items.empty()) why = "no connection on the page";
  if (why.empty()) why = not_example(page->items.front());
  out.record(label + ".list", why);
  out.record(label + ".create", connection_problem(runner.create(full_create_body())));
  out.record(label + ".retrieve", connection_problem(runner.retrieve("conn-1")));
  novu::update_channel_connection_request update;
  update.workspace = {"T123456", std::string("Acme HQ"), std::nullopt};
  update.auth.access_token = "Workspace access token";
  out.record(label + ".update", connection_problem(runner.update("conn-1", update)));
  out.record(label + ".delete", failure_of(runner.remove("conn-1")));
  std::lock_guard<std::mutex> lock(log->mutex);
  why.clear();
  for (const std::string& entry : log->entries) why += (why.empty() ? "" : "; ") + entry;
  out.record(label + ".no_sl_violations", why);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s BASE_URL\n", argv[0]);
    return 2;
  }
  checks out;
  const novu_examples::curl_global curl;
  if (!curl.ok()) {
    out.record("curl.init", "curl_global_init failed");
    out.finish();
    return 1;
  }
  novu::client_config config;
  config.server_url = argv[1];
  config.secret_key = "sk_test_prism";
  config.retry = novu::retry_policy::disabled();  // one attempt each: bounded and deterministic

  novu_examples::curl_transport_options curl_options;
  curl_options.connect_timeout = std::chrono::milliseconds(5000);
  curl_options.total_timeout = std::chrono::milliseconds(15000);
  novu_examples::httplib_transport_options httplib_options;
  httplib_options.connect_timeout = std::chrono::milliseconds(5000);
  httplib_options.read_timeout = std::chrono::milliseconds(15000);

  using curl_watch = violation_watch<novu_examples::curl_transport>;
  using httplib_watch = violation_watch<novu_examples::httplib_transport>;
  const auto curl_log = std::make_shared<violation_log>();
  run_operations(
      out, "prism.curl",
      transport_test::sync_runner<curl_watch>(config, watched(novu_examples::curl_transport(curl_options), curl_log)),
      curl_log);
  const auto httplib_log = std::make_shared<violation_log>();
  run_operations(out, "prism.httplib",
                 transport_test::sync_runner<httplib_watch>(
                     config, watched(novu_examples::httplib_transport(httplib_options), httplib_log)),
                 httplib_log);
  {
    const auto async_log = std::make_shared<violation_log>();
    novu_examples::thread_timer timer;
    novu_examples::basic_async_thread_transport<curl_watch> transport(
        watched(novu_examples::curl_transport(curl_options), async_log), 2);
    run_operations(out, "prism.async",
                   transport_test::async_runner<novu_examples::basic_async_thread_transport<curl_watch>::caller>(
                       config, transport.get_caller(), timer.get_timer()),
                   async_log);
  }
  return out.finish() ? 0 : 1;
}
