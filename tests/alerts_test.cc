#include <gtest/gtest.h>

#include <filesystem>

#include "alerts/alerts.h"
#include "alerts/coach_summary.h"
#include "alerts/mail.h"
#include "tests/test_util.h"

namespace passend {
namespace {

const Days kToday = *ParseIsoDate("2026-11-23");

// Decodes quoted-printable (soft line breaks and =XX), enough to read our own mails.
std::string DecodeQp(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '=' && i + 2 < s.size() && s[i + 1] == '\r' && s[i + 2] == '\n') {
      i += 2;
    } else if (s[i] == '=' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

TEST(MailTest, HeadersAreEncodedAndComplete) {
  AlertMail m;
  m.from = "Passend <vacatures@voorbeeld.invalid>";
  m.to_name = "Fatma Y\xC4\xB1lmaz";
  m.to_email = "fatma@voorbeeld.invalid";
  m.week = "2026-W48";
  m.message_id = "2026-W48.fatma@passend";
  m.date = Rfc5322Date(1795435200);
  m.unsubscribe_url = "https://voorbeeld.invalid/afmelden?k=1";
  m.unsubscribe_mailto = "mailto:afmelden@voorbeeld.invalid";
  m.vacancies.push_back({"Kok <b>& co</b>", "Caf\xC3\xA9 \"Het Hoekje\"", "Utrecht", "circa 10 minuten met de auto",
                         "24 uur per week", "\xE2\x82\xAC 2.600 bruto per maand", "Past.", {}, "https://x/?a=1&b=2"});
  const std::string eml = RenderAlertMail(m);
  EXPECT_NE(eml.find("Subject: 1 nieuwe passende vacature voor week 48 (2026-W48)\r\n"), std::string::npos);
  EXPECT_NE(eml.find("To: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(eml.find("Date: Mon, 23 Nov 2026 12:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(eml.find("Message-ID: <2026-W48.fatma@passend>\r\n"), std::string::npos);
  EXPECT_NE(eml.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(eml.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), std::string::npos);
  EXPECT_NE(eml.find("Content-Type: multipart/alternative; boundary="), std::string::npos);
  EXPECT_NE(eml.find("Content-Type: text/html; charset=UTF-8"), std::string::npos);
  // Vacancy text is escaped in the HTML part, and the link's '&' too.
  const std::string body = DecodeQp(eml.substr(eml.find("Content-Type: text/html")));
  EXPECT_NE(body.find(">Kok &lt;b&gt;&amp; co&lt;/b&gt;</a>"), std::string::npos);
  EXPECT_NE(body.find("href=\"https://x/?a=1&amp;b=2\""), std::string::npos);
  EXPECT_NE(body.find("Caf\xC3\xA9 &quot;Het Hoekje&quot;"), std::string::npos);
  EXPECT_EQ(body.find("<b>& co</b>"), std::string::npos);
  size_t start = 0;
  while (start < eml.size()) {
    const size_t end = eml.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 998u);
    start = end + 2;
  }
}

TEST(MailTest, SubjectAsciiStaysReadableNonAsciiIsEncoded) {
  EXPECT_EQ(EncodeHeaderWord("3 nieuwe vacatures"), "3 nieuwe vacatures");
  EXPECT_EQ(EncodeHeaderWord("caf\xC3\xA9"), "=?UTF-8?B?Y2Fmw6k=?=");
}

TEST(MailTest, QuotedPrintableKeepsLinesShort) {
  const std::string qp = QuotedPrintable(std::string(200, 'a') + " \xE2\x82\xAC\n");
  EXPECT_NE(qp.find("=E2=82=AC"), std::string::npos);
  EXPECT_NE(qp.find("=\r\n"), std::string::npos);
  EXPECT_LE(qp.find("\r\n"), 76u);
}

TEST(StoreTest, MigratesAndRecordsAlertsOnce) {
  const std::string dir = test::MakeTempDir("store");
  auto store = Store::Open(dir + "/p.db");
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(store->schema_version(), 6);
  AlertRecord a{"anna", "2026-W48", AlertStatus::kPending, "m1@passend", "2026-11-23", {{"k1", 1, "passend", 0.8, 12.0, 1.1, "Planner", "Firma", "Utrecht", "https://x.invalid/1", {"Let op"}}}};
  ASSERT_TRUE(store->BeginAlert(a).ok());
  EXPECT_FALSE(store->BeginAlert(a).ok());  // the same week twice
  AlertRecord b = a;
  b.week = "2026-W49";
  EXPECT_FALSE(store->BeginAlert(b).ok());  // the same vacancy twice
  EXPECT_TRUE(*store->WasOffered("anna", "k1"));
  EXPECT_FALSE(store->LastAlertDate("anna")->has_value());
  ASSERT_TRUE(store->CompleteAlert("anna", "2026-W48").ok());
  EXPECT_EQ(**store->LastAlertDate("anna"), "2026-11-23");
  auto again = Store::Open(dir + "/p.db");  // reopening applies no migration twice
  ASSERT_TRUE(again.ok());
  auto got = again->GetAlert("anna", "2026-W48");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->status, AlertStatus::kSent);
  ASSERT_EQ((*got)->items.size(), 1u);
  EXPECT_EQ((*got)->items[0].travel_minutes, 12.0);
  EXPECT_EQ((*got)->items[0].title, "Planner");
  EXPECT_EQ((*got)->items[0].checks, std::vector<std::string>{"Let op"});
}

// A permanent 24-hour job in Utrecht at `hourly` euros, fit for the test candidate.
Vacancy UtrechtVacancy(const std::string& key, const std::string& title, double hourly) {
  Vacancy v;
  v.key = key;
  v.title = title;
  v.location = {"Utrecht", "", "Utrecht", "Utrecht", 52.09, 5.12, false};
  v.salary.period = "uur";
  v.salary.min = v.salary.max = v.salary.hourly_min = v.salary.hourly_max = hourly;
  v.hours.min = v.hours.max = 24;
  v.contract = "vast";
  v.structural = true;
  return v;
}

class AlertJobTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::MakeTempDir("alerts");
    auto index = VacancyIndex::OpenWritable(dir_ + "/idx");
    ASSERT_TRUE(index.ok());
    for (int i = 0; i < 3; ++i) {
      Vacancy v = UtrechtVacancy("v" + std::to_string(i), "Administratief medewerker " + std::to_string(i), 18);
      if (i == 2) v.demands.push_back({"IV.tillen", 1, 10.0, "text", "dozen tot 10 kg", 0, 0.9});
      ASSERT_TRUE(index->Upsert(v, kToday - 3).ok());  // crawled earlier in the week
    }
    ASSERT_TRUE(index->Commit().ok());
    reader_.emplace(std::move(*VacancyReader::Open(dir_ + "/idx")));
    store_.emplace(std::move(*Store::Open(dir_ + "/p.db")));
    candidate_ = test::BasicCandidate();
    candidate_.fml["IV.tillen"] = FmlLimit{{1}, "rugklachten"};
    transport_ = MakeOutboxTransport(dir_ + "/outbox");
  }

