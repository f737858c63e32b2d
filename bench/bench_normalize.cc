// bench_normalize: postings normalised per second on one core, for HTML descriptions of a
// realistic length (default 3 KB). Postings come from the seeded generator; a pool is made
// first so that only Normalizer::Normalize is timed. Prints JSON.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/generator.h"
#include "normalizer/tables.h"

namespace passend::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Config {
  long postings = 200000;
  long pool = 20000;
  size_t description_bytes = 3000;
  uint64_t seed = 42;
  std::string share = PASSEND_SOURCE_DIR "/data";
};

bool ParseArgs(int argc, char** argv, Config* c) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--postings") c->postings = std::stol(next());
    else if (a == "--pool") c->pool = std::stol(next());
    else if (a == "--description-bytes") c->description_bytes = std::stoul(next());
    else if (a == "--seed") c->seed = std::stoull(next());
    else if (a == "--share-dir") c->share = next();
    else {
      std::fprintf(stderr, "usage: bench_normalize [--postings N] [--pool N] [--description-bytes B] [--seed S]\n");
      return false;
    }
  }
  return c->postings > 0 && c->pool > 0;
}

int Run(const Config& c) {
  auto tables = NormalizerTables::Load(c.share);
  if (!tables.ok()) {
    std::fprintf(stderr, "bench_normalize: %s\n", tables.status().message().c_str());
    return 2;
  }
  auto gen = Generator::Create(c.seed, (*tables)->gazetteer, PASSEND_SOURCE_DIR "/bench/data/population_nl.tsv");
  if (!gen.ok()) {
    std::fprintf(stderr, "bench_normalize: %s\n", gen.status().message().c_str());
    return 2;
  }
  gen->set_description_bytes(c.description_bytes);
  std::vector<RawPosting> pool;
  double bytes = 0;
  while (static_cast<long>(pool.size()) < c.pool) {
    for (RawPosting& p : gen->NextJob()) {
      bytes += static_cast<double>(p.description.size());
      pool.push_back(std::move(p));
    }
  }
  const Normalizer normalizer((*tables)->data());
  long ok = 0, demands = 0, with_occupation = 0;
  const auto start = Clock::now();
  for (long i = 0; i < c.postings; ++i) {
    auto v = normalizer.Normalize(pool[static_cast<size_t>(i % c.pool)]);
    if (!v.ok()) continue;
    ++ok;
    demands += static_cast<long>(v->demands.size());
    if (!v->occupation.key.empty()) ++with_occupation;
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("{\n  \"bench\": \"normalize\",\n  \"seed\": %llu,\n  \"postings\": %ld,\n  \"normalized\": %ld,\n",
              static_cast<unsigned long long>(c.seed), c.postings, ok);
  std::printf("  \"mean_description_bytes\": %.0f,\n  \"threads\": 1,\n  \"seconds\": %.2f,\n", bytes / static_cast<double>(pool.size()), seconds);
  std::printf("  \"postings_per_second\": %.0f,\n  \"mean_demands\": %.2f,\n  \"occupation_share\": %.3f\n}\n",
              static_cast<double>(c.postings) / seconds, static_cast<double>(demands) / static_cast<double>(ok),
              static_cast<double>(with_occupation) / static_cast<double>(ok));
  return 0;
}

}  // namespace
}  // namespace passend::bench

int main(int argc, char** argv) {
  passend::bench::Config c;
  if (!passend::bench::ParseArgs(argc, argv, &c)) return 2;
  return passend::bench::Run(c);
}
