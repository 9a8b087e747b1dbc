// Peak heap of the decoders fed hostile bodies: the shapes that make them allocate the most per
// byte of body (many tiny elements, repeated members and map keys, long keys and strings, deep
// but allowed nesting, numbers that print longer than they are written), each at the default
// body limit (8 MiB) and at the largest size the default element limit lets through. Every
// decode must stay within
//     peak <= k_per_body_byte * body size + k_per_element * decode_limits::max_elements
// (the body itself, held by the caller, is not counted). The global operator new/delete of this
// program count the bytes held, so it is a test binary of its own. It prints each shape's peak
// and its multiple of the body size.
// SPDX-License-Identifier: MIT
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <malloc.h>  // malloc_usable_size

#include <cstddef>      // size_t, max_align_t
#include <cstdio>       // printf
#include <cstdlib>      // malloc, free, aligned_alloc, abort
#include <functional>   // function
#include <new>          // align_val_t, nothrow_t
#include <random>       // mt19937
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/novu.hpp"

// ---- a counting allocator: bytes held now and their peak (what malloc really reserved) ----
namespace {

std::size_t g_live = 0;  // single-threaded: doctest runs the test cases one after another
std::size_t g_peak = 0;

void* counted_alloc(std::size_t size, std::size_t align) noexcept {
  if (size == 0) size = 1;
  void* p = align > alignof(std::max_align_t) ? std::aligned_alloc(align, (size + align - 1) / align * align)
                                              : std::malloc(size);
  if (p == nullptr) std::abort();  // no bad_alloc: this binary also builds with -fno-exceptions
  g_live += malloc_usable_size(p);
  if (g_live > g_peak) g_peak = g_live;
  return p;
}

void counted_free(void* p) noexcept {
  if (p == nullptr) return;
  g_live -= malloc_usable_size(p);
  std::free(p);
}

}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n, 0); }
void* operator new[](std::size_t n) { return counted_alloc(n, 0); }
void* operator new(std::size_t n, std::align_val_t a) { return counted_alloc(n, static_cast<std::size_t>(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return counted_alloc(n, static_cast<std::size_t>(a)); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n, 0); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n, 0); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }

