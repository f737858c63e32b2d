// passend crawl: fetch every configured source into the index.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>

#include "crawler/crawl.h"
#include "store/store.h"
#include "tools/passend/cli.h"

namespace passend::cli {
namespace {

constexpr const char* kHelp =
    "Usage: passend crawl --sources FILE [--data-dir DIR] [--share-dir DIR] [--today YYYY-MM-DD]\n"
    "\n"
    "Fetches every source in FILE (format: docs/sources.md), normalises the postings and\n"
    "upserts them into the index in DIR/index; expires vacancies past their validThrough.\n"
    "Prints one key=value line per source and a summary line; record errors go to stderr.\n"
    "Exit: 0 all sources ok, 1 some failed, 2 none succeeded or bad configuration.\n";

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

}  // namespace

int RunCrawl(const std::vector<std::string>& argv) {
  int exit_code = kExitOk;
  auto inv = Begin("crawl", kHelp, argv, {"sources"}, {}, &exit_code);
  if (!inv) return exit_code;
  const Args* args = &inv->args;
  Context* ctx = &inv->ctx;
  auto sources = LoadSources(args->GetOr("sources", ctx->share_dir + "/sources.json"));
  if (!sources.ok()) {
    PrintError("crawl", sources.status().message());
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
  CurlFetcher fetcher(fetch_options);
  const Normalizer normalizer(ctx->normalizer_data());
  CrawlCallbacks callbacks;
  callbacks.on_source = [](const SourceReport& r) {
    std::printf("%s\n", SourceLine(r).c_str());
    std::fflush(stdout);
  };
  callbacks.on_error = [](const std::string& e) { PrintError("crawl", e); };
  // robots.txt groups name the product token: the User-Agent's first word before "/".
  const std::string& agent = fetch_options.user_agent;
  const std::string token = agent.substr(0, agent.find_first_of("/ "));
  auto store = Store::Open(ctx->StorePath());
  if (!store.ok()) {
    PrintError("crawl", store.status().message());
    return kExitFailure;
  }
  StoreCrawlState tracker(*store, kVanishGraceCrawls);
  CrawlOptions options;
  options.robots_token = token;
  auto report = Crawl(sources->sources, fetcher, normalizer, *index, ctx->today, callbacks, options, &tracker);
  if (!report.ok()) {
    PrintError("crawl", report.status().message());
    return kExitFailure;
  }
  for (const auto& s : report->sources) {
    if (!s.ok) PrintError("crawl", "source " + s.name + ": " + s.error);
  }
  std::printf("%s\n", report->SummaryLine().c_str());
  return report->ExitCode();
}

}  // namespace passend::cli
