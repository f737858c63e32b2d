// Bulk loading of normalised vacancies from JSON Lines (one Vacancy JSON per line, the
// format of docs/formats.md) into the index, committing in batches.
#pragma once

#include <functional>
#include <istream>
#include <string>

#include "common/date.h"
#include "common/status.h"
#include "indexer/index.h"

namespace passend {

struct IngestReport {
  long lines = 0;
  long added = 0, updated = 0, unchanged = 0;
  long bad = 0;  // lines rejected (reported through on_error)
};

struct IngestOptions {
  Days today = 0;
  long batch = 50000;  // vacancies per commit
  std::function<void(const std::string&)> on_error;  // "file:line: field: what"
};

// Reads `in` to the end; `where` names it in errors. A bad line is reported and skipped;
// an index error stops the load (what was committed stays). A second thread reads, parses
// and prepares the lines (PreparedVacancy) while the calling thread writes them; on_error
// is called on the calling thread, in input order.
StatusOr<IngestReport> IngestJsonLines(std::istream& in, const std::string& where, VacancyIndex& index,
                                       const IngestOptions& options);

}  // namespace passend
