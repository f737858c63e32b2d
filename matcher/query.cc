#include "matcher/query.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"

#include "indexer/schema.h"
#include "matcher/checks.h"
#include "matcher/travel.h"

namespace passend {
namespace {

constexpr double kCellMargin = 1.05;  // cells are coarse; the exact check decides
constexpr double kOccupationWeight = 2.0;  // a target occupation under another name ranks like a title word
constexpr int kValidYearsAhead = 5;       // valid-through dates further ahead are not looked for

Xapian::Query OrTerms(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Vacancies classified to a target occupation, under whatever synonym they were titled.
Xapian::Query TargetOccupations(const CandidateKeys& keys) {
  std::vector<std::string> terms;
  for (const auto& [key, target] : keys.occupations) terms.push_back(schema::kOccupationPrefix + key);
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, OrTerms(terms), kOccupationWeight);
}

// Competences and target occupations as weighted free text, titles counting double, and
// the target occupations' synonyms. They rank, they do not filter: a suitable vacancy
// without those words still counts.
Xapian::Query Relevance(const CandidateProfile& c, const CandidateKeys& keys) {
  std::string text;
  for (const auto& s : c.competences) text += s + " ";
  for (const auto& s : c.target_occupations) text += s + " ";
  if (text.empty()) return Xapian::Query::MatchAll;
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("dutch"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_OR);
  try {
    const Xapian::Query body = qp.parse_query(text, 0);
    const Xapian::Query title = qp.parse_query(text, 0, schema::kTitlePrefix);
    const Xapian::Query parts[] = {body, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, 2.0),
                                   TargetOccupations(keys)};
    const Xapian::Query ranked(Xapian::Query::OP_OR, std::begin(parts), std::end(parts));
    return Xapian::Query(Xapian::Query::OP_OR, ranked, Xapian::Query::MatchAll);
  } catch (const Xapian::QueryParserError&) {
    return Xapian::Query::MatchAll;  // odd characters in a competence: rank by the score only
  }
}

// Valid-through this month or later (the day is checked on the documents taken).
Xapian::Query StillValid(Days today) {
  int year = 0, month = 0, day = 0;
  CivilFromDays(today, &year, &month, &day);
  std::vector<std::string> terms{schema::kNoValidThroughTerm};
  for (int m = month; m <= 12; ++m) terms.push_back(schema::ValidMonthTerm(year, m));
  for (int y = year + 1; y <= year + kValidYearsAhead; ++y) terms.push_back(schema::ValidYearTerm(y));
  return OrTerms(terms);
}

// The term of the highest threshold at or below `value` (nullopt: below them all).
template <size_t N>
std::optional<std::string> ThresholdAtOrBelow(const char* prefix, const int (&thresholds)[N], double value) {
  std::optional<std::string> term;
  for (int t : thresholds) {
    if (t <= value) term = prefix + std::to_string(t);
  }
  return term;
}

Xapian::Query Filters(const CandidateProfile& c, const FmlSchema& schema, const MatchOptions& o) {
  using namespace schema;
  std::vector<Xapian::Query> parts{StillValid(o.today)};
  if (o.include_excluded) return parts.front();
  std::vector<std::string> cells{kNoCellTerm, kRemoteTerm};
  if (c.home.lat && c.home.lon) {
    for (const auto& cell : GeoCellsWithin(*c.home.lat, *c.home.lon, TravelRadiusKm(c) * kCellMargin)) {
      cells.push_back(kCellPrefix + cell);
    }
  }
  parts.push_back(OrTerms(cells));
  const double floor = c.maatmanloon.Hourly() * c.wage_floor_ratio;
  if (auto wage = ThresholdAtOrBelow(kWageAtLeastPrefix, kWageThresholds, floor - 0.005)) {
    parts.push_back(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(*wage), Xapian::Query(kWageUnknownTerm)));
  }
  if (const auto cap = WeeklyHoursCap(c, schema)) {
    // The lowest threshold at or above the cap: a superset, the exact check decides.
    for (int t : kHoursThresholds) {
      if (t < *cap) continue;
      parts.push_back(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(kHoursAtMostPrefix + std::to_string(t)),
                                    Xapian::Query(kHoursUnknownTerm)));
      break;
    }
  }
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// Terms whose presence alone excludes a vacancy: firm demands over a limit, contracts.
std::vector<std::string> ExclusionTerms(const CandidateProfile& c, const FmlSchema& schema) {
  std::vector<std::string> terms;
  for (const auto& [key, limit] : c.fml) {
    const FmlItem* item = schema.Find(key);
    if (!item) continue;
    if (item->kind == FmlKind::kCodes) {
      for (int code : limit.levels) terms.push_back(schema::DemandTerm(key, code));
    } else {
      // Demand level L conflicts when the candidate's level is above L (quantities are
      // checked exactly afterwards, so only levels known to conflict are excluded here).
      for (int level = 0; level < limit.MaxLevel(); ++level) terms.push_back(schema::DemandTerm(key, level));
    }
  }
  for (const char* kind : {"zzp", "stage", "vrijwilligerswerk"}) terms.push_back(std::string(schema::kContractPrefix) + kind);
  if (c.requires_structural) {
    for (const char* kind : {"tijdelijk", "uitzend", "oproep", "bijbaan"}) {
      terms.push_back(std::string(schema::kContractPrefix) + kind);
    }
  }
  return terms;
}

}  // namespace

double TravelRadiusKm(const CandidateProfile& c) {
  double radius = 1e9;
  if (c.travel.max_minutes) radius = ReachKm(*PlanTravel(c).mode, *c.travel.max_minutes);
  if (c.travel.max_km) radius = std::min(radius, *c.travel.max_km);
  return radius;
}

Xapian::Query BuildCandidateQuery(const CandidateProfile& c, const CandidateKeys& keys, const FmlSchema& schema,
                                  const MatchOptions& o) {
  Xapian::Query q(Xapian::Query::OP_FILTER, Relevance(c, keys), Filters(c, schema, o));
  if (o.include_excluded) return q;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, q, OrTerms(ExclusionTerms(c, schema)));
}

}  // namespace passend
