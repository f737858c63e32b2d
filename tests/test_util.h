// Helpers shared by the tests: the project's data files, temporary directories and
// running the real `passend` binary.
#pragma once

#include <sys/resource.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "crawler/sources.h"
#include "geo/gazetteer.h"
#include "indexer/index.h"
#include "model/candidate.h"
#include "model/fml.h"
#include "normalizer/demands.h"
#include "normalizer/normalizer.h"
#include "store/store.h"
#include "tools/passend/cli.h"

namespace passend::test {

std::string SourceDir();  // the repository root
std::string DataDir();    // <root>/data
std::string SharedFeedsDir();  // ../shared/feeds, may be absent

// Data files loaded once per test binary (fails the test on error).
const FmlSchema& Schema();
const Gazetteer& Places();
const DemandLexicon& Lexicon();
const OccupationTable& Occupations();
const Normalizer& TheNormalizer();
NormalizerData TheNormalizerData();

// A fresh directory under the test temp dir, removed at the end of the test binary
// (kept with PASSEND_KEEP_TEST_DIRS=1).
std::string MakeTempDir(const std::string& tag);

// Runs `write` while a file may grow to `bytes` only, as on a nearly full disk.
Status WithFileSizeLimit(rlim_t bytes, const std::function<Status()>& write);

// An empty index and store with the crawl state over them, in a temporary directory.
struct CrawlWorkspace {
  explicit CrawlWorkspace(const std::string& tag);
  // The sources of `json` (a sources.json text) as LoadSources reads them from `dir`.
  std::vector<SourceConfig> Sources(const std::string& json) const;

  std::string dir;
  std::unique_ptr<VacancyIndex> index;
  std::unique_ptr<Store> store;
  std::unique_ptr<cli::StoreCrawlState> state;
};

// A port on 127.0.0.1 that refuses connections: bound but not listening, so no other
// test's server (tests run in parallel) can take it until Release().
class ClosedPort {
 public:
  ClosedPort();
  ~ClosedPort() { Release(); }
  int port() const { return port_; }
  void Release();

 private:
  int fd_ = -1;
  int port_ = 0;
};
std::string ReadText(const std::string& path);
void WriteText(const std::string& path, const std::string& text);

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};
// Runs the passend binary with `args` (no shell quoting needed for simple args).
CommandResult RunPassend(const std::vector<std::string>& args);

// A candidate built in code, home resolved; tests change fields as needed.
CandidateProfile BasicCandidate(const std::string& place = "Utrecht");

}  // namespace passend::test
