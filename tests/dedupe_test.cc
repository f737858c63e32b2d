// Duplicate detection measured on a labelled set (tests/data/dedupe/jobs.json): every base
// job, an agency's copy and a job board's copy of it are one job; the same text for another
// branch and a sibling job of the same employer are not. Prints precision and recall over
// all pairs and fails below 0.95 / 0.9.
#include <gtest/gtest.h>

#include <cstdio>
#include <functional>

#include "common/json.h"
#include "common/text.h"
#include "indexer/duplicates.h"
#include "tests/test_util.h"

namespace passend {
namespace {

struct Labelled {
  std::string what;
  int job;  // the label: postings with the same one are the same job
  JobFingerprint fingerprint;
};

std::string Paragraphs(const std::vector<std::string>& ps) {
  std::string out;
  for (const auto& p : ps) out += "<p>" + p + "</p>\n";
  return out;
}

std::vector<std::string> Strings(const rapidjson::Value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.GetArray()) out.emplace_back(s.GetString());
  return out;
}

class LabelledSet {
 public:
  LabelledSet() {
    auto doc = ParseJson(test::ReadText(test::SourceDir() + "/tests/data/dedupe/jobs.json"), "jobs.json");
    EXPECT_TRUE(doc.ok());
    const std::vector<std::string> agencies = Strings((*doc)["agencies"]);
    int i = 0;
    for (const auto& j : (*doc)["jobs"].GetArray()) {
      const std::string title = j["title"].GetString(), alt = j["alt"].GetString(), employer = j["employer"].GetString();
      const std::string place = j["place"].GetString(), branch = j["branch"].GetString();
      std::vector<std::string> ps = Strings(j["paragraphs"]);
      Add("original " + title, i, employer, title, place, Paragraphs(ps));
      // An agency: its own intro and closing, the first paragraph left out, the rest moved.
      std::vector<std::string> agency_ps(ps.begin() + 1, ps.end());
      std::rotate(agency_ps.begin(), agency_ps.begin() + 1, agency_ps.end());
      Add("agency copy of " + title, i, agencies[static_cast<size_t>(i) % agencies.size()], alt, place,
          "<p>Voor onze opdrachtgever in " + place + " zoeken wij een " + ToLowerAscii(alt) + ".</p>" +
              Paragraphs(agency_ps) + "<p>Solliciteer via ons kantoor; je hoort binnen twee werkdagen van ons.</p>");
      // A job board: the title in capitals with (m/v/x), the last paragraph left out.
      Add("board copy of " + title, i, employer, ToUpperAscii(title) + " (m/v/x)", place,
          Paragraphs(std::vector<std::string>(ps.begin(), ps.end() - 1)));
      Add("branch of " + title, 1000 + i, employer, title, branch, Paragraphs(ps));
      const auto& sib = j["sibling"];
      std::vector<std::string> sib_ps = Strings(sib["paragraphs"]);
      sib_ps.push_back(ps.back());
      Add("sibling of " + title, 2000 + i, employer, sib["title"].GetString(), place, Paragraphs(sib_ps));
      ++i;
    }
  }
  const std::vector<Labelled>& items() const { return items_; }

 private:
  static std::string ToUpperAscii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }
  void Add(const std::string& what, int job, const std::string& employer, const std::string& title,
           const std::string& place, const std::string& html) {
    RawPosting p;
    p.source = what;
    p.external_id = std::to_string(items_.size());
    p.employer = employer;
    p.title = title;
    p.place = place;
    p.description = html;
    auto v = test::TheNormalizer().Normalize(p);
    ASSERT_TRUE(v.ok()) << v.status().message();
    EXPECT_FALSE(v->location.place.empty()) << place;
    items_.push_back({what, job, FingerprintOf(*v)});
  }
  std::vector<Labelled> items_;
};

