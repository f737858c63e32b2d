#include "crawler/curl_transfer.h"

#include <cstdlib>
#include <ctime>

#include "common/text.h"

namespace passend {
namespace {

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

}  // namespace

CurlTransfer::CurlTransfer(std::string url, bool allow_file, const Validators* known, const FetchOptions& options)
    : url_(std::move(url)), cap_(options.max_body_bytes) {
  const std::string lower = ToLowerAscii(url_.substr(0, 8));
  const bool is_file = StartsWith(lower, "file://");
  if (!is_file && !StartsWith(lower, "http://") && !StartsWith(lower, "https://")) {
    ready_ = Status::InvalidArgument(url_ + ": only http, https and configured file URLs are fetched");
    return;
  }
  if (is_file && !allow_file) {
    ready_ = Status::InvalidArgument(url_ + ": file URLs are not allowed here");
    return;
  }
  curl_ = curl_easy_init();
  if (!curl_) {
    ready_ = Status::Internal("curl_easy_init failed");
    return;
  }
  curl_easy_setopt(curl_, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error_);
  curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, Write);
  curl_easy_setopt(curl_, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(curl_, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl_, CURLOPT_MAXREDIRS, options.max_redirects);
  curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_s);
  curl_easy_setopt(curl_, CURLOPT_TIMEOUT, options.total_timeout_s);
  // A server that drips slower than this for this long is given up on.
  curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes_per_s);
  curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_TIME, options.low_speed_time_s);
  // gzip is what servers can send cheaply; brotli at its default level costs them far more.
  curl_easy_setopt(curl_, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, is_file ? "file" : "http,https");
  curl_easy_setopt(curl_, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl_, CURLOPT_PRIVATE, this);
  for (const std::string& c : options.connect_to) connect_to_ = curl_slist_append(connect_to_, c.c_str());
  if (connect_to_) curl_easy_setopt(curl_, CURLOPT_CONNECT_TO, connect_to_);
  if (known && !is_file) {
    if (!known->etag.empty()) headers_ = curl_slist_append(headers_, ("If-None-Match: " + known->etag).c_str());
    if (!known->last_modified.empty()) {
      headers_ = curl_slist_append(headers_, ("If-Modified-Since: " + known->last_modified).c_str());
    }
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers_);
  }
}

CurlTransfer::~CurlTransfer() {
  if (curl_) curl_easy_cleanup(curl_);
  if (headers_) curl_slist_free_all(headers_);
  if (connect_to_) curl_slist_free_all(connect_to_);
}

size_t CurlTransfer::Write(char* data, size_t size, size_t n, void* self) {
  auto* t = static_cast<CurlTransfer*>(self);
  const size_t bytes = size * n;
  if (t->body_.size() + bytes > t->cap_) {
    t->overflow_ = true;
    return 0;  // makes libcurl abort the transfer
  }
  t->body_.append(data, bytes);
  return bytes;
}

StatusOr<FetchResult> CurlTransfer::Finish(CURLcode rc) {
  if (overflow_) return Status::InvalidArgument(url_ + ": body larger than " + std::to_string(cap_) + " bytes");
  if (rc != CURLE_OK) {
    const std::string what = url_ + ": " + (error_[0] ? std::string(error_) : curl_easy_strerror(rc));
    return IsNetworkError(rc) ? Status::Unavailable(what) : Status::InvalidArgument(what);
  }
  FetchResult result;
  curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &result.http_status);
  char* ct = nullptr;
  if (curl_easy_getinfo(curl_, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct) result.content_type = ct;
  result.validators = {HeaderValue(curl_, "ETag"), HeaderValue(curl_, "Last-Modified")};
  result.retry_after_s = RetryAfterSeconds(HeaderValue(curl_, "Retry-After"));
  char* eff = nullptr;
  if (curl_easy_getinfo(curl_, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff) result.final_url = eff;
  result.body = std::move(body_);
  return result;
}

bool Retryable(const StatusOr<FetchResult>& result) {
  if (!result.ok()) return result.status().code() == StatusCode::kUnavailable;
  return result->http_status == 429 || (result->http_status >= 500 && result->http_status <= 599);
}

double RetryWait(const StatusOr<FetchResult>& result, int attempt, const FetchOptions& options, std::mt19937& rng) {
  if (result.ok() && result->retry_after_s >= 0) return std::min(result->retry_after_s, options.max_retry_after_s);
  const double backoff = static_cast<double>(options.backoff_ms << (attempt - 1)) / 1000.0;
  return std::uniform_real_distribution<double>(backoff / 2, backoff)(rng);
}

StatusOr<FetchResult> AfterAttempts(StatusOr<FetchResult> result, int attempts) {
  if (result.ok()) {
    result->attempts = attempts;
    return result;
  }
  if (attempts > 1 && result.status().code() == StatusCode::kUnavailable) {
    return Status::Unavailable(result.status().message() + " (after " + std::to_string(attempts) + " attempts)");
  }
  return result;
}

StatusOr<FetchResult> Require2xx(const std::string& url, StatusOr<FetchResult> result) {
  if (!result.ok() || result->http_status == 0 || (result->http_status >= 200 && result->http_status <= 299)) {
    return result;
  }
  const std::string tries = result->attempts > 1 ? " (after " + std::to_string(result->attempts) + " attempts)" : "";
  return Status::Unavailable(url + ": HTTP " + std::to_string(result->http_status) + tries);
}

StatusOr<FetchResult> ConditionalOutcome(const std::string& url, const Validators& known, StatusOr<FetchResult> result) {
  if (result.ok() && result->http_status == 304) {
    result->not_modified = true;
    if (result->validators.empty()) result->validators = known;
    return result;
  }
  return Require2xx(url, std::move(result));
}

}  // namespace passend
