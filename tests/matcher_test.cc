#include <gtest/gtest.h>

#include <map>
#include <ostream>

#include <random>
#include <set>

#include "crawler/adapters.h"
#include "matcher/matcher.h"
#include "tests/test_util.h"

namespace passend {
namespace {

const Days kToday = *ParseIsoDate("2026-11-23");

// An index built from the bundled feeds (adapters + normalizer, no network).
class BundledIndex {
 public:
  static const BundledIndex& Get() {
    static const BundledIndex* instance = new BundledIndex();
    return *instance;
  }
  const VacancyReader& reader() const { return *reader_; }

 private:
  BundledIndex() {
    const std::string dir = test::MakeTempDir("bundled");
    {
      auto index = VacancyIndex::OpenWritable(dir + "/idx");
      EXPECT_TRUE(index.ok());
      auto add = [&](StatusOr<ParsedFeed> feed) {
        EXPECT_TRUE(feed.ok());
        for (const auto& raw : feed->postings) {
          auto v = test::TheNormalizer().Normalize(raw);
          EXPECT_TRUE(v.ok());
          EXPECT_TRUE(index->Upsert(*v, kToday).ok());
        }
      };
      add(ParseIndeedXml("werkstation", test::ReadText(test::DataDir() + "/feeds/werkstation.xml")));
      add(ParseRecruiteeJson("zw", test::ReadText(test::DataDir() + "/feeds/zorg-en-werk-offers.json")));
      for (const char* p : {"bouwgroep-oost", "zorgkompas", "stadsbedrijven", "horeca-collectief", "retail-noord"}) {
        add(ParseJsonLdHtml("ld", p, test::ReadText(test::DataDir() + "/pages/" + p + ".html")));
      }
      EXPECT_TRUE(index->ExpireBefore(kToday).ok());
      EXPECT_TRUE(index->Commit().ok());
    }
    auto r = VacancyReader::Open(dir + "/idx");
    EXPECT_TRUE(r.ok());
    reader_.emplace(std::move(*r));
  }
  std::optional<VacancyReader> reader_;
};

MatchOptions Options(bool include_excluded = false) {
  MatchOptions o;
  o.today = kToday;
  o.limit = 500;
  o.include_excluded = include_excluded;
  return o;
}

// A vacancy in Utrecht that fits BasicCandidate on every factor.
Vacancy CleanVacancy() {
  Vacancy v;
  v.key = "v1";
  v.title = "Administratief medewerker";
  v.location.place = "Utrecht";
  v.location.lat = 52.0908;
  v.location.lon = 5.1222;
  v.salary.period = "maand";
  v.salary.hourly_min = 17;
  v.salary.hourly_max = 19;
  v.hours.min = 24;
  v.hours.max = 24;
  v.contract = "vast";
  v.structural = true;
  return v;
}

struct FmlCase {
  const char* item;
  std::vector<int> candidate_levels;
  Demand demand;  // item "" = no demand
  std::optional<double> hours_min, hours_max;
  Verdict expected;
};

// Readable test names in ctest and gtest output.
void PrintTo(const FmlCase& c, std::ostream* os) { *os << c.item << " " << c.demand.item << ":" << c.demand.level; }

class FmlVerdictTest : public testing::TestWithParam<FmlCase> {};

TEST_P(FmlVerdictTest, Verdict) {
  const FmlCase& fc = GetParam();
  CandidateProfile c = test::BasicCandidate();
  c.fml[fc.item] = FmlLimit{fc.candidate_levels, ""};
  Vacancy v = CleanVacancy();
  if (!fc.demand.item.empty()) v.demands.push_back(fc.demand);
  if (fc.hours_min) v.hours.min = fc.hours_min;
  if (fc.hours_max) v.hours.max = fc.hours_max;
  const Matcher matcher(BundledIndex::Get().reader(), test::Schema(), Options());
  const Match m = matcher.Evaluate(c, v);
  EXPECT_EQ(VerdictName(m.verdict), std::string(VerdictName(fc.expected)))
      << fc.item << (m.conflicts.empty() ? "" : ": " + m.conflicts[0].text) << (m.checks.empty() ? "" : " / " + m.checks[0].text);
  if (fc.expected == Verdict::kExcluded) {
    ASSERT_FALSE(m.conflicts.empty());
    EXPECT_NE(m.conflicts[0].text.find(fc.item), std::string::npos) << "the conflict names the FML item";
    EXPECT_TRUE(m.conflicts[0].health);
  }
}

Demand D(const char* item, int level, double confidence = 0.9, std::optional<double> qty = std::nullopt) {
  return Demand{item, level, qty, "text", "phrase", 0, confidence};
}

INSTANTIATE_TEST_SUITE_P(
    Items, FmlVerdictTest,
    testing::Values(
        // I: persoonlijk functioneren
        FmlCase{"I.voorwaarden", {5}, D("I.voorwaarden", 5), {}, {}, Verdict::kExcluded},
        FmlCase{"I.voorwaarden", {5}, D("I.voorwaarden", 4), {}, {}, Verdict::kSuitable},
        FmlCase{"I.voorwaarden", {4, 5}, D("I.voorwaarden", 4, 0.6), {}, {}, Verdict::kSuitableWithChecks},
        // II: sociaal functioneren
        FmlCase{"II.beroepsvervoer", {1}, D("II.beroepsvervoer", 0), {}, {}, Verdict::kExcluded},
        FmlCase{"II.beroepsvervoer", {1}, D("II.beroepsvervoer", 0, 0.6), {}, {}, Verdict::kSuitableWithChecks},
        FmlCase{"II.voorwaarden", {5}, D("II.voorwaarden", 5), {}, {}, Verdict::kExcluded},
        FmlCase{"II.voorwaarden", {1}, D("II.voorwaarden", 2), {}, {}, Verdict::kSuitable},
        FmlCase{"II.conflicten", {1}, D("II.conflicten", 0, 0.8), {}, {}, Verdict::kExcluded},
        FmlCase{"II.emoties_anderen", {3}, D("II.emoties_anderen", 0, 0.8), {}, {}, Verdict::kExcluded},
        // III: aanpassing aan fysieke omgevingseisen
        FmlCase{"III.temperatuur", {2}, D("III.temperatuur", 2), {}, {}, Verdict::kExcluded},
        FmlCase{"III.temperatuur", {1}, D("III.temperatuur", 2), {}, {}, Verdict::kSuitable},
        FmlCase{"III.geluid", {1}, D("III.geluid", 0), {}, {}, Verdict::kExcluded},
        // IV: dynamische handelingen
        FmlCase{"IV.tillen", {1}, D("IV.tillen", 0, 0.9, 25), {}, {}, Verdict::kExcluded},
        FmlCase{"IV.tillen", {1}, D("IV.tillen", 1, 0.9, 10), {}, {}, Verdict::kSuitableWithChecks},
        FmlCase{"IV.tillen", {1}, D("IV.tillen", 2, 0.9, 5), {}, {}, Verdict::kSuitable},
        FmlCase{"IV.tillen", {2}, D("IV.tillen", 0, 0.8), {}, {}, Verdict::kExcluded},
        FmlCase{"IV.tillen", {1}, D("IV.tillen", 0, 0.6), {}, {}, Verdict::kSuitableWithChecks},
        FmlCase{"IV.tillen", {1}, Demand{}, {}, {}, Verdict::kSuitable},
        FmlCase{"IV.klimmen", {2}, D("IV.klimmen", 0), {}, {}, Verdict::kExcluded},
        FmlCase{"IV.knielen_hurken", {2}, D("IV.knielen_hurken", 0), {}, {}, Verdict::kExcluded},
        // V: statische houdingen
        FmlCase{"V.staan_werk", {1}, D("V.staan_werk", 0), {}, {}, Verdict::kExcluded},
        FmlCase{"V.staan_werk", {1}, D("V.staan_werk", 1, 0.6), {}, {}, Verdict::kSuitableWithChecks},
        // VI: werktijden
        FmlCase{"VI.etmaal", {2}, D("VI.etmaal", 2, 0.95), {}, {}, Verdict::kExcluded},
        FmlCase{"VI.etmaal", {2}, D("VI.etmaal", 2, 0.6), {}, {}, Verdict::kSuitableWithChecks},
        FmlCase{"VI.etmaal", {1}, D("VI.etmaal", 2), {}, {}, Verdict::kSuitable},
        FmlCase{"VI.etmaal", {1, 2}, D("VI.etmaal", 1), {}, {}, Verdict::kExcluded},
        FmlCase{"VI.uren_dag", {1}, D("VI.uren_dag", 0, 0.9, 12), {}, {}, Verdict::kExcluded},
        FmlCase{"VI.uren_week", {2}, Demand{}, 32, 40, Verdict::kExcluded},
        FmlCase{"VI.uren_week", {2}, Demand{}, 24, 36, Verdict::kSuitableWithChecks},
        FmlCase{"VI.uren_week", {2}, Demand{}, 20, 24, Verdict::kSuitable}));

class FactorTest : public testing::Test {
 protected:
  Match Eval(const CandidateProfile& c, const Vacancy& v) {
    const Matcher matcher(BundledIndex::Get().reader(), test::Schema(), Options());
    return matcher.Evaluate(c, v);
  }
};

TEST_F(FactorTest, VacancyFarAwayIsExcludedForA45MinuteLimit) {
  Vacancy v = CleanVacancy();
  const Place* maastricht = test::Places().Find("Maastricht");
  v.location.lat = maastricht->lat;
  v.location.lon = maastricht->lon;
  const Match m = Eval(test::BasicCandidate("Utrecht"), v);
  EXPECT_EQ(m.verdict, Verdict::kExcluded);
  EXPECT_GT(*m.distance_km, 140);
  EXPECT_NE(m.conflicts[0].text.find("maximaal 45 minuten"), std::string::npos);
  EXPECT_FALSE(m.conflicts[0].health);
}

TEST_F(FactorTest, VervoerNoteRulesOutTheCarAndTravelIsTimedByTrain) {
  Vacancy v = CleanVacancy();
  const Place* amersfoort = test::Places().Find("Amersfoort");
  v.location.lat = amersfoort->lat;
  v.location.lon = amersfoort->lon;
  CandidateProfile c = test::BasicCandidate("Utrecht");
  Match m = Eval(c, v);
  EXPECT_EQ(m.verdict, Verdict::kSuitable);
  EXPECT_EQ(m.travel_mode, "auto");
  c.fml["II.vervoer"] = FmlLimit{{1}, "Geen auto rijden i.v.m. medicatie."};
  m = Eval(c, v);
  EXPECT_EQ(m.verdict, Verdict::kExcluded);
  EXPECT_EQ(m.travel_mode, "ov");
  EXPECT_GT(*m.travel_minutes, 45);
  EXPECT_NE(m.factors[2].reason.find("niet met de auto (FML II.vervoer); gerekend met het openbaar vervoer"),
            std::string::npos);
  c.fml["II.vervoer"] = FmlLimit{{1}, "Beperkt; overleg met de bedrijfsarts."};
  m = Eval(c, v);
  EXPECT_EQ(m.verdict, Verdict::kSuitableWithChecks);
  EXPECT_EQ(m.travel_mode, "auto");
  ASSERT_EQ(m.checks.size(), 1u);
  EXPECT_TRUE(m.checks[0].health);
  c.fml["II.vervoer"] = FmlLimit{{0}, "Geen auto."};  // level "normaal": the note is no limit
  EXPECT_EQ(Eval(c, v).verdict, Verdict::kSuitable);
}

TEST_F(FactorTest, WageBelowTheFloorIsExcludedAndUnknownWageIsAPoint) {
  CandidateProfile c = test::BasicCandidate();
  c.maatmanloon = {4200, "maand", 40};  // € 24,23 an hour; floor € 15,75
  Vacancy v = CleanVacancy();
  v.salary.hourly_min = v.salary.hourly_max = 14.71;
  EXPECT_EQ(Eval(c, v).verdict, Verdict::kExcluded);
  v.salary.hourly_max = 17.0;
  EXPECT_EQ(Eval(c, v).verdict, Verdict::kSuitableWithChecks);
  v.salary = Salary();
  const Match unknown = Eval(c, v);
  EXPECT_EQ(unknown.verdict, Verdict::kSuitableWithChecks);
  EXPECT_NE(unknown.checks[0].text.find("salaris onbekend"), std::string::npos);
  v.salary.scale = "FWG 45";
  EXPECT_EQ(Eval(c, v).checks[0].text, "Loon: FWG 45 zonder bedrag; navragen of het minstens € 15,75 per uur is.");
}

TEST_F(FactorTest, ContractsThatAreNoEmploymentAndTemporaryWorkForStructuralSeekers) {
  CandidateProfile c = test::BasicCandidate();
  Vacancy v = CleanVacancy();
  v.contract = "stage";
  v.structural = false;
  EXPECT_EQ(Eval(c, v).verdict, Verdict::kExcluded);
  v.contract = "tijdelijk";
  EXPECT_EQ(Eval(c, v).verdict, Verdict::kSuitable);
  c.requires_structural = true;
  EXPECT_EQ(Eval(c, v).verdict, Verdict::kExcluded);
}

TEST_F(FactorTest, ScoreIsAWeightedSumWithEveryFactorExplained) {
  const Match m = Eval(test::BasicCandidate(), CleanVacancy());
  ASSERT_EQ(m.factors.size(), 7u);
  double sum = 0, weights = 0;
  for (const auto& f : m.factors) {
    EXPECT_FALSE(f.reason.empty()) << f.factor;
    sum += f.score * f.weight;
    weights += f.weight;
  }
  EXPECT_NEAR(m.score, sum / weights, 0.001);
}

TEST(MatchCandidateTest, NoNightCandidateNeverGetsNightWorkAsSuitable) {
  CandidateProfile c = test::BasicCandidate("Utrecht");
  c.fml["VI.etmaal"] = FmlLimit{{2}, ""};
  c.fml["IV.tillen"] = FmlLimit{{1}, ""};
  const Matcher matcher(BundledIndex::Get().reader(), test::Schema(), Options());
  auto matches = matcher.MatchCandidate(c);
  ASSERT_TRUE(matches.ok());
  EXPECT_GE(matches->size(), 5u);
  for (const Match& m : *matches) {
    EXPECT_NE(m.verdict, Verdict::kExcluded);
    for (const Demand& d : m.vacancy.demands) {
      if (d.evidence == "text" && d.confidence >= 0.7) {
        EXPECT_FALSE(d.item == "VI.etmaal" && d.level == 2) << m.vacancy.title;
        EXPECT_FALSE(d.item == "IV.tillen" && d.quantity && *d.quantity > 10) << m.vacancy.title;
      }
    }
  }
  // With --include-excluded the night-shift orderpicker in Nieuwegein is shown, excluded, with its reason.
  const Matcher all(BundledIndex::Get().reader(), test::Schema(), Options(true));
  auto everything = all.MatchCandidate(c);
  ASSERT_TRUE(everything.ok());
  bool seen = false;
  for (const Match& m : *everything) {
    if (m.vacancy.title != "Orderpicker nachtdienst") continue;
    seen = true;
    EXPECT_EQ(m.verdict, Verdict::kExcluded);
    bool names_night = false;
    for (const Reason& r : m.conflicts) names_night = names_night || r.text.find("VI.etmaal") != std::string::npos;
    EXPECT_TRUE(names_night);
  }
  EXPECT_TRUE(seen);
}

// Properties over seeded random candidates (cities from the bundled vacancies' regions).
class MatcherPropertyTest : public testing::Test {
 protected:
  std::set<std::string> SuitableKeys(const CandidateProfile& c) {
    const Matcher matcher(BundledIndex::Get().reader(), test::Schema(), Options());
    auto matches = matcher.MatchCandidate(c);
    EXPECT_TRUE(matches.ok());
    std::set<std::string> keys;
    for (const Match& m : *matches) keys.insert(m.vacancy.key);
    return keys;
  }
  CandidateProfile Random(std::mt19937& rng) {
    static const char* kPlaces[] = {"Utrecht", "Rotterdam", "Groningen", "Eindhoven", "Amsterdam", "Zwolle", "Den Haag"};
    CandidateProfile c = test::BasicCandidate(kPlaces[rng() % 7]);
    c.travel.max_minutes = 20 + static_cast<double>(rng() % 60);
    c.maatmanloon = {2000 + static_cast<double>(rng() % 2500), "maand", 38};
    return c;
  }
  const std::vector<std::pair<std::string, std::vector<int>>> kLimits = {
      {"VI.etmaal", {2}}, {"IV.tillen", {1}}, {"V.staan_werk", {1}}, {"II.voorwaarden", {1}},
      {"VI.uren_week", {2}}, {"I.voorwaarden", {5}}, {"II.beroepsvervoer", {1}}, {"III.temperatuur", {2}}};
};

TEST_F(MatcherPropertyTest, MoreLimitsNeverGiveMoreVacancies) {
  std::mt19937 rng(20261123);
  for (int round = 0; round < 25; ++round) {
    CandidateProfile c = Random(rng);
    std::set<std::string> previous = SuitableKeys(c);
    for (int k = 0; k < 3; ++k) {
      const auto& [item, levels] = kLimits[rng() % kLimits.size()];
      c.fml[item] = FmlLimit{levels, ""};
      const std::set<std::string> now = SuitableKeys(c);
      EXPECT_TRUE(std::includes(previous.begin(), previous.end(), now.begin(), now.end())) << item;
      previous = now;
    }
  }
}

TEST_F(MatcherPropertyTest, WiderTravelNeverRemovesAndHigherFloorNeverAdds) {
  std::mt19937 rng(7);
  for (int round = 0; round < 25; ++round) {
    CandidateProfile c = Random(rng);
    const std::set<std::string> base = SuitableKeys(c);
    CandidateProfile wider = c;
    wider.travel.max_minutes = *c.travel.max_minutes + 30;
    const std::set<std::string> more = SuitableKeys(wider);
    EXPECT_TRUE(std::includes(more.begin(), more.end(), base.begin(), base.end()));
    CandidateProfile stricter = c;
    stricter.wage_floor_ratio = 0.9;
    const std::set<std::string> fewer = SuitableKeys(stricter);
    EXPECT_TRUE(std::includes(base.begin(), base.end(), fewer.begin(), fewer.end()));
  }
}

// The matcher ranks every vacancy it takes without writing the reasons, and writes them only
// for those it returns: the order and the verdicts must be those the explanation gives.
TEST_F(MatcherPropertyTest, RankingWithoutReasonsAgreesWithTheExplanation) {
  std::mt19937 rng(31);
  std::map<Verdict, int> seen;
  for (int round = 0; round < 25; ++round) {
    CandidateProfile c = Random(rng);
    for (int k = 0; k < 2; ++k) {
      const auto& [item, levels] = kLimits[rng() % kLimits.size()];
      c.fml[item] = FmlLimit{levels, ""};
    }
    const Matcher matcher(BundledIndex::Get().reader(), test::Schema(), Options(/*include_excluded=*/true));
    auto matches = matcher.MatchCandidate(c);
    ASSERT_TRUE(matches.ok());
    for (size_t i = 0; i < matches->size(); ++i) {
      const Match& m = (*matches)[i];
      const Match explained = matcher.Evaluate(c, m.vacancy);
      EXPECT_EQ(m.verdict, explained.verdict) << m.vacancy.key;
      EXPECT_EQ(m.score, explained.score) << m.vacancy.key;
      EXPECT_EQ(m.conflicts.size(), explained.conflicts.size()) << m.vacancy.key;
      EXPECT_EQ(m.checks.size(), explained.checks.size()) << m.vacancy.key;
      if (i > 0) {
        const Match& before = (*matches)[i - 1];
        EXPECT_TRUE(before.verdict < m.verdict || (before.verdict == m.verdict && before.score >= m.score))
            << before.vacancy.key << " before " << m.vacancy.key;
      }
      ++seen[m.verdict];
    }
  }
  EXPECT_GT(seen[Verdict::kSuitable], 0);
  EXPECT_GT(seen[Verdict::kSuitableWithChecks], 0);
  EXPECT_GT(seen[Verdict::kExcluded], 0);
}

TEST(ResolveHomeTest, UnknownPlaceNamesTheField) {
  CandidateProfile c;
  c.home.place = "Atlantis";
  const Status s = ResolveHome(&c, test::Places(), "x.json: candidate c");
  EXPECT_EQ(s.message(), "x.json: candidate c: home.place: \"Atlantis\" not found in the gazetteer");
}

// A small index of hand-made vacancies, for what the query itself must get right.
class QueryTest : public testing::Test {
 protected:
  // A clean vacancy in Utrecht titled `title`, posted today by `employer`.
  static Vacancy Make(const std::string& key, const std::string& title, const std::string& employer) {
    Vacancy v = CleanVacancy();
    v.key = key;
    v.title = title;
    v.employer = employer;
    v.sources = {{"bron-" + key, "https://bron.voorbeeld.invalid/" + key, key}};
    v.date_posted = "2026-11-20";
    return v;
  }
  std::vector<Match> Run(const std::vector<Vacancy>& vacancies, const CandidateProfile& c,
                         const std::string& today = "2026-11-23", int max_candidates = 300) {
    const std::string dir = test::MakeTempDir("query") + "/idx";
    {
      auto index = VacancyIndex::OpenWritable(dir);
      for (const Vacancy& v : vacancies) EXPECT_TRUE(index->Upsert(v, kToday).ok());
      EXPECT_TRUE(index->Commit().ok());
    }
    auto reader = VacancyReader::Open(dir);
    MatchOptions o = Options();
    o.today = *ParseIsoDate(today);
    o.occupations = &test::Occupations();
    o.max_candidates = max_candidates;
    auto matches = Matcher(*reader, test::Schema(), o).MatchCandidate(c);
    EXPECT_TRUE(matches.ok());
    return matches.ok() ? *matches : std::vector<Match>{};
  }
  static std::set<std::string> Keys(const std::vector<Match>& matches) {
    std::set<std::string> keys;
    for (const Match& m : matches) keys.insert(m.vacancy.key);
    return keys;
  }
};

TEST_F(QueryTest, TheSameJobOnSeveralSourcesIsShownOnce) {
  std::vector<Vacancy> vs = {Make("a", "Administratief medewerker", "Gemeente Voorbeeld"),
                             Make("b", "administratief medewerker (m/v/x)", "Gemeente Voorbeeld"),
                             Make("c", "Medewerker administratief", "gemeente voorbeeld"),
                             Make("d", "Administratief medewerker", "Andere Werkgever"),
                             Make("e", "Administratief medewerker", "")};
  const auto matches = Run(vs, test::BasicCandidate("Utrecht"));
  ASSERT_EQ(matches.size(), 3u);  // a/b/c as one, d, and e (no employer: never merged)
  int duplicates = 0;
  for (const Match& m : matches) duplicates += m.duplicates;
  EXPECT_EQ(duplicates, 2);
}

TEST_F(QueryTest, AnAgencysRewordedCopyIsTheSameJobAndTheResultListsBothSources) {
  const std::string text =
      "Je verwerkt facturen en aanvragen voor het sociaal domein in ons zaaksysteem. Je controleert of aanvragen "
      "volledig zijn en je belt inwoners als er iets ontbreekt. Je hebt mbo-niveau 4 en ervaring met Excel. Het gaat "
      "om een baan voor een jaar, 24 uur per week, schaal 6.";
  Vacancy own = Make("own", "Administratief medewerker", "Gemeente Voorbeeld");
  own.description = text;
  Vacancy agency = Make("agency", "Medewerker administratie (m/v)", "Uitzendbureau Flexwerk");
  agency.description = "Voor onze opdrachtgever zoeken wij een medewerker administratie. " + text +
                       " Solliciteer via ons kantoor.";
  Vacancy other = Make("other", "Archiefmedewerker", "Gemeente Voorbeeld");
  other.description = "Je beheert het archief en de post van de gemeente en je helpt collega's met het plannen van "
                      "vergaderingen en het notuleren van overleggen in het stadhuis.";
  const auto matches = Run({own, agency, other}, test::BasicCandidate("Utrecht"));
  ASSERT_EQ(matches.size(), 2u);  // own and agency as one job, other on its own
  const Match* merged = nullptr;
  for (const Match& m : matches) {
    if (m.duplicates == 1) merged = &m;
  }
  ASSERT_NE(merged, nullptr);
  std::set<std::string> sources;
  for (const SourceRef& s : merged->vacancy.sources) sources.insert(s.source);
  EXPECT_EQ(sources, (std::set<std::string>{"bron-own", "bron-agency"}));
}

TEST_F(QueryTest, TargetOccupationFindsItsSynonymsAndRanksThemFirst) {
  Vacancy picker = Make("picker", "Logistiek medewerker", "Logistiek BV");
  picker.occupation = {"magazijnmedewerker", "Magazijnmedewerker", "4321", 0.9, "logistiek medewerker", true};
  Vacancy clerk = Make("clerk", "Administratief medewerker", "Kantoor BV");
  CandidateProfile c = test::BasicCandidate("Utrecht");
  c.target_occupations = {"Magazijnmedewerker"};
  const auto matches = Run({clerk, picker}, c);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].vacancy.key, "picker");
  EXPECT_EQ(matches[0].factors[0].score, 0.9);
  EXPECT_EQ(matches[0].factors[0].reason,
            "Beroep 'Magazijnmedewerker' komt overeen met beoogd beroep 'Magazijnmedewerker'.");
  EXPECT_EQ(matches[1].factors[0].score, 0.0);  // no word of the candidate's in it
  EXPECT_EQ(matches[1].factors[0].reason, "Geen van de competenties genoemd in de vacature.");
}

