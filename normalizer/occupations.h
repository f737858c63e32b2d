// The occupation table (data/occupations/occupations.json): common Dutch occupations with
// their synonyms, ISCO-08 code, sector hours norm and the FML loads the work usually
// brings. Classifies a vacancy title and text to an occupation. Immutable after Load().
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "model/fml.h"
#include "model/vacancy.h"
#include "normalizer/folded_text.h"
#include "normalizer/phrase_matcher.h"

namespace passend {

struct Occupation {
  std::string key, name, isco, sector;
  double weekly_hours = 38;         // the sector's norm, for monthly salaries without hours
  std::vector<std::string> synonyms;  // folded; a trailing '*' allows any word ending
  std::vector<Demand> loads;        // evidence "occupation"; used when the text is silent
};

class OccupationTable {
 public:
  static StatusOr<OccupationTable> Load(const std::string& path, const FmlSchema& schema);
  static StatusOr<OccupationTable> Parse(const std::string& json_text, const std::string& where,
                                         const FmlSchema& schema);

  // The best occupation for a vacancy: the longest synonym in the title, else the
  // occupation named most often in the description (weaker). Nullopt when none is named.
  struct Match {
    const Occupation* occupation;
    double confidence;
    std::string phrase;
    bool from_title;
  };
  // `folded_title` is the title through FoldForMatch.
  std::optional<Match> Classify(std::string_view folded_title, const FoldedText& description) const;

  const Occupation* Find(std::string_view key) const;
  const std::vector<Occupation>& occupations() const { return occupations_; }

 private:
  std::vector<Occupation> occupations_;
  std::vector<size_t> synonym_owner_;  // PhraseMatcher id → occupation index
  PhraseMatcher matcher_;
};

// The reference the vacancy keeps of a classification.
OccupationRef ToRef(const OccupationTable::Match& m);

}  // namespace passend
