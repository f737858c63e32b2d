// Finds the job an indexed posting belongs to, for a new or changed posting (internal to
// the indexer). Postings that share a MinHash band term are compared.
//
// Why not a query on the WritableDatabase: glass flushes a term's buffered postings to the
// B-tree whenever that term's posting list is opened, and every new posting adds to 32 band
// terms, so each search would write the postings batched since the last commit one term at
// a time. Instead the committed postings are read through a separate read-only database,
// and the postings added since the last commit are kept here in memory.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "indexer/duplicates.h"

namespace passend {

class JobFinder {
 public:
  explicit JobFinder(std::string path) : path_(std::move(path)) {}

  // The job of an indexed posting other than `self` that SameJob() holds for, looking at
  // the newest candidates first and at most kMaxCandidates of them.
  std::optional<std::string> Find(const JobFingerprint& fp, Xapian::docid self);
  // A posting written to the index since the last commit, with its job.
  void Added(Xapian::docid id, const JobFingerprint& fp, const std::string& job);
  // The index committed: what was added is now in the committed postings.
  void Committed();

  static constexpr size_t kMaxCandidates = 50;

 private:
  struct Pending {
    JobFingerprint fp;
    std::string job;
  };
  std::vector<Xapian::docid> Candidates(const std::vector<std::string>& terms, Xapian::docid self);
  std::optional<std::string> Check(const JobFingerprint& fp, Xapian::docid id);
  Xapian::Database& Reader();  // the committed postings, opened on first use

  std::string path_;
  std::optional<Xapian::Database> committed_;
  std::unordered_map<std::string, std::vector<Xapian::docid>> pending_bands_;
  std::unordered_map<Xapian::docid, Pending> pending_docs_;
};

}  // namespace passend
