// Versioned schema migrations for the store; PRAGMA user_version holds the version.
// Append new migrations; never edit an applied one.
#pragma once

namespace passend {

struct Migration {
  int version;
  const char* sql;
};

inline constexpr Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE alert (
  candidate_id TEXT NOT NULL,
  week         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'empty')),
  message_id   TEXT NOT NULL DEFAULT '',
  created_on   TEXT NOT NULL,
  sent_on      TEXT,
  PRIMARY KEY (candidate_id, week)
);
CREATE TABLE alert_item (
  candidate_id   TEXT NOT NULL,
  week           TEXT NOT NULL,
  vacancy_key    TEXT NOT NULL,
  rank           INTEGER NOT NULL,
  verdict        TEXT NOT NULL,
  score          REAL NOT NULL,
  travel_minutes REAL,
  wage_ratio     REAL,
  PRIMARY KEY (candidate_id, vacancy_key),
  FOREIGN KEY (candidate_id, week) REFERENCES alert (candidate_id, week) ON DELETE CASCADE
);
)sql"},
};

}  // namespace passend
