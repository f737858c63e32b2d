#include "normalizer/occupations.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/file.h"
#include "common/json.h"
#include "common/text.h"

namespace passend {
namespace {

constexpr double kTitleConfidence = 0.9;
constexpr double kPartialTitleConfidence = 0.75;  // the synonym covers under half the title
constexpr double kTextConfidence = 0.5;
constexpr double kRepeatedTextConfidence = 0.6;

// Loads of one profile: graded item → level, code item → codes.
struct Profile {
  std::map<std::string, int> graded;
  std::map<std::string, std::set<int>> codes;
};

Status ReadLoad(const std::string& where, const std::string& item_key, const rapidjson::Value& v,
                const FmlSchema& schema, Profile* p) {
  const FmlItem* item = schema.Find(item_key);
  if (!item) return Status::InvalidArgument(where + ": unknown FML key " + item_key);
  auto check = [&](const rapidjson::Value& level) -> Status {
    if (!level.IsInt() || !item->FindLevel(level.GetInt())) {
      return Status::InvalidArgument(where + ": " + item_key + ": not a level of the item");
    }
    return Status::Ok();
  };
  if (item->kind == FmlKind::kCodes) {
    if (!v.IsArray()) return Status::InvalidArgument(where + ": " + item_key + ": expected a list of codes");
    for (const auto& c : v.GetArray()) {
      PASSEND_RETURN_IF_ERROR(check(c));
      p->codes[item_key].insert(c.GetInt());
    }
    return Status::Ok();
  }
  PASSEND_RETURN_IF_ERROR(check(v));
  auto [it, fresh] = p->graded.emplace(item_key, v.GetInt());
  if (!fresh) it->second = std::min(it->second, v.GetInt());  // the most demanding wins
  return Status::Ok();
}

Status ReadProfile(const std::string& where, const rapidjson::Value& v, const FmlSchema& schema, Profile* p) {
  if (!v.IsObject()) return Status::InvalidArgument(where + ": expected an object of FML loads");
  for (const auto& m : v.GetObject()) {
    PASSEND_RETURN_IF_ERROR(ReadLoad(where, m.name.GetString(), m.value, schema, p));
  }
  return Status::Ok();
}

std::vector<Demand> ProfileDemands(const Profile& p, double confidence, const std::string& name) {
  std::vector<Demand> out;
  auto add = [&](const std::string& item, int level) {
    Demand d;
    d.item = item;
    d.level = level;
    d.evidence = "occupation";
    d.phrase = "beroep: " + name;
    d.confidence = confidence;
    out.push_back(std::move(d));
  };
  for (const auto& [item, level] : p.graded) add(item, level);
  for (const auto& [item, codes] : p.codes) {
    for (int c : codes) add(item, c);
  }
  return out;
}

// Bytes of letters and digits: what a synonym is measured against in a title.
size_t WordBytes(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return IsWordChar(c); }));
}

}  // namespace

StatusOr<OccupationTable> OccupationTable::Load(const std::string& path, const FmlSchema& schema) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path, schema);
}

