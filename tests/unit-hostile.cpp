// Hostile-input catalogue: malformed, oversized, deeply nested and adversarial inputs for the
// builders, the parsers, the fake server and the client. Every row names its expected outcome
// (success, or an error kind and where sensible its JSON-pointer location). Hand-written bodies
// live in tests/data/hostile/bodies.txt; the rest is generated from the fixtures there.
// Every row also runs through the secrets scan: the secret key and the tokens placed in the
// configuration and the bodies must never appear in an error message or location, nor in any
// to_debug_string() output.
// NOVU_CC_TEST_HEADER_ONLY
// (built in header-only mode, in novu_tests_header_only: it reads the implementation's internals (core/detail), which
// the fast-compile mode does not declare)
#include <doctest/doctest.h>

#include <algorithm>    // min
#include <climits>      // INT_MIN, INT_MAX
#include <cstddef>      // size_t
#include <cstdint>      // uint32_t
#include <functional>   // function
#include <limits>       // numeric_limits
#include <optional>     // optional
#include <set>          // set
#include <sstream>      // istringstream
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#if defined(__unix__)
#include <csignal>     // signal
#include <sys/wait.h>  // waitpid
#include <unistd.h>    // fork, pipe, _exit
#endif

#include "novu/testing/fake_novu.hpp"
#include "novu/core/printing.hpp"
#include "test_support.hpp"

namespace {

using ordered = test_support::ordered;

// The secrets every row carries in its configuration and bodies.
const std::string k_secret_key = "sk_live_SECRET_abcdef123456";
const std::string k_access_token = "xoxb-ACCESS-TOKEN-987654";
const std::string k_refresh_token = "xoxe-REFRESH-TOKEN-55555";

// ---------------------------------------------------------------------------------------------
// Rows, outcomes, verdicts
// ---------------------------------------------------------------------------------------------

// What one row produced.
struct outcome {
  bool ok = false;
  novu::error err;                             // when !ok
  std::string encoded;                         // the successful value re-encoded, when it has one
  std::vector<std::string> problems;           // row-specific checks that failed
  std::vector<novu::http_request> requests;    // built or sent
  std::vector<novu::http_request> hand_made;   // hostile requests written by the row: scanned only
  std::vector<novu::http_response> responses;  // parsed or received
  std::vector<std::string> echoed_secrets;     // secrets a hostile server put in free text
};

// What a row must produce.
struct expectation {
  bool ok = true;
  novu::error_kind kind = novu::error_kind::invalid_argument;
  std::optional<std::string> location;  // checked when set
};

expectation expect_ok() { return expectation{}; }

expectation expect_error(novu::error_kind kind, std::optional<std::string> location = std::nullopt) {
  expectation e;
  e.ok = false;
  e.kind = kind;
  e.location = std::move(location);
  return e;
}

struct hostile_case {
  std::string name;
  expectation expect;
  std::function<outcome()> run;
  bool isolated = false;  // run in a child process, so that a crash fails the row, not the suite
};

struct verdict {
  std::string name;
  std::vector<std::string> problems;  // expectation and invariant failures
  std::vector<std::string> leaks;     // secrets found in errors or debug output
};

std::string kind_name(novu::error_kind kind) { return std::string(novu::to_string(kind)); }

bool safe_header_value(std::string_view value) {
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
  }
  return true;
}

// A request target may only hold visible ASCII: everything else must be percent-encoded.
bool safe_target(std::string_view target) {
  for (char ch : target) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F) return false;
  }
  return true;
}

std::vector<std::string> judge(const hostile_case& c, const outcome& o) {
  std::vector<std::string> problems = o.problems;
  const std::string got =
      o.ok ? std::string("success") : kind_name(o.err.kind) + " at '" + o.err.location + "': " + o.err.message;
  if (c.expect.ok && !o.ok) problems.push_back("expected success, got " + got);
  if (!c.expect.ok) {
    if (o.ok) {
      problems.push_back("expected " + kind_name(c.expect.kind) + ", got success");
    } else if (o.err.kind != c.expect.kind) {
      problems.push_back("expected " + kind_name(c.expect.kind) + ", got " + got);
    } else if (c.expect.location && o.err.location != *c.expect.location) {
      problems.push_back("expected location '" + *c.expect.location + "', got " + got);
    }
  }
  if (!o.ok) {
    if (!novu::detail::is_valid_utf8(o.err.message)) problems.push_back("error message is not valid UTF-8");
    if (!novu::detail::is_valid_utf8(o.err.location)) problems.push_back("error location is not valid UTF-8");
    if (o.err.kind == novu::error_kind::invalid_argument && !o.err.location.empty() &&
        o.err.message.find(o.err.location) == std::string::npos) {
      problems.push_back("message '" + o.err.message + "' does not name its location '" + o.err.location + "'");
    }
  }
  for (const novu::http_request& r : o.requests) {
    for (const novu::http_header& h : r.headers) {
      if (!safe_header_value(h.value)) problems.push_back("header " + h.name + " holds a control character");
    }
    if (!safe_target(r.path)) problems.push_back("request target holds a raw space, control or non-ASCII byte");
  }
  return problems;
}

// Debug output long enough to show the whole of every body but the largest.
novu::debug_print_options scan_options(const outcome& o) {
  novu::debug_print_options options;
  options.max_body_bytes = 1u << 20;
  options.extra_secrets = o.echoed_secrets;
  return options;
}

std::vector<std::string> scan_for_secrets(const outcome& o) {
  std::vector<std::string> leaks;
  const novu::debug_print_options options = scan_options(o);
  auto scan = [&](const std::string& text, const std::string& where) {
    for (const std::string* secret : {&k_secret_key, &k_access_token, &k_refresh_token}) {
      if (text.find(*secret) != std::string::npos) leaks.push_back(where + " holds " + *secret);
    }
  };
  if (!o.ok) {
    scan(o.err.message, "error.message");
    scan(o.err.location, "error.location");
    scan(novu::to_debug_string(o.err, options), "to_debug_string(error)");
  }
  for (const novu::http_request& r : o.requests) scan(novu::to_debug_string(r, options), "to_debug_string(request)");
  for (const novu::http_request& r : o.hand_made) scan(novu::to_debug_string(r, options), "to_debug_string(request)");
  for (const novu::http_response& r : o.responses) {
    scan(novu::to_debug_string(r, options), "to_debug_string(response)");
  }
  return leaks;
}

verdict run_inline(const hostile_case& c) {
#if defined(__cpp_exceptions)
  try {
    const outcome o = c.run();
    return verdict{c.name, judge(c, o), scan_for_secrets(o)};
  } catch (...) {
    return verdict{c.name, {"threw an exception"}, {}};
  }
#else
  const outcome o = c.run();
  return verdict{c.name, judge(c, o), scan_for_secrets(o)};
#endif
}

