#include "matcher/matcher.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "common/text.h"
#include "indexer/schema.h"
#include "matcher/checks.h"
#include "matcher/filter_postings.h"
#include "matcher/query.h"
#include "model/json_io.h"

namespace passend {
namespace {

// A result lists the sources and URLs of at most this many postings of its job (the newest);
// `duplicates` still counts them all.
constexpr int kMaxPostingsListed = 20;

// The sources and URLs of the job's postings, so one result lists where it is posted.
Status AddJobSources(const VacancyReader& reader, const std::string& job, Vacancy* v) {
  const Xapian::Database& db = reader.database();
  try {
    const std::string term = schema::kJobPrefix + job;
    int read = 0;
    Vacancy other;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && read < kMaxPostingsListed; ++it, ++read) {
      PASSEND_RETURN_IF_ERROR(reader.LoadWithoutDescription(*it, &other));
      if (other.key == v->key) continue;
      for (const SourceRef& s : other.sources) {
        const bool known = std::any_of(v->sources.begin(), v->sources.end(), [&](const SourceRef& k) {
          return k.source == s.source && k.url == s.url;
        });
        if (!known) v->sources.push_back(s);
      }
    }
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::Unavailable("sources of job " + job + ": " + e.get_type() + ": " + e.get_msg());
  }
}

// Which competences each of `docs` names, from the competences' posting lists: no
// description is read. Throws Xapian::Error.
std::vector<CompetencesNamed> CompetencesInIndex(const Xapian::Database& db, const CandidateKeys& keys,
                                                 const std::vector<Xapian::docid>& docs) {
  std::vector<CompetencesNamed> named(docs.size(), CompetencesNamed(keys.competence_terms.size(), false));
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return docs[a] < docs[b]; });
  for (size_t k = 0; k < keys.competence_terms.size(); ++k) {
    const std::vector<std::string>& terms = keys.competence_terms[k];
    if (terms.empty()) continue;
    for (size_t i : order) named[i][k] = true;
    for (const std::string& term : terms) {
      Xapian::PostingIterator p = db.postlist_begin(term);
      for (size_t i : order) {  // ascending docids: each skip_to moves forward
        if (!named[i][k]) continue;
        if (p != db.postlist_end(term)) p.skip_to(docs[i]);
        named[i][k] = p != db.postlist_end(term) && *p == docs[i];
      }
    }
  }
  return named;
}

// A document the pruning queries took: the first posting of its job among them.
struct TakenDocument {
  Xapian::docid docid;
  std::string job;              // collapse key
  Xapian::doccount duplicates;  // the job's other postings that matched
};

// Lets through the first posting of each job a query meets, counting the later ones, as
// Xapian's collapse on the job's value slot did; the job comes from the record files, where
// reading it costs no B-tree lookup (the value slot's was a tenth of the match time).
class FirstPostingOfEachJob : public Xapian::MatchDecider {
 public:
  explicit FirstPostingOfEachJob(const VacancyReader& reader) : reader_(reader) {}
  bool operator()(const Xapian::Document& doc) const override {
    StatusOr<std::string_view> job = reader_.Job(doc.get_docid());
    if (!job.ok()) {
      if (failure_.ok()) failure_ = job.status();
      return false;
    }
    if (job->empty()) return true;  // never collapsed, as by Xapian
    auto [it, first] = later_postings_.try_emplace(std::string(*job), 0);
    if (!first) ++it->second;
    if (first) job_let_through_[doc.get_docid()] = &it->first;  // stable: a node's key
    return first;
  }
  // The job of a posting let through ("" when it has none), without reading it again.
  StatusOr<std::string> JobOf(Xapian::docid docid) const {
    if (const auto it = job_let_through_.find(docid); it != job_let_through_.end()) return *it->second;
    StatusOr<std::string_view> job = reader_.Job(docid);
    if (!job.ok()) return job.status();
    return std::string(*job);
  }
  // How many later postings of a job let through the query met.
  Xapian::doccount LaterPostings(const std::string& job) const {
    const auto it = later_postings_.find(job);
    return it == later_postings_.end() ? 0 : it->second;
  }
  void Reset() {
    later_postings_.clear();
    job_let_through_.clear();
  }
  const Status& failure() const { return failure_; }

 private:
  const VacancyReader& reader_;
  mutable std::unordered_map<std::string, Xapian::doccount> later_postings_;
  mutable std::unordered_map<Xapian::docid, const std::string*> job_let_through_;
  mutable Status failure_;
};

