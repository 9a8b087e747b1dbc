// An independent check that no field of an error holds a secret: each field is searched
// verbatim, after JSON unescaping and after percent decoding, by code that shares nothing with
// the library's scrubber. Used by tests/unit-secrets.cpp and tests/fuzz/fuzz_redaction.cpp.
#pragma once

#include <cstddef>  // size_t
#include <string>   // string
#include <utility>  // pair
#include <vector>   // vector

#include "novu/core/error.hpp"
#include "novu/core/printing.hpp"

namespace secret_check {

inline int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline void put_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

inline std::string naive_json_unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    const char e = s[i + 1];
    const std::string simple = "\"\\/bfnrt";
    const std::string means = "\"\\/\b\f\n\r\t";
    if (simple.find(e) != std::string::npos) {
      out += means[simple.find(e)];
      ++i;
    } else if (e == 'u' && i + 5 < s.size() && hex(s[i + 2]) >= 0 && hex(s[i + 3]) >= 0 && hex(s[i + 4]) >= 0 &&
               hex(s[i + 5]) >= 0) {
      unsigned cp =
          static_cast<unsigned>(hex(s[i + 2]) << 12 | hex(s[i + 3]) << 8 | hex(s[i + 4]) << 4 | hex(s[i + 5]));
      i += 5;
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < s.size() && s[i + 1] == '\\' && s[i + 2] == 'u') {
        const unsigned lo =
            static_cast<unsigned>(hex(s[i + 3]) << 12 | hex(s[i + 4]) << 8 | hex(s[i + 5]) << 4 | hex(s[i + 6]));
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        }
      }
      put_utf8(out, cp);
    } else {
      out += s[i];
    }
  }
  return out;
}

inline std::string naive_percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

inline bool holds(const std::string& text, const std::string& secret) {
  return text.find(secret) != std::string::npos || naive_json_unescape(text).find(secret) != std::string::npos ||
         naive_percent_decode(text).find(secret) != std::string::npos;
}

// holds() for any `part`-byte piece of `secret` (the whole secret when it is shorter): finds
// what is left of a secret cut in two.
inline bool holds_part(const std::string& text, const std::string& secret, std::size_t part) {
  if (secret.size() <= part) return holds(text, secret);
  const std::string views[] = {text, naive_json_unescape(text), naive_percent_decode(text)};
  for (std::size_t at = 0; at + part <= secret.size(); ++at) {
    const std::string piece = secret.substr(at, part);
    for (const std::string& view : views) {
      if (view.find(piece) != std::string::npos) return true;
    }
  }
  return false;
}

// Every text an error carries, named; with `printed`, also its debug print.
inline std::vector<std::pair<std::string, std::string>> fields_of(const novu::error& e, bool printed = true) {
  std::vector<std::pair<std::string, std::string>> out = {
      {"message", e.message}, {"location", e.location}, {"body", e.body}};
  if (printed) out.emplace_back("debug print", novu::to_debug_string(e));
  for (const novu::http_header& h : e.headers) {
    out.emplace_back("header name", h.name);
    out.emplace_back("header value", h.value);
  }
  if (e.api) {
    out.emplace_back("api.timestamp", e.api->timestamp);
    out.emplace_back("api.path", e.api->path);
    if (e.api->message) out.emplace_back("api.message", e.api->message->text);
    if (e.api->ctx) out.emplace_back("api.ctx", e.api->ctx->text);
    if (e.api->error_id) out.emplace_back("api.errorId", *e.api->error_id);
    if (e.api->errors) {
      for (const novu::constraint_violation& v : *e.api->errors) {
        out.emplace_back("api.errors field", v.field);
        for (const std::string& m : v.messages) out.emplace_back("api.errors message", m);
        if (v.value) out.emplace_back("api.errors value", v.value->text);
      }
    }
  }
  return out;
}

// The first field of `e` (or its debug print) that holds one of `secrets`, as
// "field holds secret in: text", or "".
// With `part`, a piece of that many bytes of a secret counts as a leak too.
inline std::string first_leak(const novu::error& e, const std::vector<std::string>& secrets, bool printed = true,
                              std::size_t part = 0) {
  for (const auto& field : fields_of(e, printed)) {
    for (const std::string& s : secrets) {
      if (part != 0 ? holds_part(field.second, s, part) : holds(field.second, s)) {
        return field.first + " holds " + s + " in: " + field.second.substr(0, 400);
      }
    }
  }
  return {};
}

// first_leak without the debug print.
inline std::string first_leak_in_fields(const novu::error& e, const std::vector<std::string>& secrets) {
  return first_leak(e, secrets, false);
}

// The naive reference of the scrubber's verbatim view: every occurrence of every secret found
// by find() at each offset, each run of them replaced by `marker`.
inline std::string naive_scrub(const std::string& text, const std::vector<std::string>& secrets,
                               const std::string& marker) {
  std::vector<bool> marked(text.size(), false);
  for (const std::string& s : secrets) {
    for (std::size_t at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) {
      for (std::size_t i = at; i < at + s.size(); ++i) marked[i] = true;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (marked[i] && (i == 0 || !marked[i - 1])) out += marker;
    if (!marked[i]) out += text[i];
  }
  return out;
}

}  // namespace secret_check
