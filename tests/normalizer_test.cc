#include <gtest/gtest.h>

#include <ostream>

#include "normalizer/extract.h"
#include "normalizer/html_text.h"
#include "normalizer/phrase_matcher.h"
#include "normalizer/raw_json.h"
#include "tests/test_util.h"

namespace passend {
namespace {

// A posting from the "test" source, as an adapter would hand it over.
RawPosting Posting(std::string title, std::string description, std::string place = "") {
  RawPosting raw;
  raw.source = "test";
  raw.title = std::move(title);
  raw.description = std::move(description);
  raw.place = std::move(place);
  return raw;
}

struct SalaryCase {
  const char* text;
  std::optional<double> min, max;
  const char* period;
};

// Readable test names in ctest and gtest output.
void PrintTo(const SalaryCase& c, std::ostream* os) { *os << c.text; }

class SalaryTextTest : public testing::TestWithParam<SalaryCase> {};

TEST_P(SalaryTextTest, ReadsDutchSalaryPhrases) {
  const SalaryCase& c = GetParam();
  const Salary s = ExtractSalary({}, FoldedText(c.text));
  EXPECT_EQ(s.min, c.min) << c.text;
  EXPECT_EQ(s.max, c.max) << c.text;
  EXPECT_EQ(s.period, c.period) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Phrases, SalaryTextTest,
    testing::Values(
        SalaryCase{"€ 2.500 - € 3.200 bruto per maand", 2500, 3200, "maand"},
        SalaryCase{"tussen € 4.238,- en € 6.635,- bruto per maand (o.b.v. 40 uur)", 4238, 6635, "maand"},
        SalaryCase{"€ 16,50 bruto per uur", 16.5, 16.5, "uur"},
        SalaryCase{"vanaf €14,71 per uur", 14.71, std::nullopt, "uur"},
        SalaryCase{"tot €48.000 per jaar", std::nullopt, 48000, "jaar"},
        SalaryCase{"€ 2.450 tot € 2.900 bruto p/m", 2450, 2900, "maand"},
        SalaryCase{"Salaris: € 3k per maand", 3000, 3000, "maand"},
        // Traps: not a salary, or not one we may state with confidence.
        SalaryCase{"Je krijgt € 1.000 opleidingsbudget per jaar", std::nullopt, std::nullopt, ""},
        SalaryCase{"Uurtarief €90 all-in", std::nullopt, std::nullopt, ""},
        SalaryCase{"Salaris marktconform, tot 36 uur per week", std::nullopt, std::nullopt, ""},
        SalaryCase{"Een team van 10-15 collega's", std::nullopt, std::nullopt, ""},
        SalaryCase{"Salaris €16,500", std::nullopt, std::nullopt, ""},  // 16.50 an hour or 16,500?
        SalaryCase{"€ 1 per maand", std::nullopt, std::nullopt, ""}));

TEST(SalaryTest, StructuredFieldsWinAndConvertToHourly) {
  SalaryFields f;
  f.min = "2650";
  f.max = "3450";
  f.period = "month";
  Salary s = ExtractSalary(f, FoldedText("€ 10 per uur"));
  ConvertSalary(&s, 36);
  EXPECT_EQ(s.period, "maand");
  EXPECT_NEAR(*s.hourly_min, 2650 / (36 * 52.0 / 12), 0.01);
  EXPECT_EQ(s.hours_basis, 36);
  EXPECT_FALSE(s.hours_assumed);
}

TEST(SalaryTest, MonthlyWithoutHoursAssumesANormAndSaysSo) {
  Salary s = ExtractSalary({}, FoldedText("€ 3.000 bruto per maand"));
  ConvertSalary(&s, std::nullopt);
  EXPECT_TRUE(s.hours_assumed);
  EXPECT_EQ(s.hours_basis, 38);
  EXPECT_NEAR(*s.hourly_max, 3000 / (38 * 52.0 / 12), 0.01);
}

TEST(SalaryTest, OtherCurrencyIsUnknown) {
  SalaryFields f;
  f.min = "60000";
  f.period = "year";
  f.currency = "USD";
  EXPECT_FALSE(ExtractSalary(f, FoldedText("")).known());
  EXPECT_FALSE(ExtractSalary(f, FoldedText("")).min.has_value());
}

struct PayScaleCase {
  std::string text, scale;
};
class PayScaleTest : public ::testing::TestWithParam<PayScaleCase> {};

TEST_P(PayScaleTest, KeepsTheNamedScaleAndCao) {
  const std::string& text = GetParam().text;
  EXPECT_EQ(ExtractPayScale(FoldedText(text), text), GetParam().scale) << text;
}

INSTANTIATE_TEST_SUITE_P(
    DutchScales, PayScaleTest,
    ::testing::Values(PayScaleCase{"Salaris: schaal 8 CAO Gemeenten. 36 uur.", "schaal 8 (cao Gemeenten)"},
                      PayScaleCase{"Inschaling in FWG 45.", "FWG 45"},
                      PayScaleCase{"Volgens de cao VO, schaal LB.", "schaal LB (cao VO)"},
                      PayScaleCase{"Salarisschaal 10 - 11 Rijk.", "salarisschaal 10-11 (cao Rijk)"},
                      PayScaleCase{"functiegroep 5 of 6 van de cao Sociaal Werk en meer", "functiegroep 5-6 (cao Sociaal Werk)"},
                      PayScaleCase{"Wij werken op grote schaal. De cao Metaal geldt.", ""},
                      PayScaleCase{"Een schaalbaar platform, schaal 1:100 modellen.", ""},
                      PayScaleCase{"Schaal 7. Wij volgen de cao Jeugdzorg.", "schaal 7"}));

struct HoursCase {
  const char* text;
  std::optional<double> min, max;
};

// Readable test names in ctest and gtest output.
void PrintTo(const HoursCase& c, std::ostream* os) { *os << c.text; }

class HoursTest : public testing::TestWithParam<HoursCase> {};

TEST_P(HoursTest, ReadsHoursPerWeek) {
  const Hours h = ExtractHours(FoldedText(GetParam().text));
  EXPECT_EQ(h.min, GetParam().min) << GetParam().text;
  EXPECT_EQ(h.max, GetParam().max) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Phrases, HoursTest,
    testing::Values(HoursCase{"32-40 uur per week", 32, 40}, HoursCase{"16 tot 24 uur per week", 16, 24},
                    HoursCase{"tussen 24 en 32 uur", 24, 32}, HoursCase{"parttime 24 uur", 24, 24},
                    HoursCase{"fulltime (40 uur)", 40, 40}, HoursCase{"tot 36 uur per week", std::nullopt, 36},
                    HoursCase{"minimaal 32 uur", 32, 40}, HoursCase{"werkweek van 4x9", 36, 36},
                    HoursCase{"fulltime baan", 36, 40}, HoursCase{"€ 16,50 per uur", std::nullopt, std::nullopt},
                    HoursCase{"12 uur per dag", std::nullopt, std::nullopt}));

struct ContractCase {
  const char* field;
  const char* text;
  const char* contract;
  std::optional<bool> structural;
};

// Readable test names in ctest and gtest output.
void PrintTo(const ContractCase& c, std::ostream* os) { *os << c.field << "|" << c.text; }

class ContractTest : public testing::TestWithParam<ContractCase> {};

TEST_P(ContractTest, ReadsContractKind) {
  Vacancy v;
  ExtractContract(GetParam().field, FoldedText(GetParam().text), &v);
  EXPECT_EQ(v.contract, GetParam().contract) << GetParam().text;
  EXPECT_EQ(v.structural, GetParam().structural) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, ContractTest,
    testing::Values(ContractCase{"", "Vast contract na proeftijd", "vast", true},
                    ContractCase{"", "Jaarcontract met uitzicht op vast", "tijdelijk_uitzicht_vast", true},
                    ContractCase{"", "Tijdelijk contract voor 7 maanden", "tijdelijk", false},
                    ContractCase{"", "Via uitzendbureau, fase A", "uitzend", false},
                    ContractCase{"", "0-urencontract, oproepbasis", "oproep", false},
                    ContractCase{"", "Freelance, uurtarief in overleg", "zzp", false},
                    ContractCase{"CONTRACTOR", "", "zzp", false},
                    ContractCase{"fulltime_permanent", "", "vast", true},
                    ContractCase{"volunteer", "", "vrijwilligerswerk", false},
                    ContractCase{"FULL_TIME", "Acquisitie via uitzendbureaus wordt niet op prijs gesteld.", "", std::nullopt}));

TEST(EducationTest, LowestNamedLevelAndBareMbo) {
  EXPECT_EQ(ExtractEducation("", FoldedText("Mbo 4 of hbo bouwkunde")), "mbo4");
  EXPECT_EQ(ExtractEducation("", FoldedText("Geen diploma vereist")), "geen");
  EXPECT_EQ(ExtractEducation("", FoldedText("hbo werk- en denkniveau")), "hbo");
  EXPECT_EQ(ExtractEducation("", FoldedText("een afgeronde mbo-opleiding")), "mbo2");
  EXPECT_EQ(ExtractEducation("", FoldedText("ervaring is belangrijker")), "");
}

TEST(HtmlTextTest, DropsScriptsDecodesEntitiesKeepsBlocks) {
  EXPECT_EQ(HtmlToText("<p>Caf&eacute;&nbsp;medewerker</p><script>var x=1;</script><ul><li>tillen</li></ul>"),
            "Caf\xC3\xA9 medewerker\n- tillen");
  EXPECT_EQ(MarkupToText("&lt;p&gt;Wij zoeken &amp;amp; bieden&lt;/p&gt;"), "Wij zoeken & bieden");
}

TEST(NormalizerTest, PostingBecomesAVacancyWithPlaceSalaryAndDemands) {
  RawPosting raw;
  raw.source = "test";
  raw.external_id = "1";
  raw.title = "Orderpicker";
  raw.place = "3439 LM Nieuwegein";
  raw.description = "<p>Nachtdienst, 38 uur per week. Je tilt dozen tot 20 kilo.</p><p>€ 15,80 per uur</p>";
  auto v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->location.place, "Nieuwegein");
  EXPECT_EQ(v->location.postcode, "3439 LM");
  EXPECT_EQ(v->location.province, "Utrecht");
  EXPECT_EQ(v->salary.hourly_min, 15.8);
  EXPECT_EQ(v->hours.max, 38);
  bool night = false, lifting = false;
  for (const Demand& d : v->demands) {
    night = night || (d.item == "VI.etmaal" && d.level == 2);
    lifting = lifting || (d.item == "IV.tillen" && d.quantity == 20.0);
    if (d.evidence == "text") {
      EXPECT_GE(d.offset, 0);
      EXPECT_LT(d.offset, static_cast<int>(v->description.size()));
    } else {
      EXPECT_EQ(d.evidence, "occupation");
      EXPECT_EQ(d.phrase, "beroep: Orderpicker");
      EXPECT_EQ(d.offset, -1);
    }
  }
  EXPECT_TRUE(night);
  EXPECT_TRUE(lifting);
  EXPECT_EQ(v->occupation.key, "orderpicker");
  EXPECT_EQ(v->occupation.isco, "9333");
  EXPECT_TRUE(v->occupation.from_title);
}

TEST(NormalizerTest, MissingTitleNamesSourceRecordAndField) {
  RawPosting raw;
  raw.source = "werkstation";
  raw.external_id = "WS-9";
  raw.title = "  <b></b> ";
  auto v = test::TheNormalizer().Normalize(raw);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().message(), "werkstation: record WS-9: title: missing or empty");
}

