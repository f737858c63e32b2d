// The same job posted on several sources: an agency's copy with its own intro and employer,
// a job board's copy with another title casing, a paragraph left out or moved. Detected by
// MinHash over word shingles of the title and description (an estimate of their Jaccard
// similarity) together with a title comparison, with the exact collapse key as a shortcut;
// banded MinHash values (LSH) find the candidates in the index.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/vacancy.h"

namespace passend {

inline constexpr int kMinHashes = 64;
inline constexpr int kBandRows = 2;  // 32 bands of 2: a pair with text similarity 0.3 shares a band 95% of the time

struct JobFingerprint {
  std::array<uint32_t, kMinHashes> minhash{};
  std::string exact_key;  // employer | place | title words; empty without an employer
  std::string place;      // folded place, or "remote"
  std::string employer;   // folded employer name, may be empty
  // IsIntermediary(employer), worked out once: SameJob asks it of each candidate, and
  // looking for the 18 marks each time was a twentieth of the ingest's writer thread.
  bool intermediary = false;
  std::string title;      // folded title letters, without "(m/v/x)" and the like
  int shingles = 0;       // how many word shingles the text had

  std::string Serialize() const;
  static bool Parse(const std::string& text, JobFingerprint* out);
};

JobFingerprint FingerprintOf(const Vacancy& v);

// The share of MinHash values two fingerprints have in common: about the Jaccard similarity
// of their shingle sets.
double TextSimilarity(const JobFingerprint& a, const JobFingerprint& b);
// How much of the shorter title's letter trigrams the other has ("Kok" in "Zelfstandig
// werkend kok" is 1).
double TitleContainment(const JobFingerprint& a, const JobFingerprint& b);

// The same job: the same exact key; or the same place with a similar title and text, or a
// nearly identical text (thresholds tuned on tests/data/dedupe/jobs.json). Texts of fewer
// than kMinShingles shingles are too short to compare: only the exact key counts for them.
// Another branch (another place) is another job, and so is a posting of another employer
// unless one of the two is an intermediary (IsIntermediary) or the texts are near copies:
// two employers in one town often publish from the same template.
inline constexpr int kMinShingles = 20;
bool SameJob(const JobFingerprint& a, const JobFingerprint& b);

// Whether an employer name is that of an employment agency, secondment or recruitment
// firm, which post their clients' jobs under their own name ("Uitzendbureau Flexwerk",
// "Randstad", "Werkspoor Detachering").
bool IsIntermediary(const std::string& folded_employer);

// One key per band of the MinHash values and the place: postings that share one are compared
// (indexer/band_index.h).
std::vector<uint32_t> BandKeys(const JobFingerprint& f);

// The collapse key of a vacancy on its own (employer, place and title words).
std::string ExactJobKey(const Vacancy& v);

}  // namespace passend
