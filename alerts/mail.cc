#include "alerts/mail.h"

#include <cstdio>
#include <ctime>

#include "common/text.h"

namespace passend {
namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64(std::string_view in) {
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += kBase64[v & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += i + 1 < in.size() ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// Header values must not carry line breaks from vacancy or profile data.
std::string HeaderSafe(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

std::string PlainText(const AlertMail& m) {
  std::string t = "Beste " + m.to_name + ",\n\n";
  t += "Deze week (" + m.week + ") vonden we " + std::to_string(m.vacancies.size()) +
       (m.vacancies.size() == 1 ? " nieuwe vacature" : " nieuwe vacatures") +
       " bij jou in de buurt die passen bij je mogelijkheden.\n\n";
  int n = 0;
  for (const MailVacancy& v : m.vacancies) {
    t += std::to_string(++n) + ". " + v.title + (v.employer.empty() ? "" : " - " + v.employer) + "\n";
    t += "   Plaats: " + (v.place.empty() ? "onbekend" : v.place) + (v.travel.empty() ? "" : " (" + v.travel + ")") + "\n";
    t += "   Uren: " + (v.hours.empty() ? "niet genoemd" : v.hours) + "\n";
    t += "   Salaris: " + (v.salary.empty() ? "niet genoemd" : v.salary) + "\n";
    if (!v.why.empty()) t += "   Waarom: " + v.why + "\n";
    for (const auto& c : v.checks) t += "   Let op: " + c + "\n";
    if (!v.url.empty()) t += "   Bekijk: " + v.url + "\n";
    t += "\n";
  }
  t += "Solliciteer je ergens? Laat het je coach weten, dan leggen we het vast in je dossier.\n\n";
  t += "Geen vacaturemeldingen meer ontvangen? Afmelden: " + m.unsubscribe_url + "\n";
  return t;
}

std::string Html(const AlertMail& m) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" + HtmlEscape(AlertSubject(m)) +
      "</title></head>\n<body style=\"font-family:Arial,sans-serif;max-width:640px\">\n";
  h += "<p>Beste " + HtmlEscape(m.to_name) + ",</p>\n<p>Deze week (" + HtmlEscape(m.week) + ") vonden we " +
       std::to_string(m.vacancies.size()) + (m.vacancies.size() == 1 ? " nieuwe vacature" : " nieuwe vacatures") +
       " bij jou in de buurt die passen bij je mogelijkheden.</p>\n";
  for (const MailVacancy& v : m.vacancies) {
    h += "<div style=\"border-top:1px solid #ccc;padding:8px 0\">\n<h3 style=\"margin:4px 0\">";
    h += v.url.empty() ? HtmlEscape(v.title) : "<a href=\"" + HtmlEscape(v.url) + "\">" + HtmlEscape(v.title) + "</a>";
    h += "</h3>\n<p style=\"margin:2px 0\">" + HtmlEscape(v.employer) + "</p>\n<ul>\n";
    h += "<li>Plaats: " + HtmlEscape(v.place.empty() ? "onbekend" : v.place) +
         (v.travel.empty() ? "" : " (" + HtmlEscape(v.travel) + ")") + "</li>\n";
    h += "<li>Uren: " + HtmlEscape(v.hours.empty() ? "niet genoemd" : v.hours) + "</li>\n";
    h += "<li>Salaris: " + HtmlEscape(v.salary.empty() ? "niet genoemd" : v.salary) + "</li>\n";
    if (!v.why.empty()) h += "<li>Waarom: " + HtmlEscape(v.why) + "</li>\n";
    for (const auto& c : v.checks) h += "<li>Let op: " + HtmlEscape(c) + "</li>\n";
    h += "</ul>\n</div>\n";
  }
  h += "<p>Solliciteer je ergens? Laat het je coach weten, dan leggen we het vast in je dossier.</p>\n";
  h += "<p style=\"font-size:small\"><a href=\"" + HtmlEscape(m.unsubscribe_url) +
       "\">Afmelden voor vacaturemeldingen</a></p>\n</body></html>\n";
  return h;
}

}  // namespace

std::string EncodeHeaderWord(std::string_view text) {
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80 && c != '\r' && c != '\n';
  if (ascii) return std::string(text);
  return "=?UTF-8?B?" + Base64(text) + "?=";
}

std::string QuotedPrintable(std::string_view text) {
  std::string out;
  size_t line = 0;
  auto put = [&](const std::string& piece) {
    if (line + piece.size() > 75) {
      out += "=\r\n";
      line = 0;
    }
    out += piece;
    line += piece.size();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\r\n";
      line = 0;
    } else if (c == '\r') {
      continue;
    } else if ((c == ' ' || c == '\t') && (i + 1 == text.size() || text[i + 1] == '\n')) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "=%02X", c);
      put(buf);
    } else if ((c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t') {
      put(std::string(1, static_cast<char>(c)));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "=%02X", c);
      put(buf);
    }
  }
  return out;
}

std::string Rfc5322Date(long unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string AlertSubject(const AlertMail& m) {
  const size_t n = m.vacancies.size();
  return std::to_string(n) + (n == 1 ? " nieuwe passende vacature" : " nieuwe passende vacatures") +
         " voor week " + m.week.substr(m.week.size() >= 2 ? m.week.size() - 2 : 0) + " (" + m.week + ")";
}

std::string RenderMultipart(const MailParts& m) {
  const std::string boundary = "=_passend_" + HexId(StableHash64(m.message_id));
  std::string out;
  out += "From: " + HeaderSafe(m.from) + "\r\n";
  out += "To: " + EncodeHeaderWord(HeaderSafe(m.to_name)) + " <" + HeaderSafe(m.to_email) + ">\r\n";
  out += "Subject: " + EncodeHeaderWord(HeaderSafe(m.subject)) + "\r\n";
  out += "Date: " + m.date + "\r\n";
  out += "Message-ID: <" + HeaderSafe(m.message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  if (!m.unsubscribe_url.empty()) {
    out += "List-Unsubscribe: <" + HeaderSafe(m.unsubscribe_mailto) + ">, <" + HeaderSafe(m.unsubscribe_url) + ">\r\n";
    out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += QuotedPrintable(m.plain) + "\r\n";
  out += "--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += QuotedPrintable(m.html) + "\r\n";
  out += "--" + boundary + "--\r\n";
  return out;
}

std::string RenderAlertMail(const AlertMail& m) {
  return RenderMultipart({m.from, m.to_name, m.to_email, AlertSubject(m), m.date, m.message_id, m.unsubscribe_url,
                          m.unsubscribe_mailto, PlainText(m), Html(m)});
}

}  // namespace passend
