// Many transfers at once over the libcurl multi interface, within a global and a per-host
// connection limit and a per-host delay between request starts. Retries (5xx, 429, network
// errors) wait on a timer, never by sleeping, so one slow site holds up nobody else.
#pragma once

#include <curl/curl.h>

#include <deque>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "crawler/async_fetcher.h"

namespace passend {

struct ConnectionLimits {
  int max_transfers = 64;     // running at once, over all hosts
  int max_per_host = 2;       // running at once against one origin
  double host_delay_s = 0.5;  // least time between two request starts to one origin
};

class CurlTransfer;

class CurlMultiFetcher : public AsyncFetcher {
 public:
  CurlMultiFetcher(FetchOptions options, ConnectionLimits limits);
  ~CurlMultiFetcher() override;
  void Submit(FetchRequest request, FetchDone done) override;
  void Run() override;
  void SetHostDelay(const std::string& origin, double seconds) override;

  // Bytes of bodies received so far (after decompression).
  size_t bytes_received() const { return bytes_received_; }

 private:
  struct Job {
    FetchRequest request;
    FetchDone done;
    std::string origin;
    int attempt = 1;
    double not_before = 0;  // steady seconds; a retry waits for its backoff
    std::unique_ptr<CurlTransfer> transfer;
  };
  struct Host {
    std::deque<std::unique_ptr<Job>> queue;
    int running = 0;
    double delay_s = 0;
    double last_start = -1e18;
  };

  // Starts queued jobs that the limits allow; returns seconds until the next one may start
  // (a large value when nothing waits on time).
  double StartReady(double now);
  void Start(std::unique_ptr<Job> job, Host& host, double now);
  void Complete(CURLMsg* msg);
  void Deliver(std::unique_ptr<Job> job, StatusOr<FetchResult> result);

  FetchOptions options_;
  ConnectionLimits limits_;
  CURLM* multi_;
  std::map<std::string, Host> hosts_;
  std::map<CURL*, std::unique_ptr<Job>> running_;
  size_t queued_ = 0;
  size_t bytes_received_ = 0;
  std::mt19937 rng_;
};

}  // namespace passend
