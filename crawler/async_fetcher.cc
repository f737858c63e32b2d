#include "crawler/async_fetcher.h"

#include <chrono>
#include <thread>

#include "crawler/robots.h"

namespace passend {

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void SyncFetcherAdapter::Submit(FetchRequest request, FetchDone done) {
  queue_.emplace_back(std::move(request), std::move(done));
}

void SyncFetcherAdapter::SetHostDelay(const std::string& origin, double seconds) {
  delay_s_[origin] = std::max(delay_s_[origin], seconds);
}

void SyncFetcherAdapter::Run() {
  while (!queue_.empty()) {
    auto [request, done] = std::move(queue_.front());
    queue_.pop_front();
    const std::string origin = RobotsGate::OriginOf(request.url);
    const auto last = last_start_s_.find(origin);
    if (last != last_start_s_.end()) {
      const double wait = last->second + delay_s_[origin] - SteadySeconds();
      if (wait > 0) std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    }
    last_start_s_[origin] = SteadySeconds();
    if (request.any_status) {
      done(fetcher_.FetchAnyStatus(request.url));
    } else {
      done(fetcher_.FetchIfChanged(request.url, request.allow_file, request.known));
    }
  }
}

}  // namespace passend
