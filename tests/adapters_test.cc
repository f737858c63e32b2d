// Every feed type on fixtures shaped like the real thing (tests/data/feeds, invented
// content) and on the real samples in ../shared/feeds when present. Each source is built
// from a sources.json snippet, so the presets and the overrides are what an operator gets.
#include <gtest/gtest.h>

#include <filesystem>

#include "crawler/adapters.h"
#include "crawler/sources.h"
#include "tests/test_util.h"

namespace passend {
namespace {

std::string FixtureDir() { return test::SourceDir() + "/tests/data/feeds"; }

// The source `object` (JSON) as LoadSources reads it.
SourceConfig Configured(const std::string& object) {
  const std::string dir = test::MakeTempDir("adapters");
  test::WriteText(dir + "/sources.json", "{\"sources\": [" + object + "]}");
  auto s = LoadSources(dir + "/sources.json");
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? s->sources.at(0) : SourceConfig{};
}

ParsedFeed Parse(const std::string& type_and_options, const std::string& path) {
  const SourceConfig source = Configured("{\"name\": \"s\", \"url\": \"http://h/f\", " + type_and_options + "}");
  auto feed = ParseFeed(source, "https://feeds.example/" + path, test::ReadText(path));
  EXPECT_TRUE(feed.ok()) << feed.status().message();
  return feed.ok() ? *feed : ParsedFeed{};
}

ParsedFeed Fixture(const std::string& type_and_options, const std::string& rel) {
  return Parse(type_and_options, FixtureDir() + "/" + rel);
}

Vacancy Normalized(const RawPosting& p) {
  auto v = test::TheNormalizer().Normalize(p);
  EXPECT_TRUE(v.ok()) << v.status().message();
  return v.ok() ? *v : Vacancy{};
}

TEST(PersonioTest, JoinsDescriptionBlocksReadsSalaryAndSkipsTheBom) {
  const ParsedFeed f = Fixture(R"("type": "xml-personio", "defaults": {"url": "https://zorg.jobs.personio.de/job/{id}"})",
                               "personio/zorggroep-rivierenland.xml");
  ASSERT_EQ(f.postings.size(), 2u);
  const RawPosting& p = f.postings[0];
  EXPECT_EQ(p.external_id, "310045");
  EXPECT_EQ(p.url, "https://zorg.jobs.personio.de/job/310045");
  EXPECT_EQ(p.employer, "Zorggroep Rivierenland");
  EXPECT_EQ(p.place, "Tiel");
  EXPECT_EQ(p.salary.min, "2450.00");
  EXPECT_EQ(p.salary.max, "");
  EXPECT_EQ(p.salary.period, "monthly");
  EXPECT_NE(p.description.find("Wat ga je doen?\nJe houdt de appartementen"), std::string::npos) << "[" << p.description << "]";
  EXPECT_NE(p.description.find("<li>Je spreekt Nederlands</li>"), std::string::npos);
  const Vacancy v = Normalized(p);
  EXPECT_EQ(v.date_posted, "2026-11-02");
  EXPECT_EQ(v.salary.min, 2450);
  EXPECT_NE(Normalized(f.postings[1]).description.find("cli\xC3\xABnten"), std::string::npos);  // &euml; decoded
}

TEST(PersonioTest, Latin1FeedWithMissingFieldsAndARecordWithoutId) {
  const ParsedFeed f = Fixture(R"("type": "xml-personio", "defaults": {"employer": "Bouwbedrijf Achterhoek"})",
                               "personio/bouwbedrijf-latin1.xml");
  ASSERT_EQ(f.postings.size(), 1u);
  EXPECT_EQ(f.postings[0].title, "Calculator b\xC3\xA9ton- en staalbouw");
  EXPECT_EQ(f.postings[0].employer, "Bouwbedrijf Achterhoek");  // from the source's defaults
  ASSERT_EQ(f.record_errors.size(), 1u);
  EXPECT_EQ(f.record_errors[0], "s: record 2: id: missing (and no url)");
  EXPECT_EQ(Normalized(f.postings[0]).date_posted, "2026-11-20");
}

TEST(HrXmlTest, PositionOpeningAsRootWithDefaultNamespace) {
  const ParsedFeed f = Fixture(R"("type": "xml-hrxml")", "hr-xml/gemeente-positionopening.xml");
  ASSERT_EQ(f.postings.size(), 1u);
  const RawPosting& p = f.postings[0];
  EXPECT_EQ(p.external_id, "ZW-2026-114");
  EXPECT_EQ(p.title, "Baliemedewerker Burgerzaken");
  EXPECT_EQ(p.employer, "Gemeente Zwolle");
  EXPECT_EQ(p.place, "Zwolle");
  EXPECT_EQ(p.postcode, "8011 PK");
  EXPECT_EQ(p.salary.min, "2905.00");
  EXPECT_EQ(p.salary.period, "Monthly");
  EXPECT_EQ(p.url, "https://werkenbij.example-zwolle.nl/vacatures/zw-2026-114");
  const Vacancy v = Normalized(p);
  EXPECT_EQ(v.valid_through, "2026-12-31");
  EXPECT_EQ(v.hours.min, 28);
}

TEST(HrXmlTest, PrefixedOpeningsInsideAnEnvelopeMatchByLocalName) {
  const ParsedFeed f = Fixture(R"("type": "xml-hrxml")", "hr-xml/uitzend-envelope-prefixed.xml");
  ASSERT_EQ(f.postings.size(), 2u);
  EXPECT_EQ(f.postings[0].external_id, "UO-5512");
  EXPECT_EQ(f.postings[0].employer, "Logistiek Centrum Oost");
  EXPECT_EQ(f.postings[1].place, "Deventer");
  EXPECT_EQ(Normalized(f.postings[0]).date_posted, "2026-11-01");  // "01-11-2026"
}

TEST(RssTest, JobNamespaceFieldsCdataAndEscapedHtml) {
  const ParsedFeed f = Fixture(R"("type": "rss")", "rss/werkplein-vacatures.xml");
  ASSERT_EQ(f.postings.size(), 2u);
  const RawPosting& p = f.postings[0];
  EXPECT_EQ(p.external_id, "wp-9001");
  EXPECT_EQ(p.employer, "Stadsbeheer Dordrecht");
  EXPECT_EQ(p.place, "Dordrecht");
  EXPECT_EQ(p.title, "Administratief medewerker & receptie");
  const Vacancy v = Normalized(p);
  EXPECT_EQ(v.date_posted, "2026-11-16");
  EXPECT_EQ(v.valid_through, "2026-12-20");
  EXPECT_EQ(v.description.find("<p>"), std::string::npos);
  EXPECT_NE(v.description.find("Wat bieden wij"), std::string::npos);  // content:encoded joined in
  EXPECT_EQ(f.postings[1].external_id, "https://werkplein.example.nl/vacatures/9002");  // no guid: the link
}

TEST(RssTest, Latin1FeedWithADayMonthYearDate) {
  const ParsedFeed f = Fixture(R"("type": "rss", "defaults": {"employer": "Vakblad"})", "rss/vakbladbanen-latin1.xml");
  ASSERT_EQ(f.postings.size(), 1u);
  EXPECT_EQ(f.postings[0].title, "Re\xC3\xAFntegratieconsulent");
  EXPECT_NE(f.postings[0].description.find("Cr\xC3\xA8" "che"), std::string::npos);
}

TEST(AtomTest, AlternateLinkPublishedDateAndHtmlContent) {
  const ParsedFeed f = Fixture(R"("type": "atom", "defaults": {"employer": "Sensortech", "place": "Enschede"})",
                               "atom/techbedrijf-vacatures.atom");
  ASSERT_EQ(f.postings.size(), 2u);
  EXPECT_EQ(f.postings[0].url, "https://sensortech.example/vacatures/41");  // not the enclosure
  EXPECT_EQ(f.postings[1].url, "https://sensortech.example/vacatures/42");  // a link without rel
  EXPECT_EQ(Normalized(f.postings[0]).date_posted, "2026-11-18");
  EXPECT_EQ(Normalized(f.postings[1]).date_posted, "2026-11-17");  // no published: updated
  EXPECT_EQ(f.postings[1].description, "Ontvangst en opslag van onderdelen.");
}

TEST(AtomTest, PrefixedFeedWithBomAndXhtmlContent) {
  const ParsedFeed f = Fixture(R"("type": "atom")", "atom/prefixed-bom.atom");
  ASSERT_EQ(f.postings.size(), 1u);
  EXPECT_EQ(f.postings[0].title, "Medewerker peilbeheer");
  EXPECT_NE(f.postings[0].description.find("<li>Rijbewijs B</li>"), std::string::npos) << f.postings[0].description;
}

TEST(GreenhouseTest, EntityEscapedContentIsDecodedOnce) {
  const ParsedFeed f = Fixture(R"("type": "json-greenhouse")", "greenhouse/fietsfabriek-board.json");
  ASSERT_EQ(f.postings.size(), 2u);
  EXPECT_EQ(f.postings[0].external_id, "7001001");
  EXPECT_EQ(f.postings[0].employer, "Fietsfabriek Friesland");
  const Vacancy v = Normalized(f.postings[0]);
  EXPECT_EQ(v.description.find("&lt;"), std::string::npos);
  EXPECT_EQ(v.description.find("<strong>"), std::string::npos);
  EXPECT_NE(v.description.find("e-bikes"), std::string::npos);
  EXPECT_EQ(v.date_posted, "2026-11-10");
  EXPECT_TRUE(Normalized(f.postings[1]).location.remote);
  EXPECT_EQ(Normalized(f.postings[1]).valid_through, "2026-12-15");
}

TEST(GreenhouseTest, BoardWithoutContentStillGivesPostings) {
  const ParsedFeed f = Fixture(R"("type": "json-greenhouse")", "greenhouse/energiebedrijf-no-content.json");
  ASSERT_EQ(f.postings.size(), 1u);
  EXPECT_EQ(f.postings[0].place, "Groningen");
  EXPECT_EQ(f.postings[0].description, "");
}

TEST(LeverTest, BareArrayEpochMillisecondsListsAndSalaryRange) {
  const ParsedFeed f = Fixture(R"("type": "json-lever", "defaults": {"employer": "Installatiebedrijf"})",
                               "lever/installatiebedrijf-postings.json");
  ASSERT_EQ(f.postings.size(), 2u);
  const RawPosting& p = f.postings[0];
  EXPECT_EQ(p.title, "Servicemonteur warmtepompen");
  EXPECT_EQ(p.place, "Utrecht");
  EXPECT_EQ(p.employment_type, "Vast");
  EXPECT_EQ(p.salary.min, "2900");
  EXPECT_NE(p.description.find("MBO 3 installatietechniek"), std::string::npos);
  EXPECT_NE(p.description.find("Reageer voor 1 januari"), std::string::npos);
  EXPECT_EQ(Normalized(p).date_posted, "2025-11-18");      // 1763452800000 ms
  EXPECT_EQ(f.postings[1].place, "Remote");                 // workplaceType remote
  EXPECT_EQ(Normalized(f.postings[1]).date_posted, "2025-11-19");  // ms as a string
}

TEST(LeverTest, AnEmptyBoardIsNoError) {
  const ParsedFeed f = Fixture(R"("type": "json-lever")", "lever/empty-board.json");
  EXPECT_TRUE(f.postings.empty());
  EXPECT_TRUE(f.record_errors.empty());
}

TEST(WorkableTest, EmployerFromTheDocumentAndTelecommuting) {
  const ParsedFeed f = Fixture(R"("type": "json-workable")", "workable/kinderopvang-widget.json");
  ASSERT_EQ(f.postings.size(), 2u);
  EXPECT_EQ(f.postings[0].employer, "Kinderopvang De Ster");
  EXPECT_EQ(f.postings[0].place, "Haarlem");
  EXPECT_EQ(f.postings[0].external_id, "A1B2C3D4E5");
  EXPECT_EQ(f.postings[1].place, "Remote");
  const Vacancy v = Normalized(f.postings[0]);
  EXPECT_EQ(v.hours.min, 15);
  EXPECT_EQ(v.hours.max, 20);
}

TEST(WorkableTest, MinimalJobFallsBackToCreatedAt) {
  const ParsedFeed f = Fixture(R"("type": "json-workable")", "workable/horeca-widget-minimal.json");
  ASSERT_EQ(f.postings.size(), 1u);
  EXPECT_EQ(Normalized(f.postings[0]).date_posted, "2026-11-01");
  EXPECT_EQ(f.postings[0].employer, "Hotel Aan Zee");
}

TEST(SmartRecruitersTest, ListEnvelopeAndTheNextOffset) {
  const ParsedFeed f = Fixture(R"("type": "json-smartrecruiters", "pagination": {"offset_param": "offset",
                                  "limit_param": "limit", "page_size": 2})",
                               "smartrecruiters/thuiszorg-page1.json");
  ASSERT_EQ(f.postings.size(), 2u);
  EXPECT_EQ(f.postings[0].employer, "Thuiszorg Midden");
  EXPECT_EQ(f.postings[0].url, "https://jobs.smartrecruiters.com/Thuiszorg/744000000001");
  EXPECT_EQ(f.postings[1].employment_type, "Part-time");
  EXPECT_EQ(f.next_url, "https://feeds.example/" + FixtureDir() + "/smartrecruiters/thuiszorg-page1.json?offset=2&limit=2");
  const ParsedFeed last = Fixture(R"("type": "json-smartrecruiters", "pagination": {"offset_param": "offset",
                                     "limit_param": "limit", "page_size": 2})",
                                  "smartrecruiters/thuiszorg-page2.json");
  EXPECT_EQ(last.postings.size(), 1u);
  EXPECT_EQ(last.next_url, "");  // fewer than a page: the end
}

