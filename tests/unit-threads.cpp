// Thread safety: one client over fake_novu used from 8 threads at once, the async client
// likewise, and the pure builders, parsers, encoders and printers called concurrently.
// Threads record what they saw; the checks run after join(), on the test's own thread.
// tools/tsan.sh builds this file alone with -fsanitize=thread.
#include <doctest/doctest.h>

#include <atomic>   // atomic
#include <cstddef>  // size_t
#include <set>      // set
#include <string>   // string, to_string
#include <thread>   // thread
#include <vector>   // vector

#include "novu/connections/async_client.hpp"
#include "novu/testing/fake_novu.hpp"
#include "novu/core/printing.hpp"
#include "test_support.hpp"

namespace {

constexpr int k_threads = 8;
constexpr int k_calls_per_thread = 1000;

// Runs `body(thread_index)` on k_threads threads started together.
template <class Body>
void run_threads(Body body) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  threads.reserve(k_threads);
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      ++ready;
      while (ready.load() < k_threads) std::this_thread::yield();
      body(t);
    });
  }
  for (std::thread& th : threads) th.join();
}

novu::create_channel_connection_request create_body(const std::string& identifier, const std::string& subscriber) {
  novu::create_channel_connection_request body;
  body.identifier = identifier;
  body.subscriber_id = subscriber;
  body.integration_identifier = "slack-prod";
  body.context = std::vector<novu::context_entry>{{"tenant", subscriber, std::nullopt}};
  body.workspace.id = "T-" + identifier;
  body.auth.access_token = "xoxb-" + identifier;
  body.auth.refresh_token = "xoxe-" + identifier;
  return body;
}

novu::update_channel_connection_request update_body(const std::string& identifier) {
  novu::update_channel_connection_request body;
  body.workspace.id = "T-" + identifier;
  body.workspace.name = "renamed " + identifier;
  body.auth.access_token = "xoxb-new-" + identifier;
  return body;
}

// What one thread got wrong, with the call that did it.
using failures = std::vector<std::string>;

void check_no_failures(const std::vector<failures>& per_thread) {
  std::size_t total = 0;
  for (std::size_t t = 0; t < per_thread.size(); ++t) {
    for (const std::string& f : per_thread[t]) {
      if (++total <= 20) FAIL_CHECK("thread " << t << ": " << f);
    }
  }
  CHECK(total == 0);
}

}  // namespace

TEST_CASE("one client over fake_novu, 8 threads x 1000 mixed calls") {
  novu::fake_novu server;
  novu::client_config config;
  config.secret_key = "sk_test_threads";
  novu::client<novu::fake_novu::sync_transport> client(config, server.transport());
  std::vector<failures> seen(k_threads);

  run_threads([&](int t) {
    failures& bad = seen[static_cast<std::size_t>(t)];
    const std::string subscriber = "sub-" + std::to_string(t);
    // Five calls per cycle, so 200 cycles make 1000 calls.
    for (int cycle = 0; cycle < k_calls_per_thread / 5; ++cycle) {
      const std::string id = "t" + std::to_string(t) + "-c" + std::to_string(cycle) + "/x y";
      const novu::result<novu::channel_connection> created = client.create(create_body(id, subscriber));
      if (!created || created->identifier != id || created->subscriber_id != subscriber ||
          created->auth.access_token != "xoxb-" + id ||
          created->context_keys != std::vector<std::string>{"tenant:" + subscriber}) {
        bad.push_back("create " + id + ": " + (created ? "wrong value" : created.error().message));
      }
      const novu::result<novu::channel_connection> got = client.retrieve(id);
      if (!got || got->identifier != id || got->workspace.id != "T-" + id) {
        bad.push_back("retrieve " + id + ": " + (got ? "wrong value" : got.error().message));
      }
      const novu::result<novu::channel_connection> updated = client.update(id, update_body(id));
      if (!updated || updated->workspace.name != "renamed " + id || updated->auth.access_token != "xoxb-new-" + id ||
          updated->auth.refresh_token.has_value()) {
        bad.push_back("update " + id + ": " + (updated ? "wrong value" : updated.error().message));
      }
      novu::list_channel_connections_params filter;
      filter.subscriber_id = subscriber;
      filter.limit = 100;
      const novu::result<novu::channel_connection_page> page = client.list(filter);
      // This thread's only live connection is the one it just updated.
      if (!page || page->data.size() != 1 || page->data[0].identifier != id || page->total_count != 1 ||
          page->data[0].workspace.name != "renamed " + id) {
        bad.push_back("list " + subscriber + ": " +
                      (page ? std::to_string(page->data.size()) + " rows" : page.error().message));
      }
      const novu::result<void> removed = client.remove(id);
      if (!removed) bad.push_back("delete " + id + ": " + removed.error().message);
    }
  });

  check_no_failures(seen);
  CHECK(server.request_count() == static_cast<std::size_t>(k_threads * k_calls_per_thread));
  CHECK(server.connections().empty());
  // Every request carried its own idempotency key.
  std::set<std::string> keys;
  for (const novu::http_request& r : server.received()) {
    const novu::http_header* h = novu::find_header(r.headers, "idempotency-key");
    if (h != nullptr) keys.insert(h->value);
  }
  CHECK(keys.size() == static_cast<std::size_t>(k_threads * k_calls_per_thread));
}

