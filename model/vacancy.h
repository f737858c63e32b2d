// Vacancy: one job as Passend knows it after normalisation. Plain value type;
// written as JSON by model/json_io.h (format in docs/formats.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace passend {

struct SourceRef {
  std::string source;       // configured source name
  std::string url;          // where the vacancy can be read
  std::string external_id;  // the id the source gave, if any
};

struct Location {
  std::string place;
  std::string postcode;  // "1234 AB" when the posting gave one
  std::string municipality;
  std::string province;
  std::optional<double> lat, lon;
  bool remote = false;
  bool hybrid = false;   // partly from home
};

// The occupation a vacancy was classified to (data/occupations/occupations.json).
struct OccupationRef {
  std::string key;   // e.g. "orderpicker"; empty = not classified
  std::string name;
  std::string isco;  // ISCO-08 unit group
  double confidence = 0.0;
  std::string phrase;  // the synonym it was recognised by
  bool from_title = false;
};

struct Salary {
  std::optional<double> min, max;          // as given, in `period` units
  std::string period;                      // "uur", "maand", "jaar", "week"; empty = unknown
  std::optional<double> hourly_min, hourly_max;    // gross euros per hour
  std::optional<double> monthly_min, monthly_max;  // gross euros per month
  std::optional<double> hours_basis;       // hours per week used for the conversion
  bool hours_assumed = false;              // true when hours_basis is a sector norm
  std::string phrase;                      // text the salary was read from
  std::string scale;                       // pay scale as named: "schaal 8 (cao Gemeenten)", "FWG 45"

  bool known() const { return hourly_min.has_value() || hourly_max.has_value(); }
};

struct Hours {
  std::optional<double> min, max;  // per week
  std::string phrase;
};

// A load the vacancy puts on one FML item.
struct Demand {
  std::string item;             // FML key, e.g. "IV.tillen"
  int level = 0;                // graded: most limited level that can still do the job;
                                // codes: the condition code (VI.etmaal 2 = night work)
  std::optional<double> quantity;  // e.g. 25 (kg) when the text names it
  std::string evidence = "text";   // "text" (stated) or "occupation" (inferred, weak)
  std::string phrase;           // the phrase it was read from
  int offset = -1;              // byte offset of the phrase in the description text
  double confidence = 0.0;      // 0..1
};

struct Vacancy {
  std::string key;  // stable id (16 hex digits)
  std::vector<SourceRef> sources;
  std::string title;
  std::string employer;
  std::string description;  // plain text
  Location location;
  std::vector<Location> more_locations;  // further work places the vacancy names
  OccupationRef occupation;
  Salary salary;
  Hours hours;
  std::string contract;               // see docs/formats.md: vast, tijdelijk, uitzend, …
  std::optional<bool> structural;     // lasting work; unknown when the contract is unknown
  std::string education;              // geen, vmbo, mbo1..mbo4, hbo, wo; empty = unknown
  bool education_soft = false;        // "mbo werk- en denkniveau": a level of thinking, no diploma demanded
  std::string date_posted;            // YYYY-MM-DD or empty
  std::string valid_through;          // YYYY-MM-DD or empty
  std::string first_seen;             // YYYY-MM-DD, set by the indexer
  std::vector<Demand> demands;
  std::vector<std::string> notes;  // what the normalizer doubted or ignored, in Dutch
};

}  // namespace passend
