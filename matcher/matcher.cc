#include "matcher/matcher.h"

#include <algorithm>
#include <cmath>

#include <xapian.h>

#include "matcher/checks.h"
#include "matcher/query.h"
#include "model/json_io.h"

namespace passend {
namespace {

int VerdictRank(Verdict v) {
  switch (v) {
    case Verdict::kSuitable: return 0;
    case Verdict::kSuitableWithChecks: return 1;
    case Verdict::kExcluded: return 2;
  }
  return 3;
}

}  // namespace

Status ResolveHome(CandidateProfile* c, const Gazetteer& gazetteer, const std::string& where) {
  if (c->home.lat && c->home.lon) return Status::Ok();
  if (c->home.place.empty()) {
    return Status::InvalidArgument(where + ": home.place: needed to place the candidate (a postcode alone "
                                   "cannot be resolved yet); give a place or lat/lon");
  }
  const Place* p = gazetteer.Find(c->home.place);
  if (!p) return Status::InvalidArgument(where + ": home.place: \"" + c->home.place + "\" not found in the gazetteer");
  c->home.lat = p->lat;
  c->home.lon = p->lon;
  return Status::Ok();
}

Match Matcher::Evaluate(const CandidateProfile& c, const Vacancy& v, double relevance) const {
  Match m;
  m.vacancy = v;
  CheckFml(c, v, schema_, options_, &m);
  m.factors.push_back(ScoreCompetences(c, v, relevance));
  m.factors.push_back(CheckWage(c, v, &m));
  m.factors.push_back(CheckTravel(c, v, options_, &m));
  m.factors.push_back(CheckHours(c, v, schema_, &m));
  m.factors.push_back(CheckContract(c, v, &m));
  m.factors.push_back(CheckEducation(c, v, &m));
  m.factors.push_back(ScoreRecency(v, options_.today));
  const ScoreWeights& w = options_.weights;
  const double weights[] = {w.competences, w.wage, w.travel, w.hours, w.contract, w.education, w.recency};
  double sum = 0, total = 0;
  for (size_t i = 0; i < m.factors.size(); ++i) {
    m.factors[i].weight = weights[i];
    total += weights[i] * m.factors[i].score;
    sum += weights[i];
  }
  m.score = sum > 0 ? std::round(total / sum * 1000) / 1000 : 0;
  m.verdict = !m.conflicts.empty() ? Verdict::kExcluded
              : !m.checks.empty()  ? Verdict::kSuitableWithChecks
                                   : Verdict::kSuitable;
  return m;
}

StatusOr<std::vector<Match>> Matcher::MatchCandidate(const CandidateProfile& c) const {
  std::vector<Match> out;
  try {
    Xapian::Enquire enquire(reader_.database());
    enquire.set_query(BuildCandidateQuery(c, schema_, options_));
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(options_.max_candidates));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto v = VacancyFromDocument(it.get_document(), "index document " + std::to_string(*it));
      if (!v.ok()) return v.status();
      Match m = Evaluate(c, *v, it.get_percent() / 100.0);
      if (m.verdict == Verdict::kExcluded && !options_.include_excluded) continue;
      out.push_back(std::move(m));
    }
  } catch (const Xapian::Error& e) {
    return Status::Unavailable("match " + c.id + ": " + e.get_type() + ": " + e.get_msg());
  }
  std::stable_sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    if (VerdictRank(a.verdict) != VerdictRank(b.verdict)) return VerdictRank(a.verdict) < VerdictRank(b.verdict);
    return a.score > b.score;
  });
  if (options_.limit > 0 && out.size() > static_cast<size_t>(options_.limit)) out.resize(options_.limit);
  return out;
}

}  // namespace passend
