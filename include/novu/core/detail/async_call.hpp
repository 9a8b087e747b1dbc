// The asynchronous call machinery every resource's async client shares: a call whose final
// answer is parsed into a typed result, and a page walk over any resource's list. Both keep
// the flat loop of novu/core/async.hpp (see novu/connections/async_client.hpp for how a call
// runs).
// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>    // atomic
#include <cstddef>   // size_t
#include <memory>    // shared_ptr, make_shared
#include <mutex>     // recursive_mutex, lock_guard
#include <optional>  // optional, nullopt
#include <string>    // string, to_string
#include <utility>   // move
#include <vector>    // vector

#include "novu/core/async.hpp"
#include "novu/core/config.hpp"
#include "novu/core/detail/call.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/pagination.hpp"
#include "novu/core/result.hpp"
#include "novu/core/retry.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// An async_call whose answer is parsed into `result<T>` for the caller's completion.
template <class T>
class typed_async_call final : public async_call {
 public:
  // Turns the final answer into the result with `finish` (which scrubs the key and
  // `sent_values` from errors) and reports it to `on_done`.
  typed_async_call(async_call_context context, http_request request, const retry_policy& policy,
                   call_finisher<T> finish, std::vector<std::string> sent_values,
                   unique_function<void(result<T>)> on_done)
      : async_call(std::move(context), std::move(request), policy),
        finish_(finish),
        sent_values_(std::move(sent_values)),
        on_done_(std::move(on_done)) {}

 private:
  // The final answer to the caller: parsed, secrets masked, an error saying what the call went
  // through. The completion is moved out first, so that what it captures is released once it
  // has run even if the transport keeps its callback (and so this call) alive.
  void finish(transport_result answer, const call_summary& summary) override {
    unique_function<void(result<T>)> on_done = std::move(on_done_);
    const sent_secrets sent{nullptr, nullptr, &sent_values_};
    result<T> outcome = finish_(std::move(answer), config(), sent);
    if (!outcome) describe_call_error(outcome.error(), summary, config(), sent);
    on_done(std::move(outcome));
  }
  // The cancel to the caller.
  void abandon(error e) override {
    unique_function<void(result<T>)> on_done = std::move(on_done_);
    on_done(result<T>(std::move(e)));
  }

  call_finisher<T> finish_;                   // the operation's finish_*_call
  std::vector<std::string> sent_values_;      // secrets the request carried
  unique_function<void(result<T>)> on_done_;  // the caller's completion
};

// Starts one call: the request is built once with `build(keyed options)` (an idempotency key
// from the environment when `options` has none; a build error goes to `on_done` at once,
// secrets masked), retried per the call's policy, its final answer parsed with `finish`.
// `sent_values` are the secrets the request carries (see secret_values_of).
template <class T, class Build>
async_call_handle start_async_call(const async_call_context& context, const call_options& options, Build build,
                                   call_finisher<T> finish, std::vector<std::string> sent_values,
                                   unique_function<void(result<T>)> on_done) {
  const call_options keyed = keyed_options(options, context.environment);
  result<http_request> request = build(keyed);
  if (!request) {
    error e = std::move(request).error();
    detail::redact_call_secrets(e, *context.config, sent_secrets{nullptr, nullptr, &sent_values});
    on_done(result<T>(std::move(e)));
    return {};
  }
  return async_call::start(std::make_shared<typed_async_call<T>>(context, std::move(*request),
                                                                 call_policy(*context.config, keyed), finish,
                                                                 std::move(sent_values), std::move(on_done)));
}

// How a resource's pages are listed, for async_page_walk: its list builder, the finisher of
// a list call, and the parameters of the page after one (nullopt after the last).
template <class Params, class Page>
struct page_listing {
  result<http_request> (*build)(const client_config& config, const Params& params,
                                const call_options& options);             // the list builder
  call_finisher<Page> finish;                                             // the list call's finisher
  std::optional<Params> (*next)(const Params& params, const Page& page);  // next_page_params
};

// A for_each_page walk in flight: one list call per page, with the same flat loop as
// async_call (a page that arrives inside the call that requested it is handled by the next
// round of the loop, not by a nested call). Cancelling works as for async_call: each page
// request and each on_page run under `mutex_` after checking `cancelled_`.
template <class Params, class Page>
class async_page_walk final : public cancellable {
 public:
  // A walk from `first` through `context`, listing with `listing`.
  async_page_walk(async_call_context context, page_listing<Params, Page> listing, const Params& first,
                  const call_options& options, const pagination_options& paging,
                  unique_function<bool(const Page&)> on_page, unique_function<void(result<std::size_t>)> on_done)
      : context_(std::move(context)),
        listing_(listing),
        current_(first),
        options_(options),
        max_pages_(paging.max_pages),
        cursors_(first),
        on_page_(std::move(on_page)),
        on_done_(std::move(on_done)) {}

  // Requests the first page; the walk's handle.
  static async_call_handle start(std::shared_ptr<async_page_walk> walk) {
    async_call_handle handle = handle_access::make(walk);
    run(std::move(walk), std::nullopt);
    return handle;
  }

