#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "indexer/index.h"
#include "indexer/ingest.h"
#include "model/json_io.h"
#include "indexer/record_store.h"
#include "indexer/schema.h"
#include "tests/test_util.h"

namespace passend {
namespace {

Vacancy Sample(const std::string& key, const std::string& valid_through = "") {
  Vacancy v;
  v.key = key;
  v.title = "Administratief medewerker";
  v.description = "Je verwerkt facturen in een klein team.";
  v.location.place = "Utrecht";
  v.location.province = "Utrecht";
  v.location.lat = 52.09;
  v.location.lon = 5.12;
  v.valid_through = valid_through;
  v.contract = "vast";
  v.demands.push_back({"VI.etmaal", 2, std::nullopt, "text", "nachtdienst", 3, 0.95});
  v.demands.push_back({"IV.tillen", 0, std::nullopt, "text", "fysiek werk", 9, 0.6});
  return v;
}

// An index at `path` holding the committed Sample(key).
void IndexSample(const std::string& path, const std::string& key) {
  auto index = VacancyIndex::OpenWritable(path);
  ASSERT_TRUE(index.ok()) << index.status().message();
  ASSERT_TRUE(index->Upsert(Sample(key), 0).ok());
  ASSERT_TRUE(index->Commit().ok());
}

TEST(IndexTest, UpsertAddsSkipsUnchangedAndKeepsFirstSeenOnUpdate) {
  const std::string dir = test::MakeTempDir("index");
  auto index = VacancyIndex::OpenWritable(dir + "/idx");
  ASSERT_TRUE(index.ok()) << index.status().message();
  const Days day1 = *ParseIsoDate("2026-11-01"), day2 = *ParseIsoDate("2026-11-08");
  EXPECT_EQ(*index->Upsert(Sample("a"), day1), UpsertOutcome::kAdded);
  EXPECT_EQ(*index->Upsert(Sample("a"), day2), UpsertOutcome::kUnchanged);
  Vacancy changed = Sample("a");
  changed.description += " Nieuw: 32 uur.";
  EXPECT_EQ(*index->Upsert(changed, day2), UpsertOutcome::kUpdated);
  ASSERT_TRUE(index->Commit().ok());
  EXPECT_EQ(*index->Count(), 1u);
  auto reader = VacancyReader::Open(dir + "/idx");
  ASSERT_TRUE(reader.ok());
  auto v = reader->Get("a");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->first_seen, "2026-11-01");  // kept through the update
  EXPECT_NE(v->description.find("32 uur"), std::string::npos);
}

// A vacancy titled `title` with `text` as its description, by `employer`, in Utrecht.
Vacancy Posting(const std::string& key, const std::string& title, const std::string& employer,
                const std::string& text) {
  Vacancy v = Sample(key);
  v.title = title;
  v.employer = employer;
  v.description = text;
  return v;
}

std::string JobOf(const VacancyReader& reader, const std::string& key) {
  const Xapian::Database& db = reader.database();
  const std::string term = schema::kIdPrefix + key;
  if (db.postlist_begin(term) == db.postlist_end(term)) return "(not indexed)";
  return db.get_document(*db.postlist_begin(term)).get_value(schema::kSlotCollapseKey);
}

TEST(IndexTest, ACopyJoinsTheJobOfItsOriginalWhetherThatIsCommittedOrNot) {
  const std::string invoices =
      "Je verwerkt inkomende facturen en declaraties in ons financieel systeem en je controleert of bedragen en "
      "grootboekrekeningen kloppen. Bij vragen bel je leveranciers en collega's van andere afdelingen. Je werkt "
      "24 uur per week op kantoor in het centrum, met een contract voor een jaar.";
  const std::string archive =
      "Je beheert het digitale archief van de gemeente, je scant binnenkomende post en je zorgt dat dossiers "
      "compleet zijn voordat ze worden afgesloten. Je werkt nauw samen met de juridische afdeling en de balie.";
  const std::string agency = "Voor onze opdrachtgever zoeken wij een medewerker. ";
  const std::string dir = test::MakeTempDir("jobs") + "/idx";
  const Days day = *ParseIsoDate("2026-11-01");
  {
    auto index = VacancyIndex::OpenWritable(dir);
    ASSERT_TRUE(index->Upsert(Posting("own", "Administratief medewerker", "Gemeente Voorbeeld", invoices), day).ok());
    ASSERT_TRUE(index->Commit().ok());
    // Found through the last commit, and through memory within one batch.
    ASSERT_TRUE(index->Upsert(Posting("copy", "Medewerker administratie", "Uitzendbureau Flexwerk", agency + invoices), day).ok());
    ASSERT_TRUE(index->Upsert(Posting("archive", "Archiefmedewerker", "Gemeente Voorbeeld", archive), day).ok());
    ASSERT_TRUE(index->Upsert(Posting("archive-copy", "Archiefmedewerker (m/v)", "Uitzendbureau Flexwerk", agency + archive), day).ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  {
    auto index = VacancyIndex::OpenWritable(dir);  // a new session reads the committed ones
    ASSERT_TRUE(index->Upsert(Posting("board", "ADMINISTRATIEF MEDEWERKER", "Banenbord", invoices + " Solliciteer snel."), day + 1).ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  auto reader = VacancyReader::Open(dir);
  ASSERT_TRUE(reader.ok());
  const std::string invoice_job = JobOf(*reader, "own");
  EXPECT_EQ(JobOf(*reader, "copy"), invoice_job);
  EXPECT_EQ(JobOf(*reader, "board"), invoice_job);
  EXPECT_EQ(JobOf(*reader, "archive-copy"), JobOf(*reader, "archive"));
  EXPECT_NE(JobOf(*reader, "archive"), invoice_job);
}

const char kInvoices[] =
    "Je verwerkt inkomende facturen en declaraties in ons financieel systeem en je controleert of bedragen en "
    "grootboekrekeningen kloppen. Bij vragen bel je leveranciers en collega's van andere afdelingen. Je werkt "
    "24 uur per week op kantoor in het centrum, met een contract voor een jaar.";

TEST(IndexTest, ACopyFindsItsOriginalAfterACompactionButNotAfterItsRemoval) {
  const std::string dir = test::MakeTempDir("jobs-compact") + "/idx";
  const Days day = *ParseIsoDate("2026-11-01");
  {
    auto index = VacancyIndex::OpenWritable(dir);
    ASSERT_TRUE(index->Upsert(Posting("own", "Administratief medewerker", "Gemeente Voorbeeld", kInvoices), day).ok());
    ASSERT_TRUE(index->Upsert(Posting("twin", "Boekhouder", "Gemeente Voorbeeld", kInvoices), day).ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  ASSERT_TRUE(CompactIndex(dir).ok());
  std::string old_job;
  {
    auto index = VacancyIndex::OpenWritable(dir);
    ASSERT_TRUE(index.ok()) << index.status().message();
    // Found through the band files the compaction carried over.
    ASSERT_TRUE(index->Upsert(Posting("copy", "Administratief medewerker (m/v)", "Uitzendbureau Flexwerk", kInvoices), day + 1).ok());
    ASSERT_TRUE(index->Commit().ok());
    auto reader = VacancyReader::Open(dir);
    old_job = JobOf(*reader, "own");
    EXPECT_EQ(JobOf(*reader, "copy"), old_job);
    for (const char* key : {"own", "twin", "copy"}) ASSERT_TRUE(index->Remove(key).ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  {
    // Their bands are still on file until a merge: the next copy finds no document for them.
    auto index = VacancyIndex::OpenWritable(dir);
    ASSERT_TRUE(index->Upsert(Posting("later", "Medewerker administratie", "Banenbord", kInvoices), day + 2).ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  auto reader = VacancyReader::Open(dir);
  const std::string later_job = JobOf(*reader, "later");
  EXPECT_NE(later_job, "(not indexed)");
  EXPECT_NE(later_job, old_job);
}

TEST(IndexTest, DocidOrderIsNewestFirstAcrossSessionsAndUpdatesKeepTheirPlace) {
  const std::string dir = test::MakeTempDir("docids") + "/idx";
  const Days day = *ParseIsoDate("2026-11-01");
  {
    auto index = VacancyIndex::OpenWritable(dir);
    ASSERT_TRUE(index->Upsert(Sample("old"), day).ok());
    ASSERT_TRUE(index->Upsert(Sample("middle"), day).ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  {
    auto index = VacancyIndex::OpenWritable(dir);
    Vacancy changed = Sample("old");
    changed.description += " Nu ook parttime.";
    ASSERT_EQ(*index->Upsert(changed, day + 7), UpsertOutcome::kUpdated);
    ASSERT_TRUE(index->Upsert(Sample("new"), day + 7).ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  auto reader = VacancyReader::Open(dir);
  const Xapian::Database& db = reader->database();
  std::vector<std::string> in_docid_order;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    for (auto t = db.termlist_begin(*it); t != db.termlist_end(*it); ++t) {
      if ((*t)[0] == 'Q') in_docid_order.push_back((*t).substr(1));
    }
  }
  EXPECT_EQ(in_docid_order, (std::vector<std::string>{"new", "middle", "old"}));
}

TEST(IndexTest, PostingsWrittenWithoutACommitDoNotLoseTheirDocidsToTheNextSession) {
  const std::string dir = test::MakeTempDir("docids-uncommitted") + "/idx";
  {
    auto index = VacancyIndex::OpenWritable(dir);
    ASSERT_TRUE(index->Upsert(Sample("a"), 0).ok());
    ASSERT_TRUE(index->Commit().ok());
    // Not committed by us: Xapian writes it when it flushes on its own or closes.
    ASSERT_TRUE(index->Upsert(Sample("b"), 0).ok());
  }
  {
    auto index = VacancyIndex::OpenWritable(dir);
    ASSERT_TRUE(index.ok()) << index.status().message();
    EXPECT_EQ(*index->Upsert(Sample("c"), 0), UpsertOutcome::kAdded);
    ASSERT_TRUE(index->Commit().ok());
    EXPECT_EQ(*index->Count(), 3u);
  }
  auto reader = VacancyReader::Open(dir);
  for (const char* key : {"a", "b", "c"}) EXPECT_TRUE(reader->Get(key).ok()) << key;
}

TEST(IndexTest, DamagedDocidMetadataIsNamed) {
  const std::string dir = test::MakeTempDir("docid-meta") + "/idx";
  {
    auto index = VacancyIndex::OpenWritable(dir);
    ASSERT_TRUE(index->Commit().ok());
  }
  {
    Xapian::WritableDatabase db(dir);
    db.set_metadata("passend_next_docid", "zes");
    db.commit();
  }
  auto index = VacancyIndex::OpenWritable(dir);
  ASSERT_FALSE(index.ok());
  EXPECT_EQ(index.status().message(), dir + ": metadata passend_next_docid: \"zes\" is not a document id; remove the "
                                            "directory and crawl again");
}

// JSON Lines of `n` vacancies, every 700th line broken (title not a string), line numbers from 1.
std::string JsonLines(int n) {
  std::string out;
  for (int i = 1; i <= n; ++i) {
    if (i % 700 == 0) {
      out += R"({"key": "k)" + std::to_string(i) + R"(", "title": 7})" "\n";
    } else {
      Vacancy v = Sample("k" + std::to_string(i));
      v.description += " Vacature " + std::to_string(i) + ".";
      out += VacancyToJson(v) + "\n";
    }
    if (i == 2) out += "\n";  // blank lines are counted and skipped
  }
  return out;
}

TEST(IngestTest, LoadsEveryGoodLineAndNamesTheBadOnesInOrder) {
  const std::string dir = test::MakeTempDir("ingest");
  auto index = VacancyIndex::OpenWritable(dir + "/idx");
  ASSERT_TRUE(index.ok());
  IngestOptions options;
  options.today = *ParseIsoDate("2026-11-23");
  options.batch = 500;  // several commits, and more lines than the reader may hold ahead
  std::vector<std::string> errors;
  options.on_error = [&](const std::string& e) { errors.push_back(e); };
  std::istringstream in(JsonLines(3000));
  auto report = IngestJsonLines(in, "v.jsonl", *index, options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->lines, 3001);
  EXPECT_EQ(report->added, 2996);
  EXPECT_EQ(report->bad, 4);
  // Line 700 of the vacancies is line 701 of the file, after the blank line.
  EXPECT_EQ(errors, (std::vector<std::string>{"v.jsonl:701: title: expected a string", "v.jsonl:1401: title: expected a string",
                                              "v.jsonl:2101: title: expected a string",
                                              "v.jsonl:2801: title: expected a string"}));
  auto reader = VacancyReader::Open(dir + "/idx");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader->database().get_doccount(), 2996u);
  auto last = reader->Get("k3000");
  ASSERT_TRUE(last.ok());
  EXPECT_NE(last->description.find("Vacature 3000."), std::string::npos);

  std::istringstream again(JsonLines(3000));
  auto second = IngestJsonLines(again, "v.jsonl", *index, options);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->unchanged, 2996);
  EXPECT_EQ(second->added, 0);
}

// Whether the index's document for `key` has the title term of `word`.
bool TitleTermIndexed(const std::string& path, const std::string& key, const std::string& word) {
  Xapian::Database db(path);
  const Xapian::docid id = *db.postlist_begin(schema::kIdPrefix + key);
  const std::string term = TextTerms(word, schema::kTitlePrefix).at(0);
  for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) {
    if (*t == term) return true;
  }
  return false;
}

// The reader thread only hashes a line the index held unchanged when the load began; an
// earlier line of the same load may have changed that vacancy since, and then the writer
// prepares the rest itself.
TEST(IngestTest, ALineHeldUnchangedAtTheStartIsWrittenWholeWhenAnEarlierLineChangedIt) {
  const std::string dir = test::MakeTempDir("ingest-hint");
  const std::string path = dir + "/idx";
  IndexSample(path, "k1");
  Vacancy changed = Sample("k1");
  changed.title = "Heftruckchauffeur";
  const std::string lines = VacancyToJson(changed) + "\n" + VacancyToJson(Sample("k1")) + "\n";

  auto index = VacancyIndex::OpenWritable(path);
  ASSERT_TRUE(index.ok());
  std::istringstream in(lines);
  auto report = IngestJsonLines(in, "v.jsonl", *index, IngestOptions{});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->updated, 2);
  EXPECT_EQ(report->unchanged, 0);
  auto reader = VacancyReader::Open(path);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader->Get("k1")->title, "Administratief medewerker");
  EXPECT_TRUE(TitleTermIndexed(path, "k1", "administratief"));
  EXPECT_FALSE(TitleTermIndexed(path, "k1", "heftruckchauffeur"));
}

// A reload while the writer commits every 100 lines: the reader's view of the index goes
// stale under it and is read again; every line still gets its outcome.
TEST(IngestTest, AReloadWritesTheChangedLinesAndLeavesTheRest) {
  const std::string dir = test::MakeTempDir("ingest-reload");
  auto index = VacancyIndex::OpenWritable(dir + "/idx");
  ASSERT_TRUE(index.ok());
  IngestOptions options;
  options.batch = 100;
  std::string first, second;
  for (int i = 1; i <= 3000; ++i) {
    Vacancy v = Sample("k" + std::to_string(i));
    first += VacancyToJson(v) + "\n";
    if (i % 3 == 0) v.title = "Heftruckchauffeur";
    second += VacancyToJson(v) + "\n";
  }
  std::istringstream in(first);
  ASSERT_TRUE(IngestJsonLines(in, "v.jsonl", *index, options).ok());
  std::istringstream again(second);
  auto report = IngestJsonLines(again, "v.jsonl", *index, options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->updated, 1000);
  EXPECT_EQ(report->unchanged, 2000);
  EXPECT_TRUE(TitleTermIndexed(dir + "/idx", "k2997", "heftruckchauffeur"));
  EXPECT_TRUE(TitleTermIndexed(dir + "/idx", "k3000", "heftruckchauffeur"));
  EXPECT_TRUE(TitleTermIndexed(dir + "/idx", "k2998", "administratief"));
}

TEST(IngestTest, AnIndexErrorStopsTheLoadAndKeepsWhatWasCommitted) {
  const std::string dir = test::MakeTempDir("ingest-stop");
  auto index = VacancyIndex::OpenWritable(dir + "/idx");
  ASSERT_TRUE(index.ok());
  std::string lines = JsonLines(600);
  // A key longer than a Xapian term may be: the upsert fails, with 3,000 lines still to read.
  lines += VacancyToJson(Sample(std::string(300, 'x'))) + "\n" + JsonLines(3000);
  IngestOptions options;
  options.batch = 250;
  std::istringstream in(lines);
  auto report = IngestJsonLines(in, "v.jsonl", *index, options);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("upsert " + std::string(300, 'x')), std::string::npos)
      << report.status().message();
  auto reader = VacancyReader::Open(dir + "/idx");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader->database().get_doccount(), 500u);  // the two batches committed before the failure
}

TEST(CompactTest, KeepsEveryVacancyAndDocidAndTheWriterGoesOn) {
  const std::string dir = test::MakeTempDir("compact");
  const std::string path = dir + "/idx";
  std::map<std::string, Xapian::docid> before;
  {
    auto index = VacancyIndex::OpenWritable(path);
    ASSERT_TRUE(index.ok());
    std::istringstream in(JsonLines(2000));
    IngestOptions options;
    options.batch = 300;
    ASSERT_TRUE(IngestJsonLines(in, "v.jsonl", *index, options).ok());
    Xapian::Database db(path);
    for (auto t = db.allterms_begin(schema::kIdPrefix); t != db.allterms_end(schema::kIdPrefix); ++t) {
      before[*t] = *db.postlist_begin(*t);
    }
  }
  auto report = CompactIndex(path);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->documents, 1998u);  // two of the 2,000 lines are bad
  EXPECT_LT(report->bytes_after, report->bytes_before);
  EXPECT_FALSE(std::filesystem::exists(path + ".old"));
  EXPECT_FALSE(std::filesystem::exists(path + ".compacting"));
  {
    Xapian::Database db(path);
    std::map<std::string, Xapian::docid> after;
    for (auto t = db.allterms_begin(schema::kIdPrefix); t != db.allterms_end(schema::kIdPrefix); ++t) {
      after[*t] = *db.postlist_begin(*t);
    }
    EXPECT_EQ(after, before);
  }
  auto reader = VacancyReader::Open(path);
  ASSERT_TRUE(reader.ok());
  for (const auto& [term, id] : before) {
    auto v = reader->Get(term.substr(1));
    ASSERT_TRUE(v.ok()) << v.status().message();
    EXPECT_EQ(v->key, term.substr(1));
  }
  // The writer goes on below the lowest docid: docid order stays newest first.
  auto index = VacancyIndex::OpenWritable(path);
  ASSERT_TRUE(index.ok()) << index.status().message();
  EXPECT_EQ(*index->Upsert(Sample("nieuw"), 0), UpsertOutcome::kAdded);
  ASSERT_TRUE(index->Commit().ok());
  Xapian::Database db(path);
  Xapian::docid lowest = 0xffffffffu;
  for (const auto& [term, id] : before) lowest = std::min(lowest, id);
  EXPECT_EQ(*db.postlist_begin("Qnieuw"), lowest - 1);
}

TEST(CompactTest, DropsTheRecordsOfReplacedAndRemovedVacancies) {
  const std::string path = test::MakeTempDir("compact-records") + "/idx";
  {
    auto index = VacancyIndex::OpenWritable(path);
    ASSERT_TRUE(index.ok());
    for (int version = 1; version <= 4; ++version) {
      Vacancy a = Sample("a");
      a.description += " Versie " + std::to_string(version) + ".";
      ASSERT_TRUE(index->Upsert(a, 0).ok());
    }
    ASSERT_TRUE(index->Upsert(Sample("b"), 0).ok());
    ASSERT_TRUE(index->Remove("b").ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  const uintmax_t before = std::filesystem::file_size(path + "/passend_records");
  ASSERT_TRUE(CompactIndex(path).ok());
  const uintmax_t after = std::filesystem::file_size(path + "/passend_records");
  EXPECT_LT(after * 4, before);  // one entry of the five
  auto reader = VacancyReader::Open(path);
  ASSERT_TRUE(reader.ok());
  auto a = reader->Get("a");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_NE(a->description.find("Versie 4."), std::string::npos);
}

TEST(IndexTest, AVacancyWhoseRecordWasLostIsWrittenAgainByItsNextUpsert) {
  const std::string path = test::MakeTempDir("lost-record") + "/idx";
  IndexSample(path, "a");
  // As after a power cut between Xapian's own commit and the records reaching the disk.
  std::filesystem::remove(path + "/passend_records");
  std::filesystem::remove(path + "/passend_records.idx");
  {
    auto reader = VacancyReader::Open(path);
    ASSERT_TRUE(reader.ok());
    EXPECT_EQ(reader->Get("a").status().message(),
              "document " + std::to_string(schema::kFirstDocid) + ": no record in " + path +
                  "/passend_records; the next crawl or load of the vacancy writes it again");
  }
  auto index = VacancyIndex::OpenWritable(path);
  ASSERT_TRUE(index.ok()) << index.status().message();
  EXPECT_EQ(*index->Upsert(Sample("a"), 0), UpsertOutcome::kUpdated);
  EXPECT_EQ(*index->Upsert(Sample("a"), 0), UpsertOutcome::kUnchanged);
  ASSERT_TRUE(index->Commit().ok());
  auto reader = VacancyReader::Open(path);
  ASSERT_TRUE(reader.ok());
  auto a = reader->Get("a");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Administratief medewerker");
}

TEST(IndexTest, ADamagedRecordIsNamedByIndexAndDocument) {
  const std::string path = test::MakeTempDir("damaged-record") + "/idx";
  IndexSample(path, "a");
  {
    auto records = RecordStore::OpenWritable(path);
    ASSERT_TRUE(records.ok()) << records.status().message();
    ASSERT_TRUE(records->Put(schema::kFirstDocid, "\x7f", "job", "").ok());
    ASSERT_TRUE(records->Commit().ok());
  }
  auto reader = VacancyReader::Open(path);
  ASSERT_TRUE(reader.ok());
  const std::string message = reader->Get("a").status().message();
  EXPECT_EQ(message.rfind(path + ": document 4000000000: vacancy record of version 127", 0), 0u) << message;
}

TEST(CompactTest, RefusesWhileTheIndexIsWrittenAndLosesNothing) {
  const std::string dir = test::MakeTempDir("compact-busy");
  auto index = VacancyIndex::OpenWritable(dir + "/idx");
  ASSERT_TRUE(index.ok());
  ASSERT_TRUE(index->Upsert(Sample("a"), 0).ok());
  ASSERT_TRUE(index->Commit().ok());
  auto report = CompactIndex(dir + "/idx");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(), dir + "/idx: the index is being written (a crawl or `passend index` is "
                                             "running); compact it afterwards");
  ASSERT_TRUE(index->Upsert(Sample("b"), 0).ok());
  ASSERT_TRUE(index->Commit().ok());
  EXPECT_EQ(*index->Count(), 2u);
  auto missing = CompactIndex(dir + "/nothing");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), dir + "/nothing: no index here; run `passend crawl` first");
}

TEST(CompactTest, AnIndexLeftAsOldByAnInterruptedSwapIsPutBack) {
  const std::string dir = test::MakeTempDir("compact-crash");
  IndexSample(dir + "/idx", "a");
  std::filesystem::rename(dir + "/idx", dir + "/idx.old");  // as a crash between the renames leaves it
  auto reader = VacancyReader::Open(dir + "/idx");
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_TRUE(reader->Get("a").ok());
  EXPECT_FALSE(std::filesystem::exists(dir + "/idx.old"));
}

TEST(IndexTest, FilterTermsFollowTheSchema) {
  const std::string dir = test::MakeTempDir("terms");
  IndexSample(dir + "/idx", "a");
  Xapian::Database db(dir + "/idx");
  auto has = [&](const std::string& term) { return db.term_exists(term); };
  EXPECT_TRUE(has("Qa"));
  EXPECT_TRUE(has("XCvast"));
  EXPECT_TRUE(has(schema::DemandTerm("VI.etmaal", 2)));
  EXPECT_FALSE(has(schema::DemandTerm("IV.tillen", 0)));  // weak evidence is no filter term
  EXPECT_TRUE(has(schema::kWageUnknownTerm));
  EXPECT_TRUE(has("XG" + GeoCellsOf(52.09, 5.12).front()));
  EXPECT_TRUE(has("ZS" + Xapian::Stem("dutch")("administratief")));
  EXPECT_FALSE(has("Sadministratief"));  // stemmed terms only
  EXPECT_TRUE(has("Z" + Xapian::Stem("dutch")("facturen")));
  EXPECT_FALSE(has("Zje"));  // "Je verwerkt facturen in een klein team": function words are skipped
  EXPECT_FALSE(has("Zeen"));
  EXPECT_FALSE(has("XPutrecht"));  // nothing reads a province term (schema 9)
}

// The matcher's phrases skip what the index skips, so "omgaan met klanten" still finds the
// vacancy that names it.
TEST(IndexTest, TextTermsSkipFunctionWordsAndNumbers) {
  const Xapian::Stem stem("dutch");
  EXPECT_EQ(TextTerms("Omgaan met klanten"), (std::vector<std::string>{"Z" + stem("klanten"), "Z" + stem("omgaan")}));
  const std::vector<std::string> terms = TextTerms("Je werkt 32 uur per week voor € 2.850,50 bruto in 4x9");
  for (const char* skipped : {"Zje", "Z32", "Z2.850,50", "Zvoor", "Zin"}) {
    EXPECT_EQ(std::count(terms.begin(), terms.end(), skipped), 0) << skipped;
  }
  for (const std::string& kept : {"Z" + stem("werkt"), "Z" + stem("uur"), "Z" + stem("bruto"), std::string("Z4x9")}) {
    EXPECT_EQ(std::count(terms.begin(), terms.end(), kept), 1) << kept;
  }
}

// One wage and one hours term per vacancy, so the matcher can exclude the few below a
// floor or above a cap: the lowest wage threshold above the wage, the highest hours
// threshold below the hours.
TEST(IndexTest, WageAndHoursTermsAreTheBucketsAroundTheValue) {
  struct Case {
    std::optional<double> wage, hours;
    std::vector<std::string> terms;
  };
  const Case cases[] = {
      {16.0, 32, {"XHgt28", "XWlt17"}},      // on a threshold: the bucket above / below it
      {15.99, 32.5, {"XHgt32", "XWlt16"}},
      {14.0, 8, {"XWlt15"}},                 // at the lowest hours threshold: no hours term
      {40.0, 40, {"XHgt36"}},                // at the highest wage threshold: no wage term
      {std::nullopt, std::nullopt, {"XHunknown", "XWunknown"}},
  };
  const std::string dir = test::MakeTempDir("buckets") + "/idx";
  {
    auto index = VacancyIndex::OpenWritable(dir);
    ASSERT_TRUE(index.ok());
    for (size_t i = 0; i < std::size(cases); ++i) {
      Vacancy v = Sample("v" + std::to_string(i));
      v.salary.hourly_max = cases[i].wage;
      v.hours.min = cases[i].hours;
      ASSERT_TRUE(index->Upsert(v, 0).ok());
    }
    ASSERT_TRUE(index->Commit().ok());
  }
  Xapian::Database db(dir);
  for (size_t i = 0; i < std::size(cases); ++i) {
    const Xapian::docid id = *db.postlist_begin("Qv" + std::to_string(i));
    std::vector<std::string> terms;
    for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) {
      if ((*t).rfind("XW", 0) == 0 || (*t).rfind("XH", 0) == 0) terms.push_back(*t);
    }
    EXPECT_EQ(terms, cases[i].terms) << "case " << i;
  }
}

TEST(IndexTest, ExpireRemovesOnlyVacanciesPastValidThrough) {
  const std::string dir = test::MakeTempDir("expire");
  auto index = VacancyIndex::OpenWritable(dir + "/idx");
  ASSERT_TRUE(index.ok());
  ASSERT_TRUE(index->Upsert(Sample("old", "2026-11-22"), 0).ok());
  ASSERT_TRUE(index->Upsert(Sample("today", "2026-11-23"), 0).ok());
  ASSERT_TRUE(index->Upsert(Sample("none"), 0).ok());
  auto expired = index->ExpireBefore(*ParseIsoDate("2026-11-23"));
  ASSERT_TRUE(expired.ok());
  EXPECT_EQ(*expired, 1);
  ASSERT_TRUE(index->Commit().ok());
  auto reader = VacancyReader::Open(dir + "/idx");
  EXPECT_FALSE(reader->Get("old").ok());
  EXPECT_TRUE(reader->Get("today").ok());
  EXPECT_TRUE(reader->Get("none").ok());
}

TEST(IndexTest, MissingIndexAndOtherSchemaGiveClearMessages) {
  const std::string dir = test::MakeTempDir("schema");
  auto missing = VacancyReader::Open(dir + "/nothing");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), dir + "/nothing: no index here; run `passend crawl` first");
  {
    Xapian::WritableDatabase db(dir + "/old", Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(schema::kVersionKey, "0");
    db.add_document(Xapian::Document());
    db.commit();
  }
  auto old = VacancyReader::Open(dir + "/old");
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().message(),
            dir + "/old: index schema version 0, this passend needs " + std::string(schema::kSchemaVersion) + "; remove the directory and crawl again");
  EXPECT_FALSE(VacancyIndex::OpenWritable(dir + "/old").ok());
}

}  // namespace
}  // namespace passend