TEST_CASE("one async client over fake_novu, 8 threads x 1000 calls") {
  novu::fake_novu server;
  novu::client_config config;
  config.secret_key = "sk_test_threads";
  novu::async_client<novu::fake_novu::inline_async_transport> client(config, server.async_transport());
  std::vector<failures> seen(k_threads);
  std::atomic<int> completions{0};

  run_threads([&](int t) {
    failures& bad = seen[static_cast<std::size_t>(t)];
    const std::string subscriber = "async-" + std::to_string(t);
    for (int cycle = 0; cycle < k_calls_per_thread / 4; ++cycle) {
      const std::string id = "a" + std::to_string(t) + "-" + std::to_string(cycle);
      client.create(create_body(id, subscriber), [&, id](novu::result<novu::channel_connection> r) {
        ++completions;
        if (!r || r->identifier != id) bad.push_back("async create " + id);
      });
      client.retrieve(id, [&, id](novu::result<novu::channel_connection> r) {
        ++completions;
        if (!r || r->workspace.id != "T-" + id) bad.push_back("async retrieve " + id);
      });
      client.update(id, update_body(id), [&, id](novu::result<novu::channel_connection> r) {
        ++completions;
        if (!r || r->workspace.name != "renamed " + id) bad.push_back("async update " + id);
      });
      client.remove(id, [&, id](novu::result<void> r) {
        ++completions;
        if (!r) bad.push_back("async delete " + id);
      });
    }
  });

  check_no_failures(seen);
  CHECK(completions.load() == k_threads * k_calls_per_thread);
  CHECK(server.connections().empty());
}

TEST_CASE("builders, parsers, encoders and printers called concurrently agree with one thread") {
  novu::client_config config;
  config.secret_key = "sk_live_SECRET_abcdef123456";
  const std::string connection = test_support::read_data_file("hostile/connection.json");
  const novu::http_response ok_response{200, {{"Content-Type", "application/json"}}, "{\"data\":" + connection + "}"};
  const novu::http_response error_response{404, {}, test_support::read_data_file("hostile/error-404.json")};
  const novu::http_response validation_response{422, {}, test_support::read_data_file("hostile/validation-422.json")};

  // The single-threaded reference for everything the threads compute.
  auto compute = [&](int i) {
    std::string out;
    const std::string id = "conn/" + std::to_string(i % 37) + "\r\n";
    novu::list_channel_connections_params params;
    params.after = id;
    params.limit = 1 + i % 100;
    params.context_keys = std::vector<std::string>{"tenant:" + std::to_string(i % 5)};
    novu::call_options options;
    options.idempotency_key = "key-" + std::to_string(i);
    const novu::result<novu::http_request> list = novu::connections::build_list_request(config, params, options);
    const novu::result<novu::http_request> update =
        novu::connections::build_update_request(config, id, update_body(id), options);
    const novu::result<novu::http_request> create =
        novu::connections::build_create_request(config, create_body(id, "s"), options);
    out += list ? list->url : list.error().message;
    out += update ? update->url + update->body : update.error().message;
    out += create ? novu::to_debug_string(*create) : create.error().message;
    const novu::result<novu::channel_connection> parsed = novu::connections::parse_retrieve_response(ok_response);
    out += parsed ? novu::encode_json(*parsed).value_or("encode failed") : parsed.error().message;
    out += novu::to_debug_string(novu::error_from_response(i % 2 == 0 ? error_response : validation_response));
    const novu::result<novu::update_channel_connection_request> decoded =
        novu::connections::decode_update_request(update ? update->body : std::string());
    out += decoded ? novu::encode_json(*decoded).value_or("encode failed") : decoded.error().message;
    out += novu::redact_json_secrets(ok_response.body);
    return out;
  };
  constexpr int k_variants = 64;
  std::vector<std::string> expected;
  for (int i = 0; i < k_variants; ++i) expected.push_back(compute(i));

  std::vector<failures> seen(k_threads);
  std::vector<std::vector<std::string>> generated(k_threads);
  run_threads([&](int t) {
    failures& bad = seen[static_cast<std::size_t>(t)];
    for (int n = 0; n < k_calls_per_thread; ++n) {
      const int i = (n * 7 + t) % k_variants;
      if (compute(i) != expected[static_cast<std::size_t>(i)])
        bad.push_back("variant " + std::to_string(i) + " differs");
      generated[static_cast<std::size_t>(t)].push_back(novu::generate_idempotency_key());
    }
  });

  check_no_failures(seen);
  std::set<std::string> keys;
  for (const std::vector<std::string>& g : generated) keys.insert(g.begin(), g.end());
  CHECK(keys.size() == static_cast<std::size_t>(k_threads * k_calls_per_thread));
}