TEST_F(QueryTest, TargetTitlesAreTakenFirstThenCompetencesInTheTextThenTheNewest) {
  Vacancy cook = Make("cook", "Kok", "Restaurant");  // indexed first: the oldest
  Vacancy forklift = Make("forklift", "Medewerker expeditie", "Transport BV");
  forklift.description = "Je rijdt dagelijks op een heftruck.";
  Vacancy other = Make("other", "Receptionist", "Hotel");  // the newest
  CandidateProfile c = test::BasicCandidate("Utrecht");
  c.target_occupations = {"Kok"};
  c.competences = {"heftruck"};
  const std::vector<Vacancy> all = {cook, forklift, other};
  EXPECT_EQ(Keys(Run(all, c, "2026-11-23", 1)), (std::set<std::string>{"cook"}));
  EXPECT_EQ(Keys(Run(all, c, "2026-11-23", 2)), (std::set<std::string>{"cook", "forklift"}));
  EXPECT_EQ(Keys(Run(all, c, "2026-11-23", 3)), (std::set<std::string>{"cook", "forklift", "other"}));
  c.target_occupations.clear();
  c.competences.clear();
  EXPECT_EQ(Keys(Run(all, c, "2026-11-23", 1)), (std::set<std::string>{"other"}));  // newest first
}

