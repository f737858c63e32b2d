// FML demands read from vacancy text with the phrase lexicon in data/lexicon/demands.json,
// plus lifting/carrying kilograms read by code. Immutable after Load(): thread-safe.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "common/status.h"
#include "model/fml.h"
#include "model/vacancy.h"
#include "normalizer/folded_text.h"
#include "normalizer/phrase_matcher.h"

namespace passend {

class DemandLexicon {
 public:
  // Loads the lexicon; every item key and level is checked against `schema`.
  static StatusOr<DemandLexicon> Load(const std::string& path, const FmlSchema& schema);
  static StatusOr<DemandLexicon> Parse(const std::string& json_text, const std::string& where,
                                       const FmlSchema& schema);

  // All demands found in `text` (graded: the most demanding; codes: one per code). When
  // `spoken` is given it receives every item the text speaks of, also where it denies a
  // load ("geen nachtdiensten") or rules it out ("alleen dagdiensten"): on those items
  // an occupation's default loads do not apply.
  std::vector<Demand> Extract(const FoldedText& text, std::set<std::string>* spoken = nullptr) const;

 private:
  struct Rule {
    std::vector<std::string> phrases;  // folded
    std::vector<Demand> demands;
    std::vector<std::string> silences;  // items the phrase settles without loading them
  };
  std::vector<Rule> rules_;
  struct PhraseRef {
    size_t rule;
    int order;  // the phrase's place in its rule: earlier phrases are preferred evidence
  };
  std::vector<PhraseRef> phrase_refs_;  // PhraseMatcher id → rule and order
  PhraseMatcher matcher_;
  const FmlItem* tillen_ = nullptr;
  const FmlItem* dragen_ = nullptr;

  void AddKgDemands(const FoldedText& text, std::vector<Demand>* out) const;
  // Evening and night work from clock times ("14:00 tot 23:00", "start om 04:00").
  void AddClockDemands(const FoldedText& text, std::vector<Demand>* out) const;
};

// The most limited level of a graded item that can still handle `quantity`
// (lifting 25 kg → 0, 10 kg → 1, 5 kg → 2).
int LevelForQuantity(const FmlItem& item, double quantity);

// Keeps one demand per item (graded) or per item and code (codes).
std::vector<Demand> MergeDemands(std::vector<Demand> demands, const FmlSchema& schema);

}  // namespace passend
