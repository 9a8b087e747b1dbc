// What every resource store of a fake_backend shares: its records (items by identifier, with
// their creation order), the list operation (the query read in the order the server checks it,
// the filters every resource has, the order with its tie-break, the cursor page), retrieve and
// delete, and the registration of the five operations. A store adds create, update, its own
// filters and its rules.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>  // sort
#include <cstddef>    // size_t
#include <cstdint>    // uint64_t
#include <map>        // map
#include <optional>   // optional
#include <string>     // string
#include <utility>    // move
#include <vector>     // vector

#include "novu/core/api_error.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"
#include "novu/testing/fake_backend.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// The `contextKeys` a stored item gets from a create body's `context`: "type:id" each, in order.
inline std::vector<std::string> fake_context_keys(const std::optional<std::vector<context_entry>>& context) {
  std::vector<std::string> keys;
  if (context) {
    for (const context_entry& e : *context) keys.push_back(e.type + ":" + e.id);
  }
  return keys;
}

/// Whether two lists of context keys hold the same keys, in any order.
inline bool fake_same_context(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

/// A list request as fake_read_list reads it: the query, the page size and order, and the
/// filters every resource shares.
struct fake_list_request {
  fake_query query;                                      ///< every parameter, for the store's own filters
  std::size_t limit = 10;                                ///< `limit` (server default 10)
  bool by_updated = false;                               ///< `orderBy=updatedAt` (else createdAt)
  bool descending = true;                                ///< `orderDirection` (server default DESC)
  bool inclusive = false;                                ///< `includeCursor`
  std::optional<std::string> subscriber;                 ///< `subscriberId`
  std::optional<std::string> channel;                    ///< `channel`
  std::optional<std::string> provider;                   ///< `providerId`
  std::optional<std::string> integration;                ///< `integrationIdentifier`
  std::optional<std::vector<std::string>> context_keys;  ///< `contextKeys`, sorted; empty for `contextKeys=`

  /// Whether `item` (a channel_connection or a channel_endpoint) passes the shared filters.
  template <class Item>
  bool matches(const Item& item) const {
    if (subscriber && item.subscriber_id != *subscriber) return false;
    if (channel && (!item.channel || item.channel->value() != *channel)) return false;
    if (provider && (!item.provider_id || item.provider_id->value() != *provider)) return false;
    if (integration && item.integration_identifier != *integration) return false;
    return !context_keys || fake_same_context(item.context_keys, *context_keys);
  }
};

/// Reads the list request of `call` into `out`; the server's 400 or 422 when a parameter is bad.
inline std::optional<http_response> fake_read_list(const fake_call& call, fake_list_request& out) {
  const fake_backend& server = call.server;
  const std::string& path = call.path;
  if (std::optional<http_response> bad = server.read_query(path, call.query, out.query)) return bad;
  if (std::optional<http_response> bad = server.read_limit(path, out.query, out.limit)) return bad;
  const std::string order_by_field = out.query.last("orderBy").value_or("createdAt");
  if (order_by_field != "createdAt" && order_by_field != "updatedAt") {
    return server.invalid_parameter(path, "orderBy", "orderBy must be createdAt or updatedAt");
  }
  out.by_updated = order_by_field == "updatedAt";
  if (std::optional<http_response> bad = server.read_direction(path, out.query, out.descending)) return bad;
  if (std::optional<http_response> bad = server.read_include_cursor(path, out.query, out.inclusive)) return bad;
  out.subscriber = out.query.last("subscriberId");
  out.channel = out.query.last("channel");
  out.provider = out.query.last("providerId");
  out.integration = out.query.last("integrationIdentifier");
  if (const auto found = out.query.params.find("contextKeys"); found != out.query.params.end()) {
    out.context_keys.emplace();
    for (const std::string& k : found->second) {
      if (!k.empty()) out.context_keys->push_back(k);
    }
    std::sort(out.context_keys->begin(), out.context_keys->end());
  }
  return std::nullopt;
}

/// Fills `page` (data, next, previous, total_count, total_count_capped) with what `list`
/// selects of `rows` (records with a `sequence`, their item reached by `item(row)`: created_at,
/// updated_at, identifier), sorted by the request's order with ties broken by sequence; the
/// server's error for a bad cursor instead.
template <class Page, class Row, class ItemOf>
std::optional<http_response> fake_list_page(const fake_call& call, const fake_list_request& list,
                                            std::vector<const Row*> rows, ItemOf item, Page& page) {
  std::sort(rows.begin(), rows.end(), [&](const Row* a, const Row* b) {
    const std::string& ka = list.by_updated ? item(*a).updated_at : item(*a).created_at;
    const std::string& kb = list.by_updated ? item(*b).updated_at : item(*b).created_at;
    if (ka != kb) return list.descending ? ka > kb : ka < kb;
    return list.descending ? a->sequence > b->sequence : a->sequence < b->sequence;
  });
  fake_page window;
  auto key_of = [&](std::size_t i) -> const std::string& { return item(*rows[i]).identifier; };
  if (std::optional<http_response> bad =
          call.server.read_page(call.path, list.query, rows.size(), list.limit, list.inclusive, key_of, window)) {
    return bad;
  }
  for (std::size_t i = window.begin; i < window.end; ++i) page.data.push_back(item(*rows[i]));
  page.next = std::move(window.next);
  page.previous = std::move(window.previous);
  page.total_count = window.total_count;
  page.total_count_capped = window.total_count_capped;
  return std::nullopt;
}

/// The items of one store by identifier, each with its creation order (which breaks ties between
/// equal timestamps). Not locked: its store calls it under the server's lock.
template <class Item>
class fake_records {
 public:
  /// One stored item.
  struct record {
    Item item;                   ///< the item as the server would answer it
    std::uint64_t sequence = 0;  ///< creation order
  };

  /// Every item, ordered by identifier.
  std::vector<Item> items() const {
    std::vector<Item> out;
    out.reserve(records_.size());
    for (const auto& entry : records_) out.push_back(entry.second.item);
    return out;
  }
  /// Stores `item` under its identifier (replacing one), with the next creation order; the stored copy.
  Item& put(Item item) {
    record& r = records_[item.identifier];
    r.item = std::move(item);
    r.sequence = ++sequence_;
    return r.item;
  }
  /// The item `identifier`, or nullptr.
  const Item* find(const std::string& identifier) const {
    const auto found = records_.find(identifier);
    return found == records_.end() ? nullptr : &found->second.item;
  }
  /// The item `identifier`, or nullptr, to change in place.
  Item* find(const std::string& identifier) {
    const auto found = records_.find(identifier);
    return found == records_.end() ? nullptr : &found->second.item;
  }
  /// Removes the item `identifier`; false when there is none.
  bool erase(const std::string& identifier) { return records_.erase(identifier) != 0; }
  /// The number of items put so far (deleted ones included).
  std::uint64_t puts() const noexcept { return sequence_; }
  /// Every record, ordered by identifier.
  const std::map<std::string, record>& all() const noexcept { return records_; }

  /// GET on the collection: the page `call` asks for of the items that pass the shared filters
  /// and `keep(item)`, encoded; the server's 400 or 422 for a bad parameter.
  template <class Page, class Keep>
  http_response list(const fake_call& call, const fake_list_request& list, Keep keep) const {
    std::vector<const record*> rows;
    for (const auto& entry : records_) {
      if (list.matches(entry.second.item) && keep(entry.second.item)) rows.push_back(&entry.second);
    }
    Page page;
    if (std::optional<http_response> bad = fake_list_page(
            call, list, std::move(rows), [](const record& r) -> const Item& { return r.item; }, page)) {
      return std::move(*bad);
    }
    return fake_backend::encoded_response(200, encode_json(page));
  }
  /// GET on /{identifier}: the item in a `data` envelope, or `not_found(call)`.
  template <class NotFound>
  http_response retrieve(const fake_call& call, NotFound not_found) const {
    const Item* item = find(call.identifier);
    if (item == nullptr) return not_found(call);
    return fake_backend::data_response(200, encode_json(*item));
  }
  /// DELETE on /{identifier}: 204 (the clock ticks), or `not_found(call)`.
  template <class NotFound>
  http_response remove(const fake_call& call, NotFound not_found) {
    if (!erase(call.identifier)) return not_found(call);
    call.server.tick();
    http_response r;
    r.status = 204;
    return r;
  }

 private:
  std::map<std::string, record> records_;
  std::uint64_t sequence_ = 0;
};

/// The resource a store registers for `collection`: the five operations, each calling the
/// store's member of the same name (`store` must outlive the server's use of it).
template <class Store>
fake_resource fake_crud_resource(const char* collection, Store* store,
                                 http_response (Store::*list)(const fake_call&) const,
                                 http_response (Store::*create)(const fake_call&),
                                 http_response (Store::*retrieve)(const fake_call&) const,
                                 http_response (Store::*update)(const fake_call&),
                                 http_response (Store::*remove)(const fake_call&)) {
  fake_resource resource;
  resource.collection = collection;
  resource.list = [store, list](const fake_call& call) { return (store->*list)(call); };
  resource.create = [store, create](const fake_call& call) { return (store->*create)(call); };
  resource.retrieve = [store, retrieve](const fake_call& call) { return (store->*retrieve)(call); };
  resource.update = [store, update](const fake_call& call) { return (store->*update)(call); };
  resource.remove = [store, remove](const fake_call& call) { return (store->*remove)(call); };
  return resource;
}

NOVU_CC_NAMESPACE_END
