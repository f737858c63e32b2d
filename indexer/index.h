// VacancyIndex: the Xapian database of vacancies. One document per vacancy, unique
// term Q<key>; the vacancy records (model/vacancy_record.h) and descriptions in files beside
// it (indexer/record_store.h). New vacancies get
// falling docids, so docid order is newest first (the matcher relies on it); an updated
// vacancy keeps its docid.
//
// Writes are grouped: Upsert/Expire change the database, Commit() makes them durable
// atomically (a crash before Commit loses only the uncommitted batch). Xapian errors are
// converted to Status here and nowhere else. Not thread-safe: one writer per database.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "model/vacancy.h"

namespace Xapian {
class Database;
class Document;
class WritableDatabase;
}  // namespace Xapian

namespace passend {

enum class UpsertOutcome { kAdded, kUpdated, kUnchanged };

// The vacancies' content hashes as last committed, read on another thread than the
// writer's (VacancyIndex::CommittedContent). A hint: Upsert decides what is unchanged.
class StoredContent {
 public:
  ~StoredContent();
  StoredContent(StoredContent&&) noexcept;
  StoredContent& operator=(StoredContent&&) noexcept;

  // Whether the index held the vacancy `key` with this content hash; false when unsure.
  bool Holds(const std::string& key, const std::string& content_hash);

 private:
  friend class VacancyIndex;
  struct Impl;
  explicit StoredContent(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A vacancy made ready for VacancyIndex::Upsert without the index: its content hash,
// duplicate fingerprint and document terms, most of an upsert's work. Prepare may run on
// another thread than the writer (IngestJsonLines does).
class PreparedVacancy {
 public:
  ~PreparedVacancy();
  PreparedVacancy(PreparedVacancy&&) noexcept;
  PreparedVacancy& operator=(PreparedVacancy&&) noexcept;

  // A vacancy `stored` holds unchanged gets only its hash, all Upsert needs to leave it
  // alone (most of a daily crawl's postings); should Upsert find it new or changed after
  // all, Upsert prepares the rest.
  static StatusOr<PreparedVacancy> Prepare(Vacancy v, StoredContent& stored);

 private:
  friend class VacancyIndex;
  struct Parts;
  explicit PreparedVacancy(std::unique_ptr<Parts> parts);
  static PreparedVacancy HashOnly(Vacancy v);
  std::unique_ptr<Parts> parts_;
};

class VacancyIndex {
 public:
  ~VacancyIndex();
  VacancyIndex(VacancyIndex&&) noexcept;
  VacancyIndex& operator=(VacancyIndex&&) noexcept;

  // Opens or creates the index in directory `path`. Fails with a clear message when the
  // directory holds an index of another schema version.
  static StatusOr<VacancyIndex> OpenWritable(const std::string& path);

  // Adds or replaces the vacancy by key. Content identical to the stored version (by
  // hash) is left alone. `today` becomes first_seen for new vacancies; an updated one
  // keeps its first_seen.
  StatusOr<UpsertOutcome> Upsert(Vacancy v, Days today);
  // Leaves `prepared` to the caller to free, on the thread that prepared it if it likes
  // (IngestJsonLines does).
  StatusOr<UpsertOutcome> Upsert(PreparedVacancy&& prepared, Days today);
  // Deletes vacancies whose valid_through is before `today`; returns how many.
  StatusOr<int> ExpireBefore(Days today);
  // Deletes the vacancy with this key; false when there was none.
  StatusOr<bool> Remove(const std::string& key);
  // Whether a vacancy with this key is indexed (uncommitted changes included).
  StatusOr<bool> Contains(const std::string& key) const;
  // What the index held at its last commit, for PreparedVacancy::Prepare on another thread.
  StoredContent CommittedContent() const;
  Status Commit();
  StatusOr<size_t> Count() const;

 private:
  struct Impl;
  explicit VacancyIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct CompactReport {
  size_t documents = 0;
  uintmax_t bytes_before = 0, bytes_after = 0;
};

// Rewrites the index at `path` with full B-tree blocks, keeping document ids. New vacancies
// get falling docids, which leave blocks about half full; compacted, the index is near half
// the size and the matcher reads fewer blocks. Holds the index's write lock throughout, so
// it fails (naming the lock) while a crawl or load writes; readers that have the index open
// keep reading the old files. The new index replaces the old by two renames; an open of the
// index after a crash between them finds PATH.old and puts it back.
StatusOr<CompactReport> CompactIndex(const std::string& path);

// Read-only access for the matcher and the tools.
class VacancyReader {
 public:
  ~VacancyReader();
  VacancyReader(VacancyReader&&) noexcept;
  VacancyReader& operator=(VacancyReader&&) noexcept;

  // NotFound when there is no index at `path`; InvalidArgument on a schema mismatch.
  static StatusOr<VacancyReader> Open(const std::string& path);

  StatusOr<Vacancy> Get(const std::string& key) const;
  // The vacancy of an index document (a Xapian docid). The matcher reads the description only
  // for what it shows: it is most of a vacancy's bytes.
  StatusOr<Vacancy> Load(uint32_t docid, bool with_description = true) const;
  // The same into `v`, reusing its memory; without the description (left empty).
  Status LoadWithoutDescription(uint32_t docid, Vacancy* v) const;
  StatusOr<std::string> Description(uint32_t docid) const;
  // The job (collapse key, indexer/duplicates.h) of an index document; valid until the next
  // call of Load, LoadWithoutDescription, Description or Job.
  StatusOr<std::string_view> Job(uint32_t docid) const;
  const Xapian::Database& database() const;

 private:
  struct Impl;
  explicit VacancyReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The terms a text gives in the index's unprefixed text field (Dutch stems, "Z" prefixed),
// or with `prefix` in that field (schema::kTitlePrefix: the title's), sorted and without
// repeats: a competence is in a vacancy when all its terms are among the vacancy's
// (matcher/checks.h).
std::vector<std::string> TextTerms(const std::string& text, const std::string& prefix = "");

}  // namespace passend
