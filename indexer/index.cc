#include "indexer/index.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include <xapian.h>

#include "common/text.h"
#include "indexer/band_index.h"
#include "indexer/document.h"
#include "indexer/duplicates.h"
#include "indexer/job_finder.h"
#include "indexer/record_store.h"
#include "indexer/schema.h"
#include "model/vacancy_record.h"

namespace passend {
namespace {

Status FromXapian(const Xapian::Error& e, const std::string& what) {
  return Status::Unavailable(what + ": " + e.get_type() + ": " + e.get_msg());
}

Status CheckSchema(const Xapian::Database& db, const std::string& path) {
  const std::string version = db.get_metadata(schema::kVersionKey);
  if (version != schema::kSchemaVersion) {
    return Status::InvalidArgument(path + ": index schema version " + (version.empty() ? "(none)" : version) +
                                   ", this passend needs " + schema::kSchemaVersion +
                                   "; remove the directory and crawl again");
  }
  return Status::Ok();
}

// The hash that decides "unchanged": over the vacancy with its description; `v` has no
// first_seen (the index decides it, and an update keeps it).
std::string ContentHash(const Vacancy& v) { return HexId(StableHash64(EncodeVacancyRecord(v))); }

uintmax_t DirBytes(const std::string& dir) {
  uintmax_t total = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

std::string OldCopy(const std::string& path) { return path + ".old"; }

void RemoveQuietly(const std::string& dir) {
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

// A compaction stopped between its two renames leaves the index at PATH.old only.
void RestoreAfterInterruptedCompaction(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) && std::filesystem::exists(OldCopy(path), ec)) {
    std::filesystem::rename(OldCopy(path), path, ec);
  }
}

}  // namespace

struct PreparedVacancy::Parts {
  Vacancy vacancy;  // without its description
  std::string description;
  std::string hash;
  bool complete = false;  // the fingerprint and the document are there
  JobFingerprint fingerprint;
  Xapian::Document document;

  // Throws Xapian::Error.
  void Complete() {
    if (complete) return;
    vacancy.description = std::move(description);
    fingerprint = FingerprintOf(vacancy);
    document = BuildDocument(vacancy, hash, fingerprint);
    description = std::move(vacancy.description);
    vacancy.description.clear();
    complete = true;
  }
};

PreparedVacancy::PreparedVacancy(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
PreparedVacancy::~PreparedVacancy() = default;
PreparedVacancy::PreparedVacancy(PreparedVacancy&&) noexcept = default;
PreparedVacancy& PreparedVacancy::operator=(PreparedVacancy&&) noexcept = default;

PreparedVacancy PreparedVacancy::HashOnly(Vacancy v) {
  auto parts = std::make_unique<Parts>();
  v.first_seen.clear();  // set by Write from the index, not taken from the input
  parts->hash = ContentHash(v);
  parts->description = std::move(v.description);
  v.description.clear();
  parts->vacancy = std::move(v);
  return PreparedVacancy(std::move(parts));
}

StatusOr<PreparedVacancy> PreparedVacancy::Prepare(Vacancy v, StoredContent& stored) {
  PreparedVacancy prepared = HashOnly(std::move(v));
  Parts& p = *prepared.parts_;
  if (stored.Holds(p.vacancy.key, p.hash)) return prepared;
  try {
    p.Complete();
  } catch (const Xapian::Error& e) {
    return FromXapian(e, "vacancy " + p.vacancy.key);
  }
  return prepared;
}

struct StoredContent::Impl {
  std::optional<Xapian::Database> db;  // none when the index had no documents
};

StoredContent::StoredContent(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoredContent::~StoredContent() = default;
StoredContent::StoredContent(StoredContent&&) noexcept = default;
StoredContent& StoredContent::operator=(StoredContent&&) noexcept = default;

bool StoredContent::Holds(const std::string& key, const std::string& content_hash) {
  if (!impl_->db) return false;
  Xapian::Database& db = *impl_->db;
  const std::string id_term = schema::kIdPrefix + key;
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      const Xapian::PostingIterator it = db.postlist_begin(id_term);
      if (it == db.postlist_end(id_term)) return false;
      return db.get_document(*it).get_value(schema::kSlotContentHash) == content_hash;
    } catch (const Xapian::DatabaseModifiedError&) {
      // The writer committed twice since this revision was read: read the newest.
      try {
        db.reopen();
      } catch (const Xapian::Error&) {
        return false;
      }
    } catch (const Xapian::Error&) {
      return false;
    }
  }
  return false;
}

// New vacancies get falling docids (schema::kFirstDocid); the next one is kept in the metadata.
using schema::kFirstDocid;
constexpr const char* kNextDocidKey = "passend_next_docid";

struct VacancyIndex::Impl {
  Impl(const std::string& where, Xapian::WritableDatabase database, BandIndex bands, RecordStore store)
      : path(where), db(std::move(database)), jobs(where, std::move(bands)), records(std::move(store)) {}

