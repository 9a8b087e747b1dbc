// secret_scrubber's Aho-Corasick automaton, defined out of the class (scrub.hpp): building it,
// the dense transition table, and the search over each view of a text (match_marks).
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>    // sort, unique, min
#include <cstddef>      // size_t, ptrdiff_t
#include <cstdint>      // uint16_t, uint32_t, uint64_t
#include <string>       // string
#include <string_view>  // string_view
#include <utility>      // pair
#include <vector>       // vector

#include "novu/core/detail/scrub.hpp"
#include "novu/core/detail/text.hpp"
#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN
namespace detail {

inline void secret_scrubber::build() const {
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

// The full transition table (state * 256 + byte -> state), used once the texts read so far,
// with this one of `size` bytes, outnumber its entries: one lookup a byte, where the sparse
// automaton costs tens of instructions a byte inside dense matches, and building it never
// costs more than the reading it replaces. nullptr before that, or when the automaton is large.
inline const std::uint16_t* secret_scrubber::dense_table(std::size_t size) const {
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
inline std::uint32_t secret_scrubber::step(std::uint32_t s, unsigned char c) const noexcept {
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

// Collects the byte ranges the matches of one view cover into `bits` (one bit a byte, made on
// the first match). Matches come in order of their end and overlap only ranges at the back,
// so they are merged there; a range that no later match can reach (it ends more than `reach`
// bytes, the most a match spans in this view, before the last end) is final and goes into
// `bits`, whole words at a time. Each byte is set once, however the matches overlap, and
// the list stays short, however many there are.
class secret_scrubber::match_marks {
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
inline bool secret_scrubber::find_all(std::string_view text, std::vector<std::uint64_t>& marks) const {
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
inline bool secret_scrubber::decoded_view(std::string_view text, std::vector<std::uint64_t>& marks,
                                          bool percent) const {
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

}  // namespace detail
NOVU_CC_NAMESPACE_END
