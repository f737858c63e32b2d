// Measured accuracy of the normalizer on tests/data/labelled_vacancies.txt: vacancy texts
// written for Passend with the expected salary, hours, contract, education, place,
// occupation and stated FML demands. Prints precision and recall per field and demand and
// fails below the thresholds of the normalizer issue. Grow the set whenever a bug is found.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "common/text.h"
#include "tests/test_util.h"

namespace passend {
namespace {

struct Labelled {
  std::string id;
  RawPosting raw;
  std::map<std::string, std::string> expect;  // field → expected text
  int line = 0;
};

// Parses the "### id" blocks: header fields, "text:" lines, then "expect:" fields.
std::vector<Labelled> ReadLabelled(const std::string& path) {
  std::vector<Labelled> out;
  std::istringstream in(test::ReadText(path));
  std::string line, section;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (StartsWith(line, "### ")) {
      out.push_back({});
      out.back().id = std::string(Trim(line.substr(4)));
      out.back().line = n;
      out.back().raw.source = "labelled";
      out.back().raw.external_id = out.back().id;
      section = "head";
      continue;
    }
    if (out.empty() || (line.empty() && section != "text") || StartsWith(line, "#")) continue;
    Labelled& l = out.back();
    if (line == "text:" || line == "expect:") {
      section = line.substr(0, line.size() - 1);
      continue;
    }
    if (section == "text") {
      l.raw.description += line + "\n";
      continue;
    }
    const size_t colon = line.find(':');
    EXPECT_NE(colon, std::string::npos) << path << ":" << n << ": expected \"field: value\"";
    if (colon == std::string::npos) continue;
    const std::string key(Trim(line.substr(0, colon))), value(Trim(line.substr(colon + 1)));
    if (section == "expect") {
      l.expect[key] = value;
    } else if (key == "title") {
      l.raw.title = value;
    } else if (key == "location") {
      l.raw.place = value;
    } else if (key == "employer") {
      l.raw.employer = value;
    } else if (key == "employment_type") {
      l.raw.employment_type = value;
    } else {
      ADD_FAILURE() << path << ":" << n << ": unknown header field " << key;
    }
  }
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string Range(const std::optional<double>& lo, const std::optional<double>& hi) {
  if (!lo && !hi) return "none";
  return (lo ? Num(*lo) : "") + "-" + (hi ? Num(*hi) : "");
}

// "2500-3200 maand", "16.5-16.5 uur", "none".
std::string SalaryText(const Salary& s) {
  if (!s.known()) return "none";
  return Range(s.min, s.max) + " " + s.period;
}

// Stated demands in label form: "VI.etmaal:2" for code items, "IV.tillen=20" with kg,
// the item key otherwise. Only the items the labels score (kScored) count.
const std::set<std::string> kScored = {
    "VI.etmaal", "VI.uren_dag", "IV.tillen", "IV.dragen", "IV.duwen_trekken", "V.staan_werk", "IV.lopen_werk",
    "V.zitten_werk", "IV.toetsenbord_muis", "IV.knielen_hurken", "IV.frequent_buigen", "V.boven_schouder",
    "IV.klimmen", "II.beroepsvervoer", "III.temperatuur", "III.geluid", "III.stof_rook_gassen",
    "III.beschermende_middelen", "I.voorwaarden", "II.voorwaarden", "II.conflicten", "II.emoties_anderen",
    "II.samenwerken", "IV.hand_vinger", "III.trillingen"};

std::set<std::string> DemandLabels(const Vacancy& v) {
  std::set<std::string> out;
  for (const Demand& d : v.demands) {
    if (d.evidence != "text" || !kScored.count(d.item)) continue;
    const FmlItem* item = test::Schema().Find(d.item);
    if (item && item->kind == FmlKind::kCodes) {
      out.insert(d.item + ":" + std::to_string(d.level));
    } else if (d.quantity) {
      out.insert(d.item + "=" + Num(*d.quantity));
    } else {
      out.insert(d.item);
    }
  }
  return out;
}

std::set<std::string> Words(const std::string& s) {
  std::set<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) {
    if (w != "none") out.insert(w);
  }
  return out;
}

std::string ItemOf(const std::string& label) { return label.substr(0, label.find_first_of(":=")); }

struct Tally {
  long tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fn); }
};

struct Scores {
  std::map<std::string, long> field_right, field_total;
  std::map<std::string, Tally> per_label;  // by label (item or item:code)
  Tally demands;
  Tally hard;  // night, evening, lifting kg
  std::vector<std::string> misses;
};

bool IsHard(const std::string& label) {
  return label == "VI.etmaal:1" || label == "VI.etmaal:2" || StartsWith(label, "IV.tillen=") || StartsWith(label, "IV.dragen=");
}

void ScoreField(Scores& s, const Labelled& l, const std::string& field, const std::string& got) {
  const auto it = l.expect.find(field);
  ASSERT_NE(it, l.expect.end()) << "labelled vacancy " << l.id << " (line " << l.line << ") lacks expect " << field;
  ++s.field_total[field];
  if (it->second == got) {
    ++s.field_right[field];
  } else {
    s.misses.push_back(l.id + " " + field + ": expected \"" + it->second + "\", got \"" + got + "\"");
  }
}

