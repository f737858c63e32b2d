#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>

#include "crawler/adapters.h"
#include "crawler/crawl.h"
#include "crawler/robots.h"
#include "crawler/sources.h"
#include "store/store.h"
#include "tests/http_server.h"
#include "tests/test_util.h"
#include "tools/passend/cli.h"

namespace passend {
namespace {

std::string Bundled(const std::string& rel) { return test::ReadText(test::DataDir() + "/" + rel); }

SourceConfig Src(const std::string& name, const std::string& type, std::vector<std::string> urls) {
  SourceConfig s;
  s.name = name;
  s.type = type;
  s.urls = std::move(urls);
  return s;
}

TEST(XmlAdapterTest, ReadsTheBundledWerkstationFeed) {
  auto feed = ParseIndeedXml("werkstation", Bundled("feeds/werkstation.xml"));
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed->postings.size(), 22u);
  const RawPosting& p = feed->postings.front();
  EXPECT_EQ(p.external_id, "WS-1001");
  EXPECT_EQ(p.place, "Nieuwegein");
  EXPECT_NE(p.description.find("<strong>nachtdienst</strong>"), std::string::npos);  // CDATA kept as HTML
}

TEST(XmlAdapterTest, BrokenXmlFailsTheSourceWithOffset) {
  auto feed = ParseIndeedXml("kapot", "<source><job><title>x</title></job>");
  ASSERT_FALSE(feed.ok());
  EXPECT_EQ(feed.status().message().rfind("kapot: invalid XML at byte", 0), 0u);
}

TEST(XmlAdapterTest, EntitiesFromADtdAreNotExpanded) {
  const std::string body =
      "<?xml version=\"1.0\"?><!DOCTYPE source [<!ENTITY lol \"lollollollollol\">]>"
      "<source><job><referencenumber>1</referencenumber><title>&lol;</title></job></source>";
  auto feed = ParseIndeedXml("dtd", body);
  if (feed.ok()) {
    ASSERT_EQ(feed->postings.size(), 1u);
    EXPECT_EQ(feed->postings[0].title.find("lollol"), std::string::npos);
  }
}

TEST(XmlAdapterTest, Latin1AndBomFeedsComeOutAsUtf8) {
  const std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><source><job><referencenumber>1</referencenumber>"
                             "<title>Caf\xE9medewerker</title></job></source>";
  auto feed = ParseIndeedXml("l1", latin1);
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed->postings[0].title, "Caf\xC3\xA9medewerker");
  auto bom = ParseIndeedXml("bom", "\xEF\xBB\xBF<source><job><url>u</url><title>Kok</title></job></source>");
  ASSERT_TRUE(bom.ok()) << bom.status().message();
  EXPECT_EQ(bom->postings[0].title, "Kok");
}

TEST(XmlAdapterTest, JobWithoutIdOrUrlIsARecordError) {
  auto feed = ParseIndeedXml("s", "<source><job><title>A</title></job><job><referencenumber>2</referencenumber>"
                                  "<title>B</title></job></source>");
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(feed->postings.size(), 1u);
  ASSERT_EQ(feed->record_errors.size(), 1u);
  EXPECT_EQ(feed->record_errors[0], "s: record 1: referencenumber: missing (and no url)");
}

TEST(JsonAdapterTest, ReadsTheBundledRecruiteeFeed) {
  auto feed = ParseRecruiteeJson("zw", Bundled("feeds/zorg-en-werk-offers.json"));
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed->postings.size(), 21u);
  EXPECT_EQ(feed->postings[0].salary.period, "month");
  EXPECT_EQ(feed->postings[0].hours, "24-32");
}

TEST(JsonAdapterTest, WrongShapeNamesTheField) {
  auto feed = ParseRecruiteeJson("zw", R"({"jobs": []})");
  ASSERT_FALSE(feed.ok());
  EXPECT_EQ(feed.status().message(), "zw: /offers: expected an array of items");
}

TEST(JsonLdAdapterTest, FindsPostingsInBlocksGraphsAndArrays) {
  size_t total = 0;
  for (const char* page : {"bouwgroep-oost", "zorgkompas", "stadsbedrijven", "horeca-collectief", "retail-noord"}) {
    auto feed = ParseJsonLdHtml("pages", std::string("https://x/") + page, Bundled(std::string("pages/") + page + ".html"));
    ASSERT_TRUE(feed.ok()) << page;
    EXPECT_GE(feed->postings.size(), 4u) << page;
    total += feed->postings.size();
  }
  EXPECT_EQ(total, 21u);
}

