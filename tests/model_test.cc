#include <gtest/gtest.h>

#include <ostream>

#include <filesystem>

#include "model/display.h"
#include "model/json_io.h"
#include "model/vacancy_record.h"
#include "tests/test_util.h"
#include "tools/passend/cli.h"

namespace passend {
namespace {

constexpr const char* kValid = R"({
  "id": "jan", "name": "Jan", "email": "jan@voorbeeld.invalid",
  "fml": {"IV.tillen": 1, "VI.etmaal": [1, 2], "II.voorwaarden": {"codes": [5], "note": "geen leiding"}},
  "maatmanloon": {"amount": 2800, "period": "maand", "hours_per_week": 38},
  "home": {"place": "Utrecht"}, "travel": {"max_minutes": 45}
})";

// Replaces the first occurrence of `from` in the valid profile.
std::string Variant(const std::string& from, const std::string& to) {
  std::string s = kValid;
  s.replace(s.find(from), from.size(), to);
  return s;
}

TEST(CandidateJsonTest, ReadsAValidProfile) {
  auto c = CandidateFromJsonText(kValid, "jan.json", test::Schema());
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->fml.at("IV.tillen").MaxLevel(), 1);
  EXPECT_TRUE(c->fml.at("VI.etmaal").HasCode(2));
  EXPECT_EQ(c->fml.at("II.voorwaarden").note, "geen leiding");
  EXPECT_DOUBLE_EQ(c->wage_floor_ratio, 0.65);
  EXPECT_NEAR(c->maatmanloon.Hourly(), 2800 * 12.0 / 52 / 38, 1e-9);
}

struct BadCase {
  const char* from;
  const char* to;
  const char* error;  // expected message (exact)
};

// Readable test names in ctest and gtest output.
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.to; }

class CandidateErrorTest : public testing::TestWithParam<BadCase> {};

TEST_P(CandidateErrorTest, OneClearLineNamingFileRecordAndField) {
  auto c = CandidateFromJsonText(Variant(GetParam().from, GetParam().to), "jan.json", test::Schema());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message(), GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Fields, CandidateErrorTest,
    testing::Values(
        BadCase{"\"IV.tillen\": 1", "\"IV.optillen\": 1",
                "jan.json: candidate jan: fml.IV.optillen: unknown FML item key (see data/fml/items.json)"},
        BadCase{"\"IV.tillen\": 1", "\"IV.tillen\": 7", "jan.json: candidate jan: fml.IV.tillen: unknown level 7 (valid: 0, 1, 2, 3)"},
        BadCase{"\"IV.tillen\": 1", "\"IV.tillen\": \"zwaar\"", "jan.json: candidate jan: fml.IV.tillen: expected a whole-number level"},
        BadCase{"\"amount\": 2800", "\"amount\": 0", "jan.json: candidate jan: maatmanloon.amount: must be more than 0"},
        BadCase{"\"amount\": 2800", "\"amount\": \"2800\"", "jan.json: candidate jan: maatmanloon.amount: expected a number"},
        BadCase{"\"max_minutes\": 45", "\"max_minutes\": -5", "jan.json: candidate jan: travel.max_minutes: must be more than 0"},
        BadCase{"\"place\": \"Utrecht\"", "\"plaats\": \"Utrecht\"",
                "jan.json: candidate jan: home.place: missing: give a place, a postcode or lat/lon"},
        BadCase{"\"jan@voorbeeld.invalid\"", "\"jan-at-voorbeeld\"", "jan.json: candidate jan: email: not an e-mail address"},
        BadCase{"\"name\": \"Jan\",", "", "jan.json: candidate jan: name: missing (required)"}));

TEST(CandidateJsonTest, NotJsonNamesTheFile) {
  auto c = CandidateFromJsonText("{ kapot", "kapot.json", test::Schema());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message().rfind("kapot.json: invalid JSON at byte", 0), 0u);
}

TEST(CandidateJsonTest, RoundTrip) {
  auto c = CandidateFromJsonText(kValid, "jan.json", test::Schema());
  ASSERT_TRUE(c.ok());
  auto again = CandidateFromJsonText(CandidateToJson(*c), "again.json", test::Schema());
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->fml.at("VI.etmaal").levels, (std::vector<int>{1, 2}));
  EXPECT_EQ(again->maatmanloon.amount, 2800);
}