TEST(JsonFeedTest, ItemsWithAnEmbeddedJobPosting) {
  const ParsedFeed f = Fixture(R"("type": "json-feed")", "json-feed/teamtailor-like-jobs.json");
  ASSERT_EQ(f.postings.size(), 2u);
  EXPECT_EQ(f.postings[0].place, "Gouda");
  EXPECT_EQ(f.postings[0].postcode, "2801 AB");
  EXPECT_EQ(f.postings[0].employer, "Bakkerij Broodnodig");
  EXPECT_EQ(f.postings[1].employer, "Bakkerij Broodnodig");  // the feed's title
  EXPECT_EQ(f.postings[1].description, "Zaterdagen en twee doordeweekse dagen.");
}

constexpr const char* kUitzendMapping = R"("type": "xml", "items": "/vacatures/vacature", "fields": {
    "id": "@id", "title": "functietitel", "employer": "opdrachtgever", "place": "standplaats",
    "postcode": "standplaats/@postcode", "description": ["omschrijving", "eisen"], "hours": "uren",
    "salary_min": "salaris/@min", "salary_max": "salaris/@max", "salary_period": "salaris/@per",
    "employment_type": "dienstverband", "date_posted": "geplaatst", "valid_through": "sluitingsdatum", "url": "url"})";

