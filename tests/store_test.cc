// The store's candidates, coaches, dossier and audit log, on a real SQLite file.
#include <filesystem>

#include <gtest/gtest.h>

#include "store/store.h"
#include "tests/test_util.h"

namespace passend {
namespace {

const std::string kProfile = R"({"id": "anna", "fml": {"IV.tillen": {"level": 1, "note": "hernia L4-L5, niet tillen"}}})";

class StoreCandidateTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::MakeTempDir("store");
    auto s = Store::Open(dir_ + "/p.db");
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_.emplace(std::move(*s));
  }
  std::string dir_;
  std::optional<Store> store_;
};

TEST_F(StoreCandidateTest, AddReadUpdateAndListWithAnAuditTrail) {
  ASSERT_TRUE(store_->PutCoach({"c1", "Coach Een", "c1@voorbeeld.invalid"}).ok());
  ASSERT_TRUE(store_->AddCandidate({"anna", "c1", kProfile, ""}, "jan").ok());
  EXPECT_EQ(store_->AddCandidate({"anna", "", kProfile, ""}, "jan").message(),
            "candidate anna exists already (use edit)");
  EXPECT_EQ(store_->AddCandidate({"bob", "c9", kProfile, ""}, "jan").message(),
            "coach: no coach with id c9 (add one with passend coach add)");
  EXPECT_FALSE(store_->AddCandidate({"bob", "", "{niet json", ""}, "jan").ok());  // the store checks JSON too
  auto read = store_->ReadCandidate("anna", "els", "show");
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->profile_json, kProfile);
  EXPECT_EQ((*read)->coach_id, "c1");
  ASSERT_TRUE(store_->UpdateCandidate({"anna", "", kProfile, ""}, "els").ok());
  EXPECT_EQ(store_->UpdateCandidate({"nobody", "", kProfile, ""}, "els").code(), StatusCode::kNotFound);
  auto page = store_->ListCandidates("", 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].coach_id, "");
  auto audit = store_->AuditLog("anna");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 3u);
  EXPECT_EQ((*audit)[0].actor + " " + (*audit)[0].action, "jan add");
  EXPECT_EQ((*audit)[1].actor + " " + (*audit)[1].action + " " + (*audit)[1].detail, "els read show");
  EXPECT_EQ((*audit)[2].actor + " " + (*audit)[2].action, "els edit");
}

TEST_F(StoreCandidateTest, ListingPagesThroughAllCandidatesInIdOrder) {
  for (const char* id : {"c", "a", "e", "b", "d"}) ASSERT_TRUE(store_->AddCandidate({id, "", "{}", ""}, "t").ok());
  std::string seen, after;
  for (auto page = store_->ListCandidates(after, 2); !page->empty(); page = store_->ListCandidates(after, 2)) {
    for (const auto& c : *page) seen += after = c.id;
  }
  EXPECT_EQ(seen, "abcde");
}

TEST_F(StoreCandidateTest, DeleteLeavesNoHealthDataInTheDatabaseFiles) {
  ASSERT_TRUE(store_->AddCandidate({"anna", "", kProfile, ""}, "jan").ok());
  ASSERT_TRUE(store_->AddDossierEvent({"anna", "applied", "2026-11-20", "v1", "mail", "gesprek over rugklachten", "jan", ""}).ok());
  ASSERT_TRUE(store_->BeginAlert({"anna", "2026-W48", AlertStatus::kPending, "m@passend", "2026-11-23",
                                  {{"v1", 1, "passend", 0.8, 10.0, 1.0, "Planner", "", "", "", {"Let op: tillen"}}}})
                  .ok());
  ASSERT_TRUE(store_->DeleteCandidate("anna", "jan").ok());
  EXPECT_EQ(store_->DeleteCandidate("anna", "jan").code(), StatusCode::kNotFound);
  EXPECT_FALSE(store_->ReadCandidate("anna", "jan", "show")->has_value());
  EXPECT_TRUE(store_->DossierEvents("anna", "2000-01-01", "2100-01-01")->empty());
  EXPECT_FALSE(store_->GetAlert("anna", "2026-W48")->has_value());
  for (const char* file : {"/p.db", "/p.db-wal"}) {
    if (!std::filesystem::exists(dir_ + file)) continue;
    const std::string bytes = test::ReadText(dir_ + file);
    EXPECT_EQ(bytes.find("hernia"), std::string::npos) << file;
    EXPECT_EQ(bytes.find("rugklachten"), std::string::npos) << file;
  }
  auto audit = store_->AuditLog("anna");
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->back().action, "delete");  // who deleted stays on record, without the data
}

TEST_F(StoreCandidateTest, DossierEventsNeedAKnownCandidateAndComeBackByDay) {
  EXPECT_EQ(store_->AddDossierEvent({"nobody", "applied", "2026-11-20", "", "", "", "jan", ""}).message(),
            "no candidate with id nobody");
  ASSERT_TRUE(store_->AddCandidate({"anna", "", "{}", ""}, "jan").ok());
  EXPECT_FALSE(store_->AddDossierEvent({"anna", "gesolliciteerd", "2026-11-20", "", "", "", "jan", ""}).ok());
  ASSERT_TRUE(store_->AddDossierEvent({"anna", "invited", "2026-11-25", "v1", "telefoon", "", "jan", ""}).ok());
  ASSERT_TRUE(store_->AddDossierEvent({"anna", "applied", "2026-11-20", "v1", "mail", "", "jan", ""}).ok());
  ASSERT_TRUE(store_->AddDossierEvent({"anna", "hired", "2027-01-05", "v1", "", "", "jan", ""}).ok());
  auto events = store_->DossierEvents("anna", "2026-11-01", "2026-12-31");
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].kind, "applied");
  EXPECT_EQ((*events)[1].kind, "invited");
  EXPECT_FALSE((*events)[0].recorded_at.empty());
}

TEST_F(StoreCandidateTest, ARefusedAlertIsAbandonedAndItsVacanciesCanBeOfferedAgain) {
  const AlertRecord a{"anna", "2026-W48", AlertStatus::kPending, "m@passend", "2026-11-23",
                      {{"v1", 1, "passend", 0.8, 10.0, 1.0, "", "", "", "", {}}}};
  ASSERT_TRUE(store_->BeginAlert(a).ok());
  EXPECT_EQ(store_->PendingAlerts("anna")->size(), 1u);
  ASSERT_TRUE(store_->AbandonAlert("anna", "2026-W48").ok());
  EXPECT_FALSE(*store_->WasOffered("anna", "v1"));
  EXPECT_TRUE(store_->PendingAlerts("anna")->empty());
  // A sent alert is never abandoned.
  ASSERT_TRUE(store_->BeginAlert(a).ok());
  ASSERT_TRUE(store_->CompleteAlert("anna", "2026-W48").ok());
  ASSERT_TRUE(store_->AbandonAlert("anna", "2026-W48").ok());
  EXPECT_TRUE(*store_->WasOffered("anna", "v1"));
}

}  // namespace
}  // namespace passend
