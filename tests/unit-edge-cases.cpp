// Edge cases found by an adversarial probe (issue 10, classes 7-9): the retry decision for
// every input, NUL bytes and repeated envelopes in bodies, integers written as reals, server
// URLs that two URL parsers read differently, empty context keys, and the element limit that
// bounds what many tiny elements make a decoder allocate.
#include <doctest/doctest.h>

#include <climits>      // INT_MIN, INT_MAX
#include <cstddef>      // size_t
#include <cstdint>      // uint64_t, int64_t, uint32_t
#include <cstring>      // memcpy
#include <limits>       // numeric_limits
#include <random>       // mt19937_64 (its output is fixed by the standard; no distribution is used)
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <vector>       // vector

#include "retry_invariants.hpp"
#include "test_support.hpp"

namespace {

using namespace std::string_literals;  // "...\0..."s keeps the NUL

// ---------------------------------------------------------------------------------------------
// Class 7: decide_retry
// ---------------------------------------------------------------------------------------------

constexpr std::uint64_t u64_max = std::numeric_limits<std::uint64_t>::max();
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::uint32_t u32_max = std::numeric_limits<std::uint32_t>::max();
constexpr std::int64_t k_now = 1767225600000;  // Thu, 01 Jan 2026 00:00:00 GMT

using retry_invariants::violated;

// Values picked from a boundary list most of the time, else at random: fixed-seed, portable
// (mt19937_64's output is specified; the mapping below uses only its raw bits).
class sampler {
 public:
  explicit sampler(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t bits() { return engine_(); }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(bits() % n); }
  bool coin() { return (bits() & 1) != 0; }
  template <class T, std::size_t N>
  T pick(const T (&boundary)[N], T random_value) {
    return below(4) == 0 ? random_value : boundary[below(N)];
  }
  // Any double, NaN and infinities included: random bits, or a random value in [-4, 4).
  double any_double() {
    if (coin()) {
      const std::uint64_t b = bits();
      double d;
      static_assert(sizeof d == sizeof b, "64-bit double");
      std::memcpy(&d, &b, sizeof d);
      return d;
    }
    return static_cast<double>(bits() >> 11) / 9007199254740992.0 * 8.0 - 4.0;
  }
  // A printable or arbitrary byte string of up to 40 bytes.
  std::string any_text() {
    std::string s(below(41), ' ');
    for (char& c : s) c = static_cast<char>(coin() ? 32 + below(95) : below(256));
    return s;
  }

 private:
  std::mt19937_64 engine_;
};

// Half the time the default policy with one or two fields changed (so that retries happen),
// else every field at random.
novu::retry_policy random_policy(sampler& s) {
  static const int attempts[] = {INT_MIN, -1, 0, 1, 2, 3, 4, 100, INT_MAX};
  static const std::uint64_t elapsed[] = {0, 1, 999, 1000, 30000, 60000, u64_max - 1, u64_max};
  static const std::uint32_t intervals[] = {0, 1, 999, 1000, 30000, u32_max - 1, u32_max};
  static const double exponents[] = {std::numeric_limits<double>::quiet_NaN(),
                                     std::numeric_limits<double>::infinity(),
                                     -std::numeric_limits<double>::infinity(),
                                     -3.0,
                                     -0.0,
                                     0.0,
                                     1.5,
                                     1e308,
                                     std::numeric_limits<double>::denorm_min()};
  novu::retry_policy p;
  if (s.coin()) {
    for (std::size_t i = 0, n = 1 + s.below(2); i < n; ++i) {
      switch (s.below(6)) {
        case 0: p.max_attempts = s.pick(attempts, static_cast<int>(static_cast<std::uint32_t>(s.bits()))); break;
        case 1: p.max_elapsed_ms = s.pick(elapsed, s.bits()); break;
        case 2: p.initial_interval_ms = s.pick(intervals, static_cast<std::uint32_t>(s.bits())); break;
        case 3: p.exponent = s.pick(exponents, s.any_double()); break;
        case 4: p.max_interval_ms = s.pick(intervals, static_cast<std::uint32_t>(s.bits())); break;
        default: p.jitter_ms = s.pick(intervals, static_cast<std::uint32_t>(s.bits())); break;
      }
    }
    return p;
  }
  p.max_attempts = s.pick(attempts, static_cast<int>(static_cast<std::uint32_t>(s.bits())));
  p.max_elapsed_ms = s.pick(elapsed, s.coin() ? s.bits() : s.bits() % 200000);
  p.initial_interval_ms = s.pick(intervals, static_cast<std::uint32_t>(s.bits()));
  p.exponent = s.pick(exponents, s.any_double());
  p.max_interval_ms = s.pick(intervals, static_cast<std::uint32_t>(s.coin() ? s.bits() : 1 + s.below(60000)));
  p.jitter_ms = s.pick(intervals, static_cast<std::uint32_t>(s.bits()));
  p.retry_transport_errors = s.coin();
  p.retry_server_errors = s.coin();
  p.retry_statuses = {};
  for (int i = 0, n = static_cast<int>(s.below(4)); i < n; ++i)
    p.retry_statuses.insert(100 + static_cast<int>(s.below(500)));
  if (s.coin()) p.retry_statuses.insert(429);
  return p;
}

novu::http_headers random_headers(sampler& s) {
  static const char* const names[] = {"Retry-After", "retry-after", "RETRY-AFTER-MS", "Retry-After-Ms", "X-Other"};
  static const char* const values[] = {"",
                                       "0",
                                       "1",
                                       "-1",
                                       "+1",
                                       "1.5",
                                       ".5",
                                       "5.",
                                       " 7 ",
                                       "\t3",
                                       "1e9",
                                       "999999999999",
                                       "9999999999999",
                                       "18446744073709551616",
                                       "0x10",
                                       "soon",
                                       "Thu, 01 Jan 2026 00:00:05 GMT",
                                       "Thu, 01 Jan 2026 00:00:00 GMT",
                                       "Wed, 31 Dec 2025 23:59:59 GMT",
                                       "Mon, 01 Jan 0000 00:00:00 GMT",
                                       "Fri, 31 Dec 9999 23:59:60 GMT",
                                       "Sun, 06 Nov 1994 08:49:37 GMT",
                                       "Sun, 99 Nov 1994 08:49:37 GMT",
                                       "Sun, 06 Xyz 1994 08:49:37 GMT",
                                       "Sun, 06 Nov 1994 08:49:37 UTC"};
  novu::http_headers headers;
  for (std::size_t i = 0, n = s.below(4); i < n; ++i) {
    const char* name = names[s.below(sizeof names / sizeof names[0])];
    const std::string value =
        s.below(5) == 0 ? s.any_text() : std::string(values[s.below(sizeof values / sizeof values[0])]);
    headers.push_back({name, value});
  }
  return headers;
}

}  // namespace

