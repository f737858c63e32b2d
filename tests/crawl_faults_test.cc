// Bad sources never break the crawl: a real HTTP server on 127.0.0.1 serves a good source
// and one that turns bad in the second crawl, in every way a real site can. Each case
// asserts that the good source still lands, that the bad one's vacancies are neither lost
// nor duplicated, and that the error names the source and the cause.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "common/text.h"
#include "crawler/crawl.h"
#include "crawler/multi_fetcher.h"
#include "crawler/sources.h"
#include "store/store.h"
#include "tests/http_server.h"
#include "tests/test_util.h"
#include "tools/passend/cli.h"

namespace passend {
namespace {

constexpr const char* kGoodXml =
    "<source>"
    "<job><referencenumber>B-1</referencenumber><title>Kok</title><city>Utrecht</city></job>"
    "<job><referencenumber>B-2</referencenumber><title>Schoonmaker</title><city>Zeist</city></job>"
    "<job><referencenumber>B-3</referencenumber><title>Chauffeur</title><city>Houten</city></job>"
    "</source>";
constexpr const char* kGoodJson =
    R"({"offers": [{"id": 1, "title": "Kok", "city": "Utrecht"}, {"id": 2, "title": "Schoonmaker", "city": "Zeist"},
                   {"id": 3, "title": "Chauffeur", "city": "Houten"}]})";

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

struct Fault {
  const char* name;
  const char* type;  // of source b
  Handler bad;       // how b answers in the second crawl
  bool lands;        // the second crawl of b succeeds all the same
  const char* cause;  // in b's error when it does not
};

