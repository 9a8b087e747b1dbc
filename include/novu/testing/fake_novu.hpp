// fake_novu: an in-process stand-in for Novu's Channel Connections API, for unit tests and
// examples. It answers the five operations from memory the way the server does: `data`
// envelopes on single entities, generated identifiers, filters and cursor pagination on list,
// ErrorDto/ValidationErrorDto bodies, and POST/PATCH idempotency. Thread-safe.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // sort, find_if
#include <cstddef>      // size_t
#include <cstdint>      // int64_t, uint64_t
#include <deque>        // deque
#include <map>          // map
#include <mutex>        // mutex, lock_guard
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move, pair
#include <vector>       // vector

#include "novu/novu.hpp"
#include "novu/core/detail/text.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// An integration the fake knows: connections created for it get its channel and provider.
struct fake_integration {
  std::string identifier;      ///< integration identifier, e.g. "slack-prod"
  channel_type channel;        ///< channel of its connections
  novu::provider_id provider;  ///< provider of its connections
};

/// How a fake_novu starts.
struct fake_novu_options {
  /// Accepted secret key (with or without "ApiKey "); empty accepts any non-empty key.
  std::string secret_key;
  /// Known integrations; creating a connection for another one answers 404.
  std::vector<fake_integration> integrations{{"slack-prod", channel_type::chat, provider_id::slack},
                                             {"msteams-prod", channel_type::chat, provider_id::msteams}};
  /// Clock of createdAt/updatedAt/timestamps in Unix ms; it advances 1 s per write.
  std::int64_t start_unix_ms = 1767225600000;  // 2026-01-01T00:00:00.000Z
};

/// The in-memory server. Hand `transport()` to novu::client or `async_transport()` to
/// novu::async_client, or call `handle()` directly.
class fake_novu {
 public:
  /// A sync transport that forwards to a fake_novu, which must outlive it.
  struct sync_transport {
    fake_novu* server;  ///< the fake answering
    /// Answers `request`.
    transport_result operator()(const http_request& request) const { return server->handle(request); }
  };
  /// An async transport that completes at once on the calling thread.
  struct inline_async_transport {
    fake_novu* server;  ///< the fake answering
    /// Answers `request` through `done`.
    template <class Callback>
    void operator()(http_request request, Callback done) const {
      done(transport_result(server->handle(request)));
    }
  };

  /// A fake with `options`.
  explicit fake_novu(fake_novu_options options = {}) : options_(std::move(options)), now_ms_(options_.start_unix_ms) {}

  /// A transport for novu::client.
  sync_transport transport() noexcept { return sync_transport{this}; }
  /// A transport for novu::async_client.
  inline_async_transport async_transport() noexcept { return inline_async_transport{this}; }

