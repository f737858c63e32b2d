// End to end: the bundled feeds served by a real HTTP server on 127.0.0.1, the real
// `passend` binary running crawl → match → alerts, and concrete outcomes asserted.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>

#include "common/json.h"
#include "tests/http_server.h"
#include "model/json_io.h"
#include "tests/test_util.h"

namespace passend {
namespace {

constexpr const char* kToday = "2026-11-23";

struct MatchView {
  std::string title, verdict;
  std::vector<std::string> conflicts;
  bool firm_night = false;
  double max_lift_kg = 0;
  double distance_km = 0;
};

std::vector<MatchView> ParseMatches(const std::string& json) {
  auto doc = ParseJson(json, "match output");
  EXPECT_TRUE(doc.ok()) << json.substr(0, 200);
  std::vector<MatchView> out;
  if (!doc.ok()) return out;
  for (const auto& m : (*doc)["matches"].GetArray()) {
    MatchView v;
    v.title = m["vacancy"]["title"].GetString();
    v.verdict = m["verdict"].GetString();
    if (m.HasMember("distance_km")) v.distance_km = m["distance_km"].GetDouble();
    for (const auto& c : m["conflicts"].GetArray()) v.conflicts.push_back(c["text"].GetString());
    for (const auto& d : m["vacancy"]["demands"].GetArray()) {
      const std::string item = d["item"].GetString();
      const bool firm = std::string(d["evidence"].GetString()) == "text" && d["confidence"].GetDouble() >= 0.7;
      if (firm && item == "VI.etmaal" && d["level"].GetInt() == 2) v.firm_night = true;
      if (firm && item == "IV.tillen" && d.HasMember("quantity")) v.max_lift_kg = std::max(v.max_lift_kg, d["quantity"].GetDouble());
    }
    out.push_back(std::move(v));
  }
  return out;
}

const MatchView* Find(const std::vector<MatchView>& ms, const std::string& title) {
  for (const auto& m : ms) {
    if (m.title == title) return &m;
  }
  return nullptr;
}

class EndToEndTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::MakeTempDir("e2e");
    server_ = std::make_unique<test::TestHttpServer>(test::DataDir());
    std::string pages;
    for (const char* p : {"bouwgroep-oost", "zorgkompas", "stadsbedrijven", "horeca-collectief", "retail-noord"}) {
      pages += std::string(pages.empty() ? "" : ", ") + "\"" + server_->Url(std::string("/pages/") + p + ".html") + "\"";
    }
    good_sources_ = "{\"name\": \"werkstation\", \"type\": \"xml-indeed\", \"url\": \"" + server_->Url("/feeds/werkstation.xml") +
                    "\"}, {\"name\": \"zorg-en-werk\", \"type\": \"json-recruitee\", \"url\": \"" +
                    server_->Url("/feeds/zorg-en-werk-offers.json") + "\"}, {\"name\": \"carrierepaginas\", \"type\": \"jsonld\", \"urls\": [" +
                    pages + "]}";
    test::WriteText(dir_ + "/sources.json", "{\"host_delay_ms\": 0, \"sources\": [" + good_sources_ + "]}");
  }

  test::CommandResult Passend(std::vector<std::string> args) {
    args.insert(args.end(), {"--data-dir", dir_ + "/var", "--today", kToday});
    return test::RunPassend(args);
  }