TEST(CandidateJsonTest, EveryBundledCandidateLoadsAndResolvesHome) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(test::DataDir() + "/candidates")) {
    auto c = CandidateFromJsonText(test::ReadText(e.path().string()), e.path().string(), test::Schema());
    ASSERT_TRUE(c.ok()) << c.status().message();
    EXPECT_NE(test::Places().Find(c->home.place), nullptr) << c->home.place;
    ++n;
  }
  EXPECT_GE(n, 6);
}

TEST(VacancyJsonTest, RoundTripKeepsDemandsAndSalary) {
  Vacancy v;
  v.key = "abc";
  v.title = "Orderpicker";
  v.salary.hourly_min = 15.5;
  v.salary.period = "uur";
  v.demands.push_back({"IV.tillen", 0, 25.0, "text", "tillen tot 25 kg", 12, 0.9});
  auto back = VacancyFromJsonText(VacancyToJson(v), "v");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->demands.size(), 1u);
  EXPECT_EQ(back->demands[0].quantity, 25.0);
  EXPECT_EQ(back->demands[0].offset, 12);
  EXPECT_EQ(back->salary.hourly_min, 15.5);
}

TEST(VacancyJsonTest, MissingTitleIsRejected) {
  auto v = VacancyFromJsonText(R"({"key": "x"})", "vacatures.jsonl:3");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().message(), "vacatures.jsonl:3: title: missing (required)");
}

namespace {

// Every field set, none to its default, so a field the record forgets shows.
Vacancy EveryFieldSet() {
  Vacancy v;
  v.key = "7dfeabc9e4ff6ea0";
  v.sources = {{"bron-1", "https://a.invalid/1", "1"}, {"bron-2", "https://b.invalid/2", ""}};
  v.title = "Vrachtwagenchauffeur (m/v/x)";
  v.employer = "Transport | Zoon";
  v.description = std::string("Je rijdt ritten.\0 Tillen tot 23 kg.", 34);
  v.location = {"Den Haag", "2511 AB", "Den Haag", "Zuid-Holland", 52.07667, 4.29861, true, true};
  v.more_locations = {{"Delft", "", "Delft", "Zuid-Holland", std::nullopt, 4.36, false, true}};
  v.occupation = {"vrachtwagenchauffeur", "Vrachtwagenchauffeur", "8332", 0.9, "chauffeur", true};
  v.salary = {2500.0, 3100.5, "maand", 15.18, 18.83, 2500.0, 3100.5, 38.0, true, "€ 2.500 - € 3.100,50", "schaal 6"};
  v.hours = {24.0, std::nullopt, "vanaf 24 uur"};
  v.contract = "tijdelijk_uitzicht_vast";
  v.structural = false;
  v.education = "mbo2";
  v.education_soft = true;
  v.date_posted = "2026-10-03";
  v.valid_through = "2026-12-05";
  v.first_seen = "2026-11-23";
  v.demands = {{"IV.tillen", 0, 23.0, "text", "tot 23 kg", 202, 0.9}, {"VI.etmaal", -2, std::nullopt, "occupation", "", -1, 0.4}};
  v.notes = {"salaris per maand omgerekend", ""};
  return v;
}

}  // namespace

TEST(VacancyRecordTest, RoundTripKeepsEveryFieldExactly) {
  const Vacancy v = EveryFieldSet();
  const std::string record = EncodeVacancyRecord(v);
  auto back = DecodeVacancyRecord(record, "doc 1");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(VacancyToJson(*back), VacancyToJson(v));
  EXPECT_EQ(EncodeVacancyRecord(*back), record);
  EXPECT_EQ(back->description, v.description);  // with its NUL byte
  EXPECT_EQ(back->location.lat, 52.07667);
  EXPECT_FALSE(back->more_locations[0].lat.has_value());
  EXPECT_EQ(back->structural, std::optional<bool>(false));
  EXPECT_EQ(back->demands[1].level, -2);
  EXPECT_LT(record.size(), VacancyToJson(v).size());
}

