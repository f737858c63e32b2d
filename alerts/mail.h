// Rendering of the weekly alert mail: multipart/alternative (plain text + HTML), UTF-8,
// RFC 2047 encoded subject, List-Unsubscribe (RFC 8058). Contains no FML or other
// health data: callers pass only shareable text. Every vacancy string is escaped in HTML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passend {

struct MailVacancy {
  std::string title;
  std::string employer;
  std::string place;
  std::string travel;  // "circa 25 minuten met de auto"
  std::string hours;   // "32-36 uur per week"
  std::string salary;  // "€ 2.600 - € 3.000 bruto per maand"
  std::string why;     // one line on why it fits
  std::vector<std::string> checks;  // points to check in plain words
  std::string url;
};

struct AlertMail {
  std::string from;      // "Passend <vacatures@example.org>"
  std::string to_name;
  std::string to_email;
  std::string week;      // "2026-W48"
  std::string message_id;  // without angle brackets
  std::string date;      // RFC 5322 date
  std::string unsubscribe_url;
  std::string unsubscribe_mailto;
  std::vector<MailVacancy> vacancies;
};

std::string RenderAlertMail(const AlertMail& mail);

// Any Passend mail: headers and a plain-text and an HTML part (already escaped HTML).
struct MailParts {
  std::string from, to_name, to_email, subject, date, message_id;
  std::string unsubscribe_url, unsubscribe_mailto;  // List-Unsubscribe only when given
  std::string plain, html;
};
std::string RenderMultipart(const MailParts& parts);
std::string AlertSubject(const AlertMail& mail);

// RFC 2047 "=?UTF-8?B?…?=" when the text is not plain ASCII.
std::string EncodeHeaderWord(std::string_view text);
// Quoted-printable body encoding (RFC 2045), lines at most 76 characters.
std::string QuotedPrintable(std::string_view text);
// RFC 5322 date for a Unix time, in UTC.
std::string Rfc5322Date(long unix_seconds);

}  // namespace passend
