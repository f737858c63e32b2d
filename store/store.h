// Store: Passend's SQLite database (WAL mode, prepared statements, versioned migrations).
// Holds the alert log: which candidate was mailed which vacancies in which ISO week.
// SQLite result codes are converted to Status here. One Store per thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
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
  // Records that there was nothing new to send this week.
  Status RecordEmptyAlert(const std::string& candidate_id, const std::string& week, const std::string& today);

  int schema_version() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace passend