TEST(JsonLdAdapterTest, ReadsNestedAddressAndMonetaryAmount) {
  const std::string html = R"(<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "JobPosting", "title": "Kok",
     "identifier": {"@type": "PropertyValue", "name": "Restaurant", "value": "K-1"},
     "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Leiden",
                      "postalCode": "2311 AA"}}],
     "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                    "value": {"@type": "QuantitativeValue", "minValue": 2600, "maxValue": 3100, "unitText": "MONTH"}}}]}
    </script><script type="application/ld+json">{ not json</script></head><body></body></html>)";
  auto feed = ParseJsonLdHtml("p", "https://x/kok", html);
  ASSERT_TRUE(feed.ok());
  ASSERT_EQ(feed->postings.size(), 1u);
  const RawPosting& p = feed->postings[0];
  EXPECT_EQ(p.external_id, "K-1");
  EXPECT_EQ(p.place, "Leiden");
  EXPECT_EQ(p.postcode, "2311 AA");
  EXPECT_EQ(p.salary.min, "2600");
  EXPECT_EQ(p.salary.period, "MONTH");
  ASSERT_EQ(feed->record_errors.size(), 1u);
  EXPECT_NE(feed->record_errors[0].find("JSON-LD block 2: invalid JSON"), std::string::npos);
}

// Real feeds from other projects, in ../shared/feeds: skipped when that folder is absent.
class SharedFeedTest : public testing::Test {
 protected:
  std::string Read(const std::string& rel) {
    const std::string path = test::SharedFeedsDir() + "/" + rel;
    if (!std::filesystem::exists(path)) return "";
    return test::ReadText(path);
  }
};

TEST_F(SharedFeedTest, IndeedDutchFeedWithCdataAndRemoteCity) {
  const std::string body = Read("indeed/loxo-remotetalents-nl.xml");
  if (body.empty()) GTEST_SKIP() << "../shared/feeds not present";
  auto feed = ParseIndeedXml("loxo", body);
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  ASSERT_FALSE(feed->postings.empty());
  auto v = test::TheNormalizer().Normalize(feed->postings[0]);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->title, "Accountmanager");
  EXPECT_TRUE(v->location.remote);
  EXPECT_EQ(v->hours.min, 21);  // the text says 21-25 uur while <jobtype> says fulltime
  EXPECT_EQ(v->hours.max, 25);
}

TEST_F(SharedFeedTest, RecruiteeFixtureWithStringNumbers) {
  const std::string body = Read("recruitee/careerkit-recruitee.json");
  if (body.empty()) GTEST_SKIP() << "../shared/feeds not present";
  auto feed = ParseRecruiteeJson("rec", body);
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  ASSERT_FALSE(feed->postings.empty());
  auto v = test::TheNormalizer().Normalize(feed->postings[0]);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->salary.period, "jaar");
  EXPECT_EQ(v->salary.min, 60000);
  EXPECT_EQ(v->contract, "vast");
  EXPECT_EQ(v->date_posted, "2026-08-05");
}

TEST_F(SharedFeedTest, RealCareerPageJsonLd) {
  const std::string body = Read("jsonld/zonos-careerpage-backend-engineer.html");
  if (body.empty()) GTEST_SKIP() << "../shared/feeds not present";
  auto feed = ParseJsonLdHtml("zonos", "https://example/job", body);
  ASSERT_TRUE(feed.ok());
  ASSERT_EQ(feed->postings.size(), 1u);
  EXPECT_FALSE(feed->postings[0].title.empty());
}

TEST_F(SharedFeedTest, DeliberatelyBrokenFeedFailsClearly) {
  const std::string body = Read("personio/threadi-positions-faulty-NEGATIVE.xml");
  if (body.empty()) GTEST_SKIP() << "../shared/feeds not present";
  auto feed = ParseIndeedXml("personio", body);
  ASSERT_FALSE(feed.ok());
  EXPECT_EQ(feed.status().message().rfind("personio: ", 0), 0u);
}