TEST(GenericXmlTest, XPathMappingOnALatin1FeedWithHtmlEntityNames) {
  const ParsedFeed f = Fixture(kUitzendMapping, "xml/uitzendbureau-jobs-latin1.xml");
  ASSERT_EQ(f.postings.size(), 2u);
  const RawPosting& p = f.postings[0];
  EXPECT_EQ(p.external_id, "UB-1001");
  EXPECT_EQ(p.postcode, "5531 AB");
  EXPECT_EQ(p.salary.min, "14,50");
  EXPECT_EQ(p.hours, "32-40");
  const Vacancy v = Normalized(p);
  EXPECT_EQ(v.title, "Productiemedewerker co\xC3\xB6rdinatie");  // &ouml; is not XML, yet decoded
  EXPECT_EQ(v.date_posted, "2026-11-20");
  EXPECT_EQ(v.valid_through, "2026-12-31");
  EXPECT_NE(v.description.find("tot 15 kg"), std::string::npos);  // eisen joined in
  EXPECT_EQ(Normalized(f.postings[1]).location.place, "Eindhoven");
}

TEST(GenericXmlTest, PrefixesInTheFeedDoNotMatterToTheMapping) {
  const ParsedFeed f = Fixture(R"("type": "xml", "items": "/export/vacature", "fields": {"id": "kenmerk",
                                  "title": "titel", "employer": "organisatie", "place": "plaats", "description": "tekst",
                                  "url": "link"}, "root": "export")",
                               "xml/zorgportaal-namespaced.xml");
  ASSERT_EQ(f.postings.size(), 1u);
  EXPECT_EQ(f.postings[0].employer, "Zorgcentrum Het Anker");
}

