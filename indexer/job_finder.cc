#include "indexer/job_finder.h"

#include <algorithm>

#include "indexer/schema.h"

namespace passend {

Xapian::Database& JobFinder::Reader() {
  if (!committed_) committed_.emplace(path_);
  return *committed_;
}

std::vector<Xapian::docid> JobFinder::Candidates(const JobFingerprint& fp, Xapian::docid self) const {
  std::vector<Xapian::docid> out;
  bands_.ForEach(BandKeys(fp), [&](Xapian::docid id) {
    if (id != self && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    return out.size() < kMaxCandidates;
  });
  return out;
}

std::optional<std::string> JobFinder::Check(const JobFingerprint& fp, Xapian::docid id) {
  if (const auto it = pending_docs_.find(id); it != pending_docs_.end()) {
    if (SameJob(fp, it->second.fp)) return it->second.job;
    return std::nullopt;
  }
  Xapian::Document other;
  try {
    other = Reader().get_document(id);
  } catch (const Xapian::DocNotFoundError&) {
    return std::nullopt;  // deleted since; its bands go at the next merge
  }
  JobFingerprint theirs;
  if (JobFingerprint::Parse(other.get_value(schema::kSlotFingerprint), &theirs) && SameJob(fp, theirs)) {
    return other.get_value(schema::kSlotCollapseKey);
  }
  return std::nullopt;
}

std::optional<std::string> JobFinder::Find(const JobFingerprint& fp, Xapian::docid self) {
  const std::vector<Xapian::docid> candidates = Candidates(fp, self);
  for (int attempt = 0;; ++attempt) {
    try {
      for (Xapian::docid id : candidates) {
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
  if (fp.shingles < kMinShingles) return;  // never compared: no bands either
  bands_.Add(id, BandKeys(fp));
  pending_docs_[id] = Pending{fp, job};
}

Status JobFinder::Committed() {
  pending_docs_.clear();
  if (committed_) committed_->reopen();
  PASSEND_RETURN_IF_ERROR(bands_.Commit());
  return bands_.MergeDue() ? MergeBands() : Status::Ok();
}

// The live postings as a bitmap over their docid range: a merge asks about every pair.
Status JobFinder::MergeBands() {
  Xapian::Database& db = Reader();
  std::vector<bool> live;
  Xapian::docid lowest = 0;
  if (auto it = db.postlist_begin(""); it != db.postlist_end("")) {
    lowest = *it;
    live.assign(static_cast<size_t>(db.get_lastdocid() - lowest) + 1, false);
    for (; it != db.postlist_end(""); ++it) live[*it - lowest] = true;
  }
  return bands_.Merge([&](Xapian::docid id) { return id >= lowest && id - lowest < live.size() && live[id - lowest]; });
}

}  // namespace passend