TEST(SourcesTest, LoadsBundledSourcesAndResolvesRelativePaths) {
  auto s = LoadSources(test::DataDir() + "/sources.json");
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->sources.size(), 3u);
  EXPECT_TRUE(s->sources[0].allow_file);
  EXPECT_EQ(s->sources[0].urls[0], "file://" + test::DataDir() + "/feeds/werkstation.xml");
  EXPECT_EQ(s->sources[2].urls.size(), 5u);
}

TEST(SourcesTest, UnknownTypeAndDuplicateNamesAreConfigErrors) {
  const std::string dir = test::MakeTempDir("sources");
  test::WriteText(dir + "/a.json", R"({"sources": [{"name": "x", "type": "ftp-feed", "url": "x.xml"}]})");
  auto a = LoadSources(dir + "/a.json");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(), dir + "/a.json: source x: type: unknown \"ftp-feed\" (known: xml-indeed, xml-personio, xml-hrxml, rss, atom, xml, json-recruitee, json-greenhouse, json-lever, "
            "json-workable, json-smartrecruiters, json-feed, json, jsonld, sitemap)");
  test::WriteText(dir + "/b.json", R"({"sources": [{"name": "x", "type": "jsonld", "url": "http://h/a"},
                                                  {"name": "x", "type": "jsonld", "url": "http://h/b"}]})");
  auto b = LoadSources(dir + "/b.json");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().message(), dir + "/b.json: source x: name: used twice");
  auto missing = LoadSources(dir + "/none.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), dir + "/none.json: no such file");
  test::WriteText(dir + "/c.json", R"({"retries": 50, "sources": []})");
  EXPECT_EQ(LoadSources(dir + "/c.json").status().message(), dir + "/c.json: retries: expected 0 to 10");
  test::WriteText(dir + "/d.json", R"({"retries": 1, "retry_backoff_ms": 250, "sources": []})");
  auto d = LoadSources(dir + "/d.json");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->retries, 1);
  EXPECT_EQ(d->retry_backoff_ms, 250);
}

// In-memory fetcher for crawl-loop tests; the end-to-end test uses a real HTTP server.
class MapFetcher : public Fetcher {
 public:
  std::map<std::string, std::string> bodies;
  StatusOr<FetchResult> Fetch(const std::string& url, bool) override {
    auto it = bodies.find(url);
    if (it == bodies.end()) return Status::Unavailable(url + ": HTTP 404");
    FetchResult r;
    r.http_status = 200;
    r.body = it->second;
    return r;
  }
  StatusOr<FetchResult> FetchAnyStatus(const std::string& url) override {
    auto it = bodies.find(url);
    FetchResult r;
    r.http_status = it == bodies.end() ? 404 : 200;  // no robots.txt: everything allowed
    if (it != bodies.end()) r.body = it->second;
    return r;
  }
};

TEST(CrawlTest, AFailingSourceKeepsWhatWasIndexedAndOthersStillLand) {
  const std::string dir = test::MakeTempDir("crawl");
  auto index = VacancyIndex::OpenWritable(dir + "/index");
  ASSERT_TRUE(index.ok());
  MapFetcher fetcher;
  fetcher.bodies["http://a/feed.xml"] = Bundled("feeds/werkstation.xml");
  fetcher.bodies["http://b/offers.json"] = Bundled("feeds/zorg-en-werk-offers.json");
  const std::vector<SourceConfig> sources = {Src("a", "xml-indeed", {"http://a/feed.xml"}),
                                             Src("b", "json-recruitee", {"http://b/offers.json"})};
  const Days today = *ParseIsoDate("2026-11-23");
  auto first = Crawl(sources, fetcher, test::TheNormalizer(), *index, today, {});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->ExitCode(), 0);
  EXPECT_EQ(*index->Count(), 42u);  // 43 postings, 1 expired (validThrough 2026-11-15)
  EXPECT_EQ(first->sources[0].stale, 1);  // refused, never indexed
  EXPECT_EQ(first->expired, 0);

  fetcher.bodies["http://a/feed.xml"] = "<source><job>";  // broken now
  auto second = Crawl(sources, fetcher, test::TheNormalizer(), *index, today, {});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->ExitCode(), 1);
  EXPECT_FALSE(second->sources[0].ok);
  EXPECT_NE(second->sources[0].error.find("http://a/feed.xml: a: invalid XML"), std::string::npos);
  EXPECT_EQ(second->sources[1].unchanged, 21);
  EXPECT_EQ(*index->Count(), 42u);  // nothing lost, nothing duplicated
  EXPECT_EQ(second->SummaryLine(),
            "summary sources=2 ok=1 failed=1 new=0 updated=0 unchanged=21 expired=0 vanished=0 aged=0 record_errors=0");
}