TEST(NormalizerTest, RemoteAndUnknownPlaces) {
  RawPosting raw;
  raw.source = "t";
  raw.title = "Thuiswerker";
  raw.place = "Remote";
  auto v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->location.remote);
  EXPECT_FALSE(v->location.lat.has_value());
  raw.place = "Atlantis";
  v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->location.place, "Atlantis");
  EXPECT_FALSE(v->location.lat.has_value());
}

TEST(NormalizerTest, KeyIsStablePerSourceAndId) {
  RawPosting a;
  a.source = "s";
  a.external_id = "1";
  RawPosting b = a;
  b.title = "changed";
  EXPECT_EQ(PostingKey(a), PostingKey(b));
  b.source = "other";
  EXPECT_NE(PostingKey(a), PostingKey(b));
}

TEST(NormalizerTest, InputHashChangesWithEveryFieldAndWithTheTables) {
  RawPosting a;
  a.source = "s";
  a.title = "Monteur";
  const Normalizer& n = test::TheNormalizer();
  EXPECT_EQ(n.InputHash(a), n.InputHash(RawPosting(a)));
  std::vector<std::string RawPosting::*> fields = {
      &RawPosting::source,   &RawPosting::external_id, &RawPosting::url,     &RawPosting::title,
      &RawPosting::employer, &RawPosting::description, &RawPosting::place,   &RawPosting::postcode,
      &RawPosting::region,   &RawPosting::country,     &RawPosting::lat,     &RawPosting::lon,
      &RawPosting::hours,    &RawPosting::employment_type, &RawPosting::education, &RawPosting::date_posted,
      &RawPosting::valid_through};
  for (auto field : fields) {
    RawPosting b = a;
    b.*field += "x";
    EXPECT_NE(n.InputHash(a), n.InputHash(b));
  }
  for (auto field : {&SalaryFields::min, &SalaryFields::max, &SalaryFields::period, &SalaryFields::currency,
                     &SalaryFields::text}) {
    RawPosting b = a;
    b.salary.*field = "1";
    EXPECT_NE(n.InputHash(a), n.InputHash(b));
  }
  RawPosting moved = a;  // the same text in another field is another posting
  moved.employer = moved.title;
  moved.title.clear();
  EXPECT_NE(n.InputHash(a), n.InputHash(moved));
  NormalizerData other = test::TheNormalizerData();
  other.tables_hash += 1;
  EXPECT_NE(n.InputHash(a), Normalizer(other).InputHash(a));
}

}  // namespace
}  // namespace passend

