// Shared helpers of the unit tests: fixture files, a deterministic environment for retries.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "sample_values.hpp"
#include "novu/core/async.hpp"
#include "novu/novu.hpp"

#ifndef NOVU_CC_TEST_DATA_DIR
#error "NOVU_CC_TEST_DATA_DIR must name the tests/data folder"
#endif

namespace test_support {

// Whole contents of tests/data/<name>.
inline std::string read_data_file(const std::string& name) {
  std::ifstream in(std::string(NOVU_CC_TEST_DATA_DIR) + "/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Vectors keep their key order, so bodies re-serialize as they were recorded.
using ordered = nlohmann::ordered_json;

// The recorded SDK vectors, parsed without exceptions.
inline const ordered& sdk_vectors() {
  static const ordered vectors = ordered::parse(read_data_file("sdk-vectors.json"), nullptr, false);
  return vectors;
}

// The vector called `name` (null when missing).
inline const ordered& sdk_vector(const std::string& name) {
  static const ordered missing;
  for (const ordered& v : sdk_vectors()) {
    if (v.value("name", "") == name) return v;
  }
  return missing;
}

// The JavaScript PRNG the vectors were recorded with (Math.random = mulberry32(12345)).
class mulberry32 {
 public:
  explicit mulberry32(std::uint32_t seed) : state_(seed) {}
  double next() {
    state_ += 0x6D2B79F5u;
    std::uint32_t t = (state_ ^ (state_ >> 15)) * (1u | state_);
    t = (t + ((t ^ (t >> 7)) * (61u | t))) ^ t;
    return static_cast<double>(t ^ (t >> 14)) / 4294967296.0;
  }

 private:
  std::uint32_t state_;
};

// Clock, sleep and randomness under test control: sleeping advances the clock instantly and
// is recorded; random samples come from a fixed list (then 0); random_bits (idempotency keys)
// from a fixed sequence, so equal states give equal keys.
struct fake_environment {
  struct state {
    std::uint64_t now_ms = 0;
    std::int64_t unix_ms = 1767225600000;  // 2026-01-01T00:00:00Z
    std::vector<std::uint32_t> sleeps;
    std::vector<double> randoms;
    std::size_t next_random = 0;
    std::uint64_t key_bits = 0;  // splitmix64 state of random_bits
  };
  state* s;

  std::uint64_t monotonic_ms() const { return s->now_ms; }
  std::int64_t unix_ms() const { return s->unix_ms + static_cast<std::int64_t>(s->now_ms); }
  void sleep_ms(std::uint32_t ms) const {
    s->sleeps.push_back(ms);
    s->now_ms += ms;
  }
  double random_unit() const { return s->next_random < s->randoms.size() ? s->randoms[s->next_random++] : 0.0; }
  std::uint64_t random_bits() const {  // splitmix64
    std::uint64_t z = (s->key_bits += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
  }
};

// A response from a vector's recorded response object, replayed as the vector holds it: its
// headers as recorded; a string body as that text, byte for byte (the 429's `API rate limit
// exceeded` is plain text, not a JSON string); null as no body; any other body as its compact JSON. A JSON
// content type is added only for a JSON body whose vector names no content type.
inline novu::http_response response_from_vector(const ordered& recorded) {
  novu::http_response r;
  r.status = recorded.value("status", 0);
  bool named_type = false;
  if (recorded.contains("headers")) {
    for (const auto& h : recorded["headers"].items()) {
      r.headers.push_back({h.key(), h.value().get<std::string>()});
      named_type = named_type || novu::header_name_equals(h.key(), "content-type");
    }
  }
  if (recorded.contains("body")) {
    const ordered& body = recorded["body"];
    if (body.is_string()) {
      r.body = body.get<std::string>();
    } else if (!body.is_null()) {  // null: no body (a 204)
      r.body = body.dump();
      if (!named_type) r.headers.insert(r.headers.begin(), {"content-type", "application/json; charset=utf-8"});
    }
  }
  return r;
}

// A vector's recorded responses in order: its one response, or each of a retry case's.
inline std::vector<novu::http_response> responses_from_vector(const ordered& vector) {
  std::vector<novu::http_response> responses;
  if (vector["response"].is_array()) {
    for (const ordered& r : vector["response"]) responses.push_back(response_from_vector(r));
  } else {
    responses.push_back(response_from_vector(vector["response"]));
  }
  return responses;
}

// The random sequence of a replay: the SDK drew one Math.random() (mulberry32(12345)) for its
// idempotency key before any retry jitter; the next eight are the jitter the client may ask for.
inline void seed_like_the_sdk(fake_environment::state& env) {
  mulberry32 random(12345);
  random.next();
  for (int i = 0; i < 8; ++i) env.randoms.push_back(random.next());
}

// A transport, sync or async (completing at once), that plays recorded responses in order and
// records every attempt; an attempt beyond them is a transport error.
struct scripted_transport {
  std::vector<novu::http_response>* responses;  ///< answers, in order
  std::vector<novu::http_request>* sent;        ///< every attempt
  novu::transport_result operator()(const novu::http_request& request) const {
    sent->push_back(request);
    if (sent->size() > responses->size()) {
      return novu::make_error(novu::error_kind::transport, "more attempts than the vector recorded");
    }
    return (*responses)[sent->size() - 1];
  }
  void operator()(novu::http_request request, novu::transport_callback done) const { done((*this)(request)); }
};

// Order-insensitive JSON equality of two documents given as text or DOM.
// The list parameters a vector's input stands for, for either resource: the filters both
// have, plus connectionMode (connections) or connectionIdentifier (endpoints).
template <class Params>
Params list_params_from(const ordered& input) {
  Params p;
  if (input.contains("after")) p.after = input["after"].get<std::string>();
  if (input.contains("before")) p.before = input["before"].get<std::string>();
  if (input.contains("limit")) p.limit = input["limit"].get<int>();
  if (input.contains("orderDirection")) {
    p.order_direction =
        input["orderDirection"] == "DESC" ? novu::order_direction::descending : novu::order_direction::ascending;
  }
  if (input.contains("orderBy")) {
    p.order_by = input["orderBy"] == "updatedAt" ? novu::order_by::updated_at : novu::order_by::created_at;
  }
  if (input.contains("includeCursor")) p.include_cursor = input["includeCursor"].get<bool>();
  if (input.contains("subscriberId")) p.subscriber_id = input["subscriberId"].get<std::string>();
  if (input.contains("channel")) p.channel = novu::channel_type(input["channel"].get<std::string>());
  if (input.contains("providerId")) p.provider_id = novu::provider_id(input["providerId"].get<std::string>());
  if (input.contains("integrationIdentifier"))
    p.integration_identifier = input["integrationIdentifier"].get<std::string>();
  if (input.contains("contextKeys")) p.context_keys = input["contextKeys"].get<std::vector<std::string>>();
  if constexpr (std::is_same_v<Params, novu::list_channel_connections_params>) {
    if (input.contains("connectionMode")) {
      p.connection_mode =
          input["connectionMode"] == "shared" ? novu::connection_mode::shared : novu::connection_mode::subscriber;
    }
  } else {
    if (input.contains("connectionIdentifier"))
      p.connection_identifier = input["connectionIdentifier"].get<std::string>();
  }
  return p;
}

inline nlohmann::json canonical(const std::string& text) { return nlohmann::json::parse(text, nullptr, false); }
inline nlohmann::json canonical(const ordered& dom) { return nlohmann::json::parse(dom.dump(), nullptr, false); }

// Frame addresses seen, to check that long chains of attempts or pages do not grow the stack.
struct stack_probe {
  std::uintptr_t low = ~std::uintptr_t{0};
  std::uintptr_t high = 0;
  void sample() {
#if defined(__GNUC__) || defined(__clang__)
    const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    if (here < low) low = here;
    if (here > high) high = here;
#endif
  }
  std::uintptr_t spread() const { return high >= low ? high - low : 0; }
};

}  // namespace test_support
