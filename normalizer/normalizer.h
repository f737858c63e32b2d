// Normalizer: a raw posting as a feed gave it → a Vacancy with clean text, salary,
// hours, contract, education, place and FML demands (each with its provenance).
// The crawler and `passend normalize` use this same code path.
//
// Thread-safety: a Normalizer is immutable after Create(); Normalize() may be called
// from several threads.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "geo/gazetteer.h"
#include "model/fml.h"
#include "model/vacancy.h"
#include "normalizer/demands.h"
#include "normalizer/extract.h"
#include "normalizer/occupations.h"

namespace passend {

// What an adapter read from a feed, before interpretation. Strings as given.
struct RawPosting {
  std::string source;       // configured source name
  std::string external_id;  // id in the source, if any
  std::string url;
  std::string title;
  std::string employer;
  std::string description;  // HTML or plain text
  std::string place;        // city / locality field, or a free location text
  std::string postcode;
  std::string region;       // province / region field
  std::string country;
  std::string lat, lon;
  SalaryFields salary;
  std::string hours;            // a structured hours field ("32-40")
  std::string employment_type;  // FULL_TIME, TEMPORARY, "vast", …
  std::string education;
  std::string date_posted;
  std::string valid_through;
};

struct NormalizerData {
  const FmlSchema* schema = nullptr;
  const Gazetteer* gazetteer = nullptr;
  const DemandLexicon* lexicon = nullptr;
  const OccupationTable* occupations = nullptr;  // optional: no classification without it
  uint64_t tables_hash = 0;  // of the files the tables came from: part of every InputHash
};

// Raise when Normalize() gives another result for the same posting and tables, so that
// the crawl normalises every posting again instead of trusting InputHash.
inline constexpr uint64_t kNormalizerRevision = 1;

class Normalizer {
 public:
  explicit Normalizer(NormalizerData data) : data_(data) {}

  // InvalidArgument (naming source, record and field) when the posting cannot be a
  // vacancy, e.g. it has no title. The key is derived from source + id (or URL).
  StatusOr<Vacancy> Normalize(const RawPosting& raw) const;

  // Changes when any field of the posting, the tables or kNormalizerRevision does: equal
  // hashes mean Normalize() would give the same vacancy again.
  uint64_t InputHash(const RawPosting& raw) const;

 private:
  void ResolvePlace(const RawPosting& raw, const FoldedText& text, Location* loc,
                    std::vector<Location>* more_locations) const;
  void AddDemands(const FoldedText& text, const Occupation* occupation, Vacancy* v) const;
  NormalizerData data_;
};

// The stable key of a posting: a hash of source and external id (or URL, or title).
std::string PostingKey(const RawPosting& raw);

}  // namespace passend
