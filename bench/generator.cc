#include "bench/generator.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "bench/templates.h"
#include "common/date.h"
#include "common/file.h"
#include "common/text.h"
#include "model/display.h"

namespace passend::bench {
namespace {

constexpr double kDefaultPopulation = 8000;

template <typename T>
const T& Pick(std::mt19937_64& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
}

bool Chance(std::mt19937_64& rng, double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; }

double Uniform(std::mt19937_64& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

// The salary sentence, in one of the ways Dutch vacancies write it.
std::string SalaryText(std::mt19937_64& rng, double lo, double hi, double hours) {
  const double m = 52.0 / 12.0 * hours;
  switch (std::uniform_int_distribution<int>(0, 6)(rng)) {
    case 0: return "€ " + GroupThousands(lo * m) + " - € " + GroupThousands(hi * m) + " bruto per maand.";
    case 1: return "Salaris tussen € " + GroupThousands(lo * m) + ",- en € " + GroupThousands(hi * m) + ",- bruto per maand (o.b.v. " +
                   std::to_string(std::lround(hours)) + " uur).";
    case 2: return "€ " + DecimalComma(lo) + " bruto per uur.";
    case 3: return "Een uurloon vanaf €" + DecimalComma(lo) + " per uur.";
    case 4: return "Tot €" + GroupThousands(hi * m * 12) + " per jaar.";
    case 5: return "Salaris marktconform.";
    default: return "€ " + DecimalComma(lo) + " - € " + DecimalComma(hi) + " per uur.";
  }
}

std::string HoursText(std::mt19937_64& rng, double* hours) {
  switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
    case 0: *hours = 40; return "Fulltime (40 uur).";
    case 1: *hours = 32; return "24-32 uur per week.";
    case 2: *hours = 36; return "32 tot 36 uur per week.";
    case 3: *hours = 24; return "Parttime 24 uur.";
    case 4: *hours = 36; return "Werkweek van 4x9.";
    default: *hours = 38; return "38 uur per week.";
  }
}

// Paragraphs that fill real vacancy pages around the job itself (invented text).
const std::vector<const char*>& Boilerplate() {
  static const std::vector<const char*> kParagraphs = {
      "Over ons: wij zijn een familiebedrijf met ruim 300 collega's op vier locaties. Wij geloven in korte lijnen, "
      "eerlijke afspraken en ruimte om te groeien. Onze klanten kennen ons al meer dan veertig jaar als betrouwbare partner.",
      "Wat kun je verder verwachten? Een goede inwerkperiode met een vaste collega als buddy, een eigen "
      "opleidingsbudget, een pensioenregeling via het bedrijfstakpensioenfonds en een fietsplan.",
      "Solliciteren? Stuur je cv en een korte motivatie via de knop hieronder. Heb je eerst vragen over de functie, "
      "bel dan gerust met onze recruiter. Een assessment kan onderdeel zijn van de procedure; een VOG is vereist.",
      "Wij vinden een diverse en inclusieve organisatie belangrijk. Iedereen is welkom, ongeacht achtergrond, leeftijd "
      "of beperking. Heb je een ondersteuningsbehoefte tijdens de sollicitatie? Laat het ons weten.",
      "Onze afdeling bestaat uit een hecht team van collega's die elkaar helpen waar nodig. Op vrijdag sluiten we de "
      "week graag samen af en twee keer per jaar is er een teamuitje.",
      "Acquisitie naar aanleiding van deze vacature wordt niet op prijs gesteld. Reacties van bemiddelingsbureaus "
      "worden niet in behandeling genomen.",
      "Onze arbeidsvoorwaarden: 25 vakantiedagen bij een fulltime dienstverband, de mogelijkheid om extra dagen te "
      "kopen, een reiskostenvergoeding vanaf 10 kilometer en korting op producten uit ons assortiment.",
      "Duurzaamheid staat bij ons hoog in het vaandel. Ons pand draait op zonne-energie, we rijden elektrisch waar het "
      "kan en we werken samen met lokale leveranciers.",
      "De procedure: na je sollicitatie hoor je binnen vijf werkdagen van ons. Een eerste gesprek is kennismakend; in "
      "het tweede gesprek loop je een dagdeel mee op de werkvloer."};
  return kParagraphs;
}

const char* ContractText(std::mt19937_64& rng) {
  static const std::vector<const char*> kContracts = {
      "Vast contract.", "Jaarcontract met uitzicht op vast.", "Tijdelijk contract voor 6 maanden.",
      "Via uitzendbureau, fase A.", "Direct in vaste dienst.", "Oproepbasis.", "Vast contract na proeftijd."};
  return Pick(rng, kContracts);
}

StatusOr<std::map<std::string, double>> LoadPopulation(const std::string& path) {
  std::map<std::string, double> out;
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  for (const auto& line : Split(*text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    const auto cols = Split(line, '\t');
    if (cols.size() == 2) out[cols[0]] = ParseDouble(cols[1]).value_or(kDefaultPopulation);
  }
  return out;
}

}  // namespace

StatusOr<Generator> Generator::Create(uint64_t seed, const Gazetteer& gazetteer, const std::string& population_tsv) {
  auto population = LoadPopulation(population_tsv);
  if (!population.ok()) return population.status();
  Generator g(seed);
  std::vector<double> weights;
  for (const auto& [name, count] : *population) {
    if (const Place* p = gazetteer.Find(name)) {
      g.places_.push_back(*p);
      weights.push_back(count);
    }
  }
  if (g.places_.empty()) return Status::InvalidArgument(population_tsv + ": no place found in the gazetteer");
  // Smaller places: a sample of the gazetteer at the default weight, found by name.
  for (const char* name : {"Houten", "Zeist", "Woerden", "Barendrecht", "Ridderkerk", "Capelle aan den IJssel",
                           "Weert", "Roermond", "Kampen", "Meppel", "Hoogeveen", "Drachten", "Sneek", "Heerenveen",
                           "Goes", "Bergen op Zoom", "Waalwijk", "Uden", "Veghel", "Doetinchem", "Zutphen",
                           "Winterswijk", "Katwijk", "Hoorn", "Enkhuizen", "Heerhugowaard", "Bussum", "Weesp",
                           "Culemborg", "Wageningen", "Barneveld", "Nijkerk", "Soest", "Baarn", "Gorinchem"}) {
    if (const Place* p = gazetteer.Find(name)) {
      g.places_.push_back(*p);
      weights.push_back(kDefaultPopulation * 4);
    }
  }
  g.place_weights_ = std::discrete_distribution<size_t>(weights.begin(), weights.end());
  return g;
}

const Place& Generator::RandomPlace() { return places_[place_weights_(rng_)]; }

std::vector<RawPosting> Generator::NextJob() {
  const OccupationTemplate& t = Pick(rng_, Templates());
  const Place& place = RandomPlace();
  const long id = ++job_counter_;
  double hours = 38;
  const std::string hours_text = HoursText(rng_, &hours);
  const double lo = Uniform(rng_, t.wage_lo, (t.wage_lo + t.wage_hi) / 2);
  const double hi = Uniform(rng_, lo, t.wage_hi);
  std::string text = "<p>Voor onze vestiging in " + place.name + " zoeken wij een " + ToLowerAscii(t.titles[0]) + ".</p><ul>";
  for (int i = 0; i < 3; ++i) text += std::string("<li>") + Pick(rng_, t.tasks) + "</li>";
  text += "</ul><p>";
  for (int i = 0, n = std::uniform_int_distribution<int>(1, 3)(rng_); i < n; ++i) text += std::string(Pick(rng_, t.loads)) + " ";
  text += "</p><p>Wat wij vragen: " + std::string(t.education) + ", een flexibele houding en goede beheersing van de "
          "Nederlandse taal.</p><p>Wat wij bieden: " + hours_text + " " + SalaryText(rng_, lo, hi, hours) + " " +
          ContractText(rng_) + " Reiskostenvergoeding en 8% vakantiegeld.</p>";
  while (text.size() < description_bytes_) text += std::string("<p>") + Pick(rng_, Boilerplate()) + "</p>";
  const Days posted = DaysFromCivil(2026, 11, 23) - std::uniform_int_distribution<int>(0, 55)(rng_);
  RawPosting base;
  base.title = Pick(rng_, t.titles);
  base.employer = "Werkgever " + std::to_string(id % 25000);
  base.description = text;
  base.place = place.name;
  base.region = place.province;
  base.date_posted = FormatDate(posted);
  if (Chance(rng_, 0.7)) base.valid_through = FormatDate(posted + std::uniform_int_distribution<int>(30, 90)(rng_));
  std::vector<RawPosting> out;
  const int copies = Chance(rng_, 0.35) ? std::uniform_int_distribution<int>(2, 5)(rng_) : 1;
  for (int c = 0; c < copies; ++c) {
    RawPosting p = base;
    p.source = "bron-" + std::to_string((id * 7 + c * 13) % 1000);
    p.external_id = std::to_string(id) + "-" + std::to_string(c);
    p.url = "https://bron.voorbeeld.invalid/" + p.source + "/" + p.external_id;
    if (c % 2 == 1) p.title = ToLowerAscii(p.title) + " (m/v/x)";  // an agency's copy
    out.push_back(std::move(p));
  }
  return out;
}

CandidateProfile Generator::NextCandidate(const FmlSchema& schema) {
  static const std::vector<std::pair<const char*, std::vector<int>>> kLimits = {
      {"VI.etmaal", {2}}, {"VI.etmaal", {1, 2}}, {"IV.tillen", {1}}, {"IV.tillen", {2}}, {"V.staan_werk", {1}},
      {"II.voorwaarden", {1}}, {"VI.uren_week", {2}}, {"I.voorwaarden", {4, 5}}, {"II.beroepsvervoer", {1}},
      {"III.temperatuur", {2}}, {"IV.klimmen", {2}}, {"III.geluid", {1}}};
  CandidateProfile c;
  c.id = "kandidaat-" + std::to_string(++candidate_counter_);
  c.name = "Kandidaat " + std::to_string(candidate_counter_);
  c.email = c.id + "@voorbeeld.invalid";
  const Place& home = RandomPlace();
  c.home.place = home.name;
  c.home.lat = home.lat;
  c.home.lon = home.lon;
  c.travel.max_minutes = std::uniform_int_distribution<int>(20, 90)(rng_);
  c.travel.mode = Chance(rng_, 0.7) ? "auto" : Chance(rng_, 0.7) ? "ov" : "fiets";
  c.maatmanloon = {Uniform(rng_, 2200, 4500), "maand", 38};
  for (int i = 0, n = std::uniform_int_distribution<int>(0, 4)(rng_); i < n; ++i) {
    const auto& [key, levels] = Pick(rng_, kLimits);
    if (schema.Find(key)) c.fml[key] = FmlLimit{levels, ""};
  }
  const OccupationTemplate& t = Pick(rng_, Templates());
  c.competences.assign(t.competences.begin(), t.competences.end());
  c.target_occupations = {t.titles[0]};
  if (Chance(rng_, 0.4)) c.hours_available = 24 + 4 * std::uniform_int_distribution<int>(0, 3)(rng_);
  c.requires_structural = Chance(rng_, 0.3);
  return c;
}

}  // namespace passend::bench
