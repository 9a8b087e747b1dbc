// Masking of credentials the library does not know: values under credential-like names in
// JSON (members, and the `value` a ValidationErrorDto echoes for such a field,
// also inside JSON that a string value holds), `name=value` pairs in other text, and
// credential-bearing headers. Used by the debug printer and by the parsers for the bodies and
// headers an error keeps. Needs only the standard library.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstring>      // memchr
#include <string>       // string
#include <string_view>  // string_view
#include <vector>       // vector

#include "novu/core/detail/secret_names.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// The text that replaces a masked value.
inline constexpr std::string_view mask_text{"[redacted]"};

// A tolerant single-pass scanner over JSON-like text that masks credential values. It keeps
// a stack of open containers instead of recursing and accepts malformed or truncated input:
// any string followed by ':' counts as a member name. Three cases: the value of an
// `accessToken`-like member (masked whole, containers included), the `value` a
// ValidationErrorDto echoes under an "auth.accessToken"-like key, and everything else
// (copied; a string holding JSON is masked inside, a few levels deep).
class json_secret_masker {
 public:
  explicit json_secret_masker(int depth = 0) : depth_(depth) {}

  // Masks `text` into `out`, stopping once `out` reaches `stop_at` bytes. Returns the number
  // of bytes of `text` consumed.
  std::size_t run(std::string_view text, std::string& out, std::size_t stop_at) {
    text_ = text;
    pos_ = 0;
    copied_ = 0;
    out_ = &out;
    // Input is copied in stretches (flush) rather than byte by byte: only masked values differ.
    while (pos_ < text_.size() && written() < stop_at) {
      const char ch = text_[pos_];
      if (ch == '"') {
        string_token(stop_at);
      } else if (ch == '{' || ch == '[') {
        stack_.push_back(value_rule());
        pending_ = rule::none;
        ++pos_;
      } else if (ch == '}' || ch == ']') {
        if (!stack_.empty()) stack_.pop_back();
        pending_ = rule::none;
        ++pos_;
      } else if (ch == ',') {
        pending_ = rule::none;
        ++pos_;
      } else if (is_blank(ch) || ch == ':') {
        ++pos_;
      } else {
        scalar_token(stop_at);
      }
    }
    if (!unchanged_if_clean_ || masked_) flush();
    return pos_;
  }

  // run() over the whole text that writes to `out` only when it masks something: returns
  // false, `out` untouched, when the text has no credential to mask.
  bool run_if_masked(std::string_view text, std::string& out) {
    unchanged_if_clean_ = true;
    masked_ = false;
    run(text, out, static_cast<std::size_t>(-1));
    unchanged_if_clean_ = false;
    return masked_;
  }

 private:
  enum class rule : unsigned char { none, mask_all, mask_echo };

  // How deep strings holding JSON are looked into.
  static constexpr int max_depth = 3;

  static bool is_blank(char ch) noexcept { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

  // The rule of the value starting here: set by its member name, else inherited.
  rule value_rule() const noexcept {
    if (pending_ != rule::none) return pending_;
    return !stack_.empty() && stack_.back() == rule::mask_all ? rule::mask_all : rule::none;
  }

  // What the output holds once the pending stretch is copied.
  std::size_t written() const noexcept { return out_->size() + (pos_ - copied_); }

  // Copies the input read since the last flush.
  void flush() {
    if (unchanged_if_clean_ && !masked_) out_->reserve(text_.size());
    masked_ = true;  // flushed before each mask, and at the end when writing regardless
    out_->append(text_.data() + copied_, pos_ - copied_);
    copied_ = pos_;
  }

  // Writes a masked value in place of the input from pos_ to `after`.
  void append_mask(bool closed, std::size_t after) {
    flush();
    copied_ = pos_ = after;
    out_->push_back('"');
    out_->append(mask_text.data(), mask_text.size());
    if (closed) out_->push_back('"');
  }

  // Numbers, literals and stray bytes up to the next delimiter.
  void scalar_token(std::size_t stop_at) {
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const char ch = text_[pos_];
      if (ch == '"' || ch == '{' || ch == '}' || ch == '[' || ch == ']' || ch == ',' || ch == ':' || is_blank(ch)) {
        break;
      }
      ++pos_;
    }
    const std::string_view token = text_.substr(start, pos_ - start);
    if (value_rule() != rule::none && token != "null" && token != "true" && token != "false") {
      const std::size_t after = pos_;
      pos_ = start;
      append_mask(true, after);  // quoted, so the output stays JSON and masking it again changes nothing
    } else {
      pos_ = start;
      copy_until(start + token.size(), stop_at);
    }
    pending_ = rule::none;
  }

