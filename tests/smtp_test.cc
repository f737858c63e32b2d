// Delivery over SMTP against a real server on 127.0.0.1 (tests/tools/smtp_sink.py): the
// transport's retries, and the alert run's exactly-once promise when the server refuses a
// recipient, is down, or the run is killed in the middle.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <thread>

#include <gtest/gtest.h>

#include "alerts/delivery.h"
#include "common/json.h"
#include "tests/smtp_sink.h"
#include "tests/test_util.h"

namespace passend {
namespace {

using test::SmtpSink;

OutgoingMail TestMail(const std::string& to) {
  return {"vacatures@passend.invalid", to, "t",
          "From: vacatures@passend.invalid\r\nTo: " + to + "\r\nSubject: test\r\n\r\nregel een\r\n.begint met een punt\r\n"};
}

SmtpOptions Fast(const std::string& url) {
  SmtpOptions o;
  o.url = url;
  o.backoff_ms = 20;
  return o;
}

TEST(SmtpTransportTest, DeliversThroughARealServer) {
  const std::string dir = test::MakeTempDir("smtp");
  SmtpSink sink(dir + "/mail");
  auto t = MakeSmtpTransport(Fast(sink.Url()));
  ASSERT_TRUE(t.ok()) << t.status().message();
  const SendResult r = (*t)->Send(TestMail("anna@voorbeeld.invalid"));
  ASSERT_TRUE(r.ok()) << r.error;
  const auto got = sink.Messages();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].rfind("X-Sink-Rcpt: anna@voorbeeld.invalid\r\n", 0), 0u);
  EXPECT_NE(got[0].find("\r\n.begint met een punt"), std::string::npos);  // dot-stuffing undone by the server
}

TEST(SmtpTransportTest, ARefusedRecipientIsPermanent) {
  const std::string dir = test::MakeTempDir("smtp");
  SmtpSink sink(dir + "/mail", {"--reject-rcpt", "weg@voorbeeld.invalid"});
  auto t = MakeSmtpTransport(Fast(sink.Url()));
  ASSERT_TRUE(t.ok());
  const SendResult r = (*t)->Send(TestMail("weg@voorbeeld.invalid"));
  EXPECT_EQ(r.failure, SendFailure::kPermanent);
  EXPECT_NE(r.error.find("550"), std::string::npos) << r.error;
  EXPECT_EQ(r.error.find("attempts"), std::string::npos) << "a refusal is not retried: " << r.error;
  EXPECT_TRUE((*t)->Send(TestMail("ok@voorbeeld.invalid")).ok());  // the connection is not left broken
  EXPECT_EQ(sink.Messages().size(), 1u);
}

TEST(SmtpTransportTest, ABusyServerIsRetriedUntilItAccepts) {
  const std::string dir = test::MakeTempDir("smtp");
  SmtpSink sink(dir + "/mail", {"--refuse-first", "2"});
  auto t = MakeSmtpTransport(Fast(sink.Url()));
  ASSERT_TRUE(t.ok());
  const SendResult r = (*t)->Send(TestMail("anna@voorbeeld.invalid"));
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(sink.Messages().size(), 1u);
}

TEST(SmtpTransportTest, AConnectionDroppedMidMessageIsRetriedAndDeliveredOnce) {
  const std::string dir = test::MakeTempDir("smtp");
  SmtpSink sink(dir + "/mail", {"--drop-first", "1"});
  auto t = MakeSmtpTransport(Fast(sink.Url()));
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE((*t)->Send(TestMail("anna@voorbeeld.invalid")).ok());
  EXPECT_EQ(sink.Messages().size(), 1u);
}

TEST(SmtpTransportTest, NoServerIsTransientAndStopsTheRunAfterThreeMails) {
  test::ClosedPort nothing_listens;
  SmtpOptions o = Fast("smtp://127.0.0.1:" + std::to_string(nothing_listens.port()));
  o.attempts = 2;
  auto t = MakeSmtpTransport(o);
  ASSERT_TRUE(t.ok());
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE((*t)->Unavailable());
    const SendResult r = (*t)->Send(TestMail("anna@voorbeeld.invalid"));
    EXPECT_EQ(r.failure, SendFailure::kTransient);
    EXPECT_NE(r.error.find("after 2 attempts"), std::string::npos) << r.error;
  }
  EXPECT_TRUE((*t)->Unavailable());
}