TEST(CrawlTest, AVacancyGoneFromItsSourceIsRemovedAfterTwoSuccessfulCrawlsOnly) {
  const std::string dir = test::MakeTempDir("crawl-vanish");
  auto index = VacancyIndex::OpenWritable(dir + "/index");
  auto store = Store::Open(dir + "/p.db");
  ASSERT_TRUE(index.ok() && store.ok());
  cli::StoreCrawlState tracker(*store, cli::kVanishGraceCrawls);
  MapFetcher fetcher;
  const std::string full = Bundled("feeds/werkstation.xml");
  const size_t second_job = full.find("<job>", full.find("<job>") + 1);
  const std::string reduced = full.substr(0, second_job) + full.substr(full.find("</job>", second_job) + 6);
  const std::vector<SourceConfig> sources = {Src("a", "xml-indeed", {"http://a/feed.xml"})};
  const Days today = *ParseIsoDate("2026-11-23");
  auto crawl = [&](const std::string& body) {
    fetcher.bodies["http://a/feed.xml"] = body;
    auto r = Crawl(sources, fetcher, test::TheNormalizer(), *index, today, {}, {}, &tracker);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->sources[0] : SourceReport{};
  };
  crawl(full);
  EXPECT_EQ(*index->Count(), 21u);
  EXPECT_EQ(crawl(reduced).vanished, 0);  // missing once: kept
  EXPECT_FALSE(crawl("<source><job>").ok);  // a failed fetch counts for nothing
  EXPECT_EQ(*index->Count(), 21u);
  EXPECT_EQ(crawl(reduced).vanished, 1);  // missing in two successful crawls: gone
  EXPECT_EQ(*index->Count(), 20u);
  EXPECT_EQ(crawl(full).added, 1);  // listed again: back
}

TEST(CrawlTest, AnUnchangedPostingIsNotNormalisedAgainUntilTheNormalizerOrTheIndexChanges) {
  test::CrawlWorkspace ws("crawl-input-hash");
  VacancyIndex* index = ws.index.get();
  MapFetcher fetcher;
  fetcher.bodies["http://a/feed.xml"] = Bundled("feeds/werkstation.xml");
  const std::vector<SourceConfig> sources = {Src("a", "xml-indeed", {"http://a/feed.xml"})};
  // Without the occupation table, normalising again would change every classified vacancy.
  NormalizerData without_occupations = test::TheNormalizerData();
  without_occupations.occupations = nullptr;
  const Normalizer same_version(without_occupations);
  without_occupations.tables_hash ^= 1;
  const Normalizer new_version(without_occupations);
  auto crawl = [&](const Normalizer& normalizer) {
    auto r = Crawl(sources, fetcher, normalizer, *index, *ParseIsoDate("2026-11-23"), {}, {}, ws.state.get());
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->sources[0] : SourceReport{};
  };
  ASSERT_EQ(crawl(test::TheNormalizer()).added, 21);
  const SourceReport skipped = crawl(same_version);  // same input hashes: not normalised
  EXPECT_EQ(skipped.unchanged, 21);
  EXPECT_EQ(skipped.updated, 0);
  const SourceReport renormalised = crawl(new_version);  // other tables: every posting again
  EXPECT_GT(renormalised.updated, 0);
  EXPECT_EQ(renormalised.updated + renormalised.unchanged, 21);
  // A vacancy the index lost is indexed again although its posting did not change.
  auto feed = ParseIndeedXml("a", Bundled("feeds/werkstation.xml"));
  ASSERT_TRUE(feed.ok());
  ASSERT_TRUE(*index->Remove(PostingKey(feed->postings[0])));
  ASSERT_TRUE(index->Commit().ok());
  const SourceReport restored = crawl(new_version);
  EXPECT_EQ(restored.added, 1);
  EXPECT_EQ(restored.unchanged, 20);
  EXPECT_EQ(*index->Count(), 21u);
}

