// Masking of known secrets (the API key, the tokens a call sent) wherever they stand in a text:
// verbatim, JSON-escaped in any spelling (\uXXXX, \/, \", surrogate pairs) or percent-encoded.
// Each view of the text is read once by an Aho-Corasick automaton over all secrets at once, so
// the cost is linear in the text's size whatever it holds. Needs only the standard library.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <cstdint>      // uint16_t, uint32_t, uint64_t
#include <cstring>      // memcpy, memmove
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // pair
#include <vector>       // vector

#include "novu/core/detail/text.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

// Secrets shorter than this are not searched: they cannot be told apart from ordinary text.
inline constexpr std::size_t min_secret_length = 4;

// True for the bytes trimmed around a secret.
constexpr bool is_secret_blank(char ch) noexcept { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

// `secret` without surrounding blanks and without an "ApiKey" scheme (any case) in front:
// the part that is secret in every spelling of it.
inline std::string_view secret_core(std::string_view secret) noexcept {
  while (!secret.empty() && is_secret_blank(secret.front())) secret.remove_prefix(1);
  while (!secret.empty() && is_secret_blank(secret.back())) secret.remove_suffix(1);
  static constexpr std::string_view scheme{"apikey"};
  if (secret.size() >= scheme.size() && (secret.size() == scheme.size() || is_secret_blank(secret[scheme.size()]))) {
    bool same = true;
    for (std::size_t i = 0; i < scheme.size() && same; ++i) {
      const char ch = secret[i];
      same = (ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch) == scheme[i];
    }
    if (same) {
      secret.remove_prefix(scheme.size());
      while (!secret.empty() && is_secret_blank(secret.front())) secret.remove_prefix(1);
    }
  }
  return secret;
}

// A set of secrets and the automaton that finds them: add() the secrets, then scrub(). The
// automaton is built on first use after an add(), so adding many secrets costs their length
// once (a 422 can echo thousands). One thread at a time: that first use builds it.
class secret_scrubber {
 public:
  // Adds `secret` (its core: see secret_core). Cores shorter than min_secret_length are ignored.
  void add(std::string_view secret) {
    const std::string_view core = secret_core(secret);
    if (core.size() < min_secret_length) return;
    // A secret holding quotes, backslashes or control characters is also searched for
    // JSON-escaped once and twice: the JSON view then finds it inside a string that holds JSON
    // ("{\"token\":\"a\\\"b\"}").
    std::string escaped(core);
    for (int level = 0; level < 3; ++level) {
      patterns_.push_back(escaped);
      std::string next;
      append_json_escaped(next, escaped);
      if (next == escaped) break;
      escaped.swap(next);
    }
    built_ = false;
  }

  // True when there is nothing to search for.
  bool empty() const noexcept { return patterns_.empty(); }

  // The text that replaces each masked run: "[redacted]" unless a secret could then be read
  // across its edges (a secret holding '[' or ']', or one inside "redacted").
  const std::string& marker() const {
    ensure_built();
    return marker_;
  }

  // The text that replaces a whole text or value when masking runs inside it is not safe; it
  // holds no secret.
  const std::string& whole_marker() const {
    ensure_built();
    return whole_marker_;
  }

  // Masks every occurrence of every secret in `text`, in each view. Returns true when it
  // changed anything. Afterwards no view of `text` holds a secret: when masking runs could
  // not guarantee that, the whole text is replaced by a marker.
  bool scrub(std::string& text) const {
    if (patterns_.empty() || text.size() < min_secret_length) return false;
    ensure_built();
    std::vector<std::uint64_t>& marks = marks_;  // reused: a 422 has thousands of small texts
    marks.clear();
    if (!find_all(text, marks)) return false;
    if (whole_only_) {
      text = whole_marker_;
      return true;
    }
    rewrite(text, marks);
    if (needs_check(text)) {
      marks.clear();
      if (find_all(text, marks)) text = whole_marker_;
    }
    return true;
  }

  // What scrub_json() did.
  enum class json_outcome : unsigned char { unchanged, scrubbed, unsafe };

  // scrub() for compact, valid JSON text: masks only when every masked run lies inside the
  // content of one string, starting and ending at a character (not inside an escape or a UTF-8
  // sequence), so that the text stays valid JSON of the same type. Otherwise leaves `text`
  // alone and answers `unsafe`: the caller replaces the value whole.
  json_outcome scrub_json(std::string& text) const {
    if (patterns_.empty() || text.size() < min_secret_length) return json_outcome::unchanged;
    ensure_built();
    std::vector<std::uint64_t>& marks = marks_;  // reused: a 422 has thousands of small texts
    marks.clear();
    if (!find_all(text, marks)) return json_outcome::unchanged;
    if (whole_only_ || !runs_inside_strings(text, marks)) return json_outcome::unsafe;
    rewrite(text, marks);
    if (!needs_check(text)) return json_outcome::scrubbed;
    marks.clear();
    return find_all(text, marks) ? json_outcome::unsafe : json_outcome::scrubbed;
  }

 private:
  // Whether a rewritten text must be searched again. With "[redacted]" (no secret holds a
  // bracket or sits inside "redacted") no secret can be read across a marker verbatim or
  // percent-decoded ('[' and ']' are not hex digits); only a backslash next to a marker can
  // change how the JSON view decodes there, so a text without one needs no second search.
  bool needs_check(std::string_view rewritten) const noexcept {
    return marker_ != "[redacted]" || rewritten.find('\\') != std::string_view::npos;
  }

  static bool marked(const std::vector<std::uint64_t>& marks, std::size_t i) noexcept {
    return (marks[i >> 6] >> (i & 63)) & 1u;
  }

  // The next run of marked bytes at or after `from`: [begin, end), or begin == size when none.
  static std::pair<std::size_t, std::size_t> next_run(const std::vector<std::uint64_t>& marks, std::size_t from,
                                                      std::size_t size) noexcept {
    std::size_t i = from;
    while (i < size) {
      const std::uint64_t word = marks[i >> 6] >> (i & 63);
      if (word == 0) {
        i = (i | 63) + 1;
        continue;
      }
      i += static_cast<std::size_t>(count_trailing_zeros(word));
      break;
    }
    if (i >= size) return {size, size};
    std::size_t end = i;
    while (end < size) {
      const std::uint64_t word = ~marks[end >> 6] >> (end & 63);
      if (word == 0) {
        end = (end | 63) + 1;
        continue;
      }
      end += static_cast<std::size_t>(count_trailing_zeros(word));
      break;
    }
    return {i, end < size ? end : size};
  }

  static int count_trailing_zeros(std::uint64_t word) noexcept {
    int n = 0;
    while ((word & 0xFFu) == 0) {
      word >>= 8;
      n += 8;
    }
    while ((word & 1u) == 0) {
      word >>= 1;
      ++n;
    }
    return n;
  }

  // `text` with each marked run replaced by the marker.
  void rewrite(std::string& text, const std::vector<std::uint64_t>& marks) const {
    // In place when no marker overtakes the bytes still to read (runs mostly outsize the
    // marker), which spares a second buffer of the text's size; otherwise into a new one.
    bool in_place = true;
    for (std::size_t at = 0, written = 0;;) {
      const auto run = next_run(marks, at, text.size());
      if (run.first == text.size()) break;
      written += run.first - at + marker_.size();
      if (written > run.second) {
        in_place = false;
        break;
      }
      at = run.second;
    }
    if (in_place) {
      char* const bytes = &text[0];
      std::size_t written = 0;
      for (std::size_t at = 0;;) {
        const auto run = next_run(marks, at, text.size());
        if (written != at) std::memmove(bytes + written, bytes + at, run.first - at);
        written += run.first - at;
        if (run.first == text.size()) break;
        std::memcpy(bytes + written, marker_.data(), marker_.size());
        written += marker_.size();
        at = run.second;
      }
      text.resize(written);
      return;
    }
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    for (;;) {
      const auto run = next_run(marks, at, text.size());
      out.append(text, at, run.first - at);
      if (run.first == text.size()) break;
      out += marker_;
      at = run.second;
    }
    text.swap(out);
  }

  // True when every marked run of valid compact JSON `text` lies inside one string's content
  // and begins and ends at a character boundary (not in an escape, not in a UTF-8 sequence).
  static bool runs_inside_strings(std::string_view text, const std::vector<std::uint64_t>& marks) {
    bool in_string = false;
    std::size_t escape_end = 0;  // the current escape sequence ends before this offset
    std::size_t pos = 0;         // the scan has read text[0, pos)
    // Reads text[pos, to), keeping track of strings and escapes; false when a quote that ends a
    // string is read and `no_quote` is set (a run may not contain one).
    auto advance = [&](std::size_t to, bool no_quote) {
      while (pos < to) {
        if (pos < escape_end) {
          pos = escape_end < to ? escape_end : to;
          continue;
        }
        const char ch = text[pos];
        if (ch == '"') {
          if (in_string && no_quote) return false;
          in_string = !in_string;
        } else if (ch == '\\' && in_string) {
          escape_end = pos + (pos + 1 < text.size() && text[pos + 1] == 'u' ? 6 : 2);
        }
        ++pos;
      }
      return true;
    };
    auto continuation = [&](std::size_t i) {
      return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
    };
    std::size_t at = 0;
    for (;;) {
      const auto run = next_run(marks, at, text.size());
      if (run.first == text.size()) return true;
      advance(run.first, false);
      if (!in_string || pos < escape_end || continuation(run.first)) return false;
      if (!advance(run.second, true) || !in_string || pos < escape_end || continuation(run.second)) return false;
      at = run.second;
    }
  }

  // One automaton state: its edges in edges_[first_edge, first_edge + edge_count), the state
  // reached on a mismatch, and the length of the longest secret ending here (0: none).
  struct state {
    std::uint32_t first_edge = 0;
    std::uint32_t edge_count = 0;
    std::uint32_t fail = 0;
    std::uint32_t match = 0;
  };

  // Builds the automaton when secrets were added since it was last built.
  void ensure_built() const {
    if (built_) return;
    build();
    built_ = true;
  }

  // The automaton's larger members are defined out of the class, in scrub_automaton.hpp (included
  // at the end of this file).
  void build() const;

  // The table is built only for automata of at most this many states (2 MiB).
  static constexpr std::size_t dense_max_states = 4096;
  // The bit of a table entry that says the state it leads to ends a secret.
  static constexpr std::uint16_t dense_match_flag = 0x8000;

  const std::uint16_t* dense_table(std::size_t size) const;
  std::uint32_t step(std::uint32_t s, unsigned char c) const noexcept;

  bool any_pattern_has(char ch) const noexcept {
    for (const std::string& p : patterns_) {
      if (p.find(ch) != std::string::npos) return true;
    }
    return false;
  }

  bool any_pattern_inside(std::string_view text) const noexcept {
    for (const std::string& p : patterns_) {
      if (text.find(p) != std::string_view::npos) return true;
    }
    return false;
  }

  // A marker is safe when no secret can be read across its edges: with "[redacted]" no secret
  // may hold a bracket or sit inside "redacted"; a run of one character is safe when no secret
  // holds that character. Failing both, texts holding a secret are replaced whole.
  void choose_markers() const {
    whole_only_ = false;
    if (!any_pattern_has('[') && !any_pattern_has(']') && !any_pattern_inside("redacted")) {
      marker_ = "[redacted]";
    } else {
      marker_.clear();
      for (char ch : std::string_view("*#~^|!$&+=?@_-")) {
        if (!any_pattern_has(ch)) {
          marker_.assign(3, ch);
          break;
        }
      }
      whole_only_ = marker_.empty();
    }
    for (std::string_view candidate :
         {std::string_view("[redacted]"), std::string_view("****"), std::string_view("####")}) {
      if (!any_pattern_inside(candidate)) {
        whole_marker_.assign(candidate.data(), candidate.size());
        break;
      }
    }
  }

  // Marks the byte ranges that the matches of one view cover (scrub_automaton.hpp).
  class match_marks;

  bool find_all(std::string_view text, std::vector<std::uint64_t>& marks) const;
  bool decoded_view(std::string_view text, std::vector<std::uint64_t>& marks, bool percent) const;

  // The automaton and markers are derived from patterns_ on first use (ensure_built).
  mutable std::vector<std::string> patterns_;
  mutable bool built_ = true;
  mutable std::vector<state> states_{1};
  mutable std::vector<std::pair<unsigned char, std::uint32_t>> edges_;
  mutable std::uint32_t root_[256] = {};
  mutable std::size_t longest_ = 0;
  mutable std::string marker_{"[redacted]"};
  mutable std::string whole_marker_{"[redacted]"};
  mutable bool whole_only_ = false;
  mutable std::vector<std::uint32_t> breadth_first_;  // states but the root, breadth first
  mutable std::vector<std::uint16_t> dense_;          // see dense_table()
  mutable std::size_t bytes_read_ = 0;                // bytes read before the table was built
  mutable std::vector<std::uint64_t> marks_;          // scrub()'s marks, kept for the next text
};

}  // namespace detail
NOVU_CC_NAMESPACE_END

// The automaton's larger members, defined out of the class.
#include "novu/core/detail/scrub_automaton.hpp"
