// json_text_writer: compact JSON text written from parser events without recursion (the
// any-JSON values the decoding engine captures).
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>  // int64_t, uint64_t
#include <string>   // string, to_string
#include <utility>  // move
#include <vector>   // vector

#include "novu/core/detail/nlohmann_shim.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Writes compact JSON text from parser events without recursion, whatever the depth: captured
// any-JSON values are kept as text (member order as received) instead of as a DOM whose
// dump() would recurse once per level. Reals are formatted by nlohmann
// (ordered_json: the one specialization the implementation instantiates).
class json_text_writer {
 public:
  void null() {
    value_prefix();
    out_ += "null";
  }
  void boolean(bool v) {
    value_prefix();
    out_ += v ? "true" : "false";
  }
  void integer(std::int64_t v) {
    value_prefix();
    out_ += std::to_string(v);
  }
  void unsigned_integer(std::uint64_t v) {
    value_prefix();
    out_ += std::to_string(v);
  }
  void real(double v) {
    value_prefix();
    out_ += nlohmann::ordered_json(v).dump();
  }
  // Strings from the parser are valid UTF-8: written as nlohmann's dump() would, without a DOM.
  void string(const std::string& v) {
    value_prefix();
    append_json_string(out_, v);
  }
  void key(const std::string& name) {
    separator();
    append_json_string(out_, name);
    out_.push_back(':');
    after_key_ = true;
  }
  void start(bool object) {
    value_prefix();
    out_.push_back(object ? '{' : '[');
    open_.push_back(object);
    first_.push_back(true);
  }
  void end() {
    out_.push_back(open_.back() ? '}' : ']');
    open_.pop_back();
    first_.pop_back();
  }
  // The text written so far; the writer starts over.
  std::string take() {
    std::string text = std::move(out_);
    out_.clear();
    open_.clear();
    first_.clear();
    after_key_ = false;
    return text;
  }

 private:
  void value_prefix() {
    if (after_key_) {
      after_key_ = false;
    } else {
      separator();
    }
  }
  void separator() {
    if (first_.empty()) return;
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }

  std::string out_;
  std::vector<bool> open_;   // true: object
  std::vector<bool> first_;  // no member/element written yet at this level
  bool after_key_ = false;
};

}  // namespace detail
NOVU_CC_NAMESPACE_END
