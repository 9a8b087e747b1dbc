// Benchmarks of the library against nlohmann/json's own floor, with a counting allocator.
//
//   novu_bench --data=DIR [--heap-out=FILE] [google benchmark flags]
//
// DIR holds the bodies written by tools/make_fixtures.mjs. Each benchmark reports CPU time per
// operation and, as a counter, heap allocations per operation. Before the
// timed runs, one untimed run of each decoder records the peak heap and the heap the result
// holds, and the allocation budget of the decoded result (one allocation per string longer
// than the small-string buffer, one per non-empty array); these go to FILE as JSON.
// SPDX-License-Identifier: MIT
#include <benchmark/benchmark.h>

#include <cstdint>    // uint64_t
#include <cstdio>     // fopen, fprintf
#include <cstring>    // strncmp
#include <fstream>    // ifstream
#include <sstream>    // ostringstream
#include <stdexcept>  // runtime_error
#include <string>     // string
#include <utility>    // move

#include "alloc_counter.hpp"
#include "dom_baseline.hpp"
#include "novu/novu.hpp"
#include "null_sax.hpp"

namespace {

struct fixtures {
  std::string single;        // enveloped channel connection (vector update_seed's response body)
  std::string list100;       // list page of 100 connections
  std::string endpoints100;  // list page of 100 channel endpoints of mixed types
};

fixtures& data() {
  static fixtures f;
  return f;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

novu::client_config bench_config() {
  novu::client_config config;
  config.secret_key = "sk_test_123";
  config.server_url = "http://127.0.0.1:9";
  return config;
}

// The update of vector update_seed.
novu::update_channel_connection_request seed_body() {
  novu::update_channel_connection_request body;
  body.workspace.id = "T123456";
  body.workspace.name = "Acme HQ";
  body.auth.access_token = "Workspace access token";
  return body;
}

novu::http_response canned(const std::string& body) {
  novu::http_response r;
  r.status = 200;
  r.headers = {{"content-type", "application/json; charset=utf-8"},
               {"ratelimit-limit", "100"},
               {"ratelimit-remaining", "99"},
               {"ratelimit-reset", "1"}};
  r.body = body;
  return r;
}

// Adds allocation counters to a finished benchmark.
struct alloc_scope {
  benchmark::State& state;
  std::uint64_t allocations = bench::heap().allocations;
  ~alloc_scope() {
    const double n = static_cast<double>(state.iterations());
    state.counters["allocs"] = static_cast<double>(bench::heap().allocations - allocations) / n;
  }
};

// ---- nlohmann's floor: sax_parse with a handler that does nothing ----
void sax_floor(benchmark::State& state, const std::string& body) {
  alloc_scope scope{state};
  for (auto _ : state) {
    bench::null_sax handler;
    bool ok = nlohmann::json::sax_parse(body.data(), body.data() + body.size(), &handler);
    benchmark::DoNotOptimize(ok);
  }
}

void dom_parse(benchmark::State& state, const std::string& body) {
  alloc_scope scope{state};
  for (auto _ : state) {
    nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
    benchmark::DoNotOptimize(doc);
  }
}

// ---- decoding ----
void BM_decode_single_sax_floor(benchmark::State& state) { sax_floor(state, data().single); }
void BM_decode_single_dom_parse(benchmark::State& state) { dom_parse(state, data().single); }
void BM_decode_single_dom_extract(benchmark::State& state) {
  alloc_scope scope{state};
  for (auto _ : state) {
    auto c = bench::dom_decode_connection(data().single);
    if (!c) state.SkipWithError("DOM decode failed");
    benchmark::DoNotOptimize(c);
  }
}
void BM_decode_single_novu(benchmark::State& state) {
  alloc_scope scope{state};
  for (auto _ : state) {
    auto c = novu::decode_channel_connection(data().single);
    if (!c) state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(c);
  }
}

// Decoding body after body into one value (decode_channel_connection_into): its strings and
// lists are reused, so in steady state nothing is allocated for the result.
void BM_decode_single_novu_into(benchmark::State& state) {
  novu::channel_connection c;
  if (!novu::decode_channel_connection_into(data().single, c)) state.SkipWithError("decode failed");
  alloc_scope scope{state};
  for (auto _ : state) {
    if (!novu::decode_channel_connection_into(data().single, c)) state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(c);
  }
}

void BM_decode_list100_sax_floor(benchmark::State& state) { sax_floor(state, data().list100); }

// A page of 100 endpoints of mixed types, a third of them with the tag after the payload.
void BM_decode_endpoints100_sax_floor(benchmark::State& state) { sax_floor(state, data().endpoints100); }
void BM_decode_endpoints100_novu(benchmark::State& state) {
  alloc_scope scope{state};
  for (auto _ : state) {
    auto p = novu::decode_channel_endpoint_page(data().endpoints100);
    if (!p) state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(p);
  }
}
void BM_decode_list100_dom_parse(benchmark::State& state) { dom_parse(state, data().list100); }
void BM_decode_list100_dom_extract(benchmark::State& state) {
  alloc_scope scope{state};
  for (auto _ : state) {
    auto p = bench::dom_decode_page(data().list100);
    if (!p) state.SkipWithError("DOM decode failed");
    benchmark::DoNotOptimize(p);
  }
}
void BM_decode_list100_novu(benchmark::State& state) {
  alloc_scope scope{state};
  for (auto _ : state) {
    auto p = novu::decode_channel_connection_page(data().list100);
    if (!p) state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(p);
  }
}
void BM_decode_list100_novu_into(benchmark::State& state) {
  novu::channel_connection_page p;
  if (!novu::decode_channel_connection_page_into(data().list100, p)) state.SkipWithError("decode failed");
  alloc_scope scope{state};
  for (auto _ : state) {
    if (!novu::decode_channel_connection_page_into(data().list100, p)) state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(p);
  }
}

// ---- building the update request ----
void BM_build_update_novu(benchmark::State& state) {
  const novu::client_config config = bench_config();
  const novu::update_channel_connection_request body = seed_body();
  alloc_scope scope{state};
  for (auto _ : state) {
    auto request = novu::connections::build_update_request(config, "<value>", body);
    if (!request) state.SkipWithError("build failed");
    benchmark::DoNotOptimize(request);
  }
}
void BM_build_update_body_nlohmann_ordered_dump(benchmark::State& state) {
  const novu::update_channel_connection_request body = seed_body();
  alloc_scope scope{state};
  for (auto _ : state) {
    std::string text = bench::dom_update_body<nlohmann::ordered_json>(body);
    benchmark::DoNotOptimize(text);
  }
}
void BM_build_update_body_nlohmann_dump(benchmark::State& state) {
  const novu::update_channel_connection_request body = seed_body();
  alloc_scope scope{state};
  for (auto _ : state) {
    std::string text = bench::dom_update_body<nlohmann::json>(body);
    benchmark::DoNotOptimize(text);
  }
}

// ---- whole client calls over an in-memory transport ----
void BM_client_update_novu(benchmark::State& state) {
  const novu::http_response answer = canned(data().single);
  auto transport = [&answer](const novu::http_request&) { return answer; };
  novu::client<decltype(transport)> client(bench_config(), transport);
  const novu::update_channel_connection_request body = seed_body();
  alloc_scope scope{state};
  for (auto _ : state) {
    auto updated = client.update("<value>", body);
    if (!updated) state.SkipWithError("update failed");
    benchmark::DoNotOptimize(updated);
  }
}
void BM_client_list100_novu(benchmark::State& state) {
  const novu::http_response answer = canned(data().list100);
  auto transport = [&answer](const novu::http_request&) { return answer; };
  novu::client<decltype(transport)> client(bench_config(), transport);
  novu::list_channel_connections_params params;
  params.limit = 100;
  alloc_scope scope{state};
  for (auto _ : state) {
    auto page = client.list(params);
    if (!page) state.SkipWithError("list failed");
    benchmark::DoNotOptimize(page);
  }
}

// A plain DOM-based client, for reference: URL and headers by hand, body through a DOM.
novu::http_request dom_request(const char* method, std::string path, std::string body) {
  novu::http_request r;
  r.method = method;
  r.path = std::move(path);
  r.url = "http://127.0.0.1:9" + r.path;
  r.headers = {{"Authorization", "ApiKey sk_test_123"},
               {"Accept", "application/json"},
               {"idempotency-key", novu::generate_idempotency_key()},
               {"User-Agent", std::string(novu::default_user_agent)}};
  if (!body.empty()) r.headers.push_back({"Content-Type", "application/json"});
  r.body = std::move(body);
  return r;
}
void BM_client_update_dom_reference(benchmark::State& state) {
  const novu::http_response answer = canned(data().single);
  auto transport = [&answer](const novu::http_request&) { return answer; };
  const novu::update_channel_connection_request body = seed_body();
  alloc_scope scope{state};
  for (auto _ : state) {
    novu::http_request request = dom_request("PATCH", "/v1/channel-connections/" + novu::encode_path_segment("<value>"),
                                             bench::dom_update_body<nlohmann::ordered_json>(body));
    novu::http_response response = transport(request);
    auto c = bench::dom_decode_connection(response.body);
    benchmark::DoNotOptimize(c);
  }
}
void BM_client_list100_dom_reference(benchmark::State& state) {
  const novu::http_response answer = canned(data().list100);
  auto transport = [&answer](const novu::http_request&) { return answer; };
  alloc_scope scope{state};
  for (auto _ : state) {
    novu::http_request request = dom_request("GET", "/v1/channel-connections?limit=100", {});
    novu::http_response response = transport(request);
    auto p = bench::dom_decode_page(response.body);
    benchmark::DoNotOptimize(p);
  }
}

// ---- untimed heap probe ----
bool long_string(const std::string& s) { return s.size() > std::string().capacity(); }
bool long_string(const std::optional<std::string>& s) { return s && long_string(*s); }
template <class E>
bool long_string(const std::optional<E>& e) {
  return e && long_string(e->value());
}

// Allocations a decoder cannot avoid for `c`: its long strings and its non-empty arrays.
std::size_t alloc_budget(const novu::channel_connection& c) {
  std::size_t n = 0;
  n += long_string(c.identifier) + long_string(c.channel) + long_string(c.provider_id) +
       long_string(c.integration_identifier) + long_string(c.subscriber_id) + long_string(c.workspace.id) +
       long_string(c.workspace.name) + long_string(c.workspace.bot_user_id) + long_string(c.auth.access_token) +
       long_string(c.auth.refresh_token) + long_string(c.auth.expires_at) +
       long_string(c.auth.refresh_token_expires_at) + long_string(c.created_at) + long_string(c.updated_at);
  n += !c.context_keys.empty();
  for (const std::string& k : c.context_keys) n += long_string(k);
  return n;
}
std::size_t alloc_budget(const novu::channel_connection_page& p) {
  std::size_t n = !p.data.empty();
  for (const auto& c : p.data) n += alloc_budget(c);
  return n + long_string(p.next) + long_string(p.previous);
}

struct heap_probe {
  std::uint64_t peak = 0;         // most bytes held at once during the call, result included
  std::uint64_t held = 0;         // bytes the result holds afterwards
  std::uint64_t allocations = 0;  // allocations during the call
  std::size_t budget = 0;         // alloc_budget of the result
};

template <class Decode>
heap_probe probe(Decode decode) {
  heap_probe p;
  const std::uint64_t before = bench::heap().live_bytes;
  const std::uint64_t allocations = bench::heap().allocations;
  bench::reset_peak();
  {
    auto result = decode();
    p.held = bench::heap().live_bytes - before;
    p.peak = bench::heap().peak_bytes - before;
    p.allocations = bench::heap().allocations - allocations;
    if (result) p.budget = alloc_budget(*result);
  }
  return p;
}

void write_probe(std::FILE* out, const char* name, const heap_probe& p, bool last = false) {
  std::fprintf(out,
               "  \"%s\": {\"peak_bytes\": %llu, \"held_bytes\": %llu, \"allocs\": %llu, \"alloc_budget\": %zu}%s\n",
               name, static_cast<unsigned long long>(p.peak), static_cast<unsigned long long>(p.held),
               static_cast<unsigned long long>(p.allocations), p.budget, last ? "" : ",");
}

void run_heap_probe(const std::string& path) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) throw std::runtime_error("cannot write " + path);
  const std::string& single = data().single;
  const std::string& list = data().list100;
  // Warm up once so that lazily created statics do not count.
  (void)novu::decode_channel_connection(single);
  (void)novu::decode_channel_connection_page(list);
  std::fprintf(out, "{\n");
  write_probe(out, "decode_single_novu", probe([&] { return novu::decode_channel_connection(single); }));
  write_probe(out, "decode_single_dom_extract", probe([&] { return bench::dom_decode_connection(single); }));
  write_probe(out, "decode_list100_novu", probe([&] { return novu::decode_channel_connection_page(list); }));
  write_probe(out, "decode_list100_dom_extract", probe([&] { return bench::dom_decode_page(list); }));
  write_probe(out, "decode_list100_dom_parse_only", probe([&] {
                std::optional<nlohmann::json> doc = nlohmann::json::parse(list, nullptr, false);
                return std::optional<novu::channel_connection_page>();
              }),
              true);
  std::fprintf(out, "}\n");
  std::fclose(out);
}

}  // namespace

