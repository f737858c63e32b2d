// The MinHash band index (indexer/duplicates.h): which indexed postings share a band with a
// new one (internal to the indexer; only the index's writer uses it).
//
// Kept in two files of the index directory instead of as Xapian terms: a band is nearly
// unique to its posting, and 32 such terms per posting were 45% of an ingest's time and 28%
// of the index.
// - passend_bands: "PBANDS01", the pair count, then (band, docid) pairs sorted, written
//   whole by Merge through a temporary file and a rename.
// - passend_bands.log: the pairs of each commit since the last merge, appended. A torn last
//   pair (a crash while appending) is cut off at the next open.
// Pairs are little-endian uint32s. Pairs of a deleted posting stay until the next merge drops
// them; a lookup that still finds one finds no document and moves on. Postings Xapian
// commits without the append (a crash in between, or Xapian committing on its own when a
// writer closes without Commit) lose only their bands: a later copy joins them by their
// exact key only.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace passend {

class BandIndex {
 public:
  using Band = uint32_t;
  using DocId = uint32_t;

  ~BandIndex();
  BandIndex(BandIndex&&) noexcept;
  BandIndex& operator=(BandIndex&&) noexcept;

  static StatusOr<BandIndex> Open(const std::string& dir);

  // Calls `take` with the postings that have one of `bands`: those added since the last
  // commit first, then the committed ones, each band's newest (lowest docid) first; stops
  // when `take` returns false. A posting may come more than once.
  void ForEach(const std::vector<Band>& bands, const std::function<bool(DocId)>& take) const;
  void Add(DocId id, const std::vector<Band>& bands);
  // Appends what was added to the log (the caller committed the postings).
  Status Commit();
  // Whether the log has grown to half the sorted file (or a minimum), so Merge is due.
  bool MergeDue() const;
  // Rewrites the sorted file with the log's pairs, keeping only the pairs whose docid is
  // `live`, and empties the log.
  Status Merge(const std::function<bool(DocId)>& live);

  size_t CommittedPairs() const;  // in the sorted file and the log

 private:
  struct Impl;
  explicit BandIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Puts the band files of `from_dir` into `to_dir` (hard links where it can), for a
// compaction that writes the index anew with the same docids.
Status CopyBandFiles(const std::string& from_dir, const std::string& to_dir);

}  // namespace passend