// Answers 304 when the known ETag is the document's current one, as a real server does.
class VersionedFetcher : public MapFetcher {
 public:
  std::map<std::string, std::string> etags;
  int full_fetches = 0;
  StatusOr<FetchResult> Fetch(const std::string& url, bool allow_file) override {
    ++full_fetches;
    auto r = MapFetcher::Fetch(url, allow_file);
    if (r.ok()) r->validators.etag = etags[url];
    return r;
  }
  StatusOr<FetchResult> FetchIfChanged(const std::string& url, bool allow_file, const Validators& known) override {
    if (known.etag.empty() || known.etag != etags[url]) return Fetch(url, allow_file);
    FetchResult r;
    r.http_status = 304;
    r.not_modified = true;
    r.validators = known;
    return r;
  }
};

TEST(CrawlTest, AnUnchangedUrlOfASourceListsWhatItGaveLastTimeSoNothingSeemsToVanish) {
  const std::string dir = test::MakeTempDir("crawl-304");
  auto index = VacancyIndex::OpenWritable(dir + "/index");
  auto store = Store::Open(dir + "/p.db");
  ASSERT_TRUE(index.ok() && store.ok());
  cli::StoreCrawlState state(*store, cli::kVanishGraceCrawls);
  VersionedFetcher fetcher;
  const std::string p1 = "http://a/zorgkompas.html", p2 = "http://a/retail-noord.html";
  fetcher.bodies[p1] = Bundled("pages/zorgkompas.html");
  fetcher.bodies[p2] = Bundled("pages/retail-noord.html");
  fetcher.etags = {{p1, "\"1\""}, {p2, "\"1\""}};
  const std::vector<SourceConfig> sources = {Src("pages", "jsonld", {p1, p2})};
  auto crawl = [&] {
    auto r = Crawl(sources, fetcher, test::TheNormalizer(), *index, *ParseIsoDate("2026-11-23"), {}, {}, &state);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->sources[0] : SourceReport{};
  };
  const SourceReport first = crawl();
  const size_t all = *index->Count();
  ASSERT_GT(first.postings, 0);
  EXPECT_TRUE(crawl().not_modified);  // both answer 304
  EXPECT_EQ(fetcher.full_fetches, 2);
  for (const char* etag : {"\"2\"", "\"3\""}) {  // only the second page changes, twice
    fetcher.etags[p2] = etag;
    const SourceReport r = crawl();
    EXPECT_EQ(r.postings, first.postings);  // the unchanged page's keys come from the state
    EXPECT_EQ(r.pages_skipped, 1);
    EXPECT_EQ(r.vanished, 0);
  }
  EXPECT_EQ(fetcher.full_fetches, 4);  // the first crawl's two, then only the changed page
  EXPECT_EQ(*index->Count(), all);
}

TEST(RobotsGateTest, CrawlDelayIsCappedAndADisallowedPathNamesTheRobotsTxt) {
  RobotsGate gate("Passend", 0.2);
  FetchResult a;
  a.http_status = 200;
  a.body = "User-agent: *\nCrawl-delay: 0.1\nDisallow: /prive\n";
  FetchResult b = a;
  b.body = "User-agent: *\nCrawl-delay: 3600\n";
  gate.Learn("http://a", a);
  gate.Learn("http://b", b);
  EXPECT_EQ(gate.DelayFor("http://a"), 0.1);
  EXPECT_EQ(gate.DelayFor("http://b"), 0.2);  // an hour asked, capped
  EXPECT_TRUE(gate.Check("http://a/1").ok());
  EXPECT_EQ(gate.Check("http://a/prive/x").message(), "http://a/prive/x: disallowed by http://a/robots.txt");
  gate.Learn("http://c", Status::Unavailable("http://c/robots.txt: Connection refused"));
  EXPECT_EQ(gate.Check("http://c/feed").message(),
            "http://c/feed: robots.txt could not be read (http://c/robots.txt: Connection refused), so the site is "
            "not crawled");
}

// Notes when each URL was fetched.
class TimedFetcher : public MapFetcher {
 public:
  std::vector<std::pair<std::string, double>> fetched;
  StatusOr<FetchResult> Fetch(const std::string& url, bool allow_file) override {
    fetched.emplace_back(url, std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count());
    return MapFetcher::Fetch(url, allow_file);
  }
};

