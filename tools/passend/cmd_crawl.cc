// passend crawl: fetch every configured source into the index.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>

#include "common/text.h"
#include "crawler/crawl.h"
#include "crawler/multi_fetcher.h"
#include "store/store.h"
#include "tools/passend/cli.h"

namespace passend::cli {
namespace {

constexpr const char* kHelp =
    "Usage: passend crawl [--sources FILE] [--source NAME] [--shard I/N] [--max-age-days N]\n"
    "                     [--dry-run] [--status] [--data-dir DIR] [--share-dir DIR] [--today YYYY-MM-DD]\n"
    "\n"
    "Fetches every source in FILE (format: docs/sources.md), normalises the postings and\n"
    "upserts them into the index in DIR/index; expires vacancies past their validThrough,\n"
    "no longer listed, or (without validThrough) first seen more than N days ago (60).\n"
    "  --source NAME   only this source\n"
    "  --shard I/N     only the sources whose name hashes to shard I of N (1 <= I <= N)\n"
    "  --dry-run       fetch, parse and normalise, but change neither index nor crawl state\n"
    "  --status        print each source's health (last success, failures, last error) and stop\n"
    "Prints one key=value line per source and a summary line; record errors go to stderr;\n"
    "on a terminal a progress line follows the source lines.\n"
    "Exit: 0 all sources ok, 1 some failed, 2 none succeeded, bad configuration or a crawl\n"
    "already running.\n";

// Holds an exclusive lock on DIR/crawl.lock so two crawls never overlap.
class CrawlLock {
 public:
  explicit CrawlLock(const std::string& path) : fd_(open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644)) {}
  ~CrawlLock() {
    if (fd_ >= 0) close(fd_);
  }
  bool Acquire() { return fd_ >= 0 && flock(fd_, LOCK_EX | LOCK_NB) == 0; }

 private:
  int fd_;
};

// The sources this run covers: --source and --shard narrow the list.
StatusOr<std::vector<SourceConfig>> SelectSources(std::vector<SourceConfig> all, const Args& args) {
  if (auto name = args.Get("source")) {
    for (SourceConfig& s : all) {
      if (s.name == *name) return std::vector<SourceConfig>{std::move(s)};
    }
    return Status::InvalidArgument("--source: no source named \"" + *name + "\"");
  }
  auto shard = args.Get("shard");
  if (!shard) return all;
  const size_t slash = shard->find('/');
  const auto i = ParseInt(shard->substr(0, slash));
  const auto n = slash == std::string::npos ? std::nullopt : ParseInt(shard->substr(slash + 1));
  if (!i || !n || *n < 1 || *i < 1 || *i > *n) {
    return Status::InvalidArgument("--shard: expected I/N with 1 <= I <= N, got \"" + *shard + "\"");
  }
  std::vector<SourceConfig> mine;
  for (SourceConfig& s : all) {
    if (static_cast<long>(StableHash64(s.name) % static_cast<uint64_t>(*n)) == *i - 1) mine.push_back(std::move(s));
  }
  return mine;
}

int PrintStatus(Store& store) {
  auto health = store.SourceHealthList();
  if (!health.ok()) {
    PrintError("crawl", health.status().message());
    return kExitFailure;
  }
  std::printf("%s %s %s %s %s %s\n", PadRight("source", 24).c_str(), PadRight("last_attempt", 12).c_str(),
              PadRight("last_success", 12).c_str(), PadRight("failures", 8).c_str(), PadRight("postings", 8).c_str(),
              "last_error");
  for (const auto& h : *health) {
    std::printf("%s %s %s %s %s %s\n", PadRight(h.source, 24).c_str(), PadRight(h.last_attempt, 12).c_str(),
                PadRight(h.last_success.empty() ? "-" : h.last_success, 12).c_str(),
                PadRight(std::to_string(h.consecutive_failures), 8).c_str(),
                PadRight(std::to_string(h.postings), 8).c_str(), h.last_error.c_str());
  }
  return kExitOk;
}

// "[#######.............] 35/100 sources, 4.210 vacatures" on one line, redrawn in place.
void DrawProgress(size_t done, size_t total, long postings) {
  constexpr size_t kWidth = 30;
  const size_t filled = total ? done * kWidth / total : kWidth;
  std::printf("\r\033[K[%s%s] %zu/%zu bronnen, %ld vacatures", std::string(filled, '#').c_str(),
              std::string(kWidth - filled, '.').c_str(), done, total, postings);
  std::fflush(stdout);
}

}  // namespace

