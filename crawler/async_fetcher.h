// Fetching many URLs at once: requests are submitted with a callback and run together.
// CurlMultiFetcher (crawler/multi_fetcher.h) is the real one; SyncFetcherAdapter runs any
// blocking Fetcher one request at a time (tests, and a file-only crawl).
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <string>

#include "crawler/fetcher.h"

namespace passend {

struct FetchRequest {
  std::string url;
  bool allow_file = false;
  Validators known;         // sent back (If-None-Match, If-Modified-Since); 304 = not_modified
  bool any_status = false;  // any HTTP answer is a result (robots.txt); else only 2xx
};

using FetchDone = std::function<void(StatusOr<FetchResult>)>;

// Seconds on the steady clock, for delays between requests.
double SteadySeconds();

class AsyncFetcher {
 public:
  virtual ~AsyncFetcher() = default;
  // Queues a request. `done` runs later, on the thread in Run(), and may submit more.
  virtual void Submit(FetchRequest request, FetchDone done) = 0;
  // Runs until nothing is queued or running.
  virtual void Run() = 0;
  // The least time between the starts of two requests to `origin` ("https://host:port"),
  // e.g. a robots.txt Crawl-delay; it never lowers the fetcher's own per-host delay.
  virtual void SetHostDelay(const std::string& origin, double seconds) = 0;
};

class SyncFetcherAdapter : public AsyncFetcher {
 public:
  explicit SyncFetcherAdapter(Fetcher& fetcher) : fetcher_(fetcher) {}
  void Submit(FetchRequest request, FetchDone done) override;
  void Run() override;
  void SetHostDelay(const std::string& origin, double seconds) override;

 private:
  Fetcher& fetcher_;
  std::deque<std::pair<FetchRequest, FetchDone>> queue_;
  std::map<std::string, double> delay_s_, last_start_s_;  // by origin
};

}  // namespace passend
