// JSON (de)serialisation of Vacancy.
#include "model/json_io.h"

namespace passend {
namespace {

void WriteLocationFields(JsonWriter& w, const Location& l) {
  w.StartObject();
  WriteOptString(w, "place", l.place);
  WriteOptString(w, "postcode", l.postcode);
  WriteOptString(w, "municipality", l.municipality);
  WriteOptString(w, "province", l.province);
  WriteOptNumber(w, "lat", l.lat);
  WriteOptNumber(w, "lon", l.lon);
  if (l.remote) {
    w.Key("remote");
    w.Bool(true);
  }
  if (l.hybrid) {
    w.Key("hybrid");
    w.Bool(true);
  }
  w.EndObject();
}

void WriteOccupation(JsonWriter& w, const OccupationRef& o) {
  if (o.key.empty()) return;
  w.Key("occupation");
  w.StartObject();
  w.Key("key");
  w.String(o.key.c_str());
  WriteOptString(w, "name", o.name);
  WriteOptString(w, "isco", o.isco);
  w.Key("confidence");
  w.Double(o.confidence);
  WriteOptString(w, "phrase", o.phrase);
  w.Key("from_title");
  w.Bool(o.from_title);
  w.EndObject();
}

void WriteSalary(JsonWriter& w, const Salary& s) {
  w.Key("salary");
  w.StartObject();
  WriteOptNumber(w, "min", s.min);
  WriteOptNumber(w, "max", s.max);
  WriteOptString(w, "period", s.period);
  WriteOptNumber(w, "hourly_min", s.hourly_min);
  WriteOptNumber(w, "hourly_max", s.hourly_max);
  WriteOptNumber(w, "monthly_min", s.monthly_min);
  WriteOptNumber(w, "monthly_max", s.monthly_max);
  WriteOptNumber(w, "hours_basis", s.hours_basis);
  if (s.hours_assumed) {
    w.Key("hours_assumed");
    w.Bool(true);
  }
  WriteOptString(w, "phrase", s.phrase);
  WriteOptString(w, "scale", s.scale);
  w.EndObject();
}

void WriteDemand(JsonWriter& w, const Demand& d) {
  w.StartObject();
  w.Key("item");
  w.String(d.item.c_str());
  w.Key("level");
  w.Int(d.level);
  WriteOptNumber(w, "quantity", d.quantity);
  w.Key("evidence");
  w.String(d.evidence.c_str());
  WriteOptString(w, "phrase", d.phrase);
  if (d.offset >= 0) {
    w.Key("offset");
    w.Int(d.offset);
  }
  w.Key("confidence");
  w.Double(d.confidence);
  w.EndObject();
}

void ReadLocationFields(FieldReader* lr, Location* l) {
  l->place = lr->String("place");
  l->postcode = lr->String("postcode");
  l->municipality = lr->String("municipality");
  l->province = lr->String("province");
  l->lat = lr->Number("lat");
  l->lon = lr->Number("lon");
  l->remote = lr->Bool("remote").value_or(false);
  l->hybrid = lr->Bool("hybrid").value_or(false);
}

void ReadLocations(FieldReader& r, Vacancy* v) {
  if (auto lr = r.Object("location")) ReadLocationFields(&*lr, &v->location);
  const rapidjson::Value* more = r.Get("more_locations");
  if (!more) return;
  if (!more->IsArray()) return r.Fail("more_locations", "expected an array");
  for (const auto& m : more->GetArray()) {
    FieldReader mr(m, r.where(), "more_locations");
    Location l;
    ReadLocationFields(&mr, &l);
    if (!mr.status().ok()) return r.Fail("more_locations", mr.status().message());
    v->more_locations.push_back(std::move(l));
  }
}

void ReadOccupation(FieldReader& r, OccupationRef* o) {
  auto orr = r.Object("occupation");
  if (!orr) return;
  o->key = orr->String("key", true);
  o->name = orr->String("name");
  o->isco = orr->String("isco");
  o->confidence = orr->Number("confidence").value_or(0);
  o->phrase = orr->String("phrase");
  o->from_title = orr->Bool("from_title").value_or(false);
  if (!orr->status().ok()) r.Fail("occupation", orr->status().message());
}

void ReadSalary(FieldReader& r, Salary* s) {
  auto sr = r.Object("salary");
  if (!sr) return;
  s->min = sr->Number("min");
  s->max = sr->Number("max");
  s->period = sr->String("period");
  s->hourly_min = sr->Number("hourly_min");
  s->hourly_max = sr->Number("hourly_max");
  s->monthly_min = sr->Number("monthly_min");
  s->monthly_max = sr->Number("monthly_max");
  s->hours_basis = sr->Number("hours_basis");
  s->hours_assumed = sr->Bool("hours_assumed").value_or(false);
  s->phrase = sr->String("phrase");
  s->scale = sr->String("scale");
}

void ReadDemands(FieldReader& r, std::vector<Demand>* out) {
  const rapidjson::Value* arr = r.Get("demands");
  if (!arr) return;
  if (!arr->IsArray()) return r.Fail("demands", "expected an array");
  int i = 0;
  for (const auto& v : arr->GetArray()) {
    FieldReader dr(v, r.where(), "demands[" + std::to_string(i++) + "]");
    Demand d;
    d.item = dr.String("item", true);
    d.level = static_cast<int>(dr.Int("level", true).value_or(0));
    d.quantity = dr.Number("quantity");
    d.evidence = dr.String("evidence");
    if (d.evidence.empty()) d.evidence = "text";
    d.phrase = dr.String("phrase");
    d.offset = static_cast<int>(dr.Int("offset").value_or(-1));
    d.confidence = dr.Number("confidence").value_or(0.5);
    if (!dr.status().ok()) return r.Fail("demands", dr.status().message());
    out->push_back(std::move(d));
  }
}

}  // namespace

void WriteVacancy(JsonWriter& w, const Vacancy& v) {
  w.StartObject();
  w.Key("key");
  w.String(v.key.c_str());
  w.Key("sources");
  w.StartArray();
  for (const auto& s : v.sources) {
    w.StartObject();
    w.Key("source");
    w.String(s.source.c_str());
    WriteOptString(w, "url", s.url);
    WriteOptString(w, "external_id", s.external_id);
    w.EndObject();
  }
  w.EndArray();
  w.Key("title");
  w.String(v.title.c_str());
  WriteOptString(w, "employer", v.employer);
  WriteOptString(w, "description", v.description);
  w.Key("location");
  WriteLocationFields(w, v.location);
  if (!v.more_locations.empty()) {
    w.Key("more_locations");
    w.StartArray();
    for (const Location& l : v.more_locations) WriteLocationFields(w, l);
    w.EndArray();
  }
  WriteOccupation(w, v.occupation);
  WriteSalary(w, v.salary);
  w.Key("hours");
  w.StartObject();
  WriteOptNumber(w, "min", v.hours.min);
  WriteOptNumber(w, "max", v.hours.max);
  WriteOptString(w, "phrase", v.hours.phrase);
  w.EndObject();
  WriteOptString(w, "contract", v.contract);
  if (v.structural) {
    w.Key("structural");
    w.Bool(*v.structural);
  }
  WriteOptString(w, "education", v.education);
  if (v.education_soft) {
    w.Key("education_soft");
    w.Bool(true);
  }
  WriteOptString(w, "date_posted", v.date_posted);
  WriteOptString(w, "valid_through", v.valid_through);
  WriteOptString(w, "first_seen", v.first_seen);
  w.Key("demands");
  w.StartArray();
  for (const auto& d : v.demands) WriteDemand(w, d);
  w.EndArray();
  if (!v.notes.empty()) WriteStringArray(w, "notes", v.notes);
  w.EndObject();
}

std::string VacancyToJson(const Vacancy& v) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  WriteVacancy(w, v);
  return std::string(buf.GetString(), buf.GetSize());
}