constexpr const char* kRegioMapping = R"("type": "json", "items": "/data/vacancies", "fields": {
    "id": "/ref", "title": "/attributes/name", "employer": "/attributes/org/name", "place": "/attributes/where/city",
    "postcode": "/attributes/where/zip", "description": "/attributes/body", "hours": "/attributes/hours",
    "salary_min": "/attributes/pay/from", "salary_max": "/attributes/pay/to", "salary_period": "/attributes/pay/unit",
    "date_posted": "/attributes/posted", "valid_through": "/attributes/until", "url": "/links/self"},
    "pagination": {"next": "/links/next"})";

TEST(GenericJsonTest, JsonPointerMappingAndARelativeNextLink) {
  const ParsedFeed f = Fixture(kRegioMapping, "json/regiobanen-page1.json");
  ASSERT_EQ(f.postings.size(), 2u);
  EXPECT_EQ(f.postings[0].salary.min, "13.68");
  EXPECT_EQ(f.postings[0].postcode, "4331 AA");
  EXPECT_EQ(f.next_url, "https://feeds.example/" + FixtureDir() + "/json/regiobanen-page2.json");
  const ParsedFeed last = Fixture(kRegioMapping, "json/regiobanen-page2.json");
  EXPECT_EQ(last.postings.size(), 1u);
  EXPECT_EQ(last.next_url, "");  // "next": null
}