TEST_F(QueryTest, AMultiWordTargetTakesTitlesWithAllItsWordsNotEveryMedewerker) {
  Vacancy service = Make("service", "Medewerker klantenservice", "Bank");  // indexed first: the oldest
  Vacancy cleaning = Make("cleaning", "Medewerker schoonmaak", "Schoonmaak BV");
  Vacancy other = Make("other", "Receptionist", "Hotel");  // the newest
  CandidateProfile c = test::BasicCandidate("Utrecht");
  c.target_occupations = {"medewerker klantenservice"};
  const std::vector<Vacancy> all = {service, cleaning, other};
  EXPECT_EQ(Keys(Run(all, c, "2026-11-23", 1)), (std::set<std::string>{"service"}));
  // The other medewerker is no better than the rest: the newest of them comes first.
  EXPECT_EQ(Keys(Run(all, c, "2026-11-23", 2)), (std::set<std::string>{"service", "other"}));
}

TEST_F(QueryTest, ACompetenceOfSeveralWordsIsRelatedOnlyWithAllOfThem) {
  Vacancy computers = Make("computers", "Medewerker expeditie", "Transport BV");  // the oldest
  computers.description = "Je gaat werken met computers en scanners.";
  Vacancy customers = Make("customers", "Receptionist", "Hotel");
  customers.description = "Je gaat werken met gasten uit de hele wereld.";
  Vacancy other = Make("other", "Kok", "Restaurant");  // the newest
  other.description = "Je kookt met verse producten.";
  CandidateProfile c = test::BasicCandidate("Utrecht");
  c.competences = {"werken met computers"};
  const auto matches = Run({computers, customers, other}, c, "2026-11-23", 1);
  EXPECT_EQ(Keys(matches), (std::set<std::string>{"computers"}));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].factors[0].score, 1.0);  // and the score names it: all its words are there
}

