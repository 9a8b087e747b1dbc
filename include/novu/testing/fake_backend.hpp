// fake_backend: the resource-agnostic core of an in-process fake Novu server, for unit tests and
// examples. It checks the secret key, routes each request to the store registered for its
// collection path, makes POST/PATCH idempotent by Idempotency-Key, serves injected faults, and
// builds the server's ErrorDto/ValidationErrorDto bodies and cursor pages. Resource stores
// (novu/testing/fake_connections.hpp, fake_endpoints.hpp) register themselves; novu/testing/fake_novu.hpp
// joins them.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // min, find, remove
#include <cstddef>      // size_t
#include <cstdint>      // int64_t
#include <deque>        // deque
#include <functional>   // function
#include <map>          // map
#include <mutex>        // mutex, lock_guard, unique_lock
#include <optional>     // optional, nullopt
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include "novu/core/api_error.hpp"
#include "novu/core/error.hpp"
#include "novu/core/http.hpp"
#include "novu/core/json.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"
#include "novu/core/detail/text.hpp"

NOVU_CC_NAMESPACE_BEGIN

class fake_backend;

/// One request as a resource handler sees it: authenticated and routed to its resource.
struct fake_call {
  fake_backend& server;         ///< the server answering: clock and response helpers
  const http_request& request;  ///< the request as received
  std::string path;             ///< the path from the collection on, as error bodies show it
  std::string query;            ///< the query string, without its '?'
  std::string identifier;       ///< the decoded `/{identifier}` segment; empty on the collection
};

/// Answers one operation of a resource. Runs under the server's lock: it must not call lock().
using fake_handler = std::function<http_response(const fake_call& call)>;

/// What a store registers: its collection path and its operations. An operation without a
/// handler answers 404 "Cannot METHOD path", like the server for a route it does not have.
struct fake_resource {
  std::string collection;  ///< collection path, e.g. "/v1/channel-connections"
  fake_handler list;       ///< GET on the collection
  fake_handler create;     ///< POST on the collection (idempotent by Idempotency-Key)
  fake_handler retrieve;   ///< GET on /{identifier}
  fake_handler update;     ///< PATCH on /{identifier} (idempotent by Idempotency-Key)
  fake_handler remove;     ///< DELETE on /{identifier}
  /// POST on /{identifier}/{name} for each name, e.g. "verify" (idempotent by Idempotency-Key).
  std::map<std::string, fake_handler> actions;
};

/// The query parameters of a request, percent-decoded.
struct fake_query {
  std::map<std::string, std::vector<std::string>> params;  ///< every value of each name, in order

  /// The last value of `name`, or nullopt when it is absent.
  std::optional<std::string> last(const char* name) const {
    const auto found = params.find(name);
    if (found == params.end() || found->second.empty()) return std::nullopt;
    return found->second.back();
  }
};

/// One page of a cursor-paged list: rows [begin, end) of the sorted rows, and its cursors.
struct fake_page {
  std::size_t begin = 0;                ///< first row answered
  std::size_t end = 0;                  ///< one past the last row answered
  std::optional<std::string> next;      ///< `next`: the last row answered, when rows follow
  std::optional<std::string> previous;  ///< `previous`: the first row answered, when rows precede
  std::int64_t total_count = 0;         ///< `totalCount`: the rows, at most 50,000
  bool total_count_capped = false;      ///< `totalCountCapped`: more than 50,000 rows
};

/// How a fake_backend starts.
struct fake_backend_options {
  /// Accepted secret key (with or without "ApiKey "); empty accepts any non-empty key.
  std::string secret_key;
  /// Clock in Unix ms, for timestamps; tick() advances it 1 s.
  std::int64_t start_unix_ms = 1767225600000;  // 2026-01-01T00:00:00.000Z
};

/// The server core: requests in, responses out, for the resources registered with it. Thread-safe.
class fake_backend {
 public:
  /// A server with `options` and no resources.
  explicit fake_backend(fake_backend_options options = {})
      : options_(std::move(options)), now_ms_(options_.start_unix_ms) {}

