// The simulated sites of bench_crawl: which format each site serves, which vacancies it
// lists in which generation, and the documents it answers with. Deterministic from the
// seed, so the server (a child process) and the crawler agree without talking.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crawler/sources.h"
#include "normalizer/normalizer.h"

namespace passend::bench {

enum class SiteFormat { kIndeed, kRecruitee, kPersonio, kRss, kGreenhouse, kLever, kPagedJson, kSitemap };

struct SimConfig {
  long sites = 1000;
  long vacancies = 200000;  // in generation 1, spread evenly over the sites
  uint64_t seed = 42;
};

class CrawlSim {
 public:
  // `pool`: raw postings whose texts the vacancies reuse (ids and titles are made unique).
  CrawlSim(SimConfig config, std::vector<RawPosting> pool) : c_(config), pool_(std::move(pool)) {}

  SiteFormat FormatOf(long site) const;
  static const char* FormatName(SiteFormat f);
  static std::string HostOf(long site);  // "bron-000042.test"
  // The site a request is for, from its Host header; -1 when none.
  static long SiteOfHost(const std::string& host);

  // The crawler's configuration of every site.
  std::vector<SourceConfig> Sources() const;

  // The document at `path` of `site` in `generation` (1, then 2 with 10% changed, added or
  // removed); false when there is none (404).
  bool Document(long site, const std::string& path, int generation, std::string* body, std::string* content_type) const;

  // How many vacancies `site` lists in `generation`.
  long ListedCount(long site, int generation) const;

 private:
  struct Listed {
    long j;
    int version;  // 1, or 2 once changed
  };
  std::vector<Listed> ListedIn(long site, int generation) const;
  RawPosting PostingFor(long site, const Listed& l) const;
  long PerSite() const { return c_.vacancies / c_.sites; }

  SimConfig c_;
  std::vector<RawPosting> pool_;
};

}  // namespace passend::bench
