// Occupation templates for the synthetic vacancy generator (invented text).
#pragma once

#include <vector>

namespace passend::bench {

struct OccupationTemplate {
  std::vector<const char*> titles;
  std::vector<const char*> tasks;        // sentences
  std::vector<const char*> loads;        // sentences with physical/shift/contact loads
  std::vector<const char*> competences;  // words a candidate may list
  double wage_lo, wage_hi;               // gross hourly
  double weekly_norm;                    // sector norm for monthly salaries
  const char* education;                 // as written in the text
};

const std::vector<OccupationTemplate>& Templates();

}  // namespace passend::bench
