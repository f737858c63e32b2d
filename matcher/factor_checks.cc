// Travel, wage, hours, contract, education, recency and competences: each a factor score
// with a Dutch reason, plus conflicts and points to check where a limit is at stake.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/text.h"
#include "indexer/index.h"
#include "indexer/schema.h"
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
                        Judgement& j) {
  FactorScore f{"reistijd", 0.5, o.weights.travel, ""};
  if (v.location.remote && !v.location.lat) {
    f.score = 1.0;
    j.Reason(&f, [] { return "Werken op afstand (remote): geen reistijd."; });
    return f;
  }
  if (!v.location.lat || !v.location.lon || !c.home.lat || !c.home.lon) {
    j.Reason(&f, [] { return "Werkplek onbekend: reistijd niet te berekenen."; });
    j.Check(false, [] { return "Reistijd: de plaats van het werk is onbekend; navragen."; });
    return f;
  }
  const TravelMode& mode = *plan.mode;
  if (plan.unclear) {
    j.Check(true, [] {
      return "Vervoer: woon-werkverkeer beperkt volgens de FML (II.vervoer); navragen of deze reis haalbaar is.";
    });
  }
  const double km = HaversineKm(*c.home.lat, *c.home.lon, *v.location.lat, *v.location.lon);
  const double minutes = TravelMinutes(mode, km);
  Match& m = j.match();
  m.distance_km = std::round(km * 10) / 10;
  m.travel_minutes = std::round(minutes);
  m.travel_mode = mode.name;
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
  const auto trip = [&] {
    return Num(km) + " km hemelsbreed, circa " + Num(std::round(minutes)) + " minuten " + mode.label;
  };
  const auto limit = [&] {
    return c.travel.max_minutes ? "maximaal " + Num(*c.travel.max_minutes) + " minuten"
                                : "maximaal " + Num(*c.travel.max_km) + " km";
  };
  if (over) {
    j.Conflict(false, [&] { return "Reistijd: " + trip() + "; de kandidaat kan " + limit() + " reizen."; });
  } else if (share >= o.near_limit_ratio) {
    j.Check(false, [&] { return "Reistijd: " + trip() + ", dicht bij de grens (" + limit() + ")."; });
  }
  f.score = Clamp01(1.0 - share);
  j.Reason(&f, [&] {
    return trip() + " (" + limit() + (plan.restriction.empty() ? "" : "; " + plan.restriction) + ").";
  });
  return f;
}

FactorScore CheckWage(const CandidateProfile& c, const Vacancy& v, Judgement& j) {
  FactorScore f{"loon", 0.5, 0, ""};
  const double maatman = c.maatmanloon.Hourly();
  const double floor = maatman * c.wage_floor_ratio;
  if (!v.salary.known() || maatman <= 0) {
    const std::string& scale = v.salary.scale;
    j.Reason(&f, [&] {
      return scale.empty() ? "Salaris niet genoemd: vergelijking met het maatmanloon niet mogelijk."
                           : "Salaris volgens " + scale + ", zonder bedrag: vergelijking met het maatmanloon niet mogelijk.";
    });
    j.Check(false, [&] {
      return "Loon: " + (scale.empty() ? std::string("salaris onbekend") : scale + " zonder bedrag") +
             "; navragen of het minstens " + Euro(floor) + " per uur is.";
    });
    return f;
  }
  const double lo = v.salary.hourly_min.value_or(*v.salary.hourly_max);
  const double hi = v.salary.hourly_max.value_or(lo);
  const double ratio = (lo + hi) / 2 / maatman;
  j.match().wage_ratio = std::round(ratio * 100) / 100;
  const auto basis = [&] {
    const std::string range = lo == hi ? Euro(lo) : Euro(lo) + " tot " + Euro(hi);
    return range + " bruto per uur" + (v.salary.hours_assumed ? " (uren aangenomen)" : "") + "; maatmanloon " +
           Euro(maatman) + " per uur";
  };
  if (hi < floor) {
    j.Conflict(false, [&] {
      return "Loon: " + basis() + "; onder de ondergrens van " + Num(c.wage_floor_ratio * 100) + "% (" + Euro(floor) +
             ").";
    });
  } else if (lo < floor) {
    j.Check(false, [&] {
      return "Loon: de onderkant van de schaal (" + Euro(lo) + ") ligt onder de ondergrens van " + Euro(floor) +
             " per uur.";
    });
  }
  f.score = Clamp01((ratio - c.wage_floor_ratio) / (1.0 - c.wage_floor_ratio) * 0.7 + 0.3);
  j.Reason(&f, [&] { return basis() + " (" + Num(ratio * 100) + "% van het maatmanloon)."; });
  return f;
}

