// Fetching a URL. Fetcher is the seam for tests; CurlFetcher is the real one (libcurl).
// CURLcode and HTTP status are converted into Status here, once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/status.h"

namespace passend {

struct FetchOptions {
  std::string user_agent = "Passend/0.1 (vacature-matching voor re-integratie)";
  long connect_timeout_s = 10;
  long total_timeout_s = 120;
  long low_speed_bytes_per_s = 100;  // slower than this for low_speed_time_s: given up
  long low_speed_time_s = 30;
  size_t max_body_bytes = 64u << 20;  // 64 MiB
  long max_redirects = 5;
  // 5xx, 429 and network errors are tried again this often, waiting backoff_ms doubled each
  // time with jitter, or what Retry-After says (at most max_retry_after_s). Other 4xx never.
  int retries = 3;
  // CURLOPT_CONNECT_TO entries ("HOST:PORT:CONNECT-HOST:CONNECT-PORT"; "::127.0.0.1:8080"
  // sends every host there): for simulations that serve many sites from one local server.
  std::vector<std::string> connect_to;
  long backoff_ms = 1000;
  double max_retry_after_s = 120;
};

// What a server said about a document's version, sent back on the next fetch so an
// unchanged document costs a 304 and no parsing.
struct Validators {
  std::string etag;
  std::string last_modified;
  bool empty() const { return etag.empty() && last_modified.empty(); }
};

struct FetchResult {
  long http_status = 0;  // 0 for file://
  std::string body;
  std::string content_type;
  std::string final_url;
  Validators validators;      // from the answer's ETag and Last-Modified headers
  bool not_modified = false;  // 304 to a conditional fetch: no body
  double retry_after_s = -1;  // the Retry-After header in seconds, when given
  int attempts = 1;           // fetches it took
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Returns the body of a 2xx answer; Unavailable naming the URL and cause otherwise.
  // file:// URLs are refused unless `allow_file`.
  virtual StatusOr<FetchResult> Fetch(const std::string& url, bool allow_file) = 0;
  // Any HTTP answer, with its status (robots.txt needs to tell 404 from 503); an error only
  // when there was no answer at all. http and https only.
  virtual StatusOr<FetchResult> FetchAnyStatus(const std::string& url) = 0;
  // Fetch with If-None-Match / If-Modified-Since from `known`; a 304 is a result with
  // not_modified set. Fetchers that cannot do this fetch in full.
  virtual StatusOr<FetchResult> FetchIfChanged(const std::string& url, bool allow_file, const Validators& known) {
    (void)known;
    return Fetch(url, allow_file);
  }
};

class CurlFetcher : public Fetcher {
 public:
  explicit CurlFetcher(FetchOptions options);
  ~CurlFetcher() override;
  StatusOr<FetchResult> Fetch(const std::string& url, bool allow_file) override;
  StatusOr<FetchResult> FetchAnyStatus(const std::string& url) override;
  StatusOr<FetchResult> FetchIfChanged(const std::string& url, bool allow_file, const Validators& known) override;

 private:
  // One request after another: again after 5xx, 429 and network errors, with backoff or
  // Retry-After; transient failures (network errors) are Unavailable, others InvalidArgument.
  StatusOr<FetchResult> PerformRetrying(const std::string& url, bool allow_file, const Validators* known = nullptr);
  FetchOptions options_;
};

}  // namespace passend
