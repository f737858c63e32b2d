// Benchmark for ingest and matching at realistic scale (not a test). Generates seeded
// synthetic vacancies (through the real normalizer), writes them as JSON Lines, loads them
// into a fresh index, then times matching for many different candidates. Prints JSON.
//
//   build/bench/bench_match --vacancies 1000000 --candidates 1000 --seed 42 --dir /tmp/passend-bench
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "bench/clock.h"
#include "bench/generator.h"
#include "bench/machine_reference.h"
#include "indexer/ingest.h"
#include "matcher/matcher.h"
#include "model/json_io.h"
#include "normalizer/tables.h"

namespace passend::bench {
namespace {

struct Config {
  long vacancies = 1000000;
  long candidates = 1000;
  long warmup = 200;
  uint64_t seed = 42;
  std::string dir = "/tmp/passend-bench";
  std::string share = PASSEND_SOURCE_DIR "/data";
  bool reuse = false;    // keep an existing index and JSONL
  bool reindex = false;  // keep the JSONL, build the index again
  int max_candidates = MatchOptions().max_candidates;
  int compare_with = 0;  // also match with this many candidates and compare the top 10s
  bool compact = true;   // compact the index after the ingest, as `passend compact` does
  int threads = 2;       // for the throughput run: one reader and matcher each, as `passend alerts --threads`
};

long PeakRssKib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// The resident set now, split: the peak counts the pages of the mapped record files
// (indexer/record_store.h) that matching touched, which are page cache, shared and freed
// under pressure, as much as the process's own memory.
std::string RssNowJson() {
  std::ifstream status("/proc/self/status");
  long anon = -1, file = -1;
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("RssAnon:", 0) == 0) anon = std::atol(line.c_str() + 8);
    if (line.rfind("RssFile:", 0) == 0) file = std::atol(line.c_str() + 8);
  }
  return "{\"anon\": " + std::to_string(anon) + ", \"file\": " + std::to_string(file) + "}";
}

uintmax_t DirBytes(const std::string& dir) {
  uintmax_t total = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

bool ParseArgs(int argc, char** argv, Config* c) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--vacancies") c->vacancies = std::stol(next());
    else if (a == "--candidates") c->candidates = std::stol(next());
    else if (a == "--warmup") c->warmup = std::stol(next());
    else if (a == "--seed") c->seed = std::stoull(next());
    else if (a == "--dir") c->dir = next();
    else if (a == "--share-dir") c->share = next();
    else if (a == "--reuse") c->reuse = true;
    else if (a == "--reindex") c->reindex = true;
    else if (a == "--max-candidates") c->max_candidates = static_cast<int>(std::stol(next()));
    else if (a == "--compare-with") c->compare_with = static_cast<int>(std::stol(next()));
    else if (a == "--no-compact") c->compact = false;
    else if (a == "--threads") c->threads = std::max(1, static_cast<int>(std::stol(next())));
    else {
      std::fprintf(stderr, "usage: bench_match [--vacancies N] [--candidates N] [--warmup N] [--seed S] [--dir DIR] [--reuse | --reindex] [--max-candidates N] [--compare-with N] [--threads N] [--no-compact]\n");
      return false;
    }
  }
  return true;
}

struct GenerateResult {
  long postings = 0;
  double seconds = 0;
};

GenerateResult GenerateJsonl(const Config& c, Generator& gen, const Normalizer& normalizer, const std::string& path) {
  std::ofstream out(path, std::ios::trunc);
  const auto start = Clock::now();
  GenerateResult r;
  while (r.postings < c.vacancies) {
    for (const RawPosting& raw : gen.NextJob()) {
      auto v = normalizer.Normalize(raw);
      if (!v.ok()) continue;
      out << VacancyToJson(*v) << '\n';
      if (++r.postings >= c.vacancies) break;
    }
  }
  r.seconds = Seconds(start);
  return r;
}

// The keys of the first 10 vacancies that are not excluded (what an alert mail would hold),
// and their mean score.
std::vector<std::string> TopTen(const std::vector<Match>& matches, double* mean_score) {
  std::vector<std::string> keys;
  double total = 0;
  for (const Match& m : matches) {
    if (m.verdict == Verdict::kExcluded || keys.size() >= 10) continue;
    keys.push_back(m.vacancy.key);
    total += m.score;
  }
  *mean_score = keys.empty() ? 0 : total / static_cast<double>(keys.size());
  std::sort(keys.begin(), keys.end());
  return keys;
}

struct TopTenAgreement {
  double mean_shared = 0;  // vacancies the two top 10s share, on average
  double identical = 0;    // share of candidates whose top 10s are the same set
  double score_a = 0, score_b = 0;  // mean score of the top 10s
};