// Up to `max` postings: first those the candidate looks for, then those naming a competence,
// then the others (matcher/query.h). Throws Xapian::Error.
StatusOr<std::vector<TakenDocument>> Take(const VacancyReader& reader, const CandidateQueries& queries, int max) {
  // Boolean, in docid order: Xapian stops once it has enough instead of weighing every
  // vacancy in range. Docids fall as vacancies are first seen (indexer/index.h), so the
  // first taken are the newest. The score then orders what was taken.
  Xapian::Enquire enquire(reader.database());
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  FirstPostingOfEachJob first_of_job(reader);
  std::set<std::string> jobs_seen;  // across the queries
  std::vector<TakenDocument> taken;
  int count = 0;  // postings taken, including later postings of a job already taken
  for (const Xapian::Query* q : {&queries.relevant, &queries.related, &queries.others}) {
    if (count >= max) break;
    enquire.set_query(*q);
    first_of_job.Reset();
    const Xapian::MSet mset =
        enquire.get_mset(0, static_cast<Xapian::doccount>(max - count), 0, nullptr, &first_of_job);
    PASSEND_RETURN_IF_ERROR(first_of_job.failure());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      ++count;
      StatusOr<std::string> job_read = first_of_job.JobOf(*it);
      if (!job_read.ok()) return job_read.status();
      std::string job = *std::move(job_read);
      if (!job.empty() && !jobs_seen.insert(job).second) continue;
      const Xapian::doccount later = first_of_job.LaterPostings(job);
      taken.push_back({*it, std::move(job), later});
    }
  }
  return taken;
}

int VerdictRank(Verdict v) {
  switch (v) {
    case Verdict::kSuitable: return 0;
    case Verdict::kSuitableWithChecks: return 1;
    case Verdict::kExcluded: return 2;
  }
  return 3;
}

// A vacancy judged without its text, for the ranking. Only those kept are loaded again,
// whole: decoding ~300 records a candidate into one reused Vacancy spares the allocations.
struct Ranked {
  size_t taken;  // its index among the documents taken
  Verdict verdict;
  double score;
};

// Passend first, then passend met aandachtspunten, then uitgesloten; by score within each;
// at most `limit` (0: all).
void KeepBest(std::vector<Ranked>* ranked, int limit) {
  std::stable_sort(ranked->begin(), ranked->end(), [](const Ranked& a, const Ranked& b) {
    if (VerdictRank(a.verdict) != VerdictRank(b.verdict)) return VerdictRank(a.verdict) < VerdictRank(b.verdict);
    return a.score > b.score;
  });
  if (limit > 0 && ranked->size() > static_cast<size_t>(limit)) ranked->resize(static_cast<size_t>(limit));
}

}  // namespace

StatusOr<ScoreWeights> ParseWeights(std::string_view spec, ScoreWeights base) {
  ScoreWeights w = base;
  const std::pair<const char*, double*> fields[] = {
      {"competenties", &w.competences}, {"loon", &w.wage},       {"reistijd", &w.travel},
      {"uren", &w.hours},               {"contract", &w.contract}, {"opleiding", &w.education},
      {"recentheid", &w.recency}};
  for (const std::string& part : Split(std::string(spec), ',')) {
    const std::string item(Trim(part));
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    const std::string name(Trim(item.substr(0, eq)));
    auto field = std::find_if(std::begin(fields), std::end(fields), [&](const auto& f) { return name == f.first; });
    if (field == std::end(fields)) {
      return Status::InvalidArgument("weights: \"" + name + "\": unknown factor (competenties, loon, reistijd, uren, "
                                     "contract, opleiding, recentheid)");
    }
    const auto value = eq == std::string::npos ? std::nullopt : ParseDouble(Trim(item.substr(eq + 1)));
    if (!value || *value < 0 || *value > 100) {
      return Status::InvalidArgument("weights: " + name + ": expected a number from 0 to 100, as in " + name + "=0.3");
    }
    *field->second = *value;
  }
  if (w.competences + w.wage + w.travel + w.hours + w.contract + w.education + w.recency <= 0) {
    return Status::InvalidArgument("weights: all weights are zero");
  }
  return w;
}

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

Matcher::Matcher(const VacancyReader& reader, const FmlSchema& schema, MatchOptions options)
    : reader_(reader), schema_(schema), options_(options) {}
Matcher::~Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;

FilterPostings& Matcher::FilterPostingsOf(const Xapian::Database& db) const {
  if (!filter_postings_) filter_postings_ = std::make_unique<FilterPostings>(db);
  return *filter_postings_;
}

