#include "tools/passend/report.h"

#include <cstdio>

#include "model/display.h"
#include "model/json_io.h"

namespace passend::cli {
namespace {

std::string Fixed(double v, const char* fmt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string Headline(const Match& m) {
  const Vacancy& v = m.vacancy;
  std::string line = v.title + (v.employer.empty() ? "" : " — " + v.employer);
  std::string where = v.location.place.empty() ? (v.location.remote ? "remote" : "plaats onbekend") : v.location.place;
  if (m.distance_km) where += " (" + Fixed(*m.distance_km, "%.0f") + " km, circa " + Fixed(*m.travel_minutes, "%.0f") + " min)";
  const std::string hours = FormatHours(v.hours), salary = FormatSalary(v.salary);
  std::string facts = where + " · " + (hours.empty() ? "uren onbekend" : hours) + " · " +
                      (salary.empty() ? "salaris onbekend" : salary);
  if (m.wage_ratio) facts += " (" + Fixed(*m.wage_ratio * 100, "%.0f") + "% van maatmanloon)";
  return line + "\n      " + facts + "\n      sleutel " + v.key;
}

// "competenties 0,80 · loon 0,92 · …"
std::string FactorLine(const Match& m) {
  std::string out;
  for (const FactorScore& f : m.factors) {
    std::string score = Fixed(f.score, "%.2f");
    score[score.find('.')] = ',';
    out += (out.empty() ? "" : " · ") + f.factor + " " + score;
  }
  return out;
}

void AppendReasons(std::string& out, const char* mark, const std::vector<Reason>& reasons) {
  for (const Reason& r : reasons) out += std::string("      ") + mark + " " + r.text + "\n";
}

}  // namespace

std::string FormatMatchTable(const CandidateProfile& c, const std::vector<Match>& matches) {
  int suitable = 0, checks = 0, excluded = 0;
  for (const Match& m : matches) {
    (m.verdict == Verdict::kSuitable ? suitable : m.verdict == Verdict::kSuitableWithChecks ? checks : excluded)++;
  }
  std::string out = "Kandidaat " + c.name + " (" + c.id + "): " + std::to_string(suitable) + " passend, " +
                    std::to_string(checks) + " passend met aandachtspunten" +
                    (excluded ? ", " + std::to_string(excluded) + " niet passend" : "") +
                    "\n(x = uitsluitend, ! = aandachtspunt, + = in orde; --explain KEY toont alle factoren)\n\n";
  int n = 0;
  for (const Match& m : matches) {
    out += Fixed(++n, "%3.0f") + ". " + VerdictLabel(m.verdict) + " (score " + Fixed(m.score, "%.2f") + ")  " +
           Headline(m) + "\n";
    out += "      scores: " + FactorLine(m) + "\n";
    for (const FactorScore& f : m.factors) {
      if (f.factor == "competenties") out += "      · " + f.reason + "\n";
    }
    AppendReasons(out, "x", m.conflicts);
    AppendReasons(out, "!", m.checks);
    AppendReasons(out, "+", m.passed);
    out += "\n";
  }
  if (matches.empty()) out += "Geen passende vacatures gevonden.\n";
  return out;
}

std::string FormatExplain(const CandidateProfile& c, const Match& m) {
  std::string out = "Vacature " + m.vacancy.key + ": " + m.vacancy.title + "\nKandidaat " + c.name + " (" + c.id +
                    ")\nOordeel: " + VerdictLabel(m.verdict) + " (score " + Fixed(m.score, "%.2f") + ")\n\nFactoren:\n";
  for (const FactorScore& f : m.factors) {
    out += "  " + f.factor + ": " + Fixed(f.score, "%.2f") + " x gewicht " + Fixed(f.weight, "%.2f") + " — " + f.reason + "\n";
  }
  if (!m.conflicts.empty()) out += "\nUitsluitend:\n";
  AppendReasons(out, "x", m.conflicts);
  if (!m.checks.empty()) out += "\nAandachtspunten:\n";
  AppendReasons(out, "!", m.checks);
  if (!m.passed.empty()) out += "\nIn orde:\n";
  AppendReasons(out, "+", m.passed);
  return out;
}

std::string MatchesToJson(const std::vector<Match>& matches) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("matches");
  w.StartArray();
  for (const Match& m : matches) WriteMatch(w, m);
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace passend::cli
