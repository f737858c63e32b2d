// Store::Impl, shared by the store's source files (internal).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/sqlite_util.h"
#include "store/store.h"

namespace passend {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};

struct Store::Impl {
  std::string path;
  std::unique_ptr<sqlite3, DbCloser> db;
  int version = 0;

  Status Migrate();
  // Steps `q` to its end, appending `row(q)` for each row; the error names `what`.
  template <typename T, typename F>
  Status CollectRows(Statement& q, std::vector<T>* out, F&& row, const std::string& what) const {
    int step;
    while ((step = q.Step()) == SQLITE_ROW) out->push_back(row(q));
    return step == SQLITE_DONE ? Status::Ok() : Error(what);
  }
  Status ReadAlertItems(AlertRecord* a) const;
  // Alerts from `q` (week, status, message_id, created_on), each with its items.
  StatusOr<std::vector<AlertRecord>> ReadAlerts(Statement& q, const std::string& candidate_id) const;
  Status Error(const std::string& what) const { return SqliteError(db.get(), path + ": " + what); }
  // Runs a statement that returns no rows; the error names `what`.
  Status StepDone(Statement& q, const std::string& what) const {
    return q.Step() == SQLITE_DONE ? Status::Ok() : Error(what);
  }
  // Runs `body` inside BEGIN IMMEDIATE … COMMIT, rolling back when it fails.
  template <typename F>
  Status InTransaction(F&& body) {
    PASSEND_RETURN_IF_ERROR(Exec(db.get(), "BEGIN IMMEDIATE", path));
    Status s = body();
    if (s.ok()) return Exec(db.get(), "COMMIT", path);
    (void)Exec(db.get(), "ROLLBACK", path);
    return s;
  }
};

}  // namespace passend
