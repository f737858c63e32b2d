#include "normalizer/demands.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "common/file.h"
#include "common/json.h"
#include "common/text.h"

namespace passend {
namespace {

constexpr std::string_view kLiftWords[] = {"til", "sjouw", "gewicht", "last", "doos", "dozen",
                                           "zak", "krat", "pakket", "colli", "draag"};
constexpr double kKgConfidence = 0.9;
constexpr double kClockConfidence = 0.85;  // a working time named in the text

bool IsCarrying(std::string_view context) {
  return context.find("draag") != std::string_view::npos ||
         context.find("sjouw") != std::string_view::npos;
}

// Reads the number (or the upper end of a range "10-25") that ends at `end`.
std::optional<double> KgNumberBefore(const std::string& t, size_t end, size_t* start) {
  while (end > 0 && t[end - 1] == ' ') --end;
  size_t b = end;
  while (b > 0 && (std::isdigit(static_cast<unsigned char>(t[b - 1])) || t[b - 1] == ',')) --b;
  if (b == end) return std::nullopt;
  std::string num = t.substr(b, end - b);
  std::replace(num.begin(), num.end(), ',', '.');
  *start = b;
  return ParseDouble(num);
}

}  // namespace

int LevelForQuantity(const FmlItem& item, double quantity) {
  int best = 0;
  for (const auto& l : item.levels) {
    if (l.value && *l.value >= quantity && l.level > best) best = l.level;
  }
  return best;
}

StatusOr<DemandLexicon> DemandLexicon::Load(const std::string& path, const FmlSchema& schema) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path, schema);
}

StatusOr<DemandLexicon> DemandLexicon::Parse(const std::string& json_text, const std::string& where,
                                             const FmlSchema& schema) {
  auto doc = ParseJson(json_text, where);
  if (!doc.ok()) return doc.status();
  FieldReader top(*doc, where);
  const rapidjson::Value* rules = top.Get("rules");
  if (!rules || !rules->IsArray()) return Status::InvalidArgument(where + ": rules: expected an array");
  DemandLexicon lex;
  for (const auto& rv : rules->GetArray()) {
    FieldReader r(rv, where, "rules[" + std::to_string(lex.rules_.size()) + "]");
    Rule rule;
    for (const auto& p : r.StringArray("phrases", true)) rule.phrases.push_back(FoldForMatch(p));
    const double confidence = r.Number("confidence", true).value_or(0);
    const rapidjson::Value* demands = r.Get("demands");
    if (!demands || !demands->IsArray()) r.Fail("demands", "expected an array");
    rule.silences = r.StringArray("silences");
    PASSEND_RETURN_IF_ERROR(r.status());
    for (const std::string& key : rule.silences) {
      if (!schema.Find(key)) return Status::InvalidArgument(r.FieldPath("silences") + ": unknown FML key " + key).WithContext(where);
    }
    if (demands->Empty() && rule.silences.empty()) {
      return Status::InvalidArgument(where + ": " + r.FieldPath("demands") + ": a rule needs demands or silences");
    }
    for (const auto& dv : demands->GetArray()) {
      FieldReader dr(dv, where, r.FieldPath("demands"));
      Demand d;
      d.item = dr.String("item", true);
      d.level = static_cast<int>(dr.Int("level", true).value_or(0));
      d.quantity = dr.Number("quantity");
      d.confidence = confidence;
      PASSEND_RETURN_IF_ERROR(dr.status());
      const FmlItem* item = schema.Find(d.item);
      if (!item) return Status::InvalidArgument(dr.FieldPath("item") + ": unknown FML key " + d.item).WithContext(where);
      if (!item->FindLevel(d.level)) {
        return Status::InvalidArgument(where + ": " + dr.FieldPath("level") + ": " + d.item +
                                       " has no level " + std::to_string(d.level));
      }
      rule.demands.push_back(std::move(d));
    }
    for (size_t i = 0; i < rule.phrases.size(); ++i) {
      lex.matcher_.Add(rule.phrases[i], static_cast<int>(lex.phrase_refs_.size()));
      lex.phrase_refs_.push_back({lex.rules_.size(), static_cast<int>(i)});
    }
    lex.rules_.push_back(std::move(rule));
  }
  lex.matcher_.Build();
  lex.tillen_ = schema.Find("IV.tillen");
  lex.dragen_ = schema.Find("IV.dragen");
  if (!lex.tillen_ || !lex.dragen_) {
    return Status::InvalidArgument(where + ": the FML table lacks IV.tillen or IV.dragen");
  }
  return lex;
}