TEST(SmtpTransportTest, BadSettingsAreRefusedBeforeSending) {
  EXPECT_FALSE(MakeSmtpTransport(Fast("http://127.0.0.1:25")).ok());
  SmtpOptions o = Fast("smtp://127.0.0.1:25");
  o.tls = "misschien";
  EXPECT_EQ(MakeSmtpTransport(o).status().message(), "--smtp-tls: expected none, try or required, got \"misschien\"");
  o.tls = "none";
  o.user = "passend";
  EXPECT_FALSE(MakeSmtpTransport(o).ok());  // a password in clear text
}

// A self-signed certificate for 127.0.0.1, made with the openssl command.
std::string MakeCertificate(const std::string& dir) {
  const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext "
                          "subjectAltName=IP:127.0.0.1 -keyout '" + dir + "/key.pem' -out '" + dir +
                          "/cert.pem' >/dev/null 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << "openssl could not make a test certificate";
  return dir + "/cert.pem";
}

TEST(SmtpTransportTest, StartTlsAndAuthenticationWithTheRightPassword) {
  const std::string dir = test::MakeTempDir("smtp-tls");
  const std::string cert = MakeCertificate(dir);
  SmtpSink sink(dir + "/mail", {"--tls-cert", cert, "--tls-key", dir + "/key.pem", "--auth", "passend:geheim"});
  SmtpOptions o = Fast(sink.Url());
  o.tls = "required";
  o.ca_file = cert;
  o.user = "passend";
  o.password = "geheim";
  auto t = MakeSmtpTransport(o);
  ASSERT_TRUE(t.ok());
  const SendResult ok = (*t)->Send(TestMail("anna@voorbeeld.invalid"));
  EXPECT_TRUE(ok.ok()) << ok.error;
  EXPECT_EQ(sink.Messages().size(), 1u);

  o.password = "fout";
  auto wrong = MakeSmtpTransport(o);
  const SendResult refused = (*wrong)->Send(TestMail("anna@voorbeeld.invalid"));
  EXPECT_EQ(refused.failure, SendFailure::kPermanent) << refused.error;
  EXPECT_NE(refused.error.find("535"), std::string::npos) << refused.error;

  o.password = "geheim";
  o.ca_file.clear();  // the system's CAs do not know this certificate
  o.attempts = 1;
  auto untrusted = MakeSmtpTransport(o);
  const SendResult unverified = (*untrusted)->Send(TestMail("anna@voorbeeld.invalid"));
  EXPECT_FALSE(unverified.ok());
  EXPECT_EQ(sink.Messages().size(), 1u);
}

TEST(SmtpTransportTest, SmtpsIsTlsFromTheStart) {
  const std::string dir = test::MakeTempDir("smtps");
  const std::string cert = MakeCertificate(dir);
  SmtpSink sink(dir + "/mail", {"--tls-cert", cert, "--tls-key", dir + "/key.pem", "--implicit-tls"});
  SmtpOptions o = Fast("smtps://127.0.0.1:" + std::to_string(sink.port()));
  o.ca_file = cert;
  auto t = MakeSmtpTransport(o);
  ASSERT_TRUE(t.ok());
  const SendResult r = (*t)->Send(TestMail("anna@voorbeeld.invalid"));
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(sink.Messages().size(), 1u);
  o.url = "smtp://127.0.0.1:" + std::to_string(sink.port());  // plain text to a TLS port fails, sends nothing
  o.attempts = 1;
  o.timeout_s = 1;
  EXPECT_FALSE((*MakeSmtpTransport(o))->Send(TestMail("anna@voorbeeld.invalid")).ok());
  EXPECT_EQ(sink.Messages().size(), 1u);
}

// The bundled feeds crawled once per test binary (passend demo); each test gets its own
// store and links to that index.
class SmtpAlertsTest : public testing::Test {
 protected:
  static std::string IndexDir() {
    static const std::string dir = [] {
      const std::string d = test::MakeTempDir("smtp-index");
      const auto r = test::RunPassend({"demo", "--data-dir", d});
      EXPECT_EQ(r.exit_code, 0) << r.err;
      return d + "/index";
    }();
    return dir;
  }