  void string_token(std::size_t stop_at) {
    // The closing quote: the next quote not escaped by an odd run of backslashes.
    std::size_t end = pos_ + 1;
    bool closed = false;
    while (end < text_.size()) {
      const void* found = std::memchr(text_.data() + end, '"', text_.size() - end);
      if (found == nullptr) {
        end = text_.size();
        break;
      }
      const std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
      std::size_t backslashes = 0;
      while (quote - backslashes > pos_ + 1 && text_[quote - backslashes - 1] == '\\') ++backslashes;
      end = quote;
      if (backslashes % 2 == 0) {
        closed = true;
        break;
      }
      ++end;
    }
    const std::string_view raw = text_.substr(pos_ + 1, end - (pos_ + 1));
    const std::size_t after = closed ? end + 1 : end;
    std::size_t next = after;
    while (next < text_.size() && is_blank(text_[next])) ++next;
    if (closed && next < text_.size() && text_[next] == ':') {
      member_name(raw);
      copy_until(after, stop_at);
      return;
    }
    if (value_rule() != rule::none) {
      append_mask(closed, after);
    } else if (!nested_json(raw, closed, after)) {
      copy_until(after, stop_at);
    }
    pending_ = rule::none;
  }

  // A string value that holds JSON ("{\"accessToken\":\"...\"}") is masked inside; true when
  // that changed it (and it was written).
  bool nested_json(std::string_view raw, bool closed, std::size_t after) {
    if (depth_ >= max_depth) return false;
    std::size_t first = 0;
    while (first < raw.size() && is_blank(raw[first])) ++first;
    if (first >= raw.size() || (raw[first] != '{' && raw[first] != '[')) return false;
    const std::string inner = json_unescape(raw);
    std::string masked;
    json_secret_masker nested(depth_ + 1);
    if (!nested.run_if_masked(inner, masked) || masked == inner) return false;
    flush();
    copied_ = pos_ = after;
    out_->push_back('"');
    append_json_escaped(*out_, masked);
    if (closed) out_->push_back('"');
    return true;
  }

  // Decides how the value of the member called `raw` (escaped) is printed.
  void member_name(std::string_view raw) {
    const rule container = stack_.empty() ? rule::none : stack_.back();
    const std::string plain = json_unescape(raw);
    const std::string name = normalized_key(plain);
    const bool path = plain.find_first_of("./[") != std::string::npos;  // a 422 field path
    if (container == rule::mask_all || (!path && is_secret_name(name))) {
      pending_ = rule::mask_all;
    } else if (container == rule::mask_echo && name == "value") {
      pending_ = rule::mask_all;
    } else if (path && is_secret_path(plain)) {
      pending_ = rule::mask_echo;
    } else {
      pending_ = rule::none;
    }
  }

  // Copies text up to `end`, stopping early once the output holds `stop_at` bytes.
  void copy_until(std::size_t end, std::size_t stop_at) {
    const std::size_t room = stop_at > written() ? stop_at - written() : 0;
    const std::size_t take = end - pos_ < room ? end - pos_ : room;
    pos_ += take;
  }

  int depth_ = 0;
  std::string_view text_;
  std::size_t pos_ = 0;     // next byte to read
  std::size_t copied_ = 0;  // input before this offset is in the output (or was replaced)
  std::string* out_ = nullptr;
  std::vector<rule> stack_;  // rule of each open container
  rule pending_ = rule::none;
  bool unchanged_if_clean_ = false;  // run_if_masked(): no output unless something is masked
  bool masked_ = false;              // flush() ran (a mask was written, or the end was reached)
};

