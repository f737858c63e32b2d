// The dossier report for UWV: per ISO week, the vacancies offered to a candidate (with the
// FML verdict, points to check, travel time and wage ratio as judged at the time), the
// applications and their outcomes, and the weeks with nothing suitable. A coach attaches
// the HTML to the re-integratieverslag; the CSV opens in a Dutch spreadsheet.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "store/store.h"

namespace passend {

struct DossierWeek {
  std::string week;  // "2026-W48"
  Days monday = 0;
  std::optional<AlertStatus> alert;     // none: no alert was run for this week
  std::vector<AlertItem> offered;       // mailed in the weekly alert
  std::vector<DossierEvent> events;     // recorded by the coach (applied, hired, ...)
};

struct DossierReport {
  std::string candidate_id, candidate_name, coach_name;
  Days from = 0, to = 0;
  std::string made_on, made_by;
  std::vector<DossierWeek> weeks;
  // Every vacancy offered in the period, so events can name it by title.
  std::vector<AlertItem> vacancies;

  const AlertItem* Vacancy(const std::string& key) const;
};

// Reads the store for candidate `id`; the caller records the read in the audit log.
// `name` and `coach_name` come from the caller, who has parsed the profile.
StatusOr<DossierReport> BuildDossierReport(Store& store, const std::string& id, Days from, Days to,
                                           const std::string& actor);

std::string RenderDossierHtml(const DossierReport& r);
// Semicolon-separated with decimal commas (Dutch spreadsheets), one row per vacancy or
// event, and a row for each week with nothing suitable.
std::string RenderDossierCsv(const DossierReport& r);

// Dutch words for the stored codes.
std::string DossierKindLabel(const std::string& kind);
std::string VerdictLabelFor(const std::string& verdict_name);

}  // namespace passend