StatusOr<Vacancy> VacancyFromJson(const rapidjson::Value& value, const std::string& where) {
  if (!value.IsObject()) return Status::InvalidArgument(where + ": expected a JSON object");
  FieldReader r(value, where);
  Vacancy v;
  v.key = r.String("key");
  v.title = r.String("title", true);
  v.employer = r.String("employer");
  v.description = r.String("description");
  if (const rapidjson::Value* sources = r.Get("sources"); sources && sources->IsArray()) {
    for (const auto& s : sources->GetArray()) {
      FieldReader sr(s, where, "sources");
      v.sources.push_back({sr.String("source"), sr.String("url"), sr.String("external_id")});
    }
  }
  ReadLocations(r, &v);
  ReadOccupation(r, &v.occupation);
  ReadSalary(r, &v.salary);
  if (auto hr = r.Object("hours")) {
    v.hours.min = hr->Number("min");
    v.hours.max = hr->Number("max");
    v.hours.phrase = hr->String("phrase");
  }
  v.contract = r.String("contract");
  v.structural = r.Bool("structural");
  v.education = r.String("education");
  v.education_soft = r.Bool("education_soft").value_or(false);
  v.date_posted = r.String("date_posted");
  v.valid_through = r.String("valid_through");
  v.first_seen = r.String("first_seen");
  ReadDemands(r, &v.demands);
  v.notes = r.StringArray("notes");
  PASSEND_RETURN_IF_ERROR(r.status());
  if (v.title.empty()) return Status::InvalidArgument(where + ": title: empty");
  return v;
}

StatusOr<Vacancy> VacancyFromJsonText(const std::string& text, const std::string& where) {
  auto doc = ParseJson(text, where);
  if (!doc.ok()) return doc.status();
  return VacancyFromJson(*doc, where);
}

}  // namespace passend