  // Stops the walk (and the page request in flight); on_done gets `cancelled` unless it ran.
  bool cancel() override {
    async_call_handle page;
    std::size_t pages = 0;
    unique_function<bool(const Page&)> released;
    {
      std::lock_guard<std::recursive_mutex> lock(mutex_);
      if (cancelled_.exchange(true, std::memory_order_acq_rel)) return false;
      page = page_;
      pages = pages_;
      if (!in_on_page_) released = std::move(on_page_);  // else the loop releases it when on_page returns
    }
    page.cancel();  // its completion reaches run(), which stops: the walk is cancelled
    if (done_.exchange(true, std::memory_order_acq_rel)) return false;
    unique_function<void(result<std::size_t>)> on_done = std::move(on_done_);
    error e = make_error(error_kind::cancelled,
                         "page walk cancelled by the caller after " + std::to_string(pages) + " pages delivered");
    e.retryable = false;
    on_done(result<std::size_t>(std::move(e)));
    return true;
  }

 private:
  // The loop: requests a page (when `arrived` is empty), hands it to on_page, follows `next`.
  static void run(std::shared_ptr<async_page_walk> walk, std::optional<result<Page>> arrived) {
    for (;;) {
      if (walk->cancelled_.load(std::memory_order_acquire)) return;
      if (!arrived) {
        if (walk->pages_ >= walk->max_pages_) return walk->done(walk->pages_);
        auto requested = std::make_shared<handoff<result<Page>>>();
        {
          std::lock_guard<std::recursive_mutex> lock(walk->mutex_);
          if (walk->cancelled_.load(std::memory_order_acquire)) return;
          const async_call_context& context = walk->context_;
          const Params& params = walk->current_;
          walk->page_ = start_async_call<Page>(
              context, walk->options_,
              [&](const call_options& keyed) { return walk->listing_.build(*context.config, params, keyed); },
              walk->listing_.finish, {},
              [walk, requested](result<Page> page) {
                if (!requested->claim()) return;
                if (requested->offer(std::move(page))) return;
                run(walk, requested->take());
              });
        }
        if (requested->park()) return;
        arrived.emplace(requested->take());
      }
      result<Page> page = std::move(*arrived);
      arrived.reset();
      if (walk->cancelled_.load(std::memory_order_acquire)) return;
      if (!page) return walk->done(std::move(page).error());
      bool more = false;
      {
        std::lock_guard<std::recursive_mutex> lock(walk->mutex_);
        if (walk->cancelled_.load(std::memory_order_acquire)) return;
        ++walk->pages_;
        walk->in_on_page_ = true;
        more = walk->on_page_(static_cast<const Page&>(*page));
        walk->in_on_page_ = false;
        if (walk->cancelled_.load(std::memory_order_acquire)) {
          walk->on_page_ = {};  // cancelled from inside on_page
          return;
        }
      }
      if (!more) return walk->done(walk->pages_);
      if (walk->pages_ >= walk->max_pages_) return walk->done(walk->pages_);
      std::optional<Params> next = walk->listing_.next(walk->current_, *page);
      if (!next) return walk->done(walk->pages_);
      if (std::optional<error> loop = walk->cursors_.follow(*next->after, walk->pages_)) {
        detail::redact_call_secrets(*loop, *walk->context_.config);
        return walk->done(std::move(*loop));
      }
      walk->current_ = std::move(*next);
    }
  }

  // Reports the walk's outcome, unless cancel() came first; the completion and the page
  // handler are released once it has run.
  void done(result<std::size_t> outcome) {
    if (done_.exchange(true, std::memory_order_acq_rel)) return;
    unique_function<void(result<std::size_t>)> on_done = std::move(on_done_);
    unique_function<bool(const Page&)> released;
    {
      std::lock_guard<std::recursive_mutex> lock(mutex_);
      released = std::move(on_page_);
    }
    on_done(std::move(outcome));
  }

  async_call_context context_;                          // the client's parts
  page_listing<Params, Page> listing_;                  // how pages are requested
  Params current_;                                      // parameters of the page requested next
  call_options options_;                                // per-call options of every page
  std::size_t max_pages_;                               // pagination_options::max_pages
  std::size_t pages_ = 0;                               // pages delivered so far
  page_cursor_guard cursors_;                           // cursors followed, to catch loops
  unique_function<bool(const Page&)> on_page_;          // the caller's page handler
  unique_function<void(result<std::size_t>)> on_done_;  // the caller's completion
  async_call_handle page_;                              // the page request last started
  std::recursive_mutex mutex_;                          // held while a page is requested or delivered, and by cancel()
  bool in_on_page_ = false;                             // on_page is running (under mutex_)
  std::atomic<bool> cancelled_{false};                  // cancel() was called: request and deliver nothing more
  std::atomic<bool> done_{false};                       // on_done has been given its outcome
};

}  // namespace detail
NOVU_CC_NAMESPACE_END