TEST_F(QueryTest, CapitalisedOrInflectedCompetencesFindTheStemmedText) {
  Vacancy forklift = Make("forklift", "Medewerker expeditie", "Transport BV");  // indexed first: the oldest
  forklift.description = "Je rijdt dagelijks op een heftruck.";
  Vacancy other = Make("other", "Receptionist", "Hotel");
  CandidateProfile c = test::BasicCandidate("Utrecht");
  c.competences = {"Heftrucks"};  // a capital and a plural: the query stems it as the index did
  EXPECT_EQ(Keys(Run({forklift, other}, c, "2026-11-23", 1)), (std::set<std::string>{"forklift"}));
}

TEST_F(QueryTest, DescriptionsAreShownThoughScoringDoesNotReadThem) {
  Vacancy cook = Make("cook", "Kok", "Restaurant");  // the target is in the title
  cook.description = "Je kookt voor 80 gasten per avond.";
  Vacancy forklift = Make("forklift", "Medewerker expeditie", "Transport BV");
  forklift.description = "Je rijdt dagelijks op een heftruck.";
  CandidateProfile c = test::BasicCandidate("Utrecht");
  c.target_occupations = {"Kok"};
  c.competences = {"heftruck"};
  std::map<std::string, Match> by_key;
  for (Match& m : Run({cook, forklift}, c)) by_key[m.vacancy.key] = std::move(m);
  ASSERT_EQ(by_key.size(), 2u);
  EXPECT_EQ(by_key["cook"].vacancy.description, cook.description);
  EXPECT_EQ(by_key["forklift"].vacancy.description, forklift.description);
  EXPECT_EQ(by_key["forklift"].factors[0].reason, "Competenties genoemd in de vacature: heftruck.");
}

