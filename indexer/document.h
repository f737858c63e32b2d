// Builds the Xapian document for a vacancy (internal to the indexer).
#pragma once

#include <xapian.h>

#include "model/vacancy.h"

namespace passend {

// `content_hash` is stored in its value slot so the next crawl can skip unchanged ones.
Xapian::Document BuildDocument(const Vacancy& v, const std::string& content_hash);

}  // namespace passend