namespace passend {
namespace {

TEST(PhraseMatcherTest, FindsWholeWordsAndPrefixesLikeFindWord) {
  PhraseMatcher m;
  const std::vector<std::string> phrases = {"nachtdienst*", "ort", "3-ploegendienst*", "'s nachts", "tillen", "til"};
  for (size_t i = 0; i < phrases.size(); ++i) m.Add(phrases[i], static_cast<int>(i));
  m.Build();
  const FoldedText text("je werkt 's nachts in 3-ploegendiensten; nachtdiensten, geen sport. tillen en tilt");
  std::vector<std::string> found;
  m.Scan(text.text(), [&](const PhraseMatcher::Hit& h) { found.push_back(text.text().substr(h.begin, h.size)); });
  EXPECT_EQ(found, (std::vector<std::string>{"'s nachts", "3-ploegendienst", "nachtdienst", "tillen"}));
  for (const std::string& p : phrases) {
    const bool by_find = text.FindWord(p) != std::string::npos;
    bool by_scan = false;
    m.Scan(text.text(), [&](const PhraseMatcher::Hit& h) { by_scan = by_scan || phrases[static_cast<size_t>(h.id)] == p; });
    EXPECT_EQ(by_find, by_scan) << p;
  }
}

TEST(HtmlTextTest, DecodesEntitiesDropsScriptsAndSurvivesSoup) {
  EXPECT_EQ(HtmlToText("<p>Caf&eacute; &amp; co&#128; &euro;&nbsp;15</p><script>x=1</script><ul><li>een</li><li>twee"),
            "Café & co€ € 15\n- een\n- twee");
  EXPECT_EQ(HtmlToText("a < b <<>> &unknown; <!-- c --> d"), "a < b <<>> &unknown; d");
  EXPECT_EQ(HtmlToText(std::string("ok \xff\xfe bad")), "ok \xEF\xBF\xBD\xEF\xBF\xBD bad");
  const std::string huge(1 << 20, '<');
  EXPECT_EQ(HtmlToText(huge).size(), huge.size());  // unterminated markup stays text
}

TEST(NormalizerTest, ImplausibleOrForeignValuesAreUnknownWithANote) {
  RawPosting raw = Posting("Productiemedewerker", "Salaris: € 1 per maand. 200 uur per week.");
  auto v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->salary.known());
  EXPECT_FALSE(v->hours.max.has_value());
  raw.description = "Salary 4000-5000 per month.";
  raw.salary = {"4000", "5000", "MONTH", "USD", ""};
  v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->salary.known());
  ASSERT_EQ(v->notes.size(), 1u);
  EXPECT_EQ(v->notes[0], "salaris in USD opgegeven: niet vergeleken");
  raw.salary = {};
  raw.description = "Zaterdaghulp, € 9,80 per uur.";
  v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->salary.hourly_min, 9.8);
  ASSERT_EQ(v->notes.size(), 1u);
}

