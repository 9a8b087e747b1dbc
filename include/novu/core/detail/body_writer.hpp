// The encoder's writer: an ordered DOM built from DTOs, every string checked for valid UTF-8
// first, and dumped without throwing.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <optional>     // optional
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // move
#include <vector>       // vector

#include <nlohmann/json.hpp>

#include "novu/core/api_error.hpp"
#include "novu/core/config.hpp"
#include "novu/core/detail/any_json_text.hpp"
#include "novu/core/detail/json_reader.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/error.hpp"
#include "novu/core/result.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Builds an ordered DOM from DTOs, checking every string for valid UTF-8 first so that
// nlohmann's dump() can never throw or abort. The first problem is kept with its JSON pointer.
class body_writer {
 public:
  using ojson = nlohmann::ordered_json;

  bool failed() const noexcept { return failed_; }
  error take_error() { return std::move(error_); }
  // At least the length of the JSON text of what object_with_room() and member() wrote, when
  // no string needs escapes.
  std::size_t size_hint() const noexcept { return size_hint_; }

  // An empty object with room for `members` members.
  ojson object_with_room(std::size_t members) {
    size_hint_ += 2;
    ojson o = ojson::object();
    o.get_ref<ojson::object_t&>().reserve(members);
    return o;
  }
  // Appends member `key`, which `obj` does not have yet (a DTO field, not a map key): no
  // lookup, no reallocation when the object was made with room for it.
  void member(ojson& obj, std::string_view key, ojson&& value) {
    size_hint_ += key.size() + 4;
    obj.get_ref<ojson::object_t&>().emplace_back(std::string(key), std::move(value));
  }
  // A string member, when it is valid UTF-8.
  void member(ojson& obj, std::string_view key, const std::string& value) {
    if (!checked(key, value)) return;
    size_hint_ += value.size() + 2;
    member(obj, key, ojson(value));
  }
  // An optional string member: omitted when absent.
  void member(ojson& obj, std::string_view key, const std::optional<std::string>& value) {
    if (value) member(obj, key, *value);
  }

  // `obj[key] = value` for a string.
  void put(ojson& obj, std::string_view key, const std::string& value) {
    if (checked(key, value)) obj[std::string(key)] = value;
  }
  // Appends string `value` to array `arr`.
  void push(ojson& arr, const std::string& value) {
    if (checked(std::to_string(arr.size()), value)) arr.push_back(value);
  }
  // Optional string: omitted when absent.
  void put(ojson& obj, std::string_view key, const std::optional<std::string>& value) {
    if (value) put(obj, key, *value);
  }
  // Nullable string: null when absent.
  void put_nullable(ojson& obj, std::string_view key, const std::optional<std::string>& value) {
    if (value) {
      put(obj, key, *value);
    } else {
      obj[std::string(key)] = nullptr;
    }
  }
  // Any JSON value given as text.
  void put_any(ojson& obj, std::string_view key, const any_json& value, bool object_only) {
    if (failed_) return;
    std::string where = path_;
    append_pointer_token(where, key);
    result<ojson> dom = parse_vetted(value.text, where, decode_limits{});
    if (!dom) {
      fail_with(std::move(dom).error());
      return;
    }
    if (object_only && !dom->is_object()) {
      std::string message = where + ": must be a JSON object";
      fail(error_kind::invalid_argument, std::move(message), std::move(where));
      return;
    }
    if (type_of(*dom) != value.type) {
      std::string message = where + ": the JSON text does not hold the declared type";
      fail(error_kind::invalid_argument, std::move(message), std::move(where));
      return;
    }
    obj[std::string(key)] = std::move(*dom);
  }

  // Fails with `why` at the current location.
  void reject(const std::string& why) {
    std::string message = (path_.empty() ? std::string("body") : path_) + ": " + why;
    fail(error_kind::invalid_argument, std::move(message), path_);
  }

  // Enters / leaves a nested member for error locations.
  std::size_t enter(std::string_view key) {
    const std::size_t mark = path_.size();
    append_pointer_token(path_, key);
    return mark;
  }
  void leave(std::size_t mark) { path_.resize(mark); }

 private:
  // True when `value`, about to be written under `key`, is valid UTF-8 and nothing failed yet.
  bool checked(std::string_view key, std::string_view value) {
    if (failed_) return false;
    const std::size_t bad = find_invalid_utf8(value);
    if (bad == std::string_view::npos) return true;
    std::string where = path_;
    append_pointer_token(where, key);
    std::string message = where + ": string is not valid UTF-8 (byte " + std::to_string(bad) + ")";
    fail(error_kind::invalid_argument, std::move(message), std::move(where));
    return false;
  }

  void fail(error_kind kind, std::string message, std::string where) {
    if (!failed_) {
      failed_ = true;
      error_ = make_error(kind, std::move(message), std::move(where));
    }
  }
  void fail_with(error e) {
    if (!failed_) {
      failed_ = true;
      error_ = std::move(e);
    }
  }

  std::string path_;
  std::size_t size_hint_ = 0;
  bool failed_ = false;
  error error_;
};

// Empties `value` from the leaves up. nlohmann frees a non-empty object or array by first
// moving its members to a heap-allocated stack (so that no document is too deep to free);
// emptied from the leaves, the shallow DOMs of request bodies are freed without that stack.
inline void empty_bottom_up(nlohmann::ordered_json& value) {
  if (value.is_object()) {
    auto& members = value.get_ref<nlohmann::ordered_json::object_t&>();
    for (auto& member : members) empty_bottom_up(member.second);
    members.clear();
  } else if (value.is_array()) {
    auto& elements = value.get_ref<nlohmann::ordered_json::array_t&>();
    for (auto& element : elements) empty_bottom_up(element);
    elements.clear();
  }
}

// Dumps `dom` compactly unless the writer failed. This is what dom.dump() does, with two
// allocations fewer: the text is sized up front from the writer's hint instead of regrown as
// it is written, and dump_compact() keeps nlohmann's output adapter on the stack.
inline result<std::string> finish(body_writer& writer, nlohmann::ordered_json& dom) {
  if (writer.failed()) return writer.take_error();
  std::string text;
  text.reserve(writer.size_hint());
  dump_compact(dom, text);
  empty_bottom_up(dom);
  return text;
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
