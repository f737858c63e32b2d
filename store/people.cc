// Coaches, candidates and the audit log.
#include "store/store_impl.h"

namespace passend {
namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

using Sql = std::string;

// A clear error for an unknown coach instead of SQLite's foreign key message.
Status CheckCoach(Store& store, const std::string& coach_id) {
  if (coach_id.empty()) return Status::Ok();
  auto coach = store.GetCoach(coach_id);
  if (!coach.ok()) return coach.status();
  if (!*coach) return Status::NotFound("coach: no coach with id " + coach_id + " (add one with passend coach add)");
  return Status::Ok();
}

}  // namespace

Status Store::RecordAudit(const std::string& actor, const std::string& action, const std::string& candidate_id,
                    const std::string& detail) {
  const std::string sql =
      Sql("INSERT INTO audit (at, actor, action, candidate_id, detail) VALUES (") + kNow + ", ?1, ?2, ?3, ?4)";
  Statement q(impl_->db.get(), sql.c_str());
  q.Bind(1, actor).Bind(2, action).Bind(3, candidate_id).Bind(4, detail);
  return impl_->StepDone(q, "audit " + action + " " + candidate_id);
}

StatusOr<std::vector<Store::AuditEntry>> Store::AuditLog(const std::string& candidate_id) {
  Statement q(impl_->db.get(),
              "SELECT at, actor, action, candidate_id, detail FROM audit WHERE candidate_id = ?1 ORDER BY id");
  q.Bind(1, candidate_id);
  std::vector<AuditEntry> out;
  PASSEND_RETURN_IF_ERROR(impl_->CollectRows(
      q, &out, [](Statement& r) { return AuditEntry{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)}; },
      "read audit log"));
  return out;
}

Status Store::PutCoach(const Coach& coach) {
  Statement q(impl_->db.get(),
              "INSERT INTO coach (id, name, email) VALUES (?1, ?2, ?3) "
              "ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email");
  q.Bind(1, coach.id).Bind(2, coach.name).Bind(3, coach.email);
  return impl_->StepDone(q, "save coach " + coach.id);
}

StatusOr<std::optional<Coach>> Store::GetCoach(const std::string& id) {
  Statement q(impl_->db.get(), "SELECT id, name, email FROM coach WHERE id = ?1");
  q.Bind(1, id);
  const int rc = q.Step();
  if (rc == SQLITE_DONE) return std::optional<Coach>();
  if (rc != SQLITE_ROW) return impl_->Error("read coach " + id);
  return std::optional<Coach>(Coach{q.Text(0), q.Text(1), q.Text(2)});
}

StatusOr<std::vector<Coach>> Store::ListCoaches() {
  Statement q(impl_->db.get(), "SELECT id, name, email FROM coach ORDER BY id");
  std::vector<Coach> out;
  PASSEND_RETURN_IF_ERROR(
      impl_->CollectRows(q, &out, [](Statement& r) { return Coach{r.Text(0), r.Text(1), r.Text(2)}; }, "list coaches"));
  return out;
}

StatusOr<bool> Store::CoachSummarySent(const std::string& coach_id, const std::string& week) {
  Statement q(impl_->db.get(), "SELECT 1 FROM coach_summary WHERE coach_id = ?1 AND week = ?2");
  q.Bind(1, coach_id).Bind(2, week);
  const int rc = q.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return impl_->Error("read coach summary " + coach_id);
  return rc == SQLITE_ROW;
}

Status Store::MarkCoachSummarySent(const std::string& coach_id, const std::string& week) {
  const std::string sql = Sql("INSERT OR IGNORE INTO coach_summary (coach_id, week, sent_at) VALUES (?1, ?2, ") +
                          kNow + ")";
  Statement q(impl_->db.get(), sql.c_str());
  q.Bind(1, coach_id).Bind(2, week);
  return impl_->StepDone(q, "record coach summary " + coach_id);
}

Status Store::AddCandidate(const StoredCandidate& c, const std::string& actor) {
  PASSEND_RETURN_IF_ERROR(CheckCoach(*this, c.coach_id));
  return impl_->InTransaction([&]() -> Status {
    Statement exists(impl_->db.get(), "SELECT 1 FROM candidate WHERE id = ?1");
    exists.Bind(1, c.id);
    if (exists.Step() == SQLITE_ROW) return Status::InvalidArgument("candidate " + c.id + " exists already (use edit)");
    const std::string sql = Sql("INSERT INTO candidate (id, coach_id, profile, created_at, updated_at) VALUES ") +
                            "(?1, NULLIF(?2, ''), ?3, " + kNow + ", " + kNow + ")";
    Statement q(impl_->db.get(), sql.c_str());
    q.Bind(1, c.id).Bind(2, c.coach_id).Bind(3, c.profile_json);
    PASSEND_RETURN_IF_ERROR(impl_->StepDone(q, "add candidate " + c.id));
    return RecordAudit(actor, "add", c.id);
  });
}

