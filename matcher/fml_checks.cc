// FML items against the vacancy's demands: codes compare code by code, graded items by
// level or, when the text names a quantity (kg), by the capacity at the candidate's level.
#include <algorithm>

#include "matcher/checks.h"

namespace passend {
namespace {

std::string Evidence(const Demand& d) {
  if (d.evidence == "occupation") return "afgeleid uit het beroep";
  return d.phrase.empty() ? "genoemd in de vacature" : "vacature noemt '" + d.phrase + "'";
}

std::string LevelText(const FmlItem& item, int level) {
  const FmlLevel* l = item.FindLevel(level);
  return l ? l->label : "niveau " + std::to_string(level);
}

bool Firm(const Demand& d, const MatchOptions& o) {
  return d.evidence == "text" && d.confidence >= o.firm_confidence;
}

void AddConflictOrCheck(bool firm, const std::string& text, Match* m) {
  (firm ? m->conflicts : m->checks).push_back({text, true});
}

void CheckCodes(const FmlItem& item, const FmlLimit& limit, const std::vector<const Demand*>& demands,
                const MatchOptions& o, Match* m) {
  for (int code : limit.levels) {
    const std::string what = item.key + " (" + item.name + "): " + LevelText(item, code);
    auto it = std::find_if(demands.begin(), demands.end(), [&](const Demand* d) { return d->level == code; });
    if (it == demands.end()) {
      m->passed.push_back({what + " — niet gevraagd in de vacature", true});
      continue;
    }
    const bool firm = Firm(**it, o);
    AddConflictOrCheck(firm, what + " — " + Evidence(**it) + (firm ? "" : "; navragen bij de werkgever"), m);
  }
}

void CheckGraded(const FmlItem& item, const FmlLimit& limit, const Demand* d, const MatchOptions& o, Match* m) {
  const int cand = limit.MaxLevel();
  const std::string what = item.key + " (" + item.name + "): kandidaat " + LevelText(item, cand);
  if (!d) {
    m->passed.push_back({what + " — geen belasting genoemd in de vacature", true});
    return;
  }
  const FmlLevel* cap = item.FindLevel(cand);
  const bool firm = Firm(*d, o);
  if (d->quantity && cap && cap->value) {
    const std::string need = Num(*d->quantity) + (item.unit.empty() ? "" : " " + item.unit);
    if (*d->quantity > *cap->value) {
      AddConflictOrCheck(firm, what + " — vacature vraagt " + need + " (" + Evidence(*d) + ")", m);
    } else if (*d->quantity == *cap->value) {
      m->checks.push_back({what + " — vacature vraagt " + need + ", precies op de grens", true});
    } else {
      m->passed.push_back({what + " — vacature vraagt " + need, true});
    }
    return;
  }
  if (cand > d->level) {
    AddConflictOrCheck(firm, what + " — " + Evidence(*d), m);
  } else if (cand == d->level) {
    m->checks.push_back({what + " — belasting op de grens (" + Evidence(*d) + ")", true});
  } else {
    m->passed.push_back({what + " — " + Evidence(*d) + ", binnen de grens", true});
  }
}

}  // namespace

void CheckFml(const CandidateProfile& c, const Vacancy& v, const FmlSchema& schema, const MatchOptions& o,
              Match* m) {
  for (const auto& [key, limit] : c.fml) {
    const FmlItem* item = schema.Find(key);
    if (!item || key == "VI.uren_week") continue;  // hours are checked against the vacancy's hours
    std::vector<const Demand*> demands;
    for (const Demand& d : v.demands) {
      if (d.item == key) demands.push_back(&d);
    }
    if (item->kind == FmlKind::kCodes) {
      CheckCodes(*item, limit, demands, o, m);
    } else {
      // The most demanding stated load decides.
      const Demand* worst = nullptr;
      for (const Demand* d : demands) {
        if (!worst || d->level < worst->level || (d->quantity && worst->quantity && *d->quantity > *worst->quantity)) {
          worst = d;
        }
      }
      CheckGraded(*item, limit, worst, o, m);
    }
  }
}

}  // namespace passend
