// Page walks of both clients (issue 10, classes 2 and 3): includeCursor only on the first page,
// cursor loops stopped with a decode error after the pages before the repeat, and 100,000-page
// walks (the async one over a transport completing inside the send call) at a flat stack.
#include <doctest/doctest.h>

#include <chrono>            // steady_clock
#include <cstddef>           // size_t
#include <cstdint>           // uintptr_t
#include <initializer_list>  // initializer_list (range-for over a braced list)
#include <map>               // map
#include <optional>          // optional
#include <random>            // mt19937
#include <set>               // set
#include <string>            // string, to_string, stoi
#include <utility>           // move
#include <vector>            // vector

#include "novu/connections/async_client.hpp"
#include "novu/testing/fake_novu.hpp"
#include "test_support.hpp"

namespace {

using test_support::stack_probe;

// The `after` of a list request ("" without one) and whether it asked for includeCursor=true.
struct list_query {
  std::string after;
  bool include_cursor = false;
};

list_query query_of(const novu::http_request& request) {
  list_query q;
  const std::string& path = request.path;
  const std::size_t at = path.find("?after=");
  if (at != std::string::npos) {
    const std::size_t begin = at + 7;
    const std::size_t end = path.find('&', begin);
    q.after = path.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  }
  q.include_cursor = path.find("includeCursor=true") != std::string::npos;
  return q;
}

// A list page of one item called `item` (none when `item` is empty), pointing to `next`.
novu::http_response one_item_page(const std::string& item, const std::optional<std::string>& next, long long total) {
  std::string body = R"({"data":[)";
  if (!item.empty()) {
    body += R"({"identifier":")" + item +
            R"(","channel":null,"providerId":null,"integrationIdentifier":null,"subscriberId":null,)"
            R"("contextKeys":[],"workspace":{"id":"T"},"auth":{"accessToken":"a"},"createdAt":"t","updatedAt":"t"})";
  }
  body += R"(],"next":)";
  body += next ? "\"" + *next + "\"" : std::string("null");
  body += R"(,"previous":null,"totalCount":)" + std::to_string(total) + R"(,"totalCountCapped":false})";
  return novu::http_response{200, {{"Content-Type", "application/json"}}, std::move(body)};
}

// A server whose pages are scripted by cursor: the page requested with `after` (and
// includeCursor=true, written as a "+" after the cursor) holds the item "item-<key>" and points
// to next[key]; an unknown key is the last page.
struct scripted_pages {
  std::map<std::string, std::string> next;
  std::vector<std::string> requested;  // the keys, in order

  novu::http_response answer(const novu::http_request& request) {
    const list_query q = query_of(request);
    const std::string key = q.after + (q.include_cursor ? "+" : "");
    requested.push_back(key);
    const auto found = next.find(key);
    return one_item_page("item-" + key, found == next.end() ? std::nullopt : std::optional<std::string>(found->second),
                         static_cast<long long>(next.size()) + 1);
  }
};

// Pages "c1" .. "c<count>": the request without cursor gets item 1 and next "c1"; the one with
// after=c<n> gets item n+1 and next c<n+1>, up to item `count`. With `empty`, pages hold no
// item (half the decoding work).
struct counted_pages {
  long long count = 0;
  bool empty = false;
  long long served = 0;
  std::string last_after;
  stack_probe probe;

  novu::http_response answer(const novu::http_request& request) {
    probe.sample();
    ++served;
    const list_query q = query_of(request);
    const long long n = q.after.empty() ? 0 : std::stoll(q.after.substr(1));
    const long long item = n + 1;
    last_after = q.after;
    return one_item_page(empty ? std::string() : "item-" + std::to_string(item),
                         item < count ? std::optional<std::string>("c" + std::to_string(item)) : std::nullopt, count);
  }
};

// A synchronous transport and an asynchronous one completing inside the send call, over
// `Server::answer`.
template <class Server>
struct sync_over {
  Server* server;
  novu::transport_result operator()(const novu::http_request& request) const { return server->answer(request); }
};
template <class Server>
struct inline_over {
  Server* server;
  void operator()(const novu::http_request& request, const novu::transport_callback& done) const {
    done(novu::transport_result(server->answer(request)));
  }
};

// What a walk delivered.
struct walk_record {
  std::vector<std::string> items;
  std::optional<novu::result<std::size_t>> outcome;
  int done_runs = 0;
};

