#include "normalizer/folded_text.h"

#include <algorithm>
#include <cctype>

#include "common/text.h"

namespace passend {
namespace {

constexpr std::string_view kNegations[] = {"geen", "niet", "zonder", "nooit", "nimmer"};
constexpr size_t kNegationWindow = 40;  // bytes before the phrase

}  // namespace

FoldedText::FoldedText(std::string_view original) { folded_ = FoldForMatch(original, &map_); }

int FoldedText::OriginalOffset(size_t pos) const {
  if (map_.empty()) return 0;
  return pos < map_.size() ? map_[pos] : map_.back();
}

size_t FoldedText::FindWord(std::string_view phrase, size_t from) const {
  const bool prefix = !phrase.empty() && phrase.back() == '*';
  if (prefix) phrase.remove_suffix(1);
  if (phrase.empty()) return std::string::npos;
  for (size_t pos = folded_.find(phrase, from); pos != std::string::npos;
       pos = folded_.find(phrase, pos + 1)) {
    const bool start_ok = pos == 0 || !IsWordChar(folded_[pos - 1]) || !IsWordChar(phrase.front());
    const size_t end = pos + phrase.size();
    const bool end_ok =
        prefix || end >= folded_.size() || !IsWordChar(folded_[end]) || !IsWordChar(phrase.back());
    if (start_ok && end_ok) return pos;
  }
  return std::string::npos;
}

size_t FoldedText::ClauseStart(size_t pos, size_t max_back, std::string_view separators) const {
  const size_t floor = pos > max_back ? pos - max_back : 0;
  size_t clause = floor;
  for (size_t i = pos; i > floor; --i) {
    if (separators.find(folded_[i - 1]) != std::string_view::npos) {
      clause = i;
      break;
    }
  }
  while (clause < pos && folded_[clause] == ' ') ++clause;
  return clause;
}

namespace {

constexpr std::string_view kDenialsAfter[] = {"niet nodig", "niet vereist", "niet verplicht", "niet voor",
                                              "is niet", "zijn niet", "hoeft niet", "hoef je niet", "nauwelijks"};
constexpr size_t kDenialWindow = 30;

}  // namespace

bool FoldedText::NegatedAt(size_t pos, size_t end) const {
  if (end != std::string::npos && end < folded_.size()) {
    size_t stop = std::min(folded_.size(), end + kDenialWindow);
    const size_t clause_end = folded_.find_first_of(".;!?\n:,", end);
    if (clause_end != std::string::npos) stop = std::min(stop, clause_end);
    const std::string_view after(folded_.data() + end, stop - end);
    for (std::string_view d : kDenialsAfter) {
      if (after.find(d) != std::string_view::npos) return true;
    }
  }
  // Commas do not end the scope: "geen avond-, nacht- of weekenddiensten".
  const size_t clause = ClauseStart(pos, kNegationWindow, ".;!?\n:");
  const std::string_view window(folded_.data() + clause, pos - clause);
  for (std::string_view neg : kNegations) {
    for (size_t p = window.find(neg); p != std::string_view::npos; p = window.find(neg, p + 1)) {
      const bool start_ok = p == 0 || !IsWordChar(window[p - 1]);
      const bool end_ok = p + neg.size() >= window.size() || !IsWordChar(window[p + neg.size()]);
      if (start_ok && end_ok) return true;
    }
  }
  return false;
}

}  // namespace passend
