#include "crawler/fetcher.h"

#include <chrono>
#include <thread>

#include "crawler/curl_transfer.h"

namespace passend {

CurlFetcher::CurlFetcher(FetchOptions options) : options_(std::move(options)) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

CurlFetcher::~CurlFetcher() { curl_global_cleanup(); }

StatusOr<FetchResult> CurlFetcher::Fetch(const std::string& url, bool allow_file) {
  return Require2xx(url, PerformRetrying(url, allow_file));
}

StatusOr<FetchResult> CurlFetcher::FetchAnyStatus(const std::string& url) { return PerformRetrying(url, false); }

StatusOr<FetchResult> CurlFetcher::FetchIfChanged(const std::string& url, bool allow_file, const Validators& known) {
  return ConditionalOutcome(url, known, PerformRetrying(url, allow_file, known.empty() ? nullptr : &known));
}

StatusOr<FetchResult> CurlFetcher::PerformRetrying(const std::string& url, bool allow_file, const Validators* known) {
  std::mt19937 rng(std::random_device{}());
  for (int attempt = 1;; ++attempt) {
    CurlTransfer t(url, allow_file, known, options_);
    if (!t.ready().ok()) return t.ready();
    auto result = t.Finish(curl_easy_perform(t.handle()));
    if (!Retryable(result) || attempt > options_.retries) return AfterAttempts(std::move(result), attempt);
    std::this_thread::sleep_for(std::chrono::duration<double>(RetryWait(result, attempt, options_, rng)));
  }
}

}  // namespace passend