// Walks `server` from `params` with the sync client, then with the async one over an inline
// transport (fresh server state for each); both must deliver the same.
template <class Server>
std::pair<walk_record, walk_record> walk_both(const Server& prototype,
                                              const novu::list_channel_connections_params& params,
                                              const novu::pagination_options& paging = {}) {
  std::pair<walk_record, walk_record> out;
  Server sync_server = prototype;
  novu::client<sync_over<Server>> sync_client(test_support::offline_config(), sync_over<Server>{&sync_server});
  walk_record& s = out.first;
  s.outcome = sync_client.for_each_page(
      params,
      [&s](const novu::channel_connection_page& page) {
        for (const novu::channel_connection& c : page.data) s.items.push_back(c.identifier);
        return true;
      },
      paging);
  s.done_runs = 1;
  Server async_server = prototype;
  novu::async_client<inline_over<Server>> async_client(test_support::offline_config(),
                                                       inline_over<Server>{&async_server});
  walk_record& a = out.second;
  async_client.for_each_page(
      params,
      [&a](const novu::channel_connection_page& page) {
        for (const novu::channel_connection& c : page.data) a.items.push_back(c.identifier);
        return true;
      },
      [&a](novu::result<std::size_t> n) {
        ++a.done_runs;
        a.outcome = std::move(n);
      },
      paging);
  return out;
}

std::vector<std::string> identifiers_walked(novu::fake_novu& fake, const novu::list_channel_connections_params& p,
                                            bool async, std::optional<novu::result<std::size_t>>& outcome) {
  std::vector<std::string> seen;
  auto on_page = [&seen](const novu::channel_connection_page& page) {
    for (const novu::channel_connection& c : page.data) seen.push_back(c.identifier);
    return true;
  };
  if (async) {
    novu::async_client<novu::fake_novu::inline_async_transport> client(test_support::offline_config(),
                                                                       fake.async_transport());
    client.for_each_page(p, on_page, [&outcome](novu::result<std::size_t> n) { outcome = std::move(n); });
  } else {
    novu::client<novu::fake_novu::sync_transport> client(test_support::offline_config(), fake.transport());
    outcome = client.for_each_page(p, on_page);
  }
  return seen;
}

}  // namespace

TEST_CASE("next_page_params drops includeCursor: the next cursor is an item already delivered") {
  novu::list_channel_connections_params p;
  p.limit = 1;
  p.include_cursor = true;
  p.after = "first";
  p.subscriber_id = "s";
  novu::channel_connection_page page;
  page.next = "cur";
  auto next = novu::connections::next_page_params(p, page);
  REQUIRE(next.has_value());
  CHECK(next->after == std::optional<std::string>("cur"));
  CHECK_FALSE(next->include_cursor.has_value());
  CHECK(next->limit == std::optional<int>(1));
  CHECK(next->subscriber_id == std::optional<std::string>("s"));
  p.include_cursor = false;
  CHECK_FALSE(novu::connections::next_page_params(p, page)->include_cursor.has_value());
}

TEST_CASE("pagination: includeCursor=true with limit=1 over the fake yields every item once and ends") {
  for (const bool async : {false, true}) {
    CAPTURE(async);
    novu::fake_novu fake;
    novu::client<novu::fake_novu::sync_transport> setup(test_support::offline_config(), fake.transport());
    std::vector<std::string> created;
    for (int i = 0; i < 7; ++i) {
      novu::create_channel_connection_request body;
      body.identifier = "conn-" + std::to_string(i);
      body.subscriber_id = "sub-" + std::to_string(i);  // one connection per subscriber (409 otherwise)
      body.integration_identifier = "slack-prod";
      body.workspace.id = "T";
      body.auth.access_token = "a";
      REQUIRE(setup.create(body).has_value());
      created.push_back(*body.identifier);
    }
    const std::size_t before = fake.request_count();

    novu::list_channel_connections_params p;
    p.limit = 1;
    p.include_cursor = true;
    p.order_direction = novu::order_direction::ascending;  // the server's default is descending
    std::optional<novu::result<std::size_t>> outcome;
    CHECK(identifiers_walked(fake, p, async, outcome) == created);
    REQUIRE(outcome.has_value());
    REQUIRE(outcome->has_value());
    CHECK(**outcome == 7);
    const std::vector<novu::http_request> sent = fake.received();
    REQUIRE(sent.size() == before + 7);
    CHECK(sent[before].path.find("includeCursor=true") != std::string::npos);
    for (std::size_t i = before + 1; i < sent.size(); ++i) {
      CAPTURE(sent[i].path);
      CHECK(sent[i].path.find("includeCursor") == std::string::npos);
    }

    // From a cursor with includeCursor=true: the cursor's item first, then the rest, once each.
    p.after = "conn-2";
    CHECK(identifiers_walked(fake, p, async, outcome) ==
          std::vector<std::string>{"conn-2", "conn-3", "conn-4", "conn-5", "conn-6"});
    REQUIRE(outcome->has_value());
    CHECK(**outcome == 5);
  }
}

