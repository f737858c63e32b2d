// The crawl: for each configured source fetch → parse → normalise → upsert (skipping
// postings unchanged since they were indexed), committing in batches, then expire
// vacancies past their validThrough. One failing source never stops the others and never
// removes what was indexed before.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/date.h"
#include "crawler/async_fetcher.h"
#include "crawler/fetcher.h"
#include "crawler/sources.h"
#include "indexer/index.h"
#include "normalizer/normalizer.h"

namespace passend {

struct SourceReport {
  std::string name;
  bool ok = false;
  std::string error;  // when !ok: names the URL and the cause
  int postings = 0;
  int added = 0, updated = 0, unchanged = 0, record_errors = 0;
  int stale = 0;  // postings already past validThrough: not indexed
  int vanished = 0;  // removed: no longer listed by the source for the grace period
  int aged = 0;      // listed, but first seen longer ago than the age cap and without validThrough
  int pages_skipped = 0;  // unchanged (304 or same sitemap lastmod): not read again
  bool not_modified = false;  // every URL was unchanged: nothing parsed or indexed
};

struct CrawlReport {
  std::vector<SourceReport> sources;
  int expired = 0;  // removed from the index because validThrough passed

  int failed() const;
  // 0 all sources ok, 1 some failed, 2 none succeeded.
  int ExitCode() const;
  // "summary sources=3 ok=3 failed=0 new=… updated=… unchanged=… expired=… record_errors=…";
  // expired counts removed vacancies plus postings refused as already past validThrough.
  std::string SummaryLine() const;
};

// One key=value line for a source, as printed by `passend crawl`.
std::string SourceLine(const SourceReport& r);

struct CrawlCallbacks {
  std::function<void(const SourceReport&)> on_source;  // after each source
  std::function<void(const std::string&)> on_error;    // one line per record error
};

// What the crawl remembered of a URL from the last time it was read.
struct UrlMemory {
  Validators validators;
  std::string lastmod;                            // a sitemap's lastmod for the page
  std::optional<std::vector<std::string>> keys;  // the posting keys it gave; unknown = nullopt
};

// What the tracker says of the keys a source lists now.
struct KeyVerdicts {
  std::vector<std::string> vanished;  // not listed for the grace period: remove
  std::vector<std::string> too_old;   // listed, but first seen before the age cap
  std::unordered_map<std::string, uint64_t> input_hashes;  // Normalizer::InputHash as last indexed
};

// A posting as it was indexed: the crawl need not normalise it again while its input
// hash stays the same and the index still holds it.
struct IndexedInput {
  std::string source, key;
  uint64_t input_hash = 0;
};

// What the crawl remembers between runs: which vacancies each source listed, so that one
// that vanished is removed after a grace period (only successful fetches count: a failed
// source never loses anything), what each URL gave (validators for conditional fetches, a
// sitemap lastmod, its keys), and each source's health.
class CrawlState {
 public:
  virtual ~CrawlState() = default;
  virtual StatusOr<UrlMemory> Recall(const std::string& url) = 0;
  // What each URL gave and which postings were indexed, called once that is committed to
  // the index (several URLs and sources at once).
  virtual Status Remember(const std::vector<std::pair<std::string, UrlMemory>>& memories,
                          const std::vector<IndexedInput>& indexed) = 0;
  // The keys the source listed now, on `today`.
  virtual StatusOr<KeyVerdicts> Seen(const std::string& source, const std::vector<std::string>& keys, Days today,
                                     int max_age_days) = 0;
  // Called once the returned keys are removed from the index and committed.
  virtual Status Forget(const std::string& source, const std::vector<std::string>& keys) = 0;
  // After each source, failed or not.
  virtual Status RecordRun(const SourceReport& report, Days today) = 0;
};

struct CrawlOptions {
  std::string robots_token = "Passend";  // the product token robots.txt groups name
  int max_age_days = 60;  // postings without validThrough drop out this long after first seen
  bool dry_run = false;   // fetch, parse and normalise, but change neither index nor state
};

// Fails only when the index itself cannot be written (then nothing is committed for the
// source in progress). Sources are fetched together; each is indexed as soon as its last
// answer is in, and the report lists them in configuration order. Every http(s) URL is
// checked against its site's robots.txt first (crawler/robots.h); a disallowed URL fails its
// source. Without `state` nothing is remembered: no conditional fetches, no vanishing, no
// age cap.
StatusOr<CrawlReport> Crawl(const std::vector<SourceConfig>& sources, AsyncFetcher& fetcher,
                            const Normalizer& normalizer, VacancyIndex& index, Days today,
                            const CrawlCallbacks& callbacks, const CrawlOptions& options = {},
                            CrawlState* state = nullptr);
// The same with a blocking fetcher, one request at a time.
StatusOr<CrawlReport> Crawl(const std::vector<SourceConfig>& sources, Fetcher& fetcher,
                            const Normalizer& normalizer, VacancyIndex& index, Days today,
                            const CrawlCallbacks& callbacks, const CrawlOptions& options = {},
                            CrawlState* state = nullptr);

}  // namespace passend