Match Matcher::Evaluate(const CandidateProfile& c, const Vacancy& v) const {
  const CandidateKeys keys = DeriveKeys(c, options_.occupations);
  Match m = Judge(c, keys, CompetencesInText(keys, v), v, /*explain=*/true);
  m.vacancy = v;
  return m;
}

Match Matcher::Judge(const CandidateProfile& c, const CandidateKeys& keys, const CompetencesNamed& named,
                     const Vacancy& v, bool explain) const {
  Match m;
  Judgement j(&m, explain);
  CheckFml(c, v, schema_, options_, j);
  m.factors.reserve(7);
  m.factors.push_back(ScoreCompetences(c, keys, v, named, j));
  m.factors.push_back(CheckWage(c, v, j));
  m.factors.push_back(CheckTravel(c, keys.travel, v, options_, j));
  m.factors.push_back(CheckHours(c, v, schema_, j));
  m.factors.push_back(CheckContract(c, v, j));
  m.factors.push_back(CheckEducation(c, v, j));
  m.factors.push_back(ScoreRecency(v, options_.today, j));
  const ScoreWeights& w = options_.weights;
  const double weights[] = {w.competences, w.wage, w.travel, w.hours, w.contract, w.education, w.recency};
  double sum = 0, total = 0;
  for (size_t i = 0; i < m.factors.size(); ++i) {
    m.factors[i].weight = weights[i];
    total += weights[i] * m.factors[i].score;
    sum += weights[i];
  }
  m.score = sum > 0 ? std::round(total / sum * 1000) / 1000 : 0;
  m.verdict = j.conflicts() > 0 ? Verdict::kExcluded
              : j.checks() > 0  ? Verdict::kSuitableWithChecks
                                : Verdict::kSuitable;
  return m;
}

StatusOr<std::vector<Match>> Matcher::MatchCandidate(const CandidateProfile& c,
                                                     std::optional<Days> first_seen_since) const {
  const Xapian::Database& db = reader_.database();
  std::vector<Match> out;
  try {
    const CandidateKeys keys = DeriveKeys(c, options_.occupations);
    const CandidateQueries queries =
        BuildCandidateQueries(db, c, keys, schema_, options_, first_seen_since, FilterPostingsOf(db));
    StatusOr<std::vector<TakenDocument>> took = Take(reader_, queries, options_.max_candidates);
    if (!took.ok()) return took.status();
    const std::vector<TakenDocument>& taken = *took;
    std::vector<Xapian::docid> docids;
    for (const TakenDocument& t : taken) docids.push_back(t.docid);
    const std::vector<CompetencesNamed> named = CompetencesInIndex(db, keys, docids);
    // Every vacancy taken is judged to rank it; only those shown are judged again with
    // their Dutch text (Judgement in matcher/checks.h).
    std::vector<Ranked> ranked;
    const std::string today = FormatDate(options_.today);
    Vacancy v;
    for (size_t i = 0; i < taken.size(); ++i) {
      PASSEND_RETURN_IF_ERROR(reader_.LoadWithoutDescription(taken[i].docid, &v));
      // The query filters validity by month; the day is checked here.
      if (!v.valid_through.empty() && v.valid_through < today) continue;
      const Match judged = Judge(c, keys, named[i], v, /*explain=*/false);
      if (judged.verdict == Verdict::kExcluded && !options_.include_excluded) continue;
      ranked.push_back({i, judged.verdict, judged.score});
    }
    KeepBest(&ranked, options_.limit);
    for (const Ranked& r : ranked) {
      const TakenDocument& t = taken[r.taken];
      Vacancy shown;
      PASSEND_RETURN_IF_ERROR(reader_.LoadWithoutDescription(t.docid, &shown));
      Match m = Judge(c, keys, named[r.taken], shown, /*explain=*/true);
      m.vacancy = std::move(shown);
      auto description = reader_.Description(t.docid);
      if (!description.ok()) return description.status();
      m.vacancy.description = *std::move(description);
      m.duplicates = static_cast<int>(t.duplicates);
      if (m.duplicates > 0) PASSEND_RETURN_IF_ERROR(AddJobSources(reader_, t.job, &m.vacancy));
      out.push_back(std::move(m));
    }
  } catch (const Xapian::Error& e) {
    return Status::Unavailable("match " + c.id + ": " + e.get_type() + ": " + e.get_msg());
  }
  return out;
}

}  // namespace passend
