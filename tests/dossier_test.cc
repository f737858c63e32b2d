// The dossier report: weeks, offered vacancies as judged then, events, and empty weeks.
#include <gtest/gtest.h>

#include "common/text.h"
#include "dossier/dossier.h"
#include "tests/test_util.h"

namespace passend {
namespace {

class DossierTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::MakeTempDir("dossier");
    store_.emplace(std::move(*Store::Open(dir_ + "/p.db")));
    ASSERT_TRUE(store_->AddCandidate({"anna", "", "{}", ""}, "jan").ok());
    AlertItem hostile{"v1", 1, "passend_met_aandachtspunten", 0.7, 24.6, 1.046, "=HYPERLINK(\"x\");<script>",
                      "Bakkerij \"De Korrel\"", "Utrecht", "https://voorbeeld.invalid/v1", {"Uren: 24-36 uur", "Tillen"}};
    AlertItem plain{"v2", 2, "passend", 0.6, std::nullopt, std::nullopt, "Planner", "", "", "", {}};
    ASSERT_TRUE(store_->BeginAlert({"anna", "2026-W47", AlertStatus::kPending, "m@p", "2026-11-16", {hostile, plain}}).ok());
    ASSERT_TRUE(store_->CompleteAlert("anna", "2026-W47").ok());
    ASSERT_TRUE(store_->RecordEmptyAlert("anna", "2026-W48", "2026-11-23").ok());
    ASSERT_TRUE(store_->AddDossierEvent({"anna", "applied", "2026-11-18", "v1", "mail", "cv; brief", "jan", ""}).ok());
    ASSERT_TRUE(store_->AddDossierEvent({"anna", "rejected", "2026-11-25", "v1", "", "", "jan", ""}).ok());
  }

  DossierReport Build(const std::string& from, const std::string& to) {
    auto r = BuildDossierReport(*store_, "anna", *ParseIsoDate(from), *ParseIsoDate(to), "jan");
    EXPECT_TRUE(r.ok()) << r.status().message();
    r->candidate_name = "Anna de Vries";
    return *r;
  }

  std::string dir_;
  std::optional<Store> store_;
};

TEST_F(DossierTest, WeeksCarryOfferedVacanciesEventsAndTheReasonForEmptyWeeks) {
  const DossierReport r = Build("2026-11-16", "2026-12-06");
  ASSERT_EQ(r.weeks.size(), 3u);
  EXPECT_EQ(r.weeks[0].week, "2026-W47");
  EXPECT_EQ(r.weeks[0].offered.size(), 2u);
  EXPECT_EQ(r.weeks[0].events.size(), 1u);
  EXPECT_EQ(r.weeks[1].alert, AlertStatus::kEmpty);
  EXPECT_EQ(r.weeks[1].events[0].kind, "rejected");
  EXPECT_FALSE(r.weeks[2].alert.has_value());
  EXPECT_FALSE(BuildDossierReport(*store_, "anna", *ParseIsoDate("2026-12-01"), *ParseIsoDate("2026-11-01"), "jan").ok());
}

TEST_F(DossierTest, HtmlEscapesVacancyTextAndSaysWhyAWeekWasEmpty) {
  const std::string html = RenderDossierHtml(Build("2026-11-16", "2026-12-06"));
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("@page{size:A4"), std::string::npos);
  EXPECT_NE(html.find("passend, met aandachtspunten</td><td>Uren: 24-36 uur; Tillen</td><td class=\"nw\">25 min</td><td>105%"),
            std::string::npos);
  EXPECT_NE(html.find("Geen nieuwe passende vacature gevonden binnen de mogelijkheden."), std::string::npos);
  EXPECT_NE(html.find("meldingen stonden uit of de wekelijkse run is niet gedraaid"), std::string::npos);
  EXPECT_NE(html.find("<td>gesolliciteerd</td>"), std::string::npos);
  EXPECT_NE(html.find("3 weken, 2 vacatures aangeboden, 2 acties vastgelegd, 2 weken zonder aangeboden vacature."),
            std::string::npos);
}

TEST_F(DossierTest, CsvQuotesAndDefusesFormulas) {
  const std::string csv = RenderDossierCsv(Build("2026-11-16", "2026-11-22"));
  const std::string header = "week;datum;soort;vacature;werkgever;plaats;oordeel_fml;aandachtspunten;reistijd_min;"
                             "loon_maatmanloon_pct;kanaal;toelichting;link\r\n";
  EXPECT_EQ(csv.rfind(header, 0), 0u);
  EXPECT_NE(csv.find("2026-W47;2026-11-16;aangeboden;\"'=HYPERLINK(\"\"x\"\");<script>\";\"Bakkerij \"\"De Korrel\"\"\";"
                     "Utrecht;passend, met aandachtspunten;"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(";25;105;vacaturemelding;;https://voorbeeld.invalid/v1\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("2026-W47;2026-11-18;gesolliciteerd;"), std::string::npos);
  EXPECT_NE(csv.find(";mail;\"cv; brief\";"), std::string::npos) << csv;
}

}  // namespace
}  // namespace passend