// The matcher finds competences in the index's posting lists, --explain in the vacancy's
// own text: both must name the same ones, in any form the stemmer joins, words apart or not.
TEST_F(QueryTest, CompetencesAreNamedAlikeFromTheIndexAndFromTheText) {
  Vacancy v = Make("expeditie", "Medewerker expeditie", "Transport BV");
  v.description = "Je rijdt op Heftrucks. Wij zoeken iemand die klantgericht is en graag zelfstandig wil werken. "
                  "Rijbewijs B is een pré.";
  CandidateProfile c = test::BasicCandidate("Utrecht");
  c.competences = {"heftruck", "Klantgericht werken", "Excel", "rijbewijs C"};
  const auto matches = Run({v}, c);
  ASSERT_EQ(matches.size(), 1u);
  const std::string expected = "Competenties genoemd in de vacature: heftruck, Klantgericht werken.";
  EXPECT_EQ(matches[0].factors[0].reason, expected);
  EXPECT_DOUBLE_EQ(matches[0].factors[0].score, 0.5);
  MatchOptions o = Options();
  o.today = kToday;
  const std::string dir = test::MakeTempDir("explain") + "/idx";
  { auto index = VacancyIndex::OpenWritable(dir); }
  auto reader = VacancyReader::Open(dir);
  ASSERT_TRUE(reader.ok());
  const Match explained = Matcher(*reader, test::Schema(), o).Evaluate(c, v);
  EXPECT_EQ(explained.factors[0].reason, expected);
  EXPECT_DOUBLE_EQ(explained.factors[0].score, 0.5);
}

