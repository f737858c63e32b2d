#include "normalizer/phrase_matcher.h"

#include <queue>

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
  out_link_.assign(nodes, -1);
  std::queue<int> todo;
  for (size_t c = 0; c < classes_; ++c) {
    int& child = next_[c];
    if (child < 0) {
      child = 0;
    } else {
      todo.push(child);
    }
  }
  while (!todo.empty()) {
    const int node = todo.front();
    todo.pop();
    const int f = fail[static_cast<size_t>(node)];
    out_link_[static_cast<size_t>(node)] = out_[static_cast<size_t>(f)].empty() ? out_link_[static_cast<size_t>(f)] : f;
    for (size_t c = 0; c < classes_; ++c) {
      int& child = next_[static_cast<size_t>(node) * classes_ + c];
      if (child < 0) {
        child = Child(f, static_cast<uint8_t>(c));
      } else {
        fail[static_cast<size_t>(child)] = Child(f, static_cast<uint8_t>(c));
        todo.push(child);
      }
    }
  }
  pending_.clear();
  pending_.shrink_to_fit();
}

void PhraseMatcher::Scan(std::string_view text, const std::function<void(const Hit&)>& on_hit) const {
  if (next_.empty()) return;
  int node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    node = Child(node, class_of_[static_cast<unsigned char>(text[i])]);
    for (int n = out_[static_cast<size_t>(node)].empty() ? out_link_[static_cast<size_t>(node)] : node; n > 0;
         n = out_link_[static_cast<size_t>(n)]) {
      for (int pi : out_[static_cast<size_t>(n)]) {
        const Pattern& p = patterns_[static_cast<size_t>(pi)];
        const size_t begin = i + 1 - p.size;
        const bool start_ok = !p.word_start || begin == 0 || !IsWordChar(text[begin - 1]);
        const bool end_ok = p.prefix || !p.word_end || i + 1 >= text.size() || !IsWordChar(text[i + 1]);
        if (start_ok && end_ok) on_hit({p.id, begin, p.size});
      }
    }
  }
}

}  // namespace passend
