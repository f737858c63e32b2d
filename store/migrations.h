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
    // Candidates, coaches, the dossier and the audit log; offered vacancies keep what the
    // report needs after the vacancy has left the index.
    {2, R"sql(
CREATE TABLE coach (
  id    TEXT PRIMARY KEY,
  name  TEXT NOT NULL,
  email TEXT NOT NULL
);
CREATE TABLE candidate (
  id         TEXT PRIMARY KEY,
  coach_id   TEXT REFERENCES coach (id),
  profile    TEXT NOT NULL CHECK (json_valid(profile)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE dossier_event (
  id           INTEGER PRIMARY KEY,
  candidate_id TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('offered', 'applied', 'invited', 'rejected', 'hired', 'withdrawn')),
  day          TEXT NOT NULL,
  vacancy_key  TEXT NOT NULL DEFAULT '',
  channel      TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  recorded_by  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
);
CREATE INDEX dossier_event_by_candidate ON dossier_event (candidate_id, day);
CREATE TABLE audit (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  candidate_id TEXT NOT NULL,
  detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_candidate ON audit (candidate_id, at);
CREATE TABLE coach_summary (
  coach_id TEXT NOT NULL,
  week     TEXT NOT NULL,
  sent_at  TEXT NOT NULL,
  PRIMARY KEY (coach_id, week)
);
ALTER TABLE alert_item ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE alert_item ADD COLUMN employer TEXT NOT NULL DEFAULT '';
ALTER TABLE alert_item ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE alert_item ADD COLUMN url TEXT NOT NULL DEFAULT '';
ALTER TABLE alert_item ADD COLUMN checks TEXT NOT NULL DEFAULT '';
)sql"},
    // Which vacancies each source listed, to expire one that vanished after a grace period.
    {3, R"sql(
CREATE TABLE source_vacancy (
  source      TEXT NOT NULL,
  vacancy_key TEXT NOT NULL,
  missed      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source, vacancy_key)
) WITHOUT ROWID;
)sql"},
    // Each source URL's ETag and Last-Modified, for conditional fetches.
    {4, R"sql(
CREATE TABLE source_url (
  url           TEXT PRIMARY KEY,
  etag          TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT ''
);
)sql"},
    // What a crawl needs from the last one: the keys each URL gave (so an unchanged page
    // need not be read to know what it lists), a sitemap's lastmod, each key's first day
    // (for the age cap) and each source's health.
    {5, R"sql(
ALTER TABLE source_url ADD COLUMN lastmod TEXT NOT NULL DEFAULT '';
ALTER TABLE source_url ADD COLUMN keys_known INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source_url ADD COLUMN keys TEXT NOT NULL DEFAULT '';
ALTER TABLE source_vacancy ADD COLUMN first_seen INTEGER NOT NULL DEFAULT 0;
CREATE TABLE source_state (
  source               TEXT PRIMARY KEY,
  last_attempt         TEXT NOT NULL,
  last_success         TEXT NOT NULL DEFAULT '',
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_error           TEXT NOT NULL DEFAULT '',
  postings             INTEGER NOT NULL DEFAULT 0,
  added                INTEGER NOT NULL DEFAULT 0,
  updated              INTEGER NOT NULL DEFAULT 0,
  vanished             INTEGER NOT NULL DEFAULT 0
);
)sql"},
    // A hash of each posting as its source last gave it, with the normaliser's version, so
    // that an unchanged posting is neither normalised nor compared again (0 = unknown).
    {6, R"sql(
ALTER TABLE source_vacancy ADD COLUMN input_hash INTEGER NOT NULL DEFAULT 0;
)sql"},
};

}  // namespace passend
