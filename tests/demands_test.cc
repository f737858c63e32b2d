#include <gtest/gtest.h>

#include <ostream>

#include "normalizer/demands.h"
#include "tests/test_util.h"

namespace passend {
namespace {

struct DemandCase {
  const char* text;
  std::vector<std::string> must;      // "ITEM:LEVEL" that must be found
  std::vector<std::string> must_not;  // "ITEM:LEVEL" (or "ITEM:*") that must not
};

// Readable test names in ctest and gtest output.
void PrintTo(const DemandCase& c, std::ostream* os) { *os << c.text; }

std::vector<std::string> Found(const char* text) {
  std::vector<std::string> out;
  for (const Demand& d : MergeDemands(test::Lexicon().Extract(FoldedText(text)), test::Schema())) {
    out.push_back(d.item + ":" + std::to_string(d.level));
  }
  return out;
}

class DemandTest : public testing::TestWithParam<DemandCase> {};

TEST_P(DemandTest, FindsStatedLoadsAndRespectsNegation) {
  const auto found = Found(GetParam().text);
  for (const auto& m : GetParam().must) {
    EXPECT_NE(std::find(found.begin(), found.end(), m), found.end()) << GetParam().text << " should have " << m;
  }
  for (const auto& m : GetParam().must_not) {
    const bool any = m.back() == '*';
    const std::string prefix = any ? m.substr(0, m.size() - 1) : m;
    for (const auto& f : found) {
      EXPECT_FALSE(any ? f.rfind(prefix, 0) == 0 : f == m) << GetParam().text << " should not have " << f;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Phrases, DemandTest,
    testing::Values(
        DemandCase{"Je werkt in een 3-ploegendienst.", {"VI.etmaal:2", "VI.etmaal:1"}, {}},
        DemandCase{"Werktijden: 2-ploegendienst (06-14 / 14-22).", {"VI.etmaal:1"}, {"VI.etmaal:2"}},
        DemandCase{"Geen nachtdiensten, wel weekenden.", {}, {"VI.etmaal:*"}},
        DemandCase{"Vaste nachtdiensten in de zorg.", {"VI.etmaal:2"}, {}},
        DemandCase{"Slaapdiensten horen erbij.", {"VI.etmaal:2"}, {}},
        DemandCase{"Tillen tot 25 kg.", {"IV.tillen:0"}, {}},
        DemandCase{"Je tilt dozen van max. 10 kg.", {"IV.tillen:1"}, {}},
        DemandCase{"Lichte pakketjes tot 5 kilo.", {"IV.tillen:2"}, {}},
        DemandCase{"Je draagt kratten van 12 kg.", {"IV.dragen:0"}, {"IV.tillen:*"}},
        DemandCase{"Binnen 20 kilometer van huis.", {}, {"IV.tillen:*", "IV.dragen:*"}},
        DemandCase{"Staand werk, de hele dag op de been.", {"V.staan_werk:0"}, {}},
        DemandCase{"Rijbewijs CE en code 95 vereist.", {"II.beroepsvervoer:0"}, {}},
        DemandCase{"Werken in de vriescel (-25 graden).", {"III.temperatuur:2"}, {}},
        DemandCase{"Hoog werktempo en productienormen.", {"I.voorwaarden:5"}, {}},
        DemandCase{"Je staat klanten te woord aan de balie.", {"II.voorwaarden:1"}, {}},
        DemandCase{"Je geeft leiding aan 12 medewerkers (leidinggevende rol).", {"II.voorwaarden:5"}, {}},
        DemandCase{"Werken op hoogte en op steigers.", {"IV.klimmen:0"}, {}},
        DemandCase{"Rustig kantoorwerk zonder deadlines.", {}, {"I.voorwaarden:4"}},
        DemandCase{"Diensten van 12 uur.", {"VI.uren_dag:0"}, {}}));

TEST(DemandTest, ProvenanceNamesThePhraseAndOffset) {
  const std::string text = "Over ons. Je werkt in nachtdiensten.";
  const auto demands = test::Lexicon().Extract(FoldedText(text));
  ASSERT_FALSE(demands.empty());
  const Demand& d = demands.front();
  EXPECT_EQ(d.phrase, "nachtdienst");
  EXPECT_EQ(text.substr(static_cast<size_t>(d.offset), 11), "nachtdienst");
  EXPECT_GE(d.confidence, 0.9);
}

TEST(DemandTest, LevelForQuantityUsesTheFmlTable) {
  const FmlItem& tillen = *test::Schema().Find("IV.tillen");
  EXPECT_EQ(LevelForQuantity(tillen, 25), 0);
  EXPECT_EQ(LevelForQuantity(tillen, 15), 0);
  EXPECT_EQ(LevelForQuantity(tillen, 10), 1);
  EXPECT_EQ(LevelForQuantity(tillen, 4), 2);
  EXPECT_EQ(LevelForQuantity(tillen, 1), 3);
}

TEST(DemandLexiconTest, UnknownItemInLexiconIsAnError) {
  auto lex = DemandLexicon::Parse(R"({"rules": [{"phrases": ["x"], "confidence": 0.9,
                                     "demands": [{"item": "IV.vliegen", "level": 0}]}]})", "lex.json", test::Schema());
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("unknown FML key IV.vliegen"), std::string::npos);
}

}  // namespace
}  // namespace passend