TEST(CrawlTest, CrawlDelayIsKeptBetweenFetchesFromOneSite) {
  const std::string dir = test::MakeTempDir("crawl-delay");
  auto index = VacancyIndex::OpenWritable(dir + "/index");
  ASSERT_TRUE(index.ok());
  TimedFetcher fetcher;
  fetcher.bodies["http://a/robots.txt"] = "User-agent: *\nCrawl-delay: 0.3\n";
  for (const char* p : {"zorgkompas", "retail-noord", "stadsbedrijven"}) {
    fetcher.bodies[std::string("http://a/") + p] = Bundled(std::string("pages/") + p + ".html");
  }
  fetcher.bodies["http://b/x"] = Bundled("pages/bouwgroep-oost.html");
  auto r = Crawl({Src("a", "jsonld", {"http://a/zorgkompas", "http://a/retail-noord", "http://a/stadsbedrijven"}),
                  Src("b", "jsonld", {"http://b/x"})},
                 fetcher, test::TheNormalizer(), *index, *ParseIsoDate("2026-11-23"), {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ExitCode(), 0);
  std::vector<double> a_times;
  for (const auto& [url, at] : fetcher.fetched) {
    if (url.rfind("http://a/", 0) == 0) a_times.push_back(at);
  }
  ASSERT_EQ(a_times.size(), 3u);
  EXPECT_GE(a_times[1] - a_times[0], 0.29);
  EXPECT_GE(a_times[2] - a_times[1], 0.29);
}

FetchOptions QuickRetries() {
  FetchOptions o;
  o.retries = 2;
  o.backoff_ms = 10;
  return o;
}

TEST(FetcherTest, ServerErrorsAndTooManyRequestsAreRetriedHonouringRetryAfter) {
  test::TestHttpServer server(test::DataDir());
  server.FlakyRoute("/busy.xml", 2, 503, "0", "<source/>");
  server.FlakyRoute("/slow-down.xml", 1, 429, "1", "<source/>");
  CurlFetcher fetcher(QuickRetries());
  auto busy = fetcher.Fetch(server.Url("/busy.xml"), false);
  ASSERT_TRUE(busy.ok()) << busy.status().message();
  EXPECT_EQ(busy->attempts, 3);
  EXPECT_EQ(server.Requests("/busy.xml"), 3);
  const auto start = std::chrono::steady_clock::now();
  auto slow = fetcher.Fetch(server.Url("/slow-down.xml"), false);
  ASSERT_TRUE(slow.ok());
  EXPECT_GE(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 0.9);  // Retry-After: 1
}

TEST(FetcherTest, OtherClientErrorsAreNotRetriedAndRetriesStop) {
  test::TestHttpServer server(test::DataDir());
  server.FlakyRoute("/gone.xml", 100, 410, "", "");
  server.FlakyRoute("/down.xml", 100, 500, "", "");
  CurlFetcher fetcher(QuickRetries());
  auto gone = fetcher.Fetch(server.Url("/gone.xml"), false);
  EXPECT_EQ(gone.status().message(), server.Url("/gone.xml") + ": HTTP 410");
  EXPECT_EQ(server.Requests("/gone.xml"), 1);
  auto down = fetcher.Fetch(server.Url("/down.xml"), false);
  EXPECT_EQ(down.status().message(), server.Url("/down.xml") + ": HTTP 500 (after 3 attempts)");
  EXPECT_EQ(server.Requests("/down.xml"), 3);
  int port = 0;
  {
    test::TestHttpServer closed(test::DataDir());
    port = closed.port();
  }
  auto refused = fetcher.Fetch("http://127.0.0.1:" + std::to_string(port) + "/x.xml", false);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("(after 3 attempts)"), std::string::npos) << refused.status().message();
}

TEST(CrawlTest, ExitCodeTwoWhenNothingSucceeds) {
  const std::string dir = test::MakeTempDir("crawl2");
  auto index = VacancyIndex::OpenWritable(dir + "/index");
  ASSERT_TRUE(index.ok());
  MapFetcher fetcher;
  auto report = Crawl({Src("a", "jsonld", {"http://nowhere/"})}, fetcher, test::TheNormalizer(), *index,
                      *ParseIsoDate("2026-11-23"), {});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->ExitCode(), 2);
  EXPECT_EQ(SourceLine(report->sources[0]), "source=a status=failed error=\"http://nowhere/: HTTP 404\"");
}

}  // namespace
}  // namespace passend