void ScoreDemands(Scores& s, const Labelled& l, const std::set<std::string>& got) {
  const auto it = l.expect.find("demands");
  ASSERT_NE(it, l.expect.end()) << "labelled vacancy " << l.id << " lacks expect demands";
  const std::set<std::string> want = Words(it->second);
  for (const std::string& w : want) {
    EXPECT_TRUE(kScored.count(ItemOf(w))) << l.id << ": " << w << " is not a scored item";
    Tally& t = s.per_label[w.find('=') != std::string::npos ? ItemOf(w) + "=kg" : w];
    if (got.count(w)) {
      ++t.tp, ++s.demands.tp;
      if (IsHard(w)) ++s.hard.tp;
    } else {
      ++t.fn, ++s.demands.fn;
      if (IsHard(w)) ++s.hard.fn;
      s.misses.push_back(l.id + " demand missed: " + w);
    }
  }
  for (const std::string& g : got) {
    if (want.count(g)) continue;
    ++s.per_label[g.find('=') != std::string::npos ? ItemOf(g) + "=kg" : g].fp;
    ++s.demands.fp;
    s.misses.push_back(l.id + " demand not in the text: " + g);
  }
}

std::string HoursText(const Hours& h) { return Range(h.min, h.max); }

std::string PlaceText(const Location& loc) {
  if (loc.remote) return "remote";
  return loc.place.empty() ? "none" : loc.place;
}

Scores ScoreAll(const std::vector<Labelled>& set) {
  Scores s;
  for (const Labelled& l : set) {
    auto v = test::TheNormalizer().Normalize(l.raw);
    EXPECT_TRUE(v.ok()) << l.id << ": " << v.status().message();
    if (!v.ok()) continue;
    ScoreField(s, l, "salary", SalaryText(v->salary));
    ScoreField(s, l, "hours", HoursText(v->hours));
    ScoreField(s, l, "contract", v->contract.empty() ? "none" : v->contract);
    ScoreField(s, l, "education", v->education.empty() ? "none" : v->education);
    ScoreField(s, l, "place", PlaceText(v->location));
    ScoreField(s, l, "occupation", v->occupation.key.empty() ? "none" : v->occupation.key);
    ScoreDemands(s, l, DemandLabels(*v));
  }
  return s;
}

double Share(const Scores& s, const std::string& field) {
  const auto total = s.field_total.find(field);
  if (total == s.field_total.end() || total->second == 0) return 0;
  const auto right = s.field_right.find(field);
  return static_cast<double>(right == s.field_right.end() ? 0 : right->second) / static_cast<double>(total->second);
}

void Print(const Scores& s, size_t n) {
  std::printf("\nNormalizer accuracy on %zu labelled vacancies\n", n);
  for (const auto& [field, total] : s.field_total) {
    std::printf("  %-10s exact %.3f (%ld/%ld)\n", field.c_str(), Share(s, field), s.field_right.count(field) ? s.field_right.at(field) : 0L, total);
  }
  std::printf("  demands    P %.3f R %.3f (tp %ld fp %ld fn %ld)\n", s.demands.Precision(), s.demands.Recall(), s.demands.tp,
              s.demands.fp, s.demands.fn);
  std::printf("  hard       R %.3f (night, evening, lifting/carrying kg)\n", s.hard.Recall());
  for (const auto& [label, t] : s.per_label) {
    std::printf("    %-26s P %.2f R %.2f (tp %ld fp %ld fn %ld)\n", label.c_str(), t.Precision(), t.Recall(), t.tp, t.fp, t.fn);
  }
  for (const std::string& m : s.misses) std::printf("  miss: %s\n", m.c_str());
}

TEST(NormalizerAccuracyTest, LabelledVacanciesMeetTheThresholds) {
  const auto set = ReadLabelled(test::SourceDir() + "/tests/data/labelled_vacancies.txt");
  ASSERT_GE(set.size(), 150u);
  const Scores s = ScoreAll(set);
  Print(s, set.size());
  EXPECT_GE(s.demands.Precision(), 0.9);
  EXPECT_GE(s.demands.Recall(), 0.9);
  EXPECT_GE(s.hard.Recall(), 0.95);
  EXPECT_GE(Share(s, "salary"), 0.95);
  EXPECT_GE(Share(s, "hours"), 0.95);
  EXPECT_GE(Share(s, "occupation"), 0.85);
  EXPECT_GE(Share(s, "contract"), 0.9);
  EXPECT_GE(Share(s, "education"), 0.9);
  EXPECT_GE(Share(s, "place"), 0.9);
}

TEST(NormalizerAccuracyTest, LabelledIdsAreUnique) {
  std::set<std::string> ids;
  for (const Labelled& l : ReadLabelled(test::SourceDir() + "/tests/data/labelled_vacancies.txt")) {
    EXPECT_TRUE(ids.insert(l.id).second) << "duplicate id " << l.id;
    EXPECT_FALSE(l.raw.title.empty()) << l.id << ": no title";
    EXPECT_FALSE(l.raw.description.empty()) << l.id << ": no text";
  }
}

}  // namespace
}  // namespace passend
