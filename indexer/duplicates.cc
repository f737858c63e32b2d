#include "indexer/duplicates.h"

#include <algorithm>
#include <set>

#include "common/text.h"

namespace passend {
namespace {

std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> words;
  std::string w;
  for (char c : folded + " ") {
    if (IsWordChar(c)) {
      w += c;
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  return words;
}

// Title letters only, without parenthesised additions such as "(m/v/x)" or "(32 uur)".
std::string TitleLetters(const std::string& title) {
  std::string out;
  int depth = 0;
  for (char c : FoldForMatch(title)) {
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0 && std::isalpha(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

std::set<std::string> Trigrams(const std::string& s) {
  std::set<std::string> out;
  for (size_t i = 0; i + 3 <= s.size(); ++i) out.insert(s.substr(i, 3));
  if (out.empty() && !s.empty()) out.insert(s);
  return out;
}

}  // namespace

std::string ExactJobKey(const Vacancy& v) {
  if (v.employer.empty()) return "";
  std::vector<std::string> words = Words(FoldForMatch(v.title));
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const std::string& w) { return w.size() < 2 || w == "mv" || w == "vm" || w == "mvx"; }),
              words.end());
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string title;
  for (const auto& w : words) title += w + " ";
  const std::string where = v.location.remote ? "remote" : v.location.place;
  return HexId(StableHash64(FoldForMatch(v.employer) + "|" + FoldForMatch(where) + "|" + title));
}

JobFingerprint FingerprintOf(const Vacancy& v) {
  JobFingerprint f;
  f.exact_key = ExactJobKey(v);
  f.place = v.location.remote ? "remote" : FoldForMatch(v.location.place);
  f.employer = FoldForMatch(v.employer);
  f.intermediary = IsIntermediary(f.employer);
  f.title = TitleLetters(v.title);
  const std::vector<std::string> words = Words(FoldForMatch(v.title + " " + v.description));
  f.minhash.fill(UINT32_MAX);
  f.shingles = static_cast<int>(words.size() >= 3 ? words.size() - 2 : 1);
  for (size_t i = 0; i + 3 <= std::max<size_t>(words.size(), 3); ++i) {
    std::string shingle;
    for (size_t k = i; k < i + 3 && k < words.size(); ++k) shingle += words[k] + " ";
    const uint64_t h = StableHash64(shingle);
    for (int j = 0; j < kMinHashes; ++j) {
      const auto value = static_cast<uint32_t>(Fmix64(h ^ (0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(j + 1))));
      f.minhash[static_cast<size_t>(j)] = std::min(f.minhash[static_cast<size_t>(j)], value);
    }
  }
  return f;
}

double TextSimilarity(const JobFingerprint& a, const JobFingerprint& b) {
  int same = 0;
  for (int j = 0; j < kMinHashes; ++j) same += a.minhash[static_cast<size_t>(j)] == b.minhash[static_cast<size_t>(j)];
  return static_cast<double>(same) / kMinHashes;
}

double TitleContainment(const JobFingerprint& a, const JobFingerprint& b) {
  const std::set<std::string> ta = Trigrams(a.title), tb = Trigrams(b.title);
  if (ta.empty() || tb.empty()) return 0;
  size_t shared = 0;
  for (const auto& t : ta) shared += tb.count(t);
  return static_cast<double>(shared) / static_cast<double>(std::min(ta.size(), tb.size()));
}

bool IsIntermediary(const std::string& folded_employer) {
  static constexpr const char* kMarks[] = {"uitzend", "detacher", "werving", "recruit", "payroll", "staffing",
                                           "interim", "flex", "randstad", "tempo-team", "start people", "adecco",
                                           "manpower", "youngcapital", "olympia", "luba", "covebo", "hays"};
  for (const char* mark : kMarks) {
    if (folded_employer.find(mark) != std::string::npos) return true;
  }
  return false;
}

bool SameJob(const JobFingerprint& a, const JobFingerprint& b) {
  if (!a.exact_key.empty() && a.exact_key == b.exact_key) return true;
  if (a.place != b.place || a.shingles < kMinShingles || b.shingles < kMinShingles) return false;
  const double text = TextSimilarity(a, b);
  const bool other_employer = !a.employer.empty() && !b.employer.empty() && a.employer != b.employer &&
                              !a.intermediary && !b.intermediary;
  if (other_employer) return text >= 0.9;
  return (text >= 0.3 && TitleContainment(a, b) >= 0.4) || text >= 0.6;
}

std::vector<uint32_t> BandKeys(const JobFingerprint& f) {
  std::vector<uint32_t> out;
  // The place is part of every band: SameJob compares texts of one place only, and postings
  // from the same template in other towns would otherwise all be candidates.
  const uint64_t place = StableHash64(f.place);
  for (int band = 0; band < kMinHashes / kBandRows; ++band) {
    uint64_t h = Fmix64(place ^ (static_cast<uint64_t>(band) * 0x100000001b3ULL));
    for (int r = 0; r < kBandRows; ++r) h = Fmix64(h ^ f.minhash[static_cast<size_t>(band * kBandRows + r)]);
    out.push_back(static_cast<uint32_t>(h >> 32));
  }
  return out;
}

// The MinHash values as 4 bytes each, little-endian, then the text fields: parsed for
// every candidate of every new posting, so no number parsing.
std::string JobFingerprint::Serialize() const {
  std::string out;
  out.reserve(kMinHashes * 4 + 64);
  for (uint32_t m : minhash) {
    for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((m >> shift) & 0xff);
  }
  return out + exact_key + "|" + place + "|" + title + "|" + std::to_string(shingles) + "|" + employer;
}

bool JobFingerprint::Parse(const std::string& text, JobFingerprint* out) {
  constexpr size_t kBytes = static_cast<size_t>(kMinHashes) * 4;
  if (text.size() < kBytes) return false;
  std::vector<std::string> parts = Split(text.substr(kBytes), '|');
  if (parts.size() < 5) return false;
  for (size_t k = 5; k < parts.size(); ++k) parts[4] += "|" + parts[k];  // the employer may hold a '|'
  parts.resize(5);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t j = 0; j < static_cast<size_t>(kMinHashes); ++j) {
    out->minhash[j] = static_cast<uint32_t>(bytes[4 * j]) | static_cast<uint32_t>(bytes[4 * j + 1]) << 8 |
                      static_cast<uint32_t>(bytes[4 * j + 2]) << 16 | static_cast<uint32_t>(bytes[4 * j + 3]) << 24;
  }
  out->exact_key = parts[0];
  out->place = parts[1];
  out->title = parts[2];
  out->shingles = static_cast<int>(ParseInt(parts[3]).value_or(0));
  out->employer = parts[4];
  out->intermediary = IsIntermediary(out->employer);
  return true;
}

}  // namespace passend
