// The Xapian index schema: every term prefix and value slot, written down once.
// Mirrored in docs/index-schema.md. Bump kSchemaVersion on any incompatible change.
#pragma once

#include <string>

#include <xapian.h>

namespace passend::schema {

inline constexpr const char* kSchemaVersion = "1";
inline constexpr const char* kVersionKey = "passend_schema_version";  // database metadata

// Terms. Filter values are lower case so no ':' separator is needed after the prefix.
inline constexpr const char* kIdPrefix = "Q";              // Q<key>: unique id
inline constexpr const char* kTitlePrefix = "S";           // title words (also unprefixed)
inline constexpr const char* kProvincePrefix = "XP";       // XPnoord-holland
inline constexpr const char* kMunicipalityPrefix = "XM";   // XMutrecht
inline constexpr const char* kCellPrefix = "XG";           // XG522_34 (geo/gazetteer.h grid)
inline constexpr const char* kNoCellTerm = "XGnone";       // location unknown
inline constexpr const char* kRemoteTerm = "XGremote";     // remote work
inline constexpr const char* kContractPrefix = "XC";       // XCvast, XCtijdelijk, XConbekend
inline constexpr const char* kEducationPrefix = "XE";      // XEmbo2
inline constexpr const char* kDemandPrefix = "XD";         // XDvi.etmaal:2 (stated in text, firm)
inline constexpr const char* kSourcePrefix = "XS";         // XS<source name>
inline constexpr const char* kWageUnknownTerm = "XWunknown";
inline constexpr const char* kHoursUnknownTerm = "XHunknown";
inline constexpr const char* kNoValidThroughTerm = "XVnone";

// Value slots; numbers are Xapian::sortable_serialise()d.
enum Slot : Xapian::valueno {
  kSlotLat = 0,
  kSlotLon = 1,
  kSlotHourlyMin = 2,
  kSlotHourlyMax = 3,
  kSlotHoursMin = 4,
  kSlotHoursMax = 5,
  kSlotDatePosted = 6,    // days since 1970-01-01
  kSlotValidThrough = 7,  // days since 1970-01-01
  kSlotFirstSeen = 8,     // days since 1970-01-01
  kSlotContentHash = 9,   // 16 hex digits, not serialised
};

// Demands at or above this confidence become XD filter terms (firm evidence).
inline constexpr double kFirmDemandConfidence = 0.7;

inline std::string DemandTerm(const std::string& item, int level) {
  std::string t = kDemandPrefix;
  for (char c : item) t += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return t + ":" + std::to_string(level);
}

// Lower-cases and replaces spaces for a boolean filter term value.
std::string FilterValue(const std::string& s);

}  // namespace passend::schema
