#include "indexer/record_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "indexer/schema.h"
#include "tests/test_util.h"

namespace passend {
namespace {

constexpr Xapian::docid kNewest = schema::kFirstDocid;

RecordStore OpenWritable(const std::string& dir) {
  auto store = RecordStore::OpenWritable(dir);
  EXPECT_TRUE(store.ok()) << store.status().message();
  return std::move(*store);
}

RecordStore OpenReadOnly(const std::string& dir) {
  auto store = RecordStore::OpenReadOnly(dir);
  EXPECT_TRUE(store.ok()) << store.status().message();
  return std::move(*store);
}

// "record|description" of `docid`, or the status message.
std::string Read(const RecordStore& store, Xapian::docid docid) {
  auto entry = store.Get(docid);
  if (!entry.ok()) return entry.status().message();
  return std::string(entry->record) + "|" + std::string(entry->description);
}

uintmax_t DataBytes(const std::string& dir) {
  return std::filesystem::file_size(dir + "/passend_records");
}

TEST(RecordStoreTest, KeepsTheNewestEntryOfEachDocumentAcrossSessions) {
  const std::string dir = test::MakeTempDir("records");
  {
    RecordStore store = OpenWritable(dir);
    ASSERT_TRUE(store.Put(kNewest, "r1", "job-1", "omschrijving 1").ok());
    ASSERT_TRUE(store.Put(kNewest - 1, "r2", "job-2", "").ok());
    ASSERT_TRUE(store.Put(kNewest, "r1b", "job-1", "omschrijving 1b").ok());  // an update
    EXPECT_EQ(Read(store, kNewest), "r1b|omschrijving 1b");
    ASSERT_TRUE(store.Commit().ok());
  }
  const RecordStore store = OpenReadOnly(dir);
  EXPECT_EQ(Read(store, kNewest), "r1b|omschrijving 1b");
  EXPECT_EQ(Read(store, kNewest - 1), "r2|");
  EXPECT_EQ(store.Get(kNewest - 1)->job, "job-2");
  EXPECT_TRUE(store.Has(kNewest - 1));
  EXPECT_FALSE(store.Has(kNewest - 2));
  auto missing = store.Get(kNewest - 2);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(),
            "document 3999999998: no record in " + dir +
                "/passend_records; the next crawl or load of the vacancy writes it again");
}

TEST(RecordStoreTest, AReaderSeesWhatTheWriterPutsLaterAndBeyondItsMappings) {
  const std::string dir = test::MakeTempDir("records");
  RecordStore writer = OpenWritable(dir);
  ASSERT_TRUE(writer.Put(kNewest, "eerste", "j", "").ok());
  ASSERT_TRUE(writer.Commit().ok());
  const RecordStore reader = OpenReadOnly(dir);
  ASSERT_EQ(Read(reader, kNewest), "eerste|");
  // Past the 65,536 offsets the files start with, and far past the records mapped so far.
  const Xapian::docid far = kNewest - 200000;
  ASSERT_TRUE(writer.Put(far, std::string(100000, 'x'), "j", "ver weg").ok());
  ASSERT_TRUE(writer.Put(kNewest, "eerste, bijgewerkt", "j", "").ok());
  EXPECT_EQ(Read(reader, far), std::string(100000, 'x') + "|ver weg");
  EXPECT_EQ(Read(reader, kNewest), "eerste, bijgewerkt|");
}

TEST(RecordStoreTest, AfterACrashTheCompleteEntriesAreFoundAndATornOneIsCutOff) {
  const std::string dir = test::MakeTempDir("records");
  uintmax_t complete = 0;
  {
    RecordStore store = OpenWritable(dir);
    ASSERT_TRUE(store.Put(kNewest, "vastgelegd", "j", "").ok());
    ASSERT_TRUE(store.Commit().ok());
    // Put before Xapian has the document, which it may commit on its own; then a crash.
    ASSERT_TRUE(store.Put(kNewest - 1, "niet vastgelegd", "j", "").ok());
    ASSERT_TRUE(store.Put(kNewest, "vastgelegd, bijgewerkt", "j", "").ok());
    complete = DataBytes(dir);
  }
  std::ofstream(dir + "/passend_records", std::ios::app | std::ios::binary)
      << std::string("\x05\x00\x00", 3);  // torn
  ASSERT_EQ(DataBytes(dir), complete + 3);
  {
    RecordStore store = OpenWritable(dir);
    EXPECT_EQ(DataBytes(dir), complete);
    EXPECT_EQ(Read(store, kNewest - 1), "niet vastgelegd|");
    EXPECT_EQ(Read(store, kNewest), "vastgelegd, bijgewerkt|");
    ASSERT_TRUE(store.Put(kNewest - 2, "daarna", "j", "").ok());
    ASSERT_TRUE(store.Commit().ok());
  }
  const RecordStore store = OpenReadOnly(dir);
  EXPECT_EQ(Read(store, kNewest - 2), "daarna|");
  EXPECT_EQ(Read(store, kNewest - 1), "niet vastgelegd|");
}

TEST(RecordStoreTest, AFailedWriteIsUndoneAndTheNextOneLands) {
  const std::string dir = test::MakeTempDir("records");
  RecordStore store = OpenWritable(dir);
  ASSERT_TRUE(store.Put(kNewest, "klein", "j", "").ok());
  const uintmax_t before = DataBytes(dir);
  const Status failed = test::WithFileSizeLimit(
      before + 100, [&] { return store.Put(kNewest - 1, std::string(1000, 'y'), "j", ""); });
  EXPECT_EQ(failed.message().rfind(dir + "/passend_records: write failed: ", 0), 0u)
      << failed.message();
  EXPECT_EQ(DataBytes(dir), before);
  EXPECT_FALSE(store.Has(kNewest - 1));
  ASSERT_TRUE(store.Put(kNewest - 1, "past wel", "j", "").ok());
  ASSERT_TRUE(store.Commit().ok());
  EXPECT_EQ(Read(OpenReadOnly(dir), kNewest - 1), "past wel|");
}

TEST(RecordStoreTest, AFileOfSomethingElseIsRefusedByName) {
  const std::string dir = test::MakeTempDir("records");
  std::ofstream(dir + "/passend_records", std::ios::binary) << "PBANDS01 and more";
  const std::string expected =
      dir +
      "/passend_records: not a records file of this passend (damaged?); remove the index "
      "directory and crawl again";
  EXPECT_EQ(RecordStore::OpenWritable(dir).status().message(), expected);
  EXPECT_EQ(RecordStore::OpenReadOnly(dir).status().message(), expected);
}

TEST(RecordStoreTest, AReaderRefusesAnOffsetsFileOfSomethingElseByName) {
  const std::string dir = test::MakeTempDir("records");
  {
    RecordStore store = OpenWritable(dir);
    ASSERT_TRUE(store.Put(kNewest, "r", "j", "").ok());
    ASSERT_TRUE(store.Commit().ok());
  }
  std::ofstream(dir + "/passend_records.idx", std::ios::binary) << "PBANDS01 and more bytes";
  EXPECT_EQ(
      RecordStore::OpenReadOnly(dir).status().message(),
      dir +
          "/passend_records.idx: not a records file of this passend (damaged?); remove the index "
          "directory and crawl again");
  // A writer rebuilds it from the records.
  EXPECT_EQ(Read(OpenWritable(dir), kNewest), "r|");
  EXPECT_EQ(Read(OpenReadOnly(dir), kNewest), "r|");
}

TEST(RecordStoreTest, CompactionRecoversDamagedOffsetsFirstAndLosesNoRecord) {
  const std::string from = test::MakeTempDir("records"), to = test::MakeTempDir("records");
  {
    RecordStore store = OpenWritable(from);
    ASSERT_TRUE(store.Put(kNewest, "oud", "j", "").ok());
    ASSERT_TRUE(store.Put(kNewest, "nieuw", "j", "tekst").ok());
    ASSERT_TRUE(store.Commit().ok());
  }
  std::ofstream(from + "/passend_records.idx", std::ios::binary) << "kapot";
  ASSERT_TRUE(CompactRecords(from, to, {kNewest}).ok());
  EXPECT_EQ(Read(OpenReadOnly(to), kNewest), "nieuw|tekst");
}

TEST(RecordStoreTest, CompactionKeepsOnlyTheNewestEntriesOfLiveDocuments) {
  const std::string from = test::MakeTempDir("records"), to = test::MakeTempDir("records");
  {
    RecordStore store = OpenWritable(from);
    for (int round = 0; round < 3; ++round) {
      for (Xapian::docid d = kNewest; d > kNewest - 10; --d) {
        ASSERT_TRUE(
            store.Put(d, "ronde " + std::to_string(round), "job", "tekst " + std::to_string(d))
                .ok());
      }
    }
    ASSERT_TRUE(store.Commit().ok());
  }
  // kNewest - 4 is deleted from the index; kNewest - 20 is in it without a record.
  const std::vector<Xapian::docid> live = {kNewest - 20, kNewest - 9, kNewest - 5, kNewest - 3,
                                           kNewest};
  ASSERT_TRUE(CompactRecords(from, to, live).ok());
  const RecordStore store = OpenReadOnly(to);
  EXPECT_EQ(Read(store, kNewest - 9), "ronde 2|tekst 3999999991");
  EXPECT_EQ(Read(store, kNewest), "ronde 2|tekst 4000000000");
  EXPECT_FALSE(store.Has(kNewest - 4));
  EXPECT_FALSE(store.Has(kNewest - 20));
  EXPECT_EQ(store.Get(kNewest)->job, "job");
  EXPECT_EQ(DataBytes(to), 8 + 4 * (24 + 7 + 3));  // the magic, four entries
  EXPECT_EQ(std::filesystem::file_size(to + "/passend_descriptions"), 8 + 4 * 16);
}

}  // namespace
}  // namespace passend