namespace {

// The bound asserted for every shape (see the top of the file); the measured figures are
// printed, and docs/reference.md states the bound.
constexpr std::size_t k_per_body_byte = 10;
constexpr std::size_t k_per_element = 250;

// A decoder under test: decodes `body` with `limits`, returns "ok" or the error's kind.
using decoder = std::function<std::string(const std::string& body, const novu::decode_limits& limits)>;

template <class R>
std::string outcome(const R& r) {
  return r.has_value() ? std::string("ok") : std::string(novu::to_string(r.error().kind));
}

const decoder retrieve = [](const std::string& b, const novu::decode_limits& l) {
  return outcome(novu::decode_channel_connection(b, l));
};
const decoder list = [](const std::string& b, const novu::decode_limits& l) {
  return outcome(novu::decode_channel_connection_page(b, l));
};
const decoder validation = [](const std::string& b, const novu::decode_limits& l) {
  return outcome(novu::decode_validation_error(b, l));
};
const decoder api = [](const std::string& b, const novu::decode_limits& l) {
  return outcome(novu::decode_api_error(b, l));
};
const decoder create = [](const std::string& b, const novu::decode_limits& l) {
  return outcome(novu::connections::decode_create_request(b, l));
};
const decoder update = [](const std::string& b, const novu::decode_limits& l) {
  return outcome(novu::connections::decode_update_request(b, l));
};
const decoder any = [](const std::string& b, const novu::decode_limits& l) {
  return outcome(novu::parse_any_json(b, l));
};
// An ErrorDto decoded, then encoded again (encoding re-reads its any-JSON members into a DOM).
const decoder api_round_trip = [](const std::string& b, const novu::decode_limits& l) {
  novu::result<novu::api_error> e = novu::decode_api_error(b, l);
  if (!e) return outcome(e);
  return outcome(novu::encode_json(*e));
};

// A distinct short JSON-safe key for every n.
std::string key_of(std::size_t n) {
  static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string k;
  do {
    k.push_back(digits[n % 62]);
    n /= 62;
  } while (n != 0);
  return k;
}

const std::string k_connection =
    R"({"identifier":"c","channel":null,"providerId":null,"integrationIdentifier":null,"subscriberId":null,)"
    R"("contextKeys":[],"workspace":{"id":"w"},"auth":{"accessToken":"t"},"createdAt":"a","updatedAt":"b"})";
const std::string k_connection_fields = k_connection.substr(1, k_connection.size() - 2);
const std::string k_page_tail = R"(],"next":null,"previous":null,"totalCount":1,"totalCountCapped":false})";
const std::string k_error_head = R"({"statusCode":422,"timestamp":"t","path":"/p","errors":{)";
const std::string k_create_head =
    R"({"integrationIdentifier":"i","workspace":{"id":"w"},"auth":{"accessToken":"t"},"context":{)";

// A body shape: `head`, then items (`item(n)` for n = 0, 1, ...) separated by commas, then
// `tail`; or, for a shape of one long token, `head + string of `filler` + tail`.
struct shape {
  const char* name;
  decoder decode;
  std::string head;
  std::function<std::string(std::size_t)> item;  // empty for a one-token shape
  std::string tail;
  std::size_t values_per_item = 1;  // JSON values (elements and members) each item adds
};

// The body of `s` with at most `max_items` items and at most `max_bytes` bytes.
std::string body_of(const shape& s, std::size_t max_bytes, std::size_t max_items) {
  std::string body = s.head;
  if (!s.item) {
    body.append(max_bytes - s.head.size() - s.tail.size(), 'a');
    return body + s.tail;
  }
  body.reserve(max_bytes);
  const std::string first = s.item(0);
  const bool constant = s.item(1) == first;  // appended without building each item
  for (std::size_t n = 0; n < max_items; ++n) {
    const std::string item = constant ? std::string() : s.item(n);
    const std::string& next = constant ? first : item;
    if (body.size() + next.size() + 1 + s.tail.size() > max_bytes) break;
    if (n > 0) body.push_back(',');
    body += next;
  }
  return body + s.tail;
}

std::vector<shape> shapes() {
  auto same = [](std::string text) { return [text](std::size_t) { return text; }; };
  std::vector<shape> all;
  all.push_back({"retrieve: contextKeys of empty strings", retrieve,
                 "{\"data\":{" + k_connection_fields + ",\"contextKeys\":[", same("\"\""), "]}}"});
  all.push_back({"list: one connection, contextKeys of empty strings", list,
                 "{\"data\":[{" + k_connection_fields + ",\"contextKeys\":[", same("\"\""), "]}" + k_page_tail});
  all.push_back({"retrieve: contextKeys of 16-byte strings (just past SSO)", retrieve,
                 "{\"data\":{" + k_connection_fields + ",\"contextKeys\":[", same("\"" + std::string(16, 'k') + "\""),
                 "]}}"});
  all.push_back({"list: minimal connections", list, "{\"data\":[", same(k_connection), k_page_tail, 14});
  all.push_back({"list: one connection, then a long unknown string",
                 list,
                 "{\"data\":[" + k_connection + "],\"x\":\"",
                 {},
                 "\"" + k_page_tail.substr(1)});
  all.push_back({"list: repeated data arrays of one connection", list, "{",
                 [](std::size_t) { return "\"data\":[" + k_connection + "]"; },
                 R"(,"next":null,"previous":null,"totalCount":1,"totalCountCapped":false})", 15});
  all.push_back({"retrieve: repeated data envelopes", retrieve, "{",
                 [](std::size_t) { return "\"data\":" + k_connection; }, "}", 14});
  all.push_back({"retrieve: repeated identifier members", retrieve, "{\"data\":{" + k_connection_fields + ",",
                 same(R"("identifier":"x")"), "}}"});
  all.push_back(
      {"retrieve: long string", retrieve, "{\"data\":{" + k_connection_fields + ",\"identifier\":\"", {}, "\"}}"});
  all.push_back({"retrieve: long unknown key", retrieve, "{\"data\":{" + k_connection_fields + ",\"", {}, "\":1}}"});
  all.push_back({"retrieve: unknown array of empty strings (skipped)", retrieve,
                 "{\"data\":{" + k_connection_fields + ",\"x\":[", same("\"\""), "]}}"});
  all.push_back({"422: errors with distinct keys", validation, k_error_head,
                 [](std::size_t n) { return "\"" + key_of(n) + "\":{\"messages\":[]}"; }, "}}", 2});
  all.push_back(
      {"422: errors with one repeated key", validation, k_error_head, same(R"("f":{"messages":[]})"), "}}", 2});
  all.push_back(
      {"422: messages of empty strings", validation, k_error_head + "\"f\":{\"messages\":[", same("\"\""), "]}}}"});
  all.push_back(
      {"422: long errors key, then a type error", validation, k_error_head + "\"", {}, "\":{\"messages\":1}}}"});
  all.push_back({"400: ctx of nested arrays 60 deep", api,
                 R"({"statusCode":400,"timestamp":"t","path":"/p","ctx":{"a":[)",
                 same(std::string(60, '[') + std::string(60, ']')), "]}}", 60});
  all.push_back({"400: ctx of empty objects", api, R"({"statusCode":400,"timestamp":"t","path":"/p","ctx":{"a":[)",
                 same("{}"), "]}}"});
  all.push_back({"400: message of numbers printed longer (1e15)", api,
                 R"({"statusCode":400,"timestamp":"t","path":"/p","message":[)", same("1e15"), "]}"});
  all.push_back({"400: ctx of empty objects, decoded and encoded again", api_round_trip,
                 R"({"statusCode":400,"timestamp":"t","path":"/p","ctx":{"a":[)", same("{}"), "]}}"});
  all.push_back({"create: context with distinct types", create, k_create_head,
                 [](std::size_t n) { return "\"" + key_of(n) + "\":\"\""; }, "}}"});
  all.push_back({"create: context with 16-byte types and ids", create, k_create_head,
                 [](std::size_t n) {
                   std::string type = key_of(n);
                   type.resize(16, '_');
                   return "\"" + type + "\":\"" + std::string(16, 'i') + "\"";
                 },
                 "}}"});
  all.push_back({"create: context with one repeated type", create, k_create_head, same(R"("t":"")"), "}}"});
  all.push_back({"create: context entries with data", create, k_create_head,
                 [](std::size_t n) { return "\"" + key_of(n) + "\":{\"id\":\"\",\"data\":{}}"; }, "}}", 3});
  all.push_back({"create: long context type", create, k_create_head + "\"", {}, "\":\"\"}}"});
  all.push_back({"update: repeated workspace members", update, "{\"auth\":{\"accessToken\":\"t\"},",
                 same(R"("workspace":{"id":"w"})"), "}", 2});
  all.push_back({"parse_any_json: array of empty strings", any, "[", same("\"\""), "]"});
  all.push_back({"parse_any_json: array of 1e15", any, "[", same("1e15"), "]"});
  return all;
}

// Peak bytes held while `run` runs, above what was held before.
template <class F>
std::size_t peak_of(F&& run) {
  const std::size_t base = g_live;
  g_peak = g_live;
  run();
  return g_peak - base;
}

}  // namespace

