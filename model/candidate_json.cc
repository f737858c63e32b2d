// JSON (de)serialisation and validation of CandidateProfile.
#include <algorithm>
#include <cctype>

#include "common/text.h"
#include "model/json_io.h"

namespace passend {
namespace {

constexpr const char* kEducationLevels[] = {"geen", "vmbo", "mbo1", "mbo2", "mbo3",
                                            "mbo4", "havo", "vwo",  "hbo",  "wo"};
constexpr const char* kPeriods[] = {"uur", "week", "maand", "jaar"};
constexpr const char* kModes[] = {"auto", "ov", "fiets"};

template <size_t N>
bool OneOf(const std::string& v, const char* const (&set)[N]) {
  return std::any_of(std::begin(set), std::end(set), [&](const char* s) { return v == s; });
}

template <size_t N>
std::string Choices(const char* const (&set)[N]) {
  std::string out;
  for (const char* s : set) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

bool ValidId(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         });
}

// Reads one FML entry: a number, an array of codes, or {"level"|"codes", "note"}.
void ReadFmlEntry(FieldReader& fr, const FmlItem& item, const rapidjson::Value& v, FmlLimit* out) {
  const std::string field = "fml." + item.key;
  const rapidjson::Value* levels = &v;
  if (v.IsObject()) {
    FieldReader er(v, fr.where(), fr.FieldPath(field));
    out->note = er.String("note");
    levels = er.Get(item.kind == FmlKind::kCodes ? "codes" : "level");
    if (!levels) levels = er.Get(item.kind == FmlKind::kCodes ? "level" : "codes");
    if (!levels) return fr.Fail(field, item.kind == FmlKind::kCodes ? "codes: missing" : "level: missing");
  }
  if (levels->IsInt()) {
    out->levels.push_back(levels->GetInt());
  } else if (levels->IsArray() && item.kind == FmlKind::kCodes) {
    for (const auto& c : levels->GetArray()) {
      if (!c.IsInt()) return fr.Fail(field, "expected whole-number codes");
      out->levels.push_back(c.GetInt());
    }
  } else {
    return fr.Fail(field, item.kind == FmlKind::kCodes ? "expected a code or an array of codes"
                                                       : "expected a whole-number level");
  }
  if (out->levels.empty()) return fr.Fail(field, "no level given");
  if (item.kind == FmlKind::kGraded && out->levels.size() != 1) {
    return fr.Fail(field, "a graded item takes one level");
  }
  for (int level : out->levels) {
    if (!item.FindLevel(level)) {
      std::string valid;
      for (const auto& l : item.levels) valid += (valid.empty() ? "" : ", ") + std::to_string(l.level);
      return fr.Fail(field, "unknown level " + std::to_string(level) + " (valid: " + valid + ")");
    }
  }
}

void ReadFml(FieldReader& r, const FmlSchema& schema, std::map<std::string, FmlLimit>* out) {
  const rapidjson::Value* fml = r.Get("fml");
  if (!fml) return;
  if (!fml->IsObject()) return r.Fail("fml", "expected an object of FML item keys");
  for (const auto& m : fml->GetObject()) {
    const std::string key(m.name.GetString(), m.name.GetStringLength());
    const FmlItem* item = schema.Find(key);
    if (!item) return r.Fail("fml." + key, "unknown FML item key (see data/fml/items.json)");
    FmlLimit limit;
    ReadFmlEntry(r, *item, m.value, &limit);
    if (!r.status().ok()) return;
    if (limit.MaxLevel() > 0) (*out)[key] = std::move(limit);
  }
}

void ReadMaatmanloon(FieldReader& r, Maatmanloon* m) {
  auto mr = r.Object("maatmanloon", true);
  if (!mr) return;
  m->amount = mr->Number("amount", true).value_or(0);
  m->period = mr->String("period", true);
  m->hours_per_week = mr->Number("hours_per_week").value_or(0);
  if (!r.status().ok()) return;
  if (m->amount <= 0) return mr->Fail("amount", "must be more than 0");
  if (!OneOf(m->period, kPeriods)) return mr->Fail("period", "expected one of " + Choices(kPeriods));
  if (m->period != "uur" && (m->hours_per_week <= 0 || m->hours_per_week > 60)) {
    mr->Fail("hours_per_week", "must be between 1 and 60 when the period is not \"uur\"");
  }
}

void ReadHomeAndTravel(FieldReader& r, CandidateProfile* c) {
  if (auto hr = r.Object("home", true)) {
    c->home.postcode = hr->String("postcode");
    c->home.place = hr->String("place");
    c->home.lat = hr->Number("lat");
    c->home.lon = hr->Number("lon");
    if (r.status().ok() && c->home.place.empty() && c->home.postcode.empty() && !c->home.lat) {
      hr->Fail("place", "missing: give a place, a postcode or lat/lon");
    }
  }
  if (auto tr = r.Object("travel", true)) {
    c->travel.max_minutes = tr->Number("max_minutes");
    c->travel.max_km = tr->Number("max_km");
    const std::string mode = tr->String("mode");
    if (!mode.empty()) c->travel.mode = mode;
    if (!r.status().ok()) return;
    if (!c->travel.max_minutes && !c->travel.max_km) {
      return tr->Fail("max_minutes", "missing: give max_minutes or max_km");
    }
    if (c->travel.max_minutes && *c->travel.max_minutes <= 0) return tr->Fail("max_minutes", "must be more than 0");
    if (c->travel.max_km && *c->travel.max_km <= 0) return tr->Fail("max_km", "must be more than 0");
    if (!OneOf(c->travel.mode, kModes)) tr->Fail("mode", "expected one of " + Choices(kModes));
  }
}

void ValidateScalars(FieldReader& r, const CandidateProfile& c) {
  if (!r.status().ok()) return;
  if (!ValidId(c.id)) return r.Fail("id", "use 1-64 letters, digits, '-' or '_'");
  if (!c.email.empty() && !PlausibleEmail(c.email)) return r.Fail("email", "not an e-mail address");
  if (c.wage_floor_ratio <= 0 || c.wage_floor_ratio > 1.5) {
    return r.Fail("wage_floor_ratio", "must be more than 0 and at most 1.5");
  }
  if (c.hours_available && (*c.hours_available <= 0 || *c.hours_available > 60)) {
    return r.Fail("hours_available", "must be between 1 and 60 hours per week");
  }
  if (!c.education.empty() && !OneOf(c.education, kEducationLevels)) {
    return r.Fail("education", "expected one of " + Choices(kEducationLevels));
  }
  if (c.alerts.enabled && c.email.empty()) r.Fail("email", "missing, but alerts are enabled");
}

}  // namespace