TEST(NormalizerTest, ScaleWithoutAmountIsUnknownWithTheScaleNoted) {
  RawPosting raw = Posting("Beleidsmedewerker", "Salaris maximaal schaal 9 cao Gemeenten, 36 uur.");
  auto v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->salary.known());
  EXPECT_EQ(v->salary.scale, "schaal 9 (cao Gemeenten)");
  ASSERT_EQ(v->notes.size(), 1u);
  EXPECT_EQ(v->notes[0], "salaris volgens schaal 9 (cao Gemeenten), zonder bedrag: zoek het bedrag op in de cao");
  raw.description = "Salaris schaal 8: € 3.150 - € 4.537 per maand, 36 uur.";
  v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->salary.monthly_max, 4536.48);
  EXPECT_EQ(v->salary.scale, "schaal 8");
  EXPECT_TRUE(v->notes.empty());
}

TEST(NormalizerTest, OccupationLoadsOnlyWhereTheTextIsSilent) {
  RawPosting raw = Posting("Verzorgende IG", "Je werkt alleen in dagdiensten. Je werkt met tilliften.");
  auto v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  bool lifting = false, etmaal = false;
  for (const Demand& d : v->demands) {
    lifting = lifting || d.item == "IV.tillen";
    etmaal = etmaal || d.item == "VI.etmaal";
  }
  EXPECT_TRUE(lifting);   // the occupation's default: the text does not speak of lifting
  EXPECT_FALSE(etmaal);   // "alleen in dagdiensten" settles evening and night work
}

