#include "crawler/multi_fetcher.h"

#include <algorithm>

#include "crawler/curl_transfer.h"
#include "crawler/robots.h"

namespace passend {
namespace {

constexpr double kNothingWaits = 1e9;

}  // namespace

CurlMultiFetcher::CurlMultiFetcher(FetchOptions options, ConnectionLimits limits)
    : options_(std::move(options)), limits_(limits), rng_(std::random_device{}()) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  multi_ = curl_multi_init();
  // The limits are kept here, per transfer. libcurl's own connection limits would also count
  // idle kept-alive connections to sites already done, and hold new transfers back until
  // those time out.
  curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, static_cast<long>(limits_.max_transfers));
}

CurlMultiFetcher::~CurlMultiFetcher() {
  for (auto& [handle, job] : running_) curl_multi_remove_handle(multi_, handle);
  running_.clear();
  curl_multi_cleanup(multi_);
  curl_global_cleanup();
}

void CurlMultiFetcher::Submit(FetchRequest request, FetchDone done) {
  auto job = std::make_unique<Job>();
  job->origin = RobotsGate::OriginOf(request.url);
  job->request = std::move(request);
  job->done = std::move(done);
  Host& host = hosts_[job->origin];
  if (host.queue.empty() && host.running == 0 && host.delay_s == 0) host.delay_s = limits_.host_delay_s;
  host.queue.push_back(std::move(job));
  ++queued_;
}

void CurlMultiFetcher::SetHostDelay(const std::string& origin, double seconds) {
  Host& host = hosts_[origin];
  host.delay_s = std::max({host.delay_s, seconds, limits_.host_delay_s});
}

double CurlMultiFetcher::StartReady(double now) {
  double next = kNothingWaits;
  for (auto& [origin, host] : hosts_) {
    while (!host.queue.empty() && static_cast<int>(running_.size()) < limits_.max_transfers &&
           host.running < limits_.max_per_host) {
      const double at = std::max(host.queue.front()->not_before, origin.empty() ? 0 : host.last_start + host.delay_s);
      if (at > now) {
        next = std::min(next, at - now);
        break;
      }
      std::unique_ptr<Job> job = std::move(host.queue.front());
      host.queue.pop_front();
      --queued_;
      Start(std::move(job), host, now);
    }
  }
  return next;
}

void CurlMultiFetcher::Start(std::unique_ptr<Job> job, Host& host, double now) {
  const FetchRequest& r = job->request;
  job->transfer = std::make_unique<CurlTransfer>(r.url, r.allow_file, r.known.empty() ? nullptr : &r.known, options_);
  if (!job->transfer->ready().ok()) {
    Status why = job->transfer->ready();
    Deliver(std::move(job), why);
    return;
  }
  host.last_start = now;
  ++host.running;
  CURL* handle = job->transfer->handle();
  curl_multi_add_handle(multi_, handle);
  running_[handle] = std::move(job);
}

void CurlMultiFetcher::Complete(CURLMsg* msg) {
  auto it = running_.find(msg->easy_handle);
  if (it == running_.end()) return;
  std::unique_ptr<Job> job = std::move(it->second);
  running_.erase(it);
  curl_multi_remove_handle(multi_, msg->easy_handle);
  Host& host = hosts_[job->origin];
  --host.running;
  auto result = job->transfer->Finish(msg->data.result);
  job->transfer.reset();
  if (Retryable(result) && job->attempt <= options_.retries) {
    job->not_before = SteadySeconds() + RetryWait(result, job->attempt, options_, rng_);
    ++job->attempt;
    host.queue.push_front(std::move(job));
    ++queued_;
    return;
  }
  if (result.ok()) bytes_received_ += result->body.size();
  const int attempts = job->attempt;
  Deliver(std::move(job), AfterAttempts(std::move(result), attempts));
}

void CurlMultiFetcher::Deliver(std::unique_ptr<Job> job, StatusOr<FetchResult> result) {
  const FetchRequest& r = job->request;
  if (r.any_status) {
    job->done(std::move(result));
  } else {
    job->done(ConditionalOutcome(r.url, r.known, std::move(result)));
  }
}

void CurlMultiFetcher::Run() {
  while (queued_ > 0 || !running_.empty()) {
    const double wait_s = StartReady(SteadySeconds());
    int still = 0;
    curl_multi_perform(multi_, &still);
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
      if (msg->msg == CURLMSG_DONE) Complete(msg);
    }
    if (queued_ == 0 && running_.empty()) break;
    // Sleep until a socket is ready, a delay ends, or at most 100 ms.
    const int timeout_ms = static_cast<int>(std::clamp(wait_s * 1000, 0.0, 100.0));
    if (!running_.empty() || timeout_ms > 0) curl_multi_poll(multi_, nullptr, 0, timeout_ms, nullptr);
  }
}

}  // namespace passend
