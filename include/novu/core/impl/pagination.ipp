// Implementation of novu/core/pagination.hpp: the page walk's loop guard.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // lower_bound
#include <cstddef>      // size_t
#include <optional>     // optional, nullopt
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move, pair

#include "novu/core/detail/text.hpp"
#include "novu/core/error.hpp"
#include "novu/core/pagination.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

NOVU_CC_API std::optional<error> page_cursor_guard::follow(const std::string& cursor, std::size_t page_number) {
  const auto at = std::lower_bound(
      followed_.begin(), followed_.end(), cursor,
      [](const std::pair<std::string, std::size_t>& entry, const std::string& key) { return entry.first < key; });
  if (at == followed_.end() || at->first != cursor) {
    followed_.emplace(at, cursor, page_number + 1);
    return std::nullopt;
  }
  const std::size_t earlier = at->second;
  std::string message =
      "pagination loop: the next cursor of page " + std::to_string(page_number) + ", " + quoted(cursor) + ", ";
  message += earlier == 1 ? std::string("is the cursor the walk started from")
                          : "was already followed to fetch page " + std::to_string(earlier);
  message += "; the walk stops instead of repeating pages";
  return make_error(error_kind::decode, std::move(message), "/next");
}

NOVU_CC_API std::string page_cursor_guard::quoted(std::string_view cursor) {
  constexpr std::size_t k_max = 100;
  bool clipped = false;
  if (cursor.size() > k_max) {
    cursor = cursor.substr(0, utf8_boundary(cursor, k_max));
    clipped = true;
  }
  std::string out = "\"";
  for (char ch : cursor) {
    const auto byte = static_cast<unsigned char>(ch);
    out.push_back(byte < 0x20 || byte == 0x7F || ch == '"' ? '?' : ch);
  }
  out += clipped ? "...\"" : "\"";
  return out;
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