TEST_CASE("peak heap of decoding hostile bodies is at most 10 x body + 250 B x max_elements") {
  const novu::decode_limits limits;  // the defaults: 8 MiB, depth 64, 100,000 elements
  const std::size_t bound_constant = k_per_element * limits.max_elements;
  std::printf("%-58s %9s %11s %7s  %s\n", "shape", "body", "peak", "x body", "outcome");
  for (const shape& s : shapes()) {
    // A shape of items: at the body limit, and at the largest body within the element limit
    // (the most elements per byte that decode). A shape of one long token: at 4 MiB and a
    // little, where the lexer's doubling buffers waste the most (more than at the body limit,
    // which is just below a power of two).
    std::vector<std::string> bodies;
    if (s.item) {
      bodies.push_back(body_of(s, limits.max_body_bytes, static_cast<std::size_t>(-1)));
      bodies.push_back(body_of(s, limits.max_body_bytes, (limits.max_elements - 64) / s.values_per_item));
    } else {
      bodies.push_back(body_of(s, limits.max_body_bytes / 2 + 4096, 0));
    }
    for (const std::string& body : bodies) {
      std::string result;
      const std::size_t peak = peak_of([&] { result = s.decode(body, limits); });
      std::printf("%-58s %9zu %11zu %7.2f  %s\n", s.name, body.size(), peak,
                  static_cast<double>(peak) / static_cast<double>(body.size()), result.c_str());
      CAPTURE(s.name);
      CAPTURE(body.size());
      CHECK(peak <= k_per_body_byte * body.size() + bound_constant);
    }
  }
}