  std::vector<MatchView> Match(const std::string& candidate, bool include_excluded) {
    std::vector<std::string> args = {"match", "--candidate", test::DataDir() + "/candidates/" + candidate + ".json", "--json",
                                     "--limit", "200"};
    if (include_excluded) args.push_back("--include-excluded");
    const auto r = Passend(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ParseMatches(r.out);
  }

  std::string dir_, good_sources_;
  std::unique_ptr<test::TestHttpServer> server_;
};

TEST_F(EndToEndTest, CrawlMatchAndAlertsOnTheBundledFeeds) {
  const auto crawl = Passend({"crawl", "--sources", dir_ + "/sources.json"});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.err;
  EXPECT_NE(crawl.out.find("source=werkstation status=ok postings=22 new=21 updated=0 unchanged=0 expired=1"), std::string::npos)
      << crawl.out;
  EXPECT_NE(crawl.out.find("summary sources=3 ok=3 failed=0 new=63 updated=0 unchanged=0 expired=1 vanished=0 aged=0 record_errors=0"),
            std::string::npos)
      << crawl.out;

  // Anna: no nights, lifting ~10 kg, 45 minutes by car from Utrecht.
  const auto anna = Match("anna-de-vries", false);
  ASSERT_GE(anna.size(), 5u);
  for (const auto& m : anna) {
    EXPECT_NE(m.verdict, "uitgesloten");
    EXPECT_FALSE(m.firm_night) << m.title;
    EXPECT_LE(m.max_lift_kg, 10) << m.title;
  }
  EXPECT_EQ(Find(anna, "Orderpicker nachtdienst"), nullptr);
  EXPECT_EQ(Find(anna, "Magazijnmedewerker (tillen tot 25 kg)"), nullptr);
  EXPECT_EQ(Find(anna, "Administratief medewerker debiteurenbeheer"), nullptr);  // Maastricht

  const auto anna_all = Match("anna-de-vries", true);
  const MatchView* far = Find(anna_all, "Administratief medewerker debiteurenbeheer");
  ASSERT_NE(far, nullptr);
  EXPECT_EQ(far->verdict, "uitgesloten");
  EXPECT_GT(far->distance_km, 140);
  EXPECT_NE(far->conflicts[0].find("maximaal 45 minuten"), std::string::npos);
  const MatchView* lifting = Find(anna_all, "Magazijnmedewerker (tillen tot 25 kg)");
  ASSERT_NE(lifting, nullptr);
  EXPECT_EQ(lifting->verdict, "uitgesloten");
  EXPECT_NE(lifting->conflicts[0].find("IV.tillen"), std::string::npos);

  // Peter: maatmanloon € 4.200 at 40 h, so € 14,71 an hour is below his floor.
  const auto peter_all = Match("peter-jansen", true);
  const MatchView* low = Find(peter_all, "Servicedesk medewerker");
  ASSERT_NE(low, nullptr);
  EXPECT_EQ(low->verdict, "uitgesloten");
  bool wage_named = false;
  for (const auto& c : low->conflicts) wage_named = wage_named || c.rfind("Loon:", 0) == 0;
  EXPECT_TRUE(wage_named);
  EXPECT_EQ(Find(Match("peter-jansen", false), "Servicedesk medewerker"), nullptr);

  // --weights for one run: travel alone decides the order within a verdict; a wrong factor is named.
  const std::string anna_file = test::DataDir() + "/candidates/anna-de-vries.json";
  const auto by_travel = Passend({"match", "--candidate", anna_file, "--json", "--weights",
                                  "reistijd=1,competenties=0,loon=0,uren=0,contract=0,opleiding=0,recentheid=0"});
  ASSERT_EQ(by_travel.exit_code, 0) << by_travel.err;
  const auto travel_first = ParseMatches(by_travel.out);
  ASSERT_GE(travel_first.size(), 5u);
  for (size_t i = 1; i < travel_first.size(); ++i) {
    if (travel_first[i - 1].verdict != travel_first[i].verdict) continue;
    EXPECT_LE(travel_first[i - 1].distance_km, travel_first[i].distance_km + 0.05) << travel_first[i].title;
  }
  const auto bad = Passend({"match", "--candidate", anna_file, "--weights", "afstand=1"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "passend match: error: --weights: \"afstand\": unknown factor (competenties, loon, reistijd, "
                     "uren, contract, opleiding, recentheid)\n");
  const auto bad_alerts = Passend({"alerts", "--candidates", test::DataDir() + "/candidates", "--outbox", dir_ + "/none",
                                   "--weights", "loon=-1"});
  EXPECT_EQ(bad_alerts.exit_code, 2);
  EXPECT_EQ(bad_alerts.err, "passend alerts: error: --weights: loon: expected a number from 0 to 100, as in loon=0.3\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/none"));

  // Alerts: one mail per candidate with alerts on; a second run for the week sends nothing.
  const std::string outbox = dir_ + "/outbox";
  const auto alerts = Passend({"alerts", "--week", "2026-W48", "--candidates", test::DataDir() + "/candidates", "--outbox", outbox});
  ASSERT_EQ(alerts.exit_code, 0) << alerts.err;
  EXPECT_NE(alerts.out.find("candidate=lisa-de-groot outcome=disabled"), std::string::npos);
  const auto count = [&] {
    return std::distance(std::filesystem::directory_iterator(outbox), std::filesystem::directory_iterator());
  };
  EXPECT_EQ(count(), 6);
  const std::string anna_mail = test::ReadText(outbox + "/2026-W48_anna-de-vries.eml");
  EXPECT_EQ(anna_mail.find("nachtdienst"), std::string::npos);
  EXPECT_EQ(anna_mail.find("VI.etmaal"), std::string::npos);
  const auto again = Passend({"alerts", "--week", "2026-W48", "--candidates", test::DataDir() + "/candidates", "--outbox", outbox});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("sent=0 nothing_new=0 already_done=6 disabled=1 failed=0"), std::string::npos) << again.out;
  EXPECT_EQ(count(), 6);
  EXPECT_EQ(test::ReadText(outbox + "/2026-W48_anna-de-vries.eml"), anna_mail);
}

