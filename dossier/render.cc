// HTML (A4, for the re-integratieverslag) and CSV renderings of the dossier report.
#include <cmath>
#include <cstdio>

#include "common/text.h"
#include "dossier/dossier.h"

namespace passend {
namespace {

// "1,05" and "25": the way Dutch readers and spreadsheets write numbers.
std::string DutchNumber(std::optional<double> v, int decimals) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, *v);
  std::string s = buf;
  for (char& c : s) c = c == '.' ? ',' : c;
  return s;
}

std::string Minutes(std::optional<double> m) { return m ? std::to_string(std::lround(*m)) + " min" : "onbekend"; }
std::string Ratio(std::optional<double> r) { return r ? DutchNumber(*r * 100, 0) + "%" : "onbekend"; }

std::string JoinChecks(const std::vector<std::string>& checks) {
  std::string out;
  for (const auto& c : checks) out += (out.empty() ? "" : "; ") + c;
  return out;
}

// Why a week had nothing to offer, in words.
std::string EmptyWeekText(const DossierWeek& w) {
  if (!w.alert) return "Geen vacaturemelding: meldingen stonden uit of de wekelijkse run is niet gedraaid.";
  if (*w.alert == AlertStatus::kEmpty) return "Geen nieuwe passende vacature gevonden binnen de mogelijkheden.";
  if (*w.alert == AlertStatus::kPending) return "Melding klaargezet maar nog niet verstuurd.";
  return "";
}

std::string EventVacancy(const DossierReport& r, const DossierEvent& e) {
  if (e.vacancy_key.empty()) return "";
  const AlertItem* v = r.Vacancy(e.vacancy_key);
  return v ? v->title + (v->employer.empty() ? "" : " (" + v->employer + ")") : "vacature " + e.vacancy_key;
}

const char* kCss =
    "@page{size:A4;margin:16mm 14mm}"
    "body{font-family:Arial,Helvetica,sans-serif;font-size:10pt;color:#000}"
    "h1{font-size:15pt;margin:0 0 4px}h2{font-size:11.5pt;margin:14px 0 4px;page-break-after:avoid}"
    "table{border-collapse:collapse;width:100%;margin-bottom:6px}"
    "th,td{border:1px solid #999;padding:3px 5px;vertical-align:top;text-align:left}"
    "th{background:#eee}tr{page-break-inside:avoid}.meta td{border:none;padding:1px 8px 1px 0}"
    ".leeg{font-style:italic}.nw{white-space:nowrap}";

void HtmlOffered(const DossierWeek& w, std::string* h) {
  *h += "<table><tr><th>Vacature</th><th>Plaats</th><th>Oordeel FML</th><th>Aandachtspunten</th>"
        "<th>Reistijd</th><th>Loon t.o.v. maatmanloon</th></tr>\n";
  for (const AlertItem& v : w.offered) {
    const std::string title = v.url.empty() ? HtmlEscape(v.title) : "<a href=\"" + HtmlEscape(v.url) + "\">" +
                                                                         HtmlEscape(v.title) + "</a>";
    *h += "<tr><td>" + title + (v.employer.empty() ? "" : "<br>" + HtmlEscape(v.employer)) + "</td><td>" +
          HtmlEscape(v.place) + "</td><td>" + HtmlEscape(VerdictLabelFor(v.verdict)) + "</td><td>" +
          HtmlEscape(JoinChecks(v.checks)) + "</td><td class=\"nw\">" + Minutes(v.travel_minutes) +
          "</td><td>" + Ratio(v.wage_ratio) + "</td></tr>\n";
  }
  *h += "</table>\n";
}

void HtmlEvents(const DossierReport& r, const DossierWeek& w, std::string* h) {
  *h += "<table><tr><th>Datum</th><th>Wat</th><th>Vacature</th><th>Kanaal</th><th>Toelichting</th></tr>\n";
  for (const DossierEvent& e : w.events) {
    *h += "<tr><td class=\"nw\">" + HtmlEscape(e.day) + "</td><td>" + HtmlEscape(DossierKindLabel(e.kind)) + "</td><td>" +
          HtmlEscape(EventVacancy(r, e)) + "</td><td>" + HtmlEscape(e.channel) + "</td><td>" + HtmlEscape(e.note) +
          "</td></tr>\n";
  }
  *h += "</table>\n";
}

// RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet shows text, not a formula.
std::string CsvField(const std::string& s) {
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(0, "'");
  if (v.find_first_of(";\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? ";" : "") + CsvField(fields[i]);
  return out + "\r\n";
}

}  // namespace

std::string RenderDossierHtml(const DossierReport& r) {
  const std::string title = "Vacaturedossier " + r.candidate_name;
  std::string h = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" + HtmlEscape(title) +
                  "</title><style>" + kCss + "</style></head>\n<body>\n<h1>" + HtmlEscape(title) + "</h1>\n";
  h += "<table class=\"meta\"><tr><td>Kandidaat</td><td>" + HtmlEscape(r.candidate_name) + " (" +
       HtmlEscape(r.candidate_id) + ")</td></tr>\n<tr><td>Coach</td><td>" +
       HtmlEscape(r.coach_name.empty() ? "-" : r.coach_name) + "</td></tr>\n<tr><td>Periode</td><td>" +
       FormatDate(r.from) + " t/m " + FormatDate(r.to) + "</td></tr>\n<tr><td>Opgesteld</td><td>" +
       HtmlEscape(r.made_on) + " door " + HtmlEscape(r.made_by) + "</td></tr></table>\n";
  size_t offered = 0, events = 0, empty = 0;
  for (const DossierWeek& w : r.weeks) {
    offered += w.offered.size();
    events += w.events.size();
    empty += w.offered.empty();
  }
  h += "<p>" + std::to_string(r.weeks.size()) + " weken, " + std::to_string(offered) + " vacatures aangeboden, " +
       std::to_string(events) + " acties vastgelegd, " + std::to_string(empty) +
       " weken zonder aangeboden vacature.</p>\n";
  for (const DossierWeek& w : r.weeks) {
    h += "<h2>Week " + HtmlEscape(w.week) + " (vanaf maandag " + FormatDate(w.monday) + ")</h2>\n";
    if (w.offered.empty()) {
      h += "<p class=\"leeg\">" + HtmlEscape(EmptyWeekText(w)) + "</p>\n";
    } else {
      HtmlOffered(w, &h);
    }
    if (!w.events.empty()) HtmlEvents(r, w, &h);
  }
  h += "<p style=\"font-size:8.5pt\">Het oordeel FML is de toets van de vacature aan de Functionele "
       "Mogelijkhedenlijst op het moment van aanbieden. Reistijd enkele reis; loon als percentage van het "
       "maatmanloon per uur.</p>\n</body></html>\n";
  return h;
}

std::string RenderDossierCsv(const DossierReport& r) {
  std::string out = CsvRow({"week", "datum", "soort", "vacature", "werkgever", "plaats", "oordeel_fml",
                            "aandachtspunten", "reistijd_min", "loon_maatmanloon_pct", "kanaal", "toelichting",
                            "link"});
  for (const DossierWeek& w : r.weeks) {
    for (const AlertItem& v : w.offered) {
      out += CsvRow({w.week, FormatDate(w.monday), "aangeboden", v.title, v.employer, v.place,
                     VerdictLabelFor(v.verdict), JoinChecks(v.checks), DutchNumber(v.travel_minutes, 0),
                     v.wage_ratio ? DutchNumber(*v.wage_ratio * 100, 0) : "", "vacaturemelding", "", v.url});
    }
    if (w.offered.empty()) {
      out += CsvRow({w.week, FormatDate(w.monday), "geen aanbod", "", "", "", "", "", "", "", "", EmptyWeekText(w), ""});
    }
    for (const DossierEvent& e : w.events) {
      const AlertItem* v = r.Vacancy(e.vacancy_key);
      out += CsvRow({w.week, e.day, DossierKindLabel(e.kind), v ? v->title : e.vacancy_key, v ? v->employer : "",
                     v ? v->place : "", "", "", "", "", e.channel, e.note, v ? v->url : ""});
    }
  }
  return out;
}

}  // namespace passend