  AlertOptions Options(const std::string& week) {
    AlertOptions o;
    o.week = week;
    o.today = kToday;
    o.now_unix = 1795435200;
    return o;
  }

  CandidateAlertResult Run(const std::string& week, Days today = kToday) {
    MatchOptions mo;
    mo.today = today;
    const Matcher matcher(*reader_, test::Schema(), mo);
    AlertOptions options = Options(week);
    options.today = today;
    AlertJob job(matcher, *reader_, *store_, *transport_, options);
    return job.Run(candidate_);
  }

  std::string dir_;
  std::optional<VacancyReader> reader_;
  std::optional<Store> store_;
  CandidateProfile candidate_;
  std::unique_ptr<MailTransport> transport_;
};

TEST_F(AlertJobTest, SecondRunForTheSameWeekSendsNothing) {
  const CandidateAlertResult first = Run("2026-W48");
  EXPECT_EQ(first.outcome, AlertOutcome::kSent);
  EXPECT_EQ(first.vacancies, 3);
  const std::string eml = test::ReadText(first.where);
  const CandidateAlertResult second = Run("2026-W48");
  EXPECT_EQ(second.outcome, AlertOutcome::kAlreadyDone);
  EXPECT_EQ(test::ReadText(first.where), eml);
  // Next week: everything was offered already.
  EXPECT_EQ(Run("2026-W49").outcome, AlertOutcome::kNothingNew);
}

TEST_F(AlertJobTest, OnlyVacanciesFirstSeenSinceTheLastAlertAreNew) {
  candidate_.alerts.max_per_mail = 2;
  const CandidateAlertResult first = Run("2026-W48");
  ASSERT_EQ(first.vacancies, 2);  // the third one waits, but is not new next week
  const Days next_week = kToday + 7;
  {
    auto index = VacancyIndex::OpenWritable(dir_ + "/idx");
    ASSERT_TRUE(index.ok());
    ASSERT_TRUE(index->Upsert(UtrechtVacancy("nieuw", "Medewerker planning", 19), next_week).ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  reader_.emplace(std::move(*VacancyReader::Open(dir_ + "/idx")));
  const CandidateAlertResult second = Run("2026-W49", next_week);
  EXPECT_EQ(second.outcome, AlertOutcome::kSent);
  EXPECT_EQ(second.vacancies, 1);
  EXPECT_NE(test::ReadText(second.where).find("Medewerker planning"), std::string::npos);
}

TEST_F(AlertJobTest, MailHasNoHealthData) {
  const std::string eml = test::ReadText(Run("2026-W48").where);
  EXPECT_EQ(eml.find("IV.tillen"), std::string::npos);
  EXPECT_EQ(eml.find("rugklachten"), std::string::npos);
  EXPECT_EQ(eml.find("10 kg"), std::string::npos);
  EXPECT_NE(eml.find("Bespreek met je coach"), std::string::npos);  // the at-limit lifting, in neutral words
}

TEST_F(AlertJobTest, AnInterruptedRunIsFinishedWithTheSameVacanciesAndMessageId) {
  // Simulate a crash after the intent was recorded and before the mail was written.
  AlertRecord pending{candidate_.id, "2026-W48", AlertStatus::kPending, "crash@passend", "2026-11-23",
                      {{"v0", 1, "passend", 0.9, 5.0, 1.0, "", "", "", "", {}}}};
  ASSERT_TRUE(store_->BeginAlert(pending).ok());
  const CandidateAlertResult r = Run("2026-W48");
  EXPECT_EQ(r.outcome, AlertOutcome::kSent);
  EXPECT_EQ(r.vacancies, 1);
  const std::string eml = test::ReadText(r.where);
  EXPECT_NE(eml.find("Message-ID: <crash@passend>"), std::string::npos);
  EXPECT_EQ(Run("2026-W48").outcome, AlertOutcome::kAlreadyDone);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_ + "/outbox"), std::filesystem::directory_iterator()), 1);
}

