// Masking of known secrets (the API key, the tokens a call sent) wherever they stand in a text:
// verbatim, JSON-escaped in any spelling (\uXXXX, \/, \", surrogate pairs) or percent-encoded.
// Each view of the text is read once by an Aho-Corasick automaton over all secrets at once, so
// the cost is linear in the text's size whatever it holds. Needs only the standard library.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // sort, unique
#include <cstddef>      // size_t
#include <cstdint>      // uint32_t, uint64_t
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

  void build() const {
    // Duplicates (the same token sent and echoed) are dropped first.
    std::sort(patterns_.begin(), patterns_.end());
    patterns_.erase(std::unique(patterns_.begin(), patterns_.end()), patterns_.end());
    // A trie of the secrets, then failure links breadth first (Aho-Corasick).
    std::vector<std::vector<std::pair<unsigned char, std::uint32_t>>> children(1);
    std::vector<std::uint32_t> own(1, 0);
    longest_ = 0;
    for (const std::string& p : patterns_) {
      std::uint32_t at = 0;
      for (char ch : p) {
        const auto c = static_cast<unsigned char>(ch);
        std::uint32_t next = 0;
        for (const auto& edge : children[at]) {
          if (edge.first == c) next = edge.second;
        }
        if (next == 0) {
          next = static_cast<std::uint32_t>(children.size());
          children[at].emplace_back(c, next);
          children.emplace_back();
          own.push_back(0);
        }
        at = next;
      }
      own[at] = static_cast<std::uint32_t>(p.size());
      longest_ = p.size() > longest_ ? p.size() : longest_;
    }
    states_.assign(children.size(), state{});
    edges_.clear();
    for (std::size_t s = 0; s < children.size(); ++s) {
      states_[s].first_edge = static_cast<std::uint32_t>(edges_.size());
      states_[s].edge_count = static_cast<std::uint32_t>(children[s].size());
      for (const auto& edge : children[s]) edges_.push_back(edge);
    }
    for (std::uint32_t& r : root_) r = 0;
    for (const auto& edge : children[0]) root_[edge.first] = edge.second;
    std::vector<std::uint32_t> queue;
    for (const auto& edge : children[0]) queue.push_back(edge.second);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const std::uint32_t u = queue[head];
      states_[u].match = own[u] > states_[states_[u].fail].match ? own[u] : states_[states_[u].fail].match;
      for (const auto& edge : children[u]) {
        states_[edge.second].fail = step(states_[u].fail, edge.first);
        queue.push_back(edge.second);
      }
    }
    breadth_first_.swap(queue);
    dense_.clear();
    bytes_read_ = 0;
    choose_markers();
  }

  // The table is built only for automata of at most this many states (2 MiB).
  static constexpr std::size_t dense_max_states = 4096;
  // The bit of a table entry that says the state it leads to ends a secret.
  static constexpr std::uint16_t dense_match_flag = 0x8000;

  // The full transition table (state * 256 + byte -> state), used once the texts read so far,
  // with this one of `size` bytes, outnumber its entries: one lookup a byte, where the sparse
  // automaton costs tens of instructions a byte inside dense matches, and building it never
  // costs more than the reading it replaces. nullptr before that, or when the automaton is large.
  const std::uint16_t* dense_table(std::size_t size) const {
    if (states_.size() > dense_max_states) return nullptr;
    if (dense_.empty()) {
      bytes_read_ += size;
      if (bytes_read_ < states_.size() * 256) return nullptr;
      dense_.assign(states_.size() * 256, 0);
      for (unsigned c = 0; c < 256; ++c) dense_[c] = static_cast<std::uint16_t>(root_[c]);
      // Breadth first, so a state's failure state (shallower) is filled before it.
      for (const std::uint32_t u : breadth_first_) {
        std::uint16_t* row = &dense_[static_cast<std::size_t>(u) * 256];
        const std::uint16_t* fallback = &dense_[static_cast<std::size_t>(states_[u].fail) * 256];
        for (unsigned c = 0; c < 256; ++c) row[c] = fallback[c];
        const state& st = states_[u];
        for (std::uint32_t e = st.first_edge; e < st.first_edge + st.edge_count; ++e) {
          row[edges_[e].first] = static_cast<std::uint16_t>(edges_[e].second);
        }
      }
      // Flag the entries that lead into a state ending a secret, so a read tests one bit.
      for (std::uint16_t& next : dense_) {
        if (states_[next].match != 0) next = static_cast<std::uint16_t>(next | dense_match_flag);
      }
    }
    return dense_.data();
  }

  // The state after reading byte `c` in state `s`.
  std::uint32_t step(std::uint32_t s, unsigned char c) const noexcept {
    const state* states = states_.data();
    const std::pair<unsigned char, std::uint32_t>* edges = edges_.data();
    for (;;) {
      if (s == 0) return root_[c];
      const state& st = states[s];
      for (std::uint32_t e = st.first_edge, last = st.first_edge + st.edge_count; e < last; ++e) {
        if (edges[e].first == c) return edges[e].second;
      }
      s = st.fail;
    }
  }

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

  // Collects the byte ranges the matches of one view cover into `bits` (one bit a byte, made on
  // the first match). Matches come in order of their end and overlap only ranges at the back,
  // so they are merged there; a range that no later match can reach (it ends more than `reach`
  // bytes, the most a match spans in this view, before the last end) is final and goes into
  // `bits`, whole words at a time. Each byte is set once, however the matches overlap, and
  // the list stays short, however many there are.
  class match_marks {
   public:
    match_marks(std::vector<std::uint64_t>& bits, std::size_t size, std::size_t reach)
        : bits_(bits), size_(size), reach_(reach) {}

    // A match covering [begin, end).
    void add(std::size_t begin, std::size_t end) {
      found_ = true;
      while (pending_.size() > first_ && begin <= pending_.back().second) {
        if (pending_.back().first < begin) begin = pending_.back().first;
        pending_.pop_back();
      }
      pending_.emplace_back(begin, end);
      if (pending_.size() - first_ < 64) return;
      while (first_ < pending_.size() && pending_[first_].second + reach_ < end) set(pending_[first_++]);
      if (first_ == pending_.size() || first_ >= 64) {
        pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(first_));
        first_ = 0;
      }
    }

    // Sets the ranges still pending; true when any match was added.
    bool finish() {
      for (; first_ < pending_.size(); ++first_) set(pending_[first_]);
      return found_;
    }

   private:
    void set(const std::pair<std::size_t, std::size_t>& range) {
      if (bits_.empty()) bits_.assign(size_ / 64 + 1, 0);
      for (std::size_t i = range.first; i < range.second;) {
        const std::size_t word = i >> 6, from = i & 63;
        const std::size_t to = std::min<std::size_t>(64, from + (range.second - i));
        const std::uint64_t high = to == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << to) - 1;
        bits_[word] |= high & ~((std::uint64_t{1} << from) - 1);
        i += to - from;
      }
    }

    std::vector<std::uint64_t>& bits_;
    std::size_t size_;
    std::size_t reach_;
    std::vector<std::pair<std::size_t, std::size_t>> pending_;  // merged ranges, by end
    std::size_t first_ = 0;                                     // pending_[0, first_) are set
    bool found_ = false;
  };

  // Runs the automaton over every view of `text`, marking what the secrets occupy in `text`.
  bool find_all(std::string_view text, std::vector<std::uint64_t>& marks) const {
    bool found = false;
    {
      const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
      match_marks found_marks(marks, text.size(), longest_);
      const std::size_t n = text.size();
      const state* states = states_.data();
      std::uint32_t s = 0;
      if (const std::uint16_t* table = dense_table(n)) {
        std::uint32_t next = 0;
        for (std::size_t i = 0; i < n; ++i) {
          next = table[static_cast<std::size_t>(next & ~std::uint32_t{dense_match_flag}) * 256 + bytes[i]];
          if ((next & dense_match_flag) != 0) {
            s = next & ~std::uint32_t{dense_match_flag};
            found_marks.add(i + 1 - states[s].match, i + 1);
          }
        }
      } else {
        for (std::size_t i = 0; i < n; ++i) {
          if (s == 0) {
            // At the root most bytes lead nowhere: skip them without the general step.
            while (i < n && root_[bytes[i]] == 0) ++i;
            if (i == n) break;
            s = root_[bytes[i]];
          } else {
            // Inside a secret a state mostly has one way on.
            const state& st = states[s];
            const auto& edge = edges_[st.first_edge];
            s = st.edge_count == 1 && edge.first == bytes[i] ? edge.second : step(s, bytes[i]);
          }
          if (states[s].match != 0) found_marks.add(i + 1 - states[s].match, i + 1);
        }
      }
      found = found_marks.finish();
    }
    if (text.find('\\') != std::string_view::npos) found = decoded_view(text, marks, false) || found;
    if (text.find('%') != std::string_view::npos) found = decoded_view(text, marks, true) || found;
    return found;
  }

  // The JSON-unescaped (or percent-decoded) view: each decoded byte remembers where its escape
  // began in `text`, for the last `longest_` bytes, so a match maps back to the raw span.
  bool decoded_view(std::string_view text, std::vector<std::uint64_t>& marks, bool percent) const {
    std::size_t ring_size = 1;
    while (ring_size < longest_ + 1) ring_size <<= 1;
    std::vector<std::size_t> begins(ring_size, 0);
    const std::uint16_t* table = dense_table(text.size());
    // A match's bytes each come from an escape of at most 6 bytes, and it may begin inside one.
    match_marks found_marks(marks, text.size(), 6 * longest_ + 12);
    std::uint32_t s = 0;
    std::size_t produced = 0;
    std::string unit;
    for (std::size_t i = 0; i < text.size();) {
      unit.clear();
      std::size_t used = 0;
      if (percent && text[i] == '%' && i + 2 < text.size() && hex_digit_value(text[i + 1]) >= 0 &&
          hex_digit_value(text[i + 2]) >= 0) {
        unit.push_back(static_cast<char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2])));
        used = 3;
      } else if (!percent && text[i] == '\\') {
        used = decode_json_escape(text, i, unit);
      }
      if (used == 0) {
        unit.assign(1, text[i]);
        used = 1;
      }
      const std::size_t end = i + used;
      for (char ch : unit) {
        begins[produced & (ring_size - 1)] = i;
        ++produced;
        s = table != nullptr ? table[static_cast<std::size_t>(s) * 256 + static_cast<unsigned char>(ch)] &
                                   ~std::uint32_t{dense_match_flag}
                             : step(s, static_cast<unsigned char>(ch));
        if (states_[s].match != 0) {
          found_marks.add(begins[(produced - states_[s].match) & (ring_size - 1)], end);
        }
      }
      i = end;
    }
    return found_marks.finish();
  }

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