TEST_CASE("decide_retry: the inputs that overflowed are now defined and bounded") {
  const novu::retry_policy policy;
  const novu::http_headers date = {{"Retry-After", "Thu, 01 Jan 2026 00:00:05 GMT"}};
  // INT64_MIN as the wall clock: the date lies ~292 million years ahead; the wait is capped.
  novu::retry_decision d = novu::decide_retry(policy, 1, 503, date, 0, 0.0, i64_min);
  CHECK(d.retry);
  CHECK(d.delay_ms == policy.max_interval_ms);
  d = novu::decide_retry(policy, 1, 503, date, 0, 0.0, i64_max);  // the date lies in the past
  CHECK(d.retry);
  CHECK(d.delay_ms == 0);
  // attempts_made of INT_MIN counts as the first attempt; INT_MAX is past every max_attempts.
  d = novu::decide_retry(policy, INT_MIN, 500, {}, 0, 0.0, k_now);
  CHECK(d.retry);
  CHECK(d.delay_ms == 0);
  CHECK_FALSE(novu::decide_retry(policy, INT_MAX, 500, {}, 0, 0.0, k_now).retry);
  // An elapsed time near UINT64_MAX (a clock that went backwards) allows no retry at all.
  for (std::uint64_t elapsed : {u64_max, u64_max - 1, u64_max - 29999, u64_max / 2}) {
    CAPTURE(elapsed);
    CHECK_FALSE(novu::decide_retry(policy, 1, 503, {{"Retry-After", "30"}}, elapsed, 0.0, k_now).retry);
    CHECK_FALSE(novu::decide_retry(policy, 1, 503, {}, elapsed, 0.0, k_now).retry);
  }
  // The bound is exact: a wait ending at max_elapsed_ms is allowed, one millisecond later not.
  CHECK(novu::decide_retry(policy, 1, 429, {{"Retry-After", "30"}}, 30000, 0.0, k_now).retry);
  CHECK_FALSE(novu::decide_retry(policy, 1, 429, {{"Retry-After", "30"}}, 30001, 0.0, k_now).retry);
  novu::retry_policy forever;
  forever.max_elapsed_ms = u64_max;
  CHECK(novu::decide_retry(forever, 1, 429, {{"Retry-After", "30"}}, u64_max - 30000, 0.0, k_now).retry);
  CHECK_FALSE(novu::decide_retry(forever, 1, 429, {{"Retry-After", "30"}}, u64_max - 29999, 0.0, k_now).retry);
  novu::retry_policy none;
  none.max_elapsed_ms = 0;
  CHECK(novu::decide_retry(none, 1, 500, {}, 0, 0.0, k_now).retry);  // zero wait, zero elapsed
  CHECK_FALSE(novu::decide_retry(none, 1, 500, {}, 0, 0.5, k_now).retry);
}

