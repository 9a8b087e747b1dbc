// Implementation of novu/core/pagination.hpp: the page walk's loop guard.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>        // size_t
#include <optional>       // optional, nullopt
#include <string>         // string, to_string
#include <string_view>    // string_view
#include <unordered_map>  // unordered_map
#include <utility>        // move

#include "novu/core/detail/text.hpp"
#include "novu/core/error.hpp"
#include "novu/core/pagination.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

struct page_cursor_guard::followed_cursors {
  std::unordered_map<std::string, std::size_t> pages;  // cursor -> the page it fetched
};

NOVU_CC_API page_cursor_guard::~page_cursor_guard() { delete followed_; }

NOVU_CC_API void page_cursor_guard::start_from(const std::string& after) {
  if (followed_ == nullptr) followed_ = new followed_cursors;
  followed_->pages.emplace(after, 1);
}

NOVU_CC_API std::optional<error> page_cursor_guard::follow(const std::string& cursor, std::size_t page_number) {
  if (followed_ == nullptr) followed_ = new followed_cursors;
  const auto inserted = followed_->pages.emplace(cursor, page_number + 1);
  if (inserted.second) return std::nullopt;
  const std::size_t earlier = inserted.first->second;
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