TEST(NormalizerTest, HybridWorkIsNotedButRemoteIsNotHybrid) {
  RawPosting raw = Posting("Beleidsmedewerker", "Je werkt hybride: 2 dagen thuis, 3 dagen op kantoor.", "Utrecht");
  auto v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->location.hybrid);
  EXPECT_FALSE(v->location.remote);
  raw.place = "Volledig remote";
  v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->location.remote);
  EXPECT_FALSE(v->location.hybrid);
}

TEST(NormalizerTest, WorkAndThinkingLevelIsASoftEducationDemand) {
  auto soft = test::TheNormalizer().Normalize(Posting("Planner", "Je hebt mbo 4 werk- en denkniveau."));
  ASSERT_TRUE(soft.ok());
  EXPECT_EQ(soft->education, "mbo4");
  EXPECT_TRUE(soft->education_soft);
  auto hard = test::TheNormalizer().Normalize(Posting("Planner", "Een afgeronde mbo-4 opleiding is vereist."));
  ASSERT_TRUE(hard.ok());
  EXPECT_EQ(hard->education, "mbo4");
  EXPECT_FALSE(hard->education_soft);
}

TEST(NormalizerTest, SeveralWorkPlacesBecomeMoreLocations) {
  RawPosting raw = Posting("Schoonmaker", "", "regio Utrecht, Amersfoort en Zwolle");
  auto v = test::TheNormalizer().Normalize(raw);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->location.place, "Utrecht");
  ASSERT_EQ(v->more_locations.size(), 2u);
  EXPECT_EQ(v->more_locations[0].place, "Amersfoort");
  EXPECT_EQ(v->more_locations[1].place, "Zwolle");
  EXPECT_TRUE(v->more_locations[1].lat.has_value());
}

TEST(OccupationTableTest, RejectsASynonymListedTwice) {
  const std::string json = R"({"default_confidence": 0.4, "sector_hours": {"x": 40}, "profiles": {},
    "occupations": [{"key": "a", "name": "A", "isco": "1111", "sector": "x", "synonyms": ["kok"]},
                    {"key": "b", "name": "B", "isco": "2222", "sector": "x", "synonyms": ["Kok*"]}]})";
  auto t = OccupationTable::Parse(json, "occ.json", test::Schema());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "occ.json: occupation b: synonym \"Kok*\" is also listed for a");
}

TEST(OccupationTableTest, RejectsAnEmptySynonym) {
  const std::string json = R"({"default_confidence": 0.4, "sector_hours": {"x": 40}, "profiles": {},
    "occupations": [{"key": "a", "name": "A", "isco": "1111", "sector": "x", "synonyms": ["kok", " "]}]})";
  auto t = OccupationTable::Parse(json, "occ.json", test::Schema());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "occ.json: occupation a: synonyms: an empty synonym");
}

TEST(RawPostingJsonTest, ReadsNumbersAsTextAndNamesTheField) {
  auto p = RawPostingFromJson(R"({"title":"Kok","id":7,"salary":{"min":2500,"period":"MONTH"},"hours":38})", "in:1");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->external_id, "7");
  EXPECT_EQ(p->salary.min, "2500");
  EXPECT_EQ(p->hours, "38");
  auto bad = RawPostingFromJson(R"({"title":"Kok","hours":[1]})", "in:2");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "in:2: hours: expected a string or a number");
}

}  // namespace
}  // namespace passend