#if defined(__unix__)
// Runs the row in a child process and reads its verdict back through a pipe.
verdict run_isolated(const hostile_case& c) {
  int fds[2];
  if (pipe(fds) != 0) return verdict{c.name, {"pipe() failed"}, {}};
  const pid_t pid = fork();
  if (pid < 0) return verdict{c.name, {"fork() failed"}, {}};
  if (pid == 0) {
    // Die of the signal itself: doctest's crash reporter must not print a second report.
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
    close(fds[0]);
    const verdict v = run_inline(c);
    std::string text;
    for (const std::string& p : v.problems) text += "P" + p + '\n';
    for (const std::string& l : v.leaks) text += "L" + l + '\n';
    std::size_t written = 0;
    while (written < text.size()) {
      const ssize_t n = write(fds[1], text.data() + written, text.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string text;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(fds[0], buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  verdict v{c.name, {}, {}};
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    (line[0] == 'P' ? v.problems : v.leaks).push_back(line.substr(1));
  }
  if (WIFSIGNALED(status)) {
    v.problems.push_back("crashed with signal " + std::to_string(WTERMSIG(status)));
  } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    v.problems.push_back("child exited with status " + std::to_string(WEXITSTATUS(status)) + " (sanitizer report?)");
  }
  return v;
}
#else
// Without fork() the row runs in the test process itself.
verdict run_isolated(const hostile_case& c) { return run_inline(c); }
#endif

// ---------------------------------------------------------------------------------------------
// Fixtures and generators
// ---------------------------------------------------------------------------------------------

std::string fixture(const std::string& name) { return test_support::read_data_file("hostile/" + name); }

// A fixture file re-serialized compactly.
std::string compact_fixture(const std::string& name) { return ordered::parse(fixture(name), nullptr, false).dump(); }

const std::string& connection_json() {
  static const std::string text = compact_fixture("connection.json");
  return text;
}

// The members of a compact object, without its braces.
std::string members_of(const std::string& object_text) { return object_text.substr(1, object_text.size() - 2); }

std::string page_json() {
  return "{\"data\":[" + connection_json() +
         "],\"next\":\"conn-1\",\"previous\":null,\"totalCount\":1,\"totalCountCapped\":false}";
}

std::string envelope(const std::string& text) { return "{\"data\":" + text + "}"; }

// `json` with the value at `pointer` replaced by `replacement`, raw text inserted verbatim (so
// it may be invalid JSON or invalid UTF-8), or the member removed when there is none.
std::string mutate(const std::string& json, const std::string& pointer, const std::optional<std::string>& replacement) {
  ordered dom = ordered::parse(json, nullptr, false);
  const ordered::json_pointer ptr(pointer);
  if (!replacement) {
    dom[ptr.parent_pointer()].erase(ptr.back());
    return dom.dump();
  }
  static const std::string marker = "@@HOSTILE-VALUE@@";
  dom[ptr] = marker;
  std::string text = dom.dump();
  const std::string quoted = "\"" + marker + "\"";
  text.replace(text.find(quoted), quoted.size(), *replacement);
  return text;
}

// `depth` nested arrays.
std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// `depth` nested objects {"a":{"a":...}}.
std::string nested_objects(std::size_t depth) {
  std::string text;
  text.reserve(depth * 6 + 2);
  for (std::size_t i = 0; i < depth; ++i) text += "{\"a\":";
  text += "1";
  text.append(depth, '}');
  return text;
}

const std::string& hundred_megabytes() {
  static const std::string body(100u * 1024u * 1024u, ' ');
  return body;
}

const std::string& ten_megabytes() {
  static const std::string text(10u * 1024u * 1024u, 'x');
  return text;
}

novu::client_config hostile_config() {
  novu::client_config config;
  config.secret_key = k_secret_key;
  return config;
}

novu::http_response json_response(int status, std::string body) {
  novu::http_response r;
  r.status = status;
  r.headers.push_back({"Content-Type", "application/json; charset=utf-8"});
  r.body = std::move(body);
  return r;
}

novu::update_channel_connection_request update_body() {
  novu::result<novu::update_channel_connection_request> body =
      novu::connections::decode_update_request(fixture("update-request.json"));
  return body ? *body : novu::update_channel_connection_request{};
}

novu::create_channel_connection_request create_body(const std::optional<std::string>& identifier) {
  novu::result<novu::create_channel_connection_request> body =
      novu::connections::decode_create_request(fixture("create-request.json"));
  novu::create_channel_connection_request out = body ? *body : novu::create_channel_connection_request{};
  out.identifier = identifier;
  return out;
}

// Outcome of a builder call.
outcome built(const novu::result<novu::http_request>& r) {
  outcome o;
  o.ok = r.has_value();
  if (r) {
    o.requests.push_back(*r);
  } else {
    o.err = r.error();
  }
  return o;
}

// Records `check` as a problem unless it holds.
void require_that(outcome& o, bool check, const std::string& what) {
  if (!check) o.problems.push_back("check failed: " + what);
}

template <class T>
void take(outcome& o, const novu::result<T>& r) {
  o.ok = r.has_value();
  if (r) {
    novu::result<std::string> encoded = novu::encode_json(*r);
    if (encoded) {
      o.encoded = *encoded;
    } else if (encoded.error().kind == novu::error_kind::limit_exceeded) {
      // Documented: encoding refuses any-JSON values nested deeper than the default limit (64),
      // which a decode with raised limits may accept.
      o.encoded.clear();
    } else {
      o.problems.push_back("decoded value does not re-encode: " + encoded.error().message);
    }
  } else {
    o.err = r.error();
  }
}

void take(outcome& o, const novu::result<void>& r) {
  o.ok = r.has_value();
  if (!r) o.err = r.error();
}

// Decoding into a value that holds an earlier (dirty) value must give what a fresh decode
// gave, success or error: parse_list_response_into for list bodies, and
// decode_channel_connection_into for retrieve bodies (2xx only: it has no status to look at).
template <class Value, class Fresh, class Into>
void compare_into(outcome& o, Value dirty, Fresh fresh, Into into) {
  const novu::result<Value> expected = fresh();
  const novu::result<void> got = into(dirty);
  if (expected.has_value() != got.has_value()) {
    o.problems.push_back("decoding into a dirty value: success differs from a fresh decode");
  } else if (expected) {
    const novu::result<std::string> a = novu::encode_json(*expected);
    const novu::result<std::string> b = novu::encode_json(dirty);
    if (a.has_value() != b.has_value() || (a && *a != *b)) {
      o.problems.push_back("decoding into a dirty value gives another value than a fresh decode");
    }
  } else if (expected.error().kind != got.error().kind || expected.error().message != got.error().message ||
             expected.error().location != got.error().location) {
    o.problems.push_back("decoding into a dirty value gives another error than a fresh decode: " + got.error().message);
  }
}

enum class parser_kind { list, retrieve, create, update, remove, error_body, validation, api_error };

std::optional<parser_kind> parser_named(const std::string& name) {
  if (name == "list") return parser_kind::list;
  if (name == "retrieve") return parser_kind::retrieve;
  if (name == "create") return parser_kind::create;
  if (name == "update") return parser_kind::update;
  if (name == "delete") return parser_kind::remove;
  if (name == "error") return parser_kind::error_body;
  if (name == "validation") return parser_kind::validation;
  if (name == "api-error") return parser_kind::api_error;
  return std::nullopt;
}

void compare_decoding_into(outcome& o, parser_kind parser, const novu::http_response& response,
                           const novu::decode_limits& limits) {
  if (parser == parser_kind::list) {
    compare_into(
        o, test_support::dirty_page(), [&] { return novu::connections::parse_list_response(response, limits); },
        [&](novu::channel_connection_page& out) {
          return novu::connections::parse_list_response_into(response, out, limits);
        });
  } else if (response.status >= 200 && response.status < 300) {
    compare_into(
        o, test_support::dirty_connection(), [&] { return novu::decode_channel_connection(response.body, limits); },
        [&](novu::channel_connection& out) {
          return novu::decode_channel_connection_into(response.body, out, limits);
        });
  }
}

// Hands `response` to a parser (or a body decoder) and records what came out.
outcome parse_with(parser_kind parser, const novu::http_response& response, const novu::decode_limits& limits = {}) {
  outcome o;
  o.responses.push_back(response);
  switch (parser) {
    case parser_kind::list:
      take(o, novu::connections::parse_list_response(response, limits));
      compare_decoding_into(o, parser, response, limits);
      break;
    case parser_kind::retrieve:
      take(o, novu::connections::parse_retrieve_response(response, limits));
      compare_decoding_into(o, parser, response, limits);
      break;
    case parser_kind::create: take(o, novu::connections::parse_create_response(response, limits)); break;
    case parser_kind::update: take(o, novu::connections::parse_update_response(response, limits)); break;
    case parser_kind::remove: take(o, novu::connections::parse_delete_response(response, limits)); break;
    case parser_kind::error_body:
      o.ok = false;
      o.err = novu::error_from_response(response, limits);
      break;
    case parser_kind::validation: take(o, novu::decode_validation_error(response.body, limits)); break;
    case parser_kind::api_error: take(o, novu::decode_api_error(response.body, limits)); break;
  }
  if (!o.ok && parser != parser_kind::validation && parser != parser_kind::api_error) {
    if (o.err.status != response.status) o.problems.push_back("error.status does not keep the response status");
    // A body above the size limit is not kept; any other is, with credentials masked.
    const std::string kept =
        response.body.size() > limits.max_body_bytes ? std::string() : novu::redact_json_secrets(response.body);
    if (o.err.body != kept) o.problems.push_back("error.body is not the response body with credentials masked");
  }
  return o;
}

hostile_case parse_case(std::string name, parser_kind parser, int status, std::string body, expectation expect,
                        novu::decode_limits limits = {}) {
  hostile_case c;
  c.name = std::move(name);
  c.expect = std::move(expect);
  c.run = [parser, status, body = std::move(body), limits] {
    return parse_with(parser, json_response(status, body), limits);
  };
  return c;
}

// ---------------------------------------------------------------------------------------------
// Group 1: hand-written bodies from tests/data/hostile/bodies.txt
// ---------------------------------------------------------------------------------------------

std::optional<novu::error_kind> kind_named(const std::string& name) {
  for (novu::error_kind k : {novu::error_kind::invalid_argument, novu::error_kind::transport, novu::error_kind::api,
                             novu::error_kind::validation, novu::error_kind::http, novu::error_kind::decode,
                             novu::error_kind::limit_exceeded}) {
    if (novu::to_string(k) == name) return k;
  }
  return std::nullopt;
}

// Expands @CONN@, @FIELDS@, @ERROR@, @ERRFIELDS@ and \x{NN} in a fixture body.
std::string expand_body(const std::string& raw) {
  const std::string error_text = compact_fixture("error-404.json");
  const std::pair<std::string, std::string> macros[] = {{"@CONN@", connection_json()},
                                                        {"@FIELDS@", members_of(connection_json())},
                                                        {"@ERROR@", error_text},
                                                        {"@ERRFIELDS@", members_of(error_text)}};
  std::string out;
  for (std::size_t i = 0; i < raw.size();) {
    bool replaced = false;
    for (const auto& m : macros) {
      if (raw.compare(i, m.first.size(), m.first) == 0) {
        out += m.second;
        i += m.first.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    if (raw.compare(i, 3, "\\x{") == 0 && i + 6 <= raw.size() && raw[i + 5] == '}') {
      out.push_back(static_cast<char>(std::stoi(raw.substr(i + 3, 2), nullptr, 16)));
      i += 6;
      continue;
    }
    out.push_back(raw[i++]);
  }
  return out;
}

struct body_row {
  std::string name;
  std::string parser = "retrieve";
  int status = 200;
  std::string expect;
  novu::http_headers headers;
  std::vector<std::pair<std::string, std::string>> values;  // pointer, JSON
  std::vector<std::string> absent;
  std::vector<std::string> message_has;
  std::vector<std::string> message_lacks;
  std::string body;
};

std::vector<body_row> read_body_rows() {
  std::vector<body_row> rows;
  std::istringstream in(fixture("bodies.txt"));
  std::string line;
  bool in_body = false;
  while (std::getline(in, line)) {
    if (line.rfind("=== ", 0) == 0) {
      rows.emplace_back();
      rows.back().name = line.substr(4);
      in_body = false;
      continue;
    }
    if (rows.empty()) continue;
    body_row& row = rows.back();
    if (in_body) {
      row.body += line + "\n";
      continue;
    }
    if (line == "---") {
      in_body = true;
      continue;
    }
    const std::size_t colon = line.find(": ");
    if (colon == std::string::npos) continue;
    const std::string key = line.substr(0, colon);
    const std::string value = line.substr(colon + 2);
    if (key == "parser") row.parser = value;
    if (key == "status") row.status = std::stoi(value);
    if (key == "expect") row.expect = value;
    if (key == "header") {
      const std::size_t sep = value.find(": ");
      row.headers.push_back({value.substr(0, sep), value.substr(sep + 2)});
    }
    if (key == "value") {
      const std::size_t space = value.find(' ');
      row.values.emplace_back(value.substr(0, space), value.substr(space + 1));
    }
    if (key == "absent") row.absent.push_back(value);
    if (key == "message-has") row.message_has.push_back(value);
    if (key == "message-lacks") row.message_lacks.push_back(value);
  }
  for (body_row& row : rows) {
    while (!row.body.empty() && row.body.back() == '\n') row.body.pop_back();
  }
  return rows;
}

void add_fixture_bodies(std::vector<hostile_case>& rows) {
  for (const body_row& spec : read_body_rows()) {
    hostile_case c;
    c.name = "bodies.txt: " + spec.name;
    const std::string expect_kind = spec.expect.substr(0, spec.expect.find(' '));
    if (expect_kind != "ok") {
      const std::size_t at = spec.expect.find('@');
      c.expect =
          expect_error(kind_named(expect_kind).value_or(novu::error_kind::invalid_argument),
                       at == std::string::npos ? std::nullopt : std::optional<std::string>(spec.expect.substr(at + 1)));
    }
    const std::optional<parser_kind> parser = parser_named(spec.parser);
    c.run = [spec, parser, known_kind = expect_kind == "ok" || kind_named(expect_kind).has_value()] {
      outcome o;
      if (!parser || !known_kind) {
        o.problems.push_back("bad fixture row (parser or expect)");
        return o;
      }
      novu::http_response response = json_response(spec.status, expand_body(spec.body));
      if (!spec.headers.empty()) response.headers = spec.headers;
      o = parse_with(*parser, response);
      if (o.ok && (!spec.values.empty() || !spec.absent.empty())) {
        const nlohmann::json result = nlohmann::json::parse(o.encoded, nullptr, false);
        for (const auto& v : spec.values) {
          const nlohmann::json::json_pointer ptr(v.first);
          const nlohmann::json want = nlohmann::json::parse(v.second, nullptr, false);
          require_that(o, result.contains(ptr) && result[ptr] == want, v.first + " == " + v.second);
        }
        for (const std::string& p : spec.absent)
          require_that(o, !result.contains(nlohmann::json::json_pointer(p)), p + " absent");
      }
      for (const std::string& text : spec.message_has) {
        require_that(o, !o.ok && o.err.message.find(text) != std::string::npos, "message has '" + text + "'");
      }
      for (const std::string& text : spec.message_lacks) {
        require_that(o, o.ok || o.err.message.find(text) == std::string::npos, "message lacks '" + text + "'");
      }
      return o;
    };
    rows.push_back(std::move(c));
  }
}

// ---------------------------------------------------------------------------------------------
// Group 2: wrong JSON types, nulls and missing members at every field of every DTO
// ---------------------------------------------------------------------------------------------

enum class jtype {
  string,            // a required or optional string
  nullable_string,   // string or null
  string_array,      // array of strings
  object,            // nested DTO
  object_array,      // array of DTOs
  string_or_object,  // context entry
  integer,
  boolean,
  any,              // any JSON
  object_only_any,  // any JSON object
  mode,             // "subscriber" | "shared"
};

struct field_spec {
  std::string pointer;
  jtype type;
  bool required;
};

field_spec field(std::string pointer, jtype type, bool required) {
  return field_spec{std::move(pointer), type, required};
}

// Whether `candidate` JSON text is accepted for a field of type `type`.
bool accepts(jtype type, const std::string& candidate) {
  const char first = candidate[0];
  switch (type) {
    case jtype::string: return first == '"';
    case jtype::nullable_string: return first == '"' || candidate == "null";
    case jtype::string_array: return candidate == "[]";
    case jtype::object_array: return candidate == "[]";
    case jtype::string_or_object: return first == '"';
    case jtype::integer: return candidate == "42";
    case jtype::boolean: return candidate == "true";
    case jtype::any: return true;
    case jtype::object_only_any: return candidate == "{}";
    case jtype::object: return false;
    case jtype::mode: return false;
  }
  return false;
}

// A DTO under test: a valid template, how to decode a mutated copy of it (through a parser,
// or a body decoder), and its fields. `prefix` is where the template sits in the decoded
// document ("/data" inside an envelope), so expected locations are prefix + field pointer.
struct dto_target {
  std::string label;
  std::string template_json;
  std::string prefix;  // pointer prefix of the template inside the decoded document
  std::function<outcome(const std::string&)> decode;
  std::vector<field_spec> fields;
};

void add_type_rows(std::vector<hostile_case>& rows, const dto_target& target) {
  static const char* const candidates[] = {"42", "true", "null", "[]", "{}", "\"s\""};
  for (const field_spec& f : target.fields) {
    for (const char* candidate : candidates) {
      // {} for a nested DTO is a missing-member case, covered below.
      if (std::string(candidate) == "{}" && (f.type == jtype::object || f.type == jtype::string_or_object)) continue;
      const bool ok = accepts(f.type, candidate);
      hostile_case c;
      c.name = target.label + ": " + f.pointer + " = " + candidate;
      c.expect = ok ? expect_ok() : expect_error(novu::error_kind::decode, target.prefix + f.pointer);
      const std::string body = mutate(target.template_json, target.prefix + f.pointer, std::string(candidate));
      c.run = [decode = target.decode, body] { return decode(body); };
      rows.push_back(std::move(c));
    }
    const bool array_element = f.pointer.back() >= '0' && f.pointer.back() <= '9';
    if (array_element) continue;
    hostile_case missing;
    missing.name = target.label + ": " + f.pointer + " missing";
    missing.expect = f.required ? expect_error(novu::error_kind::decode, target.prefix + f.pointer) : expect_ok();
    const std::string body = mutate(target.template_json, target.prefix + f.pointer, std::nullopt);
    missing.run = [decode = target.decode, body] { return decode(body); };
    rows.push_back(std::move(missing));
  }
}

// Invalid UTF-8 inside every string field.
void add_invalid_utf8_rows(std::vector<hostile_case>& rows, const dto_target& target) {
  static const char* const patterns[] = {"\"a\xFF\"",     "\"\xC0\xAF\"",         "\"\xED\xA0\x80\"",
                                         "\"x\xE2\x82\"", "\"\xF4\x90\x80\x80\"", "\"\x80\""};
  std::size_t n = 0;
  for (const field_spec& f : target.fields) {
    if (f.type != jtype::string && f.type != jtype::nullable_string) continue;
    hostile_case c;
    c.name = target.label + ": invalid UTF-8 in " + f.pointer;
    c.expect = expect_error(novu::error_kind::decode, target.prefix + f.pointer);
    const std::string body = mutate(target.template_json, target.prefix + f.pointer,
                                    std::string(patterns[n++ % (sizeof patterns / sizeof patterns[0])]));
    c.run = [decode = target.decode, body] { return decode(body); };
    rows.push_back(std::move(c));
  }
}

std::vector<dto_target> dto_targets() {
  std::vector<dto_target> targets;
  const std::vector<field_spec> connection_fields = {
      field("/identifier", jtype::string, true),
      field("/channel", jtype::nullable_string, true),
      field("/providerId", jtype::nullable_string, true),
      field("/integrationIdentifier", jtype::nullable_string, true),
      field("/subscriberId", jtype::nullable_string, true),
      field("/contextKeys", jtype::string_array, true),
      field("/contextKeys/0", jtype::string, true),
      field("/workspace", jtype::object, true),
      field("/workspace/id", jtype::string, true),
      field("/workspace/name", jtype::string, false),
      field("/workspace/botUserId", jtype::string, false),
      field("/auth", jtype::object, true),
      // Not required in a response: servers that hide tokens leave it out (issue 11); requests
      // still require it (update_fields below).
      field("/auth/accessToken", jtype::string, false),
      field("/auth/refreshToken", jtype::string, false),
      field("/auth/expiresAt", jtype::string, false),
      field("/auth/refreshTokenExpiresAt", jtype::string, false),
      field("/createdAt", jtype::string, true),
      field("/updatedAt", jtype::string, true),
  };
  targets.push_back(
      dto_target{"retrieve 200 connection", envelope(connection_json()), "/data",
                 [](const std::string& body) { return parse_with(parser_kind::retrieve, json_response(200, body)); },
                 connection_fields});
  targets.push_back(dto_target{
      "list page",
      page_json(),
      "",
      [](const std::string& body) { return parse_with(parser_kind::list, json_response(200, body)); },
      {field("/data", jtype::object_array, true), field("/data/0", jtype::object, true),
       field("/data/0/workspace/id", jtype::string, true), field("/data/0/auth/refreshToken", jtype::string, false),
       field("/next", jtype::nullable_string, true), field("/previous", jtype::nullable_string, true),
       field("/totalCount", jtype::integer, true), field("/totalCountCapped", jtype::boolean, true)}});
  targets.push_back(
      dto_target{"ErrorDto",
                 compact_fixture("error-404.json"),
                 "",
                 [](const std::string& body) { return parse_with(parser_kind::api_error, json_response(404, body)); },
                 {field("/statusCode", jtype::integer, true), field("/timestamp", jtype::string, true),
                  field("/path", jtype::string, true), field("/message", jtype::any, false),
                  field("/ctx", jtype::object_only_any, false), field("/errorId", jtype::string, false)}});
  targets.push_back(dto_target{
      "ValidationErrorDto",
      compact_fixture("validation-422.json"),
      "",
      [](const std::string& body) { return parse_with(parser_kind::validation, json_response(422, body)); },
      {field("/errors", jtype::object, true), field("/errors/workspace.id/messages", jtype::string_array, true),
       field("/errors/workspace.id/value", jtype::any, false)}});
  const std::vector<field_spec> update_fields = {
      field("/workspace", jtype::object, true),
      field("/workspace/id", jtype::string, true),
      field("/workspace/name", jtype::string, false),
      field("/workspace/botUserId", jtype::string, false),
      field("/auth", jtype::object, true),
      field("/auth/accessToken", jtype::string, true),
      field("/auth/refreshToken", jtype::string, false),
      field("/auth/expiresAt", jtype::string, false),
      field("/auth/refreshTokenExpiresAt", jtype::string, false),
  };
  targets.push_back(dto_target{"decode_update_request", compact_fixture("update-request.json"), "",
                               [](const std::string& body) {
                                 outcome o;
                                 take(o, novu::connections::decode_update_request(body));
                                 return o;
                               },
                               update_fields});
  std::vector<field_spec> create_fields = {
      field("/identifier", jtype::string, false),       field("/subscriberId", jtype::string, false),
      field("/context", jtype::object, false),          field("/context/tenant", jtype::string_or_object, false),
      field("/context/region/id", jtype::string, true), field("/context/region/data", jtype::object_only_any, false),
      field("/connectionMode", jtype::mode, false),     field("/integrationIdentifier", jtype::string, true),
  };
  create_fields.insert(create_fields.end(), update_fields.begin(), update_fields.end());
  targets.push_back(dto_target{"decode_create_request", compact_fixture("create-request.json"), "",
                               [](const std::string& body) {
                                 outcome o;
                                 take(o, novu::connections::decode_create_request(body));
                                 return o;
                               },
                               create_fields});
  return targets;
}

void add_dto_rows(std::vector<hostile_case>& rows) {
  for (const dto_target& target : dto_targets()) {
    add_type_rows(rows, target);
    add_invalid_utf8_rows(rows, target);
  }
  // Enum values are case-sensitive.
  const std::string create = compact_fixture("create-request.json");
  hostile_case bad_mode;
  bad_mode.name = "decode_create_request: connectionMode \"SHARED\" (wrong case)";
  bad_mode.expect = expect_error(novu::error_kind::decode, "/connectionMode");
  bad_mode.run = [body = mutate(create, "/connectionMode", std::string("\"SHARED\""))] {
    outcome o;
    take(o, novu::connections::decode_create_request(body));
    return o;
  };
  rows.push_back(std::move(bad_mode));
  // A duplicate member name in the context map: the last one wins, as for every other member,
  // so what the decoder accepts the encoder can write back (found by fuzz_request_decoders).
  hostile_case duplicate;
  duplicate.name = "decode_create_request: duplicate context type, the last one wins and re-encodes";
  duplicate.run = [body = mutate(create, "/context", std::string(R"({"region":"first","region":{"id":"last"}})"))] {
    outcome o;
    const novu::result<novu::create_channel_connection_request> r = novu::connections::decode_create_request(body);
    take(o, r);
    require_that(o, r && r->context && r->context->size() == 1 && r->context->front().id == "last",
                 "one context entry, the last");
    return o;
  };
  rows.push_back(std::move(duplicate));
}

// ---------------------------------------------------------------------------------------------
// Group 3: statuses, sizes and nesting
// ---------------------------------------------------------------------------------------------

void add_status_rows(std::vector<hostile_case>& rows) {
  const std::string body = envelope(connection_json());
  for (int status :
       {0, 1, 100, 101, 103, 199, 300, 301, 302, 304, 307, 399, 418, 451, 599, 600, 999, -1, INT_MIN, INT_MAX}) {
    rows.push_back(parse_case("retrieve answered with status " + std::to_string(status), parser_kind::retrieve, status,
                              body, expect_error(novu::error_kind::http, "")));
  }
  for (int status : {0, 100, 304, 999}) {
    rows.push_back(parse_case("delete answered with status " + std::to_string(status), parser_kind::remove, status, "",
                              expect_error(novu::error_kind::http, "")));
  }
  rows.push_back(parse_case("list answered 299 with a valid page", parser_kind::list, 299, page_json(), expect_ok()));
}

void add_size_rows(std::vector<hostile_case>& rows) {
  // Empty bodies.
  rows.push_back(
      parse_case("empty body: create 201", parser_kind::create, 201, "", expect_error(novu::error_kind::decode, "")));
  rows.push_back(
      parse_case("empty body: update 200", parser_kind::update, 200, "", expect_error(novu::error_kind::decode, "")));
  rows.push_back(parse_case("empty body: delete 200", parser_kind::remove, 200, "", expect_ok()));
  rows.push_back(
      parse_case("empty body: 404", parser_kind::retrieve, 404, "", expect_error(novu::error_kind::http, "")));
  rows.push_back(parse_case("empty body: 422", parser_kind::update, 422, "", expect_error(novu::error_kind::http, "")));
  rows.push_back(parse_case("empty body: 500", parser_kind::list, 500, "", expect_error(novu::error_kind::http, "")));

  // 100 MB bodies: refused by max_body_bytes before decoding, whatever the status.
  struct big_case {
    const char* name;
    parser_kind parser;
    int status;
    expectation expect;
  };
  const big_case big[] = {
      {"100 MB body: list 200", parser_kind::list, 200, expect_error(novu::error_kind::limit_exceeded, "")},
      {"100 MB body: retrieve 200", parser_kind::retrieve, 200, expect_error(novu::error_kind::limit_exceeded, "")},
      {"100 MB body: create 201", parser_kind::create, 201, expect_error(novu::error_kind::limit_exceeded, "")},
      {"100 MB body: update 200", parser_kind::update, 200, expect_error(novu::error_kind::limit_exceeded, "")},
      {"100 MB body: 404 is refused, not called \"not an ErrorDto\"", parser_kind::retrieve, 404,
       expect_error(novu::error_kind::limit_exceeded, "")},
      {"100 MB body: 422 is refused, not called \"not an ErrorDto\"", parser_kind::update, 422,
       expect_error(novu::error_kind::limit_exceeded, "")},
      {"100 MB body: undocumented 418 is an http error (never decoded)", parser_kind::retrieve, 418,
       expect_error(novu::error_kind::http, "")},
      {"100 MB body: delete 204 succeeds (delete never decodes)", parser_kind::remove, 204, expect_ok()},
  };
  for (const big_case& b : big) {
    hostile_case c;
    c.name = b.name;
    c.expect = b.expect;
    c.run = [parser = b.parser, status = b.status] {
      outcome o = parse_with(parser, json_response(status, hundred_megabytes()));
      if (!o.ok && o.err.kind == novu::error_kind::limit_exceeded) {
        require_that(o, o.err.message.find("limit") != std::string::npos, "message mentions the limit");
      }
      return o;
    };
    rows.push_back(std::move(c));
  }

  // Size limit boundaries.
  const std::string body = envelope(connection_json());
  novu::decode_limits exact;
  exact.max_body_bytes = body.size();
  rows.push_back(parse_case("body exactly max_body_bytes long", parser_kind::retrieve, 200, body, expect_ok(), exact));
  novu::decode_limits short_by_one;
  short_by_one.max_body_bytes = body.size() - 1;
  rows.push_back(parse_case("body one byte above max_body_bytes", parser_kind::retrieve, 200, body,
                            expect_error(novu::error_kind::limit_exceeded, ""), short_by_one));
  novu::decode_limits zero;
  zero.max_body_bytes = 0;
  rows.push_back(parse_case("max_body_bytes 0 and an empty body", parser_kind::retrieve, 200, "",
                            expect_error(novu::error_kind::decode, ""), zero));

  // A 10 MB string.
  const std::string big_token =
      mutate(envelope(connection_json()), "/data/auth/accessToken", "\"" + ten_megabytes() + "\"");
  rows.push_back(parse_case("10 MB access token, default limits", parser_kind::retrieve, 200, big_token,
                            expect_error(novu::error_kind::limit_exceeded, "")));
  novu::decode_limits roomy;
  roomy.max_body_bytes = 16u * 1024u * 1024u;
  {
    hostile_case c;
    c.name = "10 MB access token, 16 MB limit";
    c.run = [big_token, roomy] {
      outcome o = parse_with(parser_kind::retrieve, json_response(200, big_token), roomy);
      novu::result<novu::channel_connection> r =
          novu::connections::parse_retrieve_response(json_response(200, big_token), roomy);
      require_that(o, r && r->auth.access_token.size() == ten_megabytes().size(), "the 10 MB token arrives whole");
      return o;
    };
    rows.push_back(std::move(c));
  }
  {
    hostile_case c;
    c.name = "10 MB workspace name in an update request";
    c.run = [] {
      novu::update_channel_connection_request body = update_body();
      body.workspace.name = ten_megabytes();
      outcome o = built(novu::connections::build_update_request(hostile_config(), "conn-1", body));
      require_that(o, o.ok && o.requests[0].body.size() > ten_megabytes().size(), "the body holds the whole name");
      return o;
    };
    rows.push_back(std::move(c));
  }
}

void add_nesting_rows(std::vector<hostile_case>& rows) {
  const std::string deep = nested_arrays(100000);
  const std::string deep_objects = nested_objects(100000);
  const std::string conn = envelope(connection_json());
  rows.push_back(parse_case("100,000 nested arrays in an unknown member", parser_kind::retrieve, 200,
                            mutate(conn, "/data/extra", deep), expect_error(novu::error_kind::limit_exceeded)));
  rows.push_back(parse_case("100,000 nested objects in an unknown member", parser_kind::list, 200,
                            mutate(page_json(), "/extra", deep_objects),
                            expect_error(novu::error_kind::limit_exceeded)));
  rows.push_back(parse_case("100,000 nested arrays as the document", parser_kind::retrieve, 200, deep,
                            expect_error(novu::error_kind::decode, "")));
  rows.push_back(parse_case("100,000 nested objects as the document", parser_kind::retrieve, 200, deep_objects,
                            expect_error(novu::error_kind::limit_exceeded)));
  rows.push_back(parse_case("100,000 nested arrays in contextKeys", parser_kind::retrieve, 200,
                            mutate(conn, "/data/contextKeys", deep),
                            expect_error(novu::error_kind::decode, "/data/contextKeys/0")));
  const std::string error_text = compact_fixture("error-404.json");
  rows.push_back(parse_case("100,000 nested objects in an ErrorDto ctx: refused by the depth limit",
                            parser_kind::error_body, 404, mutate(error_text, "/ctx", deep_objects),
                            expect_error(novu::error_kind::limit_exceeded)));
  rows.push_back(parse_case("100,000 nested arrays in a 422 message: refused by the depth limit",
                            parser_kind::error_body, 422,
                            mutate(compact_fixture("validation-422.json"), "/message", deep),
                            expect_error(novu::error_kind::limit_exceeded)));
  // Depth boundary: the document root is level 1.
  const std::string api = compact_fixture("error-404.json");
  rows.push_back(parse_case("nesting exactly at max_depth (64)", parser_kind::api_error, 404,
                            mutate(api, "/extra", nested_arrays(63)), expect_ok()));
  rows.push_back(parse_case("nesting one level above max_depth", parser_kind::api_error, 404,
                            mutate(api, "/extra", nested_arrays(64)), expect_error(novu::error_kind::limit_exceeded)));
  novu::decode_limits raised;
  raised.max_depth = 1000000;
  raised.max_elements = 1000000;  // 100,000 levels are 100,000 elements, as many as the default allows
  rows.push_back(parse_case("raised max_depth: 100,000 levels in an unknown member are skipped without recursion",
                            parser_kind::api_error, 404, mutate(api, "/extra", deep), expect_ok(), raised));
  {
    // A captured any-JSON member (message, ctx, value, data) must survive the same depth.
    hostile_case c = parse_case("raised max_depth: 100,000 levels in ErrorDto message do not crash",
                                parser_kind::api_error, 404, mutate(api, "/message", deep), expect_ok(), raised);
    c.isolated = true;
    rows.push_back(std::move(c));
  }
  {
    hostile_case c;
    c.name = "raised max_depth: parse_any_json of 100,000 levels does not crash";
    c.isolated = true;
    c.run = [deep, raised] {
      outcome o;
      novu::result<novu::any_json> r = novu::parse_any_json(deep, raised);
      o.ok = r.has_value();
      if (!r) o.err = r.error();
      return o;
    };
    rows.push_back(std::move(c));
  }
  {
    hostile_case c;
    c.name = "decode_update_request: 100,000 nested arrays";
    c.expect = expect_error(novu::error_kind::limit_exceeded);
    c.run = [body = mutate(compact_fixture("update-request.json"), "/extra", deep)] {
      outcome o;
      take(o, novu::connections::decode_update_request(body));
      return o;
    };
    rows.push_back(std::move(c));
  }
  {
    hostile_case c;
    c.name = "decode_create_request: 100,000 nested objects in context data";
    c.expect = expect_error(novu::error_kind::limit_exceeded);
    c.run = [body = mutate(compact_fixture("create-request.json"), "/context/region/data", deep_objects)] {
      outcome o;
      take(o, novu::connections::decode_create_request(body));
      return o;
    };
    rows.push_back(std::move(c));
  }
  {
    hostile_case c;
    c.name = "parse_any_json: 100,000 nested arrays";
    c.expect = expect_error(novu::error_kind::limit_exceeded);
    c.run = [deep] {
      outcome o;
      novu::result<novu::any_json> r = novu::parse_any_json(deep);
      o.ok = r.has_value();
      if (!r) o.err = r.error();
      return o;
    };
    rows.push_back(std::move(c));
  }
}

// ---------------------------------------------------------------------------------------------
// Group 4: request builders
// ---------------------------------------------------------------------------------------------

hostile_case build_case(std::string name, expectation expect, std::function<outcome()> run) {
  hostile_case c;
  c.name = std::move(name);
  c.expect = std::move(expect);
  c.run = std::move(run);
  return c;
}

void add_identifier_rows(std::vector<hostile_case>& rows) {
  struct encoded_identifier {
    std::string identifier;
    std::string segment;
  };
  const encoded_identifier table[] = {
      {"/", "%2F"},
      {"a/b", "a%2Fb"},
      {"...", "..."},
      {"%2e%2e", "%252e%252e"},
      {"%2E%2E", "%252E%252E"},
      {"./", ".%2F"},
      {"../admin", "..%2Fadmin"},
      {"?x=1", "%3Fx%3D1"},
      {"#frag", "%23frag"},
      {"a b", "a%20b"},
      {"\x01\x1F\x7F", "%01%1F%7F"},
      {"a\r\nb", "a%0D%0Ab"},
      {"x\r\nHost: evil.example", "x%0D%0AHost%3A%20evil.example"},
      {std::string("a\0b", 3), "a%00b"},
      {"\xC3\xA9", "%C3%A9"},
      {"+&=;,", "%2B%26%3D%3B%2C"},
      {"'()*!~-_.", "'()*!~-_."},
      {"\\", "%5C"},
      {"\xEF\xBB\xBF", "%EF%BB%BF"},
      {std::string(100000, 'a'), std::string(100000, 'a')},
  };
  for (const encoded_identifier& row : table) {
    std::string shown;
    novu::detail::append_percent_encoded(shown, row.identifier.substr(0, 24), false);
    rows.push_back(build_case("retrieve identifier '" + shown + "' is one encoded segment", expect_ok(), [row] {
      outcome o = built(novu::connections::build_retrieve_request(hostile_config(), row.identifier));
      require_that(o, o.ok && o.requests[0].path == "/v1/channel-connections/" + row.segment,
                   "path is /v1/channel-connections/" + row.segment.substr(0, 40));
      return o;
    }));
  }
  const std::pair<std::string, std::string> rejected[] = {{"", "empty"},
                                                          {".", "dot"},
                                                          {"..", "dot-dot"},
                                                          {"a\xFF", "invalid UTF-8"},
                                                          {"\xC0\xAE\xC0\xAE", "overlong dots"}};
  for (const auto& bad : rejected) {
    const std::string id = bad.first;
    rows.push_back(build_case("retrieve identifier " + bad.second + " is rejected",
                              expect_error(novu::error_kind::invalid_argument, "identifier"),
                              [id] { return built(novu::connections::build_retrieve_request(hostile_config(), id)); }));
    rows.push_back(build_case(
        "update identifier " + bad.second + " is rejected",
        expect_error(novu::error_kind::invalid_argument, "identifier"),
        [id] { return built(novu::connections::build_update_request(hostile_config(), id, update_body())); }));
    rows.push_back(build_case("delete identifier " + bad.second + " is rejected",
                              expect_error(novu::error_kind::invalid_argument, "identifier"),
                              [id] { return built(novu::connections::build_delete_request(hostile_config(), id)); }));
  }
}

void add_header_rows(std::vector<hostile_case>& rows) {
  const std::pair<std::string, std::string> controls[] = {{"\r", "CR"},
                                                          {"\n", "LF"},
                                                          {std::string(1, '\0'), "NUL"},
                                                          {"\r\nX-Injected: 1", "CRLF header injection"},
                                                          {"\x7F", "DEL"},
                                                          {"\x1B[31m", "ESC"}};
  for (const auto& ctl : controls) {
    const std::string bad = ctl.first;
    rows.push_back(build_case("secret key with " + ctl.second,
                              expect_error(novu::error_kind::invalid_argument, "secret_key"), [bad] {
                                novu::client_config config = hostile_config();
                                config.secret_key = k_secret_key.substr(0, 8) + bad + k_secret_key.substr(8);
                                return built(novu::connections::build_retrieve_request(config, "conn-1"));
                              }));
    rows.push_back(build_case("user agent with " + ctl.second,
                              expect_error(novu::error_kind::invalid_argument, "user_agent"), [bad] {
                                novu::client_config config = hostile_config();
                                config.user_agent = "agent/1.0" + bad;
                                return built(novu::connections::build_list_request(config, {}));
                              }));
    rows.push_back(build_case("idempotency key with " + ctl.second,
                              expect_error(novu::error_kind::invalid_argument, "idempotency_key"), [bad] {
                                novu::call_options options;
                                options.idempotency_key = "key-" + bad;
                                return built(novu::connections::build_update_request(hostile_config(), "conn-1",
                                                                                     update_body(), options));
                              }));
    rows.push_back(build_case("server URL with " + ctl.second,
                              expect_error(novu::error_kind::invalid_argument, "server_url"), [bad] {
                                novu::client_config config = hostile_config();
                                config.server_url = "https://api.novu.co" + bad;
                                return built(novu::connections::build_delete_request(config, "conn-1"));
                              }));
  }
  rows.push_back(build_case("secret key with a tab inside is refused",
                            expect_error(novu::error_kind::invalid_argument, "secret_key"), [] {
                              novu::client_config config = hostile_config();
                              config.secret_key = "sk\tlive";
                              return built(novu::connections::build_retrieve_request(config, "conn-1"));
                            }));
  rows.push_back(build_case("secret key read with its line end: blanks around the key are dropped", expect_ok(), [] {
    novu::client_config config = hostile_config();
    config.secret_key = " \t" + k_secret_key + "\r\n";
    outcome o = built(novu::connections::build_retrieve_request(config, "conn-1"));
    const novu::http_header* h =
        o.requests.empty() ? nullptr : novu::find_header(o.requests[0].headers, "authorization");
    require_that(o, h != nullptr && h->value == "ApiKey " + k_secret_key, "Authorization: ApiKey <key>");
    return o;
  }));
  rows.push_back(build_case("empty secret key", expect_error(novu::error_kind::invalid_argument, "secret_key"), [] {
    novu::client_config config = hostile_config();
    config.secret_key.clear();
    return built(novu::connections::build_retrieve_request(config, "conn-1"));
  }));
  rows.push_back(build_case("secret key that is only the \"ApiKey \" prefix",
                            expect_error(novu::error_kind::invalid_argument, "secret_key"), [] {
                              novu::client_config config = hostile_config();
                              config.secret_key = "ApiKey ";
                              return built(novu::connections::build_retrieve_request(config, "conn-1"));
                            }));
  rows.push_back(build_case("secret key already prefixed is not prefixed twice", expect_ok(), [] {
    novu::client_config config = hostile_config();
    config.secret_key = "ApiKey " + k_secret_key;
    outcome o = built(novu::connections::build_retrieve_request(config, "conn-1"));
    const novu::http_header* h = o.ok ? novu::find_header(o.requests[0].headers, "authorization") : nullptr;
    require_that(o, h != nullptr && h->value == "ApiKey " + k_secret_key, "Authorization: ApiKey <key>");
    return o;
  }));
  rows.push_back(
      build_case("secret key with invalid UTF-8", expect_error(novu::error_kind::invalid_argument, "secret_key"), [] {
        novu::client_config config = hostile_config();
        config.secret_key = k_secret_key + "\xFF";
        return built(novu::connections::build_retrieve_request(config, "conn-1"));
      }));
  rows.push_back(
      build_case("user agent with invalid UTF-8", expect_error(novu::error_kind::invalid_argument, "user_agent"), [] {
        novu::client_config config = hostile_config();
        config.user_agent = "agent\xC0\xAF";
        return built(novu::connections::build_retrieve_request(config, "conn-1"));
      }));
  rows.push_back(build_case(
      "idempotency key with invalid UTF-8", expect_error(novu::error_kind::invalid_argument, "idempotency_key"), [] {
        novu::call_options options;
        options.idempotency_key = "key\xFF";
        return built(novu::connections::build_create_request(hostile_config(), create_body("conn-1"), options));
      }));
  rows.push_back(build_case("idempotency key of 255 characters", expect_ok(), [] {
    novu::call_options options;
    options.idempotency_key = std::string(255, 'k');
    return built(novu::connections::build_create_request(hostile_config(), create_body("conn-1"), options));
  }));
  rows.push_back(build_case(
      "idempotency key of 256 characters", expect_error(novu::error_kind::invalid_argument, "idempotency_key"), [] {
        novu::call_options options;
        options.idempotency_key = std::string(256, 'k');
        return built(novu::connections::build_create_request(hostile_config(), create_body("conn-1"), options));
      }));
  rows.push_back(build_case("empty idempotency key is generated", expect_ok(), [] {
    outcome o = built(novu::connections::build_create_request(hostile_config(), create_body("conn-1")));
    const novu::http_header* h = o.ok ? novu::find_header(o.requests[0].headers, "idempotency-key") : nullptr;
    require_that(o, h != nullptr && h->value.size() == 29, "a 29-character key is generated");
    return o;
  }));
  rows.push_back(build_case("user agent of 10,000 characters", expect_ok(), [] {
    novu::client_config config = hostile_config();
    config.user_agent = std::string(10000, 'u');
    return built(novu::connections::build_retrieve_request(config, "conn-1"));
  }));
  rows.push_back(build_case("empty user agent", expect_ok(), [] {
    novu::client_config config = hostile_config();
    config.user_agent.clear();
    return built(novu::connections::build_retrieve_request(config, "conn-1"));
  }));

  // Server URLs.
  const std::pair<std::string, bool> urls[] = {
      {"", false},
      {"ftp://api.novu.co", false},
      {"javascript:alert(1)", false},
      {"http://", false},
      {"https:///v1", false},
      {"https://api.novu.co/?q=1", false},
      {"https://api.novu.co#frag", false},
      {"https://api novu.co", false},
      {"https://ap\xFFi.novu.co", false},
      {"https://api.n\xC3\xB6vu.co", false},
      {"https://user:password@api.novu.co", false},  // user information: two URL parsers disagree on the host
      {"https://api.novu.co\\@evil.com", false},
      {"https://api.novu.co////", true},
      {"http://proxy.local/novu/", true},
      {"http://[::1]:8080", true},
  };
  for (const auto& url : urls) {
    std::string shown;
    novu::detail::append_percent_encoded(shown, url.first, false);
    rows.push_back(build_case(
        "server URL '" + shown + "'",
        url.second ? expect_ok() : expect_error(novu::error_kind::invalid_argument, "server_url"), [url] {
          novu::client_config config = hostile_config();
          config.server_url = url.first;
          outcome o = built(novu::connections::build_retrieve_request(config, "conn-1"));
          if (o.ok) {
            const novu::http_request& r = o.requests[0];
            require_that(
                o,
                r.url.size() > r.path.size() && r.url.compare(r.url.size() - r.path.size(), r.path.size(), r.path) == 0,
                "url ends with the path");
            require_that(o, r.url.find("//v1") == std::string::npos, "no empty segment before v1");
          }
          return o;
        }));
  }
}

void add_body_rows(std::vector<hostile_case>& rows) {
  // Invalid UTF-8 in every string of a request body: refused with the member's pointer.
  using update_mutator = void (*)(novu::update_channel_connection_request&);
  const std::pair<const char*, update_mutator> update_fields[] = {
      {"/workspace/id", [](novu::update_channel_connection_request& b) { b.workspace.id = "T\xFF"; }},
      {"/workspace/name", [](novu::update_channel_connection_request& b) { b.workspace.name = "\xC0\xAF"; }},
      {"/workspace/botUserId",
       [](novu::update_channel_connection_request& b) { b.workspace.bot_user_id = "\xED\xA0\x80"; }},
      {"/auth/accessToken",
       [](novu::update_channel_connection_request& b) { b.auth.access_token = k_access_token + "\xFF"; }},
      {"/auth/refreshToken",
       [](novu::update_channel_connection_request& b) { b.auth.refresh_token = k_refresh_token + "\x80"; }},
      {"/auth/expiresAt", [](novu::update_channel_connection_request& b) { b.auth.expires_at = "2026\xF8"; }},
      {"/auth/refreshTokenExpiresAt",
       [](novu::update_channel_connection_request& b) { b.auth.refresh_token_expires_at = "\xE2\x82"; }},
  };
  for (const auto& f : update_fields) {
    const std::string pointer = f.first;
    const update_mutator mutator = f.second;
    rows.push_back(build_case("update body: invalid UTF-8 in " + pointer,
                              expect_error(novu::error_kind::invalid_argument, pointer), [mutator] {
                                novu::update_channel_connection_request body = update_body();
                                mutator(body);
                                return built(novu::connections::build_update_request(hostile_config(), "conn-1", body));
                              }));
  }
  using create_mutator = void (*)(novu::create_channel_connection_request&);
  const std::pair<const char*, create_mutator> create_fields[] = {
      {"/identifier", [](novu::create_channel_connection_request& b) { b.identifier = "c\xFF"; }},
      {"/subscriberId", [](novu::create_channel_connection_request& b) { b.subscriber_id = "s\xFF"; }},
      {"/integrationIdentifier",
       [](novu::create_channel_connection_request& b) { b.integration_identifier = "i\xFF"; }},
      {"/context/tenant", [](novu::create_channel_connection_request& b) { (*b.context)[0].id = "org\xFF"; }},
      {"/context/region/id", [](novu::create_channel_connection_request& b) { (*b.context)[1].id = "eu\xFF"; }},
      {"/context/region/data",
       [](novu::create_channel_connection_request& b) {
         (*b.context)[1].data = novu::any_json::from_text(novu::json_type::object, "{\"k\":\"\xFF\"}");
       }},
      {"/workspace/id", [](novu::create_channel_connection_request& b) { b.workspace.id = "\xFF"; }},
      {"/auth/accessToken",
       [](novu::create_channel_connection_request& b) { b.auth.access_token = "\xFF" + k_access_token; }},
  };
  for (const auto& f : create_fields) {
    const std::string pointer = f.first;
    const create_mutator mutator = f.second;
    rows.push_back(build_case("create body: invalid UTF-8 in " + pointer,
                              expect_error(novu::error_kind::invalid_argument, pointer), [mutator] {
                                novu::create_channel_connection_request body = create_body("conn-1");
                                mutator(body);
                                return built(novu::connections::build_create_request(hostile_config(), body));
                              }));
  }
  rows.push_back(build_case("create body: invalid UTF-8 in a context type (the map key)",
                            expect_error(novu::error_kind::invalid_argument), [] {
                              novu::create_channel_connection_request body = create_body("conn-1");
                              (*body.context)[0].type = "ten\xFFnt";
                              outcome o = built(novu::connections::build_create_request(hostile_config(), body));
                              require_that(o, !o.ok && o.err.location.rfind("/context", 0) == 0,
                                           "location under /context");
                              return o;
                            }));
  // Context data given as JSON text.
  const std::pair<std::string, novu::error_kind> data_texts[] = {
      {"", novu::error_kind::invalid_argument},
      {"{", novu::error_kind::invalid_argument},
      {"[1]", novu::error_kind::invalid_argument},
      {"{} {}", novu::error_kind::invalid_argument},
      {"{\"a\":NaN}", novu::error_kind::invalid_argument},
      {"{\"a\":1e400}", novu::error_kind::invalid_argument},
      {nested_objects(100000), novu::error_kind::limit_exceeded},
      {"{\"s\":\"" + ten_megabytes() + "\"}", novu::error_kind::limit_exceeded},
  };
  for (const auto& d : data_texts) {
    std::string shown;
    novu::detail::append_percent_encoded(shown, d.first.substr(0, 16), false);
    const std::string text = d.first;
    rows.push_back(build_case("create body: context data text '" + shown + "'",
                              expect_error(d.second, "/context/region/data"), [text] {
                                novu::create_channel_connection_request body = create_body("conn-1");
                                (*body.context)[1].data = novu::any_json::from_text(novu::json_type::object, text);
                                return built(novu::connections::build_create_request(hostile_config(), body));
                              }));
  }
  rows.push_back(build_case("create body: context data whose declared type does not match its text",
                            expect_error(novu::error_kind::invalid_argument, "/context/region/data"), [] {
                              novu::create_channel_connection_request body = create_body("conn-1");
                              (*body.context)[1].data = novu::any_json::from_text(novu::json_type::array, "{}");
                              return built(novu::connections::build_create_request(hostile_config(), body));
                            }));
  rows.push_back(build_case("create body: two context entries of one type are refused, not silently merged",
                            expect_error(novu::error_kind::invalid_argument, "/context/tenant"), [] {
                              novu::create_channel_connection_request body = create_body("conn-1");
                              body.context->push_back(novu::context_entry{"tenant", "org-other", std::nullopt});
                              return built(novu::connections::build_create_request(hostile_config(), body));
                            }));
  rows.push_back(build_case("update body: CR, LF, NUL, quotes and backslashes are escaped in JSON", expect_ok(), [] {
    novu::update_channel_connection_request body = update_body();
    body.workspace.name = std::string("a\r\n\0\"\\b", 7);
    body.auth.access_token = k_access_token + "\"}\\";
    outcome o = built(novu::connections::build_update_request(hostile_config(), "conn-1", body));
    if (o.ok) {
      require_that(o, o.requests[0].body.find("a\\r\\n\\u0000\\\"\\\\b") != std::string::npos, "escaped name");
      novu::result<novu::update_channel_connection_request> back =
          novu::connections::decode_update_request(o.requests[0].body);
      require_that(
          o, back && back->workspace.name == body.workspace.name && back->auth.access_token == body.auth.access_token,
          "the body decodes back to the same values");
    }
    return o;
  }));
  // An empty workspace.id or accessToken is refused before sending (a default-built auth never
  // reaches the server); the optional fields may be empty.
  rows.push_back(build_case("update body: empty strings everywhere",
                            expect_error(novu::error_kind::invalid_argument, "workspace.id"), [] {
                              novu::update_channel_connection_request body;
                              body.workspace.name = "";
                              body.auth.refresh_token = "";
                              return built(novu::connections::build_update_request(hostile_config(), "conn-1", body));
                            }));
}

void add_list_rows(std::vector<hostile_case>& rows) {
  using setter = void (*)(novu::list_channel_connections_params&, const std::string&);
  const std::pair<const char*, setter> filters[] = {
      {"after", [](novu::list_channel_connections_params& p, const std::string& v) { p.after = v; }},
      {"before", [](novu::list_channel_connections_params& p, const std::string& v) { p.before = v; }},
      {"channel",
       [](novu::list_channel_connections_params& p, const std::string& v) { p.channel = novu::channel_type(v); }},
      {"providerId",
       [](novu::list_channel_connections_params& p, const std::string& v) { p.provider_id = novu::provider_id(v); }},
      {"subscriberId", [](novu::list_channel_connections_params& p, const std::string& v) { p.subscriber_id = v; }},
      {"integrationIdentifier",
       [](novu::list_channel_connections_params& p, const std::string& v) { p.integration_identifier = v; }},
      {"contextKeys",
       [](novu::list_channel_connections_params& p, const std::string& v) {
         p.context_keys = std::vector<std::string>{"tenant:a", v};
       }},
  };
  for (const auto& f : filters) {
    const std::string name = f.first;
    const setter set = f.second;
    // contextKeys names the offending element (the setter puts the value second).
    const std::string location = name == std::string("contextKeys") ? "contextKeys[1]" : name;
    rows.push_back(build_case("list filter " + name + " with invalid UTF-8",
                              expect_error(novu::error_kind::invalid_argument, location), [set] {
                                novu::list_channel_connections_params p;
                                set(p, "v\xFF");
                                return built(novu::connections::build_list_request(hostile_config(), p));
                              }));
    rows.push_back(
        build_case("list filter " + name + " with CR LF, space, & = # is percent-encoded", expect_ok(), [set, name] {
          novu::list_channel_connections_params p;
          set(p, "a\r\nb &x=1#f");
          outcome o = built(novu::connections::build_list_request(hostile_config(), p));
          require_that(o, o.ok && o.requests[0].path.find(name + "=a%0D%0Ab%20%26x%3D1%23f") != std::string::npos,
                       name + "=a%0D%0Ab%20%26x%3D1%23f");
          return o;
        }));
    // An empty context key would send contextKeys=, the "no context" filter of an engaged empty
    // vector: refused.
    const bool empty_refused = name == std::string("contextKeys");
    rows.push_back(build_case(
        "list filter " + name + " empty",
        empty_refused ? expect_error(novu::error_kind::invalid_argument, "contextKeys[1]") : expect_ok(),
        [set, name, empty_refused] {
          novu::list_channel_connections_params p;
          set(p, "");
          outcome o = built(novu::connections::build_list_request(hostile_config(), p));
          if (!empty_refused) {
            require_that(o, o.ok && o.requests[0].path.find(name + "=") != std::string::npos, name + "= is sent");
          }
          return o;
        }));
  }
  for (int limit : {0, -1, 101, INT_MIN, INT_MAX}) {
    rows.push_back(build_case("list limit " + std::to_string(limit),
                              expect_error(novu::error_kind::invalid_argument, "limit"), [limit] {
                                novu::list_channel_connections_params p;
                                p.limit = limit;
                                return built(novu::connections::build_list_request(hostile_config(), p));
                              }));
  }
  rows.push_back(build_case("list with 10,000 context keys", expect_ok(), [] {
    novu::list_channel_connections_params p;
    p.context_keys.emplace();
    for (int i = 0; i < 10000; ++i) p.context_keys->push_back("tenant:org-" + std::to_string(i));
    outcome o = built(novu::connections::build_list_request(hostile_config(), p));
    std::size_t count = 0;
    if (o.ok) {
      for (std::size_t at = 0; (at = o.requests[0].path.find("contextKeys=", at)) != std::string::npos; ++at) ++count;
    }
    require_that(o, count == 10000, "10,000 contextKeys parameters");
    return o;
  }));
  rows.push_back(build_case("list with 10,000 context keys, the last one invalid UTF-8",
                            expect_error(novu::error_kind::invalid_argument, "contextKeys[9999]"), [] {
                              novu::list_channel_connections_params p;
                              p.context_keys.emplace(10000, "tenant:a");
                              p.context_keys->back() = "tenant:\xFF";
                              return built(novu::connections::build_list_request(hostile_config(), p));
                            }));
  rows.push_back(
      build_case("create with 10,000 context entries, the last id invalid UTF-8",
                 expect_error(novu::error_kind::invalid_argument, "/context/k9999"), [] {
                   novu::create_channel_connection_request body = create_body("conn-1");
                   body.context.emplace();
                   for (int i = 0; i < 10000; ++i) {
                     body.context->push_back(novu::context_entry{"k" + std::to_string(i), "v", std::nullopt});
                   }
                   body.context->back().id = "v\xFF";
                   return built(novu::connections::build_create_request(hostile_config(), body));
                 }));
}

// ---------------------------------------------------------------------------------------------
// Group 5: the client, over the fake server or a scripted transport
// ---------------------------------------------------------------------------------------------

struct exchange_log {
  std::vector<novu::http_request> requests;
  std::vector<novu::http_response> responses;
};

// Forwards to a fake_novu, or plays `script` (the last entry repeats), recording both ways.
struct recording_transport {
  novu::fake_novu* server;
  std::vector<novu::transport_result>* script;
  exchange_log* log;
  novu::transport_result operator()(const novu::http_request& request) const {
    log->requests.push_back(request);
    novu::transport_result answer = server != nullptr ? novu::transport_result(server->handle(request))
                                    : script->empty() ? novu::transport_result(novu::transport_error("no script"))
                                                      : (*script)[std::min(log->requests.size(), script->size()) - 1];
    if (answer) log->responses.push_back(*answer);
    return answer;
  }
};

using test_client = novu::client<recording_transport, test_support::fake_environment>;

// A client with its fake server, its transcript and a virtual clock.
struct scenario {
  novu::fake_novu server;
  exchange_log log;
  std::vector<novu::transport_result> script;
  test_support::fake_environment::state clock;
  test_client client;

  explicit scenario(bool scripted = false, novu::client_config config = hostile_config())
      : client(std::move(config), recording_transport{scripted ? nullptr : &server, &script, &log},
               test_support::fake_environment{&clock}) {}

  template <class T>
  outcome finish(const novu::result<T>& r) {
    outcome o;
    take(o, r);
    o.requests = log.requests;
    o.responses = log.responses;
    return o;
  }
};

void add_client_rows(std::vector<hostile_case>& rows) {
  // Identifiers that must survive percent-encoding and the fake's decoding both ways.
  const std::pair<std::string, std::string> identifiers[] = {
      {"a/b", "slash"},
      {"%2e%2e", "%2e%2e"},
      {"...", "three dots"},
      {"a\r\nb", "CR LF"},
      {"?#&=+", "query characters"},
      {"\xC3\xA9\xE2\x82\xAC", "UTF-8"},
      {std::string("x\0y", 3), "NUL"},
      {"./", "dot slash"},
  };
  for (const auto& id : identifiers) {
    const std::string identifier = id.first;
    rows.push_back(build_case("client round trip of identifier with " + id.second, expect_ok(), [identifier] {
      scenario s;
      novu::result<novu::channel_connection> created = s.client.create(create_body(identifier));
      novu::result<novu::channel_connection> got = s.client.retrieve(identifier);
      novu::result<novu::channel_connection> updated = s.client.update(identifier, update_body());
      novu::result<void> removed = s.client.remove(identifier);
      novu::result<novu::channel_connection> gone = s.client.retrieve(identifier);
      outcome o = s.finish(removed);
      require_that(o, created && created->identifier == identifier, "create keeps the identifier");
      require_that(o, got && got->identifier == identifier, "retrieve finds it");
      require_that(o, updated && updated->identifier == identifier, "update finds it");
      require_that(o, !gone && gone.error().status == 404, "retrieve after delete is a 404");
      return o;
    }));
  }
  rows.push_back(
      build_case("client: retrieve of a missing identifier is an api 404", expect_error(novu::error_kind::api, ""), [] {
        scenario s;
        return s.finish(s.client.retrieve("../../admin"));
      }));
  rows.push_back(build_case("client: create with 10,000 context entries", expect_ok(), [] {
    scenario s;
    novu::create_channel_connection_request body = create_body("many-contexts");
    body.context.emplace();
    for (int i = 0; i < 10000; ++i)
      body.context->push_back(novu::context_entry{"k" + std::to_string(i), "v", std::nullopt});
    novu::result<novu::channel_connection> r = s.client.create(body);
    outcome o = s.finish(r);
    require_that(o, r && r->context_keys.size() == 10000, "10,000 context keys come back");
    return o;
  }));
  rows.push_back(build_case("client: list filtered by 10,000 context keys", expect_ok(), [] {
    scenario s;
    novu::list_channel_connections_params p;
    p.context_keys.emplace();
    for (int i = 0; i < 10000; ++i) p.context_keys->push_back("k" + std::to_string(i) + ":v");
    return s.finish(s.client.list(p));
  }));
  rows.push_back(build_case("client: 10 MB workspace name is refused by the fake's body limit",
                            expect_error(novu::error_kind::validation, ""), [] {
                              scenario s;
                              novu::create_channel_connection_request body = create_body("big");
                              body.workspace.name = ten_megabytes();
                              return s.finish(s.client.create(body));
                            }));
  rows.push_back(build_case("client: hostile server URL never reaches the transport",
                            expect_error(novu::error_kind::invalid_argument, "server_url"), [] {
                              novu::client_config config = hostile_config();
                              config.server_url = "javascript:alert(1)";
                              scenario s(false, config);
                              outcome o = s.finish(s.client.retrieve("conn-1"));
                              require_that(o, s.server.request_count() == 0, "no request was sent");
                              return o;
                            }));

  // Scripted answers.
  struct scripted_row {
    std::string name;
    expectation expect;
    std::vector<novu::transport_result> script;
    std::size_t attempts;
  };
  const std::string conn = envelope(connection_json());
  auto with_header = [](novu::http_response r, std::string name, std::string value) {
    r.headers.push_back({std::move(name), std::move(value)});
    return r;
  };
  const novu::http_response too_many = json_response(429, compact_fixture("error-404.json"));
  std::vector<scripted_row> scripted = {
      {"client: transport fails every time",
       expect_error(novu::error_kind::transport, ""),
       {novu::transport_error("connection reset")},
       4},
      {"client: empty 200 body", expect_error(novu::error_kind::decode, ""), {json_response(200, "")}, 1},
      {"client: 100 MB 200 body",
       expect_error(novu::error_kind::limit_exceeded, ""),
       {json_response(200, hundred_megabytes())},
       1},
      {"client: status 0 answer", expect_error(novu::error_kind::http, ""), {json_response(0, conn)}, 4},
      {"client: 100 Continue is not retried", expect_error(novu::error_kind::http, ""), {json_response(100, "")}, 1},
      {"client: 301 redirect is not followed",
       expect_error(novu::error_kind::http, ""),
       {with_header(json_response(301, ""), "Location", "https://evil.example/")},
       1},
      {"client: status 999", expect_error(novu::error_kind::http, ""), {json_response(999, conn)}, 1},
      {"client: 503 every time",
       expect_error(novu::error_kind::http, ""),
       {json_response(503, "<html>busy</html>")},
       4},
      {"client: Retry-After of 20 digits",
       expect_ok(),
       {with_header(too_many, "Retry-After", "99999999999999999999"), json_response(200, conn)},
       2},
      {"client: negative Retry-After",
       expect_ok(),
       {with_header(too_many, "Retry-After", "-5"), json_response(200, conn)},
       2},
      {"client: Retry-After-Ms 1e309",
       expect_ok(),
       {with_header(too_many, "Retry-After-Ms", "1e309"), json_response(200, conn)},
       2},
      {"client: Retry-After date in the past",
       expect_ok(),
       {with_header(too_many, "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), json_response(200, conn)},
       2},
      {"client: Retry-After date in year 9999",
       expect_ok(),
       {with_header(too_many, "Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"), json_response(200, conn)},
       2},
      {"client: Retry-After with CR LF garbage",
       expect_ok(),
       {with_header(too_many, "Retry-After", "1\r\nX: y"), json_response(200, conn)},
       2},
  };
  for (scripted_row& row : scripted) {
    rows.push_back(build_case(row.name, row.expect, [script = std::move(row.script), attempts = row.attempts] {
      scenario s(true);
      s.script = script;
      outcome o = s.finish(s.client.retrieve("conn-1"));
      require_that(o, s.log.requests.size() == attempts, std::to_string(attempts) + " attempt(s)");
      for (std::uint32_t wait : s.clock.sleeps) require_that(o, wait <= 30000, "every wait is capped at 30 s");
      return o;
    }));
  }

  // Redaction of what a hostile transport or server echoes.
  rows.push_back(build_case("client: transport error quoting the secret key is redacted",
                            expect_error(novu::error_kind::transport, ""), [] {
                              scenario s(true);
                              s.script = {novu::transport_error("401 for key " + k_secret_key)};
                              return s.finish(s.client.retrieve("conn-1"));
                            }));
  rows.push_back(
      build_case("client: transport error quoting a secret key configured with its ApiKey prefix is redacted",
                 expect_error(novu::error_kind::transport, ""), [] {
                   novu::client_config config = hostile_config();
                   config.secret_key = "ApiKey " + k_secret_key;
                   scenario s(true, config);
                   s.script = {novu::transport_error("401 for key " + k_secret_key)};
                   return s.finish(s.client.retrieve("conn-1"));
                 }));
  rows.push_back(build_case("client: ErrorDto message echoing the sent access token is redacted",
                            expect_error(novu::error_kind::api, ""), [] {
                              scenario s(true);
                              const std::string body =
                                  "{\"statusCode\":400,\"timestamp\":\"t\",\"path\":\"/p\",\"message\":\"token " +
                                  k_access_token + " and " + k_refresh_token + " revoked\"}";
                              s.script = {json_response(400, body)};
                              outcome o = s.finish(s.client.update("conn-1", update_body()));
                              o.echoed_secrets = {k_access_token, k_refresh_token};
                              return o;
                            }));
  rows.push_back(build_case("client: 422 echoing the access token as the rejected value",
                            expect_error(novu::error_kind::validation, ""), [] {
                              scenario s(true);
                              s.script = {json_response(422, compact_fixture("validation-422.json"))};
                              return s.finish(s.client.create(create_body("conn-1")));
                            }));
  {
    // Isolated: UBSan (when it halts on error) must fail this row only.
    hostile_case c =
        build_case("client: retry policy with a NaN exponent", expect_error(novu::error_kind::http, ""), [] {
          novu::client_config config = hostile_config();
          config.retry.exponent = std::numeric_limits<double>::quiet_NaN();
          scenario s(true, config);
          s.script = {json_response(503, "")};
          outcome o = s.finish(s.client.retrieve("conn-1"));
          for (std::uint32_t wait : s.clock.sleeps) require_that(o, wait <= 30000, "every wait is capped at 30 s");
          return o;
        });
    c.isolated = true;
    rows.push_back(std::move(c));
  }
  rows.push_back(build_case("client: retry policy with max_attempts 0", expect_error(novu::error_kind::http, ""), [] {
    novu::client_config config = hostile_config();
    config.retry.max_attempts = 0;
    scenario s(true, config);
    s.script = {json_response(503, "")};
    outcome o = s.finish(s.client.retrieve("conn-1"));
    require_that(o, s.log.requests.size() == 1, "exactly one attempt");
    return o;
  }));
}

// ---------------------------------------------------------------------------------------------
// Group 6: hostile requests handed straight to the fake server
// ---------------------------------------------------------------------------------------------

novu::http_request raw_request(std::string method, std::string path, std::string body = {}) {
  novu::http_request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.url = "https://api.novu.co" + r.path;
  r.headers.push_back({"Authorization", "ApiKey " + k_secret_key});
  r.headers.push_back({"Content-Type", "application/json"});
  r.body = std::move(body);
  return r;
}

void add_fake_rows(std::vector<hostile_case>& rows) {
  struct fake_row {
    std::string name;
    novu::http_request request;
    parser_kind parser;
    expectation expect;
    int status;
  };
  const std::string create = compact_fixture("create-request.json");
  const std::string update = compact_fixture("update-request.json");
  novu::http_request no_auth = raw_request("GET", "/v1/channel-connections");
  no_auth.headers.erase(no_auth.headers.begin());
  novu::http_request bearer = raw_request("GET", "/v1/channel-connections");
  bearer.headers[0].value = "Bearer " + k_secret_key;
  novu::http_request long_key = raw_request("POST", "/v1/channel-connections", create);
  long_key.headers.push_back({"idempotency-key", std::string(256, 'k')});
  std::vector<fake_row> table = {
      {"fake: no Authorization header", no_auth, parser_kind::list, expect_error(novu::error_kind::api, ""), 401},
      {"fake: Bearer scheme", bearer, parser_kind::list, expect_error(novu::error_kind::api, ""), 401},
      {"fake: unknown path", raw_request("GET", "/v2/other"), parser_kind::list,
       expect_error(novu::error_kind::api, ""), 404},
      {"fake: nested path below an identifier", raw_request("GET", "/v1/channel-connections/a/b"),
       parser_kind::retrieve, expect_error(novu::error_kind::api, ""), 404},
      {"fake: malformed percent escape in the identifier", raw_request("GET", "/v1/channel-connections/%zz"),
       parser_kind::retrieve, expect_error(novu::error_kind::api, ""), 404},
      {"fake: truncated percent escape", raw_request("DELETE", "/v1/channel-connections/%"), parser_kind::remove,
       expect_error(novu::error_kind::api, ""), 404},
      {"fake: raw invalid UTF-8 in the path", raw_request("GET", "/v1/channel-connections/\xFF\xFE"),
       parser_kind::retrieve, expect_error(novu::error_kind::api, ""), 404},
      {"fake: percent-encoded invalid UTF-8 identifier", raw_request("GET", "/v1/channel-connections/%FF"),
       parser_kind::retrieve, expect_error(novu::error_kind::api, ""), 404},
      {"fake: PUT", raw_request("PUT", "/v1/channel-connections/conn-1", update), parser_kind::update,
       expect_error(novu::error_kind::api, ""), 404},
      {"fake: empty method and path", raw_request("", ""), parser_kind::retrieve,
       expect_error(novu::error_kind::api, ""), 404},
      {"fake: POST with malformed JSON", raw_request("POST", "/v1/channel-connections", "{\"workspace\":"),
       parser_kind::create, expect_error(novu::error_kind::validation, ""), 422},
      {"fake: POST with invalid UTF-8",
       raw_request("POST", "/v1/channel-connections", mutate(create, "/identifier", std::string("\"\xFF\""))),
       parser_kind::create, expect_error(novu::error_kind::validation, ""), 422},
      {"fake: POST nested 100,000 levels",
       raw_request("POST", "/v1/channel-connections", mutate(create, "/x", nested_arrays(100000))), parser_kind::create,
       expect_error(novu::error_kind::validation, ""), 422},
      {"fake: POST without workspace.id",
       raw_request("POST", "/v1/channel-connections", mutate(create, "/workspace/id", std::nullopt)),
       parser_kind::create, expect_error(novu::error_kind::validation, ""), 422},
      {"fake: POST for an unknown integration",
       raw_request("POST", "/v1/channel-connections",
                   mutate(create, "/integrationIdentifier", std::string("\"nope\""))),
       parser_kind::create, expect_error(novu::error_kind::api, ""), 404},
      {"fake: POST with an empty identifier",
       raw_request("POST", "/v1/channel-connections", mutate(create, "/identifier", std::string("\"\""))),
       parser_kind::create, expect_error(novu::error_kind::api, ""), 400},
      {"fake: POST with an idempotency key of 256 characters", long_key, parser_kind::create,
       expect_error(novu::error_kind::api, ""), 400},
      {"fake: PATCH with a null workspace",
       raw_request("PATCH", "/v1/channel-connections/conn-1", mutate(update, "/workspace", std::string("null"))),
       parser_kind::update, expect_error(novu::error_kind::validation, ""), 422},
      {"fake: list limit=0", raw_request("GET", "/v1/channel-connections?limit=0"), parser_kind::list,
       expect_error(novu::error_kind::validation, ""), 422},
      {"fake: list limit=abc", raw_request("GET", "/v1/channel-connections?limit=abc"), parser_kind::list,
       expect_error(novu::error_kind::validation, ""), 422},
      {"fake: list limit of 30 digits",
       raw_request("GET", "/v1/channel-connections?limit=999999999999999999999999999999"), parser_kind::list,
       expect_error(novu::error_kind::validation, ""), 422},
      {"fake: list orderBy=__proto__", raw_request("GET", "/v1/channel-connections?orderBy=__proto__"),
       parser_kind::list, expect_error(novu::error_kind::validation, ""), 422},
      {"fake: list includeCursor=maybe", raw_request("GET", "/v1/channel-connections?includeCursor=maybe"),
       parser_kind::list, expect_error(novu::error_kind::validation, ""), 422},
      {"fake: list query with a malformed escape", raw_request("GET", "/v1/channel-connections?after=%zz"),
       parser_kind::list, expect_error(novu::error_kind::api, ""), 400},
      // As the server: an unknown cursor gives an empty page, both cursors a 400.
      {"fake: list with an unknown cursor", raw_request("GET", "/v1/channel-connections?after=nope"), parser_kind::list,
       expect_ok(), 200},
      {"fake: list with before and after", raw_request("GET", "/v1/channel-connections?after=a&before=b"),
       parser_kind::list, expect_error(novu::error_kind::api, ""), 400},
      {"fake: list with an empty query and stray separators", raw_request("GET", "/v1/channel-connections?&&=&"),
       parser_kind::list, expect_ok(), 200},
  };
  for (fake_row& row : table) {
    rows.push_back(
        build_case(row.name, row.expect, [request = std::move(row.request), parser = row.parser, status = row.status] {
          novu::fake_novu server;
          const novu::http_response response = server.handle(request);
          outcome o = parse_with(parser, response);
          o.hand_made.push_back(request);
          require_that(o, response.status == status,
                       "status " + std::to_string(status) + ", got " + std::to_string(response.status));
          return o;
        }));
  }
  rows.push_back(
      build_case("fake: idempotency key reused for another body", expect_error(novu::error_kind::api, ""), [create] {
        novu::fake_novu server;
        novu::http_request first = raw_request("POST", "/v1/channel-connections", create);
        first.headers.push_back({"idempotency-key", "same-key"});
        novu::http_request second = first;
        second.body = mutate(create, "/identifier", std::string("\"conn-2\""));
        server.handle(first);
        outcome o = parse_with(parser_kind::create, server.handle(second));
        require_that(o, !o.ok && o.err.status == 422, "422");
        return o;
      }));
  rows.push_back(build_case("fake: idempotent replay", expect_ok(), [create] {
    novu::fake_novu server;
    novu::http_request first = raw_request("POST", "/v1/channel-connections", create);
    first.headers.push_back({"idempotency-key", "same-key"});
    server.handle(first);
    const novu::http_response replay = server.handle(first);
    outcome o = parse_with(parser_kind::create, replay);
    const novu::http_header* h = novu::find_header(replay.headers, "idempotency-replay");
    require_that(o, h != nullptr && h->value == "true", "Idempotency-Replay: true");
    return o;
  }));
}

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

std::vector<hostile_case> build_catalogue() {
  std::vector<hostile_case> rows;
  add_fixture_bodies(rows);
  add_dto_rows(rows);
  add_status_rows(rows);
  add_size_rows(rows);
  add_nesting_rows(rows);
  add_identifier_rows(rows);
  add_header_rows(rows);
  add_body_rows(rows);
  add_list_rows(rows);
  add_client_rows(rows);
  add_fake_rows(rows);
  return rows;
}

// Every row, built once.
const std::vector<hostile_case>& catalogue() {
  static const std::vector<hostile_case> rows = build_catalogue();
  return rows;
}

// The verdict of row `index`, run on first need and kept, so that each row runs once for both
// tests below, and a row picked alone (`-sc="<row name>"`) runs alone.
const verdict& verdict_of(std::size_t index) {
  static std::vector<std::optional<verdict>> kept(catalogue().size());
  std::optional<verdict>& v = kept[index];
  if (!v) {
    const hostile_case& c = catalogue()[index];
    v = c.isolated ? run_isolated(c) : run_inline(c);
  }
  return *v;
}

}  // namespace

// The pointers of a table's fields (objects recursed into) with their required flags: what the
// decoder reads, from the tables themselves.
void table_pointers(const novu::detail::type_desc& type, const std::string& prefix,
                    std::vector<std::pair<std::string, bool>>& out) {
  for (std::size_t i = 0; i < type.field_count; ++i) {
    const novu::detail::field_desc& f = type.fields[i];
    const std::string pointer = prefix + "/" + std::string(f.name);
    out.emplace_back(pointer, (f.flags & novu::detail::field_required) != 0);
    if (f.kind == novu::detail::field_kind::object) table_pointers(*f.nested, pointer, out);
  }
}

// Each row is a subcase named after it: `novu_tests -tc="hostile catalogue*" -sc="<row name>"`
// reruns one row.
TEST_CASE("hostile catalogue: at least 100 rows, each named apart") {
  const std::vector<hostile_case>& rows = catalogue();
  CHECK(rows.size() >= 100);
  // Subcases are told apart by name: a repeated name would hide a row.
  std::set<std::string> names;
  for (const hostile_case& c : rows) names.insert(c.name);
  CHECK(names.size() == rows.size());
}

// The catalogue reads the decoder's tables: every field of every table it covers has its rows
// (type, missing, invalid UTF-8), with the table's required flag, so a field added to a table
// cannot go untested.
TEST_CASE("hostile catalogue: every field of the tables has rows, with the table's required flag") {
  namespace nd = novu::detail;
  const std::pair<const char*, const nd::type_desc*> covered[] = {
      {"retrieve 200 connection", &nd::connection_type},
      {"decode_update_request", &nd::update_request_type},
      {"decode_create_request", &nd::create_request_type},
      {"ErrorDto", &nd::error_type},
  };
  const std::vector<dto_target> targets = dto_targets();
  // (No structured bindings: clang 14 cannot capture them in the lambdas below.)
  for (const auto& entry : covered) {
    const std::string label = entry.first;
    const auto target =
        std::find_if(targets.begin(), targets.end(), [&](const dto_target& t) { return t.label == label; });
    REQUIRE(target != targets.end());
    std::vector<std::pair<std::string, bool>> pointers;
    table_pointers(*entry.second, "", pointers);
    for (const auto& field_entry : pointers) {
      const std::string pointer = field_entry.first;
      CAPTURE(label);
      CAPTURE(pointer);
      const auto spec = std::find_if(target->fields.begin(), target->fields.end(),
                                     [&](const field_spec& f) { return f.pointer == pointer; });
      REQUIRE(spec != target->fields.end());
      CHECK(spec->required == field_entry.second);
    }
  }
}

// doctest runs a test case once per subcase, so the checks of the whole catalogue are above.
TEST_CASE("hostile catalogue: every row has its expected outcome, nothing crashes or throws") {
  const std::vector<hostile_case>& rows = catalogue();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SUBCASE(rows[i].name.c_str()) {
      for (const std::string& p : verdict_of(i).problems) CHECK_MESSAGE(false, rows[i].name << ": " << p);
    }
  }
}

TEST_CASE("secrets scan: no row leaks the secret key or a token into errors or debug output") {
  const std::vector<hostile_case>& rows = catalogue();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SUBCASE(rows[i].name.c_str()) {
      for (const std::string& l : verdict_of(i).leaks) CHECK_MESSAGE(false, rows[i].name << ": " << l);
    }
  }
}