FactorScore CheckHours(const CandidateProfile& c, const Vacancy& v, const FmlSchema& schema, Judgement& j) {
  FactorScore f{"uren", 0.6, 0, ""};
  const auto cap = WeeklyHoursCap(c, schema);
  const bool known = v.hours.min || v.hours.max;
  const auto hours = [&] {
    return !known ? std::string("onbekend")
           : v.hours.min && v.hours.max && *v.hours.min != *v.hours.max
               ? Num(*v.hours.min) + "-" + Num(*v.hours.max) + " uur per week"
               : Num(v.hours.max.value_or(*v.hours.min)) + " uur per week";
  };
  if (!cap) {
    f.score = 1.0;
    j.Reason(&f, [&] { return "Uren: " + hours() + "; geen urenbeperking."; });
    return f;
  }
  const auto limit = [&] { return "maximaal " + Num(*cap) + " uur per week"; };
  // The cap is health data only when it comes from the FML, not from hours_available.
  const bool fml = c.fml.count("VI.uren_week") > 0;
  const std::string label = fml ? "VI.uren_week (uren per week)" : "Uren";
  if (!known) {
    j.Reason(&f, [&] { return "Uren niet genoemd; kandidaat " + limit() + "."; });
    j.Check(fml, [&] { return label + ": niet genoemd in de vacature; kandidaat kan " + limit() + " werken."; });
    return f;
  }
  const double lo = v.hours.min.value_or(0), hi = v.hours.max.value_or(lo);
  if (lo > *cap) {
    j.Conflict(fml, [&] { return label + ": vacature vraagt " + hours() + "; kandidaat " + limit() + "."; });
    f.score = 0;
  } else if (hi > *cap) {
    j.Check(fml, [&] {
      return label + ": vacature noemt " + hours() + "; alleen passend bij " + Num(*cap) + " uur of minder (kandidaat " +
             limit() + ").";
    });
    f.score = 0.5;
  } else {
    j.Passed(fml, [&] { return label + ": " + hours() + " past binnen " + limit() + "."; });
    f.score = 1.0;
  }
  j.Reason(&f, [&] { return "Uren: " + hours() + "; kandidaat " + limit() + "."; });
  return f;
}

FactorScore CheckContract(const CandidateProfile& c, const Vacancy& v, Judgement& j) {
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
  FactorScore f{"contract", 0.5, 0, ""};
  const Kind* kind = nullptr;
  for (const Kind& k : kKinds) {
    if (v.contract == k.key) kind = &k;
  }
  if (!kind) {
    j.Reason(&f, [] { return "Contractvorm niet genoemd."; });
    if (c.requires_structural) j.Check(false, [] { return "Contract: niet genoemd; navragen of het structureel werk is."; });
    return f;
  }
  f.score = kind->score;
  const auto label = [&] { return std::string("Contract: ") + kind->label; };
  j.Reason(&f, [&] { return label() + "."; });
  if (v.contract == "zzp" || v.contract == "stage" || v.contract == "vrijwilligerswerk") {
    j.Conflict(false, [&] { return label() + " is geen dienstverband."; });
  } else if (c.requires_structural && v.structural == false) {
    j.Conflict(false, [&] { return label() + "; de kandidaat zoekt structureel werk."; });
  } else if (c.requires_structural && !v.structural) {
    j.Check(false, [&] { return label() + "; navragen of het structureel is."; });
  }
  return f;
}

FactorScore CheckEducation(const CandidateProfile& c, const Vacancy& v, Judgement& j) {
  FactorScore f{"opleiding", 0.7, 0, ""};
  const int need = EducationRank(v.education), have = EducationRank(c.education);
  if (need < 0) {
    j.Reason(&f, [] { return "Opleidingseis niet genoemd."; });
    return f;
  }
  if (have < 0) {
    j.Reason(&f, [&] { return "Vacature vraagt " + v.education + "; opleiding kandidaat onbekend."; });
    return f;
  }
  const int gap = need - have;
  f.score = gap <= 0 ? 1.0 : gap == 1 ? 0.5 : 0.2;
  const auto demand = [&] { return "vraagt " + v.education + ", kandidaat heeft " + c.education + "."; };
  j.Reason(&f, [&] { return "Vacature " + demand(); });
  if (gap > 0) j.Check(false, [&] { return "Opleiding: vacature " + demand(); });
  return f;
}

