// Benchmark for the nightly crawl (not a test). A local simulation: one HTTP server on
// 127.0.0.1, in a child process, plays N sites (each its own host name, which the crawler
// connects to 127.0.0.1 through CURLOPT_CONNECT_TO) in a mix of the feed formats. The
// crawler runs twice into a fresh index and store: a first full crawl, then a second after
// 10% of the vacancies changed, were added or were removed. Prints JSON.
//
//   build/bench/bench_crawl --sites 1000 --vacancies 200000
//   build/bench/bench_crawl --sites 11000 --vacancies 2000000
#include <httplib.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>

#include "bench/clock.h"
#include "bench/crawl_sim.h"
#include "bench/generator.h"
#include "common/text.h"
#include "crawler/crawl.h"
#include "crawler/multi_fetcher.h"
#include "normalizer/tables.h"
#include "store/store.h"
#include "tools/passend/cli.h"

namespace passend::bench {
namespace {

struct Config {
  SimConfig sim;
  std::string dir = "/tmp/passend-crawl-bench";
  int max_connections = 64;
  int per_host = 2;
  long host_delay_ms = 500;
  size_t pool = 4000;
  size_t description_bytes = 1500;
  std::string share = PASSEND_SOURCE_DIR "/data";
};

long PeakRssKib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// The server process: answers every site's documents, 304 to a matching If-None-Match,
// 404 to robots.txt (everything allowed), and /_generation?set=N from the bench.
[[noreturn]] void Serve(const CrawlSim& sim, int port_pipe, int threads) {
  httplib::Server server;
  std::atomic<int> generation{1};
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_keep_alive_timeout(5);
  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.path == "/_generation") {
      generation = std::stoi(req.get_param_value("set"));
      res.set_content("ok", "text/plain");
      return;
    }
    std::string path = req.path;
    if (!req.params.empty()) {
      path += "?";
      for (const auto& [k, v] : req.params) path += k + "=" + v;
    }
    std::string body, type;
    if (!sim.Document(CrawlSim::SiteOfHost(req.get_header_value("Host")), path, generation, &body, &type)) {
      res.status = 404;
      return;
    }
    const std::string etag = "\"" + HexId(StableHash64(body)) + "\"";
    res.set_header("ETag", etag);
    if (req.get_header_value("If-None-Match") == etag) {
      res.status = 304;
      return;
    }
    res.set_content(body, type.c_str());
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  (void)!write(port_pipe, &port, sizeof port);
  close(port_pipe);
  server.listen_after_bind();
  _exit(0);
}

struct CrawlFigures {
  double seconds = 0;
  long listed = 0, added = 0, updated = 0, unchanged = 0, vanished = 0, record_errors = 0, failed = 0;
  long not_modified_sources = 0, urls_unchanged = 0;
  size_t bytes = 0;
  long peak_rss_kib = 0;
};

CrawlFigures CrawlOnce(const Config& c, const std::vector<SourceConfig>& sources, int port, const Normalizer& normalizer,
                       VacancyIndex& index, Store& store) {
  FetchOptions fo;
  fo.retries = 3;  // as in production (crawler/fetcher.h)
  fo.backoff_ms = 200;
  fo.connect_to = {"::127.0.0.1:" + std::to_string(port)};
  CurlMultiFetcher fetcher(fo, ConnectionLimits{c.max_connections, c.per_host, static_cast<double>(c.host_delay_ms) / 1000});
  cli::StoreCrawlState state(store, cli::kVanishGraceCrawls);
  CrawlFigures f;
  CrawlCallbacks cb;
  const auto start = Clock::now();
  long landed = 0;
  cb.on_source = [&](const SourceReport&) {
    if (++landed % 1000 == 0) std::fprintf(stderr, "bench_crawl: %ld sources in %.0f s\n", landed, Seconds(start));
  };
  cb.on_error = [&](const std::string& e) {
    if (f.record_errors++ < 5) std::fprintf(stderr, "bench_crawl: %s\n", e.c_str());
  };
  auto report = Crawl(sources, fetcher, normalizer, index, DaysFromCivil(2026, 11, 23), cb, {}, &state);
  f.seconds = Seconds(start);
  if (!report.ok()) {
    std::fprintf(stderr, "bench_crawl: %s\n", report.status().message().c_str());
    std::exit(2);
  }
  for (const SourceReport& r : report->sources) {
    f.listed += r.postings;
    f.added += r.added;
    f.updated += r.updated;
    f.unchanged += r.unchanged;
    f.vanished += r.vanished;
    f.failed += r.ok ? 0 : 1;
    f.not_modified_sources += r.not_modified;
    f.urls_unchanged += r.pages_skipped;
    if (!r.ok && f.failed <= 5) std::fprintf(stderr, "bench_crawl: %s: %s\n", r.name.c_str(), r.error.c_str());
  }
  f.bytes = fetcher.bytes_received();
  f.peak_rss_kib = PeakRssKib();
  return f;
}

void PrintFigures(const char* name, const CrawlFigures& f, const char* sep) {
  std::printf(
      "  \"%s\": {\"seconds\": %.1f, \"vacancies_listed\": %ld, \"vacancies_per_second\": %.0f, \"new\": %ld, "
      "\"updated\": %ld, \"unchanged\": %ld, \"vanished\": %ld, \"record_errors\": %ld, \"failed_sources\": %ld, "
      "\"not_modified_sources\": %ld, \"urls_not_fetched_again\": %ld, \"bytes_fetched\": %zu, \"peak_rss_mib\": %.1f}%s\n",
      name, f.seconds, f.listed, static_cast<double>(f.listed) / f.seconds, f.added, f.updated, f.unchanged, f.vanished,
      f.record_errors, f.failed, f.not_modified_sources, f.urls_unchanged, f.bytes,
      static_cast<double>(f.peak_rss_kib) / 1024.0, sep);
}

int Run(const Config& c) {
  auto tables = NormalizerTables::Load(c.share);
  if (!tables.ok()) {
    std::fprintf(stderr, "bench_crawl: %s\n", tables.status().message().c_str());
    return 2;
  }
  auto gen = Generator::Create(c.sim.seed, (*tables)->gazetteer, PASSEND_SOURCE_DIR "/bench/data/population_nl.tsv");
  if (!gen.ok()) {
    std::fprintf(stderr, "bench_crawl: %s\n", gen.status().message().c_str());
    return 2;
  }
  gen->set_description_bytes(c.description_bytes);
  std::vector<RawPosting> pool;
  while (pool.size() < c.pool) pool.push_back(gen->NextJob().front());
  const CrawlSim sim(c.sim, std::move(pool));
  int fds[2];
  if (pipe(fds) != 0) return 2;
  const pid_t server = fork();
  if (server == 0) {
    close(fds[0]);
    Serve(sim, fds[1], 4 * c.max_connections + 16);  // a thread per open connection, idle ones included
  }
  close(fds[1]);
  int port = 0;
  if (read(fds[0], &port, sizeof port) != sizeof port || port <= 0) return 2;
  close(fds[0]);

  std::filesystem::remove_all(c.dir);
  std::filesystem::create_directories(c.dir);
  auto index = VacancyIndex::OpenWritable(c.dir + "/index");
  auto store = Store::Open(c.dir + "/passend.db");
  if (!index.ok() || !store.ok()) return 2;
  const Normalizer normalizer((*tables)->data());
  const std::vector<SourceConfig> sources = sim.Sources();
  std::map<std::string, long> formats;
  for (const SourceConfig& s : sources) ++formats[s.type];

  const CrawlFigures first = CrawlOnce(c, sources, port, normalizer, *index, *store);
  std::fprintf(stderr, "bench_crawl: first crawl done in %.1f s; second crawl starts\n", first.seconds);
  httplib::Client control("127.0.0.1", port);
  control.Get("/_generation?set=2");
  const CrawlFigures second = CrawlOnce(c, sources, port, normalizer, *index, *store);
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);