TEST_CASE("pagination: a next cursor leading back stops the walk with a decode error, sync and async") {
  struct loop_case {
    const char* name;
    std::map<std::string, std::string> next;
    std::optional<std::string> start;
    std::vector<std::string> delivered;
    const char* message_part;
  };
  const std::vector<loop_case> cases = {
      {"A -> B -> A",
       {{"", "A"}, {"A", "B"}, {"B", "A"}},
       std::nullopt,
       {"item-", "item-A", "item-B"},
       "the next cursor of page 3, \"A\", was already followed to fetch page 2"},
      {"A -> A",
       {{"", "A"}, {"A", "A"}},
       std::nullopt,
       {"item-", "item-A"},
       "the next cursor of page 2, \"A\", was already followed to fetch page 2"},
      {"back to the starting after",
       {{"S", "T"}, {"T", "S"}},
       std::string("S"),
       {"item-S", "item-T"},
       "the next cursor of page 2, \"S\", is the cursor the walk started from"},
      {"starting after points to itself",
       {{"S", "S"}},
       std::string("S"),
       {"item-S"},
       "the next cursor of page 1, \"S\", is the cursor the walk started from"},
  };
  for (const loop_case& c : cases) {
    CAPTURE(c.name);
    scripted_pages server;
    server.next = c.next;
    novu::list_channel_connections_params p;
    p.after = c.start;
    const auto walked = walk_both(server, p);
    for (const walk_record* w : {&walked.first, &walked.second}) {
      CHECK(w->items == c.delivered);
      CHECK(w->done_runs == 1);
      REQUIRE(w->outcome.has_value());
      REQUIRE_FALSE(w->outcome->has_value());
      const novu::error& e = w->outcome->error();
      CHECK(e.kind == novu::error_kind::decode);
      CHECK(e.location == "/next");
      CAPTURE(e.message);
      CHECK(e.message.find(c.message_part) != std::string::npos);
    }
  }
}

TEST_CASE("pagination: cursor loop corner cases") {
  SUBCASE("an inclusive first page may point to its own cursor; the walk then moves on") {
    scripted_pages server;
    server.next = {{"S+", "S"}, {"S", "T"}};  // limit=1, includeCursor: page 1 is S itself, next S
    novu::list_channel_connections_params p;
    p.after = "S";
    p.include_cursor = true;
    const auto walked = walk_both(server, p);
    for (const walk_record* w : {&walked.first, &walked.second}) {
      CHECK(w->items == std::vector<std::string>{"item-S+", "item-S", "item-T"});
      REQUIRE(w->outcome->has_value());
      CHECK(**w->outcome == 3);
    }
  }
  SUBCASE("...but not twice") {
    scripted_pages server;
    server.next = {{"S+", "S"}, {"S", "S"}};
    novu::list_channel_connections_params p;
    p.after = "S";
    p.include_cursor = true;
    const auto walked = walk_both(server, p);
    for (const walk_record* w : {&walked.first, &walked.second}) {
      CHECK(w->items == std::vector<std::string>{"item-S+", "item-S"});
      REQUIRE_FALSE(w->outcome->has_value());
      CHECK(w->outcome->error().message.find("was already followed to fetch page 2") != std::string::npos);
    }
  }
  SUBCASE("a loop beyond max_pages is never followed, so it is no error") {
    scripted_pages server;
    server.next = {{"", "A"}, {"A", "A"}};
    novu::pagination_options paging;
    paging.max_pages = 2;
    const auto walked = walk_both(server, {}, paging);
    for (const walk_record* w : {&walked.first, &walked.second}) {
      REQUIRE(w->outcome->has_value());
      CHECK(**w->outcome == 2);
    }
  }
  SUBCASE("a long cursor is quoted clipped to 100 bytes") {
    scripted_pages server;
    const std::string long_cursor(300, 'x');
    server.next = {{"", long_cursor}, {long_cursor, long_cursor}};
    const auto walked = walk_both(server, {});
    for (const walk_record* w : {&walked.first, &walked.second}) {
      REQUIRE_FALSE(w->outcome->has_value());
      const std::string& message = w->outcome->error().message;
      CHECK(message.find("\"" + std::string(100, 'x') + "...\"") != std::string::npos);
      CHECK(message.find(std::string(101, 'x')) == std::string::npos);
    }
  }
  SUBCASE("a cursor holding the secret key is masked in the message") {
    scripted_pages server;
    const std::string key = test_support::offline_config().secret_key;
    server.next = {{"", key}, {key, key}};
    const auto walked = walk_both(server, {});
    for (const walk_record* w : {&walked.first, &walked.second}) {
      REQUIRE_FALSE(w->outcome->has_value());
      CHECK(w->outcome->error().message.find(key) == std::string::npos);
      CHECK(w->outcome->error().message.find("[redacted]") != std::string::npos);
    }
  }
}