BENCHMARK(BM_build_update_novu);
BENCHMARK(BM_build_update_body_nlohmann_ordered_dump);
BENCHMARK(BM_build_update_body_nlohmann_dump);
BENCHMARK(BM_decode_single_novu);
BENCHMARK(BM_decode_single_novu_into);
BENCHMARK(BM_decode_single_sax_floor);
BENCHMARK(BM_decode_single_dom_parse);
BENCHMARK(BM_decode_single_dom_extract);
BENCHMARK(BM_decode_list100_novu);
BENCHMARK(BM_decode_list100_novu_into);
BENCHMARK(BM_decode_list100_sax_floor);
BENCHMARK(BM_decode_list100_dom_parse);
BENCHMARK(BM_decode_list100_dom_extract);
BENCHMARK(BM_decode_endpoints100_novu);
BENCHMARK(BM_decode_endpoints100_sax_floor);
BENCHMARK(BM_client_update_novu);
BENCHMARK(BM_client_update_dom_reference);
BENCHMARK(BM_client_list100_novu);
BENCHMARK(BM_client_list100_dom_reference);

int main(int argc, char** argv) {
  std::string dir;
  std::string heap_out;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--data=", 7) == 0) {
      dir = argv[i] + 7;
    } else if (std::strncmp(argv[i], "--heap-out=", 11) == 0) {
      heap_out = argv[i] + 11;
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  if (dir.empty()) {
    std::fprintf(stderr, "usage: %s --data=DIR [--heap-out=FILE] [benchmark flags]\n", argv[0]);
    return 2;
  }
  data().single = read_file(dir + "/single.json");
  data().list100 = read_file(dir + "/list100.json");
  data().endpoints100 = read_file(dir + "/endpoints100.json");
  if (!heap_out.empty()) run_heap_probe(heap_out);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
