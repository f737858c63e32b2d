// The Xapian index schema: every term prefix and value slot, written down once.
// Mirrored in docs/index-schema.md. Bump kSchemaVersion on any incompatible change.
#pragma once

#include <string>

#include <xapian.h>

#include "common/date.h"

namespace passend::schema {

inline constexpr const char* kSchemaVersion = "10";
inline constexpr const char* kVersionKey = "passend_schema_version";  // database metadata

// New vacancies get falling docids from here, so that docid order (in which Xapian reads
// posting lists and can stop early) is newest first.
inline constexpr Xapian::docid kFirstDocid = 4000000000u;

// Terms. Filter values are lower case so no ':' separator is needed after the prefix.
inline constexpr const char* kIdPrefix = "Q";              // Q<key>: unique id
inline constexpr const char* kTitlePrefix = "S";           // title words (also unprefixed)
inline constexpr const char* kCellPrefix = "XG";           // XG522_34 (geo/gazetteer.h grid)
inline constexpr const char* kNoCellTerm = "XGnone";       // location unknown
inline constexpr const char* kRemoteTerm = "XGremote";     // remote work
inline constexpr const char* kContractPrefix = "XC";       // XCvast, XCtijdelijk, XConbekend
inline constexpr const char* kDemandPrefix = "XD";         // XDvi.etmaal:2 (stated in text, firm)
inline constexpr const char* kJobPrefix = "XK";            // XK<job>: the postings of one job (kSlotCollapseKey)
inline constexpr const char* kOccupationPrefix = "XO";     // XOorderpicker (occupation key)
inline constexpr const char* kWageBelowPrefix = "XWlt";   // XWlt16: hourly wage max in [15, 16)
inline constexpr const char* kHoursAbovePrefix = "XHgt";  // XHgt24: hours min in (24, 28]
inline constexpr const char* kWageUnknownTerm = "XWunknown";
inline constexpr const char* kHoursUnknownTerm = "XHunknown";
inline constexpr const char* kNoValidThroughTerm = "XVnone";
inline constexpr const char* kValidMonthPrefix = "XVm";  // XVm202612: valid through December 2026
inline constexpr const char* kFirstSeenPrefix = "XF";    // XF20261123: first seen on that day

// Value slots; numbers are Xapian::sortable_serialise()d.
// Slots 0-6 (coordinates, wages, hours, date posted) are unused since schema 9: nothing read
// them, the record carries those fields, and writing them cost the ingest a tenth.
enum Slot : Xapian::valueno {
  kSlotValidThrough = 7,  // days since 1970-01-01
  kSlotFirstSeen = 8,     // days since 1970-01-01
  kSlotContentHash = 9,   // 16 hex digits, not serialised
  kSlotCollapseKey = 10,  // the job a posting belongs to: the same on every source (indexer/duplicates.h)
  kSlotFingerprint = 11,  // JobFingerprint::Serialize()
  // Slots 12 and 13 (description, vacancy record) are unused since schema 10: the records
  // are in files beside the index (indexer/record_store.h).
};

// Thresholds of the XWlt / XHgt terms. A vacancy has one term of each: the lowest wage
// threshold above its wage, the highest hours threshold below its hours, so the query
// excludes the few below a wage floor or above an hours cap with AND_NOT. Boolean terms
// filter far faster than value ranges at a million documents; the query takes the nearest
// threshold on the safe side and the exact check decides the rest.
inline constexpr int kWageThresholds[] = {15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 30, 35, 40};
inline constexpr int kHoursThresholds[] = {8, 12, 16, 20, 24, 28, 32, 36};

// Demands at or above this confidence become XD filter terms (firm evidence).
inline constexpr double kFirmDemandConfidence = 0.7;

inline std::string DemandTerm(const std::string& item, int level) {
  std::string t = kDemandPrefix;
  for (char c : item) t += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return t + ":" + std::to_string(level);
}

inline std::string ValidMonthTerm(int year, int month) {
  return kValidMonthPrefix + std::to_string(year * 100 + month);
}
inline std::string FirstSeenTerm(Days day) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(day, &y, &m, &d);
  return kFirstSeenPrefix + std::to_string(y * 10000 + m * 100 + d);
}

}  // namespace passend::schema
