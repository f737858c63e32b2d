#include "store/store.h"

#include "store/migrations.h"
#include "store/sqlite_util.h"

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

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};

}  // namespace

struct Store::Impl {
  std::string path;
  std::unique_ptr<sqlite3, DbCloser> db;
  int version = 0;

  Status Migrate() {
    Statement get(db.get(), "PRAGMA user_version");
    if (get.Step() != SQLITE_ROW) return SqliteError(db.get(), path + ": read schema version");
    version = get.Int(0);
    for (const Migration& m : kMigrations) {
      if (m.version <= version) continue;
      PASSEND_RETURN_IF_ERROR(Exec(db.get(), "BEGIN IMMEDIATE", path));
      Status s = Exec(db.get(), m.sql, path + ": migration " + std::to_string(m.version));
      if (s.ok()) {
        const std::string bump = "PRAGMA user_version = " + std::to_string(m.version);
        s = Exec(db.get(), bump.c_str(), path);
      }
      if (!s.ok()) {
        (void)Exec(db.get(), "ROLLBACK", path);
        return s;
      }
      PASSEND_RETURN_IF_ERROR(Exec(db.get(), "COMMIT", path));
      version = m.version;
    }
    return Status::Ok();
  }
};

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
  PASSEND_RETURN_IF_ERROR(impl->Migrate());
  return Store(std::move(impl));
}

int Store::schema_version() const { return impl_->version; }

StatusOr<std::optional<AlertRecord>> Store::GetAlert(const std::string& candidate_id, const std::string& week) {
  sqlite3* db = impl_->db.get();
  Statement q(db, "SELECT status, message_id, created_on FROM alert WHERE candidate_id = ?1 AND week = ?2");
  q.Bind(1, candidate_id).Bind(2, week);
  const int rc = q.Step();
  if (rc == SQLITE_DONE) return std::optional<AlertRecord>();
  if (rc != SQLITE_ROW) return SqliteError(db, impl_->path + ": read alert");
  AlertRecord a{candidate_id, week, StatusFromName(q.Text(0)), q.Text(1), q.Text(2), {}};
  Statement items(db,
                  "SELECT vacancy_key, rank, verdict, score, travel_minutes, wage_ratio FROM alert_item "
                  "WHERE candidate_id = ?1 AND week = ?2 ORDER BY rank");
  items.Bind(1, candidate_id).Bind(2, week);
  int step;
  while ((step = items.Step()) == SQLITE_ROW) {
    a.items.push_back({items.Text(0), items.Int(1), items.Text(2), items.Double(3), items.OptDouble(4), items.OptDouble(5)});
  }
  if (step != SQLITE_DONE) return SqliteError(db, impl_->path + ": read alert items");
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
                   "wage_ratio) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    item.Bind(1, a.candidate_id).Bind(2, a.week).Bind(3, it.vacancy_key).Bind(4, it.rank).Bind(5, it.verdict)
        .Bind(6, it.score).Bind(7, it.travel_minutes).Bind(8, it.wage_ratio);
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

Status Store::RecordEmptyAlert(const std::string& candidate_id, const std::string& week, const std::string& today) {
  Statement q(impl_->db.get(),
              "INSERT OR IGNORE INTO alert (candidate_id, week, status, created_on) VALUES (?1, ?2, 'empty', ?3)");
  q.Bind(1, candidate_id).Bind(2, week).Bind(3, today);
  if (q.Step() != SQLITE_DONE) return SqliteError(impl_->db.get(), impl_->path + ": record empty alert");
  return Status::Ok();
}

}  // namespace passend