  /// Routes requests under `resource.collection` to its handlers (first registered wins).
  void add_resource(fake_resource resource) {
    std::lock_guard<std::mutex> lock(mutex_);
    resources_.push_back(std::move(resource));
  }
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
  /// Holds `key` "in progress", as the server does while the first request with an idempotency
  /// key is still being processed: until release_idempotency_key, every POST or PATCH carrying
  /// it answers 409 with `Retry-After: 1` (the server's only transient 409).
  void hold_idempotency_key(std::string key) {
    std::lock_guard<std::mutex> lock(mutex_);
    in_progress_.push_back(std::move(key));
  }
  /// Ends what hold_idempotency_key began for `key`.
  void release_idempotency_key(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    in_progress_.erase(std::remove(in_progress_.begin(), in_progress_.end(), key), in_progress_.end());
  }
  /// Locks the server as handle() does, for a store's own accessors (test setup).
  std::unique_lock<std::mutex> lock() const { return std::unique_lock<std::mutex>(mutex_); }

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

  // ---- for handlers ----

  /// `unix_ms` as ISO 8601 in UTC with milliseconds, e.g. "2026-01-01T00:00:00.000Z".
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
  /// The clock in Unix ms.
  std::int64_t now_ms() const { return now_ms_; }
  /// The clock as ISO 8601.
  std::string now_iso() const { return iso_time(now_ms_); }
  /// Advances the clock 1 s (every write does).
  void tick() { now_ms_ += 1000; }

  /// A response with `body` as its JSON.
  static http_response json_response(int status, std::string body) {
    http_response r;
    r.status = status;
    r.headers.push_back({"Content-Type", "application/json; charset=utf-8"});
    r.body = std::move(body);
    return r;
  }
  /// A response with encoded `json`, or `{}` when encoding failed.
  static http_response encoded_response(int status, result<std::string> json) {
    return json_response(status, json ? std::move(*json) : std::string("{}"));
  }
  /// A single entity in the server's `{"data": ...}` envelope (`null` when encoding failed).
  static http_response data_response(int status, const result<std::string>& json) {
    return json_response(status, "{\"data\":" + (json ? *json : std::string("null")) + "}");
  }

  /// `text` with each byte of invalid UTF-8 shown as '?' (paths and identifiers in messages).
  static std::string printable(std::string text) {
    // Each search resumes after the byte just replaced: what precedes it is valid by then, so
    // the text is read once instead of once per bad byte.
    for (std::size_t from = 0; from < text.size();) {
      const std::size_t bad = detail::find_invalid_utf8(std::string_view(text).substr(from));
      if (bad == std::string_view::npos) break;
      text[from + bad] = '?';
      from += bad + 1;
    }
    return text;
  }

  /// An ErrorDto answer.
  http_response error_response(int status, const std::string& path, const std::string& message) const {
    api_error body;
    body.status_code = status;
    body.timestamp = now_iso();
    body.path = printable(path);
    result<any_json> text = json_string(printable(message));
    if (text) body.message = std::move(*text);
    return encoded_response(status, encode_json(body));
  }

  /// A 422 ValidationErrorDto listing `violations` (each a field and its messages).
  http_response validation_response(const std::string& path, std::vector<constraint_violation> violations) const {
    api_error body;
    body.status_code = 422;
    body.timestamp = now_iso();
    body.path = path;
    body.message = json_string("Validation failed").value_or(any_json{});
    body.errors = std::move(violations);
    return encoded_response(422, encode_json(body));
  }
  /// A 422 ValidationErrorDto from a decoder error: the field is its JSON pointer, dotted.
  http_response validation_response(const std::string& path, const error& decode_error) const {
    constraint_violation v;
    std::string field;
    for (char ch : decode_error.location) field.push_back(ch == '/' ? '.' : ch);
    if (!field.empty() && field.front() == '.') field.erase(0, 1);
    v.field = field.empty() ? "body" : field;
    std::string reason = decode_error.message;
    const std::string prefix = decode_error.location + ": ";
    if (!decode_error.location.empty() && reason.compare(0, prefix.size(), prefix) == 0) reason.erase(0, prefix.size());
    v.messages.push_back(reason);
    return validation_response(path, std::vector<constraint_violation>{std::move(v)});
  }

  /// A 422 for the query parameter `field`.
  http_response invalid_parameter(const std::string& path, const char* field, const std::string& message) const {
    return validation_response(path, make_error(error_kind::invalid_argument, message, std::string("/") + field));
  }

