#include "indexer/ingest.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "common/text.h"
#include "model/json_io.h"

namespace passend {
namespace {

// One line of the input, read and prepared by the reader thread.
struct Line {
  std::optional<PreparedVacancy> prepared;
  std::string error;  // the line is bad: "file:line: field: what"
  Status failure;     // preparing failed: the load stops
};

using Lines = std::vector<Line>;

// Lines in input order from the reader thread to the writer, in batches (a hand-over per
// line cost the writer a futex call each), at most kCapacity batches waiting, so memory
// stays flat however long the input is.
class LineQueue {
 public:
  static constexpr size_t kBatch = 128;
  static constexpr size_t kCapacity = 8;

  // False when the writer stopped taking lines.
  bool Push(Lines batch) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return batches_.size() < kCapacity || stopped_; });
    if (stopped_) return false;
    batches_.push_back(std::move(batch));
    not_empty_.notify_one();
    return true;
  }
  // A written batch goes back to the reader thread, which frees it (FreeSpent): freed on the
  // writer, the documents' many small blocks went back to the reader's malloc arena one
  // locked free at a time, and the 200,000-line bench ingest took a sixth longer.
  void Recycle(Lines batch) {
    std::lock_guard lock(mu_);
    spent_.push_back(std::move(batch));
  }
  void FreeSpent() {
    std::vector<Lines> spent;
    {
      std::lock_guard lock(mu_);
      spent.swap(spent_);
    }
  }  // freed here, outside the lock
  // Nothing when the reader is done and every batch was taken.
  std::optional<Lines> Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !batches_.empty() || done_; });
    if (batches_.empty()) return std::nullopt;
    Lines batch = std::move(batches_.front());
    batches_.pop_front();
    not_full_.notify_one();
    return batch;
  }
  void Done() {
    std::lock_guard lock(mu_);
    done_ = true;
    not_empty_.notify_all();
  }
  void Stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Lines> batches_;
  std::vector<Lines> spent_;
  bool done_ = false, stopped_ = false;
};

Line ReadLine(const std::string& text, long number, const std::string& where, StoredContent& stored) {
  Line line;
  const std::string at = where + ":" + std::to_string(number);
  auto v = VacancyFromJsonText(text, at);
  if (v.ok() && v->key.empty()) v = Status::InvalidArgument(at + ": key: missing");
  if (!v.ok()) {
    line.error = v.status().message();
    return line;
  }
  auto prepared = PreparedVacancy::Prepare(std::move(*v), stored);
  if (prepared.ok()) line.prepared = std::move(*prepared);
  else line.failure = prepared.status();
  return line;
}

// The reader thread: parses and prepares every line (most of the CPU an upsert needs), so
// the writer only looks up and writes. A line the index holds unchanged is only hashed.
Status ReadLines(std::istream& in, const std::string& where, StoredContent stored, LineQueue& queue,
                 long* lines) {
  std::string text;
  Lines batch;
  while (std::getline(in, text)) {
    const long number = ++*lines;
    if (Trim(text).empty()) continue;
    batch.push_back(ReadLine(text, number, where, stored));
    if (batch.size() == LineQueue::kBatch) {
      if (!queue.Push(std::exchange(batch, {}))) return Status::Ok();  // the writer stopped
      queue.FreeSpent();
    }
  }
  if (!batch.empty()) queue.Push(std::move(batch));
  if (in.bad()) return Status::Unavailable(where + ": read error");
  return Status::Ok();
}

// Writes one line (or reports it bad), committing every options.batch written lines.
Status WriteLine(Line& line, VacancyIndex& index, const IngestOptions& options, IngestReport& report,
                 long& since_commit) {
  if (!line.error.empty()) {
    ++report.bad;
    if (options.on_error) options.on_error(line.error);
    return Status::Ok();
  }
  if (!line.prepared) return line.failure;
  StatusOr<UpsertOutcome> outcome = index.Upsert(std::move(*line.prepared), options.today);
  if (!outcome.ok()) return outcome.status();
  switch (*outcome) {
    case UpsertOutcome::kAdded: ++report.added; break;
    case UpsertOutcome::kUpdated: ++report.updated; break;
    case UpsertOutcome::kUnchanged: ++report.unchanged; break;
  }
  if (++since_commit < options.batch) return Status::Ok();
  since_commit = 0;
  return index.Commit();
}

}  // namespace

StatusOr<IngestReport> IngestJsonLines(std::istream& in, const std::string& where, VacancyIndex& index,
                                       const IngestOptions& options) {
  LineQueue queue;
  Status read_status;
  long lines_read = 0;
  std::thread reader([&, stored = index.CommittedContent()]() mutable {
    read_status = ReadLines(in, where, std::move(stored), queue, &lines_read);
    queue.Done();
  });
  IngestReport report;
  long since_commit = 0;
  Status write_status;
  while (write_status.ok()) {
    std::optional<Lines> batch = queue.Pop();
    if (!batch) break;
    for (Line& line : *batch) {
      write_status = WriteLine(line, index, options, report, since_commit);
      if (!write_status.ok()) break;
    }
    queue.Recycle(std::move(*batch));
  }
  queue.Stop();
  reader.join();
  report.lines = lines_read;
  PASSEND_RETURN_IF_ERROR(write_status);
  PASSEND_RETURN_IF_ERROR(read_status);
  PASSEND_RETURN_IF_ERROR(index.Commit());
  return report;
}

}  // namespace passend
