// Page walks every resource's clients share: their options, and the guard that ends a walk
// whose `next` cursors loop.
// SPDX-License-Identifier: MIT
#pragma once

// The outermost public header of a translation unit includes the implementation at its end
// (header-only mode), so that every public header works on its own.
// NOVU_CC_STANDALONE {
#ifndef NOVU_CC_OUTERMOST_HEADER
#define NOVU_CC_OUTERMOST_HEADER 15
#endif
// NOVU_CC_STANDALONE }

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view

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
    if (first.after && first.include_cursor != true) start_from(*first.after);
  }
  page_cursor_guard(const page_cursor_guard&) = delete;             // owns its set
  page_cursor_guard& operator=(const page_cursor_guard&) = delete;  // likewise
  // Frees the set of cursors followed.
  NOVU_CC_API ~page_cursor_guard();

  // Records that `cursor`, the `next` of page `page_number` (1-based), fetches page
  // page_number + 1. An error (kind decode, location "/next") when the walk already followed
  // `cursor`: the message names both pages and quotes the cursor, clipped to 100 bytes. Constant
  // time on average, so a walk of many pages stays linear.
  NOVU_CC_API std::optional<error> follow(const std::string& cursor, std::size_t page_number);

 private:
  // Records the starting `after` as followed by page 1.
  NOVU_CC_API void start_from(const std::string& after);

  // `cursor` in double quotes for a message: at most 100 bytes (cut at a character boundary,
  // then "..."), control characters and quotes shown as '?'.
  NOVU_CC_API static std::string quoted(std::string_view cursor);

  // cursor -> the page it fetched: a hash map that the implementation owns, so that neither
  // <unordered_map> nor its instantiations reach every file that includes the clients.
  struct followed_cursors;
  followed_cursors* followed_ = nullptr;
};

}  // namespace detail

NOVU_CC_NAMESPACE_END

// NOVU_CC_STANDALONE {
#if NOVU_CC_OUTERMOST_HEADER == 15
#undef NOVU_CC_OUTERMOST_HEADER
#include "novu/core/detail/implementation_light.hpp"
#endif
// NOVU_CC_STANDALONE }
