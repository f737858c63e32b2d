// Contract kind, structural yes/no, and education level.
#include <algorithm>
#include <cctype>

#include "common/text.h"
#include "normalizer/extract.h"
#include "normalizer/phrase_matcher.h"

namespace passend {
namespace {

struct ContractCue {
  const char* phrase;
  const char* kind;
};

// Most specific first: "tijdelijk ... uitzicht op vast" before "vast" and "tijdelijk".
constexpr ContractCue kContractCues[] = {
    {"uitzicht op een vast*", "tijdelijk_uitzicht_vast"},
    {"uitzicht op een contract", "tijdelijk_uitzicht_vast"},
    {"kans op vast*", "tijdelijk_uitzicht_vast"},
    {"uitzicht op vast*", "tijdelijk_uitzicht_vast"},
    {"kans op een vast*", "tijdelijk_uitzicht_vast"},
    {"vrijwilligerswerk", "vrijwilligerswerk"}, {"als vrijwilliger", "vrijwilligerswerk"},
    {"zoeken vrijwilligers", "vrijwilligerswerk"}, {"vrijwilligersfunctie", "vrijwilligerswerk"},
    {"stageplaats", "stage"}, {"stagiair*", "stage"}, {"afstudeerstage", "stage"},
    {"meewerkstage", "stage"}, {"stage", "stage"},
    {"zzp", "zzp"}, {"freelance*", "zzp"}, {"uurtarief", "zzp"}, {"als zelfstandige", "zzp"},
    {"0-urencontract", "oproep"}, {"nulurencontract", "oproep"}, {"oproepbasis", "oproep"},
    {"oproepkracht*", "oproep"}, {"oproepcontract*", "oproep"}, {"min-max contract", "oproep"}, {"min-maxcontract", "oproep"},
    {"vakantiewerk", "bijbaan"}, {"vakantiekracht*", "bijbaan"}, {"bijbaan", "bijbaan"},
    {"seizoenswerk", "bijbaan"}, {"zaterdaghulp", "bijbaan"},
    {"detachering", "detachering"}, {"gedetacheerd", "detachering"},
    {"via ons uitzendbureau", "uitzend"}, {"uitzendbasis", "uitzend"}, {"uitzendkracht", "uitzend"},
    {"fase a", "uitzend"}, {"via uitzendbureau", "uitzend"}, {"uitzendbureau", "uitzend"},
    {"vast contract", "vast"}, {"vaste aanstelling", "vast"}, {"vast dienstverband", "vast"},
    {"vaste baan", "vast"}, {"uur, vast", "vast"}, {"vast.", "vast"}, {"vast contract", "vast"}, {"onbepaalde tijd", "vast"}, {"direct in vaste dienst", "vast"},
    {"tijdelijk contract", "tijdelijk"}, {"tijdelijke aanstelling", "tijdelijk"},
    {"jaarcontract", "tijdelijk"}, {"bepaalde tijd", "tijdelijk"}, {"projectbasis", "tijdelijk"},
    {"tijdelijke baan", "tijdelijk"}, {"contract voor het seizoen", "tijdelijk"}, {"seizoenscontract", "tijdelijk"},
    {"vervanging", "tijdelijk"}, {"contract van een jaar", "tijdelijk"}, {"tijdelijk", "tijdelijk"}, {"zwangerschapsvervanging", "tijdelijk"},
};

// All cues in one automaton, built once; the hit id is the cue's index.
template <typename Cue, size_t N>
const PhraseMatcher& CueMatcher(const Cue (&cues)[N]) {
  static const PhraseMatcher matcher = [&] {
    PhraseMatcher m;
    for (size_t i = 0; i < N; ++i) m.Add(cues[i].phrase, static_cast<int>(i));
    m.Build();
    return m;
  }();
  return matcher;
}

std::string ContractFromField(std::string_view field) {
  const std::string f = FoldForMatch(field);
  if (f.find("intern") != std::string::npos || f.find("stage") != std::string::npos) return "stage";
  if (f.find("volunteer") != std::string::npos || f.find("vrijwillig") != std::string::npos) return "vrijwilligerswerk";
  if (f.find("contractor") != std::string::npos || f.find("freelance") != std::string::npos) return "zzp";
  if (f.find("per_diem") != std::string::npos || f.find("oproep") != std::string::npos) return "oproep";
  if (f.find("temporary") != std::string::npos || f.find("fixed") != std::string::npos || f.find("tijdelijk") != std::string::npos) return "tijdelijk";
  if (f.find("permanent") != std::string::npos || f.find("vast") != std::string::npos) return "vast";
  return "";  // FULL_TIME / PART_TIME say nothing about the contract
}

// Disclaimers ("acquisitie ... niet op prijs gesteld") mention agencies without meaning it.
bool InDisclaimer(const std::string& t, size_t pos) {
  const size_t start = t.rfind('.', pos);
  const size_t from = start == std::string::npos ? 0 : start;
  const std::string sentence = t.substr(from, t.find('.', pos) - from);
  return sentence.find("acquisitie") != std::string::npos;
}

// "contract voor 7 maanden": a fixed term.
bool ForSomeMonths(const FoldedText& text) {
  const std::string& t = text.text();
  for (size_t p = text.FindWord("contract voor"); p != std::string::npos; p = text.FindWord("contract voor", p + 1)) {
    const size_t n = p + 14;
    if (n < t.size() && std::isdigit(static_cast<unsigned char>(t[n])) && t.find("maand", n) < n + 8) return true;
  }
  return false;
}

}  // namespace

void ExtractContract(std::string_view employment_type, const FoldedText& text, Vacancy* v) {
  std::string kind = ContractFromField(employment_type);
  if (kind.empty()) {
    int best = -1;  // the most specific cue (lowest index) that is neither denied nor a disclaimer
    CueMatcher(kContractCues).Scan(text.text(), [&](const PhraseMatcher::Hit& h) {
      if ((best < 0 || h.id < best) && !text.NegatedAt(h.begin) && !InDisclaimer(text.text(), h.begin)) best = h.id;
    });
    if (best >= 0) kind = kContractCues[best].kind;
    if (kind.empty() && ForSomeMonths(text)) kind = "tijdelijk";
  }
  v->contract = kind;
  if (kind == "vast" || kind == "tijdelijk_uitzicht_vast") {
    v->structural = true;
  } else if (kind.empty() || kind == "detachering") {
    v->structural = std::nullopt;
  } else {
    v->structural = false;
  }
}

namespace {

struct EducationCue {
  const char* phrase;
  const char* level;
  int rank;
};

constexpr EducationCue kEducationCues[] = {
    {"geen diploma", "geen", 0}, {"geen opleiding vereist", "geen", 0},
    {"geen ervaring of diploma", "geen", 0}, {"vmbo*", "vmbo", 1},
    {"eerstegraads*", "wo", 8}, {"tweedegraads*", "hbo", 7}, {"niveau 1", "mbo1", 2}, {"niveau 2", "mbo2", 3},
    {"niveau 3", "mbo3", 4}, {"niveau 4", "mbo4", 5},
    {"mbo 1", "mbo1", 2}, {"mbo-1", "mbo1", 2}, {"mbo niveau 1", "mbo1", 2}, {"entreeopleiding", "mbo1", 2},
    {"mbo 2", "mbo2", 3}, {"mbo-2", "mbo2", 3}, {"mbo niveau 2", "mbo2", 3}, {"startkwalificatie", "mbo2", 3},
    {"mbo 3", "mbo3", 4}, {"mbo-3", "mbo3", 4}, {"mbo niveau 3", "mbo3", 4},
    {"mbo 4", "mbo4", 5}, {"mbo-4", "mbo4", 5}, {"mbo niveau 4", "mbo4", 5},
    {"mbo", "mbo2", 3}, {"hbo*", "hbo", 7}, {"wo-niveau", "wo", 8}, {"wo niveau", "wo", 8},
    {"wo-opleiding", "wo", 8}, {"universitair*", "wo", 8}, {"academisch*", "wo", 8}};

// A bare "mbo" only counts when no level follows ("mbo 4", "mbo-niveau 3").
bool LevelFollows(const std::string& t, size_t mbo_end) {
  const std::string after = t.substr(mbo_end, 9);
  const std::string_view rest = Trim(std::string_view(after).substr(after.empty() || after[0] != '-' ? 0 : 1));
  return !rest.empty() && (std::isdigit(static_cast<unsigned char>(rest[0])) || StartsWith(rest, "niveau"));
}

}  // namespace

std::string ExtractEducation(std::string_view field, const FoldedText& text) {
  const FoldedText field_text(field);
  const FoldedText& t = field.empty() ? text : field_text;
  int best = -1;
  CueMatcher(kEducationCues).Scan(t.text(), [&](const PhraseMatcher::Hit& h) {
    const EducationCue& cue = kEducationCues[h.id];
    if (best >= 0 && kEducationCues[best].rank <= cue.rank) return;
    if (std::string_view(cue.phrase) == "mbo" &&
        (LevelFollows(t.text(), h.begin + 3) || (h.begin >= 4 && t.text().compare(h.begin - 4, 4, "cao ") == 0))) {
      return;  // "mbo 4" is read by its own cue; "cao mbo" names a collective agreement
    }
    best = h.id;
  });
  return best < 0 ? "" : kEducationCues[best].level;
}

}  // namespace passend