TEST_F(EndToEndTest, BadSourcesAndRecordsAreReportedAndNothingIsLost) {
  ASSERT_EQ(Passend({"crawl", "--sources", dir_ + "/sources.json"}).exit_code, 0);
  server_->Route("/broken.xml", 200, "application/xml", "<source><job><title>Kapot");
  server_->Route("/notitle.xml", 200, "application/xml",
                 "<source><job><referencenumber>N-1</referencenumber><title></title></job>"
                 "<job><referencenumber>N-2</referencenumber><title>Schoonmaker</title><city>Utrecht</city></job></source>");
  test::WriteText(dir_ + "/bad.json", "{\"host_delay_ms\": 0, \"sources\": [" + good_sources_ +
                                          ", {\"name\": \"kapot\", \"type\": \"xml-indeed\", \"url\": \"" + server_->Url("/broken.xml") +
                                          "\"}, {\"name\": \"weg\", \"type\": \"jsonld\", \"url\": \"" + server_->Url("/gone.html") +
                                          "\"}, {\"name\": \"zondertitel\", \"type\": \"xml-indeed\", \"url\": \"" +
                                          server_->Url("/notitle.xml") + "\"}]}");
  const auto r = Passend({"crawl", "--sources", dir_ + "/bad.json"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("passend crawl: error: zondertitel: record N-1: title: missing or empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("source kapot: " + server_->Url("/broken.xml") + ": kapot: invalid XML"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("source weg: " + server_->Url("/gone.html") + ": HTTP 404"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("source=zondertitel status=ok postings=2 new=1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("summary sources=6 ok=4 failed=2 new=1 updated=0 unchanged=63 expired=1 vanished=0 aged=0 record_errors=1"), std::string::npos)
      << r.out;
  // Only failing sources: exit 2; the index keeps everything.
  test::WriteText(dir_ + "/dead.json", "{\"host_delay_ms\": 0, \"sources\": [{\"name\": \"weg\", \"type\": \"jsonld\", \"url\": \"" +
                                           server_->Url("/gone.html") + "\"}]}");
  EXPECT_EQ(Passend({"crawl", "--sources", dir_ + "/dead.json"}).exit_code, 2);
  EXPECT_GE(Match("anna-de-vries", false).size(), 5u);
}

TEST_F(EndToEndTest, RobotsTxtIsObeyedAndAnUnreadableOneSkipsTheSite) {
  test::TestHttpServer strict(test::DataDir());
  strict.Route("/robots.txt", 200, "text/plain",
               "User-agent: *\nDisallow: /\n\nUser-agent: Passend\nDisallow: /feeds/zorg-en-werk\nCrawl-delay: 0.1\n");
  test::TestHttpServer down(test::DataDir());
  down.Route("/robots.txt", 503, "text/plain", "onderhoud");
  auto source = [](const std::string& name, const std::string& type, const std::string& url) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", \"url\": \"" + url + "\"}";
  };
  test::WriteText(dir_ + "/robots.json",
                  "{\"retry_backoff_ms\": 10, \"sources\": [" + source("toegestaan", "xml-indeed", strict.Url("/feeds/werkstation.xml")) + ", " +
                      source("verboden", "json-recruitee", strict.Url("/feeds/zorg-en-werk-offers.json")) + ", " +
                      source("onbereikbaar", "xml-indeed", down.Url("/feeds/werkstation.xml")) + ", " +
                      source("geen-robots", "json-recruitee", server_->Url("/feeds/zorg-en-werk-offers.json")) + "]}");
  const auto r = Passend({"crawl", "--sources", dir_ + "/robots.json"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("source=toegestaan status=ok"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("source=geen-robots status=ok"), std::string::npos) << r.out;  // 404: everything allowed
  EXPECT_NE(r.err.find("source verboden: " + strict.Url("/feeds/zorg-en-werk-offers.json") + ": disallowed by " +
                       strict.Url("/robots.txt")),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("source onbereikbaar: " + down.Url("/feeds/werkstation.xml") +
                       ": robots.txt could not be read (HTTP 503), so the site is not crawled"),
            std::string::npos)
      << r.err;
}

TEST_F(EndToEndTest, AnUnchangedFeedCostsA304AndNoParsing) {
  test::TestHttpServer site(test::DataDir());
  site.VersionedRoute("/feed.xml", "application/xml");
  const std::string feed = test::ReadText(test::DataDir() + "/feeds/werkstation.xml");
  site.SetDocument("/feed.xml", feed, "\"v1\"");
  test::WriteText(dir_ + "/one.json", "{\"host_delay_ms\": 0, \"sources\": [{\"name\": \"ws\", \"type\": \"xml-indeed\", \"url\": \"" +
                                          site.Url("/feed.xml") + "\"}]}");
  const auto first = Passend({"crawl", "--sources", dir_ + "/one.json"});
  EXPECT_NE(first.out.find("source=ws status=ok postings=22 new=21"), std::string::npos) << first.out;
  const auto second = Passend({"crawl", "--sources", dir_ + "/one.json"});
  EXPECT_EQ(second.exit_code, 0);
  // Still listing its 22 postings (remembered), none parsed.
  EXPECT_NE(second.out.find("source=ws status=ok postings=22 new=0 updated=0 unchanged=0 expired=0 vanished=0 "
                            "aged=0 record_errors=0 unchanged_urls=1 not_modified=true"),
            std::string::npos)
      << second.out;
  EXPECT_EQ(site.FullAnswers("/feed.xml"), 1);
  EXPECT_EQ(site.NotModifiedAnswers("/feed.xml"), 1);
  // A 304 is not a crawl in which the vacancies went missing.
  for (int i = 0; i < 2; ++i) Passend({"crawl", "--sources", dir_ + "/one.json"});
  site.SetDocument("/feed.xml", feed, "\"v2\"");  // changed: fetched and parsed again
  const auto third = Passend({"crawl", "--sources", dir_ + "/one.json"});
  EXPECT_NE(third.out.find("source=ws status=ok postings=22 new=0 updated=0 unchanged=21 expired=1 vanished=0"),
            std::string::npos)
      << third.out;
  EXPECT_EQ(site.FullAnswers("/feed.xml"), 2);
}

TEST_F(EndToEndTest, BadCandidateFilesGiveOneClearLine) {
  ASSERT_EQ(Passend({"crawl", "--sources", dir_ + "/sources.json"}).exit_code, 0);
  test::WriteText(dir_ + "/c/wrongtype.json", R"({"id": "x", "name": "X", "email": "x@v.invalid", "fml": {},
    "maatmanloon": {"amount": "veel", "period": "maand", "hours_per_week": 38}, "home": {"place": "Utrecht"},
    "travel": {"max_minutes": 30}})");
  auto r = Passend({"match", "--candidate", dir_ + "/c/wrongtype.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "passend match: error: " + dir_ + "/c/wrongtype.json: candidate x: maatmanloon.amount: expected a number\n");
  r = Passend({"match", "--candidate", dir_ + "/c/none.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "passend match: error: " + dir_ + "/c/none.json: no such file\n");
  test::WriteText(dir_ + "/c/unknownkey.json", R"({"id": "y", "name": "Y", "email": "y@v.invalid", "fml": {"IV.vliegen": 1},
    "maatmanloon": {"amount": 2500, "period": "maand", "hours_per_week": 38}, "home": {"place": "Utrecht"},
    "travel": {"max_minutes": 30}})");
  // In a directory run, the bad files are reported and the good ones still get their mail.
  std::filesystem::copy_file(test::DataDir() + "/candidates/anna-de-vries.json", dir_ + "/c/anna-de-vries.json");
  const auto alerts = Passend({"alerts", "--week", "2026-W48", "--candidates", dir_ + "/c", "--outbox", dir_ + "/out"});
  EXPECT_EQ(alerts.exit_code, 1);
  EXPECT_NE(alerts.err.find("unknownkey.json: candidate y: fml.IV.vliegen: unknown FML item key"), std::string::npos) << alerts.err;
  EXPECT_NE(alerts.out.find("candidate=anna-de-vries outcome=sent"), std::string::npos) << alerts.out;
}

TEST_F(EndToEndTest, MatchWithoutAnIndexNamesTheNextStep) {
  const auto r = Passend({"match", "--candidate", test::DataDir() + "/candidates/anna-de-vries.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "passend match: error: " + dir_ + "/var/index: no index here; run `passend crawl` first\n");
}

TEST_F(EndToEndTest, DemoRunsTheWholeJobOnTheBundledData) {
  const auto r = test::RunPassend({"demo", "--data-dir", dir_ + "/demo"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("summary sources=3 ok=3 failed=0 new=63"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("summary week=2026-W48 candidates=7 sent=6"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/demo/matches/anna-de-vries.txt"));
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/demo/outbox/2026-W48_anna-de-vries.eml"));
  const auto again = test::RunPassend({"demo", "--data-dir", dir_ + "/demo"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("unchanged=63"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("sent=0 nothing_new=0 already_done=6"), std::string::npos) << again.out;
}

TEST_F(EndToEndTest, IndexLoadsJsonLinesAndNamesBadLines) {
  const std::string jsonl = dir_ + "/vacatures.jsonl";
  test::WriteText(jsonl,
                  R"({"key": "a1", "title": "Administratief medewerker", "location": {"place": "Utrecht", "lat": 52.09, "lon": 5.12}})"
                  "\n"
                  R"({"key": "a2", "title": 42})"
                  "\n\n"
                  R"({"key": "a3", "title": "Planner", "location": {"place": "Utrecht", "lat": 52.09, "lon": 5.12}})"
                  "\n");
  const auto r = Passend({"index", "--jsonl", jsonl});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "summary lines=4 new=2 updated=0 unchanged=0 rejected=1\n");
  EXPECT_EQ(r.err, "passend index: error: " + jsonl + ":2: title: expected a string\n");
  const auto again = Passend({"index", "--jsonl", jsonl});
  EXPECT_EQ(again.out, "summary lines=4 new=0 updated=0 unchanged=2 rejected=1\n");
  const auto explain = Passend({"match", "--candidate", test::DataDir() + "/candidates/anna-de-vries.json", "--explain", "a3"});
  EXPECT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_NE(explain.out.find("Vacature a3: Planner"), std::string::npos) << explain.out;
  // Compacted, the index still answers the same.
  const auto compact = Passend({"compact"});
  EXPECT_EQ(compact.exit_code, 0) << compact.err;
  EXPECT_EQ(compact.out.rfind("summary documents=2 bytes_before=", 0), 0u) << compact.out;
  EXPECT_EQ(Passend({"match", "--candidate", test::DataDir() + "/candidates/anna-de-vries.json", "--explain", "a3"}).out,
            explain.out);
}

TEST_F(EndToEndTest, NormalizeWritesVacanciesAndNamesBadLines) {
  const std::string in = dir_ + "/postings.jsonl", out = dir_ + "/vacatures.jsonl";
  test::WriteText(in,
                  R"({"id": "p1", "title": "Orderpicker", "location": "5047 TK Tilburg", "description": "<p>Nachtdienst. Je tilt dozen tot 20 kg. &euro; 15,10 per uur.</p>"})"
                  "\n"
                  R"({"id": "p2", "title": ""})"
                  "\n");
  const auto r = Passend({"normalize", "--input", in, "--output", out});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "passend normalize: error: " + in + ":2: postings: record p2: title: missing or empty\n"
                   "summary lines=2 normalized=1 rejected=1\n");
  auto v = VacancyFromJsonText(test::ReadText(out), out);
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->sources[0].source, "postings");
  EXPECT_EQ(v->location.place, "Tilburg");
  EXPECT_EQ(v->salary.hourly_min, 15.1);
  EXPECT_EQ(v->occupation.key, "orderpicker");
  // The same file loads into the index.
  EXPECT_EQ(Passend({"index", "--jsonl", out}).out, "summary lines=1 new=1 updated=0 unchanged=0 rejected=0\n");
}

TEST_F(EndToEndTest, ASecondCrawlWhileOneRunsIsRefused) {
  std::filesystem::create_directories(dir_ + "/var");
  const int fd = open((dir_ + "/var/crawl.lock").c_str(), O_CREAT | O_RDWR, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);  // stands in for a running crawl
  const auto r = Passend({"crawl", "--sources", dir_ + "/sources.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "passend crawl: error: another crawl is running on " + dir_ + "/var (crawl.lock)\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/var/index"));
  close(fd);
  EXPECT_EQ(Passend({"crawl", "--sources", dir_ + "/sources.json"}).exit_code, 0);
}

TEST_F(EndToEndTest, SourceShardDryRunAndStatusNarrowAndReport) {
  const std::string sources = dir_ + "/sources.json";
  const auto dry = Passend({"crawl", "--sources", sources, "--source", "werkstation", "--dry-run"});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("source=werkstation status=ok postings=22"), std::string::npos) << dry.out;
  EXPECT_EQ(dry.out.find("source=zorg-en-werk"), std::string::npos);
  EXPECT_NE(dry.out.find("summary sources=1 ok=1 failed=0 new=0"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find(" dry_run=true"), std::string::npos);
  EXPECT_EQ(Passend({"crawl", "--status"}).out.find("werkstation"), std::string::npos);  // a dry run leaves no state

  // The three shards of 3 cover every source exactly once.
  std::string all;
  for (const char* shard : {"1/3", "2/3", "3/3"}) all += Passend({"crawl", "--sources", sources, "--shard", shard}).out;
  for (const char* name : {"werkstation", "zorg-en-werk", "carrierepaginas"}) {
    const std::string line = std::string("source=") + name + " status=ok";
    const size_t at = all.find(line);
    EXPECT_NE(at, std::string::npos) << all;
    EXPECT_EQ(all.find(line, at + 1), std::string::npos) << all;
  }
  const auto status = Passend({"crawl", "--status"});
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status.out.find("werkstation"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("2026-11-23   2026-11-23   0        22"), std::string::npos) << status.out;

  const auto unknown = Passend({"crawl", "--sources", sources, "--source", "nergens"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err, "passend crawl: error: --source: no source named \"nergens\"\n");
  const auto bad_shard = Passend({"crawl", "--sources", sources, "--shard", "4/3"});
  EXPECT_EQ(bad_shard.exit_code, 2);
  EXPECT_EQ(bad_shard.err, "passend crawl: error: --shard: expected I/N with 1 <= I <= N, got \"4/3\"\n");
}

TEST_F(EndToEndTest, HelpAndUsageErrors) {
  EXPECT_EQ(test::RunPassend({"--help"}).exit_code, 0);
  EXPECT_NE(test::RunPassend({"crawl", "--help"}).out.find("Exit: 0 all sources ok"), std::string::npos);
  const auto bad = test::RunPassend({"match", "--kandidaat", "x"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "passend match: error: unknown option --kandidaat (see passend match --help)\n");
  EXPECT_EQ(test::RunPassend({"vliegen"}).exit_code, 2);
}

}  // namespace
}  // namespace passend
