// The crawler's memory between runs: which keys each source lists, what each URL gave last
// time and how each source has been doing.
#include "common/text.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace passend {

StatusOr<Store::TrackedKeys> Store::TrackSourceKeys(const std::string& source, const std::vector<std::string>& seen,
                                                    int grace, int today, int max_age_days) {
  TrackedKeys out;
  const std::string what = "track source " + source;
  const Status s = impl_->InTransaction([&]() -> Status {
    sqlite3* db = impl_->db.get();
    Statement miss(db, "UPDATE source_vacancy SET missed = missed + 1 WHERE source = ?1");
    miss.Bind(1, source);
    PASSEND_RETURN_IF_ERROR(impl_->StepDone(miss, what));
    Statement hashes(db, "SELECT vacancy_key, input_hash FROM source_vacancy WHERE source = ?1 AND input_hash != 0");
    hashes.Bind(1, source);
    int rc;
    while ((rc = hashes.Step()) == SQLITE_ROW) {
      out.input_hashes.emplace(hashes.Text(0), static_cast<uint64_t>(hashes.Int64(1)));
    }
    if (rc != SQLITE_DONE) return impl_->Error(what);
    // Rows from before first_seen was kept hold 0: they count from today.
    Statement put(db,
                  "INSERT INTO source_vacancy (source, vacancy_key, missed, first_seen) VALUES (?1, ?2, 0, ?3) "
                  "ON CONFLICT (source, vacancy_key) DO UPDATE SET missed = 0, "
                  "first_seen = CASE WHEN first_seen = 0 THEN ?3 ELSE first_seen END");
    for (const std::string& key : seen) {
      put.Reset();
      put.Bind(1, source).Bind(2, key).Bind(3, today);
      PASSEND_RETURN_IF_ERROR(impl_->StepDone(put, what));
    }
    Statement gone(db, "SELECT vacancy_key FROM source_vacancy WHERE source = ?1 AND missed >= ?2");
    gone.Bind(1, source).Bind(2, grace);
    PASSEND_RETURN_IF_ERROR(impl_->CollectRows(gone, &out.vanished, [](Statement& r) { return r.Text(0); }, what));
    Statement old(db, "SELECT vacancy_key FROM source_vacancy WHERE source = ?1 AND missed = 0 AND first_seen < ?2");
    old.Bind(1, source).Bind(2, today - max_age_days);
    return impl_->CollectRows(old, &out.too_old, [](Statement& r) { return r.Text(0); }, what);
  });
  if (!s.ok()) return s;
  return out;
}

Status Store::ForgetSourceKeys(const std::string& source, const std::vector<std::string>& keys) {
  return impl_->InTransaction([&]() -> Status {
    Statement q(impl_->db.get(), "DELETE FROM source_vacancy WHERE source = ?1 AND vacancy_key = ?2");
    for (const std::string& key : keys) {
      q.Reset();
      q.Bind(1, source).Bind(2, key);
      PASSEND_RETURN_IF_ERROR(impl_->StepDone(q, "forget " + key));
    }
    return Status::Ok();
  });
}

Status Store::WriteInputHashes(const std::vector<KeyInput>& inputs) {
  if (inputs.empty()) return Status::Ok();
  return impl_->InTransaction([&]() -> Status {
    Statement q(impl_->db.get(), "UPDATE source_vacancy SET input_hash = ?3 WHERE source = ?1 AND vacancy_key = ?2");
    for (const KeyInput& in : inputs) {
      q.Reset();
      q.Bind(1, in.source).Bind(2, in.key).Bind(3, static_cast<int64_t>(in.input_hash));
      PASSEND_RETURN_IF_ERROR(impl_->StepDone(q, "save input hash of " + in.key));
    }
    return Status::Ok();
  });
}

StatusOr<Store::UrlRecord> Store::ReadUrlRecord(const std::string& url) {
  Statement q(impl_->db.get(), "SELECT etag, last_modified, lastmod, keys_known, keys FROM source_url WHERE url = ?1");
  q.Bind(1, url);
  const int rc = q.Step();
  UrlRecord r;
  if (rc == SQLITE_DONE) return r;
  if (rc != SQLITE_ROW) return impl_->Error("read crawl state of " + url);
  r.etag = q.Text(0);
  r.last_modified = q.Text(1);
  r.lastmod = q.Text(2);
  r.keys_known = q.Int(3) != 0;
  for (const std::string& k : Split(q.Text(4), '\n')) {
    if (!k.empty()) r.keys.push_back(k);
  }
  return r;
}

Status Store::WriteUrlRecords(const std::vector<std::pair<std::string, UrlRecord>>& records) {
  if (records.empty()) return Status::Ok();
  return impl_->InTransaction([&]() -> Status {
    Statement q(impl_->db.get(),
                "INSERT INTO source_url (url, etag, last_modified, lastmod, keys_known, keys) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
                "lastmod = excluded.lastmod, keys_known = excluded.keys_known, keys = excluded.keys");
    for (const auto& [url, r] : records) {
      std::string keys;
      for (const std::string& k : r.keys) keys += k + "\n";
      q.Reset();
      q.Bind(1, url).Bind(2, r.etag).Bind(3, r.last_modified).Bind(4, r.lastmod).Bind(5, r.keys_known ? 1 : 0).Bind(6, keys);
      PASSEND_RETURN_IF_ERROR(impl_->StepDone(q, "save crawl state of " + url));
    }
    return Status::Ok();
  });
}

Status Store::RecordSourceRun(const SourceRun& run) {
  const bool ok = run.error.empty();
  Statement q(impl_->db.get(),
              ok ? "INSERT INTO source_state (source, last_attempt, last_success, consecutive_failures, last_error, "
                   "postings, added, updated, vanished) VALUES (?1, ?2, ?2, 0, '', ?3, ?4, ?5, ?6) "
                   "ON CONFLICT (source) DO UPDATE SET last_attempt = ?2, last_success = ?2, consecutive_failures = 0, "
                   "last_error = '', postings = ?3, added = ?4, updated = ?5, vanished = ?6"
                 : "INSERT INTO source_state (source, last_attempt, consecutive_failures, last_error) "
                   "VALUES (?1, ?2, 1, ?7) ON CONFLICT (source) DO UPDATE SET last_attempt = ?2, "
                   "consecutive_failures = consecutive_failures + 1, last_error = ?7");
  q.Bind(1, run.source).Bind(2, run.day);
  if (ok) {
    q.Bind(3, run.postings).Bind(4, run.added).Bind(5, run.updated).Bind(6, run.vanished);
  } else {
    q.Bind(7, run.error);
  }
  return impl_->StepDone(q, "save crawl state of source " + run.source);
}

StatusOr<std::vector<Store::SourceHealth>> Store::SourceHealthList() {
  Statement q(impl_->db.get(),
              "SELECT source, last_attempt, last_success, last_error, consecutive_failures, postings, added, updated, "
              "vanished FROM source_state ORDER BY source");
  std::vector<SourceHealth> out;
  PASSEND_RETURN_IF_ERROR(impl_->CollectRows(
      q, &out,
      [](Statement& r) {
        return SourceHealth{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5), r.Int(6), r.Int(7), r.Int(8)};
      },
      "read source health"));
  return out;
}

}  // namespace passend
