// Runs the weekly alert job over a stream of candidates on several threads. Each thread
// has its own index reader, matcher, store connection and mail transport (none of them is
// shared between threads); candidates are taken one at a time, so memory does not grow
// with their number.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "alerts/alerts.h"
#include "alerts/delivery.h"

namespace passend {

struct AlertRunConfig {
  std::string index_path, store_path;
  const FmlSchema* schema = nullptr;
  MatchOptions match_options;
  AlertOptions options;
  std::function<StatusOr<std::unique_ptr<MailTransport>>()> make_transport;
  int threads = 1;
};

struct QueuedCandidate {
  CandidateProfile profile;
  std::string coach_id;
};

// `next` gives the next candidate or nullopt at the end; `done` gets each result. Both are
// called with a lock held, so they need no locking of their own. Fails before any mail
// when a thread's index, store or transport cannot be opened.
Status RunAlertJobs(const AlertRunConfig& config, const std::function<std::optional<QueuedCandidate>()>& next,
                    const std::function<void(const QueuedCandidate&, const CandidateAlertResult&)>& done);

}  // namespace passend
