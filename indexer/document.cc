#include "indexer/document.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "geo/gazetteer.h"
#include "indexer/duplicates.h"
#include "indexer/index.h"
#include "indexer/schema.h"

namespace passend {
namespace {

constexpr Xapian::termcount kTitleWeight = 3;

// Dutch function words, after the Snowball project's Dutch stop list (shortened), and
// numbers ("40", "16,68", "2.850"): in nearly every vacancy or in almost none, they rank
// nothing, while each cost the writer a posting (17 of a vacancy's 73 on the bench set).
class DutchStopper : public Xapian::Stopper {
 public:
  bool operator()(const std::string& word) const override {
    if (std::all_of(word.begin(), word.end(),
                    [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; })) {
      return true;
    }
    return std::binary_search(std::begin(kWords), std::end(kWords), word);
  }

 private:
  static constexpr std::string_view kWords[] = {
      "aan",  "al",     "als",    "ben",   "bent",  "bij",   "daar",   "dan",  "dat",  "de",
      "deze", "die",    "dit",    "door",  "dus",   "een",   "en",     "er",   "geen", "haar",
      "had",  "heb",    "hebben", "heeft", "hem",   "het",   "hier",   "hij",  "hoe",  "hun",
      "ik",   "in",     "is",     "je",    "jij",   "jouw",  "jullie", "kan",  "kon",  "maar",
      "me",   "meer",   "met",    "mij",   "mijn",  "moet",  "na",     "naar", "niet", "niets",
      "nog",  "nu",     "of",     "om",    "omdat", "onder", "ons",    "onze", "ook",  "op",
      "over", "te",     "tegen",  "toen",  "tot",   "u",     "uit",    "uw",   "van",  "veel",
      "voor", "waar",   "want",   "waren", "was",   "wat",   "we",     "werd", "wie",  "wij",
      "wil",  "worden", "wordt",  "zal",   "ze",    "zich",  "zij",    "zijn", "zo",   "zonder",
      "zou"};
  static_assert(std::is_sorted(std::begin(kWords), std::end(kWords)));
};

const DutchStopper kStopper;

void ConfigureTermGenerator(Xapian::TermGenerator& tg) {
  tg.set_stemmer(Xapian::Stem("dutch"));
  // Stemmed terms only: the matcher's queries are stemmed the same way (matcher/query.cc),
  // and unstemmed copies would double the postings a vacancy writes.
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  // Skipped in the index and in the matcher's phrases alike (TextTerms).
  tg.set_stopper(&kStopper);
  tg.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
}

void AddText(Xapian::Document& doc, const Vacancy& v) {
  Xapian::TermGenerator tg;
  ConfigureTermGenerator(tg);
  tg.set_document(doc);
  // No positions: Passend runs no phrase queries, and they would double the index.
  tg.index_text_without_positions(v.title, 1, schema::kTitlePrefix);
  tg.index_text_without_positions(v.title, kTitleWeight);
  tg.index_text_without_positions(v.description);
}

void AddFilterTerms(Xapian::Document& doc, const Vacancy& v) {
  using namespace schema;
  doc.add_boolean_term(kIdPrefix + v.key);
  const Location& loc = v.location;
  if (loc.remote) doc.add_boolean_term(kRemoteTerm);
  if (loc.lat && loc.lon) {
    for (const std::string& cell : GeoCellsOf(*loc.lat, *loc.lon)) doc.add_boolean_term(kCellPrefix + cell);
  } else if (!loc.remote) {
    doc.add_boolean_term(kNoCellTerm);
  }
  doc.add_boolean_term(kContractPrefix + (v.contract.empty() ? std::string("onbekend") : v.contract));
  for (const Demand& d : v.demands) {
    if (d.evidence == "text" && d.confidence >= kFirmDemandConfidence) {
      doc.add_boolean_term(DemandTerm(d.item, d.level));
    }
  }
  // A weighted term (wdf 1), so a target occupation under another name ranks; only when the
  // title named it, since a description may mention several occupations.
  if (!v.occupation.key.empty() && v.occupation.from_title) doc.add_term(kOccupationPrefix + v.occupation.key, 1);
  if (const auto wage = v.salary.hourly_max ? v.salary.hourly_max : v.salary.hourly_min) {
    const int* above = std::upper_bound(std::begin(kWageThresholds), std::end(kWageThresholds), *wage);
    if (above != std::end(kWageThresholds)) doc.add_boolean_term(kWageBelowPrefix + std::to_string(*above));
  } else {
    doc.add_boolean_term(kWageUnknownTerm);
  }
  if (const auto hours = v.hours.min ? v.hours.min : v.hours.max) {
    const int* below = std::lower_bound(std::begin(kHoursThresholds), std::end(kHoursThresholds), *hours);
    if (below != std::begin(kHoursThresholds)) doc.add_boolean_term(kHoursAbovePrefix + std::to_string(*(below - 1)));
  } else {
    doc.add_boolean_term(kHoursUnknownTerm);
  }
  if (const auto valid = ParseIsoDate(v.valid_through)) {
    int year = 0, month = 0, day = 0;
    CivilFromDays(*valid, &year, &month, &day);
    doc.add_boolean_term(ValidMonthTerm(year, month));
  } else {
    doc.add_boolean_term(kNoValidThroughTerm);
  }
}

}  // namespace

std::vector<std::string> TextTerms(const std::string& text, const std::string& prefix) {
  Xapian::TermGenerator tg;
  ConfigureTermGenerator(tg);
  Xapian::Document doc;
  tg.set_document(doc);
  tg.index_text_without_positions(text, 1, prefix);
  std::vector<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.push_back(*it);
  return terms;
}

Xapian::Document BuildDocument(const Vacancy& v, const std::string& content_hash, const JobFingerprint& fingerprint) {
  Xapian::Document doc;
  AddText(doc, v);
  AddFilterTerms(doc, v);
  if (auto end = ParseIsoDate(v.valid_through)) doc.add_value(schema::kSlotValidThrough, Xapian::sortable_serialise(*end));
  doc.add_value(schema::kSlotContentHash, content_hash);
  doc.add_value(schema::kSlotFingerprint, fingerprint.Serialize());
  return doc;
}

void FinishDocument(Xapian::Document& doc, Days first_seen, const std::string& job) {
  doc.add_value(schema::kSlotFirstSeen, Xapian::sortable_serialise(first_seen));
  doc.add_boolean_term(schema::FirstSeenTerm(first_seen));
  doc.add_value(schema::kSlotCollapseKey, job);
  doc.add_boolean_term(schema::kJobPrefix + job);
}

}  // namespace passend