TEST(SitemapTest, IndexAndUrlsetResolveRelativeLocs) {
  const SourceConfig s = Configured(R"({"name": "s", "type": "sitemap", "url": "http://h/sitemap_index.xml"})");
  auto index = ParseFeed(s, "https://www.example.nl/sitemap_index.xml",
                         test::ReadText(FixtureDir() + "/sitemap/sitemap_index.xml"));
  ASSERT_TRUE(index.ok()) << index.status().message();  // a comment before the XML declaration
  EXPECT_TRUE(index->is_index);
  ASSERT_EQ(index->links.size(), 2u);
  EXPECT_EQ(index->links[1].url, "https://www.example.nl/job-sitemap.xml");
  auto set = ParseFeed(s, "https://www.example.nl/job-sitemap.xml", test::ReadText(FixtureDir() + "/sitemap/job-sitemap.xml"));
  ASSERT_TRUE(set.ok());
  ASSERT_EQ(set->links.size(), 2u);
  EXPECT_EQ(set->links[0].url, "https://www.example.nl/job/monteur/index.html");
  EXPECT_EQ(set->links[0].lastmod, "2026-11-18T07:00:07+00:00");
  ASSERT_EQ(set->record_errors.size(), 1u);
  EXPECT_EQ(set->record_errors[0], "s: record 3: loc: missing");
}

TEST(MappingConfigTest, MistakesAreNamedWithSourceAndField) {
  const std::string dir = test::MakeTempDir("mapping-config");
  auto load = [&](const std::string& source) {
    test::WriteText(dir + "/s.json", "{\"sources\": [" + source + "]}");
    auto s = LoadSources(dir + "/s.json");
    return s.ok() ? std::string("ok") : s.status().message().substr(dir.size() + 9);
  };
  EXPECT_EQ(load(R"({"name": "a", "type": "xml", "url": "http://h/", "fields": {"title": "t"}})"),
            "sources[0].items: missing (required for type xml)");
  EXPECT_EQ(load(R"({"name": "a", "type": "json", "url": "http://h/", "items": "/x", "fields": {"titel": "/t"}})"),
            "sources[0].fields.titel: unknown field (known: id, url, title, employer, description, place, postcode, "
            "region, country, lat, lon, remote, salary_min, salary_max, salary_period, salary_currency, salary_text, "
            "hours, hours_min, hours_max, employment_type, education, date_posted, valid_through)");
  EXPECT_EQ(load(R"({"name": "a", "type": "xml", "url": "http://h/", "items": "//job[", "fields": {"title": "t"}})")
                .rfind("sources[0].items: \"//job[\" is not a valid XPath", 0),
            0u);
  EXPECT_EQ(load(R"({"name": "a", "type": "json", "url": "http://h/", "items": "data", "fields": {"title": "/t"}})"),
            "sources[0].items: \"data\" is not a JSON Pointer (it must be empty or start with \"/\")");
  EXPECT_EQ(load(R"({"name": "a", "type": "json", "url": "http://h/", "items": "", "fields": {"id": "/i"}})"),
            "sources[0].fields.title: missing (every vacancy needs a title)");
  EXPECT_EQ(load(R"({"name": "a", "type": "json-lever", "url": "http://h/", "pagination": {"next": "/n", "page_param": "p"}})"),
            "sources[0].pagination.next: set one of next, page_param and offset_param");
  EXPECT_EQ(load(R"({"name": "a", "type": "json-lever", "url": "http://h/", "fields": {"title": ["/text", "/name"]}})"), "ok");
}

// Real feeds from other projects, in ../shared/feeds: skipped when that folder is absent.
class SharedSampleTest : public testing::Test {
 protected:
  std::string Path(const std::string& rel) {
    const std::string path = test::SharedFeedsDir() + "/" + rel;
    if (!std::filesystem::exists(path)) return "";
    return path;
  }
};

TEST_F(SharedSampleTest, PersonioSalaryFeed) {
  const std::string path = Path("personio/threadi-positions-salary.xml");
  if (path.empty()) GTEST_SKIP() << "../shared/feeds not present";
  const ParsedFeed f = Parse(R"("type": "xml-personio")", path);
  ASSERT_EQ(f.postings.size(), 11u);
  EXPECT_EQ(f.postings[0].external_id, "2140231");
  EXPECT_EQ(f.postings[0].employer, "Parent Ltd.");
  EXPECT_EQ(f.postings[0].place, "London");
  EXPECT_NE(f.postings[0].description.find("Your mission\n"), std::string::npos);
  EXPECT_NE(f.postings[0].description.find("Your profile\n"), std::string::npos);
  int with_salary = 0;
  for (const auto& p : f.postings) with_salary += !p.salary.min.empty();
  EXPECT_EQ(with_salary, 5);
  EXPECT_EQ(Normalized(f.postings[0]).date_posted, "2024-09-24");
}

TEST_F(SharedSampleTest, PersonioBrokenRootFailsClearly) {
  const std::string path = Path("personio/threadi-positions-faulty-NEGATIVE.xml");
  if (path.empty()) GTEST_SKIP() << "../shared/feeds not present";
  const SourceConfig s = Configured(R"({"name": "p", "type": "xml-personio", "url": "http://h/f"})");
  auto f = ParseFeed(s, "http://h/f", test::ReadText(path));
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().message().rfind("p: ", 0), 0u) << f.status().message();
}

TEST_F(SharedSampleTest, HrXml25PositionOpening) {
  const std::string path = Path("hr-xml/hrxml25-PositionOpeningExample.xml");
  if (path.empty()) GTEST_SKIP() << "../shared/feeds not present";
  const ParsedFeed f = Parse(R"("type": "xml-hrxml")", path);
  ASSERT_EQ(f.postings.size(), 1u);
  const RawPosting& p = f.postings[0];
  EXPECT_EQ(p.external_id, "Order#123456");
  EXPECT_EQ(p.title, "Database Administrator");
  EXPECT_EQ(p.employer, "ABC Company");
  EXPECT_EQ(p.place, "Milwaukee");
  EXPECT_EQ(p.region, "Wisconsin");
  EXPECT_EQ(p.salary.min, "55000.00");
  EXPECT_EQ(p.salary.period, "Annually");
  // The sample has a stray ">" before its CDATA; the element's whole text is kept.
  EXPECT_EQ(p.url, ">http://www.somecompanydomain.com/apply.aspx?job=12345");
}

TEST_F(SharedSampleTest, SetuStaffingOrderByLocalNamesWhateverThePrefix) {
  const std::string path = Path("hr-xml/setu202-StaffingOrderNL-Order.xml");
  if (path.empty()) GTEST_SKIP() << "../shared/feeds not present";
  const std::string mapping = R"("type": "xml", "items": "/StaffingOrder", "fields": {"id": "UserArea/StaffingOrderAdditionalNL/OfferId/IdValue",
      "title": "StaffingPosition/PositionHeader/PositionDescription", "place": "StaffingPosition/WorkSite/PostalAddress/Municipality",
      "hours": "StaffingPosition/StaffingShift[@shiftPeriod='weekly']/Hours"})";
  const ParsedFeed f = Parse(mapping, path);
  ASSERT_EQ(f.postings.size(), 1u);
  EXPECT_EQ(f.postings[0].external_id, "55889");
  EXPECT_EQ(f.postings[0].title, "schoonmaak");
  EXPECT_EQ(f.postings[0].hours, "50");
  // The same document with the SETU namespace under another prefix reads the same.
  std::string renamed = test::ReadText(path);
  for (size_t at; (at = renamed.find("nl:")) != std::string::npos;) renamed.replace(at, 3, "ns7:");
  for (size_t at; (at = renamed.find("xmlns:nl=")) != std::string::npos;) renamed.replace(at, 9, "xmlns:ns7=");
  const std::string dir = test::MakeTempDir("setu");
  test::WriteText(dir + "/renamed.xml", renamed);
  const ParsedFeed g = Parse(mapping, dir + "/renamed.xml");
  ASSERT_EQ(g.postings.size(), 1u);
  EXPECT_EQ(g.postings[0].external_id, "55889");
}

TEST_F(SharedSampleTest, RssWithItsOwnJobNamespace) {
  const std::string path = Path("rss/careerkit-neogov-governmentjobs.xml");
  if (path.empty()) GTEST_SKIP() << "../shared/feeds not present";
  const ParsedFeed f = Parse(R"("type": "rss")", path);
  ASSERT_EQ(f.postings.size(), 2u);
  EXPECT_EQ(f.postings[0].place, "Atlanta, Georgia");
  EXPECT_EQ(f.postings[0].salary.min, "135000");
  EXPECT_EQ(f.postings[0].salary.period, "Year");
  EXPECT_EQ(f.postings[1].place, "Remote");
  EXPECT_EQ(Normalized(f.postings[0]).date_posted, "2026-08-19");
}

TEST_F(SharedSampleTest, AtsJsonApis) {
  struct Case {
    const char* type;
    const char* file;
    size_t postings;
    const char* first_title;
  };
  const Case cases[] = {
      {"json-greenhouse", "greenhouse/careerkit-amplitude.json", 2, "Customer Data Scientist - Experimentation"},
      {"json-lever", "lever/careerkit-idealist.json", 2, nullptr},
      {"json-smartrecruiters", "smartrecruiters/careerkit-knight.json", 1, "CNA  / LPN - Consistent Hours. Start Next Week."},
      {"json-workable", "workable/careerkit-zaelab-widget.json", 2, "Business Analyst - Spanish Speaking"},
      {"json-recruitee", "recruitee/careerkit-recruitee.json", 0, nullptr},
      {"json-feed", "teamtailor/careerkit-teamtailor-jobsjson.json", 2, "Account Executive - Italy (Madrid based)"},
  };
  for (const Case& c : cases) {
    const std::string path = Path(c.file);
    if (path.empty()) GTEST_SKIP() << "../shared/feeds not present";
    const ParsedFeed f = Parse(std::string("\"type\": \"") + c.type + "\"", path);
    if (c.postings) {
      EXPECT_EQ(f.postings.size(), c.postings) << c.file;
    }
    ASSERT_FALSE(f.postings.empty()) << c.file;
    EXPECT_TRUE(f.record_errors.empty()) << c.file << ": " << f.record_errors.front();
    if (c.first_title) {
      EXPECT_EQ(f.postings[0].title, c.first_title) << c.file;
    }
    for (const auto& p : f.postings) {
      EXPECT_TRUE(Normalized(p).title.size() > 0) << c.file;
      EXPECT_FALSE(p.url.empty() && p.external_id.empty()) << c.file;
    }
  }
}

}  // namespace
}  // namespace passend
