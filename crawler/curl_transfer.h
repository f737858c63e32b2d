// One HTTP(S) or file transfer as a libcurl easy handle, shared by the blocking CurlFetcher
// and the concurrent CurlMultiFetcher (internal to the crawler). libcurl's codes become
// Status here, once.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <random>
#include <string>

#include "crawler/fetcher.h"

namespace passend {

class CurlTransfer {
 public:
  // `known`: validators to send (conditional GET); null for a plain fetch.
  CurlTransfer(std::string url, bool allow_file, const Validators* known, const FetchOptions& options);
  ~CurlTransfer();
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;

  // Ok when the handle is ready to run; the URL's scheme is checked here.
  const Status& ready() const { return ready_; }
  CURL* handle() const { return curl_; }
  const std::string& url() const { return url_; }
  // The outcome once libcurl finished with `rc`: any HTTP answer is a result; no answer at
  // all is Unavailable (network errors, worth a retry) or InvalidArgument (the rest).
  StatusOr<FetchResult> Finish(CURLcode rc);

 private:
  std::string url_;
  Status ready_;
  CURL* curl_ = nullptr;
  curl_slist* headers_ = nullptr;
  curl_slist* connect_to_ = nullptr;
  std::string body_;
  size_t cap_;
  bool overflow_ = false;
  char error_[CURL_ERROR_SIZE] = {0};

  static size_t Write(char* data, size_t size, size_t n, void* self);
};

// Whether an outcome is worth another attempt: network errors, 429 and 5xx.
bool Retryable(const StatusOr<FetchResult>& result);
// How long to wait before attempt `attempt + 1`: Retry-After when the answer has one (at
// most max_retry_after_s), else backoff_ms doubled per attempt, with jitter.
double RetryWait(const StatusOr<FetchResult>& result, int attempt, const FetchOptions& options, std::mt19937& rng);
// The final outcome after `attempts` tries: the attempts are noted in results and errors.
StatusOr<FetchResult> AfterAttempts(StatusOr<FetchResult> result, int attempts);
// A non-2xx answer as an error naming the URL, the status and the attempts.
StatusOr<FetchResult> Require2xx(const std::string& url, StatusOr<FetchResult> result);
// A 304 to a conditional fetch as not_modified (keeping the known validators when the
// answer repeats none); anything else must be 2xx.
StatusOr<FetchResult> ConditionalOutcome(const std::string& url, const Validators& known, StatusOr<FetchResult> result);

}  // namespace passend
