#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/json.h"
#include "common/mapped_file.h"
#include "common/text.h"
#include "geo/gazetteer.h"
#include "tests/test_util.h"

namespace passend {
namespace {

TEST(MappedFileTest, OneMappingPerFileInAProcessUntilItGrowsOrIsReplaced) {
  const std::string path = test::MakeTempDir("mapped") + "/file";
  std::ofstream(path) << "abcd";
  auto first = MapShared(path, 0), again = MapShared(path, 4);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(first->get(), again->get());  // shared while held
  EXPECT_EQ(std::string((*first)->data(), (*first)->size()), "abcd");
  std::ofstream(path, std::ios::app) << "ef";
  auto longer = MapShared(path, 5);
  ASSERT_TRUE(longer.ok());
  EXPECT_NE(longer->get(), first->get());
  EXPECT_EQ(std::string((*longer)->data(), (*longer)->size()), "abcdef");
  EXPECT_EQ(MapShared(path, 0)->get(), longer->get());  // the newest one from now on
  std::ofstream(path + ".new") << "xyz";
  ASSERT_EQ(std::rename((path + ".new").c_str(), path.c_str()), 0);
  auto replaced = MapShared(path, 0);
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(std::string((*replaced)->data(), (*replaced)->size()), "xyz");
  EXPECT_EQ((*MapShared(path + ".absent", 0))->size(), 0u);
}

TEST(TextTest, RepairUtf8ReplacesInvalidBytesOnly) {
  EXPECT_EQ(RepairUtf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(RepairUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(RepairUtf8("\xC3"), "\xEF\xBF\xBD");  // truncated sequence
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));       // UTF-16 surrogate
}

TEST(TextTest, FoldForMatchLowersAccentsDashesAndDropsSoftHyphens) {
  EXPECT_EQ(FoldForMatch("Cli\xC3\xABnten"), "clienten");
  EXPECT_EQ(FoldForMatch("32\xE2\x80\x93" "40 UUR"), "32-40 uur");
  EXPECT_EQ(FoldForMatch("nacht\xC2\xAD" "dienst"), "nachtdienst");
  EXPECT_EQ(FoldForMatch("a\xC2\xA0" "b"), "a b");
}

TEST(TextTest, Latin1ToUtf8) { EXPECT_EQ(Latin1ToUtf8("caf\xE9"), "caf\xC3\xA9"); }

TEST(TextTest, PadRightCountsCharactersNotBytes) {
  EXPECT_EQ(PadRight("Y\xC4\xB1lmaz", 8), "Y\xC4\xB1lmaz  ");
  EXPECT_EQ(PadRight("lang genoeg", 4), "lang genoeg");
}

TEST(TextTest, PlausibleEmail) {
  EXPECT_TRUE(PlausibleEmail("anna.devries@voorbeeld.invalid"));
  EXPECT_FALSE(PlausibleEmail("anna at voorbeeld"));
  EXPECT_FALSE(PlausibleEmail("a@b.nl\r\nBcc: x@y.nl"));
}

TEST(TextTest, StableHashIsStableAndSpreads) {
  EXPECT_EQ(HexId(StableHash64("abc")), HexId(StableHash64("abc")));
  EXPECT_NE(HexId(StableHash64("ws-1001")).substr(0, 4), HexId(StableHash64("ws-1002")).substr(0, 4));
}

struct DateCase {
  const char* text;
  const char* expected;  // "" = not a date
};

// Readable test names in ctest and gtest output.
void PrintTo(const DateCase& c, std::ostream* os) { *os << c.text; }

class FeedDateTest : public testing::TestWithParam<DateCase> {};

TEST_P(FeedDateTest, Parses) {
  const auto d = ParseFeedDate(GetParam().text);
  EXPECT_EQ(d ? FormatDate(*d) : "", GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(Formats, FeedDateTest,
                         testing::Values(DateCase{"2026-11-23", "2026-11-23"},
                                         DateCase{"2026-11-23T10:00:00Z", "2026-11-23"},
                                         DateCase{"2026-11-23T00:30:00+02:00", "2026-11-22"},
                                         DateCase{"2026-11-23 09:41:37 UTC", "2026-11-23"},
                                         DateCase{"Mon, 23 Nov 2026 09:00:00 GMT", "2026-11-23"},
                                         DateCase{"23.11.2026", "2026-11-23"},
                                         DateCase{"23-11-2026", "2026-11-23"},
                                         DateCase{"1795435200000", "2026-11-23"},
                                         DateCase{"2026-02-30", ""}, DateCase{"gisteren", ""},
                                         DateCase{"", ""}));

TEST(DateTest, IsoWeeks) {
  EXPECT_EQ(FormatDate(*ParseIsoWeek("2026-W48")), "2026-11-23");
  EXPECT_EQ(FormatIsoWeek(*ParseIsoDate("2026-11-29")), "2026-W48");
  EXPECT_EQ(FormatIsoWeek(*ParseIsoDate("2027-01-01")), "2026-W53");
  EXPECT_FALSE(ParseIsoWeek("2027-W53"));  // 2027 has 52 weeks
  EXPECT_FALSE(ParseIsoWeek("2026-48"));
}

TEST(JsonTest, FieldReaderNamesFileRecordAndField) {
  auto doc = ParseJson(R"({"home": {"place": 12}})", "kandidaat.json");
  ASSERT_TRUE(doc.ok());
  FieldReader r(*doc, "kandidaat.json: candidate x");
  auto home = r.Object("home");
  ASSERT_TRUE(home.has_value());
  (void)home->String("place");
  EXPECT_EQ(r.status().message(), "kandidaat.json: candidate x: home.place: expected a string");
}

TEST(JsonTest, ParseErrorNamesWhereAndOffset) {
  auto doc = ParseJson("{\"a\": }", "x.json");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("x.json: invalid JSON at byte 6"), std::string::npos);
}

TEST(GazetteerTest, FindsPlacesWithMunicipalityAndProvince) {
  const Place* p = test::Places().Find("den bosch");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->municipality, "'s-Hertogenbosch");
  EXPECT_EQ(p->province, "Noord-Brabant");
  const Place* almere = test::Places().Find("Almere");
  ASSERT_NE(almere, nullptr);
  EXPECT_EQ(almere->province, "Flevoland");
  EXPECT_EQ(test::Places().Find("Atlantis"), nullptr);
}

TEST(GazetteerTest, DistanceUtrechtMaastrichtIsAbout144Km) {
  const Place* u = test::Places().Find("Utrecht");
  const Place* m = test::Places().Find("Maastricht");
  ASSERT_TRUE(u && m);
  EXPECT_NEAR(HaversineKm(u->lat, u->lon, m->lat, m->lon), 144, 3);
}

TEST(GazetteerTest, GeoCellsOfAPlaceNestFromFineToCoarse) {
  EXPECT_EQ(GeoCellsOf(52.09, 5.12), (std::vector<std::string>{"520_34", "b260_17", "c130_8", "d65_4"}));
  // West of Greenwich the columns are negative and still nest (floor, not truncation).
  EXPECT_EQ(GeoCellsOf(51.5, -0.1), (std::vector<std::string>{"515_-1", "b257_-1", "c128_-1", "d64_-1"}));
}

// Every point within the radius lies in exactly one cell of the cover, and every cell of
// the cover touches the circle; coarse cells make the cover much smaller than the fine grid.
TEST(GazetteerTest, GeoCoverHoldsTheCircleOnceWithFewCells) {
  for (double radius : {5.0, 30.0, 60.0}) {
    const std::vector<std::string> cover = GeoCover(52.09, 5.12, radius);
    const std::set<std::string> cells(cover.begin(), cover.end());
    ASSERT_EQ(cells.size(), cover.size()) << radius;
    std::set<std::string> used;
    for (int i = 0; i < 2000; ++i) {  // points on a spiral out to the radius
      const double r = radius * std::sqrt((i + 0.5) / 2000.0), angle = i * 2.399963;
      const double lat = 52.09 + r * std::cos(angle) / 111.2;
      const double lon = 5.12 + r * std::sin(angle) / (111.2 * std::cos(52.09 * 3.14159265 / 180));
      int found = 0;
      for (const std::string& cell : GeoCellsOf(lat, lon)) {
        if (cells.count(cell)) {
          ++found;
          used.insert(cell);
        }
      }
      ASSERT_EQ(found, 1) << "radius " << radius << " point " << lat << "," << lon;
    }
    EXPECT_GT(used.size() * 10, cells.size() * 9) << radius;  // hardly a cell outside the circle
  }
  EXPECT_LE(GeoCover(52.09, 5.12, 60).size(), 70u);  // the fine grid alone needs 121
  // A point 25 km east lies in the cover of a 30 km circle.
  const std::vector<std::string> cover = GeoCover(52.09, 5.12, 30);
  const std::vector<std::string> east = GeoCellsOf(52.09, 5.12 + 25 / (111.2 * 0.614));
  EXPECT_TRUE(std::any_of(east.begin(), east.end(), [&](const std::string& c) {
    return std::find(cover.begin(), cover.end(), c) != cover.end();
  }));
}

}  // namespace
}  // namespace passend