int RunCrawl(const std::vector<std::string>& argv) {
  int exit_code = kExitOk;
  auto inv = Begin("crawl", kHelp, argv, {"sources", "source", "shard", "max-age-days"}, {"dry-run", "status"},
                   &exit_code);
  if (!inv) return exit_code;
  const Args* args = &inv->args;
  Context* ctx = &inv->ctx;
  auto store = Store::Open(ctx->StorePath());
  if (!store.ok()) {
    PrintError("crawl", store.status().message());
    return kExitFailure;
  }
  if (args->Has("status")) return PrintStatus(*store);
  auto sources = LoadSources(args->GetOr("sources", ctx->share_dir + "/sources.json"));
  if (!sources.ok()) {
    PrintError("crawl", sources.status().message());
    return kExitFailure;
  }
  auto selected = SelectSources(std::move(sources->sources), *args);
  auto max_age = IntOption(*args, "max-age-days", 60, 1, 3650);
  if (!selected.ok() || !max_age.ok()) {
    PrintError("crawl", (!selected.ok() ? selected.status() : max_age.status()).message());
    return kExitFailure;
  }
  CrawlLock lock(ctx->data_dir + "/crawl.lock");
  if (!lock.Acquire()) {
    PrintError("crawl", "another crawl is running on " + ctx->data_dir + " (crawl.lock)");
    return kExitFailure;
  }
  auto index = VacancyIndex::OpenWritable(ctx->IndexPath());
  if (!index.ok()) {
    PrintError("crawl", index.status().message());
    return kExitFailure;
  }
  FetchOptions fetch_options;
  if (!sources->user_agent.empty()) fetch_options.user_agent = sources->user_agent;
  if (sources->retries) fetch_options.retries = static_cast<int>(*sources->retries);
  if (sources->retry_backoff_ms) fetch_options.backoff_ms = *sources->retry_backoff_ms;
  ConnectionLimits limits;
  if (sources->max_connections) limits.max_transfers = static_cast<int>(*sources->max_connections);
  if (sources->max_connections_per_host) limits.max_per_host = static_cast<int>(*sources->max_connections_per_host);
  if (sources->host_delay_ms) limits.host_delay_s = static_cast<double>(*sources->host_delay_ms) / 1000;
  CurlMultiFetcher fetcher(fetch_options, limits);
  const Normalizer normalizer(ctx->normalizer_data());
  const bool tty = isatty(STDOUT_FILENO) == 1;
  size_t done = 0;
  long postings = 0;
  CrawlCallbacks callbacks;
  callbacks.on_source = [&](const SourceReport& r) {
    if (tty) std::printf("\r\033[K");
    std::printf("%s\n", SourceLine(r).c_str());
    postings += r.postings;
    if (tty) DrawProgress(++done, selected->size(), postings);
    std::fflush(stdout);
  };
  callbacks.on_error = [](const std::string& e) { PrintError("crawl", e); };
  CrawlOptions options;
  // robots.txt groups name the product token: the User-Agent's first word before "/".
  const std::string& agent = fetch_options.user_agent;
  options.robots_token = agent.substr(0, agent.find_first_of("/ "));
  options.max_age_days = static_cast<int>(*max_age);
  options.dry_run = args->Has("dry-run");
  StoreCrawlState tracker(*store, kVanishGraceCrawls);
  auto report = Crawl(*selected, fetcher, normalizer, *index, ctx->today, callbacks, options, &tracker);
  if (tty) std::printf("\r\033[K");
  if (!report.ok()) {
    PrintError("crawl", report.status().message());
    return kExitFailure;
  }
  for (const auto& s : report->sources) {
    if (!s.ok) PrintError("crawl", "source " + s.name + ": " + s.error);
  }
  std::printf("%s%s\n", report->SummaryLine().c_str(), options.dry_run ? " dry_run=true" : "");
  return report->ExitCode();
}

}  // namespace passend::cli