// The async walk is what used to recurse once per page; the sync one is a loop and is checked
// with item-less pages, since parsing dominates the run time under ASan at -O0 (~0.1 ms a page).
TEST_CASE("pagination: 100,000 pages, sync and async over an inline transport, at a flat stack") {
  constexpr long long k_pages = 100000;
  novu::pagination_options paging;
  paging.max_pages = k_pages;

  counted_pages sync_server;
  sync_server.count = k_pages;
  sync_server.empty = true;
  novu::client<sync_over<counted_pages>> sync_client(test_support::offline_config(),
                                                     sync_over<counted_pages>{&sync_server});
  std::size_t sync_calls = 0;
  auto started = std::chrono::steady_clock::now();
  const novu::result<std::size_t> sync_pages = sync_client.for_each_page(
      {}, [&](const novu::channel_connection_page&) { return ++sync_calls > 0; }, paging);
  const auto sync_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  REQUIRE(sync_pages.has_value());
  CHECK(*sync_pages == static_cast<std::size_t>(k_pages));
  CHECK(sync_calls == static_cast<std::size_t>(k_pages));
  CHECK(sync_server.served == k_pages);
  CHECK(sync_server.last_after == "c99999");
  CHECK(sync_server.probe.spread() < 4096);

  counted_pages async_server;
  async_server.count = k_pages;
  novu::async_client<inline_over<counted_pages>> async_client(test_support::offline_config(),
                                                              inline_over<counted_pages>{&async_server});
  std::size_t async_items = 0;
  std::string async_last;
  int done_runs = 0;
  std::optional<novu::result<std::size_t>> async_pages;
  started = std::chrono::steady_clock::now();
  async_client.for_each_page(
      {},
      [&](const novu::channel_connection_page& page) {
        async_items += page.data.size();
        async_last = page.data.back().identifier;
        return true;
      },
      [&](novu::result<std::size_t> n) {
        ++done_runs;
        async_pages = std::move(n);
      },
      paging);
  const auto async_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  CHECK(done_runs == 1);
  REQUIRE(async_pages.has_value());
  REQUIRE(async_pages->has_value());
  CHECK(**async_pages == static_cast<std::size_t>(k_pages));
  CHECK(async_items == static_cast<std::size_t>(k_pages));
  CHECK(async_last == "item-100000");
  CHECK(async_server.served == k_pages);
  CHECK(async_server.probe.spread() < 4096);
  MESSAGE("100,000 pages: sync " << sync_ms << " ms, async " << async_ms << " ms; stack spread sync "
                                 << sync_server.probe.spread() << " B, async " << async_server.probe.spread() << " B");
}

TEST_CASE("pagination property: on random cursor graphs a walk ends at the last page or at the first repeat") {
  // A server whose `next` cursors form a random graph over a few cursors (so cycles, self-loops
  // and loops back to the start are common): the walk must deliver each page it reaches once, in
  // order, and stop either where the server has no `next` (success) or where a `next` repeats a
  // cursor already followed (a decode error at /next), sync and async alike.
  std::mt19937 rng(20261202);
  int ended_at_repeat = 0;
  int ended_at_last = 0;
  for (int round = 0; round < 400; ++round) {
    const int cursors = 1 + static_cast<int>(rng() % 8);
    scripted_pages server;
    std::vector<std::string> keys = {""};
    for (int i = 0; i < cursors; ++i) keys.push_back("k" + std::to_string(i));
    for (const std::string& key : keys) {
      if (rng() % (cursors + 1) != 0) server.next[key] = keys[1 + rng() % cursors];
    }
    novu::list_channel_connections_params p;
    if (rng() % 3 == 0) p.after = keys[1 + rng() % cursors];
    // The expected walk, from the graph alone.
    std::vector<std::string> expected;
    std::set<std::string> followed;
    std::string at = p.after.value_or("");
    if (p.after) followed.insert(at);
    bool repeat = false;
    for (;;) {
      expected.push_back("item-" + at);
      const auto next = server.next.find(at);
      if (next == server.next.end()) break;
      if (!followed.insert(next->second).second) {
        repeat = true;
        break;
      }
      at = next->second;
    }
    CAPTURE(round);
    const auto walked = walk_both(server, p);
    for (const walk_record* w : {&walked.first, &walked.second}) {
      CHECK(w->items == expected);
      CHECK(w->done_runs == 1);
      REQUIRE(w->outcome.has_value());
      if (repeat) {
        REQUIRE_FALSE(w->outcome->has_value());
        CHECK(w->outcome->error().kind == novu::error_kind::decode);
        CHECK(w->outcome->error().location == "/next");
      } else {
        REQUIRE(w->outcome->has_value());
        CHECK(**w->outcome == expected.size());
      }
    }
    (repeat ? ended_at_repeat : ended_at_last) += 1;
  }
  CHECK(ended_at_repeat > 50);
  CHECK(ended_at_last > 50);
}
