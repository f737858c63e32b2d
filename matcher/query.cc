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
constexpr int kSeenDaysBack = 366;    // "first seen since" is filtered in the query up to a year back

Xapian::Query OrTerms(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Vacancies with every word of one of the phrases (in the title with schema::kTitlePrefix),
// stemmed as the index stems them: a competence counts in the score only when all its words
// are there (matcher/checks.h), and a target occupation "medewerker klantenservice" is no
// reason to take every "medewerker".
Xapian::Query AnyPhrase(const std::vector<std::vector<std::string>>& phrase_terms) {
  std::vector<Xapian::Query> phrases;
  for (const std::vector<std::string>& terms : phrase_terms) {
    if (!terms.empty()) phrases.emplace_back(Xapian::Query::OP_AND, terms.begin(), terms.end());
  }
  return Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
}

// Vacancies the candidate looks for: classified to a target occupation (under whatever
// synonym they were titled), or with all words of a target occupation or of a competence in
// the title.
Xapian::Query Relevant(const CandidateKeys& keys) {
  std::vector<Xapian::Query> parts;
  for (const auto& [key, target] : keys.occupations) parts.emplace_back(schema::kOccupationPrefix + key);
  parts.push_back(AnyPhrase(keys.title_terms));
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// The terms of valid-through months before this one that the index holds (the vacancies
// whose end has passed; a crawl expires them, so there are few). Excluding them is far
// cheaper than requiring one of the months still to come: that filter would take every
// valid vacancy's posting list. The day within this month is checked on the documents taken.
std::vector<std::string> ExpiredMonthTerms(const Xapian::Database& db, Days today) {
  int year = 0, month = 0, day = 0;
  CivilFromDays(today, &year, &month, &day);
  const std::string this_month = schema::ValidMonthTerm(year, month);
  std::vector<std::string> terms;
  for (auto it = db.allterms_begin(schema::kValidMonthPrefix); it != db.allterms_end(schema::kValidMonthPrefix); ++it) {
    if (*it >= this_month) break;  // fixed-width yyyymm: sorted as dates
    terms.push_back(*it);
  }
  return terms;
}

// First seen on one of the days from `since` to today.
Xapian::Query SeenSince(Days since, Days today) {
  std::vector<std::string> terms;
  for (Days d = since; d <= today; ++d) terms.push_back(schema::FirstSeenTerm(d));
  return OrTerms(terms);
}

// The geo cells the travel limit reaches, plus vacancies without a place and remote work.
std::vector<std::string> CellsWithinReach(const CandidateProfile& c, const TravelPlan& travel) {
  using namespace schema;
  std::vector<std::string> cells{kNoCellTerm, kRemoteTerm};
  if (c.home.lat && c.home.lon) {
    for (const auto& cell : GeoCover(*c.home.lat, *c.home.lon, TravelRadiusKm(c, travel) * kCellMargin)) {
      cells.push_back(kCellPrefix + cell);
    }
  }
  return cells;
}

// The XWlt/XHgt terms of wages below the floor and hours above the cap, on the safe side of
// the nearest threshold: the exact check decides the rest.
void AddWageAndHoursExclusions(const CandidateProfile& c, const FmlSchema& schema, std::vector<std::string>* terms) {
  using namespace schema;
  const double floor = c.maatmanloon.Hourly() * c.wage_floor_ratio - 0.005;
  for (int t : kWageThresholds) {
    // XWlt<t> holds wages below t; only thresholds at or below the floor are surely too low.
    if (t <= floor) terms->push_back(kWageBelowPrefix + std::to_string(t));
  }
  if (const auto cap = WeeklyHoursCap(c, schema)) {
    // XHgt<t> holds hours above t; only thresholds at or above the cap are surely too many.
    for (int t : kHoursThresholds) {
      if (t >= *cap) terms->push_back(kHoursAbovePrefix + std::to_string(t));
    }
  }
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
  AddWageAndHoursExclusions(c, schema, &terms);
  for (const char* kind : {"zzp", "stage", "vrijwilligerswerk"}) terms.push_back(std::string(schema::kContractPrefix) + kind);
  if (c.requires_structural) {
    for (const char* kind : {"tijdelijk", "uitzend", "oproep", "bijbaan"}) {
      terms.push_back(std::string(schema::kContractPrefix) + kind);
    }
  }
  return terms;
}

}  // namespace

double TravelRadiusKm(const CandidateProfile& c, const TravelPlan& travel) {
  double radius = 1e9;
  if (c.travel.max_minutes) radius = ReachKm(*travel.mode, *c.travel.max_minutes);
  if (c.travel.max_km) radius = std::min(radius, *c.travel.max_km);
  return radius;
}

CandidateQueries BuildCandidateQueries(const Xapian::Database& db, const CandidateProfile& c,
                                       const CandidateKeys& keys, const FmlSchema& schema, const MatchOptions& o,
                                       std::optional<Days> first_seen_since, FilterPostings& filters) {
  std::vector<std::string> not_allowed = ExpiredMonthTerms(db, o.today);
  Xapian::Query allowed;
  if (o.include_excluded) {  // all vacancies: the excluded come back with their reasons
    allowed = Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, OrTerms(not_allowed));
  } else {
    const std::vector<std::string> excluding = ExclusionTerms(c, schema);
    not_allowed.insert(not_allowed.end(), excluding.begin(), excluding.end());
    allowed = filters.AnyOfNoneOf(CellsWithinReach(c, keys.travel), not_allowed);
  }
  // Further back than a year the day terms would be many; the exact check in the alerts decides.
  if (first_seen_since && *first_seen_since > o.today - kSeenDaysBack) {
    allowed = Xapian::Query(Xapian::Query::OP_FILTER, allowed, SeenSince(*first_seen_since, o.today));
  }
  const Xapian::Query relevant = Relevant(keys);
  const Xapian::Query related(Xapian::Query::OP_AND_NOT, AnyPhrase(keys.competence_terms), relevant);
  const Xapian::Query either(Xapian::Query::OP_OR, relevant, related);
  return {Xapian::Query(Xapian::Query::OP_FILTER, relevant, allowed),
          Xapian::Query(Xapian::Query::OP_FILTER, related, allowed),
          Xapian::Query(Xapian::Query::OP_AND_NOT, allowed, either)};
}

}  // namespace passend
