// Travel, wage, hours, contract, education, recency and competences: each a factor score
// with a Dutch reason, plus conflicts and points to check where a limit is at stake.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/text.h"
#include "indexer/index.h"
#include "matcher/checks.h"
#include "matcher/travel.h"
#include "normalizer/folded_text.h"

namespace passend {
namespace {

constexpr const char* kEducationOrder[] = {"geen", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo", "vwo", "hbo", "wo"};

int EducationRank(const std::string& level) {
  for (int i = 0; i < 10; ++i) {
    if (level == kEducationOrder[i]) return i;
  }
  return -1;
}

double Clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

}  // namespace

std::string Num(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 0.05) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f", v);
  }
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string Euro(double amount) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", amount);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  return "\xE2\x82\xAC " + s;
}

std::optional<double> WeeklyHoursCap(const CandidateProfile& c, const FmlSchema& schema) {
  std::optional<double> cap = c.hours_available;
  auto it = c.fml.find("VI.uren_week");
  const FmlItem* item = schema.Find("VI.uren_week");
  if (it != c.fml.end() && item) {
    const FmlLevel* l = item->FindLevel(it->second.MaxLevel());
    if (l && l->value) cap = cap ? std::min(*cap, *l->value) : *l->value;
  }
  return cap;
}

FactorScore CheckTravel(const CandidateProfile& c, const TravelPlan& plan, const Vacancy& v, const MatchOptions& o,
                        Match* m) {
  FactorScore f{"reistijd", 0.5, o.weights.travel, ""};
  if (v.location.remote && !v.location.lat) {
    f.score = 1.0;
    f.reason = "Werken op afstand (remote): geen reistijd.";
    return f;
  }
  if (!v.location.lat || !v.location.lon || !c.home.lat || !c.home.lon) {
    f.reason = "Werkplek onbekend: reistijd niet te berekenen.";
    m->checks.push_back({"Reistijd: de plaats van het werk is onbekend; navragen.", false});
    return f;
  }
  const TravelMode& mode = *plan.mode;
  if (plan.unclear) {
    m->checks.push_back({"Vervoer: woon-werkverkeer beperkt volgens de FML (II.vervoer); navragen of deze reis "
                         "haalbaar is.", true});
  }
  const double km = HaversineKm(*c.home.lat, *c.home.lon, *v.location.lat, *v.location.lon);
  const double minutes = TravelMinutes(mode, km);
  m->distance_km = std::round(km * 10) / 10;
  m->travel_minutes = std::round(minutes);
  m->travel_mode = mode.name;
  const std::string trip = Num(km) + " km hemelsbreed, circa " + Num(std::round(minutes)) + " minuten " + mode.label;
  double share = 0;
  bool over = false;
  if (c.travel.max_minutes) {
    share = minutes / *c.travel.max_minutes;
    over = minutes > *c.travel.max_minutes;
  }
  if (c.travel.max_km) {
    share = std::max(share, km / *c.travel.max_km);
    over = over || km > *c.travel.max_km;
  }
  const std::string limit = c.travel.max_minutes ? "maximaal " + Num(*c.travel.max_minutes) + " minuten"
                                                 : "maximaal " + Num(*c.travel.max_km) + " km";
  if (over) {
    m->conflicts.push_back({"Reistijd: " + trip + "; de kandidaat kan " + limit + " reizen.", false});
  } else if (share >= o.near_limit_ratio) {
    m->checks.push_back({"Reistijd: " + trip + ", dicht bij de grens (" + limit + ").", false});
  }
  f.score = Clamp01(1.0 - share);
  f.reason = trip + " (" + limit + (plan.restriction.empty() ? "" : "; " + plan.restriction) + ").";
  return f;
}

FactorScore CheckWage(const CandidateProfile& c, const Vacancy& v, Match* m) {
  FactorScore f{"loon", 0.5, 0, ""};
  const double maatman = c.maatmanloon.Hourly();
  const double floor = maatman * c.wage_floor_ratio;
  if (!v.salary.known() || maatman <= 0) {
    const std::string& scale = v.salary.scale;
    f.reason = scale.empty() ? "Salaris niet genoemd: vergelijking met het maatmanloon niet mogelijk."
                             : "Salaris volgens " + scale + ", zonder bedrag: vergelijking met het maatmanloon niet mogelijk.";
    m->checks.push_back({"Loon: " + (scale.empty() ? std::string("salaris onbekend") : scale + " zonder bedrag") +
                             "; navragen of het minstens " + Euro(floor) + " per uur is.",
                         false});
    return f;
  }
  const double lo = v.salary.hourly_min.value_or(*v.salary.hourly_max);
  const double hi = v.salary.hourly_max.value_or(lo);
  const double ratio = (lo + hi) / 2 / maatman;
  m->wage_ratio = std::round(ratio * 100) / 100;
  const std::string range = lo == hi ? Euro(lo) : Euro(lo) + " tot " + Euro(hi);
  const std::string basis = range + " bruto per uur" + (v.salary.hours_assumed ? " (uren aangenomen)" : "") +
                            "; maatmanloon " + Euro(maatman) + " per uur";
  if (hi < floor) {
    m->conflicts.push_back({"Loon: " + basis + "; onder de ondergrens van " + Num(c.wage_floor_ratio * 100) +
                           "% (" + Euro(floor) + ").", false});
  } else if (lo < floor) {
    m->checks.push_back({"Loon: de onderkant van de schaal (" + Euro(lo) + ") ligt onder de ondergrens van " +
                        Euro(floor) + " per uur.", false});
  }
  f.score = Clamp01((ratio - c.wage_floor_ratio) / (1.0 - c.wage_floor_ratio) * 0.7 + 0.3);
  f.reason = basis + " (" + Num(ratio * 100) + "% van het maatmanloon).";
  return f;
}