// "24/7" has no word the index keeps (function words and numbers are skipped), so no vacancy
// can name it: it is left out of the share and the reason says so.
TEST_F(QueryTest, CompetencesWithoutSearchableWordsDoNotCount) {
  Vacancy v = Make("expeditie", "Medewerker expeditie", "Transport BV");
  v.description = "Je rijdt op een heftruck, 24/7.";
  CandidateProfile c = test::BasicCandidate("Utrecht");
  c.competences = {"heftruck", "24/7"};
  auto matches = Run({v}, c);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_DOUBLE_EQ(matches[0].factors[0].score, 1.0);
  EXPECT_EQ(matches[0].factors[0].reason,
            "Competenties genoemd in de vacature: heftruck. Niet meegeteld, want zonder zoekbare woorden: 24/7.");

  c.competences = {"24/7"};  // nothing left to count, and no target occupation: neutral
  matches = Run({v}, c);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_DOUBLE_EQ(matches[0].factors[0].score, 0.5);
  EXPECT_EQ(matches[0].factors[0].reason,
            "Geen competenties of beroepen opgegeven. Niet meegeteld, want zonder zoekbare woorden: 24/7.");
}

// The query leaves out vacancies whose valid-through month has passed, so they do not take
// the place of valid ones under the cap; a vacancy without an end date stays.
TEST_F(QueryTest, VacanciesOfAnEarlierMonthAreNotTakenUnderTheCap) {
  Vacancy open_ended = Make("open-ended", "Administratief medewerker", "A");  // indexed first: the oldest
  Vacancy valid = Make("valid", "Administratief medewerker", "B");
  valid.valid_through = "2027-01-15";
  Vacancy october = Make("october", "Administratief medewerker", "C");  // indexed last: the newest
  october.valid_through = "2026-10-31";
  const CandidateProfile c = test::BasicCandidate("Utrecht");
  EXPECT_EQ(Keys(Run({open_ended, valid, october}, c, "2026-11-23", /*max_candidates=*/1)),
            (std::set<std::string>{"valid"}));
  EXPECT_EQ(Keys(Run({open_ended, october}, c, "2026-11-23", /*max_candidates=*/1)),
            (std::set<std::string>{"open-ended"}));
}

