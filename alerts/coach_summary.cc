#include "alerts/coach_summary.h"

#include "alerts/mail.h"
#include "common/text.h"

namespace passend {

std::string ClientWeekLine(const ClientWeek& c) {
  if (!c.alerts_enabled) return "vacaturemeldingen staan uit";
  if (!c.alert) return "geen melding verstuurd: de run gaf een fout (zie het log)";
  const size_t n = c.alert->items.size();
  switch (c.alert->status) {
    case AlertStatus::kSent:
      return std::to_string(n) + (n == 1 ? " nieuwe vacature ontvangen" : " nieuwe vacatures ontvangen");
    case AlertStatus::kEmpty:
      return "niets ontvangen: geen nieuwe passende vacature in de buurt";
    case AlertStatus::kPending:
      return "nog niet verstuurd: de mailserver was niet bereikbaar, de volgende run verstuurt het";
  }
  return "";
}

std::string RenderCoachSummary(const CoachSummary& s, const std::string& from, const std::string& date,
                               const std::string& message_id) {
  int nothing = 0;
  for (const ClientWeek& c : s.clients) nothing += c.alerts_enabled && !(c.alert && c.alert->status == AlertStatus::kSent);
  const std::string subject = "Overzicht vacaturemeldingen " + s.week + ": " + std::to_string(s.clients.size()) +
                              " cliënten, " + std::to_string(nothing) + " zonder nieuwe vacature";
  std::string plain = "Beste " + s.coach.name + ",\n\nZo gingen de vacaturemeldingen van je cliënten in week " +
                      s.week + ".\n\n";
  std::string html = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" +
                     HtmlEscape(subject) + "</title></head>\n<body style=\"font-family:Arial,sans-serif\">\n<p>Beste " +
                     HtmlEscape(s.coach.name) + ",</p>\n<p>Zo gingen de vacaturemeldingen van je cliënten in week " +
                     HtmlEscape(s.week) + ".</p>\n<table style=\"border-collapse:collapse\">\n"
                     "<tr><th align=\"left\">Cliënt</th><th align=\"left\">Deze week</th></tr>\n";
  for (const ClientWeek& c : s.clients) {
    const std::string line = ClientWeekLine(c);
    plain += "- " + c.name + " (" + c.candidate_id + "): " + line + "\n";
    html += "<tr><td style=\"padding:2px 12px 2px 0\">" + HtmlEscape(c.name) + "</td><td>" + HtmlEscape(line) +
            "</td></tr>\n";
  }
  if (nothing > 0) {
    plain += "\n" + std::to_string(nothing) + " cliënt(en) kregen niets: bespreek de zoekrichting of de reisafstand.\n";
    html += "</table>\n<p>" + std::to_string(nothing) +
            " cliënt(en) kregen niets: bespreek de zoekrichting of de reisafstand.</p>\n";
  } else {
    html += "</table>\n";
  }
  html += "</body></html>\n";
  return RenderMultipart({from, s.coach.name, s.coach.email, subject, date, message_id, "", "", plain, html});
}

}  // namespace passend
