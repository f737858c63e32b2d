#include "crawler/fetcher.h"

#include <curl/curl.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <random>
#include <thread>

#include "common/text.h"

namespace passend {
namespace {

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

struct Sink {
  std::string* body;
  size_t cap;
  bool overflow = false;
};

size_t WriteBody(char* data, size_t size, size_t n, void* userdata) {
  auto* sink = static_cast<Sink*>(userdata);
  const size_t bytes = size * n;
  if (sink->body->size() + bytes > sink->cap) {
    sink->overflow = true;
    return 0;  // makes libcurl abort the transfer
  }
  sink->body->append(data, bytes);
  return bytes;
}

struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

// A response header of the last request (after redirects), or "".
std::string HeaderValue(CURL* c, const char* name) {
  curl_header* h = nullptr;
  if (curl_easy_header(c, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h || !h->value) return "";
  return h->value;
}

// Failures that may pass when tried again; a redirect loop or a bad URL will not.
bool IsNetworkError(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_SSL_CONNECT_ERROR:
      return true;
    default:
      return false;
  }
}

// Retry-After as seconds ("120") or an HTTP date; -1 when absent or unreadable.
double RetryAfterSeconds(const std::string& value) {
  if (value.empty()) return -1;
  char* end = nullptr;
  const double seconds = std::strtod(value.c_str(), &end);
  if (end != value.c_str() && *end == '\0') return seconds >= 0 ? seconds : -1;
  const time_t at = curl_getdate(value.c_str(), nullptr);
  if (at < 0) return -1;
  return std::max(0.0, static_cast<double>(at - std::time(nullptr)));
}

// An answer other than 2xx as an error naming the URL, the status and the attempts.
StatusOr<FetchResult> Require2xx(const std::string& url, StatusOr<FetchResult> result) {
  if (!result.ok() || result->http_status == 0 || (result->http_status >= 200 && result->http_status <= 299)) {
    return result;
  }
  const std::string tries = result->attempts > 1 ? " (after " + std::to_string(result->attempts) + " attempts)" : "";
  return Status::Unavailable(url + ": HTTP " + std::to_string(result->http_status) + tries);
}

}  // namespace

CurlFetcher::CurlFetcher(FetchOptions options) : options_(std::move(options)) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

CurlFetcher::~CurlFetcher() { curl_global_cleanup(); }

StatusOr<FetchResult> CurlFetcher::Fetch(const std::string& url, bool allow_file) {
  return Require2xx(url, PerformRetrying(url, allow_file));
}

StatusOr<FetchResult> CurlFetcher::FetchAnyStatus(const std::string& url) { return PerformRetrying(url, false); }

StatusOr<FetchResult> CurlFetcher::FetchIfChanged(const std::string& url, bool allow_file, const Validators& known) {
  auto result = PerformRetrying(url, allow_file, known.empty() ? nullptr : &known);
  if (result.ok() && result->http_status == 304) {
    result->not_modified = true;
    if (result->validators.empty()) result->validators = known;
    return result;
  }
  return Require2xx(url, std::move(result));
}

StatusOr<FetchResult> CurlFetcher::PerformRetrying(const std::string& url, bool allow_file, const Validators* known) {
  std::mt19937 rng(std::random_device{}());
  for (int attempt = 1;; ++attempt) {
    auto result = Perform(url, allow_file, known);
    const bool network_error = !result.ok() && result.status().code() == StatusCode::kUnavailable;
    const long http = result.ok() ? result->http_status : 0;
    const bool retry = network_error || http == 429 || (http >= 500 && http <= 599);
    if (!retry || attempt > options_.retries) {
      if (result.ok()) result->attempts = attempt;
      if (network_error && attempt > 1) {
        return Status::Unavailable(result.status().message() + " (after " + std::to_string(attempt) + " attempts)");
      }
      return result;
    }
    const double backoff = static_cast<double>(options_.backoff_ms << (attempt - 1)) / 1000.0;
    double wait = std::uniform_real_distribution<double>(backoff / 2, backoff)(rng);
    if (result.ok() && result->retry_after_s >= 0) wait = std::min(result->retry_after_s, options_.max_retry_after_s);
    std::this_thread::sleep_for(std::chrono::duration<double>(wait));
  }
}

StatusOr<FetchResult> CurlFetcher::Perform(const std::string& url, bool allow_file, const Validators* known) {
  const bool is_file = StartsWith(ToLowerAscii(url), "file://");
  if (!is_file && !StartsWith(ToLowerAscii(url), "http://") && !StartsWith(ToLowerAscii(url), "https://")) {
    return Status::InvalidArgument(url + ": only http, https and configured file URLs are fetched");
  }
  if (is_file && !allow_file) return Status::InvalidArgument(url + ": file URLs are not allowed here");
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Status::Internal("curl_easy_init failed");
  FetchResult result;
  Sink sink{&result.body, options_.max_body_bytes};
  char error[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, options_.max_redirects);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_s);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, options_.total_timeout_s);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // all encodings libcurl supports
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, is_file ? "file" : "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  if (known && !is_file) {
    curl_slist* list = nullptr;
    if (!known->etag.empty()) list = curl_slist_append(list, ("If-None-Match: " + known->etag).c_str());
    if (!known->last_modified.empty()) {
      list = curl_slist_append(list, ("If-Modified-Since: " + known->last_modified).c_str());
    }
    headers.reset(list);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  }
  const CURLcode rc = curl_easy_perform(c);
  if (sink.overflow) {
    return Status::InvalidArgument(url + ": body larger than " + std::to_string(options_.max_body_bytes) + " bytes");
  }
  if (rc != CURLE_OK) {
    const std::string what = url + ": " + (error[0] ? std::string(error) : curl_easy_strerror(rc));
    return IsNetworkError(rc) ? Status::Unavailable(what) : Status::InvalidArgument(what);
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &result.http_status);
  char* ct = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct) result.content_type = ct;
  result.validators = {HeaderValue(c, "ETag"), HeaderValue(c, "Last-Modified")};
  result.retry_after_s = RetryAfterSeconds(HeaderValue(c, "Retry-After"));
  char* eff = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff) result.final_url = eff;
  return result;
}

}  // namespace passend