TEST_CASE("decide_retry: odd numbers in the policy, the jitter and the headers stay bounded") {
  novu::retry_policy p;
  p.max_attempts = 100;
  p.max_elapsed_ms = u64_max;
  p.max_interval_ms = u32_max;
  p.initial_interval_ms = u32_max;
  p.jitter_ms = u32_max;
  for (double exponent : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                          -std::numeric_limits<double>::infinity(), 1e308, -1e308}) {
    for (double jitter : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(), -1.0, 1.0,
                          2.0, 0.999999999}) {
      p.exponent = exponent;
      CAPTURE(exponent);
      CAPTURE(jitter);
      const novu::retry_decision d = novu::decide_retry(p, 50, 500, {}, 0, jitter, k_now);
      CHECK(d.retry);
      CHECK(d.delay_ms <= p.max_interval_ms);
    }
  }
  const novu::retry_policy defaults;
  // Header values: huge, negative, fractional, garbage; HTTP-dates of year 0 and 9999.
  CHECK(novu::decide_retry(defaults, 1, 429, {{"Retry-After-Ms", "999999999999"}}, 0, 0, k_now).delay_ms == 30000);
  CHECK(novu::decide_retry(defaults, 1, 429, {{"Retry-After", "999999999999"}}, 0, 0, k_now).delay_ms == 30000);
  CHECK(novu::decide_retry(defaults, 1, 429, {{"Retry-After", "9999999999999"}}, 0, 0.5, k_now).delay_ms == 500);
  CHECK(novu::decide_retry(defaults, 1, 429, {{"Retry-After", "-5"}}, 0, 0.5, k_now).delay_ms == 500);
  CHECK(novu::decide_retry(defaults, 1, 429, {{"Retry-After", "2.9"}}, 0, 0.5, k_now).delay_ms == 2000);
  CHECK(
      novu::decide_retry(defaults, 1, 429, {{"Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"}}, 0, 0, k_now).delay_ms ==
      30000);
  CHECK(novu::decide_retry(defaults, 1, 429, {{"Retry-After", "Mon, 01 Jan 0000 00:00:00 GMT"}}, 0, 0.5, k_now)
            .delay_ms == 500);
  CHECK(novu::decide_retry(defaults, 1, 429, {{"Retry-After", "Mon, 01 Jan 0000 00:00:00 GMT"}}, 0, 0, i64_min)
            .delay_ms == 30000);
}

TEST_CASE("decide_retry property: 200,000 random and boundary inputs keep every bound") {
  sampler s(20260101);
  static const int attempts[] = {INT_MIN, -1, 0, 1, 2, 3, 4, 99, 100, INT_MAX - 1, INT_MAX};
  static const int statuses[] = {0, -1, INT_MIN, INT_MAX, 99, 100, 408, 409, 425, 429, 499, 500, 503, 599, 600};
  static const std::uint64_t elapsed[] = {0, 1, 29999, 30000, 59999, 60000, 60001, u64_max / 2, u64_max - 1, u64_max};
  static const double jitters[] = {std::numeric_limits<double>::quiet_NaN(),
                                   std::numeric_limits<double>::infinity(),
                                   -std::numeric_limits<double>::infinity(),
                                   -1.0,
                                   -0.0,
                                   0.0,
                                   0.5,
                                   0.9999999999999999,
                                   1.0,
                                   2.0,
                                   1e308};
  static const std::int64_t nows[] = {i64_min, i64_min + 1, -1, 0, 1, k_now, k_now + 5000, i64_max - 1, i64_max};
  int retries = 0;
  int failures = 0;
  for (int i = 0; i < 200000; ++i) {
    const novu::retry_policy p = random_policy(s);
    const int a = s.pick(attempts, static_cast<int>(static_cast<std::uint32_t>(s.bits())));
    const int st = s.pick(statuses, static_cast<int>(static_cast<std::uint32_t>(s.bits())));
    const novu::http_headers h = random_headers(s);
    const std::uint64_t e = s.pick(elapsed, s.coin() ? s.bits() : s.bits() % 100000);
    const double j = s.pick(jitters, s.any_double());
    const std::int64_t now = s.pick(nows, static_cast<std::int64_t>(s.bits()));
    const std::string problem = violated(p, a, st, h, e, j, now);
    if (!problem.empty() && ++failures <= 5) {
      CAPTURE(i);
      CAPTURE(a);
      CAPTURE(st);
      CAPTURE(e);
      CAPTURE(j);
      CAPTURE(now);
      FAIL_CHECK(problem);
    }
    if (novu::decide_retry(p, a, st, h, e, j, now).retry) ++retries;
  }
  CHECK(failures == 0);
  MESSAGE("decide_retry allowed a retry for " << retries << " of 200000 samples");
  CHECK(retries > 5000);  // the sampler reaches the retrying branches, not only refusals
}

// ---------------------------------------------------------------------------------------------
// Class 8: NUL bytes, repeated envelopes, integers, server URLs, context keys
// ---------------------------------------------------------------------------------------------

