// The vacancy records and descriptions of an index (internal to the indexer), in files of the
// index directory instead of Xapian value slots: reading a record from a value slot (a B-tree
// lookup and an 8 KB block copied out of the page cache per vacancy) was a third of the
// matcher's time. Mapped, a record is found by its docid alone.
//
// - passend_descriptions: "PDESC001", then the descriptions, appended.
// - passend_records: "PRECS001", then entries appended: the docid, the record's bytes, the
//   description's bytes, the job's bytes (little-endian uint32s), the description's offset
//   in passend_descriptions (uint64), then the record (model/vacancy_record.h) and the job
//   (the collapse key, indexer/duplicates.h). A document's newest entry is its own.
//   The records are apart from the descriptions so that the matcher, which reads a few
//   hundred records per candidate and only the descriptions it shows, keeps few pages warm.
// - passend_records.idx: "PRIDX001", the length of passend_records that the offsets cover
//   (uint64), then for docid kFirstDocid - i the offset of its newest entry (uint64; 0: none).
//
// A document's description and entry are appended before Xapian gets the document (Xapian
// may commit on its own), so every document Xapian has committed has its entry. Commit syncs
// the descriptions and entries, then the offsets, then notes the length they cover. An open
// for writing that finds the records longer than the offsets cover (a crash since the last
// Commit) cuts off a torn last entry and rebuilds the offsets from the entries, the newest of
// a docid winning; an entry of a document Xapian never committed is then taken for its docid
// until the docid is written again. Entries and descriptions of deleted or replaced documents
// stay until CompactRecords drops them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/status.h"

namespace passend {

class RecordStore {
 public:
  struct Entry {
    std::string_view record, job, description;  // the description is read only when used
  };

  ~RecordStore();
  RecordStore(RecordStore&&) noexcept;
  RecordStore& operator=(RecordStore&&) noexcept;

  // For the index's one writer: creates the files when absent, recovers after a crash.
  static StatusOr<RecordStore> OpenWritable(const std::string& dir);
  // For a reader; absent files hold no entries. Sees what a writer puts at once.
  static StatusOr<RecordStore> OpenReadOnly(const std::string& dir);

  // The newest entry of `docid`; NotFound when it has none. The views stay valid until the
  // next call. Not thread-safe: one store per thread, like a Xapian::Database.
  StatusOr<Entry> Get(Xapian::docid docid) const;
  bool Has(Xapian::docid docid) const;

  // Writer only.
  Status Put(Xapian::docid docid, std::string_view record, std::string_view job,
             std::string_view description);
  Status Commit();

 private:
  struct Impl;
  explicit RecordStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Writes into `to_dir` the newest entries and descriptions of the documents `live`, reading
// the old files front to back (after recovering them as an open for writing does); for a
// compaction, under the index's write lock, that writes the index anew with the same docids.
Status CompactRecords(const std::string& from_dir, const std::string& to_dir,
                      const std::vector<Xapian::docid>& live);

}  // namespace passend