StatusOr<CandidateProfile> CandidateFromJsonText(const std::string& text, const std::string& where,
                                                 const FmlSchema& schema) {
  auto doc = ParseJson(text, where);
  if (!doc.ok()) return doc.status();
  if (!doc->IsObject()) return Status::InvalidArgument(where + ": expected a JSON object");
  CandidateProfile c;
  c.id = FieldReader(*doc, where).String("id");
  FieldReader r(*doc, where + ": candidate " + (c.id.empty() ? "?" : c.id));
  c.id = r.String("id", true);
  c.name = r.String("name", true);
  c.email = r.String("email");
  ReadFml(r, schema, &c.fml);
  c.competences = r.StringArray("competences");
  c.target_occupations = r.StringArray("target_occupations");
  ReadMaatmanloon(r, &c.maatmanloon);
  c.wage_floor_ratio = r.Number("wage_floor_ratio").value_or(0.65);
  ReadHomeAndTravel(r, &c);
  c.hours_available = r.Number("hours_available");
  c.education = r.String("education");
  c.requires_structural = r.Bool("requires_structural").value_or(false);
  if (auto ar = r.Object("alerts")) {
    c.alerts.enabled = ar->Bool("enabled").value_or(true);
    c.alerts.max_per_mail = static_cast<int>(ar->Int("max_per_mail").value_or(10));
    if (r.status().ok() && (c.alerts.max_per_mail < 1 || c.alerts.max_per_mail > 100)) {
      ar->Fail("max_per_mail", "must be between 1 and 100");
    }
  }
  ValidateScalars(r, c);
  PASSEND_RETURN_IF_ERROR(r.status());
  return c;
}

namespace {

void WriteFml(JsonWriter& w, const CandidateProfile& c) {
  w.Key("fml");
  w.StartObject();
  for (const auto& [key, limit] : c.fml) {
    w.Key(key.c_str());
    w.StartObject();
    if (limit.levels.size() == 1) {  // a graded level or a single code: the reader takes both
      w.Key("level");
      w.Int(limit.levels[0]);
    } else {
      w.Key("codes");
      w.StartArray();
      for (int l : limit.levels) w.Int(l);
      w.EndArray();
    }
    WriteOptString(w, "note", limit.note);
    w.EndObject();
  }
  w.EndObject();
}

void WriteWageHomeTravel(JsonWriter& w, const CandidateProfile& c) {
  w.Key("maatmanloon");
  w.StartObject();
  w.Key("amount");
  w.Double(c.maatmanloon.amount);
  w.Key("period");
  w.String(c.maatmanloon.period.c_str());
  w.Key("hours_per_week");
  w.Double(c.maatmanloon.hours_per_week);
  w.EndObject();
  w.Key("wage_floor_ratio");
  w.Double(c.wage_floor_ratio);
  w.Key("home");
  w.StartObject();
  WriteOptString(w, "postcode", c.home.postcode);
  WriteOptString(w, "place", c.home.place);
  WriteOptNumber(w, "lat", c.home.lat);
  WriteOptNumber(w, "lon", c.home.lon);
  w.EndObject();
  w.Key("travel");
  w.StartObject();
  WriteOptNumber(w, "max_minutes", c.travel.max_minutes);
  WriteOptNumber(w, "max_km", c.travel.max_km);
  w.Key("mode");
  w.String(c.travel.mode.c_str());
  w.EndObject();
}

}  // namespace

std::string CandidateToJson(const CandidateProfile& c) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("id");
  w.String(c.id.c_str());
  w.Key("name");
  w.String(c.name.c_str());
  WriteOptString(w, "email", c.email);
  WriteFml(w, c);
  WriteStringArray(w, "competences", c.competences);
  WriteStringArray(w, "target_occupations", c.target_occupations);
  WriteWageHomeTravel(w, c);
  WriteOptNumber(w, "hours_available", c.hours_available);
  WriteOptString(w, "education", c.education);
  w.Key("requires_structural");
  w.Bool(c.requires_structural);
  w.Key("alerts");
  w.StartObject();
  w.Key("enabled");
  w.Bool(c.alerts.enabled);
  w.Key("max_per_mail");
  w.Int(c.alerts.max_per_mail);
  w.EndObject();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace passend