void DemandLexicon::AddClockDemands(const FoldedText& text, std::vector<Demand>* out) const {
  const std::string& t = text.text();
  for (size_t colon = t.find(':'); colon != std::string::npos; colon = t.find(':', colon + 1)) {
    // "H:MM" or "HH:MM", not part of a longer number.
    if (colon == 0 || colon + 3 > t.size() || !std::isdigit(static_cast<unsigned char>(t[colon + 1])) ||
        !std::isdigit(static_cast<unsigned char>(t[colon + 2])) ||
        (colon + 3 < t.size() && std::isdigit(static_cast<unsigned char>(t[colon + 3])))) {
      continue;
    }
    size_t start = colon;
    while (start > 0 && colon - start < 2 && std::isdigit(static_cast<unsigned char>(t[start - 1]))) --start;
    if (start == colon || (start > 0 && (IsWordChar(t[start - 1]) || t[start - 1] == ':'))) continue;
    const int hour = std::stoi(t.substr(start, colon - start));
    const int minute = std::stoi(t.substr(colon + 1, 2));
    if (hour > 24 || minute > 59) continue;
    // Work in 22-06 is night work, 18-22 evening work (FML VI.etmaal); 22:00 opening a
    // night shift ("22:00 tot 06:00") is night, not evening.
    const bool opens_range = t.compare(colon + 3, 4, " tot") == 0 || t.compare(colon + 3, 1, "-") == 0 ||
                             t.compare(colon + 3, 2, " -") == 0;
    const bool night = hour < 6 || hour == 24 || hour == 23 || (hour == 22 && minute > 0);
    // Working on "tot 23:00" also covers the evening before it.
    const bool ends_late = night && hour >= 22 && start >= 4 && (t.compare(start - 4, 4, "tot ") == 0 || t[start - 1] == '-');
    const bool evening = ends_late || (!night && (hour >= 19 || (hour == 18 && minute > 0) || (hour == 22 && !opens_range)));
    for (int level : {1, 2}) {
      if ((level == 1 && !evening) || (level == 2 && !night)) continue;
      Demand d;
      d.item = "VI.etmaal";
      d.level = level;
      d.phrase = t.substr(start, colon + 3 - start);
      d.offset = text.OriginalOffset(start);
      d.confidence = kClockConfidence;
      out->push_back(d);
    }
  }
}

void DemandLexicon::AddKgDemands(const FoldedText& text, std::vector<Demand>* out) const {
  const std::string& t = text.text();
  for (std::string_view unit : {"kg", "kilo"}) {
    for (size_t p = text.FindWord(std::string(unit) + "*"); p != std::string::npos;
         p = text.FindWord(std::string(unit) + "*", p + 1)) {
      if (t.compare(p, 9, "kilometer") == 0) continue;
      size_t start = 0;
      const auto kg = KgNumberBefore(t, p, &start);
      if (!kg || *kg <= 0 || *kg > 100) continue;
      const size_t from = start > 60 ? start - 60 : 0;
      const std::string context = t.substr(from, p + 20 - from);
      if (std::none_of(std::begin(kLiftWords), std::end(kLiftWords),
                       [&](std::string_view w) { return context.find(w) != std::string::npos; })) {
        continue;
      }
      const FmlItem& item = IsCarrying(context) ? *dragen_ : *tillen_;
      // The phrase runs from the start of its clause to the unit.
      const size_t phrase_start = text.ClauseStart(start, start - from, ".;:,(\n");
      Demand d;
      d.item = item.key;
      d.quantity = *kg;
      d.level = LevelForQuantity(item, *kg);
      d.phrase = CollapseWhitespace(t.substr(phrase_start, p + unit.size() - phrase_start));
      d.offset = text.OriginalOffset(phrase_start);
      d.confidence = kKgConfidence;
      out->push_back(d);
    }
  }
}

std::vector<Demand> DemandLexicon::Extract(const FoldedText& text, std::set<std::string>* spoken) const {
  // Per rule the first non-negated hit of its most preferred phrase.
  struct Best {
    int order = -1;
    size_t begin = 0, size = 0;
  };
  std::vector<Best> best(rules_.size());
  matcher_.Scan(text.text(), [&](const PhraseMatcher::Hit& hit) {
    const PhraseRef& ref = phrase_refs_[static_cast<size_t>(hit.id)];
    Best& b = best[ref.rule];
    if (b.order >= 0 && b.order <= ref.order) return;
    if (spoken) {
      const Rule& rule = rules_[ref.rule];
      for (const Demand& d : rule.demands) spoken->insert(d.item);
      spoken->insert(rule.silences.begin(), rule.silences.end());
    }
    if (rules_[ref.rule].demands.empty() || text.NegatedAt(hit.begin, hit.begin + hit.size)) return;
    b = {ref.order, hit.begin, hit.size};
  });
  std::vector<Demand> found;
  for (size_t r = 0; r < rules_.size(); ++r) {
    if (best[r].order < 0) continue;
    for (Demand d : rules_[r].demands) {
      d.phrase = text.text().substr(best[r].begin, best[r].size);
      d.offset = text.OriginalOffset(best[r].begin);
      found.push_back(std::move(d));
    }
  }
  AddKgDemands(text, &found);
  AddClockDemands(text, &found);
  if (spoken) {
    for (const Demand& d : found) spoken->insert(d.item);
  }
  return found;
}

std::vector<Demand> MergeDemands(std::vector<Demand> demands, const FmlSchema& schema) {
  std::map<std::string, Demand> best;
  for (Demand& d : demands) {
    const FmlItem* item = schema.Find(d.item);
    const bool codes = item && item->kind == FmlKind::kCodes;
    const std::string key = codes ? d.item + ":" + std::to_string(d.level) : d.item;
    auto it = best.find(key);
    if (it == best.end()) {
      best.emplace(key, std::move(d));
      continue;
    }
    Demand& cur = it->second;
    // A stated quantity is the most precise evidence; then the most demanding level.
    const bool better = (d.quantity && !cur.quantity) ||
                        (d.quantity.has_value() == cur.quantity.has_value() &&
                         (d.level < cur.level || (d.level == cur.level && d.confidence > cur.confidence)));
    if (better) cur = std::move(d);
  }
  std::vector<Demand> out;
  for (auto& [key, d] : best) out.push_back(std::move(d));
  return out;
}

}  // namespace passend
