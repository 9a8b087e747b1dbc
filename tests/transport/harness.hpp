// What the transport tests share: check bookkeeping, request bodies, and runners that give the
// sync and the async client one blocking interface, so one suite runs against every transport.
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>      // seconds
#include <cstddef>     // size_t
#include <cstdio>      // printf, fflush
#include <functional>  // function
#include <future>      // promise, future
#include <memory>      // shared_ptr, make_shared
#include <mutex>       // mutex, lock_guard
#include <optional>    // nullopt
#include <string>      // string
#include <utility>     // move
#include <vector>      // vector

#include "novu/connections/async_client.hpp"
#include "novu/novu.hpp"

namespace transport_test {

// Counts and prints check outcomes: `ok <name>` or `FAIL <name>: <why>`.
class checks {
 public:
  // Records one check: passed when `failure` is empty.
  void record(const std::string& name, const std::string& failure) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (failure.empty()) {
      ++passed_;
      std::printf("ok %s\n", name.c_str());
    } else {
      ++failed_;
      std::printf("FAIL %s: %s\n", name.c_str(), failure.c_str());
    }
    std::fflush(stdout);
  }
  // Prints an observation that is not a check.
  void note(const std::string& name, const std::string& text) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::printf("note %s: %s\n", name.c_str(), text.c_str());
    std::fflush(stdout);
  }
  // Prints the summary line; true when nothing failed.
  bool finish() const {
    std::printf("%d passed, %d failed\n", passed_, failed_);
    std::fflush(stdout);
    return failed_ == 0;
  }

 private:
  std::mutex mutex_;
  int passed_ = 0;
  int failed_ = 0;
};

// "kind error: message at location (status N)", or empty on success.
template <class T>
std::string failure_of(const novu::result<T>& r) {
  if (r) return {};
  const novu::error& e = r.error();
  std::string why = std::string(novu::to_string(e.kind)) + " error: " + e.message;
  if (!e.location.empty()) why += " at " + e.location;
  if (e.status != 0) why += " (status " + std::to_string(e.status) + ")";
  return why;
}

// Why `r` is not the error of kind `kind` (and `status`, when not 0); empty when it is.
template <class T>
std::string not_error(const novu::result<T>& r, novu::error_kind kind, int status = 0) {
  if (r) return "succeeded, expected a " + std::string(novu::to_string(kind)) + " error";
  if (r.error().kind != kind || (status != 0 && r.error().status != status)) {
    return "got " + failure_of(r) + ", expected " + std::string(novu::to_string(kind)) +
           (status != 0 ? " " + std::to_string(status) : std::string());
  }
  return {};
}

// Call options with a fixed idempotency key.
inline novu::call_options with_key(std::string key) {
  novu::call_options options;
  options.idempotency_key = std::move(key);
  return options;
}

// A create body for "slack-prod" owned by `subscriber`.
inline novu::create_channel_connection_request create_body(const std::string& identifier,
                                                           const std::string& subscriber) {
  novu::create_channel_connection_request body;
  body.identifier = identifier;
  body.subscriber_id = subscriber;
  body.integration_identifier = "slack-prod";
  // A context of its own: the server allows one connection per integration, subscriber and context.
  body.context = std::vector<novu::context_entry>{{"connection", identifier, std::nullopt}};
  body.workspace = {"T" + identifier, std::string("Workspace of ") + identifier, std::nullopt};
  body.auth = {"xoxb-" + identifier, std::nullopt, std::nullopt, std::nullopt};
  return body;
}

// Every connection of a for_each_page walk, and the number of pages.
struct walk_result {
  std::vector<novu::channel_connection> items;
  std::size_t pages = 0;
};

// novu::client behind the runner interface.
template <class Transport>
class sync_runner {
 public:
  // A client over `transport`.
  sync_runner(novu::client_config config, Transport transport) : client_(std::move(config), std::move(transport)) {}

  // The client's five calls (list walks every page), each returning its result.

  novu::result<novu::channel_connection> create(const novu::create_channel_connection_request& body,
                                                const novu::call_options& options = {}) {
    return client_.create(body, options);
  }
  novu::result<walk_result> list_all(const novu::list_channel_connections_params& params,
                                     const novu::pagination_options& paging = {}) {
    walk_result walk;
    const novu::result<std::size_t> pages = client_.for_each_page(
        params,
        [&walk](const novu::channel_connection_page& p) {
          walk.items.insert(walk.items.end(), p.data.begin(), p.data.end());
          return true;
        },
        paging);
    if (!pages) return pages.error();
    walk.pages = *pages;
    return walk;
  }
  novu::result<novu::channel_connection> retrieve(const std::string& identifier,
                                                  const novu::call_options& options = {}) {
    return client_.retrieve(identifier, options);
  }
  novu::result<novu::channel_connection> update(const std::string& identifier,
                                                const novu::update_channel_connection_request& body) {
    return client_.update(identifier, body);
  }
  novu::result<void> remove(const std::string& identifier) { return client_.remove(identifier); }

 private:
  novu::client<Transport> client_;
};

// Longest wait for one async completion.
constexpr std::chrono::seconds completion_timeout{30};

// Starts an async call with a completion and waits (bounded) for its result.
template <class T, class Start>
novu::result<T> await_result(Start start) {
  auto promise = std::make_shared<std::promise<novu::result<T>>>();
  std::future<novu::result<T>> future = promise->get_future();
  start([promise](novu::result<T> r) { promise->set_value(std::move(r)); });
  if (future.wait_for(completion_timeout) != std::future_status::ready) {
    return novu::transport_error("test: no completion within 30 s");
  }
  return future.get();
}

// novu::async_client behind the runner interface: each call blocks until its completion.
template <class AsyncTransport>
class async_runner {
 public:
  // A client over `transport` that retries through `timer`.
  async_runner(novu::client_config config, AsyncTransport transport, novu::async_timer timer)
      : client_(std::move(config), std::move(transport), std::move(timer)) {}

  // The client's five calls (list walks every page), each waiting for its completion.

  novu::result<novu::channel_connection> create(const novu::create_channel_connection_request& body,
                                                const novu::call_options& options = {}) {
    return await_result<novu::channel_connection>([&](auto done) { client_.create(body, done, options); });
  }
  novu::result<walk_result> list_all(const novu::list_channel_connections_params& params,
                                     const novu::pagination_options& paging = {}) {
    auto walk = std::make_shared<walk_result>();  // outlives this frame if the wait times out
    const novu::result<std::size_t> pages = await_result<std::size_t>([&](auto done) {
      client_.for_each_page(
          params,
          [walk](const novu::channel_connection_page& p) {
            walk->items.insert(walk->items.end(), p.data.begin(), p.data.end());
            return true;
          },
          done, paging);
    });
    if (!pages) return pages.error();
    walk->pages = *pages;
    return *walk;
  }
  novu::result<novu::channel_connection> retrieve(const std::string& identifier,
                                                  const novu::call_options& options = {}) {
    return await_result<novu::channel_connection>([&](auto done) { client_.retrieve(identifier, done, options); });
  }
  novu::result<novu::channel_connection> update(const std::string& identifier,
                                                const novu::update_channel_connection_request& body) {
    return await_result<novu::channel_connection>([&](auto done) { client_.update(identifier, body, done); });
  }
  novu::result<void> remove(const std::string& identifier) {
    return await_result<void>([&](auto done) { client_.remove(identifier, done); });
  }

 private:
  novu::async_client<AsyncTransport> client_;
};

}  // namespace transport_test
