// Crawls of paginated APIs and sitemaps from a real HTTP server on 127.0.0.1, and what the
// crawl remembers between runs (unchanged pages, age cap, source health).
#include <gtest/gtest.h>

#include <filesystem>

#include "crawler/crawl.h"
#include "crawler/multi_fetcher.h"
#include "crawler/sources.h"
#include "store/store.h"
#include "tests/http_server.h"
#include "tests/test_util.h"
#include "tools/passend/cli.h"

namespace passend {
namespace {

std::string FixtureDir() { return test::SourceDir() + "/tests/data/feeds"; }

class CrawlFeedsTest : public testing::Test {
 protected:
  std::vector<SourceConfig> Sources(const std::string& json) { return ws_.Sources(json); }

  SourceReport CrawlOne(const std::vector<SourceConfig>& sources, Days today = *ParseIsoDate("2026-11-23"),
                        CrawlOptions options = {}) {
    FetchOptions fo;
    fo.retries = 0;
    CurlMultiFetcher fetcher(fo, ConnectionLimits{8, 2, 0});
    CrawlCallbacks cb;
    cb.on_error = [this](const std::string& e) { errors_.push_back(e); };
    auto r = Crawl(sources, fetcher, test::TheNormalizer(), *ws_.index, today, cb, options, ws_.state.get());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r->sources.at(0) : SourceReport{};
  }

  test::CrawlWorkspace ws_{"crawl-feeds"};
  std::vector<std::string> errors_;
};

TEST_F(CrawlFeedsTest, OffsetPaginationReadsEveryPage) {
  test::TestHttpServer site(FixtureDir());
  site.PagedRoute("/v1/companies/thuiszorg/postings", "offset",
                  {{"0", test::ReadText(FixtureDir() + "/smartrecruiters/thuiszorg-page1.json")},
                   {"2", test::ReadText(FixtureDir() + "/smartrecruiters/thuiszorg-page2.json")}});
  const auto sources = Sources(R"({"sources": [{"name": "sr", "type": "json-smartrecruiters", "url": ")" +
                               site.Url("/v1/companies/thuiszorg/postings") +
                               R"(", "pagination": {"offset_param": "offset", "limit_param": "limit", "page_size": 2}}]})");
  const SourceReport r = CrawlOne(sources);
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.added, 3);
  EXPECT_EQ(site.Served("/v1/companies/thuiszorg/postings"), 2);  // page 2 held fewer than 2: the end
  for (const auto& e : errors_) ADD_FAILURE() << e;
}

TEST_F(CrawlFeedsTest, NextLinkPaginationAndALoopThatStopsAtMaxPages) {
  test::TestHttpServer site(FixtureDir());
  site.Route("/loop.json", 200, "application/json",
             R"({"items": [{"id": "L1", "title": "Kok", "place": "Ede"}], "next": "/loop.json"})");
  const auto sources = Sources(R"({"sources": [{"name": "regio", "type": "json", "url": ")" +
                               site.Url("/json/regiobanen-page1.json") + R"(", "allow_private_links": true,
      "items": "/data/vacancies", "fields": {"id": "/ref", "title": "/attributes/name",
      "employer": "/attributes/org/name", "place": "/attributes/where/city"}, "pagination": {"next": "/links/next"}},
     {"name": "loop", "type": "json", "url": ")" + site.Url("/loop.json") + R"(", "allow_private_links": true,
      "max_pages": 5, "items": "/items", "fields": {"id": "/id", "title": "/title", "place": "/place"},
      "pagination": {"next": "/next"}}]})");
  EXPECT_EQ(CrawlOne({sources[0]}).added, 3);
  EXPECT_EQ(site.Served("/json/regiobanen-page2.json"), 1);
  const SourceReport loop = CrawlOne({sources[1]});
  EXPECT_TRUE(loop.ok);
  EXPECT_EQ(site.Served("/loop.json"), 5);
  EXPECT_EQ(loop.record_errors, 1);
  EXPECT_EQ(errors_.back(), "loop: " + site.Url("/loop.json") + ": stopped after 5 pages (max_pages)");
}

