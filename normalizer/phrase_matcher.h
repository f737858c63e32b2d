// Finds many folded phrases in folded text in one pass (an Aho-Corasick automaton), with
// the whole-word rules of FoldedText::FindWord: a phrase must start and end at a word
// boundary; a trailing '*' lets the last word run on ("nachtdienst*" → "nachtdiensten").
// Built once, then immutable: Scan() may be called from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace passend {

class PhraseMatcher {
 public:
  struct Hit {
    int id;        // the id given to Add()
    size_t begin;  // byte offset in the scanned text
    size_t size;   // bytes matched (without any word ending a '*' allowed)
  };

  // Adds a folded phrase; empty phrases (or a lone "*") are ignored.
  void Add(std::string_view phrase, int id);
  // Builds the automaton; call once after the last Add().
  void Build();
  // Calls `on_hit(const Hit&)` for every whole-word occurrence, in order of their end offset.
  template <typename OnHit>
  void Scan(std::string_view text, OnHit&& on_hit) const {
    if (next_.empty()) return;
    int state = 0;
    for (size_t i = RunToOutput(text, 0, &state); i < text.size(); i = RunToOutput(text, i + 1, &state)) {
      for (int n = out_head_[static_cast<size_t>(state) / classes_]; n > 0; n = out_link_[static_cast<size_t>(n)]) {
        for (int pi : out_[static_cast<size_t>(n)]) {
          const Hit hit = CheckWords(text, i, pi);
          if (hit.id >= 0) on_hit(hit);
        }
      }
    }
  }
  size_t phrase_count() const { return patterns_.size(); }

 private:
  struct Pattern {
    int id;
    uint32_t size;
    bool prefix;
    bool word_start;  // the phrase starts with a word character
    bool word_end;
  };
  int Child(int node, uint8_t cls) const { return next_[static_cast<size_t>(node) * classes_ + cls]; }
  // Runs the automaton from text[i] to the first byte after which some phrase ends; returns
  // its position (or text.size()). Kept out of line so the state stays in a register.
  size_t RunToOutput(std::string_view text, size_t i, int* state) const;
  // The hit of pattern `pi` ending at text[end], or id -1 when it is not a whole word.
  Hit CheckWords(std::string_view text, size_t end, int pi) const;

  std::vector<std::string> pending_;  // phrases before Build()
  std::vector<Pattern> patterns_;
  std::vector<uint8_t> class_of_;     // byte → alphabet class (0 = in no phrase)
  size_t classes_ = 1;
  // node × class → target node × classes; negative (-x-1) when phrases end at the target.
  std::vector<int> next_;
  std::vector<int> out_head_;         // node → itself or the nearest suffix node with outputs, or 0
  std::vector<int> out_link_;         // node → next node on the suffix chain with outputs, or 0
  std::vector<std::vector<int>> out_; // node → patterns ending exactly here
};

}  // namespace passend