FactorScore ScoreRecency(const Vacancy& v, Days today, Judgement& j) {
  FactorScore f{"recentheid", 0.5, 0, ""};
  const auto posted = ParseIsoDate(v.date_posted.empty() ? v.first_seen : v.date_posted);
  if (!posted) {
    j.Reason(&f, [] { return "Plaatsingsdatum onbekend."; });
    return f;
  }
  const int age = std::max(0, today - *posted);
  f.score = age <= 7 ? 1.0 : Clamp01(1.0 - (age - 7) / 53.0);
  j.Reason(&f, [&] { return "Geplaatst " + std::to_string(age) + " dagen geleden."; });
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
  for (const auto* phrases : {&c.target_occupations, &c.competences}) {
    for (const std::string& phrase : *phrases) k.title_terms.push_back(TextTerms(phrase, schema::kTitlePrefix));
  }
  k.travel = PlanTravel(c);
  return k;
}

namespace {

constexpr const char* kCompetencesFactor = "competenties";

// The score when the title names a target occupation, or the occupation is one of them.
std::optional<FactorScore> TargetInTitle(const CandidateProfile& c, const CandidateKeys& keys, const Vacancy& v,
                                         Judgement& j) {
  const std::string folded_title = FoldForMatch(v.title);
  for (size_t i = 0; i < keys.targets_folded.size(); ++i) {
    if (folded_title.find(keys.targets_folded[i]) != std::string::npos) {
      FactorScore f{kCompetencesFactor, 1.0, 0, ""};
      j.Reason(&f, [&] { return "Titel past bij beoogd beroep '" + c.target_occupations[i] + "'."; });
      return f;
    }
  }
  for (const auto& [key, target] : keys.occupations) {
    if (key == v.occupation.key && v.occupation.from_title) {  // a synonym: the same occupation under another name
      FactorScore f{kCompetencesFactor, 0.9, 0, ""};
      j.Reason(&f, [&] {
        return "Beroep '" + v.occupation.name + "' komt overeen met beoogd beroep '" + target + "'.";
      });
      return f;
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
                             const CompetencesNamed& named, Judgement& j) {
  if (auto target = TargetInTitle(c, keys, v, j)) return *target;
  // A competence of only function words and numbers ("24/7") has no term in the index, so no
  // vacancy can name it: counting it would lower every score alike and tell the coach nothing.
  const size_t n = std::min({c.competences.size(), keys.competence_terms.size(), named.size()});
  const auto searchable = [&](size_t i) { return !keys.competence_terms[i].empty(); };
  const auto list = [&](auto&& wanted) {
    std::string text;
    for (size_t i = 0; i < n; ++i) {
      if (wanted(i)) text += (text.empty() ? "" : ", ") + c.competences[i];
    }
    return text;
  };
  const auto with_unsearchable = [&](std::string text) {
    const std::string left_out = list([&](size_t i) { return !searchable(i); });
    if (!left_out.empty()) text += " Niet meegeteld, want zonder zoekbare woorden: " + left_out + ".";
    return text;
  };
  size_t counted = 0, found = 0;
  for (size_t i = 0; i < n; ++i) {
    counted += searchable(i);
    found += searchable(i) && named[i];
  }
  FactorScore f{kCompetencesFactor, 0.5, 0, ""};
  if (counted == 0 && c.target_occupations.empty()) {
    j.Reason(&f, [&] { return with_unsearchable("Geen competenties of beroepen opgegeven."); });
    return f;
  }
  f.score = counted == 0 ? 0 : Clamp01(static_cast<double>(found) / static_cast<double>(counted));
  j.Reason(&f, [&] {
    const std::string found_list = list([&](size_t i) { return searchable(i) && named[i]; });
    return with_unsearchable(found_list.empty() ? "Geen van de competenties genoemd in de vacature."
                                                : "Competenties genoemd in de vacature: " + found_list + ".");
  });
  return f;
}

}  // namespace passend
