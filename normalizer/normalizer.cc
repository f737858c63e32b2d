#include "normalizer/normalizer.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "common/date.h"
#include "common/text.h"
#include "normalizer/html_text.h"

namespace passend {
namespace {

constexpr double kNormHours = 38;  // hours basis when neither the text nor an occupation says
constexpr double kMinimumWage = 14.71;  // WML per hour, 21 and older, from 1 January 2026 (DOMAIN.md §3)

// Doubts a coach should see: a wage below the legal minimum, an amount in another currency.
void AddSalaryNotes(const SalaryFields& fields, Vacancy* v) {
  const std::string currency = ToLowerAscii(Trim(fields.currency));
  if (!currency.empty() && currency != "eur" && currency != "euro") {
    v->notes.push_back("salaris in " + std::string(Trim(fields.currency)) + " opgegeven: niet vergeleken");
  }
  if (!v->salary.known() && !v->salary.scale.empty()) {
    v->notes.push_back("salaris volgens " + v->salary.scale + ", zonder bedrag: zoek het bedrag op in de cao");
  }
  if (v->salary.hourly_max && *v->salary.hourly_max < kMinimumWage) {
    v->notes.push_back("salaris onder het wettelijk minimumloon voor 21 jaar en ouder: alleen voor jongeren, of een fout");
  }
}

std::string NormalizeDate(const std::string& s) {
  const auto d = ParseFeedDate(s);
  return d ? FormatDate(*d) : "";
}

// "1234 AB" from a field or the text, when present.
std::string FindPostcode(std::string_view s) {
  for (size_t i = 0; i + 6 <= s.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) continue;
    size_t j = i;
    while (j < s.size() && j < i + 4 && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j != i + 4 || s[i] == '0') continue;
    size_t k = j;
    if (k < s.size() && s[k] == ' ') ++k;
    if (k + 2 > s.size() || !std::isalpha(static_cast<unsigned char>(s[k])) ||
        !std::isalpha(static_cast<unsigned char>(s[k + 1]))) {
      continue;
    }
    if (k + 2 < s.size() && std::isalnum(static_cast<unsigned char>(s[k + 2]))) continue;
    std::string pc = std::string(s.substr(i, 4)) + " " + std::string(s.substr(k, 2));
    for (char& c : pc) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return pc;
  }
  return "";
}

bool MeansRemote(const std::string& folded) {
  return folded.find("remote") != std::string::npos || folded.find("thuiswerk") != std::string::npos ||
         folded.find("vanuit huis") != std::string::npos;
}

// Candidate place names from a location text: "3511 AB Utrecht, Nederland" → "Utrecht".
std::vector<std::string> PlaceCandidates(const std::string& field) {
  std::vector<std::string> out;
  // "Utrecht, Amersfoort en Zwolle", "Breda / Tilburg": several work places.
  std::string separated = field;
  for (std::string_view sep : {" en ", " / ", "/", ";", " of "}) {
    for (size_t p = separated.find(sep); p != std::string::npos; p = separated.find(sep, p + 1)) {
      separated.replace(p, sep.size(), ",");
    }
  }
  for (std::string part : Split(separated, ',')) {
    std::string p(Trim(part));
    for (std::string_view prefix : {"regio ", "Regio ", "omgeving ", "Omgeving "}) {
      if (StartsWith(p, prefix)) p = p.substr(prefix.size());
    }
    const std::string pc = FindPostcode(p);
    if (!pc.empty()) {
      const size_t at = p.find(pc.substr(0, 4));
      p = std::string(Trim(p.substr(at + 7 <= p.size() ? at + 7 : p.size())));
    }
    if (!p.empty()) out.push_back(p);
  }
  return out;
}

}  // namespace

std::string PostingKey(const RawPosting& raw) {
  const std::string& id = !raw.external_id.empty() ? raw.external_id
                          : !raw.url.empty()       ? raw.url
                                                   : raw.title + "|" + raw.employer + "|" + raw.place;
  return HexId(StableHash64(raw.source + "\x1f" + id));
}

uint64_t Normalizer::InputHash(const RawPosting& raw) const {
  static_assert(sizeof(RawPosting) == 22 * sizeof(std::string), "a new RawPosting field must be hashed here");
  std::string all;
  all.reserve(raw.description.size() + 512);
  for (const std::string* f : {&raw.source, &raw.external_id, &raw.url, &raw.title, &raw.employer, &raw.description,
                               &raw.place, &raw.postcode, &raw.region, &raw.country, &raw.lat, &raw.lon,
                               &raw.salary.min, &raw.salary.max, &raw.salary.period, &raw.salary.currency,
                               &raw.salary.text, &raw.hours, &raw.employment_type, &raw.education, &raw.date_posted,
                               &raw.valid_through}) {
    all += *f;
    all += '\x1f';
  }
  return Fmix64(StableHash64(all) ^ Fmix64(data_.tables_hash + kNormalizerRevision));
}