FactorScore CheckHours(const CandidateProfile& c, const Vacancy& v, const FmlSchema& schema, Match* m) {
  FactorScore f{"uren", 0.6, 0, ""};
  const auto cap = WeeklyHoursCap(c, schema);
  const bool known = v.hours.min || v.hours.max;
  const std::string hours = !known ? "onbekend"
                            : v.hours.min && v.hours.max && *v.hours.min != *v.hours.max
                                ? Num(*v.hours.min) + "-" + Num(*v.hours.max) + " uur per week"
                                : Num(v.hours.max.value_or(*v.hours.min)) + " uur per week";
  if (!cap) {
    f.score = 1.0;
    f.reason = "Uren: " + hours + "; geen urenbeperking.";
    return f;
  }
  const std::string limit = "maximaal " + Num(*cap) + " uur per week";
  // The cap is health data only when it comes from the FML, not from hours_available.
  const bool fml = c.fml.count("VI.uren_week") > 0;
  const std::string label = fml ? "VI.uren_week (uren per week)" : "Uren";
  if (!known) {
    f.reason = "Uren niet genoemd; kandidaat " + limit + ".";
    m->checks.push_back({label + ": niet genoemd in de vacature; kandidaat kan " + limit + " werken.", fml});
    return f;
  }
  const double lo = v.hours.min.value_or(0), hi = v.hours.max.value_or(lo);
  if (lo > *cap) {
    m->conflicts.push_back({label + ": vacature vraagt " + hours + "; kandidaat " + limit + ".", fml});
    f.score = 0;
  } else if (hi > *cap) {
    m->checks.push_back({label + ": vacature noemt " + hours + "; alleen passend bij " + Num(*cap) +
                        " uur of minder (kandidaat " + limit + ").", fml});
    f.score = 0.5;
  } else {
    m->passed.push_back({label + ": " + hours + " past binnen " + limit + ".", fml});
    f.score = 1.0;
  }
  f.reason = "Uren: " + hours + "; kandidaat " + limit + ".";
  return f;
}

FactorScore CheckContract(const CandidateProfile& c, const Vacancy& v, Match* m) {
  struct Kind {
    const char* key;
    double score;
    const char* label;
  };
  static constexpr Kind kKinds[] = {
      {"vast", 1.0, "vast contract"}, {"tijdelijk_uitzicht_vast", 0.85, "tijdelijk met uitzicht op vast"},
      {"detachering", 0.7, "detachering"}, {"tijdelijk", 0.5, "tijdelijk contract"},
      {"uitzend", 0.4, "uitzendwerk"}, {"oproep", 0.2, "oproep- of nulurencontract"},
      {"bijbaan", 0.2, "bijbaan of seizoenswerk"}, {"zzp", 0.0, "zzp/freelance-opdracht"},
      {"stage", 0.0, "stage"}, {"vrijwilligerswerk", 0.0, "vrijwilligerswerk"}};
  FactorScore f{"contract", 0.5, 0, "Contractvorm niet genoemd."};
  const Kind* kind = nullptr;
  for (const Kind& k : kKinds) {
    if (v.contract == k.key) kind = &k;
  }
  if (!kind) {
    if (c.requires_structural) m->checks.push_back({"Contract: niet genoemd; navragen of het structureel werk is.", false});
    return f;
  }
  f.score = kind->score;
  f.reason = std::string("Contract: ") + kind->label + ".";
  if (v.contract == "zzp" || v.contract == "stage" || v.contract == "vrijwilligerswerk") {
    m->conflicts.push_back({std::string("Contract: ") + kind->label + " is geen dienstverband.", false});
  } else if (c.requires_structural && v.structural == false) {
    m->conflicts.push_back({std::string("Contract: ") + kind->label + "; de kandidaat zoekt structureel werk.", false});
  } else if (c.requires_structural && !v.structural) {
    m->checks.push_back({std::string("Contract: ") + kind->label + "; navragen of het structureel is.", false});
  }
  return f;
}