TEST_F(CrawlFeedsTest, NextLinkToALoopbackAddressIsNotFollowedUnlessAllowed) {
  test::TestHttpServer site(FixtureDir());
  const auto sources = Sources(R"({"sources": [{"name": "regio", "type": "json", "url": ")" +
                               site.Url("/json/regiobanen-page1.json") + R"(",
      "items": "/data/vacancies", "fields": {"id": "/ref", "title": "/attributes/name"}, "pagination": {"next": "/links/next"}}]})");
  const SourceReport r = CrawlOne(sources);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("link not followed: private or loopback address"), std::string::npos) << r.error;
  EXPECT_EQ(site.Served("/json/regiobanen-page2.json"), 0);
  EXPECT_EQ(*ws_.index->Count(), 0u);  // a half-read source lands nothing
}

class SitemapCrawlTest : public CrawlFeedsTest {
 protected:
  void SetUp() override {
    CrawlFeedsTest::SetUp();
    site_root_ = ws_.dir + "/site";
    std::filesystem::copy(FixtureDir() + "/sitemap", site_root_, std::filesystem::copy_options::recursive);
    site_ = std::make_unique<test::TestHttpServer>(site_root_);
  }
  std::vector<SourceConfig> SitemapSource(bool allow_private) {
    return Sources(R"({"sources": [{"name": "vandam", "type": "sitemap", "url": ")" + site_->Url("/sitemap_index.xml") +
                   R"(", "include": ["job"], "allow_private_links": )" + (allow_private ? "true" : "false") + "}]}");
  }
  std::string site_root_;
  std::unique_ptr<test::TestHttpServer> site_;
};

TEST_F(SitemapCrawlTest, OnlyPagesWithANewLastmodAreFetchedAgain) {
  const auto sources = SitemapSource(true);
  const SourceReport first = CrawlOne(sources);
  EXPECT_TRUE(first.ok) << first.error;
  EXPECT_EQ(first.added, 2);
  EXPECT_EQ(first.record_errors, 1);  // the <url> without <loc>
  EXPECT_EQ(site_->Served("/post-sitemap.xml"), 0);  // not a job sitemap
  const SourceReport second = CrawlOne(sources);
  EXPECT_EQ(second.postings, 2);
  EXPECT_EQ(second.pages_skipped, 2);
  EXPECT_EQ(second.vanished, 0);
  EXPECT_EQ(site_->Served("/job/monteur/index.html"), 1);
  std::string sitemap = test::ReadText(site_root_ + "/job-sitemap.xml");
  sitemap.replace(sitemap.find("2026-11-18T07:00:07"), 19, "2026-11-22T09:00:00");
  test::WriteText(site_root_ + "/job-sitemap.xml", sitemap);
  const SourceReport third = CrawlOne(sources);
  EXPECT_EQ(third.pages_skipped, 1);
  EXPECT_EQ(third.unchanged, 1);
  EXPECT_EQ(site_->Served("/job/monteur/index.html"), 2);
  EXPECT_EQ(site_->Served("/job/planner/index.html"), 1);
  EXPECT_EQ(*ws_.index->Count(), 2u);
}

TEST_F(SitemapCrawlTest, LinksToLoopbackAreRefusedWithoutTheSourcesPermission) {
  const SourceReport r = CrawlOne(SitemapSource(false));
  EXPECT_TRUE(r.ok);  // the sitemap itself was configured by the operator
  EXPECT_EQ(r.added, 0);
  EXPECT_EQ(site_->Served("/job-sitemap.xml"), 0);
  ASSERT_FALSE(errors_.empty());
  EXPECT_EQ(errors_.back(), "vandam: " + site_->Url("/job-sitemap.xml") +
                                ": link not followed: private or loopback address (set \"allow_private_links\" on "
                                "the source to allow it)");
}