  std::string path;
  Xapian::WritableDatabase db;
  Xapian::docid next_docid = kFirstDocid;
  JobFinder jobs;
  RecordStore records;

  // The job a posting belongs to: that of an indexed posting of the same job, else its own
  // exact key, else its own id.
  std::string JobOf(const JobFingerprint& fp, Xapian::docid self, const std::string& key) {
    const std::string own = fp.exact_key.empty() ? HexId(StableHash64(key)) : fp.exact_key;
    // The exact copy of an indexed posting whose job is its exact key: no search needed. A
    // text too short to compare can only match by its exact key.
    if (!fp.exact_key.empty() && db.term_exists(schema::kJobPrefix + fp.exact_key)) return fp.exact_key;
    if (fp.shingles < kMinShingles) return own;
    return jobs.Find(fp, self).value_or(own);
  }

  // The record is the vacancy with first_seen and without its description, so that a reader
  // decodes the description only for what it shows. It is stored before Xapian has the
  // document, which Xapian may commit on its own (indexer/record_store.h).
  Status Write(Xapian::docid id, PreparedVacancy::Parts& p, Days first_seen, const std::string& job) {
    p.vacancy.first_seen = FormatDate(first_seen);
    PASSEND_RETURN_IF_ERROR(records.Put(id, EncodeVacancyRecord(p.vacancy), job, p.description));
    FinishDocument(p.document, first_seen, job);
    db.replace_document(id, p.document);
    jobs.Added(id, p.fingerprint, job);
    return Status::Ok();
  }
};

VacancyIndex::VacancyIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
VacancyIndex::~VacancyIndex() = default;
VacancyIndex::VacancyIndex(VacancyIndex&&) noexcept = default;
VacancyIndex& VacancyIndex::operator=(VacancyIndex&&) noexcept = default;

StatusOr<VacancyIndex> VacancyIndex::OpenWritable(const std::string& path) {
  try {
    RestoreAfterInterruptedCompaction(path);
    const bool existed = std::filesystem::exists(path);
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    if (!existed || db.get_doccount() == 0) {
      if (db.get_metadata(schema::kVersionKey).empty()) {
        db.set_metadata(schema::kVersionKey, schema::kSchemaVersion);
        db.commit();
      }
    }
    PASSEND_RETURN_IF_ERROR(CheckSchema(db, path));
    Xapian::docid next_docid = kFirstDocid;
    if (const std::string next = db.get_metadata(kNextDocidKey); !next.empty()) {
      const auto n = ParseInt(next);
      if (!n || *n < 0 || *n > static_cast<long>(kFirstDocid)) {
        return Status::InvalidArgument(path + ": metadata " + kNextDocidKey + ": \"" + next +
                                       "\" is not a document id; remove the directory and crawl again");
      }
      next_docid = static_cast<Xapian::docid>(*n);
    }
    // Xapian commits on its own (every 10,000 documents, and when a writer closes without
    // Commit), without the metadata: the next docid is below every docid in use.
    if (const Xapian::PostingIterator all = db.postlist_begin(""); all != db.postlist_end("")) {
      next_docid = std::min(next_docid, *all - 1);
    }
    auto bands = BandIndex::Open(path);
    if (!bands.ok()) return bands.status();
    auto records = RecordStore::OpenWritable(path);
    if (!records.ok()) return records.status();
    auto impl = std::make_unique<Impl>(path, std::move(db), std::move(*bands), std::move(*records));
    impl->next_docid = next_docid;
    return VacancyIndex(std::move(impl));
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path + ": cannot open index for writing");
  }
}

StatusOr<UpsertOutcome> VacancyIndex::Upsert(Vacancy v, Days today) {
  return Upsert(PreparedVacancy::HashOnly(std::move(v)), today);
}

