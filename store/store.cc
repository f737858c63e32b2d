#include "store/store.h"

#include "store/migrations.h"
#include "store/store_impl.h"

namespace passend {
namespace {

const char* StatusName(AlertStatus s) {
  switch (s) {
    case AlertStatus::kPending: return "pending";
    case AlertStatus::kSent: return "sent";
    case AlertStatus::kEmpty: return "empty";
  }
  return "pending";
}

AlertStatus StatusFromName(const std::string& s) {
  if (s == "sent") return AlertStatus::kSent;
  if (s == "empty") return AlertStatus::kEmpty;
  return AlertStatus::kPending;
}

// Checks are kept one per line.
std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

Status Store::Impl::Migrate() {
  Statement get(db.get(), "PRAGMA user_version");
  if (get.Step() != SQLITE_ROW) return Error("read schema version");
  version = get.Int(0);
  for (const Migration& m : kMigrations) {
    if (m.version <= version) continue;
    const Status migrated = InTransaction([&] {
      PASSEND_RETURN_IF_ERROR(Exec(db.get(), m.sql, path + ": migration " + std::to_string(m.version)));
      const std::string bump = "PRAGMA user_version = " + std::to_string(m.version);
      return Exec(db.get(), bump.c_str(), path);
    });
    if (!migrated.ok()) return migrated;
    version = m.version;
  }
  return Status::Ok();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

StatusOr<Store> Store::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  impl->db.reset(raw);
  if (rc != SQLITE_OK) return SqliteError(raw, path + ": cannot open database");
  sqlite3_busy_timeout(raw, 5000);
  PASSEND_RETURN_IF_ERROR(Exec(raw, "PRAGMA journal_mode = WAL", path));
  PASSEND_RETURN_IF_ERROR(Exec(raw, "PRAGMA foreign_keys = ON", path));
  // Deleted candidates' health data is overwritten, not left in free pages.
  PASSEND_RETURN_IF_ERROR(Exec(raw, "PRAGMA secure_delete = ON", path));
  PASSEND_RETURN_IF_ERROR(impl->Migrate());
  return Store(std::move(impl));
}

int Store::schema_version() const { return impl_->version; }

Status Store::Impl::ReadAlertItems(AlertRecord* a) const {
  Statement items(db.get(),
                  "SELECT vacancy_key, rank, verdict, score, travel_minutes, wage_ratio, title, employer, place, url, "
                  "checks FROM alert_item WHERE candidate_id = ?1 AND week = ?2 ORDER BY rank");
  items.Bind(1, a->candidate_id).Bind(2, a->week);
  return CollectRows(
      items, &a->items,
      [](Statement& r) {
        return AlertItem{r.Text(0), r.Int(1), r.Text(2), r.Double(3), r.OptDouble(4), r.OptDouble(5),
                         r.Text(6), r.Text(7), r.Text(8), r.Text(9), SplitLines(r.Text(10))};
      },
      "read alert items");
}

StatusOr<std::vector<AlertRecord>> Store::Impl::ReadAlerts(Statement& q, const std::string& candidate_id) const {
  std::vector<AlertRecord> out;
  PASSEND_RETURN_IF_ERROR(CollectRows(
      q, &out,
      [&](Statement& r) {
        return AlertRecord{candidate_id, r.Text(0), StatusFromName(r.Text(1)), r.Text(2), r.Text(3), {}};
      },
      "read alerts of " + candidate_id));
  for (AlertRecord& a : out) PASSEND_RETURN_IF_ERROR(ReadAlertItems(&a));
  return out;
}

StatusOr<std::vector<AlertRecord>> Store::AlertsBetween(const std::string& candidate_id, const std::string& from_week,
                                                        const std::string& to_week) {
  Statement q(impl_->db.get(),
              "SELECT week, status, message_id, created_on FROM alert WHERE candidate_id = ?1 AND week >= ?2 "
              "AND week <= ?3 ORDER BY week");
  q.Bind(1, candidate_id).Bind(2, from_week).Bind(3, to_week);
  return impl_->ReadAlerts(q, candidate_id);
}

StatusOr<std::optional<AlertRecord>> Store::GetAlert(const std::string& candidate_id, const std::string& week) {
  sqlite3* db = impl_->db.get();
  Statement q(db, "SELECT status, message_id, created_on FROM alert WHERE candidate_id = ?1 AND week = ?2");
  q.Bind(1, candidate_id).Bind(2, week);
  const int rc = q.Step();
  if (rc == SQLITE_DONE) return std::optional<AlertRecord>();
  if (rc != SQLITE_ROW) return SqliteError(db, impl_->path + ": read alert");
  AlertRecord a{candidate_id, week, StatusFromName(q.Text(0)), q.Text(1), q.Text(2), {}};
  PASSEND_RETURN_IF_ERROR(impl_->ReadAlertItems(&a));
  return std::optional<AlertRecord>(std::move(a));
}

StatusOr<std::optional<std::string>> Store::LastAlertDate(const std::string& candidate_id) {
  Statement q(impl_->db.get(), "SELECT MAX(created_on) FROM alert WHERE candidate_id = ?1 AND status = 'sent'");
  q.Bind(1, candidate_id);
  if (q.Step() != SQLITE_ROW) return SqliteError(impl_->db.get(), impl_->path + ": last alert");
  const std::string d = q.Text(0);
  return d.empty() ? std::optional<std::string>() : std::optional<std::string>(d);
}

StatusOr<bool> Store::WasOffered(const std::string& candidate_id, const std::string& vacancy_key) {
  Statement q(impl_->db.get(), "SELECT 1 FROM alert_item WHERE candidate_id = ?1 AND vacancy_key = ?2");
  q.Bind(1, candidate_id).Bind(2, vacancy_key);
  const int rc = q.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return SqliteError(impl_->db.get(), impl_->path + ": offered");
  return rc == SQLITE_ROW;
}

Status Store::BeginAlert(const AlertRecord& a) {
  sqlite3* db = impl_->db.get();
  PASSEND_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE", impl_->path));
  auto fail = [&](const std::string& what) {
    Status s = SqliteError(db, impl_->path + ": " + what);
    (void)Exec(db, "ROLLBACK", impl_->path);
    return s;
  };
  Statement ins(db, "INSERT INTO alert (candidate_id, week, status, message_id, created_on) VALUES (?1, ?2, ?3, ?4, ?5)");
  ins.Bind(1, a.candidate_id).Bind(2, a.week).Bind(3, std::string(StatusName(AlertStatus::kPending)))
      .Bind(4, a.message_id).Bind(5, a.created_on);
  if (ins.Step() != SQLITE_DONE) return fail("record alert for " + a.candidate_id + " " + a.week);
  for (const AlertItem& it : a.items) {
    Statement item(db,
                   "INSERT INTO alert_item (candidate_id, week, vacancy_key, rank, verdict, score, travel_minutes, "
                   "wage_ratio, title, employer, place, url, checks) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    item.Bind(1, a.candidate_id).Bind(2, a.week).Bind(3, it.vacancy_key).Bind(4, it.rank).Bind(5, it.verdict)
        .Bind(6, it.score).Bind(7, it.travel_minutes).Bind(8, it.wage_ratio).Bind(9, it.title)
        .Bind(10, it.employer).Bind(11, it.place).Bind(12, it.url).Bind(13, JoinLines(it.checks));
    if (item.Step() != SQLITE_DONE) return fail("record offered vacancy " + it.vacancy_key);
  }
  return Exec(db, "COMMIT", impl_->path);
}

Status Store::CompleteAlert(const std::string& candidate_id, const std::string& week) {
  Statement q(impl_->db.get(),
              "UPDATE alert SET status = 'sent', sent_on = date('now') WHERE candidate_id = ?1 AND week = ?2 "
              "AND status = 'pending'");
  q.Bind(1, candidate_id).Bind(2, week);
  if (q.Step() != SQLITE_DONE) return SqliteError(impl_->db.get(), impl_->path + ": complete alert");
  return Status::Ok();
}

Status Store::AbandonAlert(const std::string& candidate_id, const std::string& week) {
  return impl_->InTransaction([&]() -> Status {
    for (const char* sql : {"DELETE FROM alert_item WHERE candidate_id = ?1 AND week = ?2 AND EXISTS (SELECT 1 FROM alert "
                            "WHERE candidate_id = ?1 AND week = ?2 AND status = 'pending')",
                            "DELETE FROM alert WHERE candidate_id = ?1 AND week = ?2 AND status = 'pending'"}) {
      Statement q(impl_->db.get(), sql);
      q.Bind(1, candidate_id).Bind(2, week);
      PASSEND_RETURN_IF_ERROR(impl_->StepDone(q, "abandon alert " + candidate_id + " " + week));
    }
    return Status::Ok();
  });
}

StatusOr<std::vector<AlertRecord>> Store::PendingAlerts(const std::string& candidate_id) {
  Statement q(impl_->db.get(),
              "SELECT week, status, message_id, created_on FROM alert WHERE candidate_id = ?1 AND status = 'pending' "
              "ORDER BY week");
  q.Bind(1, candidate_id);
  return impl_->ReadAlerts(q, candidate_id);
}

Status Store::RecordEmptyAlert(const std::string& candidate_id, const std::string& week, const std::string& today) {
  Statement q(impl_->db.get(),
              "INSERT OR IGNORE INTO alert (candidate_id, week, status, created_on) VALUES (?1, ?2, 'empty', ?3)");
  q.Bind(1, candidate_id).Bind(2, week).Bind(3, today);
  if (q.Step() != SQLITE_DONE) return SqliteError(impl_->db.get(), impl_->path + ": record empty alert");
  return Status::Ok();
}

}  // namespace passend
