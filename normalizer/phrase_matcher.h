// Finds many folded phrases in folded text in one pass (an Aho-Corasick automaton), with
// the whole-word rules of FoldedText::FindWord: a phrase must start and end at a word
// boundary; a trailing '*' lets the last word run on ("nachtdienst*" → "nachtdiensten").
// Built once, then immutable: Scan() may be called from several threads.
#pragma once

#include <cstdint>
#include <functional>
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
  // Calls `on_hit` for every whole-word occurrence, in order of their end offset.
  void Scan(std::string_view text, const std::function<void(const Hit&)>& on_hit) const;
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

  std::vector<std::string> pending_;  // phrases before Build()
  std::vector<Pattern> patterns_;
  std::vector<uint8_t> class_of_;     // byte → alphabet class (0 = in no phrase)
  size_t classes_ = 1;
  std::vector<int> next_;             // node × class → node (complete DFA)
  std::vector<int> out_first_;        // node → first pattern ending here, or -1
  std::vector<int> out_link_;         // node → next node on the suffix chain with outputs
  std::vector<std::vector<int>> out_; // node → patterns ending exactly here
};

}  // namespace passend
