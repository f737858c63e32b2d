#include "alerts/runner.h"

#include <mutex>
#include <thread>
#include <vector>

namespace passend {
namespace {

// What one thread owns.
struct Worker {
  std::optional<VacancyReader> reader;
  std::optional<Store> store;
  std::unique_ptr<MailTransport> transport;
  std::optional<Matcher> matcher;
  std::optional<AlertJob> job;
};

StatusOr<std::unique_ptr<Worker>> OpenWorker(const AlertRunConfig& config) {
  auto w = std::make_unique<Worker>();
  auto reader = VacancyReader::Open(config.index_path);
  if (!reader.ok()) return reader.status();
  w->reader.emplace(std::move(*reader));
  auto store = Store::Open(config.store_path);
  if (!store.ok()) return store.status();
  w->store.emplace(std::move(*store));
  auto transport = config.make_transport();
  if (!transport.ok()) return transport.status();
  w->transport = std::move(*transport);
  w->matcher.emplace(*w->reader, *config.schema, config.match_options);
  w->job.emplace(*w->matcher, *w->reader, *w->store, *w->transport, config.options);
  return w;
}

}  // namespace

Status RunAlertJobs(const AlertRunConfig& config, const std::function<std::optional<QueuedCandidate>()>& next,
                    const std::function<void(const QueuedCandidate&, const CandidateAlertResult&)>& done) {
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < std::max(1, config.threads); ++i) {
    auto w = OpenWorker(config);
    if (!w.ok()) return w.status();
    workers.push_back(std::move(*w));
  }
  std::mutex mu;
  auto work = [&](Worker& w) {
    for (;;) {
      std::optional<QueuedCandidate> item;
      {
        std::lock_guard<std::mutex> lock(mu);
        item = next();
      }
      if (!item) return;
      CandidateAlertResult r{item->profile.id, AlertOutcome::kFailed, 0, "",
                             "not tried: the mail server is unavailable"};
      if (!w.transport->Unavailable()) r = w.job->Run(item->profile);
      std::lock_guard<std::mutex> lock(mu);
      done(*item, r);
    }
  };
  std::vector<std::thread> threads;
  for (size_t i = 1; i < workers.size(); ++i) threads.emplace_back(work, std::ref(*workers[i]));
  work(*workers[0]);
  for (auto& t : threads) t.join();
  return Status::Ok();
}

}  // namespace passend