namespace {

const std::string k_conn =
    R"({"identifier":"c1","channel":"chat","providerId":"slack","integrationIdentifier":"slack-prod",)"
    R"("subscriberId":"s1","contextKeys":["tenant:a"],"workspace":{"id":"T1"},"auth":{"accessToken":"t1"},)"
    R"("createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"})";
const std::string k_conn2 =
    R"({"identifier":"c2","channel":null,"providerId":null,"integrationIdentifier":null,"subscriberId":null,)"
    R"("contextKeys":[],"workspace":{"id":"T2","name":"two"},"auth":{"accessToken":"t2"},"createdAt":"b",)"
    R"("updatedAt":"b"})";
const std::string k_page_tail = R"(,"next":null,"previous":null,"totalCount":1,"totalCountCapped":false})";
const std::string k_error = R"({"statusCode":404,"timestamp":"t","path":"/v1/x","message":"nope"})";
const std::string k_validation =
    R"({"statusCode":422,"timestamp":"t","path":"/v1/x","errors":{"f":{"messages":["m"]}}})";
const std::string k_update = R"({"workspace":{"id":"T1"},"auth":{"accessToken":"t"}})";
const std::string k_create =
    R"({"integrationIdentifier":"slack-prod","workspace":{"id":"T1"},"auth":{"accessToken":"t"}})";

// One decoder, with the error it gives (kind and message) or none.
struct decoded {
  bool ok;
  novu::error err;
};

template <class R>
decoded as_decoded(R r) {
  if (r.has_value()) return {true, {}};
  return {false, r.error()};
}

struct entry_point {
  const char* name;
  std::string valid;  // a body it accepts
  decoded (*run)(const std::string&);
};

std::vector<entry_point> entry_points() {
  return {
      {"decode_channel_connection", "{\"data\":" + k_conn + "}",
       [](const std::string& b) { return as_decoded(novu::decode_channel_connection(b)); }},
      {"decode_channel_connection_into", k_conn,
       [](const std::string& b) {
         novu::channel_connection c = test_support::dirty_connection();
         return as_decoded(novu::decode_channel_connection_into(b, c));
       }},
      {"decode_channel_connection_page", "{\"data\":[" + k_conn + "]" + k_page_tail,
       [](const std::string& b) { return as_decoded(novu::decode_channel_connection_page(b)); }},
      {"decode_channel_connection_page_into", "{\"data\":[" + k_conn + "]" + k_page_tail,
       [](const std::string& b) {
         novu::channel_connection_page p = test_support::dirty_page(2);
         return as_decoded(novu::decode_channel_connection_page_into(b, p));
       }},
      {"decode_api_error", k_error, [](const std::string& b) { return as_decoded(novu::decode_api_error(b)); }},
      {"decode_validation_error", k_validation,
       [](const std::string& b) { return as_decoded(novu::decode_validation_error(b)); }},
      {"decode_update_request", k_update,
       [](const std::string& b) { return as_decoded(novu::connections::decode_update_request(b)); }},
      {"decode_create_request", k_create,
       [](const std::string& b) { return as_decoded(novu::connections::decode_create_request(b)); }},
      {"parse_any_json", k_error, [](const std::string& b) { return as_decoded(novu::parse_any_json(b)); }},
      {"parse_retrieve_response", "{\"data\":" + k_conn + "}",
       [](const std::string& b) {
         return as_decoded(novu::connections::parse_retrieve_response({200, {}, b}));
       }},
      {"parse_list_response", "{\"data\":[" + k_conn + "]" + k_page_tail,
       [](const std::string& b) {
         return as_decoded(novu::connections::parse_list_response({200, {}, b}));
       }},
  };
}

}  // namespace

TEST_CASE("a NUL byte anywhere in a body is malformed JSON, named with its offset, at every entry point") {
  for (const entry_point& e : entry_points()) {
    CAPTURE(e.name);
    REQUIRE(e.run(e.valid).ok);
    // After the document (where nlohmann's lexer stops reading), with or without junk after it.
    for (const std::string& tail : {"\0"s, "\0{\"x\":"s, " \0 garbage"s, "\n\0\0"s}) {
      const std::string body = e.valid + tail;
      const std::size_t offset = body.find('\0');
      const decoded d = e.run(body);
      CAPTURE(offset);
      REQUIRE_FALSE(d.ok);
      CHECK((d.err.kind == novu::error_kind::decode || d.err.kind == novu::error_kind::invalid_argument));
      CHECK(d.err.message.find("NUL byte at offset " + std::to_string(offset)) != std::string::npos);
    }
    // Before the document, and between two tokens inside it.
    for (std::size_t at : {std::size_t{0}, std::size_t{1}, e.valid.find(',') + 1}) {
      std::string body = e.valid;
      body.insert(at, 1, '\0');
      const decoded d = e.run(body);
      CAPTURE(at);
      REQUIRE_FALSE(d.ok);
      CHECK(d.err.message.find("NUL byte at offset " + std::to_string(at)) != std::string::npos);
    }
  }
}