// The matcher decodes hundreds of records into one Vacancy: nothing of the one before may stay.
TEST(VacancyRecordTest, DecodingIntoAUsedVacancyLeavesNothingOfTheOneBefore) {
  const Vacancy full = EveryFieldSet();
  Vacancy sparse;
  sparse.key = "0000000000000001";
  sparse.title = "Schoonmaker";
  const std::string sparse_record = EncodeVacancyRecord(sparse);

  Vacancy reused = full;
  ASSERT_TRUE(DecodeVacancyRecordInto(sparse_record, "doc 2", &reused).ok());
  EXPECT_EQ(EncodeVacancyRecord(reused), sparse_record);
  EXPECT_EQ(VacancyToJson(reused), VacancyToJson(sparse));
  EXPECT_TRUE(reused.sources.empty());
  EXPECT_FALSE(reused.location.lat.has_value());
  EXPECT_FALSE(reused.structural.has_value());

  ASSERT_TRUE(DecodeVacancyRecordInto(EncodeVacancyRecord(full), "doc 1", &reused).ok());
  EXPECT_EQ(VacancyToJson(reused), VacancyToJson(full));
}

TEST(VacancyRecordTest, EveryCutIsAnErrorNamingTheDocument) {
  const std::string record = EncodeVacancyRecord(EveryFieldSet());
  for (size_t n = 0; n < record.size(); ++n) {
    auto back = DecodeVacancyRecord(std::string_view(record).substr(0, n), "index document 7");
    ASSERT_FALSE(back.ok()) << "cut at " << n;
    EXPECT_EQ(back.status().message().rfind("index document 7: vacancy record", 0), 0u) << back.status().message();
  }
  auto longer = DecodeVacancyRecord(record + "x", "index document 7");
  ASSERT_FALSE(longer.ok());
  EXPECT_EQ(longer.status().message(), "index document 7: vacancy record: cut short or damaged (" +
                                           std::to_string(record.size() + 1) + " bytes)");
}

TEST(VacancyRecordTest, AnotherVersionIsNamed) {
  std::string record = EncodeVacancyRecord(EveryFieldSet());
  record[0] = 9;
  auto back = DecodeVacancyRecord(record, "index document 7");
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.status().message(), "index document 7: vacancy record of version 9, expected 1");
}

TEST(DisplayTest, SalaryAndHoursInDutch) {
  Salary monthly;
  monthly.period = "maand";
  monthly.min = 2650;
  monthly.max = 3150;
  monthly.hourly_min = 16.1;
  EXPECT_EQ(FormatSalary(monthly), "\xE2\x82\xAC 2.650 - \xE2\x82\xAC 3.150 bruto per maand");
  Salary hourly;
  hourly.period = "uur";
  hourly.min = hourly.hourly_min = 14.71;
  EXPECT_EQ(FormatSalary(hourly), "vanaf \xE2\x82\xAC 14,71 bruto per uur");
  EXPECT_EQ(FormatSalary(Salary()), "");
  EXPECT_EQ(FormatHours({24.0, 32.0, ""}), "24-32 uur per week");
  EXPECT_EQ(FormatHours({std::nullopt, 36.0, ""}), "tot 36 uur per week");
  EXPECT_EQ(FormatHours({}), "");
  EXPECT_EQ(GroupThousands(1234567), "1.234.567");
  EXPECT_EQ(DecimalComma(16.5), "16,50");
}

TEST(FmlSchemaTest, HasEveryRubriekAndLevelValues) {
  const FmlSchema& s = test::Schema();
  EXPECT_GE(s.items().size(), 50u);
  for (const char* key : {"I.voorwaarden", "II.beroepsvervoer", "III.temperatuur", "IV.tillen", "V.staan_werk",
                          "VI.etmaal", "VI.uren_week"}) {
    EXPECT_NE(s.Find(key), nullptr) << key;
  }
  EXPECT_EQ(s.Find("IV.tillen")->FindLevel(1)->value, 10.0);
  EXPECT_EQ(s.Find("VI.etmaal")->kind, FmlKind::kCodes);
}

TEST(FmlSchemaTest, DuplicateKeyIsAnError) {
  auto s = FmlSchema::Parse(R"({"items": [{"key": "A.x", "name": "x", "kind": "graded", "levels": []},
                                          {"key": "A.x", "name": "x", "kind": "graded", "levels": []}]})", "t.json");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "t.json: items: duplicate key A.x");
}

}  // namespace
}  // namespace passend
