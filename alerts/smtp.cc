// SMTP delivery through libcurl. One easy handle per run so the connection is reused
// between mails; it is replaced after a failure so a broken connection is not reused.
#include <curl/curl.h>

#include <chrono>
#include <cstring>
#include <random>
#include <thread>

#include "alerts/delivery.h"
#include "common/text.h"

namespace passend {
namespace {

struct Upload {
  const std::string* data;
  size_t offset = 0;
};

size_t ReadBody(char* buffer, size_t size, size_t nitems, void* userdata) {
  auto* up = static_cast<Upload*>(userdata);
  const size_t n = std::min(size * nitems, up->data->size() - up->offset);
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

class SmtpTransport : public MailTransport {
 public:
  explicit SmtpTransport(SmtpOptions options) : options_(std::move(options)), rng_(std::random_device{}()) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
  }
  ~SmtpTransport() override {
    curl_.reset();
    curl_global_cleanup();
  }

  SendResult Send(const OutgoingMail& mail) override {
    SendResult r;
    for (int attempt = 1; attempt <= options_.attempts; ++attempt) {
      if (attempt > 1) Backoff(attempt);
      r = SendOnce(mail);
      if (r.failure != SendFailure::kTransient) break;
    }
    consecutive_failures_ = r.failure == SendFailure::kTransient ? consecutive_failures_ + 1 : 0;
    if (r.failure == SendFailure::kTransient) {
      r.error += " (after " + std::to_string(options_.attempts) + " attempts)";
    }
    return r;
  }

  bool Unavailable() const override { return consecutive_failures_ >= options_.unavailable_after; }

 private:
  void Backoff(int attempt) {
    const long base = options_.backoff_ms << (attempt - 2);
    std::uniform_int_distribution<long> jitter(base / 2, base);
    std::this_thread::sleep_for(std::chrono::milliseconds(jitter(rng_)));
  }

  CURL* Handle() {
    if (!curl_) curl_.reset(curl_easy_init());
    return curl_.get();
  }

  SendResult SendOnce(const OutgoingMail& mail) {
    SendResult r;
    r.where = "smtp";
    CURL* c = Handle();
    if (!c) return {SendFailure::kTransient, "curl_easy_init failed", "smtp"};
    std::unique_ptr<curl_slist, SlistDeleter> rcpt(curl_slist_append(nullptr, ("<" + mail.to_address + ">").c_str()));
    Upload up{&mail.data};
    char error[CURL_ERROR_SIZE] = {0};
    const std::string from = "<" + mail.from_address + ">";
    curl_easy_setopt(c, CURLOPT_URL, options_.url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadBody);
    curl_easy_setopt(c, CURLOPT_READDATA, &up);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, options_.timeout_s);
    curl_easy_setopt(c, CURLOPT_USE_SSL, options_.tls == "required" ? CURLUSESSL_ALL
                                         : options_.tls == "none"   ? CURLUSESSL_NONE
                                                                    : CURLUSESSL_TRY);
    if (!options_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options_.ca_file.c_str());
    if (!options_.user.empty()) {
      curl_easy_setopt(c, CURLOPT_USERNAME, options_.user.c_str());
      curl_easy_setopt(c, CURLOPT_PASSWORD, options_.password.c_str());
    }
    const CURLcode rc = curl_easy_perform(c);
    long reply = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, nullptr);
    if (rc == CURLE_OK) return r;
    curl_.reset();  // never reuse a connection that failed
    r.error = "smtp " + options_.url + ": " + (error[0] ? error : curl_easy_strerror(rc));
    if (reply > 0) r.error += " (server reply " + std::to_string(reply) + ")";
    const bool permanent = (reply >= 500 && reply < 600) || rc == CURLE_LOGIN_DENIED;
    r.failure = permanent ? SendFailure::kPermanent : SendFailure::kTransient;
    return r;
  }

  SmtpOptions options_;
  std::unique_ptr<CURL, CurlDeleter> curl_;
  std::mt19937 rng_;
  int consecutive_failures_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<MailTransport>> MakeSmtpTransport(const SmtpOptions& options) {
  const std::string url = ToLowerAscii(options.url);
  if (!StartsWith(url, "smtp://") && !StartsWith(url, "smtps://")) {
    return Status::InvalidArgument("--smtp: expected smtp://host:port or smtps://host:port, got \"" + options.url + "\"");
  }
  if (options.tls != "none" && options.tls != "try" && options.tls != "required") {
    return Status::InvalidArgument("--smtp-tls: expected none, try or required, got \"" + options.tls + "\"");
  }
  if (!options.user.empty() && options.tls == "none" && StartsWith(url, "smtp://")) {
    return Status::InvalidArgument("--smtp-tls none with --smtp-user would send the password in clear text");
  }
  if (options.attempts < 1) return Status::InvalidArgument("SMTP attempts must be at least 1");
  return std::unique_ptr<MailTransport>(std::make_unique<SmtpTransport>(options));
}

}  // namespace passend
