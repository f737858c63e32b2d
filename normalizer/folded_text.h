// Folded (lower-case, accent-free) text with a map back to the original byte offsets,
// so extractors can search simply and still report where in the original a phrase was.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passend {

class FoldedText {
 public:
  explicit FoldedText(std::string_view original);

  const std::string& text() const { return folded_; }
  // Byte offset in the original text of folded position `pos`.
  int OriginalOffset(size_t pos) const;
  // Finds `phrase` (already folded) as whole words from `from`; a trailing '*' in the
  // phrase allows any word ending ("nachtdienst*" matches "nachtdiensten").
  size_t FindWord(std::string_view phrase, size_t from = 0) const;
  // True when a negation word ("geen", "niet", "zonder", …) stands shortly before `pos`
  // in the same clause, or, when the phrase's `end` is given, a denial follows it there
  // ("zwaar tillen is niet nodig", "nachtdiensten komen niet voor").
  bool NegatedAt(size_t pos, size_t end = std::string::npos) const;
  // The start of the clause holding `pos`: just after the nearest of `separators` at most
  // `max_back` bytes before it (else pos - max_back), spaces skipped.
  size_t ClauseStart(size_t pos, size_t max_back, std::string_view separators) const;

 private:
  std::string folded_;
  std::vector<int> map_;  // folded byte → original byte
};

}  // namespace passend