StatusOr<OccupationTable> OccupationTable::Parse(const std::string& json_text, const std::string& where,
                                                 const FmlSchema& schema) {
  auto doc = ParseJson(json_text, where);
  if (!doc.ok()) return doc.status();
  FieldReader top(*doc, where);
  const double confidence = top.Number("default_confidence", true).value_or(0.4);
  const rapidjson::Value* hours = top.Get("sector_hours");
  const rapidjson::Value* profiles = top.Get("profiles");
  const rapidjson::Value* list = top.Get("occupations");
  PASSEND_RETURN_IF_ERROR(top.status());
  if (!hours || !hours->IsObject()) return Status::InvalidArgument(where + ": sector_hours: expected an object");
  if (!profiles || !profiles->IsObject()) return Status::InvalidArgument(where + ": profiles: expected an object");
  if (!list || !list->IsArray()) return Status::InvalidArgument(where + ": occupations: expected an array");
  std::map<std::string, const rapidjson::Value*> profile_json;
  for (const auto& m : profiles->GetObject()) profile_json[m.name.GetString()] = &m.value;

  OccupationTable table;
  std::map<std::string, std::string> synonym_seen;  // synonym → occupation key
  for (const auto& ov : list->GetArray()) {
    FieldReader r(ov, where, "occupations[" + std::to_string(table.occupations_.size()) + "]");
    Occupation o;
    o.key = r.String("key", true);
    o.name = r.String("name", true);
    o.isco = r.String("isco", true);
    o.sector = r.String("sector", true);
    const auto profile_names = r.StringArray("profiles");
    const auto synonyms = r.StringArray("synonyms", true);
    PASSEND_RETURN_IF_ERROR(r.status());
    const std::string at = where + ": occupation " + o.key;
    if (o.isco.size() != 4 || !std::all_of(o.isco.begin(), o.isco.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return Status::InvalidArgument(at + ": isco: expected a 4-digit ISCO-08 unit group");
    }
    const auto h = hours->FindMember(o.sector.c_str());
    if (h == hours->MemberEnd() || !h->value.IsNumber()) {
      return Status::InvalidArgument(at + ": sector: " + o.sector + " has no entry in sector_hours");
    }
    o.weekly_hours = h->value.GetDouble();
    Profile loads;
    for (const std::string& name : profile_names) {
      const auto p = profile_json.find(name);
      if (p == profile_json.end()) return Status::InvalidArgument(at + ": profiles: unknown profile " + name);
      PASSEND_RETURN_IF_ERROR(ReadProfile(at + ": profile " + name, *p->second, schema, &loads));
    }
    if (const rapidjson::Value* extra = r.Get("loads")) PASSEND_RETURN_IF_ERROR(ReadProfile(at + ": loads", *extra, schema, &loads));
    o.loads = ProfileDemands(loads, confidence, o.name);
    for (const std::string& s : synonyms) {
      std::string folded = FoldForMatch(Trim(s));
      if (folded.empty() || folded == "*") return Status::InvalidArgument(at + ": synonyms: an empty synonym");
      const std::string bare = folded.back() == '*' ? folded.substr(0, folded.size() - 1) : folded;
      auto [it, fresh] = synonym_seen.emplace(bare, o.key);
      if (!fresh) return Status::InvalidArgument(at + ": synonym \"" + s + "\" is also listed for " + it->second);
      table.matcher_.Add(folded, static_cast<int>(table.synonym_owner_.size()));
      table.synonym_owner_.push_back(table.occupations_.size());
      o.synonyms.push_back(std::move(folded));
    }
    table.occupations_.push_back(std::move(o));
  }
  table.matcher_.Build();
  return table;
}

std::optional<OccupationTable::Match> OccupationTable::Classify(std::string_view folded_title,
                                                                const FoldedText& description) const {
  std::optional<PhraseMatcher::Hit> best;
  matcher_.Scan(folded_title, [&](const PhraseMatcher::Hit& h) {
    if (!best || h.size > best->size || (h.size == best->size && h.begin < best->begin)) best = h;
  });
  if (best) {
    const Occupation& o = occupations_[synonym_owner_[static_cast<size_t>(best->id)]];
    const std::string phrase(folded_title.substr(best->begin, best->size));
    const bool covers = 2 * WordBytes(phrase) >= WordBytes(folded_title);
    return Match{&o, covers ? kTitleConfidence : kPartialTitleConfidence, phrase, true};
  }
  // Counted per occupation; ties go to the one named first.
  std::map<size_t, std::pair<int, size_t>> counts;  // occupation → (hits, first offset)
  matcher_.Scan(description.text(), [&](const PhraseMatcher::Hit& h) {
    auto [it, fresh] = counts.emplace(synonym_owner_[static_cast<size_t>(h.id)], std::make_pair(0, h.begin));
    ++it->second.first;
  });
  const auto top = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return a.second.first < b.second.first ||
           (a.second.first == b.second.first && a.second.second > b.second.second);
  });
  if (top == counts.end()) return std::nullopt;
  const Occupation& o = occupations_[top->first];
  return Match{&o, top->second.first >= 2 ? kRepeatedTextConfidence : kTextConfidence, o.synonyms.front(), false};
}

const Occupation* OccupationTable::Find(std::string_view key) const {
  for (const Occupation& o : occupations_) {
    if (o.key == key) return &o;
  }
  return nullptr;
}

OccupationRef ToRef(const OccupationTable::Match& m) {
  OccupationRef r;
  r.key = m.occupation->key;
  r.name = m.occupation->name;
  r.isco = m.occupation->isco;
  r.confidence = m.confidence;
  r.phrase = m.phrase;
  r.from_title = m.from_title;
  return r;
}

}  // namespace passend
