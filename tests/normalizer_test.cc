#include <gtest/gtest.h>

#include <ostream>

#include "normalizer/extract.h"
#include "normalizer/html_text.h"
#include "tests/test_util.h"

namespace passend {
namespace {

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

}  // namespace
}  // namespace passend