void Normalizer::ResolvePlace(const RawPosting& raw, const FoldedText& text, Location* loc,
                              std::vector<Location>* more_locations) const {
  loc->postcode = FindPostcode(raw.postcode.empty() ? raw.place : raw.postcode);
  const std::string folded_place = FoldForMatch(raw.place);
  loc->remote = MeansRemote(folded_place) ||
                (raw.place.empty() && text.FindWord("volledig remote") != std::string::npos);
  loc->hybrid = !loc->remote && (text.FindWord("hybride") != std::string::npos ||
                                 text.FindWord("deels thuis") != std::string::npos ||
                                 text.FindWord("dagen thuis") != std::string::npos);
  const Place* found = nullptr;
  std::vector<const Place*> more;
  for (const std::string& cand : PlaceCandidates(raw.place)) {
    const Place* p = data_.gazetteer->Find(cand, raw.region);
    if (!p) continue;
    if (!found) {
      found = p;
    } else if (p != found && std::find(more.begin(), more.end(), p) == more.end()) {
      more.push_back(p);
    }
  }
  for (const Place* p : more) {
    Location l;
    l.place = p->name;
    l.municipality = p->municipality;
    l.province = p->province;
    l.lat = p->lat;
    l.lon = p->lon;
    more_locations->push_back(std::move(l));
  }
  if (!found && !raw.region.empty()) found = data_.gazetteer->Find(raw.region);
  if (found) {
    loc->place = found->name;
    loc->municipality = found->municipality;
    loc->province = found->province;
    loc->lat = found->lat;
    loc->lon = found->lon;
  } else if (!loc->remote) {
    loc->place = std::string(Trim(raw.place));
  }
  // Coordinates given by the feed are more precise than a place centre.
  const auto lat = ParseDouble(raw.lat), lon = ParseDouble(raw.lon);
  if (lat && lon && *lat > 50.5 && *lat < 53.7 && *lon > 3.2 && *lon < 7.3) {
    loc->lat = lat;
    loc->lon = lon;
  }
}

StatusOr<Vacancy> Normalizer::Normalize(const RawPosting& raw) const {
  const std::string& id = raw.external_id.empty() ? raw.url : raw.external_id;
  const std::string where = raw.source + (id.empty() ? "" : ": record " + id);
  Vacancy v;
  v.title = CollapseWhitespace(MarkupToText(raw.title));
  if (v.title.empty()) return Status::InvalidArgument(where + ": title: missing or empty");
  v.key = PostingKey(raw);
  v.sources.push_back({raw.source, raw.url, raw.external_id});
  v.employer = CollapseWhitespace(MarkupToText(raw.employer));
  v.description = MarkupToText(raw.description);
  const std::string full_text = v.title + "\n" + v.description;
  const FoldedText text(full_text);
  ResolvePlace(raw, text, &v.location, &v.more_locations);
  v.hours = raw.hours.empty() ? ExtractHours(text) : ParseHoursField(raw.hours);
  const Occupation* occupation = nullptr;
  if (data_.occupations) {
    // The folded text starts with the folded title (titles hold no line breaks).
    const std::string_view folded_title = std::string_view(text.text()).substr(0, text.text().find('\n'));
    if (auto m = data_.occupations->Classify(folded_title, text)) {
      v.occupation = ToRef(*m);
      occupation = m->occupation;
    }
  }
  v.salary = ExtractSalary(raw.salary, text);
  ConvertSalary(&v.salary, v.hours.max, occupation ? occupation->weekly_hours : kNormHours);
  v.salary.scale = ExtractPayScale(FoldedText(raw.salary.text), raw.salary.text);
  if (v.salary.scale.empty()) v.salary.scale = ExtractPayScale(text, full_text);
  AddSalaryNotes(raw.salary, &v);
  ExtractContract(raw.employment_type, text, &v);
  v.education = ExtractEducation(raw.education, text);
  // "mbo werk- en denkniveau" asks a level of thinking, not a diploma (DOMAIN.md §3).
  v.education_soft = !v.education.empty() && text.FindWord("denkniveau") != std::string::npos;
  v.date_posted = NormalizeDate(raw.date_posted);
  v.valid_through = NormalizeDate(raw.valid_through);
  AddDemands(text, v.occupation.from_title ? occupation : nullptr, &v);
  return v;
}

void Normalizer::AddDemands(const FoldedText& text, const Occupation* occupation, Vacancy* v) const {
  std::set<std::string> spoken;
  std::vector<Demand> demands = data_.lexicon->Extract(text, &spoken);
  // Offsets were taken in "title\ndescription": make them offsets in the description.
  const int shift = static_cast<int>(v->title.size() + 1);
  for (Demand& d : demands) d.offset = d.offset >= shift ? d.offset - shift : -1;
  // The occupation's usual loads count, weakly, where the text is silent.
  if (occupation) {
    for (const Demand& d : occupation->loads) {
      if (!spoken.count(d.item)) demands.push_back(d);
    }
  }
  v->demands = MergeDemands(std::move(demands), *data_.schema);
}

}  // namespace passend
