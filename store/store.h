// Store: Passend's SQLite database (WAL mode, prepared statements, versioned migrations).
// Holds coaches, candidates (profile JSON, validated by the caller and checked as JSON
// here), the alert log (which candidate was mailed which vacancies in which ISO week),
// dossier events and an audit log of who read or changed which candidate.
// SQLite result codes are converted to Status here. One Store per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"

struct sqlite3;

namespace passend {

// One vacancy offered in an alert, as it was judged at the time (for the dossier).
struct AlertItem {
  std::string vacancy_key;
  int rank = 0;
  std::string verdict;
  double score = 0;
  std::optional<double> travel_minutes;
  std::optional<double> wage_ratio;
  // What the dossier report shows after the vacancy has left the index.
  std::string title, employer, place, url;
  std::vector<std::string> checks;  // points to check at the time
};

enum class AlertStatus { kPending, kSent, kEmpty };

struct AlertRecord {
  std::string candidate_id;
  std::string week;        // "2026-W48"
  AlertStatus status = AlertStatus::kPending;
  std::string message_id;  // without angle brackets
  std::string created_on;  // YYYY-MM-DD
  std::vector<AlertItem> items;
};

struct Coach {
  std::string id, name, email;
};

struct StoredCandidate {
  std::string id;
  std::string coach_id;      // may be empty
  std::string profile_json;  // the candidate file's JSON (docs/formats.md)
  std::string updated_at;    // set by the store
};

inline constexpr const char* kDossierKinds[] = {"offered", "applied", "invited", "rejected", "hired", "withdrawn"};

struct DossierEvent {
  std::string candidate_id;
  std::string kind;  // one of kDossierKinds
  std::string day;   // YYYY-MM-DD
  std::string vacancy_key, channel, note;
  std::string recorded_by, recorded_at;  // recorded_at is set by the store
};

class Store {
 public:
  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  // Opens or creates the database file and applies pending migrations.
  static StatusOr<Store> Open(const std::string& path);

  StatusOr<std::optional<AlertRecord>> GetAlert(const std::string& candidate_id, const std::string& week);
  // The creation date of the candidate's latest sent alert, if any.
  StatusOr<std::optional<std::string>> LastAlertDate(const std::string& candidate_id);
  StatusOr<bool> WasOffered(const std::string& candidate_id, const std::string& vacancy_key);

  // Records the intent to send (status pending) with its items, atomically. Fails if an
  // alert for this candidate and week exists or a vacancy was offered before.
  Status BeginAlert(const AlertRecord& alert);
  // Marks a pending alert as sent.
  Status CompleteAlert(const std::string& candidate_id, const std::string& week);
  // Removes a pending alert whose mail was refused, so its vacancies can be offered again.
  Status AbandonAlert(const std::string& candidate_id, const std::string& week);
  // Pending alerts of the candidate (any week), oldest first, with items.
  StatusOr<std::vector<AlertRecord>> PendingAlerts(const std::string& candidate_id);
  // Records that there was nothing new to send this week.
  Status RecordEmptyAlert(const std::string& candidate_id, const std::string& week, const std::string& today);

  // Coaches. Put adds or replaces.
  Status PutCoach(const Coach& coach);
  StatusOr<std::optional<Coach>> GetCoach(const std::string& id);
  StatusOr<std::vector<Coach>> ListCoaches();
  // The weekly coach summary is sent once per coach and week.
  StatusOr<bool> CoachSummarySent(const std::string& coach_id, const std::string& week);
  Status MarkCoachSummarySent(const std::string& coach_id, const std::string& week);

  // Candidates. Every call names the actor for the audit log. Add fails if the id exists,
  // Update if it does not; the coach must exist when given.
  Status AddCandidate(const StoredCandidate& c, const std::string& actor);
  Status UpdateCandidate(const StoredCandidate& c, const std::string& actor);
  // `purpose` goes to the audit log ("show", "export", "alerts", ...).
  StatusOr<std::optional<StoredCandidate>> ReadCandidate(const std::string& id, const std::string& actor,
                                                         const std::string& purpose);
  // Up to `limit` candidates with an id after `after_id`, in id order, without reading the
  // profile into the audit log (callers that use the profile call ReadCandidate).
  StatusOr<std::vector<StoredCandidate>> ListCandidates(const std::string& after_id, int limit);
  // Removes the candidate with their profile, alerts and dossier; deleted pages are
  // overwritten (secure_delete) and the WAL is truncated, so no health data stays on disk.
  // Returns NotFound when there is no such candidate.
  Status DeleteCandidate(const std::string& id, const std::string& actor);

  Status AddDossierEvent(const DossierEvent& e);
  // Events with from <= day <= to, by day.
  StatusOr<std::vector<DossierEvent>> DossierEvents(const std::string& candidate_id, const std::string& from,
                                                    const std::string& to);
  // Alerts for weeks from..to (ISO week strings compare in order), by week, with items.
  StatusOr<std::vector<AlertRecord>> AlertsBetween(const std::string& candidate_id, const std::string& from_week,
                                                   const std::string& to_week);

  // Who did what with which candidate; the calls above record their own entries.
  Status RecordAudit(const std::string& actor, const std::string& action, const std::string& candidate_id,
                     const std::string& detail = "");
  // --- What the crawler keeps between runs (store/crawl_state.cc) ---
  struct TrackedKeys {
    std::vector<std::string> vanished;  // missed `grace` successful crawls in a row
    std::vector<std::string> too_old;   // listed now, but first seen more than max_age_days ago
    std::unordered_map<std::string, uint64_t> input_hashes;  // the source's keys with a known input hash
  };
  // After a successful crawl of `source` on day `today`: `seen` are the keys it listed (new
  // ones are first seen today). Every other key of the source counts one more crawl missed.
  StatusOr<TrackedKeys> TrackSourceKeys(const std::string& source, const std::vector<std::string>& seen, int grace,
                                        int today, int max_age_days);
  // Drops keys once they are removed from the index.
  Status ForgetSourceKeys(const std::string& source, const std::vector<std::string>& keys);
  // The input hash of each (source, key) now in the index; one transaction. A key the
  // source no longer tracks is left alone.
  struct KeyInput {
    std::string source, key;
    uint64_t input_hash = 0;
  };
  Status WriteInputHashes(const std::vector<KeyInput>& inputs);

  // A source URL as last fetched: its validators, its sitemap lastmod and the keys it gave.
  struct UrlRecord {
    std::string etag, last_modified, lastmod;
    bool keys_known = false;
    std::vector<std::string> keys;
  };
  StatusOr<UrlRecord> ReadUrlRecord(const std::string& url);  // empty when never fetched
  Status WriteUrlRecords(const std::vector<std::pair<std::string, UrlRecord>>& records);  // one transaction

  // One source's outcome in one crawl, and the health that adds up to.
  struct SourceRun {
    std::string source, day, error;  // error empty = success
    int postings = 0, added = 0, updated = 0, vanished = 0;
  };
  struct SourceHealth {
    std::string source, last_attempt, last_success, last_error;
    int consecutive_failures = 0, postings = 0, added = 0, updated = 0, vanished = 0;
  };
  // A failure keeps the counts of the last success.
  Status RecordSourceRun(const SourceRun& run);
  StatusOr<std::vector<SourceHealth>> SourceHealthList();

  struct AuditEntry {
    std::string at, actor, action, candidate_id, detail;
  };
  StatusOr<std::vector<AuditEntry>> AuditLog(const std::string& candidate_id);

  int schema_version() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace passend