  // ---- cursor paging, in the order the server checks the parameters ----

  /// Decodes `query` into `out`; a 400 when it is malformed.
  std::optional<http_response> read_query(const std::string& path, std::string_view query, fake_query& out) const {
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
      if (pair.empty()) continue;
      const std::size_t eq = pair.find('=');
      std::string name;
      std::string value;
      if (!detail::percent_decode(pair.substr(0, eq), name, true) ||
          !detail::percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), value,
                                  true)) {
        return error_response(400, path, "malformed query string");
      }
      out.params[name].push_back(value);
    }
    return std::nullopt;
  }
  /// `limit` (1 to 100) into `limit`, left as is when absent; a 422 when invalid.
  std::optional<http_response> read_limit(const std::string& path, const fake_query& query, std::size_t& limit) const {
    const std::optional<std::string> text = query.last("limit");
    if (!text) return std::nullopt;
    std::size_t value = 0;
    bool digits = !text->empty() && text->size() <= 4;
    for (char ch : *text) {
      digits = digits && ch >= '0' && ch <= '9';
      if (digits) value = value * 10 + static_cast<std::size_t>(ch - '0');
    }
    if (!digits || value < 1 || value > 100)
      return invalid_parameter(path, "limit", "limit must be a number between 1 and 100");
    limit = value;
    return std::nullopt;
  }
  /// `orderDirection` (ASC, or DESC: the server's default) into `descending`; a 422 when invalid.
  std::optional<http_response> read_direction(const std::string& path, const fake_query& query,
                                              bool& descending) const {
    const std::string direction = query.last("orderDirection").value_or("DESC");
    if (direction != "ASC" && direction != "DESC")
      return invalid_parameter(path, "orderDirection", "orderDirection must be ASC or DESC");
    descending = direction == "DESC";
    return std::nullopt;
  }
  /// `includeCursor` (a boolean, default false) into `inclusive`; a 422 when invalid.
  std::optional<http_response> read_include_cursor(const std::string& path, const fake_query& query,
                                                   bool& inclusive) const {
    const std::optional<std::string> include_cursor = query.last("includeCursor");
    if (include_cursor && *include_cursor != "true" && *include_cursor != "false")
      return invalid_parameter(path, "includeCursor", "includeCursor must be a boolean value");
    inclusive = include_cursor && *include_cursor == "true";
    return std::nullopt;
  }
  /// The page of `count` sorted rows that `after` or `before` (rows named by `key_of`) and
  /// `limit` select. As the server: a 400 when both `after` and `before` are given, and an
  /// empty page (no cursors, totalCount 0) when the cursor names no row.
  std::optional<http_response> read_page(const std::string& path, const fake_query& query, std::size_t count,
                                         std::size_t limit, bool inclusive,
                                         const std::function<const std::string&(std::size_t)>& key_of,
                                         fake_page& out) const {
    const std::optional<std::string> after = query.last("after");
    const std::optional<std::string> before = query.last("before");
    if (after && before) return error_response(400, path, "Cannot specify both 'before' and 'after' cursors");
    const std::optional<std::string> cursor = after ? after : before;
    std::size_t at = 0;  // the cursor's row
    if (cursor) {
      while (at < count && key_of(at) != *cursor) ++at;
      if (at == count) {
        out = fake_page{};
        return std::nullopt;
      }
    }
    std::size_t begin = 0;
    std::size_t end = (std::min)(count, limit);
    if (after) {
      begin = inclusive ? at : at + 1;
      end = (std::min)(count, begin + limit);
    } else if (cursor) {
      end = inclusive ? at + 1 : at;
      begin = end > limit ? end - limit : 0;
    }
    out.begin = begin;
    out.end = end;
    if (end < count && end > begin) out.next = key_of(end - 1);
    if (begin > 0 && end > begin) out.previous = key_of(begin);
    out.total_count = static_cast<std::int64_t>((std::min)(count, std::size_t{50000}));
    out.total_count_capped = count > 50000;
    return std::nullopt;
  }

 private:
  struct idempotent_answer {
    std::string method_and_target;
    std::string body;
    http_response response;
  };

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

  // The resource whose collection the path contains picks the handler; the path shown in
  // errors starts at the collection.
  http_response route(const http_request& request) {
    const std::string& target = request.path;
    const std::string::size_type query_at = target.find('?');
    const std::string path = target.substr(0, query_at);
    const std::string query = query_at == std::string::npos ? std::string() : target.substr(query_at + 1);
    const fake_resource* resource = nullptr;
    std::string::size_type at = std::string::npos;
    for (const fake_resource& candidate : resources_) {
      at = path.find(candidate.collection);
      if (at != std::string::npos) {
        resource = &candidate;
        break;
      }
    }
    const std::string route_path = resource == nullptr ? path : path.substr(at);
    if (!authorized(request)) return error_response(401, route_path, "Unauthorized");
    const std::string cannot = "Cannot " + request.method + " " + path;
    if (resource == nullptr) return error_response(404, route_path, cannot);
    fake_call call{*this, request, route_path, query, std::string()};
    const std::string rest = path.substr(at + resource->collection.size());
    const fake_handler* handler = nullptr;
    const std::string::size_type action_at = rest.empty() ? std::string::npos : rest.find('/', 1);
    if (!rest.empty() && rest[0] == '/' && action_at != std::string::npos && request.method == "POST" &&
        rest.find('/', action_at + 1) == std::string::npos &&
        detail::percent_decode(std::string_view(rest).substr(1, action_at - 1), call.identifier, false)) {
      const auto action = resource->actions.find(rest.substr(action_at + 1));
      if (action != resource->actions.end() && action->second) return idempotent(call, action->second);
      return error_response(404, route_path, cannot);
    }
    if (rest.empty() || rest == "/") {
      if (request.method == "GET") handler = &resource->list;
      if (request.method == "POST") handler = &resource->create;
    } else if (rest[0] == '/' && rest.find('/', 1) == std::string::npos &&
               detail::percent_decode(std::string_view(rest).substr(1), call.identifier, false)) {
      if (request.method == "GET") handler = &resource->retrieve;
      if (request.method == "PATCH") handler = &resource->update;
      if (request.method == "DELETE") handler = &resource->remove;
    }
    if (handler == nullptr || !*handler) return error_response(404, route_path, cannot);
    if (request.method == "POST" || request.method == "PATCH") return idempotent(call, *handler);
    return (*handler)(call);
  }

  // POST/PATCH idempotency: same key + same request replays, same key + other body is 422.
  http_response idempotent(const fake_call& call, const fake_handler& handler) {
    const http_request& request = call.request;
    const http_header* key = find_header(request.headers, "idempotency-key");
    if (key == nullptr || key->value.empty()) return handler(call);
    if (key->value.size() > 255)
      return error_response(400, call.path, "idempotency-key must be at most 255 characters");
    if (std::find(in_progress_.begin(), in_progress_.end(), key->value) != in_progress_.end()) {
      http_response busy = error_response(
          409, call.path,
          "Request with key \"" + key->value + "\" is currently being processed. Please retry after 1 second");
      busy.headers.push_back({"Retry-After", "1"});
      return busy;
    }
    auto found = idempotency_.find(key->value);
    const std::string what = request.method + " " + request.path;
    if (found != idempotency_.end()) {
      if (found->second.method_and_target != what || found->second.body != request.body) {
        return error_response(422, call.path,
                              "Request with key \"" + key->value + "\" is being reused for a different body");
      }
      http_response replay = found->second.response;
      replay.headers.push_back({"Idempotency-Key", key->value});
      replay.headers.push_back({"Idempotency-Replay", "true"});
      return replay;
    }
    http_response response = handler(call);
    if (response.status < 500) idempotency_[key->value] = idempotent_answer{what, request.body, response};
    response.headers.push_back({"Idempotency-Key", key->value});
    return response;
  }

  fake_backend_options options_;
  std::int64_t now_ms_;
  mutable std::mutex mutex_;
  std::vector<fake_resource> resources_;
  std::map<std::string, idempotent_answer> idempotency_;
  std::deque<http_response> queued_;
  std::vector<std::string> in_progress_;  // idempotency keys held by hold_idempotency_key
  std::vector<http_request> received_;
};

NOVU_CC_NAMESPACE_END