  long expected_second = 0;
  for (long site = 0; site < c.sim.sites; ++site) expected_second += sim.ListedCount(site, 2);
  std::printf("{\n  \"sites\": %ld,\n  \"vacancies\": %ld,\n  \"seed\": %llu,\n  \"formats\": {", c.sim.sites,
              c.sim.vacancies, static_cast<unsigned long long>(c.sim.seed));
  const char* sep = "";
  for (const auto& [type, n] : formats) {
    std::printf("%s\"%s\": %ld", sep, type.c_str(), n);
    sep = ", ";
  }
  std::printf("},\n  \"limits\": {\"max_connections\": %d, \"per_host\": %d, \"host_delay_ms\": %ld},\n",
              c.max_connections, c.per_host, c.host_delay_ms);
  PrintFigures("first_crawl", first, ",");
  PrintFigures("second_crawl", second, ",");
  const auto documents = index->Count();
  std::printf("  \"listed_in_second_generation\": %ld,\n  \"index_documents\": %zu\n}\n", expected_second,
              documents.ok() ? *documents : 0);
  return 0;
}

}  // namespace
}  // namespace passend::bench

int main(int argc, char** argv) {
  passend::bench::Config c;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--sites") c.sim.sites = std::stol(v);
    else if (k == "--vacancies") c.sim.vacancies = std::stol(v);
    else if (k == "--seed") c.sim.seed = std::stoull(v);
    else if (k == "--dir") c.dir = v;
    else if (k == "--max-connections") c.max_connections = std::stoi(v);
    else if (k == "--per-host") c.per_host = std::stoi(v);
    else if (k == "--host-delay-ms") c.host_delay_ms = std::stol(v);
    else if (k == "--description-bytes") c.description_bytes = std::stoul(v);
    else {
      std::fprintf(stderr, "bench_crawl: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  return passend::bench::Run(c);
}