std::string Gzip(const std::string& in) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(static_cast<uLong>(in.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

Handler Status(int code) {
  return [code](const httplib::Request&, httplib::Response& res) { res.status = code; };
}

// Answers `code` (with Retry-After `after` when given) the first time, then the good feed.
Handler OnceThenGood(int code, const char* after) {
  auto calls = std::make_shared<std::atomic<int>>(0);
  return [=](const httplib::Request&, httplib::Response& res) {
    if ((*calls)++ == 0) {
      res.status = code;
      if (after) res.set_header("Retry-After", after);
      return;
    }
    res.set_content(kGoodXml, "application/xml");
  };
}

Handler Body(std::string body, const char* content_type) {
  return [=](const httplib::Request&, httplib::Response& res) { res.set_content(body, content_type); };
}

const Fault kFaults[] = {
    {"http_500", "xml-indeed", Status(500), false, "HTTP 500 (after 2 attempts)"},
    {"http_503_once", "xml-indeed", OnceThenGood(503, nullptr), true, ""},
    {"http_404", "xml-indeed", Status(404), false, "HTTP 404"},
    {"http_410", "xml-indeed", Status(410), false, "HTTP 410"},
    {"http_429_retry_after", "xml-indeed", OnceThenGood(429, "1"), true, ""},
    {"hanging_server", "xml-indeed",
     [](const httplib::Request&, httplib::Response& res) {
       std::this_thread::sleep_for(std::chrono::milliseconds(3500));
       res.set_content(kGoodXml, "application/xml");
     },
     false, "Operation too slow"},
    {"total_timeout", "xml-indeed",
     [](const httplib::Request&, httplib::Response& res) {
       // About 200 KB/s, twenty times the speed floor, for longer than the 3 s allowed in all.
       res.set_chunked_content_provider("application/octet-stream", [](size_t offset, httplib::DataSink& sink) {
         static const std::string piece(64 << 10, ' ');
         std::this_thread::sleep_for(std::chrono::milliseconds(300));
         return offset < (1u << 20) && sink.write(piece.data(), piece.size());
       });
     },
     false, "timed out after 3"},
    {"slow_drip", "xml-indeed",
     [](const httplib::Request&, httplib::Response& res) {
       // (octet-stream: the test server would compress an XML type, and buffer it)
       res.set_chunked_content_provider("application/octet-stream", [](size_t, httplib::DataSink& sink) {
         static const std::string piece(1024, ' ');  // about 3 KB/s, under the 10 KB/s floor
         std::this_thread::sleep_for(std::chrono::milliseconds(300));
         return sink.write(piece.data(), piece.size());
       });
     },
     false, "too slow"},
    {"truncated_gzip", "xml-indeed",
     [](const httplib::Request&, httplib::Response& res) {
       const std::string gz = Gzip(kGoodXml);
       res.set_header("Content-Encoding", "gzip");
       res.set_content(gz.substr(0, gz.size() / 2), "application/xml");
     },
     false, "b: invalid XML"},  // libcurl hands over what it could inflate; the parser refuses it
    {"body_200_mb", "xml-indeed",
     [](const httplib::Request&, httplib::Response& res) {
       res.set_content_provider(200u << 20, "application/xml", [](size_t offset, size_t length, httplib::DataSink& sink) {
         static const std::string chunk(1 << 16, 'x');
         return sink.write(chunk.data(), std::min(length, chunk.size())) && offset < (200u << 20);
       });
     },
     false, "body larger than 1048576 bytes"},
    {"invalid_xml", "xml-indeed", Body("<source><job><title>Kok", "application/xml"), false, "b: invalid XML at byte"},
    {"invalid_json", "json-recruitee", Body(R"({"offers": [{"id": 1, "title": )", "application/json"), false,
     "b: invalid JSON at byte"},
    {"wrong_content_type", "xml-indeed", Body(kGoodXml, "text/html; charset=utf-8"), true, ""},
    {"invalid_utf8", "xml-indeed",
     Body("<source><job><referencenumber>B-1</referencenumber><title>Kok \xFF\xFE keuken</title><city>Utrecht</city></job>"
          "<job><referencenumber>B-2</referencenumber><title>Schoonmaker</title><city>Zeist</city></job>"
          "<job><referencenumber>B-3</referencenumber><title>Chauffeur</title><city>Houten</city></job></source>",
          "application/xml"),
     true, ""},
    {"dtd_entities", "xml-indeed",
     Body("<?xml version=\"1.0\"?><!DOCTYPE source [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
          "<source><job><referencenumber>B-1</referencenumber><title>Kok &b;</title><city>Utrecht</city></job>"
          "<job><referencenumber>B-2</referencenumber><title>Schoonmaker</title><city>Zeist</city></job>"
          "<job><referencenumber>B-3</referencenumber><title>Chauffeur</title><city>Houten</city></job></source>",
          "application/xml"),
     true, ""},
    {"redirect_loop", "xml-indeed",
     [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/b"); }, false,
     "Maximum (5) redirects followed"},
};

std::string KeyOf(const std::string& id) {
  RawPosting p;
  p.source = "b";
  p.external_id = id;
  return PostingKey(p);
}

class CrawlFaultTest : public testing::TestWithParam<Fault> {
 protected:
  std::vector<SourceConfig> Sources(const std::string& a_url, const std::string& b_url, const std::string& b_type) {
    return ws_.Sources(R"({"sources": [{"name": "a", "type": "rss", "url": ")" + a_url + R"("}, {"name": "b", "type": ")" +
                       b_type + R"(", "url": ")" + b_url + "\"}]}");
  }

  CrawlReport CrawlAll(const std::vector<SourceConfig>& sources, long total_timeout_s = 3, size_t max_body = 1 << 20) {
    FetchOptions o;
    o.retries = 1;
    o.backoff_ms = 10;
    o.total_timeout_s = total_timeout_s;
    o.low_speed_bytes_per_s = 10000;
    o.low_speed_time_s = 2;
    o.max_body_bytes = max_body;
    CurlMultiFetcher fetcher(o, ConnectionLimits{8, 2, 0});
    auto r = Crawl(sources, fetcher, test::TheNormalizer(), *ws_.index, *ParseIsoDate("2026-11-23"), {}, {},
                   ws_.state.get());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : CrawlReport{};
  }

  test::CrawlWorkspace ws_{"faults"};
};

TEST_P(CrawlFaultTest, TheOtherSourceLandsAndNothingIsLostOrDuplicated) {
  const Fault& f = GetParam();
  std::atomic<bool> bad{false};
  test::TestHttpServer site(test::SourceDir() + "/tests/data/feeds");
  const std::string good = std::string(f.type) == "json-recruitee" ? kGoodJson : kGoodXml;
  site.Handle("/b", [&](const httplib::Request& req, httplib::Response& res) {
    if (bad) return f.bad(req, res);
    res.set_content(good, "application/xml");
  });
  const auto sources = Sources(site.Url("/rss/werkplein-vacatures.xml"), site.Url("/b"), f.type);
  const CrawlReport first = CrawlAll(sources);
  ASSERT_EQ(first.ExitCode(), 0);
  ASSERT_EQ(*ws_.index->Count(), 5u);
  bad = true;
  const CrawlReport second = CrawlAll(sources);
  ASSERT_EQ(second.sources.size(), 2u);
  EXPECT_TRUE(second.sources[0].ok) << second.sources[0].error;
  EXPECT_EQ(second.sources[0].unchanged, 2);
  const SourceReport& b = second.sources[1];
  EXPECT_EQ(b.name, "b");
  if (f.lands) {
    EXPECT_TRUE(b.ok) << b.error;
  } else {
    EXPECT_FALSE(b.ok);
    EXPECT_EQ(b.error.rfind(site.Url("/b"), 0), 0u) << b.error;  // the source's URL first
    EXPECT_NE(b.error.find(f.cause), std::string::npos) << b.error;
    EXPECT_EQ(second.ExitCode(), 1);
  }
  EXPECT_EQ(*ws_.index->Count(), 5u);  // b's three are neither lost nor doubled
  auto reader = VacancyReader::Open(ws_.dir + "/index");
  ASSERT_TRUE(reader.ok());
  const bool json = std::string(f.type) == "json-recruitee";
  auto v = reader->Get(KeyOf(json ? "2" : "B-2"));
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->title, "Schoonmaker");
  auto first_job = reader->Get(KeyOf(json ? "1" : "B-1"));
  ASSERT_TRUE(first_job.ok());
  EXPECT_TRUE(IsValidUtf8(first_job->title)) << first_job->title;
  EXPECT_EQ(first_job->title.find("aaaaaaaaaa"), std::string::npos);  // DTD entities never expanded
}

INSTANTIATE_TEST_SUITE_P(Faults, CrawlFaultTest, testing::ValuesIn(kFaults),
                         [](const testing::TestParamInfo<Fault>& p) { return std::string(p.param.name); });

// A server that accepts a connection, reads the request and resets the connection.
class ResettingServer {
 public:
  ResettingServer() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    listen(fd_, 16);
    thread_ = std::thread([this] {
      for (;;) {
        const int c = accept(fd_, nullptr, nullptr);
        if (c < 0) return;
        char buf[1024];
        (void)!read(c, buf, sizeof buf);
        linger l{1, 0};  // close with RST
        setsockopt(c, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        close(c);
      }
    });
  }
  ~ResettingServer() {
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
  }
  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

 private:
  int fd_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(CrawlFaultTest, AConnectionResetFailsOnlyItsSource) {
  test::TestHttpServer site(test::SourceDir() + "/tests/data/feeds");
  ResettingServer reset;
  const CrawlReport r = CrawlAll(Sources(site.Url("/rss/werkplein-vacatures.xml"), reset.Url("/feed.xml"), "xml-indeed"));
  ASSERT_EQ(r.sources.size(), 2u);
  EXPECT_TRUE(r.sources[0].ok);
  EXPECT_EQ(r.sources[0].added, 2);
  EXPECT_FALSE(r.sources[1].ok);
  // robots.txt is asked first; with no answer the site is not crawled, and the error says so.
  EXPECT_NE(r.sources[1].error.find("robots.txt could not be read"), std::string::npos) << r.sources[1].error;
  EXPECT_NE(r.sources[1].error.find("(after 2 attempts)"), std::string::npos) << r.sources[1].error;
}

TEST_F(CrawlFaultTest, AFeedWithAHundredThousandItemsLandsWhole) {
  std::string feed = "<source>";
  for (int i = 0; i < 100000; ++i) {
    feed += "<job><referencenumber>J" + std::to_string(i) + "</referencenumber><title>Medewerker " +
            std::to_string(i % 97) + "</title><city>Utrecht</city></job>";
  }
  feed += "</source>";
  test::TestHttpServer site(test::SourceDir() + "/tests/data/feeds");
  site.Route("/big.xml", 200, "application/octet-stream", feed);  // the test server would compress XML slowly
  const CrawlReport r =
      CrawlAll(Sources(site.Url("/rss/werkplein-vacatures.xml"), site.Url("/big.xml"), "xml-indeed"), 60, 64 << 20);
  ASSERT_EQ(r.sources.size(), 2u);
  EXPECT_TRUE(r.sources[1].ok) << r.sources[1].error;
  EXPECT_EQ(r.sources[1].added, 100000);
  EXPECT_EQ(*ws_.index->Count(), 100002u);
}

}  // namespace
}  // namespace passend
