// Which names hold credentials: member names (is_secret_name, is_secret_path), header names
// (is_secret_header), and the registry of the secret fields the resources' tables declare.
// Needs only the standard library.
// SPDX-License-Identifier: MIT
#pragma once

#include <array>        // array
#include <atomic>       // atomic
#include <cstddef>      // size_t
#include <mutex>        // mutex, lock_guard
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move

#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// ASCII lower case of `key` without '_' and '-', so "access_token" matches "accessToken".
inline std::string normalized_key(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char ch : key) {
    if (ch == '_' || ch == '-') continue;
    out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  }
  return out;
}

inline bool ends_with(std::string_view text, std::string_view tail) noexcept {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// The (normalized) names of the fields that a resource's tables flag as secret, registered by
// the resource's implementation on first use (register_table_secrets): the printer and the
// error-body masks hide their values too ("url" and "headers" of a tool webhook), beyond the
// credential-like names below. Readers never lock: a name is written before the count that
// publishes it (release/acquire), and writers take the mutex.
class secret_name_registry {
 public:
  static secret_name_registry& instance() {
    static secret_name_registry registry;
    return registry;
  }
  // Adds `normalized` once; names past the capacity are dropped (the tables have a dozen).
  void add(std::string normalized) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::size_t n = count_.load(std::memory_order_relaxed);
    for (std::size_t i = 0; i < n; ++i) {
      if (names_[i] == normalized) return;
    }
    if (n == capacity) return;
    names_[n] = std::move(normalized);
    count_.store(n + 1, std::memory_order_release);
  }
  // Whether `normalized` was registered.
  bool contains(std::string_view normalized) const noexcept {
    const std::size_t n = count_.load(std::memory_order_acquire);
    for (std::size_t i = 0; i < n; ++i) {
      if (names_[i] == normalized) return true;
    }
    return false;
  }
  // How many names are registered.
  std::size_t size() const noexcept { return count_.load(std::memory_order_acquire); }

  static constexpr std::size_t capacity = 64;

 private:
  secret_name_registry() = default;
  std::mutex mutex_;
  std::array<std::string, capacity> names_;
  std::atomic<std::size_t> count_{0};
};

// Adds `name` (a field's wire name) to the registry of secret names.
inline bool register_secret_name(std::string_view name) {
  secret_name_registry::instance().add(normalized_key(name));
  return true;
}

// True for (normalized) names whose values are credentials: "accessToken", "refresh_token",
// "apiKey", "client_secret", "password", "authorization", "token", "key"... but not
// "accessTokenExpiresAt", "tokenType" or "contextKeys"; and the registered secret fields.
inline bool is_secret_name(std::string_view normalized) noexcept {
  if (secret_name_registry::instance().contains(normalized)) return true;
  static constexpr std::string_view tails[] = {"token",  "tokens",        "secret",    "secrets",    "password",
                                               "passwd", "passphrase",    "key",       "credential", "credentials",
                                               "cookie", "authorization", "signature", "sessionid"};
  for (std::string_view tail : tails) {
    if (ends_with(normalized, tail)) return true;
  }
  return normalized == "pwd";
}

// True when the last segment of a field path ("auth.accessToken", "auth/accessToken",
// "auth[accessToken]", "accessToken") is a credential name.
inline bool is_secret_path(std::string_view path) {
  std::size_t end = path.size();
  auto separator = [](char ch) {
    return ch == '.' || ch == '/' || ch == '[' || ch == ']' || ch == ':' || ch == ' ' || ch == '"' || ch == '\'';
  };
  while (end > 0 && separator(path[end - 1])) --end;
  std::size_t begin = end;
  while (begin > 0 && !separator(path[begin - 1])) --begin;
  return is_secret_name(normalized_key(path.substr(begin, end - begin)));
}

// True for header names whose values are credentials (Authorization, Cookie, X-Api-Key,
// WWW-Authenticate, X-Auth-Token...), but not idempotency-key.
inline bool is_secret_header(std::string_view name) {
  const std::string lower = normalized_key(name);
  if (lower == "idempotencykey") return false;
  for (std::string_view part :
       {"auth", "token", "secret", "password", "cookie", "session", "credential", "signature"}) {
    if (lower.find(part) != std::string::npos) return true;
  }
  return ends_with(lower, "key");
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