TEST_F(QueryTest, ValidityWageAndHoursFiltersKeepEveryBorderCase) {
  Vacancy expired = Make("expired", "Administratief medewerker", "A");
  expired.valid_through = "2026-11-22";
  Vacancy today = Make("today", "Administratief medewerker", "B");
  today.valid_through = "2026-11-23";
  Vacancy next_year = Make("next-year", "Administratief medewerker", "C");
  next_year.valid_through = "2027-02-01";
  Vacancy just_enough = Make("wage-at-floor", "Administratief medewerker", "D");
  just_enough.salary.hourly_min = 15.0;
  just_enough.salary.hourly_max = 16.31;
  Vacancy too_low = Make("wage-below", "Administratief medewerker", "E");
  too_low.salary.hourly_min = too_low.salary.hourly_max = 16.2;
  Vacancy hours_at_cap = Make("hours-at-cap", "Administratief medewerker", "F");
  hours_at_cap.hours.min = hours_at_cap.hours.max = 30;
  Vacancy hours_over = Make("hours-over", "Administratief medewerker", "G");
  hours_over.hours.min = hours_over.hours.max = 31;
  CandidateProfile c = test::BasicCandidate("Utrecht");
  c.maatmanloon = {20.375, "uur", 38};  // floor 0.8 × 20.375 = € 16,30
  c.wage_floor_ratio = 0.8;
  c.hours_available = 30;
  const auto keys = Keys(Run({expired, today, next_year, just_enough, too_low, hours_at_cap, hours_over}, c));
  EXPECT_EQ(keys, (std::set<std::string>{"today", "next-year", "wage-at-floor", "hours-at-cap"}));
  // A cap and a wage floor exactly on a threshold (32 hours, € 16) keep the vacancy on it.
  c.hours_available = 32;
  c.maatmanloon = {20.0, "uur", 38};  // floor 0.8 × 20 = € 16,00
  hours_at_cap.hours.min = hours_at_cap.hours.max = 32;
  hours_at_cap.salary.hourly_min = hours_at_cap.salary.hourly_max = 16.0;
  EXPECT_EQ(Keys(Run({hours_at_cap}, c)), (std::set<std::string>{"hours-at-cap"}));
}

