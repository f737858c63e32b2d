#include "indexer/job_finder.h"

#include <algorithm>

#include "indexer/schema.h"

namespace passend {

Xapian::Database& JobFinder::Reader() {
  if (!committed_) committed_.emplace(path_);
  return *committed_;
}

std::vector<Xapian::docid> JobFinder::Candidates(const std::vector<std::string>& terms, Xapian::docid self) {
  std::vector<Xapian::docid> out;
  auto take = [&](Xapian::docid id) {
    if (id != self && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    return out.size() < kMaxCandidates;
  };
  for (const std::string& term : terms) {  // since the last commit, newest first
    const auto it = pending_bands_.find(term);
    if (it == pending_bands_.end()) continue;
    for (auto id = it->second.rbegin(); id != it->second.rend(); ++id) {
      if (!take(*id)) return out;
    }
  }
  Xapian::Database& db = Reader();
  for (const std::string& term : terms) {  // falling docids: the newest first here too
    for (auto id = db.postlist_begin(term); id != db.postlist_end(term); ++id) {
      if (!take(*id)) return out;
    }
  }
  return out;
}

std::optional<std::string> JobFinder::Check(const JobFingerprint& fp, Xapian::docid id) {
  if (const auto it = pending_docs_.find(id); it != pending_docs_.end()) {
    if (SameJob(fp, it->second.fp)) return it->second.job;
    return std::nullopt;
  }
  const Xapian::Document other = Reader().get_document(id);
  JobFingerprint theirs;
  if (JobFingerprint::Parse(other.get_value(schema::kSlotFingerprint), &theirs) && SameJob(fp, theirs)) {
    return other.get_value(schema::kSlotCollapseKey);
  }
  return std::nullopt;
}

std::optional<std::string> JobFinder::Find(const JobFingerprint& fp, Xapian::docid self) {
  std::vector<std::string> terms;
  for (const std::string& band : BandTerms(fp)) terms.push_back(schema::kBandPrefix + band);
  for (int attempt = 0;; ++attempt) {
    try {
      for (Xapian::docid id : Candidates(terms, self)) {
        if (auto job = Check(fp, id)) return job;
      }
      return std::nullopt;
    } catch (const Xapian::DatabaseModifiedError&) {
      // The writer flushed on its own (XAPIAN_FLUSH_THRESHOLD) past the revision we read.
      if (attempt > 0) throw;
      Reader().reopen();
    }
  }
}

void JobFinder::Added(Xapian::docid id, const JobFingerprint& fp, const std::string& job) {
  if (fp.shingles < kMinShingles) return;  // never compared: no band terms either
  for (const std::string& band : BandTerms(fp)) pending_bands_[schema::kBandPrefix + band].push_back(id);
  pending_docs_[id] = Pending{fp, job};
}

void JobFinder::Committed() {
  pending_bands_.clear();
  pending_docs_.clear();
  if (committed_) committed_->reopen();
}

}  // namespace passend