FactorScore CheckEducation(const CandidateProfile& c, const Vacancy& v, Match* m) {
  FactorScore f{"opleiding", 0.7, 0, "Opleidingseis niet genoemd."};
  const int need = EducationRank(v.education), have = EducationRank(c.education);
  if (need < 0) return f;
  if (have < 0) {
    f.reason = "Vacature vraagt " + v.education + "; opleiding kandidaat onbekend.";
    return f;
  }
  const int gap = need - have;
  f.score = gap <= 0 ? 1.0 : gap == 1 ? 0.5 : 0.2;
  f.reason = "Vacature vraagt " + v.education + ", kandidaat heeft " + c.education + ".";
  if (gap > 0) m->checks.push_back({"Opleiding: vacature vraagt " + v.education + ", kandidaat heeft " + c.education + ".", false});
  return f;
}

FactorScore ScoreRecency(const Vacancy& v, Days today) {
  FactorScore f{"recentheid", 0.5, 0, "Plaatsingsdatum onbekend."};
  const auto posted = ParseIsoDate(v.date_posted.empty() ? v.first_seen : v.date_posted);
  if (!posted) return f;
  const int age = std::max(0, today - *posted);
  f.score = age <= 7 ? 1.0 : Clamp01(1.0 - (age - 7) / 53.0);
  f.reason = "Geplaatst " + std::to_string(age) + " dagen geleden.";
  return f;
}

CandidateKeys DeriveKeys(const CandidateProfile& c, const OccupationTable* occupations) {
  CandidateKeys k;
  for (const std::string& t : c.target_occupations) {
    k.targets_folded.push_back(FoldForMatch(t));
    if (!occupations) continue;
    const std::string folded = k.targets_folded.back();
    if (auto m = occupations->Classify(folded, FoldedText(""))) k.occupations.emplace_back(m->occupation->key, t);
  }
  for (const std::string& s : c.competences) k.competence_terms.push_back(TextTerms(s));
  k.travel = PlanTravel(c);
  return k;
}

namespace {

constexpr const char* kCompetencesFactor = "competenties";

// The score when the title names a target occupation, or the occupation is one of them.
std::optional<FactorScore> TargetInTitle(const CandidateProfile& c, const CandidateKeys& keys, const Vacancy& v,
                                         const std::string& folded_title) {
  for (size_t i = 0; i < keys.targets_folded.size(); ++i) {
    if (folded_title.find(keys.targets_folded[i]) != std::string::npos) {
      return FactorScore{kCompetencesFactor, 1.0, 0, "Titel past bij beoogd beroep '" + c.target_occupations[i] + "'."};
    }
  }
  for (const auto& [key, target] : keys.occupations) {
    if (key == v.occupation.key && v.occupation.from_title) {  // a synonym: the same occupation under another name
      return FactorScore{kCompetencesFactor, 0.9, 0,
                         "Beroep '" + v.occupation.name + "' komt overeen met beoogd beroep '" + target + "'."};
    }
  }
  return std::nullopt;
}

}  // namespace

CompetencesNamed CompetencesInText(const CandidateKeys& keys, const Vacancy& v) {
  const std::vector<std::string> text = TextTerms(v.title + "\n" + v.description);
  CompetencesNamed named;
  for (const std::vector<std::string>& terms : keys.competence_terms) {
    named.push_back(!terms.empty() && std::all_of(terms.begin(), terms.end(), [&](const std::string& t) {
      return std::binary_search(text.begin(), text.end(), t);
    }));
  }
  return named;
}

FactorScore ScoreCompetences(const CandidateProfile& c, const CandidateKeys& keys, const Vacancy& v,
                             const CompetencesNamed& named) {
  FactorScore f{kCompetencesFactor, 0.5, 0, "Geen competenties of beroepen opgegeven."};
  if (auto target = TargetInTitle(c, keys, v, FoldForMatch(v.title))) return *target;
  std::vector<std::string> found;
  for (size_t i = 0; i < c.competences.size() && i < named.size(); ++i) {
    if (named[i]) found.push_back(c.competences[i]);
  }
  if (c.competences.empty() && c.target_occupations.empty()) return f;
  const double coverage = c.competences.empty() ? 0 : static_cast<double>(found.size()) / static_cast<double>(c.competences.size());
  f.score = Clamp01(coverage);
  if (found.empty()) {
    f.reason = "Geen van de competenties genoemd in de vacature.";
  } else {
    std::string list;
    for (const auto& s : found) list += (list.empty() ? "" : ", ") + s;
    f.reason = "Competenties genoemd in de vacature: " + list + ".";
  }
  return f;
}

}  // namespace passend