// Postings join the job of any posting they match, as in the index: the jobs are the
// connected components of the SameJob pairs.
std::vector<size_t> Components(const std::vector<Labelled>& items) {
  std::vector<size_t> parent(items.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  std::function<size_t(size_t)> root = [&](size_t i) { return parent[i] == i ? i : parent[i] = root(parent[i]); };
  for (size_t a = 0; a < items.size(); ++a) {
    for (size_t b = a + 1; b < items.size(); ++b) {
      if (SameJob(items[a].fingerprint, items[b].fingerprint)) parent[root(a)] = root(b);
    }
  }
  std::vector<size_t> out;
  for (size_t i = 0; i < items.size(); ++i) out.push_back(root(i));
  return out;
}

TEST(DuplicatesTest, PrecisionAndRecallOnTheLabelledSet) {
  const LabelledSet set;
  const auto& items = set.items();
  ASSERT_EQ(items.size(), 60u);
  const std::vector<size_t> job_of = Components(items);
  int tp = 0, fp = 0, fn = 0, direct = 0;
  for (size_t a = 0; a < items.size(); ++a) {
    for (size_t b = a + 1; b < items.size(); ++b) {
      const bool truth = items[a].job == items[b].job;
      direct += truth && SameJob(items[a].fingerprint, items[b].fingerprint);
      const bool said = job_of[a] == job_of[b];
      if (said && truth) ++tp;
      if (said && !truth) {
        ++fp;
        std::printf("false duplicate: %s / %s\n", items[a].what.c_str(), items[b].what.c_str());
      }
      if (!said && truth) {
        ++fn;
        std::printf("missed duplicate: %s / %s (text %.2f, title %.2f)\n", items[a].what.c_str(), items[b].what.c_str(),
                    TextSimilarity(items[a].fingerprint, items[b].fingerprint),
                    TitleContainment(items[a].fingerprint, items[b].fingerprint));
      }
    }
  }
  const double precision = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  const double recall = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  std::printf("duplicate pairs: %d true, %d false, %d missed; precision %.3f, recall %.3f (%d of %d matched directly)\n",
              tp, fp, fn, precision, recall, direct, tp + fn);
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.9);
}

TEST(DuplicatesTest, CopiesShareABandSoTheIndexFindsThem) {
  const LabelledSet set;
  const auto& items = set.items();
  int shared = 0, pairs = 0;
  for (size_t a = 0; a < items.size(); ++a) {
    for (size_t b = a + 1; b < items.size(); ++b) {
      if (items[a].job != items[b].job) continue;
      ++pairs;
      const auto ta = BandKeys(items[a].fingerprint), tb = BandKeys(items[b].fingerprint);
      for (size_t k = 0; k < ta.size(); ++k) {
        if (ta[k] == tb[k]) {
          ++shared;
          break;
        }
      }
    }
  }
  EXPECT_EQ(pairs, 36);
  EXPECT_GE(shared, 34) << "of " << pairs << " duplicate pairs share a band";
}

TEST(DuplicatesTest, FingerprintSurvivesItsStoredForm) {
  const LabelledSet set;
  JobFingerprint back;
  ASSERT_TRUE(JobFingerprint::Parse(set.items()[0].fingerprint.Serialize(), &back));
  EXPECT_EQ(back.minhash, set.items()[0].fingerprint.minhash);
  EXPECT_EQ(back.title, set.items()[0].fingerprint.title);
  EXPECT_FALSE(JobFingerprint::Parse("kapot", &back));
  JobFingerprint odd = set.items()[0].fingerprint;
  odd.employer = "bakkerij a|b";
  ASSERT_TRUE(JobFingerprint::Parse(odd.Serialize(), &back));
  EXPECT_EQ(back.employer, "bakkerij a|b");
  EXPECT_FALSE(back.intermediary);
  odd.employer = "uitzendbureau flexwerk";
  ASSERT_TRUE(JobFingerprint::Parse(odd.Serialize(), &back));
  EXPECT_TRUE(back.intermediary);
}

// Two postings in one town whose texts share `same` of the 64 MinHash values.
std::pair<JobFingerprint, JobFingerprint> Pair(const std::string& employer_a, const std::string& employer_b,
                                               int same) {
  JobFingerprint a, b;
  for (int j = 0; j < kMinHashes; ++j) {
    a.minhash[static_cast<size_t>(j)] = static_cast<uint32_t>(j);
    b.minhash[static_cast<size_t>(j)] = static_cast<uint32_t>(j < same ? j : 1000 + j);
  }
  a.place = b.place = "tilburg";
  a.title = b.title = "orderpicker";
  a.shingles = b.shingles = 80;
  a.employer = employer_a;
  b.employer = employer_b;
  a.intermediary = IsIntermediary(employer_a);
  b.intermediary = IsIntermediary(employer_b);
  return {a, b};
}

TEST(DuplicatesTest, TwoEmployersFromOneTemplateAreTwoJobsUnlessOneIsAnAgency) {
  auto [a, b] = Pair("distributiecentrum tilburg", "webwinkel noord", 45);  // text similarity 0.70
  EXPECT_FALSE(SameJob(a, b));
  auto [c, d] = Pair("distributiecentrum tilburg", "uitzendbureau flexwerk", 45);
  EXPECT_TRUE(SameJob(c, d));
  auto [e, f] = Pair("distributiecentrum tilburg", "", 45);  // employer unknown: the text decides
  EXPECT_TRUE(SameJob(e, f));
  auto [g, h] = Pair("distributiecentrum tilburg", "webwinkel noord", 60);  // 0.94: a copy after all
  EXPECT_TRUE(SameJob(g, h));
  EXPECT_TRUE(IsIntermediary("randstad nederland"));
  EXPECT_TRUE(IsIntermediary("werkspoor detachering"));
  EXPECT_FALSE(IsIntermediary("gemeente lochem"));
}

}  // namespace
}  // namespace passend