  /// Serves `response` for the next request, before any normal handling (fault injection:
  /// a 429 with Retry-After, a 500...). Queued responses are served in order.
  void enqueue_response(http_response response) {
    std::lock_guard<std::mutex> lock(mutex_);
    queued_.push_back(std::move(response));
  }
  /// Every request received, in order.
  std::vector<http_request> received() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
  }
  /// Number of requests received.
  std::size_t request_count() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_.size();
  }
  /// Stored connections, ordered by identifier.
  std::vector<channel_connection> connections() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<channel_connection> out;
    out.reserve(store_.size());
    for (const auto& entry : store_) out.push_back(entry.second.connection);
    return out;
  }
  /// Stores `connection` as is (test setup), replacing one with the same identifier.
  void put(channel_connection connection) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string id = connection.identifier;
    record& r = store_[id];
    r.connection = std::move(connection);
    r.sequence = ++sequence_;
  }

  /// Answers one request like the server would.
  http_response handle(const http_request& request) {
    std::lock_guard<std::mutex> lock(mutex_);
    received_.push_back(request);
    if (!queued_.empty()) {
      http_response canned = std::move(queued_.front());
      queued_.pop_front();
      return canned;
    }
    return route(request);
  }

 private:
  struct record {
    channel_connection connection;
    std::uint64_t sequence = 0;  // creation order, breaks ties between equal timestamps
  };
  struct idempotent_answer {
    std::string method_and_target;
    std::string body;
    http_response response;
  };

  // ---- helpers ----
  static std::string iso_time(std::int64_t unix_ms) {
    std::int64_t days = unix_ms / 86400000;
    std::int64_t rest = unix_ms % 86400000;
    if (rest < 0) {
      rest += 86400000;
      --days;
    }
    // civil_from_days (Howard Hinnant's algorithm)
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    auto three = [](std::int64_t v) { return (v < 100 ? (v < 10 ? "00" : "0") : "") + std::to_string(v); };
    return std::to_string(y) + "-" + two(m) + "-" + two(d) + "T" + two(rest / 3600000) + ":" + two(rest / 60000 % 60) +
           ":" + two(rest / 1000 % 60) + "." + three(rest % 1000) + "Z";
  }

  std::string now_iso() const { return iso_time(now_ms_); }
  void tick() { now_ms_ += 1000; }

  static http_response json_response(int status, std::string body) {
    http_response r;
    r.status = status;
    r.headers.push_back({"Content-Type", "application/json; charset=utf-8"});
    r.body = std::move(body);
    return r;
  }

  // Paths and identifiers in messages come from the request: invalid UTF-8 is shown as "?".
  static std::string printable(std::string text) {
    for (std::size_t bad = detail::find_invalid_utf8(text); bad != std::string::npos;
         bad = detail::find_invalid_utf8(text)) {
      text[bad] = '?';
    }
    return text;
  }

  http_response error_response(int status, const std::string& path, const std::string& message) const {
    api_error body;
    body.status_code = status;
    body.timestamp = now_iso();
    body.path = printable(path);
    result<any_json> text = json_string(printable(message));
    if (text) body.message = std::move(*text);
    result<std::string> json = encode_json(body);
    return json_response(status, json ? std::move(*json) : std::string("{}"));
  }

  // 422 from a decoder error: the field is its JSON pointer in dotted form.
  http_response validation_response(const std::string& path, const error& decode_error) const {
    api_error body;
    body.status_code = 422;
    body.timestamp = now_iso();
    body.path = path;
    body.message = json_string("Validation failed").value_or(any_json{});
    constraint_violation v;
    std::string field;
    for (char ch : decode_error.location) field.push_back(ch == '/' ? '.' : ch);
    if (!field.empty() && field.front() == '.') field.erase(0, 1);
    v.field = field.empty() ? "body" : field;
    std::string reason = decode_error.message;
    const std::string prefix = decode_error.location + ": ";
    if (!decode_error.location.empty() && reason.compare(0, prefix.size(), prefix) == 0) reason.erase(0, prefix.size());
    v.messages.push_back(reason);
    body.errors.emplace().push_back(std::move(v));
    result<std::string> json = encode_json(body);
    return json_response(422, json ? std::move(*json) : std::string("{}"));
  }

  http_response entity_response(int status, const channel_connection& c) const {
    result<std::string> json = encode_json(c);
    return json_response(status, "{\"data\":" + (json ? *json : std::string("null")) + "}");
  }

  bool authorized(const http_request& request) const {
    const http_header* h = find_header(request.headers, "authorization");
    if (h == nullptr) return false;
    std::string_view value = h->value;
    if (value.substr(0, 7) != "ApiKey ") return false;
    value.remove_prefix(7);
    if (value.empty()) return false;
    if (options_.secret_key.empty()) return true;
    std::string_view expected = options_.secret_key;
    if (expected.substr(0, 7) == "ApiKey ") expected.remove_prefix(7);
    return value == expected;
  }

  // ---- routing ----
  http_response route(const http_request& request) {
    const std::string& target = request.path;
    const std::string::size_type query_at = target.find('?');
    const std::string path = target.substr(0, query_at);
    const std::string query = query_at == std::string::npos ? std::string() : target.substr(query_at + 1);
    static const std::string collection = "/v1/channel-connections";
    const std::string::size_type at = path.find(collection);
    const std::string route_path = at == std::string::npos ? path : path.substr(at);
    if (!authorized(request)) return error_response(401, route_path, "Unauthorized");
    if (at == std::string::npos) return error_response(404, route_path, "Cannot " + request.method + " " + path);
    const std::string rest = path.substr(at + collection.size());
    if (rest.empty() || rest == "/") {
      if (request.method == "GET") return list(route_path, query);
      if (request.method == "POST") return idempotent(request, route_path, [&] { return create(route_path, request); });
      return error_response(404, route_path, "Cannot " + request.method + " " + path);
    }
    std::string identifier;
    if (rest[0] != '/' || rest.find('/', 1) != std::string::npos ||
        !detail::percent_decode(std::string_view(rest).substr(1), identifier, false)) {
      return error_response(404, route_path, "Cannot " + request.method + " " + path);
    }
    if (request.method == "GET") return retrieve(route_path, identifier);
    if (request.method == "PATCH") {
      return idempotent(request, route_path, [&] { return update(route_path, identifier, request); });
    }
    if (request.method == "DELETE") return remove(route_path, identifier);
    return error_response(404, route_path, "Cannot " + request.method + " " + path);
  }

  // POST/PATCH idempotency: same key + same request replays, same key + other body is 422.
  template <class Handler>
  http_response idempotent(const http_request& request, const std::string& path, Handler handler) {
    const http_header* key = find_header(request.headers, "idempotency-key");
    if (key == nullptr || key->value.empty()) return handler();
    if (key->value.size() > 255) {
      return error_response(400, path, "idempotency-key must be at most 255 characters");
    }
    auto found = idempotency_.find(key->value);
    const std::string what = request.method + " " + request.path;
    if (found != idempotency_.end()) {
      if (found->second.method_and_target != what || found->second.body != request.body) {
        return error_response(422, path,
                              "Request with key \"" + key->value + "\" is being reused for a different body");
      }
      http_response replay = found->second.response;
      replay.headers.push_back({"Idempotency-Key", key->value});
      replay.headers.push_back({"Idempotency-Replay", "true"});
      return replay;
    }
    http_response response = handler();
    if (response.status < 500) idempotency_[key->value] = idempotent_answer{what, request.body, response};
    response.headers.push_back({"Idempotency-Key", key->value});
    return response;
  }

  // ---- operations ----
  http_response create(const std::string& path, const http_request& request) {
    result<create_channel_connection_request> body = decode_create_request(request.body);
    if (!body) return validation_response(path, body.error());
    const auto integration =
        std::find_if(options_.integrations.begin(), options_.integrations.end(),
                     [&](const fake_integration& i) { return i.identifier == body->integration_identifier; });
    if (integration == options_.integrations.end()) {
      return error_response(404, path, "Integration with identifier " + body->integration_identifier + " not found");
    }
    const bool shared = body->connection_mode == connection_mode::shared;
    channel_connection c;
    if (body->identifier) {
      c.identifier = *body->identifier;
    } else {
      c.identifier = body->integration_identifier + "-" +
                     (shared ? std::string("shared") : body->subscriber_id.value_or("shared")) + "-" +
                     std::to_string(sequence_ + 1);
    }
    if (c.identifier.empty()) return error_response(400, path, "identifier must not be empty");
    if (store_.count(c.identifier) != 0) {
      return error_response(409, path, "Channel connection with identifier " + c.identifier + " already exists");
    }
    c.channel = integration->channel;
    c.provider_id = integration->provider;
    c.integration_identifier = body->integration_identifier;
    if (!shared) c.subscriber_id = body->subscriber_id;
    if (body->context) {
      for (const context_entry& e : *body->context) c.context_keys.push_back(e.type + ":" + e.id);
    }
    c.workspace = std::move(body->workspace);
    c.auth = std::move(body->auth);
    tick();
    c.created_at = now_iso();
    c.updated_at = c.created_at;
    record& r = store_[c.identifier];
    r.connection = c;
    r.sequence = ++sequence_;
    return entity_response(201, c);
  }

  http_response retrieve(const std::string& path, const std::string& identifier) const {
    const auto found = store_.find(identifier);
    if (found == store_.end()) return not_found(path, identifier);
    return entity_response(200, found->second.connection);
  }

  http_response update(const std::string& path, const std::string& identifier, const http_request& request) {
    result<update_channel_connection_request> body = decode_update_request(request.body);
    if (!body) return validation_response(path, body.error());
    const auto found = store_.find(identifier);
    if (found == store_.end()) return not_found(path, identifier);
    channel_connection& c = found->second.connection;
    c.workspace = std::move(body->workspace);
    c.auth = std::move(body->auth);
    tick();
    c.updated_at = now_iso();
    return entity_response(200, c);
  }

  http_response remove(const std::string& path, const std::string& identifier) {
    const auto found = store_.find(identifier);
    if (found == store_.end()) return not_found(path, identifier);
    store_.erase(found);
    tick();
    http_response r;
    r.status = 204;
    return r;
  }

  http_response not_found(const std::string& path, const std::string& identifier) const {
    return error_response(404, path, "Channel connection with identifier " + identifier + " not found");
  }

  http_response list(const std::string& path, const std::string& query) const {
    std::map<std::string, std::vector<std::string>> params;
    std::string_view rest = query;
    while (!rest.empty()) {
      const std::size_t amp = rest.find('&');
      const std::string_view pair = rest.substr(0, amp);
      rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
      if (pair.empty()) continue;
      const std::size_t eq = pair.find('=');
      std::string name;
      std::string value;
      if (!detail::percent_decode(pair.substr(0, eq), name, true) ||
          !detail::percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), value,
                                  true)) {
        return error_response(400, path, "malformed query string");
      }
      params[name].push_back(value);
    }
    auto one = [&](const char* name) -> std::optional<std::string> {
      const auto found = params.find(name);
      if (found == params.end() || found->second.empty()) return std::nullopt;
      return found->second.back();
    };
    auto invalid = [&](const char* field, const std::string& message) {
      error e = make_error(error_kind::invalid_argument, message, std::string("/") + field);
      return validation_response(path, e);
    };

    std::size_t limit = 10;
    if (std::optional<std::string> text = one("limit")) {
      std::size_t value = 0;
      bool digits = !text->empty() && text->size() <= 4;
      for (char ch : *text) {
        digits = digits && ch >= '0' && ch <= '9';
        if (digits) value = value * 10 + static_cast<std::size_t>(ch - '0');
      }
      if (!digits || value < 1 || value > 100) return invalid("limit", "limit must be a number between 1 and 100");
      limit = value;
    }
    const std::string order_by_field = one("orderBy").value_or("createdAt");
    if (order_by_field != "createdAt" && order_by_field != "updatedAt") {
      return invalid("orderBy", "orderBy must be createdAt or updatedAt");
    }
    const std::string direction = one("orderDirection").value_or("ASC");
    if (direction != "ASC" && direction != "DESC")
      return invalid("orderDirection", "orderDirection must be ASC or DESC");
    const std::string mode = one("connectionMode").value_or("");
    if (!mode.empty() && mode != "subscriber" && mode != "shared") {
      return invalid("connectionMode", "connectionMode must be subscriber or shared");
    }
    const std::optional<std::string> include_cursor = one("includeCursor");
    if (include_cursor && *include_cursor != "true" && *include_cursor != "false") {
      return invalid("includeCursor", "includeCursor must be a boolean value");
    }
    const std::optional<std::string> subscriber = one("subscriberId");
    const std::optional<std::string> channel = one("channel");
    const std::optional<std::string> provider = one("providerId");
    const std::optional<std::string> integration = one("integrationIdentifier");
    std::optional<std::vector<std::string>> context_keys;
    if (const auto found = params.find("contextKeys"); found != params.end()) {
      context_keys.emplace();
      for (const std::string& k : found->second) {
        if (!k.empty()) context_keys->push_back(k);
      }
      std::sort(context_keys->begin(), context_keys->end());
    }

    std::vector<const record*> rows;
    for (const auto& entry : store_) {
      const channel_connection& c = entry.second.connection;
      if (subscriber && c.subscriber_id != *subscriber) continue;
      if (mode == "subscriber" && !c.subscriber_id) continue;
      if (mode == "shared" && c.subscriber_id) continue;
      if (channel && (!c.channel || c.channel->value() != *channel)) continue;
      if (provider && (!c.provider_id || c.provider_id->value() != *provider)) continue;
      if (integration && c.integration_identifier != *integration) continue;
      if (context_keys) {
        std::vector<std::string> have = c.context_keys;
        std::sort(have.begin(), have.end());
        if (have != *context_keys) continue;
      }
      rows.push_back(&entry.second);
    }
    const bool by_updated = order_by_field == "updatedAt";
    const bool descending = direction == "DESC";
    std::sort(rows.begin(), rows.end(), [&](const record* a, const record* b) {
      const std::string& ka = by_updated ? a->connection.updated_at : a->connection.created_at;
      const std::string& kb = by_updated ? b->connection.updated_at : b->connection.created_at;
      if (ka != kb) return descending ? ka > kb : ka < kb;
      return descending ? a->sequence > b->sequence : a->sequence < b->sequence;
    });

    auto position = [&](const std::string& identifier) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i]->connection.identifier == identifier) return i;
      }
      return std::nullopt;
    };
    const bool inclusive = include_cursor && *include_cursor == "true";
    std::size_t begin = 0;
    std::size_t end = rows.size();
    if (std::optional<std::string> after = one("after")) {
      const std::optional<std::size_t> at = position(*after);
      if (!at) return error_response(400, path, "Invalid cursor");
      begin = inclusive ? *at : *at + 1;
      end = (std::min)(rows.size(), begin + limit);
    } else if (std::optional<std::string> before = one("before")) {
      const std::optional<std::size_t> at = position(*before);
      if (!at) return error_response(400, path, "Invalid cursor");
      end = inclusive ? *at + 1 : *at;
      begin = end > limit ? end - limit : 0;
    } else {
      end = (std::min)(rows.size(), limit);
    }

    channel_connection_page page;
    for (std::size_t i = begin; i < end; ++i) page.data.push_back(rows[i]->connection);
    if (end < rows.size() && end > begin) page.next = rows[end - 1]->connection.identifier;
    if (begin > 0 && end > begin) page.previous = rows[begin]->connection.identifier;
    page.total_count = static_cast<std::int64_t>(std::min<std::size_t>(rows.size(), 50000));
    page.total_count_capped = rows.size() > 50000;
    result<std::string> json = encode_json(page);
    return json_response(200, json ? std::move(*json) : std::string("{}"));
  }

  fake_novu_options options_;
  std::int64_t now_ms_;
  mutable std::mutex mutex_;
  std::map<std::string, record> store_;
  std::map<std::string, idempotent_answer> idempotency_;
  std::deque<http_response> queued_;
  std::vector<http_request> received_;
  std::uint64_t sequence_ = 0;
};

NOVU_CC_NAMESPACE_END
