// Finds the job an indexed posting belongs to, for a new or changed posting (internal to
// the indexer). Postings that share a MinHash band (indexer/band_index.h) are compared.
//
// The committed postings' fingerprints are read through a separate read-only database: a
// read through the WritableDatabase would make glass flush the batched postings. Those
// added since the last commit are kept here in memory.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/status.h"
#include "indexer/band_index.h"
#include "indexer/duplicates.h"

namespace passend {

class JobFinder {
 public:
  JobFinder(std::string path, BandIndex bands) : path_(std::move(path)), bands_(std::move(bands)) {}

  // The job of an indexed posting other than `self` that SameJob() holds for, looking at
  // the newest candidates first and at most kMaxCandidates of them.
  std::optional<std::string> Find(const JobFingerprint& fp, Xapian::docid self);
  // A posting written to the index since the last commit, with its job.
  void Added(Xapian::docid id, const JobFingerprint& fp, const std::string& job);
  // The index committed: what was added is now in the committed postings. Writes the bands
  // and, when due, merges them, dropping those of deleted postings.
  Status Committed();

  static constexpr size_t kMaxCandidates = 50;

 private:
  struct Pending {
    JobFingerprint fp;
    std::string job;
  };
  std::vector<Xapian::docid> Candidates(const JobFingerprint& fp, Xapian::docid self) const;
  std::optional<std::string> Check(const JobFingerprint& fp, Xapian::docid id);
  Xapian::Database& Reader();  // the committed postings, opened on first use
  Status MergeBands();

  std::string path_;
  std::optional<Xapian::Database> committed_;
  BandIndex bands_;
  std::unordered_map<Xapian::docid, Pending> pending_docs_;
};

}  // namespace passend