TopTenAgreement CompareTopTen(const Matcher& a, const Matcher& b, const std::vector<CandidateProfile>& candidates) {
  TopTenAgreement r;
  for (const CandidateProfile& c : candidates) {
    auto ma = a.MatchCandidate(c);
    auto mb = b.MatchCandidate(c);
    if (!ma.ok() || !mb.ok()) continue;
    double sa = 0, sb = 0;
    const auto ta = TopTen(*ma, &sa), tb = TopTen(*mb, &sb);
    r.score_a += sa;
    r.score_b += sb;
    std::vector<std::string> shared;
    std::set_intersection(ta.begin(), ta.end(), tb.begin(), tb.end(), std::back_inserter(shared));
    r.mean_shared += static_cast<double>(shared.size());
    r.identical += ta == tb;
  }
  const double n = static_cast<double>(std::max<size_t>(1, candidates.size()));
  return {r.mean_shared / n, r.identical / n, r.score_a / n, r.score_b / n};
}

// Matches every candidate once on `threads` threads, each with its own reader and matcher
// (a Xapian database is not shared between threads); returns the wall seconds, or -1 when
// the index cannot be opened.
double MatchAllOnThreads(const std::string& index_dir, const FmlSchema& schema, const MatchOptions& options,
                         const std::vector<CandidateProfile>& candidates, int threads) {
  std::vector<VacancyReader> readers;
  for (int i = 0; i < threads; ++i) {
    auto reader = VacancyReader::Open(index_dir);
    if (!reader.ok()) return -1;
    readers.push_back(std::move(*reader));
  }
  std::atomic<size_t> next{0};
  auto work = [&](const VacancyReader& reader) {
    const Matcher matcher(reader, schema, options);
    for (size_t i = next++; i < candidates.size(); i = next++) (void)matcher.MatchCandidate(candidates[i]);
  };
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (const VacancyReader& reader : readers) pool.emplace_back(work, std::cref(reader));
  for (std::thread& t : pool) t.join();
  return Seconds(start);
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

int Run(const Config& c) {
  const MachineReference machine_before = MeasureMachineReference();
  auto tables = NormalizerTables::Load(c.share);
  if (!tables.ok()) {
    std::fprintf(stderr, "bench_match: %s\n", tables.status().message().c_str());
    return 2;
  }
  const FmlSchema* schema = &(*tables)->schema;
  const Gazetteer* gazetteer = &(*tables)->gazetteer;
  const Normalizer normalizer((*tables)->data());
  const std::string population = std::string(PASSEND_SOURCE_DIR) + "/bench/data/population_nl.tsv";
  auto gen = Generator::Create(c.seed, *gazetteer, population);
  auto people = Generator::Create(c.seed + 1, *gazetteer, population);
  if (!gen.ok() || !people.ok()) {
    std::fprintf(stderr, "bench_match: %s\n", gen.status().message().c_str());
    return 2;
  }
  std::filesystem::create_directories(c.dir);
  const std::string jsonl = c.dir + "/vacancies.jsonl", index_dir = c.dir + "/index";
  const Days today = DaysFromCivil(2026, 11, 23);

  GenerateResult generated;
  IngestReport ingested;
  double ingest_seconds = 0;
  struct {
    double seconds = 0;
    uintmax_t bytes_before = 0, bytes_after = 0;
  } compact;
  if (!c.reuse || !std::filesystem::exists(index_dir)) {
    if (!c.reindex || !std::filesystem::exists(jsonl)) generated = GenerateJsonl(c, *gen, normalizer, jsonl);
    std::filesystem::remove_all(index_dir);
    {
      auto index = VacancyIndex::OpenWritable(index_dir);  // closed at the end of the block
      std::ifstream in(jsonl);
      IngestOptions options;
      options.today = today;
      const auto start = Clock::now();
      auto report = IngestJsonLines(in, jsonl, *index, options);
      ingest_seconds = Seconds(start);
      if (!report.ok()) {
        std::fprintf(stderr, "bench_match: %s\n", report.status().message().c_str());
        return 2;
      }
      ingested = *report;
    }
    if (c.compact) {
      const auto compact_start = Clock::now();
      auto compacted = CompactIndex(index_dir);
      if (!compacted.ok()) {
        std::fprintf(stderr, "bench_match: %s\n", compacted.status().message().c_str());
        return 2;
      }
      compact = {Seconds(compact_start), compacted->bytes_before, compacted->bytes_after};
    }
  }
  const long rss_after_ingest = PeakRssKib();

  auto reader = VacancyReader::Open(index_dir);
  if (!reader.ok()) return 2;
  MatchOptions options;
  options.today = today;
  options.occupations = &(*tables)->occupations;
  options.max_candidates = c.max_candidates;
  const Matcher matcher(*reader, *schema, options);
  std::vector<CandidateProfile> candidates;
  for (long i = 0; i < c.candidates + c.warmup; ++i) candidates.push_back(people->NextCandidate(*schema));
  for (long i = 0; i < c.warmup; ++i) (void)matcher.MatchCandidate(candidates[static_cast<size_t>(i)]);
  std::vector<double> ms;
  long results = 0, suitable = 0;
  const auto match_start = Clock::now();
  for (long i = c.warmup; i < c.warmup + c.candidates; ++i) {
    const auto t0 = Clock::now();
    auto m = matcher.MatchCandidate(candidates[static_cast<size_t>(i)]);
    ms.push_back(Seconds(t0) * 1000);
    if (!m.ok()) continue;
    results += static_cast<long>(m->size());
    for (const Match& x : *m) suitable += x.verdict == Verdict::kSuitable;
  }
  const double match_seconds = Seconds(match_start);
  const double mean_ms = match_seconds * 1000 / static_cast<double>(std::max(1L, c.candidates));
  const std::vector<CandidateProfile> measured(candidates.begin() + c.warmup, candidates.end());
  const double threaded_seconds = MatchAllOnThreads(index_dir, *schema, options, measured, c.threads);

  const MachineReference machine_after = MeasureMachineReference();
  std::printf("{\n  \"benchmark\": \"match\",\n  \"seed\": %llu,\n", static_cast<unsigned long long>(c.seed));
  std::printf("  \"machine_reference\": {\"before\": %s, \"after\": %s},\n", machine_before.ToJson().c_str(),
              machine_after.ToJson().c_str());
  std::printf("  \"generate\": {\"postings\": %ld, \"seconds\": %.1f, \"normalized_per_second\": %.0f},\n",
              generated.postings, generated.seconds, generated.seconds > 0 ? static_cast<double>(generated.postings) / generated.seconds : 0);
  std::printf("  \"ingest\": {\"lines\": %ld, \"added\": %ld, \"seconds\": %.1f, \"vacancies_per_second\": %.0f},\n",
              ingested.lines, ingested.added, ingest_seconds, ingest_seconds > 0 ? static_cast<double>(ingested.added) / ingest_seconds : 0);
  std::printf("  \"compact\": {\"seconds\": %.1f, \"bytes_before\": %ju, \"bytes_after\": %ju},\n", compact.seconds,
              compact.bytes_before, compact.bytes_after);
  std::printf("  \"index\": {\"bytes\": %ju},\n", DirBytes(index_dir));
  std::printf("  \"match\": {\"candidates\": %ld, \"warmup\": %ld, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": %.2f, "
              "\"mean_ms\": %.2f, \"avg_results\": %.1f, \"avg_passend\": %.1f, \"projected_100k_candidates_seconds\": %.0f},\n",
              c.candidates, c.warmup, Percentile(ms, 0.50), Percentile(ms, 0.95), Percentile(ms, 0.99), mean_ms,
              static_cast<double>(results) / static_cast<double>(std::max(1L, c.candidates)),
              static_cast<double>(suitable) / static_cast<double>(std::max(1L, c.candidates)), mean_ms * 100000 / 1000);
  const double per_second = threaded_seconds > 0 ? static_cast<double>(measured.size()) / threaded_seconds : 0;
  std::printf("  \"match_threads\": {\"threads\": %d, \"candidates\": %zu, \"seconds\": %.2f, \"candidates_per_second\": %.1f, "
              "\"projected_100k_candidates_seconds\": %.0f},\n",
              c.threads, measured.size(), threaded_seconds, per_second, per_second > 0 ? 100000 / per_second : 0);
  if (c.compare_with > 0) {
    MatchOptions other = options;
    other.max_candidates = c.compare_with;
    const Matcher compared(*reader, *schema, other);
    const TopTenAgreement agree = CompareTopTen(matcher, compared, measured);
    std::printf("  \"top10_vs_max_candidates_%d\": {\"mean_shared_of_10\": %.2f, \"identical_share\": %.3f, "
                "\"mean_top10_score\": %.4f, \"mean_top10_score_compared\": %.4f},\n",
                c.compare_with, agree.mean_shared, agree.identical, agree.score_a, agree.score_b);
  }
  std::printf("  \"peak_rss_kib\": {\"after_ingest\": %ld, \"end\": %ld},\n", rss_after_ingest, PeakRssKib());
  std::printf("  \"rss_end_kib\": %s\n}\n", RssNowJson().c_str());
  return 0;
}

}  // namespace
}  // namespace passend::bench

int main(int argc, char** argv) {
  passend::bench::Config config;
  if (!passend::bench::ParseArgs(argc, argv, &config)) return 2;
  return passend::bench::Run(config);
}
