// Page walks every resource's clients share: their options, and the guard that ends a walk
// whose `next` cursors loop.
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
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

/// Options for walking every page of a list (client::for_each_page, async_client::for_each_page).
/// A walk follows each page's `next` cursor (next_page_params: only the first page is sent with
/// the caller's includeCursor), and fails with a `decode` error when a `next` cursor repeats one
/// it has already followed, the starting `after` included.
struct pagination_options {
  std::size_t max_pages = 1000;  ///< stop after this many pages even if the server has more
};

namespace detail {

// The cursors a page walk has followed, so that a server whose `next` leads back to one of them
// (A -> B -> A, A -> A, back to the starting `after`) stops the walk with an error instead of
// repeating pages until max_pages. Used by both clients' for_each_page. Keeps one string per
// page followed.
class page_cursor_guard {
 public:
  // A guard for a walk whose first page is requested with `first` (any resource's list
  // parameters: `after` and `include_cursor`). Its `after` counts as followed (by page 1),
  // unless `first.include_cursor` is true: the first page then starts with the cursor's own
  // item, and following the same cursor without includeCursor moves on.
  template <class ListParams>
  explicit page_cursor_guard(const ListParams& first) {
    if (first.after && first.include_cursor != true) followed_.emplace(*first.after, 1);
  }

  // Records that `cursor`, the `next` of page `page_number` (1-based), fetches page
  // page_number + 1. An error (kind decode, location "/next") when the walk already followed
  // `cursor`: the message names both pages and quotes the cursor, clipped to 100 bytes.
  std::optional<error> follow(const std::string& cursor, std::size_t page_number) {
    const auto inserted = followed_.emplace(cursor, page_number + 1);
    if (inserted.second) return std::nullopt;
    const std::size_t earlier = inserted.first->second;
    std::string message =
        "pagination loop: the next cursor of page " + std::to_string(page_number) + ", " + quoted(cursor) + ", ";
    message += earlier == 1 ? std::string("is the cursor the walk started from")
                            : "was already followed to fetch page " + std::to_string(earlier);
    message += "; the walk stops instead of repeating pages";
    return make_error(error_kind::decode, std::move(message), "/next");
  }

 private:
  // `cursor` in double quotes for a message: at most 100 bytes (cut at a character boundary,
  // then "..."), control characters and quotes shown as '?'.
  static std::string quoted(std::string_view cursor) {
    constexpr std::size_t k_max = 100;
    bool clipped = false;
    if (cursor.size() > k_max) {
      cursor = cursor.substr(0, detail::utf8_boundary(cursor, k_max));
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

  std::unordered_map<std::string, std::size_t> followed_;  // cursor -> page it fetched
};

}  // namespace detail

NOVU_CC_NAMESPACE_END
