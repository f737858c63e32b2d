// Builds the Xapian document for a vacancy (internal to the indexer).
#pragma once

#include <xapian.h>

#include "common/date.h"
#include "indexer/duplicates.h"
#include "model/vacancy.h"

namespace passend {

// The document of a vacancy as far as it depends on the vacancy alone: text and filter
// terms, the validity, the content hash (so the next crawl can skip unchanged ones) and the
// duplicate fingerprint. The record and the description go to the record store
// (indexer/record_store.h). Needs no index, so it can be built on another thread than the
// writer's.
Xapian::Document BuildDocument(const Vacancy& v, const std::string& content_hash, const JobFingerprint& fingerprint);

// Adds what the index decides: `first_seen` the day it was first indexed (kept by an
// update), and `job` the collapse key of the job it is a posting of (indexer/duplicates.h),
// shared with the same job's postings on other sources.
void FinishDocument(Xapian::Document& doc, Days first_seen, const std::string& job);

}  // namespace passend