TEST_F(AlertJobTest, APendingAlertOfAnEarlierWeekIsSentFirst) {
  // Last week's mail could not be delivered (server down); its intent is still pending.
  AlertRecord pending{candidate_.id, "2026-W47", AlertStatus::kPending, "w47@passend", "2026-11-16",
                      {{"v0", 1, "passend", 0.9, 5.0, 1.0, "", "", "", "", {}}}};
  ASSERT_TRUE(store_->BeginAlert(pending).ok());
  const CandidateAlertResult r = Run("2026-W48");
  EXPECT_EQ(r.outcome, AlertOutcome::kSent);
  EXPECT_EQ(r.vacancies, 2);  // this week: the two not offered last week
  EXPECT_NE(test::ReadText(dir_ + "/outbox/2026-W47_" + candidate_.id + ".eml").find("Message-ID: <w47@passend>"),
            std::string::npos);
  EXPECT_EQ((*store_->GetAlert(candidate_.id, "2026-W47"))->status, AlertStatus::kSent);
}

TEST(CoachSummaryTest, EachClientWeekHasItsLine) {
  ClientWeek c{"anna", "Anna", true, std::nullopt};
  EXPECT_EQ(ClientWeekLine(c), "geen melding verstuurd: de run gaf een fout (zie het log)");
  c.alert = AlertRecord{"anna", "2026-W48", AlertStatus::kEmpty, "", "2026-11-23", {}};
  EXPECT_EQ(ClientWeekLine(c), "niets ontvangen: geen nieuwe passende vacature in de buurt");
  c.alert->status = AlertStatus::kPending;
  EXPECT_EQ(ClientWeekLine(c), "nog niet verstuurd: de mailserver was niet bereikbaar, de volgende run verstuurt het");
  c.alert->status = AlertStatus::kSent;
  c.alert->items.resize(1);
  EXPECT_EQ(ClientWeekLine(c), "1 nieuwe vacature ontvangen");
  c.alerts_enabled = false;
  EXPECT_EQ(ClientWeekLine(c), "vacaturemeldingen staan uit");
}

TEST_F(AlertJobTest, DisabledAlertsSendNothing) {
  candidate_.alerts.enabled = false;
  EXPECT_EQ(Run("2026-W48").outcome, AlertOutcome::kDisabled);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/outbox"));
}

}  // namespace
}  // namespace passend
