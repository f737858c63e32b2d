#include "dossier/dossier.h"

namespace passend {

const AlertItem* DossierReport::Vacancy(const std::string& key) const {
  for (const AlertItem& v : vacancies) {
    if (v.vacancy_key == key) return &v;
  }
  return nullptr;
}

std::string DossierKindLabel(const std::string& kind) {
  if (kind == "offered") return "aangeboden";
  if (kind == "applied") return "gesolliciteerd";
  if (kind == "invited") return "uitgenodigd voor gesprek";
  if (kind == "rejected") return "afgewezen";
  if (kind == "hired") return "aangenomen";
  if (kind == "withdrawn") return "teruggetrokken";
  return kind;
}

std::string VerdictLabelFor(const std::string& verdict_name) {
  if (verdict_name == "passend") return "passend";
  if (verdict_name == "passend_met_aandachtspunten") return "passend, met aandachtspunten";
  if (verdict_name == "uitgesloten") return "niet passend";
  return verdict_name;
}

StatusOr<DossierReport> BuildDossierReport(Store& store, const std::string& id, Days from, Days to,
                                           const std::string& actor) {
  if (to < from) return Status::InvalidArgument("--to: " + FormatDate(to) + " is before --from " + FormatDate(from));
  DossierReport r;
  r.candidate_id = id;
  r.from = from;
  r.to = to;
  r.made_by = actor;
  const std::string first_week = FormatIsoWeek(from), last_week = FormatIsoWeek(to);
  auto alerts = store.AlertsBetween(id, first_week, last_week);
  if (!alerts.ok()) return alerts.status();
  auto events = store.DossierEvents(id, FormatDate(*ParseIsoWeek(first_week)), FormatDate(to));
  if (!events.ok()) return events.status();
  for (Days monday = *ParseIsoWeek(first_week); monday <= to; monday += 7) {
    DossierWeek w;
    w.week = FormatIsoWeek(monday);
    w.monday = monday;
    for (const AlertRecord& a : *alerts) {
      if (a.week != w.week) continue;
      w.alert = a.status;
      if (a.status == AlertStatus::kSent) w.offered = a.items;
    }
    for (const DossierEvent& e : *events) {
      const auto day = ParseIsoDate(e.day);
      if (day && *day >= monday && *day < monday + 7) w.events.push_back(e);
    }
    r.vacancies.insert(r.vacancies.end(), w.offered.begin(), w.offered.end());
    r.weeks.push_back(std::move(w));
  }
  return r;
}

}  // namespace passend