TEST_CASE("a NUL byte: location, string_value, error bodies, and any_json being encoded") {
  // Inside a string: the string's pointer; between members: the object's.
  auto c = novu::decode_channel_connection("{\"data\":{\"identifier\":\"a\0b\"}}"s);
  REQUIRE_FALSE(c);
  CHECK(c.error().location == "/data/identifier");
  CHECK(c.error().message ==
        "malformed JSON: NUL byte at offset 24 (raw control characters are not allowed in JSON text)");
  c = novu::decode_channel_connection("{\"data\":" + k_conn + "}\0trailing"s);
  REQUIRE_FALSE(c);
  CHECK(c.error().kind == novu::error_kind::decode);
  CHECK(c.error().location.empty());
  // A string value followed by a NUL is no string value.
  CHECK_FALSE(novu::string_value(novu::any_json::from_text(novu::json_type::string, "\"ab\"\0\"cd\""s)).has_value());
  CHECK(novu::string_value(novu::any_json::from_text(novu::json_type::string, "\"ab\"")).value_or("") == "ab");
  // An ErrorDto with a NUL after it is not an ErrorDto: the status's generic error, not `api`.
  const novu::error e = novu::error_from_response({404, {}, k_error + "\0"s});
  CHECK(e.kind != novu::error_kind::api);
  CHECK_FALSE(e.api.has_value());
  // Encoding vets any_json text the same way.
  novu::api_error body;
  body.status_code = 400;
  body.message = novu::any_json::from_text(novu::json_type::string, "\"a\"\0junk"s);
  const novu::result<std::string> encoded = novu::encode_json(body);
  REQUIRE_FALSE(encoded);
  CHECK(encoded.error().kind == novu::error_kind::invalid_argument);
  CHECK(encoded.error().location == "/message");
  CHECK(encoded.error().message.find("NUL byte at offset 3") != std::string::npos);
  novu::create_channel_connection_request create = novu::connections::decode_create_request(k_create).value();
  create.context.emplace();
  create.context->push_back({"tenant", "a", novu::any_json::from_text(novu::json_type::object, "{}\0{\"x\":1}"s)});
  novu::client_config config;
  config.secret_key = "sk_test";
  const novu::result<novu::http_request> request = novu::connections::build_create_request(config, create);
  REQUIRE_FALSE(request);
  CHECK(request.error().location == "/context/tenant/data");
}

TEST_CASE("a repeated data envelope: the last one wins, as for every repeated member") {
  auto c = novu::decode_channel_connection("{\"data\":" + k_conn + ",\"data\":" + k_conn2 + "}");
  REQUIRE(c);
  CHECK(c->identifier == "c2");
  CHECK(c->workspace.name == "two");
  CHECK_FALSE(c->channel.has_value());  // replaced whole, not merged
  CHECK(c->context_keys.empty());
  // With other members beside and between them (ignored).
  c = novu::decode_channel_connection("{\"data\":" + k_conn2 + ",\"x\":1,\"identifier\":\"no\",\"data\":" + k_conn +
                                      "}");
  REQUIRE(c);
  CHECK(c->identifier == "c1");
  CHECK(c->context_keys == std::vector<std::string>{"tenant:a"});
  // Into a value that holds other data: the same result.
  novu::channel_connection into = test_support::dirty_connection();
  REQUIRE(novu::decode_channel_connection_into("{\"data\":" + k_conn + ",\"data\":" + k_conn2 + "}", into));
  CHECK(novu::encode_json(into).value() == novu::encode_json(novu::decode_channel_connection(k_conn2).value()).value());
  // The last one must itself be valid: an earlier valid one does not rescue it.
  c = novu::decode_channel_connection("{\"data\":" + k_conn + ",\"data\":null}");
  REQUIRE_FALSE(c);
  CHECK(c.error().location == "/data");
  c = novu::decode_channel_connection("{\"data\":" + k_conn + ",\"data\":{\"identifier\":\"x\"}}");
  REQUIRE_FALSE(c);
  CHECK(c.error().location == "/data/channel");
  // A data member after entity fields is still an unknown member of a bare entity.
  std::string bare = k_conn;
  bare.insert(bare.size() - 1, ",\"data\":" + k_conn2);
  c = novu::decode_channel_connection(bare);
  REQUIRE(c);
  CHECK(c->identifier == "c1");
  // A list page: the last data array wins, whole, in both decoders.
  const std::string page = "{\"data\":[" + k_conn + "],\"data\":[" + k_conn2 + "," + k_conn + "]" + k_page_tail;
  auto p = novu::decode_channel_connection_page(page);
  REQUIRE(p);
  REQUIRE(p->data.size() == 2);
  CHECK(p->data[0].identifier == "c2");
  CHECK(p->data[1].identifier == "c1");
  novu::channel_connection_page reused = test_support::dirty_page(3);
  REQUIRE(novu::decode_channel_connection_page_into(page, reused));
  CHECK(novu::encode_json(reused).value() == novu::encode_json(*p).value());
}

