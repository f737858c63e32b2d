#include "normalizer/phrase_matcher.h"

#include <queue>

#include "common/text.h"
#include "normalizer/folded_text.h"

namespace passend {

void PhraseMatcher::Add(std::string_view phrase, int id) {
  const bool prefix = !phrase.empty() && phrase.back() == '*';
  if (prefix) phrase.remove_suffix(1);
  if (phrase.empty()) return;
  patterns_.push_back({id, static_cast<uint32_t>(phrase.size()), prefix, IsWordChar(phrase.front()),
                       IsWordChar(phrase.back())});
  pending_.emplace_back(phrase);
}

void PhraseMatcher::Build() {
  // A small alphabet (only the bytes phrases use) keeps the transition table compact.
  class_of_.assign(256, 0);
  classes_ = 1;
  for (const std::string& p : pending_) {
    for (unsigned char c : p) {
      if (class_of_[c] == 0) class_of_[c] = static_cast<uint8_t>(classes_++);
    }
  }
  // The trie: -1 = no edge yet.
  next_.assign(classes_, -1);
  out_.assign(1, {});
  for (size_t i = 0; i < pending_.size(); ++i) {
    int node = 0;
    for (unsigned char c : pending_[i]) {
      const size_t slot = static_cast<size_t>(node) * classes_ + class_of_[c];
      if (next_[slot] < 0) {
        next_[slot] = static_cast<int>(out_.size());
        out_.emplace_back();
        next_.resize(next_.size() + classes_, -1);
      }
      node = next_[slot];
    }
    out_[static_cast<size_t>(node)].push_back(static_cast<int>(i));
  }
  // Breadth first: failure links turn the trie into a complete automaton.
  const size_t nodes = out_.size();
  std::vector<int> fail(nodes, 0);
  out_link_.assign(nodes, 0);  // 0 (the root, which never has outputs) ends a chain
  std::queue<int> frontier;
  for (size_t c = 0; c < classes_; ++c) {
    int& child = next_[c];
    if (child < 0) {
      child = 0;
    } else {
      frontier.push(child);
    }
  }
  while (!frontier.empty()) {
    const int node = frontier.front();
    frontier.pop();
    const int f = fail[static_cast<size_t>(node)];
    out_link_[static_cast<size_t>(node)] = out_[static_cast<size_t>(f)].empty() ? out_link_[static_cast<size_t>(f)] : f;
    for (size_t c = 0; c < classes_; ++c) {
      int& child = next_[static_cast<size_t>(node) * classes_ + c];
      if (child < 0) {
        child = Child(f, static_cast<uint8_t>(c));
      } else {
        fail[static_cast<size_t>(child)] = Child(f, static_cast<uint8_t>(c));
        frontier.push(child);
      }
    }
  }
  // Targets become offsets, marked negative where some phrase ends (the hot loop's only test).
  out_head_.assign(nodes, 0);
  for (size_t n = 1; n < nodes; ++n) out_head_[n] = out_[n].empty() ? out_link_[n] : static_cast<int>(n);
  for (int& to : next_) {
    const int offset = to * static_cast<int>(classes_);
    to = out_head_[static_cast<size_t>(to)] > 0 ? -offset - 1 : offset;
  }
  pending_.clear();
  pending_.shrink_to_fit();
}

size_t PhraseMatcher::RunToOutput(std::string_view text, size_t i, int* state) const {
  const int* next = next_.data();
  const uint8_t* cls = class_of_.data();
  int s = *state;  // a node's offset in next_ (node × classes)
  for (; i < text.size(); ++i) {
    const int to = next[s + cls[static_cast<unsigned char>(text[i])]];
    if (to < 0) {
      *state = -to - 1;
      return i;
    }
    s = to;
  }
  *state = s;
  return i;
}

PhraseMatcher::Hit PhraseMatcher::CheckWords(std::string_view text, size_t end, int pi) const {
  const Pattern& p = patterns_[static_cast<size_t>(pi)];
  const size_t begin = end + 1 - p.size;
  const bool start_ok = !p.word_start || begin == 0 || !IsWordChar(text[begin - 1]);
  const bool end_ok = p.prefix || !p.word_end || end + 1 >= text.size() || !IsWordChar(text[end + 1]);
  if (!start_ok || !end_ok) return {-1, 0, 0};
  return {p.id, begin, p.size};
}

}  // namespace passend
