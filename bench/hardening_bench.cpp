// The cost of the secret guarantees on hostile answers (issue "promises that hold"): an 8 MiB
// error body whose texts repeat the secret key, answered to a client call, against decoding
// the same body alone. Scrubbing is linear (one automaton pass per view over all secrets), so
// the call must stay within twice the decode. Prints `metric <name> <value>` lines.
//   g++ -std=c++17 -O2 -DNDEBUG -Iinclude bench/hardening_bench.cpp -o hardening_bench
// SPDX-License-Identifier: MIT
#include <algorithm>  // sort
#include <chrono>     // steady_clock
#include <cstdio>     // printf
#include <string>     // string
#include <utility>    // move
#include <vector>     // vector

#include "novu/novu.hpp"

namespace {

const std::string k_key = "sk_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";

// Median wall time in milliseconds of `runs` calls of `f`.
template <class F>
double median_ms(int runs, F f) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// A ValidationErrorDto of about `bytes` whose every message repeats the key.
std::string validation_body(std::size_t bytes) {
  std::string body = R"({"statusCode":422,"timestamp":"2026-01-01T00:00:00Z","path":"/v1/channel-connections/c",)"
                     R"("message":"Validation failed for )" +
                     k_key + R"(","errors":{)";
  for (int i = 0; body.size() < bytes; ++i) {
    if (i) body += ',';
    body += "\"field" + std::to_string(i) + "\":{\"messages\":[\"key " + k_key + " is not allowed, key " + k_key +
            "\"],\"value\":\"" + k_key + "\"}";
  }
  body += "}}";
  return body;
}

// An ErrorDto whose single message is the key repeated to about `bytes`.
std::string echo_body(std::size_t bytes) {
  std::string body = R"({"statusCode":400,"timestamp":"t","path":"p","message":")";
  while (body.size() < bytes) body += k_key + " ";
  body += "\"}";
  return body;
}

void measure(const char* name, int status, const std::string& body) {
  constexpr int runs = 5;
  novu::http_response response;
  response.status = status;
  response.headers.push_back({"Content-Type", "application/json"});
  response.body = body;
  novu::decode_limits limits;
  limits.max_body_bytes = 16u * 1024u * 1024u;
  limits.max_elements = 100000000;
  const double decode = median_ms(runs, [&] {
    const novu::result<novu::api_error> r =
        status == 422 ? novu::decode_validation_error(body, limits) : novu::decode_api_error(body, limits);
    if (!r) std::printf("decode failed: %s\n", r.error().message.c_str());
  });
  novu::client_config config;
  config.secret_key = k_key;
  config.limits = limits;
  config.retry = novu::retry_policy::disabled();
  // The transport hands over answers made beforehand: producing the bytes is the HTTP stack's
  // cost, not the library's, and the decode figure does not include it either.
  std::vector<novu::http_response> answers(runs, response);
  auto transport = [&](const novu::http_request&) -> novu::transport_result {
    novu::http_response answer = std::move(answers.back());
    answers.pop_back();
    return answer;
  };
  novu::client<decltype(transport)> client(config, transport);
  bool leaked = false;
  const double call = median_ms(runs, [&] {
    const novu::result<novu::channel_connection> r = client.retrieve("c");
    leaked = leaked || r.has_value() || r.error().message.find(k_key) != std::string::npos ||
             r.error().body.find(k_key) != std::string::npos;
  });
  std::printf("metric %s_body_bytes %zu\n", name, body.size());
  std::printf("metric %s_decode_ms %.1f\n", name, decode);
  std::printf("metric %s_retrieve_ms %.1f\n", name, call);
  std::printf("metric %s_retrieve_vs_decode %.3f\n", name, call / decode);
  if (leaked) std::printf("LEAK: the key reached the error\n");
}

}  // namespace

int main() {
  measure("redaction_8mib_422", 422, validation_body(8u * 1024u * 1024u - 4096));
  measure("redaction_8mib_400_echo", 400, echo_body(8u * 1024u * 1024u - 4096));
  return 0;
}
