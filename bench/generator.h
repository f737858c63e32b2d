// Seeded generator of realistic synthetic vacancies and candidates for the benchmarks:
// Dutch text from varied occupation templates, places drawn by population, realistic
// salary/hours/contract/shift/load distributions, 2-5 postings of the same job across
// sources for part of them. The vacancies go through the real normalizer.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "common/status.h"
#include "geo/gazetteer.h"
#include "model/candidate.h"
#include "normalizer/normalizer.h"

namespace passend::bench {

class Generator {
 public:
  // `population_tsv`: bench/data/population_nl.tsv. Fails naming the file when it cannot be
  // read or none of its places is in the gazetteer.
  static StatusOr<Generator> Create(uint64_t seed, const Gazetteer& gazetteer, const std::string& population_tsv);

  // The raw postings of one job: usually 1, for about a third 2-5 (other sources, reworded titles).
  std::vector<RawPosting> NextJob();
  CandidateProfile NextCandidate(const FmlSchema& schema);
  // Pads each description with employer boilerplate (about us, benefits, procedure) to at
  // least `bytes`, as real vacancy pages are; 0 (the default) keeps the short text.
  void set_description_bytes(size_t bytes) { description_bytes_ = bytes; }

 private:
  explicit Generator(uint64_t seed) : rng_(seed) {}
  const Place& RandomPlace();
  std::mt19937_64 rng_;
  std::vector<Place> places_;
  std::discrete_distribution<size_t> place_weights_;
  long job_counter_ = 0, candidate_counter_ = 0;
  size_t description_bytes_ = 0;
};

}  // namespace passend::bench