TEST_F(SitemapCrawlTest, APageThatFailsKeepsWhatItGaveBefore) {
  const auto sources = SitemapSource(true);
  EXPECT_EQ(CrawlOne(sources).added, 2);
  std::filesystem::remove(site_root_ + "/job/planner/index.html");
  std::string sitemap = test::ReadText(site_root_ + "/job-sitemap.xml");
  sitemap.replace(sitemap.find("2026-11-19T07:28:43"), 19, "2026-11-22T09:00:00");
  test::WriteText(site_root_ + "/job-sitemap.xml", sitemap);
  for (int i = 0; i < 3; ++i) {
    const SourceReport r = CrawlOne(sources);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.vanished, 0);  // a failed fetch never expires anything
  }
  EXPECT_EQ(*ws_.index->Count(), 2u);
  EXPECT_NE(errors_.back().find("/job/planner/index.html: HTTP 404"), std::string::npos) << errors_.back();
}

TEST_F(CrawlFeedsTest, AgeCapDropsPostingsWithoutValidThroughSixtyDaysAfterFirstSeen) {
  test::TestHttpServer site(FixtureDir());
  const auto sources = Sources(R"({"sources": [{"name": "rss", "type": "rss", "url": ")" +
                               site.Url("/rss/werkplein-vacatures.xml") + R"("}]})");
  const Days first_day = *ParseIsoDate("2026-11-20");
  EXPECT_EQ(CrawlOne(sources, first_day).added, 2);
  EXPECT_EQ(CrawlOne(sources, first_day + 60).aged, 0);
  const SourceReport late = CrawlOne(sources, first_day + 61);
  EXPECT_EQ(late.aged, 1);  // the item without validThrough; the other expired by its own date
  EXPECT_EQ(*ws_.index->Count(), 0u);
  EXPECT_EQ(CrawlOne(sources, first_day + 62).added, 0);  // still listed: not added again
}

TEST_F(CrawlFeedsTest, SourceHealthCountsConsecutiveFailuresUntilASuccess) {
  test::TestHttpServer site(FixtureDir());
  const auto good = Sources(R"({"sources": [{"name": "rss", "type": "rss", "url": ")" +
                            site.Url("/rss/werkplein-vacatures.xml") + R"("}]})");
  const auto bad = Sources(R"({"sources": [{"name": "rss", "type": "rss", "url": ")" + site.Url("/weg.xml") + R"("}]})");
  const Days day = *ParseIsoDate("2026-11-20");
  CrawlOne(good, day);
  CrawlOne(bad, day + 1);
  CrawlOne(bad, day + 2);
  auto health = ws_.store->SourceHealthList();
  ASSERT_TRUE(health.ok());
  ASSERT_EQ(health->size(), 1u);
  EXPECT_EQ((*health)[0].consecutive_failures, 2);
  EXPECT_EQ((*health)[0].last_success, "2026-11-20");
  EXPECT_EQ((*health)[0].last_attempt, "2026-11-22");
  EXPECT_EQ((*health)[0].last_error, site.Url("/weg.xml") + ": HTTP 404");
  EXPECT_EQ((*health)[0].postings, 2);  // the last success's counts are kept
  CrawlOne(good, day + 3);
  health = ws_.store->SourceHealthList();
  EXPECT_EQ((*health)[0].consecutive_failures, 0);
  EXPECT_EQ((*health)[0].last_error, "");
}

TEST_F(CrawlFeedsTest, DryRunChangesNeitherIndexNorState) {
  test::TestHttpServer site(FixtureDir());
  const auto sources = Sources(R"({"sources": [{"name": "rss", "type": "rss", "url": ")" +
                               site.Url("/rss/werkplein-vacatures.xml") + R"("}]})");
  CrawlOptions dry;
  dry.dry_run = true;
  const SourceReport r = CrawlOne(sources, *ParseIsoDate("2026-11-20"), dry);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.postings, 2);
  EXPECT_EQ(*ws_.index->Count(), 0u);
  EXPECT_TRUE(ws_.store->SourceHealthList()->empty());
  EXPECT_FALSE(ws_.store->ReadUrlRecord(site.Url("/rss/werkplein-vacatures.xml"))->keys_known);
}

}  // namespace
}  // namespace passend
