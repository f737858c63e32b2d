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

template <class Text>
void AddConflictOrCheck(bool firm, Judgement& j, Text&& text) {
  if (firm) {
    j.Conflict(true, text);
  } else {
    j.Check(true, text);
  }
}

void CheckCodes(const FmlItem& item, const FmlLimit& limit, const std::vector<const Demand*>& demands,
                const MatchOptions& o, Judgement& j) {
  for (int code : limit.levels) {
    const auto what = [&] { return item.key + " (" + item.name + "): " + LevelText(item, code); };
    auto it = std::find_if(demands.begin(), demands.end(), [&](const Demand* d) { return d->level == code; });
    if (it == demands.end()) {
      j.Passed(true, [&] { return what() + " — niet gevraagd in de vacature"; });
      continue;
    }
    const bool firm = Firm(**it, o);
    AddConflictOrCheck(firm, j, [&] { return what() + " — " + Evidence(**it) + (firm ? "" : "; navragen bij de werkgever"); });
  }
}

void CheckGraded(const FmlItem& item, const FmlLimit& limit, const Demand* d, const MatchOptions& o, Judgement& j) {
  const int cand = limit.MaxLevel();
  const auto what = [&] { return item.key + " (" + item.name + "): kandidaat " + LevelText(item, cand); };
  if (!d) {
    j.Passed(true, [&] { return what() + " — geen belasting genoemd in de vacature"; });
    return;
  }
  const FmlLevel* cap = item.FindLevel(cand);
  const bool firm = Firm(*d, o);
  if (d->quantity && cap && cap->value) {
    const auto need = [&] { return Num(*d->quantity) + (item.unit.empty() ? "" : " " + item.unit); };
    if (*d->quantity > *cap->value) {
      AddConflictOrCheck(firm, j, [&] { return what() + " — vacature vraagt " + need() + " (" + Evidence(*d) + ")"; });
    } else if (*d->quantity == *cap->value) {
      j.Check(true, [&] { return what() + " — vacature vraagt " + need() + ", precies op de grens"; });
    } else {
      j.Passed(true, [&] { return what() + " — vacature vraagt " + need(); });
    }
    return;
  }
  if (cand > d->level) {
    AddConflictOrCheck(firm, j, [&] { return what() + " — " + Evidence(*d); });
  } else if (cand == d->level) {
    j.Check(true, [&] { return what() + " — belasting op de grens (" + Evidence(*d) + ")"; });
  } else {
    j.Passed(true, [&] { return what() + " — " + Evidence(*d) + ", binnen de grens"; });
  }
}

}  // namespace

void CheckFml(const CandidateProfile& c, const Vacancy& v, const FmlSchema& schema, const MatchOptions& o,
              Judgement& j) {
  for (const auto& [key, limit] : c.fml) {
    const FmlItem* item = schema.Find(key);
    if (!item || key == "VI.uren_week") continue;  // hours are checked against the vacancy's hours
    std::vector<const Demand*> demands;
    for (const Demand& d : v.demands) {
      if (d.item == key) demands.push_back(&d);
    }
    if (item->kind == FmlKind::kCodes) {
      CheckCodes(*item, limit, demands, o, j);
    } else {
      // The most demanding stated load decides.
      const Demand* worst = nullptr;
      for (const Demand* d : demands) {
        if (!worst || d->level < worst->level || (d->quantity && worst->quantity && *d->quantity > *worst->quantity)) {
          worst = d;
        }
      }
      CheckGraded(*item, limit, worst, o, j);
    }
  }
}

}  // namespace passend
