#include "indexer/ingest.h"

#include "common/text.h"
#include "model/json_io.h"

namespace passend {

StatusOr<IngestReport> IngestJsonLines(std::istream& in, const std::string& where, VacancyIndex& index,
                                       const IngestOptions& options) {
  IngestReport report;
  std::string line;
  long since_commit = 0;
  while (std::getline(in, line)) {
    ++report.lines;
    if (Trim(line).empty()) continue;
    auto v = VacancyFromJsonText(line, where + ":" + std::to_string(report.lines));
    if (v.ok() && v->key.empty()) v = Status::InvalidArgument(where + ":" + std::to_string(report.lines) + ": key: missing");
    if (!v.ok()) {
      ++report.bad;
      if (options.on_error) options.on_error(v.status().message());
      continue;
    }
    auto outcome = index.Upsert(std::move(*v), options.today);
    if (!outcome.ok()) return outcome.status();
    switch (*outcome) {
      case UpsertOutcome::kAdded: ++report.added; break;
      case UpsertOutcome::kUpdated: ++report.updated; break;
      case UpsertOutcome::kUnchanged: ++report.unchanged; break;
    }
    if (++since_commit >= options.batch) {
      PASSEND_RETURN_IF_ERROR(index.Commit());
      since_commit = 0;
    }
  }
  if (in.bad()) return Status::Unavailable(where + ": read error");
  PASSEND_RETURN_IF_ERROR(index.Commit());
  return report;
}

}  // namespace passend