// Appends to `out` the text with the values of credential-named `name=value` and `name: value`
// pairs masked ("token=abc&x=1", "client_secret: abc", "Authorization: Bearer abc"), as found
// in form-encoded, HTML or plain-text bodies and in URLs inside JSON strings, and returns true;
// returns false, leaving `out` alone, when there is nothing to mask.
inline bool mask_key_value_pairs_into(std::string_view text, std::string& out) {
  // Bytes of a name, and bytes that need a look (a name's or a separator), as tables: this
  // loop runs over whole bodies.
  struct tables {
    bool name[256] = {};
    bool stop[256] = {};
    constexpr tables() {
      for (int c = 0; c < 256; ++c) {
        name[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                  c == '.' || c == '[' || c == ']';
        stop[c] = name[c] || c == '=' || c == ':';
      }
    }
  };
  static constexpr tables table{};
  auto name_char = [](char ch) { return table.name[static_cast<unsigned char>(ch)]; };
  auto value_end = [&](std::size_t from) {
    while (from < text.size()) {
      const char ch = text[from];
      const auto c = static_cast<unsigned char>(ch);
      if (c <= 0x20 || ch == '&' || ch == ';' || ch == ',' || ch == '"' || ch == '\'' || ch == '<' || ch == '>' ||
          ch == ')' || ch == '}' || ch == ']' || ch == '\\') {
        break;
      }
      ++from;
    }
    return from;
  };
  // Copy on write: `out` gets the text only from the first mask on; `copied` is where the
  // text not yet in `out` begins.
  std::size_t copied = 0;
  bool changed = false;
  auto replace = [&](std::size_t from, std::size_t to) {
    if (!changed) out.reserve(text.size());
    changed = true;
    out.append(text.data() + copied, from - copied);
    out.append(mask_text.data(), mask_text.size());
    copied = to;
  };
  std::size_t name_begin = 0;
  std::size_t name_end = 0;  // the last name seen, when only blanks followed it
  bool have_name = false;
  bool in_name = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (name_char(ch)) {
      // A whole run of name characters at once.
      std::size_t end = i + 1;
      while (end < text.size() && name_char(text[end])) ++end;
      if (!in_name) name_begin = i;
      in_name = true;
      have_name = false;
      i = end - 1;
      continue;
    }
    if (in_name) {
      name_end = i;
      have_name = true;
      in_name = false;
    }
    if (ch == ' ' || ch == '\t') continue;
    if (ch != '=' && ch != ':') {
      // Nothing to look at until the next name character.
      have_name = false;
      std::size_t end = i + 1;
      while (end < text.size() && !table.stop[static_cast<unsigned char>(text[end])]) ++end;
      i = end - 1;
      continue;
    }
    const bool pair = have_name && is_secret_path(text.substr(name_begin, name_end - name_begin));
    have_name = false;
    if (!pair) continue;
    std::size_t at = i + 1;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    if (at < text.size() && (text[at] == '"' || text[at] == '\'')) {
      const char quote = text[at];
      std::size_t close = text.find(quote, at + 1);
      if (close == std::string_view::npos) {
        replace(at + 1, text.size());
        i = text.size() - 1;
        continue;
      }
      replace(at + 1, close);
      i = close - 1;
      continue;
    }
    std::size_t end = value_end(at);
    if (end == at) {
      i = at - 1;
      continue;
    }
    // "Bearer abc", "ApiKey abc": the scheme word and the credential after it.
    bool scheme = end - at <= 12 && end < text.size() && text[end] == ' ';
    for (std::size_t k = at; scheme && k < end; ++k)
      scheme = (text[k] >= 'A' && text[k] <= 'Z') || (text[k] >= 'a' && text[k] <= 'z');
    if (scheme && value_end(end + 1) > end + 1) {
      at = end + 1;
      end = value_end(at);
    }
    if (text.substr(at, mask_text.size()) == mask_text) {  // masked already ("[redacted]", "Bearer [redacted]")
      i = at - 1;
      continue;
    }
    replace(at, end);
    i = end - 1;
  }
  if (changed) out.append(text.data() + copied, text.size() - copied);
  return changed;
}

// `text` with the values of credential-named `name=value` and `name: value` pairs masked.
inline std::string mask_key_value_pairs(std::string_view text) {
  std::string out;
  if (!mask_key_value_pairs_into(text, out)) out.assign(text.data(), text.size());
  return out;
}

// Whether a credential masker could act on `text`: both act only after a name followed by ':'
// (JSON members, "name: value") or '='.
inline bool may_hold_credentials(std::string_view text) noexcept {
  return std::memchr(text.data(), ':', text.size()) != nullptr || std::memchr(text.data(), '=', text.size()) != nullptr;
}

// One pass of both maskers over the whole text into `out`, copying only when a masker changes
// something: returns false, `out` untouched, when `text` has nothing to mask. `pairs_masked`
// says whether the second masker (name=value pairs) changed what the first one wrote.
inline bool mask_credentials_once_into(std::string_view text, std::string& out, bool& pairs_masked) {
  pairs_masked = false;
  if (!may_hold_credentials(text)) return false;
  std::string json;
  json_secret_masker masker;
  const bool json_masked = masker.run_if_masked(text, json);
  if (mask_key_value_pairs_into(json_masked ? std::string_view(json) : text, out)) {
    pairs_masked = true;
    return true;
  }
  if (!json_masked) return false;
  out.append(json);
  return true;
}

// `text` (JSON or not, even malformed) with every credential masker applied into `out`, until
// nothing changes, so that the result masks to itself: returns false, `out` untouched, when
// there is nothing to mask. The JSON masker alone leaves its own output unchanged, but a masked
// name=value pair can move where a JSON string ends, so once the pair masker changed something
// both run again; a text that has not settled after eight passes is masked whole.
inline bool mask_credentials_into(std::string_view text, std::string& out) {
  bool pairs = false;
  std::string current;
  if (!mask_credentials_once_into(text, current, pairs)) return false;
  std::string next;
  for (int pass = 1; pairs && pass < 8; ++pass) {
    next.clear();
    if (!mask_credentials_once_into(current, next, pairs) || next == current) {
      pairs = false;
      break;
    }
    current.swap(next);
  }
  if (pairs) current.assign(mask_text.data(), mask_text.size());
  out.append(current);
  return true;
}

// `text` with every credential masker applied (mask_credentials_into).
inline std::string mask_credentials(std::string_view text) {
  std::string out;
  if (!mask_credentials_into(text, out)) out.assign(text.data(), text.size());
  return out;
}

}  // namespace detail
NOVU_CC_NAMESPACE_END