StatusOr<UpsertOutcome> VacancyIndex::Upsert(PreparedVacancy&& prepared, Days today) {
  PreparedVacancy::Parts& p = *prepared.parts_;
  try {
    const std::string id_term = schema::kIdPrefix + p.vacancy.key;
    Days first_seen = today;
    Xapian::PostingIterator it = impl_->db.postlist_begin(id_term);
    if (it != impl_->db.postlist_end(id_term)) {
      const Xapian::docid docid = *it;
      const Xapian::Document old = impl_->db.get_document(docid);
      // Without its record (lost in a crash before the record was synced), it is written again.
      if (old.get_value(schema::kSlotContentHash) == p.hash && impl_->records.Has(docid)) {
        return UpsertOutcome::kUnchanged;
      }
      p.Complete();
      const std::string previous = old.get_value(schema::kSlotFirstSeen);
      if (!previous.empty()) first_seen = static_cast<Days>(Xapian::sortable_unserialise(previous));
      JobFingerprint before;
      const bool same = JobFingerprint::Parse(old.get_value(schema::kSlotFingerprint), &before) &&
                        SameJob(p.fingerprint, before);
      const std::string job = same ? old.get_value(schema::kSlotCollapseKey)
                                   : impl_->JobOf(p.fingerprint, docid, p.vacancy.key);
      PASSEND_RETURN_IF_ERROR(impl_->Write(docid, p, first_seen, job));  // keeps its place
      return UpsertOutcome::kUpdated;
    }
    if (impl_->next_docid == 0) return Status::Unavailable(impl_->path + ": no document ids left; rebuild the index");
    p.Complete();
    const std::string job = impl_->JobOf(p.fingerprint, 0, p.vacancy.key);
    PASSEND_RETURN_IF_ERROR(impl_->Write(impl_->next_docid--, p, first_seen, job));
    return UpsertOutcome::kAdded;
  } catch (const Xapian::Error& e) {
    return FromXapian(e, impl_->path + ": upsert " + p.vacancy.key);
  }
}

StatusOr<int> VacancyIndex::ExpireBefore(Days today) {
  try {
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotValidThrough,
                                    Xapian::sortable_serialise(today - 1)));
    const Xapian::MSet mset = enquire.get_mset(0, impl_->db.get_doccount());
    std::vector<Xapian::docid> ids;
    for (auto m = mset.begin(); m != mset.end(); ++m) ids.push_back(*m);
    for (Xapian::docid id : ids) impl_->db.delete_document(id);
    return static_cast<int>(ids.size());
  } catch (const Xapian::Error& e) {
    return FromXapian(e, impl_->path + ": expire");
  }
}

StatusOr<bool> VacancyIndex::Remove(const std::string& key) {
  try {
    const std::string id_term = schema::kIdPrefix + key;
    const bool present = impl_->db.term_exists(id_term);
    if (present) impl_->db.delete_document(id_term);
    return present;
  } catch (const Xapian::Error& e) {
    return FromXapian(e, impl_->path + ": remove " + key);
  }
}

StoredContent VacancyIndex::CommittedContent() const {
  auto stored = std::make_unique<StoredContent::Impl>();
  try {
    if (impl_->db.get_doccount() > 0) stored->db.emplace(impl_->path);
  } catch (const Xapian::Error&) {
    // No hint: every vacancy is prepared whole, as for a new index.
  }
  return StoredContent(std::move(stored));
}

StatusOr<bool> VacancyIndex::Contains(const std::string& key) const {
  try {
    return impl_->db.term_exists(schema::kIdPrefix + key);
  } catch (const Xapian::Error& e) {
    return FromXapian(e, impl_->path + ": look up " + key);
  }
}

Status VacancyIndex::Commit() {
  try {
    PASSEND_RETURN_IF_ERROR(impl_->records.Commit());  // first: Xapian's documents need them
    impl_->db.set_metadata(kNextDocidKey, std::to_string(impl_->next_docid));
    impl_->db.commit();
    return impl_->jobs.Committed();
  } catch (const Xapian::Error& e) {
    return FromXapian(e, impl_->path + ": commit");
  }
}

StatusOr<size_t> VacancyIndex::Count() const {
  try {
    return static_cast<size_t>(impl_->db.get_doccount());
  } catch (const Xapian::Error& e) {
    return FromXapian(e, impl_->path + ": count");
  }
}