Status Store::UpdateCandidate(const StoredCandidate& c, const std::string& actor) {
  PASSEND_RETURN_IF_ERROR(CheckCoach(*this, c.coach_id));
  return impl_->InTransaction([&]() -> Status {
    const std::string sql =
        Sql("UPDATE candidate SET coach_id = NULLIF(?2, ''), profile = ?3, updated_at = ") + kNow + " WHERE id = ?1";
    Statement q(impl_->db.get(), sql.c_str());
    q.Bind(1, c.id).Bind(2, c.coach_id).Bind(3, c.profile_json);
    PASSEND_RETURN_IF_ERROR(impl_->StepDone(q, "edit candidate " + c.id));
    if (sqlite3_changes(impl_->db.get()) == 0) return Status::NotFound("no candidate with id " + c.id);
    return RecordAudit(actor, "edit", c.id);
  });
}

StatusOr<std::optional<StoredCandidate>> Store::ReadCandidate(const std::string& id, const std::string& actor,
                                                              const std::string& purpose) {
  Statement q(impl_->db.get(), "SELECT id, IFNULL(coach_id, ''), profile, updated_at FROM candidate WHERE id = ?1");
  q.Bind(1, id);
  const int rc = q.Step();
  if (rc == SQLITE_DONE) return std::optional<StoredCandidate>();
  if (rc != SQLITE_ROW) return impl_->Error("read candidate " + id);
  StoredCandidate c{q.Text(0), q.Text(1), q.Text(2), q.Text(3)};
  PASSEND_RETURN_IF_ERROR(RecordAudit(actor, "read", id, purpose));
  return std::optional<StoredCandidate>(std::move(c));
}

StatusOr<std::vector<StoredCandidate>> Store::ListCandidates(const std::string& after_id, int limit) {
  Statement q(impl_->db.get(),
              "SELECT id, IFNULL(coach_id, ''), profile, updated_at FROM candidate WHERE id > ?1 ORDER BY id LIMIT ?2");
  q.Bind(1, after_id).Bind(2, limit);
  std::vector<StoredCandidate> out;
  PASSEND_RETURN_IF_ERROR(impl_->CollectRows(
      q, &out, [](Statement& r) { return StoredCandidate{r.Text(0), r.Text(1), r.Text(2), r.Text(3)}; },
      "list candidates"));
  return out;
}

Status Store::DeleteCandidate(const std::string& id, const std::string& actor) {
  const Status deleted = impl_->InTransaction([&]() -> Status {
    for (const char* sql : {"DELETE FROM alert_item WHERE candidate_id = ?1", "DELETE FROM alert WHERE candidate_id = ?1",
                            "DELETE FROM dossier_event WHERE candidate_id = ?1"}) {
      Statement q(impl_->db.get(), sql);
      q.Bind(1, id);
      PASSEND_RETURN_IF_ERROR(impl_->StepDone(q, "delete candidate " + id));
    }
    Statement q(impl_->db.get(), "DELETE FROM candidate WHERE id = ?1");
    q.Bind(1, id);
    PASSEND_RETURN_IF_ERROR(impl_->StepDone(q, "delete candidate " + id));
    if (sqlite3_changes(impl_->db.get()) == 0) return Status::NotFound("no candidate with id " + id);
    return RecordAudit(actor, "delete", id);
  });
  if (!deleted.ok()) return deleted;
  // Copies of the deleted pages may still be in the write-ahead log until it is reset.
  return Exec(impl_->db.get(), "PRAGMA wal_checkpoint(TRUNCATE)", impl_->path);
}

Status Store::AddDossierEvent(const DossierEvent& e) {
  return impl_->InTransaction([&]() -> Status {
    Statement exists(impl_->db.get(), "SELECT 1 FROM candidate WHERE id = ?1");
    exists.Bind(1, e.candidate_id);
    if (exists.Step() != SQLITE_ROW) return Status::NotFound("no candidate with id " + e.candidate_id);
    const std::string sql = Sql("INSERT INTO dossier_event (candidate_id, kind, day, vacancy_key, channel, note, ") +
                            "recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " + kNow + ")";
    Statement q(impl_->db.get(), sql.c_str());
    q.Bind(1, e.candidate_id).Bind(2, e.kind).Bind(3, e.day).Bind(4, e.vacancy_key).Bind(5, e.channel)
        .Bind(6, e.note).Bind(7, e.recorded_by);
    PASSEND_RETURN_IF_ERROR(impl_->StepDone(q, "record " + e.kind + " for " + e.candidate_id));
    return RecordAudit(e.recorded_by, "dossier", e.candidate_id, e.kind);
  });
}

StatusOr<std::vector<DossierEvent>> Store::DossierEvents(const std::string& candidate_id, const std::string& from,
                                                         const std::string& to) {
  Statement q(impl_->db.get(),
              "SELECT kind, day, vacancy_key, channel, note, recorded_by, recorded_at FROM dossier_event "
              "WHERE candidate_id = ?1 AND day >= ?2 AND day <= ?3 ORDER BY day, id");
  q.Bind(1, candidate_id).Bind(2, from).Bind(3, to);
  std::vector<DossierEvent> out;
  PASSEND_RETURN_IF_ERROR(impl_->CollectRows(
      q, &out,
      [&](Statement& r) {
        return DossierEvent{candidate_id, r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6)};
      },
      "read dossier of " + candidate_id));
  return out;
}

}  // namespace passend
