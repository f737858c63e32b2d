// JSON serialisation of Match (the output of `passend match --json`).
#include "model/json_io.h"

namespace passend {

namespace {

void WriteReasons(JsonWriter& w, const char* key, const std::vector<Reason>& reasons) {
  w.Key(key);
  w.StartArray();
  for (const Reason& r : reasons) {
    w.StartObject();
    w.Key("text");
    w.String(r.text.c_str());
    w.Key("health");
    w.Bool(r.health);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void WriteMatch(JsonWriter& w, const Match& m) {
  w.StartObject();
  w.Key("verdict");
  w.String(VerdictName(m.verdict));
  w.Key("score");
  w.Double(m.score);
  WriteOptNumber(w, "distance_km", m.distance_km);
  WriteOptNumber(w, "travel_minutes", m.travel_minutes);
  WriteOptString(w, "travel_mode", m.travel_mode);
  WriteOptNumber(w, "wage_ratio", m.wage_ratio);
  if (m.duplicates > 0) {
    w.Key("duplicates");
    w.Int(m.duplicates);
  }
  w.Key("factors");
  w.StartArray();
  for (const auto& f : m.factors) {
    w.StartObject();
    w.Key("factor");
    w.String(f.factor.c_str());
    w.Key("score");
    w.Double(f.score);
    w.Key("weight");
    w.Double(f.weight);
    w.Key("reason");
    w.String(f.reason.c_str());
    w.EndObject();
  }
  w.EndArray();
  WriteReasons(w, "conflicts", m.conflicts);
  WriteReasons(w, "checks", m.checks);
  WriteReasons(w, "passed", m.passed);
  w.Key("vacancy");
  WriteVacancy(w, m.vacancy);
  w.EndObject();
}

std::string MatchToJson(const Match& m) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  WriteMatch(w, m);
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace passend
