// The query of a list request, shared by every resource: filters are added by name, each text
// checked for valid UTF-8 (an error names the parameter), and written in the official SDK's
// order (alphabetical by name; a repeated `contextKeys` keeps the caller's order).
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // stable_sort
#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string, to_string
#include <string_view>  // string_view
#include <utility>      // move, pair
#include <vector>       // vector

#include "novu/core/detail/text.hpp"
#include "novu/core/enums.hpp"
#include "novu/core/error.hpp"
#include "novu/core/impl/request.ipp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Collects the parameters of a list request and writes them after `collection`.
class list_query {
 public:
  // A text parameter, when set.
  void text(const char* name, const std::optional<std::string>& value) {
    if (value) add(name, *value);
  }
  // An open enum parameter (channel, providerId), when set.
  template <class Enum>
  void open_enum(const char* name, const std::optional<Enum>& value) {
    if (value) add(name, value->value());
  }
  // A closed enum parameter (orderBy, orderDirection, connectionMode), when set.
  template <class Enum>
  void closed_enum(const char* name, const std::optional<Enum>& value) {
    if (value) add(name, std::string(to_string(*value)));
  }
  // A boolean parameter, when set.
  void flag(const char* name, const std::optional<bool>& value) {
    if (value) add(name, *value ? "true" : "false");
  }
  // `limit`, when set: 1..100.
  void limit(const std::optional<int>& value) {
    if (!value) return;
    if (*value < 1 || *value > 100) {
      fail(make_error(error_kind::invalid_argument, "limit must be between 1 and 100, got " + std::to_string(*value),
                      "limit"));
      return;
    }
    add("limit", std::to_string(*value));
  }
  // `contextKeys`, when set: each key once, in order; an engaged empty list sends `contextKeys=`,
  // the server's "without context" filter, so an empty key (which would mean the same) is refused.
  void context_keys(const std::optional<std::vector<std::string>>& keys, const char* what) {
    if (!keys) return;
    if (keys->empty()) add("contextKeys", "");
    for (std::size_t i = 0; i < keys->size(); ++i) {
      const std::string& key = (*keys)[i];
      if (!key.empty() && is_valid_utf8(key)) {
        params_.emplace_back("contextKeys", key);
        continue;
      }
      const std::string where = "contextKeys[" + std::to_string(i) + "]";
      fail(make_error(error_kind::invalid_argument,
                      where + (key.empty() ? std::string(" is empty (an engaged empty context_keys asks for ") + what +
                                                 " without context)"
                                           : std::string(" is not valid UTF-8")),
                      where));
    }
  }
  // Refuses `before` together with `after` (the server answers 400 for both).
  void one_cursor(const std::optional<std::string>& after, const std::optional<std::string>& before) {
    if (after && before) {
      fail(make_error(error_kind::invalid_argument,
                      "before and after are both set: a list request takes one cursor (the server answers 400)",
                      "before"));
    }
  }

  // `collection` with the query, or the first problem.
  result<std::string> path(std::string_view collection) {
    if (failed_) return std::move(error_);
    std::stable_sort(params_.begin(), params_.end(),
                     [](const std::pair<std::string_view, std::string>& a,
                        const std::pair<std::string_view, std::string>& b) { return a.first < b.first; });
    std::string out(collection);
    bool first = true;
    for (const auto& [name, value] : params_) append_query(out, first, name, value);
    return out;
  }

 private:
  void add(const char* name, std::string value) {
    if (!is_valid_utf8(value)) {
      fail(invalid_utf8_parameter(name));
      return;
    }
    params_.emplace_back(name, std::move(value));
  }
  void fail(error e) {
    if (!failed_) {
      failed_ = true;
      error_ = std::move(e);
    }
  }

  std::vector<std::pair<std::string_view, std::string>> params_;
  bool failed_ = false;
  error error_;
};

}  // namespace detail
NOVU_CC_NAMESPACE_END
