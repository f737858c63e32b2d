// passend candidate / coach / dossier through the real binary and a real store file.
#include <filesystem>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace passend {
namespace {

class CandidateCliTest : public testing::Test {
 protected:
  void SetUp() override { dir_ = test::MakeTempDir("cand-cli"); }
  test::CommandResult Passend(std::vector<std::string> args) const {
    args.insert(args.end(), {"--data-dir", dir_, "--by", "coach-jan"});
    return test::RunPassend(args);
  }
  std::string Sample(const std::string& id) const { return test::DataDir() + "/candidates/" + id + ".json"; }
  std::string dir_;
};

TEST_F(CandidateCliTest, ImportReportsABadFileAndKeepsTheRest) {
  const std::string in = dir_ + "/in";
  std::filesystem::create_directories(in);
  std::filesystem::copy_file(Sample("anna-de-vries"), in + "/anna-de-vries.json");
  std::filesystem::copy_file(Sample("kees-van-dijk"), in + "/kees-van-dijk.json");
  test::WriteText(in + "/kapot.json", R"({"id": "kapot", "name": "K", "email": "k@voorbeeld.invalid",
    "maatmanloon": {"amount": 0, "period": "maand", "hours_per_week": 38}, "home": {"place": "Utrecht"},
    "travel": {"max_minutes": 30}})");
  const auto r = Passend({"candidate", "import", "--dir", in});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kapot.json: candidate kapot: maatmanloon.amount"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("anna-de-vries.json result=added"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("summary files=3 failed=1"), std::string::npos) << r.out;
  const auto again = Passend({"candidate", "import", "--file", in + "/anna-de-vries.json"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("result=unchanged"), std::string::npos) << again.out;
  const auto list = Passend({"candidate", "list"});
  EXPECT_NE(list.out.find("anna-de-vries"), std::string::npos);
  EXPECT_NE(list.out.find("kees-van-dijk"), std::string::npos);
  EXPECT_EQ(list.out.find("kapot"), std::string::npos);
  EXPECT_EQ(list.out.find("niet frequent"), std::string::npos);  // no FML in a list
}

TEST_F(CandidateCliTest, AddShowEditExportDelete) {
  ASSERT_EQ(Passend({"coach", "add", "--id", "jan", "--name", "Jan Smit", "--email", "jan@voorbeeld.invalid"}).exit_code, 0);
  EXPECT_EQ(Passend({"coach", "add", "--id", "x", "--name", "X", "--email", "geen-adres"}).err,
            "passend coach: error: --email: not an e-mail address: \"geen-adres\"\n");
  ASSERT_EQ(Passend({"candidate", "add", "--file", Sample("anna-de-vries"), "--coach", "jan"}).exit_code, 0);
  const auto twice = Passend({"candidate", "add", "--file", Sample("anna-de-vries")});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("exists already"), std::string::npos);
  const auto show = Passend({"candidate", "show", "anna-de-vries"});
  EXPECT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("# candidate anna-de-vries, coach jan"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("geen nachtdiensten"), std::string::npos);  // the coach sees the whole profile
  ASSERT_EQ(Passend({"candidate", "edit", "anna-de-vries", "--alerts", "off"}).exit_code, 0);
  EXPECT_NE(Passend({"candidate", "list"}).out.find("uit"), std::string::npos);
  const auto wrong = Passend({"candidate", "edit", "anna-de-vries", "--file", Sample("kees-van-dijk")});
  EXPECT_EQ(wrong.err, "passend candidate: error: id: the file is for candidate kees-van-dijk, not anna-de-vries\n");
  ASSERT_EQ(Passend({"candidate", "edit", "anna-de-vries", "--file", Sample("anna-de-vries")}).exit_code, 0);
  ASSERT_EQ(Passend({"candidate", "export", "--out", dir_ + "/export"}).exit_code, 0);
  EXPECT_EQ(test::ReadText(dir_ + "/export/anna-de-vries.json"), test::ReadText(Sample("anna-de-vries")));
  ASSERT_EQ(Passend({"candidate", "delete", "anna-de-vries"}).exit_code, 0);
  const auto gone = Passend({"candidate", "show", "anna-de-vries"});
  EXPECT_EQ(gone.exit_code, 2);
  EXPECT_NE(gone.err.find("no candidate with id anna-de-vries"), std::string::npos);
}

TEST_F(CandidateCliTest, DossierEventsAreCheckedAndRecorded) {
  ASSERT_EQ(Passend({"candidate", "add", "--file", Sample("kees-van-dijk")}).exit_code, 0);
  const auto bad = Passend({"dossier", "add", "--candidate", "kees-van-dijk", "--event", "gesolliciteerd"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--event: expected offered, applied, invited, rejected, hired or withdrawn"),
            std::string::npos);
  const auto unknown = Passend({"dossier", "add", "--candidate", "niemand", "--event", "applied"});
  EXPECT_NE(unknown.err.find("no candidate with id niemand"), std::string::npos);
  const auto ok = Passend({"dossier", "add", "--candidate", "kees-van-dijk", "--event", "applied", "--date",
                           "2026-11-20", "--vacancy", "x1", "--channel", "mail"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.out, "dossier kees-van-dijk: applied on 2026-11-20 recorded\n");
}

TEST_F(CandidateCliTest, ReportIsWrittenForAKnownCandidateAndRefusesBadInput) {
  ASSERT_EQ(Passend({"candidate", "add", "--file", Sample("kees-van-dijk")}).exit_code, 0);
  ASSERT_EQ(Passend({"dossier", "add", "--candidate", "kees-van-dijk", "--event", "invited", "--date", "2026-11-25",
                     "--channel", "telefoon", "--note", "gesprek op 2 december"}).exit_code, 0);
  const auto html = Passend({"report", "--candidate", "kees-van-dijk", "--from", "2026-11-16", "--to", "2026-11-29",
                             "--out", dir_ + "/kees.html"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  const std::string page = test::ReadText(dir_ + "/kees.html");
  EXPECT_NE(page.find("<h1>Vacaturedossier Kees van Dijk</h1>"), std::string::npos);
  EXPECT_NE(page.find("<td>uitgenodigd voor gesprek</td><td></td><td>telefoon</td><td>gesprek op 2 december</td>"),
            std::string::npos);
  EXPECT_NE(page.find("2 weken, 0 vacatures aangeboden, 1 acties vastgelegd"), std::string::npos);
  const auto csv = Passend({"report", "--candidate", "kees-van-dijk", "--from", "2026-11-16", "--to", "2026-11-22",
                            "--format", "csv"});
  EXPECT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out.rfind("week;datum;soort;", 0), 0u);
  EXPECT_EQ(Passend({"report", "--candidate", "niemand", "--from", "2026-11-16", "--to", "2026-11-22"}).exit_code, 2);
  EXPECT_NE(Passend({"report", "--candidate", "kees-van-dijk", "--from", "2026-11-16", "--to", "2026-11-22", "--format",
                     "pdf"}).err.find("--format: expected html or csv, got \"pdf\""),
            std::string::npos);
  EXPECT_NE(Passend({"report", "--candidate", "kees-van-dijk", "--from", "16-11-2026", "--to", "2026-11-22"})
                .err.find("--from: expected YYYY-MM-DD"),
            std::string::npos);
}

}  // namespace
}  // namespace passend