TEST_CASE("repeated map keys (errors, context): the last one wins, in the first one's place") {
  auto v = novu::decode_validation_error(
      R"({"statusCode":422,"timestamp":"t","path":"/p","errors":{"f":{"messages":["old"]},"g":{"messages":["g"]},)"
      R"("f":{"messages":["new"],"value":1}}})");
  REQUIRE(v);
  REQUIRE(v->errors);
  REQUIRE(v->errors->size() == 2);
  CHECK((*v->errors)[0].field == "f");
  CHECK((*v->errors)[0].messages == std::vector<std::string>{"new"});
  CHECK((*v->errors)[0].value.has_value());
  CHECK((*v->errors)[1].field == "g");
  auto c = novu::connections::decode_create_request(
      R"({"integrationIdentifier":"i","workspace":{"id":"w"},"auth":{"accessToken":"t"},)"
      R"("context":{"a":{"id":"1","data":{"k":1}},"b":"2","a":"3","c":"4","b":{"id":"5"}}})");
  REQUIRE(c);
  REQUIRE(c->context);
  REQUIRE(c->context->size() == 3);
  CHECK((*c->context)[0].type == "a");
  CHECK((*c->context)[0].id == "3");
  CHECK_FALSE((*c->context)[0].data.has_value());
  CHECK((*c->context)[1].type == "b");
  CHECK((*c->context)[1].id == "5");
  CHECK((*c->context)[2].type == "c");
  CHECK(novu::encode_json(*c).has_value());  // what decodes also encodes
}

TEST_CASE("many map keys decode in O(n log n): 90,000 context types, repeated types, errors entries") {
  std::string body = R"({"integrationIdentifier":"i","workspace":{"id":"w"},"auth":{"accessToken":"t"},"context":{)";
  for (int i = 0; i < 90000; ++i) {
    body += (i == 0 ? "\"" : ",\"") + std::to_string(i % 60000) + "\":\"" + std::to_string(i) + "\"";
  }
  body += "}}";
  auto c = novu::connections::decode_create_request(body);
  REQUIRE(c);
  REQUIRE(c->context->size() == 60000);
  bool in_order = true;  // each type in its first place, with its last id
  for (int k = 0; k < 60000; ++k) {
    const novu::context_entry& e = (*c->context)[static_cast<std::size_t>(k)];
    in_order = in_order && e.type == std::to_string(k) && e.id == std::to_string(k < 30000 ? k + 60000 : k);
  }
  CHECK(in_order);
  // One type repeated 99,000 times: merged as the map grows, one entry in the end.
  std::string repeated =
      R"({"integrationIdentifier":"i","workspace":{"id":"w"},"auth":{"accessToken":"t"},"context":{)";
  for (int i = 0; i < 99000; ++i) repeated += (i == 0 ? "\"t\":\"" : ",\"t\":\"") + std::to_string(i) + "\"";
  repeated += ",\"u\":\"last\"}}";
  c = novu::connections::decode_create_request(repeated);
  REQUIRE(c);
  REQUIRE(c->context->size() == 2);
  CHECK((*c->context)[0].id == "98999");
  CHECK((*c->context)[1].id == "last");
  std::string errors = R"({"statusCode":422,"timestamp":"t","path":"/p","errors":{)";
  for (int i = 0; i < 45000; ++i) errors += (i == 0 ? "\"" : ",\"") + std::to_string(i) + "\":{\"messages\":[]}";
  errors += "}}";
  auto v = novu::decode_validation_error(errors);
  REQUIRE(v);
  CHECK(v->errors->size() == 45000);
}

TEST_CASE("integer fields take only integers as written: no fraction, no exponent, within int64") {
  auto page_with = [](const std::string& count) {
    return novu::decode_channel_connection_page("{\"data\":[],\"next\":null,\"previous\":null,\"totalCount\":" + count +
                                                ",\"totalCountCapped\":false}");
  };
  for (const char* written : {"1.0", "1e2", "1E2", "1e-400", "1e16", "0e0", "-0.0", "1.5", "1.0e0", "1e308"}) {
    CAPTURE(written);
    auto p = page_with(written);
    REQUIRE_FALSE(p);
    CHECK(p.error().kind == novu::error_kind::decode);
    CHECK(p.error().location == "/totalCount");
    CHECK(p.error().message == "/totalCount: expected an integer, found a number with a fraction or exponent");
  }
  for (const char* written :
       {"9223372036854775808", "-9223372036854775809", "18446744073709551616", "99999999999999999999999"}) {
    CAPTURE(written);
    auto p = page_with(written);
    REQUIRE_FALSE(p);
    CHECK(p.error().message == "/totalCount: integer out of range");
  }
  for (const char* written : {"1e400", "-1e400"}) {  // beyond double: nlohmann's lexer refuses them
    CAPTURE(written);
    auto p = page_with(written);
    REQUIRE_FALSE(p);
    CHECK(p.error().kind == novu::error_kind::decode);
    CHECK(p.error().location == "/totalCount");
  }
  CHECK(page_with("-0").value().total_count == 0);
  CHECK(page_with("9223372036854775807").value().total_count == std::numeric_limits<std::int64_t>::max());
  CHECK(page_with("-9223372036854775808").value().total_count == std::numeric_limits<std::int64_t>::min());
  // statusCode, the other integer field, in both error decoders.
  auto e = novu::decode_api_error(R"({"statusCode":404.0,"timestamp":"t","path":"/p"})");
  REQUIRE_FALSE(e);
  CHECK(e.error().location == "/statusCode");
  CHECK(e.error().message == "/statusCode: expected an integer, found a number with a fraction or exponent");
  e = novu::decode_validation_error(R"({"statusCode":4.22e2,"timestamp":"t","path":"/p","errors":{}})");
  REQUIRE_FALSE(e);
  CHECK(e.error().location == "/statusCode");
  // Numbers elsewhere (captured any-JSON values) are kept as they are.
  auto m = novu::decode_api_error(R"({"statusCode":404,"timestamp":"t","path":"/p","message":1.0,"ctx":{"n":1e2}})");
  REQUIRE(m);
  CHECK(m->message->text == "1.0");
  CHECK(m->ctx->text == "{\"n\":100.0}");
}