TEST_CASE("the element limit is what bounds many tiny elements: a lower limit lowers the peak") {
  novu::decode_limits limits;
  limits.max_elements = 1000;
  std::string body = "{\"data\":{" + k_connection_fields + ",\"contextKeys\":[";
  for (int i = 0; i < 100000; ++i) body += i == 0 ? "\"\"" : ",\"\"";
  body += "]}}";
  std::string result;
  const std::size_t peak = peak_of([&] { result = retrieve(body, limits); });
  CHECK(result == "limit_exceeded");
  CHECK(peak <= 10 * 1000 * 100);  // far less than the 3.2 MB the 100,000 strings would hold
}

namespace {

// A random JSON value biased towards what costs decoders memory: tiny elements, repeated and
// known member names, nesting up to 60 levels, long strings and numbers.
class random_json {
 public:
  explicit random_json(unsigned seed) : rng_(seed) {}
  std::string document(std::size_t budget) {
    std::string out;
    value(out, budget, 0);
    return out;
  }

 private:
  unsigned pick(unsigned n) { return static_cast<unsigned>(rng_() % n); }
  void value(std::string& out, std::size_t budget, int depth) {
    const unsigned kind = depth >= 60 ? 4 + pick(4) : pick(8);
    if (kind < 2) {  // an array of small values, often empty strings
      out += '[';
      const std::size_t start = out.size();
      for (bool first = true; out.size() - start < budget; first = false) {
        if (!first) out += ',';
        if (pick(4) == 0) {
          value(out, budget / 8, depth + 1);
        } else {
          out += pick(2) ? "\"\"" : "0";
        }
      }
      out += ']';
    } else if (kind < 4) {  // an object with known, repeated and random member names
      static const char* const names[] = {"data",     "contextKeys", "errors",     "context",   "auth", "accessToken",
                                          "messages", "value",       "identifier", "workspace", "ctx",  "message"};
      out += '{';
      const std::size_t start = out.size();
      for (bool first = true; out.size() - start < budget; first = false) {
        if (!first) out += ',';
        out += '"';
        out += pick(3) ? names[pick(12)] : "k" + std::to_string(pick(100000));
        out += "\":";
        value(out, budget / 4, depth + 1);
      }
      out += '}';
    } else if (kind == 4) {
      out += '"' + std::string(pick(2) ? budget / 2 : pick(40), 'x') + '"';
    } else if (kind == 5) {
      out += pick(2) ? "1e15" : std::string(1 + pick(300), '7');
    } else if (kind == 6) {
      out += pick(2) ? "null" : "true";
    } else {
      out += "\"s\"";
    }
  }
  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("property: random hostile documents stay within the peak-heap bound for every decoder") {
  const novu::decode_limits limits;
  const std::size_t bound_constant = k_per_element * limits.max_elements;
  const decoder* decoders[] = {&retrieve, &list, &validation, &api, &create, &update, &any};
  random_json generate(20261202);
  std::size_t runs = 0;
  double worst = 0;
  for (int round = 0; round < 60; ++round) {
    const std::string inner = generate.document(1024u << (round % 9));  // 1 KiB .. 256 KiB
    // The document bare, and in the places each decoder reads most from.
    const std::string bodies[] = {
        inner, "{\"data\":" + inner + "}", "{\"data\":{" + k_connection_fields + ",\"contextKeys\":" + inner + "}}",
        k_error_head + "\"f\":{\"messages\":" + inner + ",\"value\":" + inner + "}}}",
        "{\"statusCode\":400,\"timestamp\":\"t\",\"path\":\"p\",\"message\":\"m\",\"ctx\":" + inner + "}"};
    for (const std::string& body : bodies) {
      for (const decoder* d : decoders) {
        std::string result;
        const std::size_t peak = peak_of([&] { result = (*d)(body, limits); });
        CAPTURE(round);
        CAPTURE(body.size());
        CHECK(peak <= k_per_body_byte * body.size() + bound_constant);
        const double multiple = static_cast<double>(peak) / static_cast<double>(body.size());
        if (body.size() >= 64 * 1024) worst = multiple > worst ? multiple : worst;
        ++runs;
      }
    }
  }
  std::printf(
      "random documents: %zu decodes; worst peak for a body of 64 KiB or more: %.2f x the body "
      "(bound %zu x + %zu B)\n",
      runs, worst, k_per_body_byte, bound_constant);
  CHECK(runs == 60 * 5 * 7);
}