  void SetUp() override {
    dir_ = test::MakeTempDir("smtp-alerts");
    std::filesystem::create_directory_symlink(IndexDir(), dir_ + "/index");
    for (const char* id : {"anna-de-vries", "kees-van-dijk", "sanne-bakker"}) {
      const auto r = Passend({"candidate", "add", "--file", test::DataDir() + "/candidates/" + id + ".json"});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }

  std::vector<std::string> Common() const { return {"--data-dir", dir_, "--today", Today()}; }

  test::CommandResult Passend(std::vector<std::string> args) const {
    const auto common = Common();
    args.insert(args.end(), common.begin(), common.end());
    if (args[0] == "alerts") args.insert(args.end(), {"--week", "2026-W48"});
    return test::RunPassend(args);
  }

  static std::string Today() {
    auto doc = ParseJson(test::ReadText(test::DataDir() + "/demo.json"), "demo.json");
    return (*doc)["today"].GetString();
  }

  // Mails per recipient over all the sinks' messages.
  static std::map<std::string, int> PerRecipient(const std::vector<std::string>& messages) {
    std::map<std::string, int> n;
    for (const auto& m : messages) ++n[m.substr(13, m.find("\r\n") - 13)];
    return n;
  }

  std::string dir_;
};

TEST_F(SmtpAlertsTest, ARefusedRecipientIsReportedTheOthersAreMailedAndNothingIsLost) {
  {
    SmtpSink sink(dir_ + "/mail1", {"--reject-rcpt", "anna.devries@voorbeeld.invalid"});
    const auto r = Passend({"alerts", "--smtp", sink.Url(), "--smtp-backoff-ms", "10"});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find("candidate anna-de-vries: smtp smtp://127.0.0.1:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("(server reply 550)"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("sent=2 nothing_new=0 already_done=0 disabled=0 failed=1"), std::string::npos) << r.out;
    EXPECT_EQ(PerRecipient(sink.Messages()),
              (std::map<std::string, int>{{"kees.vandijk@voorbeeld.invalid", 1}, {"sanne.bakker@voorbeeld.invalid", 1}}));
  }
  // The address is fixed; the next run mails Anna her vacancies, and nobody twice.
  SmtpSink sink(dir_ + "/mail2");
  const auto r = Passend({"alerts", "--smtp", sink.Url()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("candidate=anna-de-vries outcome=sent vacancies=6"), std::string::npos) << r.out;
  EXPECT_EQ(PerRecipient(sink.Messages()), (std::map<std::string, int>{{"anna.devries@voorbeeld.invalid", 1}}));
  EXPECT_NE(sink.Messages()[0].find("Plaats: op afstand (remote)"), std::string::npos);  // the thuiswerk vacancy
  const auto report = Passend({"report", "--candidate", "anna-de-vries", "--from", "2026-11-23", "--to", "2026-11-29",
                               "--format", "csv"});
  EXPECT_NE(report.out.find(";Zorg & Werk Groep;op afstand (remote);passend;"), std::string::npos) << report.out;
}

TEST_F(SmtpAlertsTest, AServerThatIsDownLeavesAlertsPendingAndTheNextRunSendsThemOnce) {
  test::ClosedPort held;
  const int port = held.port();
  const std::string url = "smtp://127.0.0.1:" + std::to_string(port);
  const auto down = Passend({"alerts", "--smtp", url, "--smtp-attempts", "2", "--smtp-backoff-ms", "10"});
  EXPECT_EQ(down.exit_code, 2) << down.out;
  EXPECT_NE(down.err.find("the alert stays pending and is sent by the next run"), std::string::npos) << down.err;
  held.Release();
  SmtpSink sink(dir_ + "/mail", {}, port);  // the server is back
  const auto up = Passend({"alerts", "--smtp", url});
  EXPECT_EQ(up.exit_code, 0) << up.err;
  EXPECT_NE(up.out.find("sent=3"), std::string::npos) << up.out;
  EXPECT_EQ(PerRecipient(sink.Messages()).size(), 3u);
  for (const auto& [rcpt, n] : PerRecipient(sink.Messages())) EXPECT_EQ(n, 1) << rcpt;
  EXPECT_NE(Passend({"alerts", "--smtp", url}).out.find("sent=0 nothing_new=0 already_done=3"), std::string::npos);
  EXPECT_EQ(sink.Messages().size(), 3u);
}

TEST_F(SmtpAlertsTest, ARunKilledInTheMiddleIsFinishedByTheNextWithoutDuplicates) {
  std::vector<std::string> all;
  {
    SmtpSink slow(dir_ + "/mail1", {"--delay-ms", "400"});
    auto args = Common();
    args.insert(args.begin(), {"alerts", "--week", "2026-W48", "--threads", "1", "--smtp", slow.Url()});
    const pid_t pid = test::StartPassend(args, dir_);
    ASSERT_GT(pid, 0);
    for (int i = 0; i < 100 && slow.Messages().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_EQ(slow.Messages().size(), 1u);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the second mail waits for the server's reply
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    all = slow.Messages();
  }
  SmtpSink sink(dir_ + "/mail2");
  const auto r = Passend({"alerts", "--smtp", sink.Url()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto second = sink.Messages();
  all.insert(all.end(), second.begin(), second.end());
  EXPECT_EQ(all.size(), 3u);
  for (const auto& [rcpt, n] : PerRecipient(all)) EXPECT_EQ(n, 1) << rcpt;
}

TEST_F(SmtpAlertsTest, BadProfilesAreReportedAndTheOthersAreMailed) {
  const std::string in = dir_ + "/files";
  std::filesystem::create_directories(in);
  std::filesystem::copy_file(test::DataDir() + "/candidates/kees-van-dijk.json", in + "/kees-van-dijk.json");
  std::string anna = test::ReadText(test::DataDir() + "/candidates/anna-de-vries.json");
  std::string bad_mail = anna, no_home = anna;
  bad_mail.replace(bad_mail.find("anna.devries@voorbeeld.invalid"), 30, "anna at voorbeeld");
  no_home.replace(no_home.find("\"anna-de-vries\""), 15, "\"anna-zonder-huis\"");
  no_home.replace(no_home.find("\"home\""), 6, "\"woonplaats\"");
  test::WriteText(in + "/bad-mail.json", bad_mail);
  test::WriteText(in + "/no-home.json", no_home);
  SmtpSink sink(dir_ + "/mail");
  const auto r = Passend({"alerts", "--candidates", in, "--smtp", sink.Url()});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("bad-mail.json: candidate anna-de-vries: email: not an e-mail address"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("no-home.json: candidate anna-zonder-huis: home"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("sent=1 nothing_new=0 already_done=0 disabled=0 failed=2"), std::string::npos) << r.out;
  EXPECT_EQ(PerRecipient(sink.Messages()), (std::map<std::string, int>{{"kees.vandijk@voorbeeld.invalid", 1}}));
}

TEST_F(SmtpAlertsTest, TheCoachSummaryListsEachClientOnceAWeek) {
  ASSERT_EQ(Passend({"coach", "add", "--id", "els", "--name", "Els Visser", "--email", "els@voorbeeld.invalid"}).exit_code, 0);
  for (const char* id : {"anna-de-vries", "kees-van-dijk"}) {
    ASSERT_EQ(Passend({"candidate", "edit", id, "--coach", "els"}).exit_code, 0);
  }
  ASSERT_EQ(Passend({"candidate", "edit", "kees-van-dijk", "--alerts", "off"}).exit_code, 0);
  SmtpSink sink(dir_ + "/mail");
  const auto r = Passend({"alerts", "--smtp", sink.Url(), "--coach-summary"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("coach=els summary=sent clients=2"), std::string::npos) << r.out;
  std::string summary;
  for (const auto& m : sink.Messages()) {
    if (m.rfind("X-Sink-Rcpt: els@voorbeeld.invalid", 0) == 0) summary = m;
  }
  ASSERT_FALSE(summary.empty());
  EXPECT_NE(summary.find("- Anna de Vries (anna-de-vries): 6 nieuwe vacatures ontvangen"), std::string::npos) << summary;
  EXPECT_NE(summary.find("- Kees van Dijk (kees-van-dijk): vacaturemeldingen staan uit"), std::string::npos);
  EXPECT_EQ(summary.find("IV.tillen"), std::string::npos);  // names and counts, no FML
  const auto again = Passend({"alerts", "--smtp", sink.Url(), "--coach-summary"});
  EXPECT_EQ(again.out.find("coach=els"), std::string::npos) << again.out;  // once a week
  EXPECT_EQ(sink.Messages().size(), 3u);  // Anna, Sanne, and the one summary
}

TEST_F(SmtpAlertsTest, BadNumbersInOptionsAreNamedBeforeAnyMail) {
  const auto threads = Passend({"alerts", "--threads", "9"});
  EXPECT_EQ(threads.exit_code, 2);
  EXPECT_EQ(threads.err, "passend alerts: error: --threads: expected a whole number from 1 to 8, got \"9\"\n");
  const auto max = Passend({"alerts", "--max-candidates", "12abc"});
  EXPECT_EQ(max.err, "passend alerts: error: --max-candidates: expected a whole number from 10 to 5000, got \"12abc\"\n");
  const auto attempts = Passend({"alerts", "--smtp", "smtp://127.0.0.1:1", "--smtp-attempts", "0"});
  EXPECT_EQ(attempts.err, "passend alerts: error: --smtp-attempts: expected a whole number from 1 to 20, got \"0\"\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/outbox"));
}

}  // namespace
}  // namespace passend