TEST_CASE("server_url: user information, backslashes, bad hosts and bad ports are refused") {
  novu::client_config config;
  config.secret_key = "sk_test";
  for (const char* url : {"https://api.novu.co\\@evil.com",
                          "https://api.novu.co\\",
                          "https://api.novu.co/a\\b",
                          "https://@",
                          "https://@api.novu.co",
                          "https://user:pw@api.novu.co",
                          "https://api.novu.co@evil.com/",
                          "https://api.novu.co:",
                          "https://api.novu.co:http",
                          "https://api.novu.co:99999",
                          "https://api.novu.co:65536",
                          "https://api.novu.co:0",
                          "https://api.novu.co:-1",
                          "https://api.novu.co:+80",
                          "https://api.novu.co:443:443",
                          "https://api.novu.co:123456",
                          "https://:443",
                          "https://",
                          "https:///path",
                          "https://api_novu.co",
                          "https://api.novu.co%2F",
                          "https://api.novu.co,evil.com",
                          "https://[]",
                          "https://[::1",
                          "https://[::1]x",
                          "https://[::1]:",
                          "https://[::g]",
                          "https://[v1.fe80::a+en1]",
                          "https://[::1]:70000",
                          "https://a.b;c",
                          "https://a!b",
                          "https://a$b",
                          "https://ap'i",
                          "https://a(b)",
                          "https://a*b",
                          "https://a=b",
                          "https://a~b"}) {
    CAPTURE(url);
    config.server_url = url;
    const novu::result<novu::http_request> r = novu::connections::build_retrieve_request(config, "c1");
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == novu::error_kind::invalid_argument);
    CHECK(r.error().location == "server_url");
    CHECK(r.error().message.rfind("server_url ", 0) == 0);
  }
  struct accepted {
    const char* url;
    const char* request_url;
  };
  for (const accepted& a :
       {accepted{"https://api.novu.co", "https://api.novu.co/v1/channel-connections/c1"},
        accepted{"https://eu.api.novu.co/", "https://eu.api.novu.co/v1/channel-connections/c1"},
        accepted{"http://127.0.0.1:4010", "http://127.0.0.1:4010/v1/channel-connections/c1"},
        accepted{"http://localhost:8080/proxy/novu", "http://localhost:8080/proxy/novu/v1/channel-connections/c1"},
        accepted{"http://localhost:1", "http://localhost:1/v1/channel-connections/c1"},
        accepted{"http://localhost:65535//", "http://localhost:65535/v1/channel-connections/c1"},
        accepted{"http://[::1]:8080", "http://[::1]:8080/v1/channel-connections/c1"},
        accepted{"http://[2001:db8::7]", "http://[2001:db8::7]/v1/channel-connections/c1"},
        accepted{"http://[::ffff:192.0.2.1]/p", "http://[::ffff:192.0.2.1]/p/v1/channel-connections/c1"},
        accepted{"https://API.Novu.co.", "https://API.Novu.co./v1/channel-connections/c1"},
        accepted{"https://my-host/@novu", "https://my-host/@novu/v1/channel-connections/c1"}}) {
    CAPTURE(a.url);
    config.server_url = a.url;
    const novu::result<novu::http_request> r = novu::connections::build_retrieve_request(config, "c1");
    REQUIRE(r);
    CHECK(r->url == a.request_url);
  }
}

TEST_CASE("context_keys: an empty key is refused; the engaged empty vector still sends contextKeys=") {
  novu::client_config config;
  config.secret_key = "sk_test";
  novu::list_channel_connections_params p;
  p.context_keys.emplace();
  auto r = novu::connections::build_list_request(config, p);
  REQUIRE(r);
  CHECK(r->path == "/v1/channel-connections?contextKeys=");
  p.context_keys = std::vector<std::string>{""};
  r = novu::connections::build_list_request(config, p);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == novu::error_kind::invalid_argument);
  CHECK(r.error().location == "contextKeys[0]");
  CHECK(r.error().message.find("contextKeys[0] is empty") == 0);
  p.context_keys = std::vector<std::string>{"tenant:a", "tenant:b", ""};
  r = novu::connections::build_list_request(config, p);
  REQUIRE_FALSE(r);
  CHECK(r.error().location == "contextKeys[2]");
  p.context_keys = std::vector<std::string>{"tenant:a", "tenant:\xFF"};
  r = novu::connections::build_list_request(config, p);
  REQUIRE_FALSE(r);
  CHECK(r.error().location == "contextKeys[1]");
  CHECK(r.error().message == "contextKeys[1] is not valid UTF-8");
  p.context_keys = std::vector<std::string>{"tenant:a", "tenant:b"};
  r = novu::connections::build_list_request(config, p);
  REQUIRE(r);
  CHECK(r->path == "/v1/channel-connections?contextKeys=tenant%3Aa&contextKeys=tenant%3Ab");
}

