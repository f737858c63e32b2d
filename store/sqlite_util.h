// RAII wrappers for SQLite handles (internal to the store).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

#include "common/status.h"

namespace passend {

Status SqliteError(sqlite3* db, const std::string& what);

// A prepared statement, finalised on destruction.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Statement& Bind(int index, const std::string& value);
  Statement& Bind(int index, int value);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, const std::optional<double>& value);
  // Makes the statement ready to run again with new bindings.
  void Reset();
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step();
  std::string Text(int col) const;
  int Int(int col) const;
  int64_t Int64(int col) const;
  double Double(int col) const;
  std::optional<double> OptDouble(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs one statement that returns no rows.
Status Exec(sqlite3* db, const char* sql, const std::string& what);

}  // namespace passend