StatusOr<CompactReport> CompactIndex(const std::string& path) {
  RestoreAfterInterruptedCompaction(path);
  if (!std::filesystem::exists(path)) return Status::NotFound(path + ": no index here; run `passend crawl` first");
  const std::string fresh = path + ".compacting";
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_OPEN);  // the write lock: no crawl meanwhile
    PASSEND_RETURN_IF_ERROR(CheckSchema(db, path));
    CompactReport report;
    report.documents = db.get_doccount();
    report.bytes_before = DirBytes(path);
    std::filesystem::remove_all(fresh);
    db.compact(fresh, Xapian::DBCOMPACT_NO_RENUMBER | Xapian::Compactor::FULL);
    std::vector<Xapian::docid> live;
    live.reserve(report.documents);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) live.push_back(*it);
    Status copied = CopyBandFiles(path, fresh);
    if (copied.ok()) copied = CompactRecords(path, fresh, live);
    if (!copied.ok()) {
      RemoveQuietly(fresh);
      return copied;
    }
    report.bytes_after = DirBytes(fresh);
    std::filesystem::remove_all(OldCopy(path));
    std::filesystem::rename(path, OldCopy(path));
    std::filesystem::rename(fresh, path);
    db.close();
    std::filesystem::remove_all(OldCopy(path));
    return report;
  } catch (const Xapian::DatabaseLockError&) {
    return Status::Unavailable(path + ": the index is being written (a crawl or `passend index` is running); "
                               "compact it afterwards");
  } catch (const Xapian::Error& e) {
    RemoveQuietly(fresh);
    return FromXapian(e, path + ": compact");
  } catch (const std::filesystem::filesystem_error& e) {
    RemoveQuietly(fresh);  // an index moved to PATH.old is put back by the next open
    return Status::Unavailable(path + ": compact: " + e.what());
  }
}

struct VacancyReader::Impl {
  std::string path;
  Xapian::Database db;
  std::optional<RecordStore> records;

  // Named only when it fails ("<where>: vacancy record ..."): the matcher loads ~300 a candidate.
  Status Decode(uint32_t docid, std::string_view record, Vacancy* v) const {
    const Status decoded = DecodeVacancyRecordInto(record, /*where=*/"", v);
    if (decoded.ok()) return decoded;
    return Status::InvalidArgument(path + ": document " + std::to_string(docid) + decoded.message());
  }
};

VacancyReader::VacancyReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
VacancyReader::~VacancyReader() = default;
VacancyReader::VacancyReader(VacancyReader&&) noexcept = default;
VacancyReader& VacancyReader::operator=(VacancyReader&&) noexcept = default;

StatusOr<VacancyReader> VacancyReader::Open(const std::string& path) {
  RestoreAfterInterruptedCompaction(path);
  if (!std::filesystem::exists(path)) {
    return Status::NotFound(path + ": no index here; run `passend crawl` first");
  }
  try {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->db = Xapian::Database(path);
    PASSEND_RETURN_IF_ERROR(CheckSchema(impl->db, path));
    auto records = RecordStore::OpenReadOnly(path);
    if (!records.ok()) return records.status();
    impl->records.emplace(std::move(*records));
    return VacancyReader(std::move(impl));
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path + ": cannot open index");
  }
}

StatusOr<Vacancy> VacancyReader::Get(const std::string& key) const {
  try {
    const std::string id_term = schema::kIdPrefix + key;
    Xapian::PostingIterator it = impl_->db.postlist_begin(id_term);
    if (it == impl_->db.postlist_end(id_term)) return Status::NotFound("vacancy " + key + ": not in the index");
    return Load(*it);
  } catch (const Xapian::Error& e) {
    return FromXapian(e, impl_->path + ": get " + key);
  }
}

StatusOr<Vacancy> VacancyReader::Load(uint32_t docid, bool with_description) const {
  StatusOr<RecordStore::Entry> entry = impl_->records->Get(docid);
  if (!entry.ok()) return entry.status();
  Vacancy v;
  PASSEND_RETURN_IF_ERROR(impl_->Decode(docid, entry->record, &v));
  if (with_description) v.description = entry->description;
  return v;
}

Status VacancyReader::LoadWithoutDescription(uint32_t docid, Vacancy* v) const {
  StatusOr<RecordStore::Entry> entry = impl_->records->Get(docid);
  if (!entry.ok()) return entry.status();
  return impl_->Decode(docid, entry->record, v);
}

StatusOr<std::string> VacancyReader::Description(uint32_t docid) const {
  StatusOr<RecordStore::Entry> entry = impl_->records->Get(docid);
  if (!entry.ok()) return entry.status();
  return std::string(entry->description);
}

StatusOr<std::string_view> VacancyReader::Job(uint32_t docid) const {
  StatusOr<RecordStore::Entry> entry = impl_->records->Get(docid);
  if (!entry.ok()) return entry.status();
  return entry->job;
}

const Xapian::Database& VacancyReader::database() const { return impl_->db; }

}  // namespace passend