// ---------------------------------------------------------------------------------------------
// Class 9: decode_limits::max_elements
// ---------------------------------------------------------------------------------------------

TEST_CASE("max_elements counts every array element and object member, at every level") {
  // {"data": conn} with k context keys: 1 (data) + 10 members + 1 (workspace.id) + 1
  // (auth.accessToken) + k elements.
  std::string body =
      "{\"data\":{\"identifier\":\"c\",\"channel\":null,\"providerId\":null,\"integrationIdentifier\":null,"
      "\"subscriberId\":null,\"contextKeys\":[\"a\",\"b\",\"c\"],\"workspace\":{\"id\":\"w\"},"
      "\"auth\":{\"accessToken\":\"t\"},\"createdAt\":\"x\",\"updatedAt\":\"y\"}}";
  novu::decode_limits limits;
  limits.max_elements = 16;
  CHECK(novu::decode_channel_connection(body, limits).has_value());
  limits.max_elements = 15;
  auto c = novu::decode_channel_connection(body, limits);
  REQUIRE_FALSE(c);
  CHECK(c.error().kind == novu::error_kind::limit_exceeded);
  CHECK(c.error().location == "/data/updatedAt");
  CHECK(c.error().message.find("more than 15 array elements and object members") == 0);
  limits.max_elements = 9;
  c = novu::decode_channel_connection(body, limits);
  REQUIRE_FALSE(c);
  CHECK(c.error().location == "/data/contextKeys/2");
  // Unknown members and captured values count too.
  limits.max_elements = 4;
  CHECK(novu::parse_any_json("{\"a\":[1,2],\"b\":{}}", limits).has_value());
  auto any = novu::parse_any_json("{\"a\":[1,2],\"b\":{\"c\":0}}", limits);
  REQUIRE_FALSE(any);
  CHECK(any.error().kind == novu::error_kind::limit_exceeded);
  limits.max_elements = 3;
  auto e = novu::decode_api_error(R"({"statusCode":404,"timestamp":"t","path":"/p","x":[1]})", limits);
  REQUIRE_FALSE(e);
  CHECK(e.error().kind == novu::error_kind::limit_exceeded);
  limits.max_elements = 0;  // the root value alone
  CHECK(novu::parse_any_json("[]", limits).has_value());
  CHECK_FALSE(novu::parse_any_json("[0]", limits).has_value());
  // Through a response parser: limit_exceeded, with the response kept.
  limits.max_elements = 5;
  auto r = novu::connections::parse_retrieve_response({200, {}, body}, limits);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == novu::error_kind::limit_exceeded);
  CHECK(r.error().status == 200);
}

TEST_CASE("max_elements: the default is far above a page of 100 connections and below a hostile body") {
  const novu::decode_limits defaults;
  CHECK(defaults.max_elements == 100000);
  std::string page = "{\"data\":[";
  for (int i = 0; i < 100; ++i) {
    std::string conn = k_conn;
    std::string keys;
    for (int k = 0; k < 20; ++k) keys += (k == 0 ? "\"tenant:" : ",\"tenant:") + std::to_string(k) + "\"";
    conn.replace(conn.find("\"tenant:a\""), 10, keys);
    page += (i == 0 ? "" : ",") + conn;
  }
  page += "]" + k_page_tail;
  auto p = novu::decode_channel_connection_page(page);
  REQUIRE(p);
  CHECK(p->data.size() == 100);
  // 2.8 million empty strings (8 MiB) are refused at the 100,001st element.
  std::string hostile = "{\"data\":" + k_conn.substr(0, k_conn.size() - 1) + ",\"contextKeys\":[\"\"";
  hostile.reserve(8u * 1024u * 1024u);
  while (hostile.size() + 8 < 8u * 1024u * 1024u) hostile += ",\"\"";
  hostile += "]}}";
  auto c = novu::decode_channel_connection(hostile);
  REQUIRE_FALSE(c);
  CHECK(c.error().kind == novu::error_kind::limit_exceeded);
  CHECK(c.error().location == "/data/contextKeys/99985");
}

TEST_CASE("encoding vets any_json with the default limits, max_elements included") {
  std::string big = "[";
  for (int i = 0; i <= 100000; ++i) big += i == 0 ? "0" : ",0";
  big += "]";
  novu::api_error body;
  body.status_code = 400;
  body.message = novu::any_json::from_text(novu::json_type::array, big);
  const novu::result<std::string> encoded = novu::encode_json(body);
  REQUIRE_FALSE(encoded);
  CHECK(encoded.error().kind == novu::error_kind::limit_exceeded);
  CHECK(encoded.error().location == "/message");
  body.message = novu::any_json::from_text(novu::json_type::array, big.substr(0, big.size() - 3) + "]");
  CHECK(novu::encode_json(body).has_value());
}
