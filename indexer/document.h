// Builds the Xapian document for a vacancy (internal to the indexer).
#pragma once

#include <xapian.h>

#include "common/date.h"
#include "indexer/duplicates.h"
#include "model/vacancy.h"

namespace passend {

// `data` is the document data (the vacancy record without its description) and
// `content_hash` the vacancy's hash, stored so the next crawl can skip unchanged ones;
// `first_seen` (also in a value slot, for range queries) and the description go into value
// slots. `job` is the collapse key of the job it is a posting of (indexer/duplicates.h),
// shared with the same job's postings on other sources.
Xapian::Document BuildDocument(const Vacancy& v, const std::string& data, const std::string& content_hash,
                               Days first_seen, const JobFingerprint& fingerprint, const std::string& job);

}  // namespace passend
