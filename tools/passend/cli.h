// Shared plumbing for the `passend` subcommands: argument parsing, the data files every
// command loads, and output helpers. Subcommands stay thin wrappers over the libraries.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "geo/gazetteer.h"
#include "model/candidate.h"
#include "model/fml.h"
#include "normalizer/demands.h"
#include "normalizer/normalizer.h"
#include "matcher/matcher.h"
#include "normalizer/occupations.h"
#include "crawler/crawl.h"
#include "store/store.h"

namespace passend::cli {

// Exit codes shared by all subcommands (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitPartial = 1;  // some sources/candidates failed
inline constexpr int kExitFailure = 2;  // nothing succeeded, bad configuration or bad input

// "--name value", "--name=value" and boolean "--flag". Unknown options are errors.
class Args {
 public:
  // `with_value` and `flags` list the options the subcommand accepts (without "--").
  static StatusOr<Args> Parse(const std::vector<std::string>& argv, const std::vector<std::string>& with_value,
                              const std::vector<std::string>& flags);
  std::optional<std::string> Get(const std::string& name) const;
  std::string GetOr(const std::string& name, const std::string& fallback) const;
  bool Has(const std::string& name) const;

 private:
  std::map<std::string, std::string> values_;
};

// A whole-number option from `min` to `max` (`fallback` when absent); the error names it.
StatusOr<long> IntOption(const Args& args, const std::string& name, long fallback, long min, long max);

// Options every subcommand takes: --data-dir, --share-dir, --today, --by.
inline const std::vector<std::string> kCommonOptions = {"data-dir", "share-dir", "today", "by"};

struct Context {
  std::string data_dir;   // runtime state: index, store, outbox (default var/)
  std::string share_dir;  // the project's data/ (FML table, lexicon, gazetteer, samples)
  Days today = 0;
  std::string actor;  // who runs the command, for the audit log: --by, $PASSEND_USER or $USER
  FmlSchema schema;
  Gazetteer gazetteer;
  std::optional<DemandLexicon> lexicon;
  std::optional<OccupationTable> occupations;

  std::string IndexPath() const { return data_dir + "/index"; }
  std::string StorePath() const { return data_dir + "/passend.db"; }
  NormalizerData normalizer_data() const { return {&schema, &gazetteer, &*lexicon, &*occupations}; }
};

StatusOr<Context> LoadContext(const Args& args);

// Match options for this run: today and the occupation table.
MatchOptions BaseMatchOptions(const Context& ctx);
// The same, with --weights applied when given; the error names the option and the factor.
StatusOr<MatchOptions> MatchOptionsFor(const Context& ctx, const Args& args);

// The start every subcommand shares: parse the options, answer --help, load the context.
// Returns nullopt when the command is done, with `*exit_code` set (0 after --help, 2 after an
// error, which has been printed).
struct Invocation {
  Args args;
  Context ctx;
};
std::optional<Invocation> Begin(const std::string& cmd, const char* help, const std::vector<std::string>& argv,
                                const std::vector<std::string>& with_value, const std::vector<std::string>& flags,
                                int* exit_code);
// The project's data/ directory: $PASSEND_SHARE_DIR or the one this build came from.
std::string DefaultShareDir();

// Loads and validates one candidate file and resolves the home location.
StatusOr<CandidateProfile> LoadCandidate(const Context& ctx, const std::string& path);
// The same for candidate JSON from elsewhere; `where` names it in errors.
StatusOr<CandidateProfile> ParseCandidate(const Context& ctx, const std::string& text, const std::string& where);
// The paths of the *.json files in `dir`, sorted by name.
StatusOr<std::vector<std::string>> JsonFilesIn(const std::string& dir);
// The first argument when it is a word, not an option ("add", an id); removed from `argv`.
std::string TakeWord(std::vector<std::string>* argv);
// Every *.json in `dir`, sorted by name. Bad files are reported via `errors` and skipped.
StatusOr<std::vector<CandidateProfile>> LoadCandidates(const Context& ctx, const std::string& dir,
                                                       std::vector<std::string>* errors);

// A vacancy is removed when its source has not listed it in this many successful crawls in a row.
inline constexpr int kVanishGraceCrawls = 2;

// The crawl's memory (what each source listed, each URL's validators), kept in the store.
class StoreCrawlState : public CrawlState {
 public:
  StoreCrawlState(Store& store, int grace) : store_(store), grace_(grace) {}
  StatusOr<KeyVerdicts> Seen(const std::string& source, const std::vector<std::string>& keys, Days today,
                             int max_age_days) override;
  Status Forget(const std::string& source, const std::vector<std::string>& keys) override {
    return store_.ForgetSourceKeys(source, keys);
  }
  StatusOr<UrlMemory> Recall(const std::string& url) override;
  Status Remember(const std::vector<std::pair<std::string, UrlMemory>>& memories,
                  const std::vector<IndexedInput>& indexed) override;
  Status RecordRun(const SourceReport& r, Days today) override;

 private:
  Store& store_;
  int grace_;
};

// Prints "passend <cmd>: error: <message>" to stderr.
void PrintError(const std::string& cmd, const std::string& message);

int RunCrawl(const std::vector<std::string>& argv);
int RunMatch(const std::vector<std::string>& argv);
int RunAlerts(const std::vector<std::string>& argv);
int RunDemo(const std::vector<std::string>& argv);
int RunNormalize(const std::vector<std::string>& argv);
int RunIndex(const std::vector<std::string>& argv);
int RunCompact(const std::vector<std::string>& argv);
int RunCandidate(const std::vector<std::string>& argv);
int RunCoach(const std::vector<std::string>& argv);
int RunDossier(const std::vector<std::string>& argv);
int RunReport(const std::vector<std::string>& argv);

}  // namespace passend::cli

namespace passend::cli {

// For `passend demo`: writes <id>.txt and <id>.json with each candidate's matches to
// `out_dir` and prints one summary line per candidate. Returns the number of failures.
int WriteMatchReports(const Context& ctx, const std::vector<CandidateProfile>& candidates, const std::string& out_dir);

}  // namespace passend::cli