TEST(FirstSeenTest, OnlyVacanciesFirstSeenSinceTheDayAreTaken) {
  const std::string dir = test::MakeTempDir("seen") + "/idx";
  {
    auto index = VacancyIndex::OpenWritable(dir);
    Vacancy a = CleanVacancy(), b = CleanVacancy();
    a.key = "last-week";
    b.key = "this-week";
    ASSERT_TRUE(index->Upsert(a, kToday - 9).ok());
    ASSERT_TRUE(index->Upsert(b, kToday - 2).ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  auto reader = VacancyReader::Open(dir);
  const Matcher matcher(*reader, test::Schema(), Options());
  const CandidateProfile c = test::BasicCandidate("Utrecht");
  EXPECT_EQ(matcher.MatchCandidate(c)->size(), 2u);
  auto recent = matcher.MatchCandidate(c, kToday - 7);
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ((*recent)[0].vacancy.key, "this-week");
}

TEST(WeightsTest, OverridesNamedFactorsAndNamesWhatIsWrong) {
  auto w = ParseWeights("competenties=0.5, reistijd=0");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->competences, 0.5);
  EXPECT_EQ(w->travel, 0.0);
  EXPECT_EQ(w->wage, ScoreWeights{}.wage);
  EXPECT_EQ(ParseWeights("afstand=1").status().message(),
            "weights: \"afstand\": unknown factor (competenties, loon, reistijd, uren, contract, opleiding, recentheid)");
  EXPECT_EQ(ParseWeights("loon=veel").status().message(), "weights: loon: expected a number from 0 to 100, as in loon=0.3");
  EXPECT_FALSE(ParseWeights("competenties=0,loon=0,reistijd=0,uren=0,contract=0,opleiding=0,recentheid=0").ok());
}

}  // namespace
}  // namespace passend
