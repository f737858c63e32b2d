#include "indexer/band_index.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "tests/test_util.h"

namespace passend {
namespace {

using Ids = std::vector<BandIndex::DocId>;

Ids All(const BandIndex& bands, const std::vector<BandIndex::Band>& keys) {
  Ids out;
  bands.ForEach(keys, [&](BandIndex::DocId id) {
    out.push_back(id);
    return true;
  });
  return out;
}

BandIndex Open(const std::string& dir) {
  auto bands = BandIndex::Open(dir);
  EXPECT_TRUE(bands.ok()) << bands.status().message();
  return std::move(*bands);
}

TEST(BandIndexTest, FindsWhatWasAddedThenWhatWasCommittedNewestFirstAcrossSessions) {
  const std::string dir = test::MakeTempDir("bands");
  {
    BandIndex bands = Open(dir);
    bands.Add(900, {1, 2});
    bands.Add(899, {2, 3});
    EXPECT_EQ(All(bands, {2}), (Ids{899, 900}));  // not committed yet: the last added first
    ASSERT_TRUE(bands.Commit().ok());
    EXPECT_EQ(All(bands, {2}), (Ids{899, 900}));
  }
  BandIndex bands = Open(dir);
  EXPECT_EQ(bands.CommittedPairs(), 4u);
  EXPECT_EQ(All(bands, {2}), (Ids{899, 900}));
  EXPECT_EQ(All(bands, {3, 1}), (Ids{899, 900}));
  EXPECT_EQ(All(bands, {7}), Ids{});
  bands.Add(898, {1});
  EXPECT_EQ(All(bands, {1}), (Ids{898, 900}));
  Ids first;
  bands.ForEach({1, 2}, [&](BandIndex::DocId id) {
    first.push_back(id);
    return first.size() < 2;
  });
  EXPECT_EQ(first, (Ids{898, 900}));  // stops when told
}

TEST(BandIndexTest, AMergeKeepsTheLivePostingsInOneSortedFileAndEmptiesTheLog) {
  const std::string dir = test::MakeTempDir("bands-merge");
  {
    BandIndex bands = Open(dir);
    for (BandIndex::DocId id = 1000; id > 900; --id) bands.Add(id, {id % 7, 100 + id % 3});
    ASSERT_TRUE(bands.Commit().ok());
    ASSERT_TRUE(bands.Merge([](BandIndex::DocId id) { return id % 2 == 0; }).ok());
    EXPECT_EQ(std::filesystem::file_size(dir + "/passend_bands.log"), 0u);
    EXPECT_EQ(bands.CommittedPairs(), 100u);  // 50 live postings, two bands each
    bands.Add(800, {3});
    ASSERT_TRUE(bands.Commit().ok());
    ASSERT_TRUE(bands.Merge([](BandIndex::DocId) { return true; }).ok());  // the file and a log
  }
  BandIndex bands = Open(dir);
  EXPECT_EQ(bands.CommittedPairs(), 101u);
  Ids expected = {800};
  for (BandIndex::DocId id = 901; id <= 1000; ++id) {
    if (id % 7 == 3 && id % 2 == 0) expected.push_back(id);
  }
  EXPECT_EQ(All(bands, {3}), expected);
}

TEST(BandIndexTest, ATornPairAtTheEndOfTheLogIsCutOff) {
  const std::string dir = test::MakeTempDir("bands-torn");
  {
    BandIndex bands = Open(dir);
    bands.Add(900, {5});
    ASSERT_TRUE(bands.Commit().ok());
  }
  std::ofstream(dir + "/passend_bands.log", std::ios::app | std::ios::binary)
      << "abc";  // a crash mid-append
  {
    BandIndex bands = Open(dir);
    EXPECT_EQ(All(bands, {5}), Ids{900});
    bands.Add(899, {5});
    ASSERT_TRUE(bands.Commit().ok());
  }
  BandIndex bands = Open(dir);
  EXPECT_EQ(All(bands, {5}), (Ids{899, 900}));
}

TEST(BandIndexTest, AFailedAppendLeavesNoPartOfItToShiftTheNextPairs) {
  const std::string dir = test::MakeTempDir("bands-full");
  {
    BandIndex bands = Open(dir);
    bands.Add(900, {5});
    ASSERT_TRUE(bands.Commit().ok());
    bands.Add(899, {5});
    bands.Add(898, {6});
    // The log may grow by 12 bytes only: 8 + 4 of the next 16.
    const Status failed = test::WithFileSizeLimit(8 + 12, [&] { return bands.Commit(); });
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.message().rfind(dir + "/passend_bands.log: append failed: ", 0), 0u)
        << failed.message();
    EXPECT_EQ(std::filesystem::file_size(dir + "/passend_bands.log"), 8u);
    bands.Add(897, {6});
    ASSERT_TRUE(bands.Commit().ok());
  }
  BandIndex bands = Open(dir);
  EXPECT_EQ(All(bands, {5}), Ids{900});
  EXPECT_EQ(All(bands, {6}), Ids{897});
}

TEST(BandIndexTest, AFailedMergeLeavesTheFileAndTheLogAsTheyWere) {
  const std::string dir = test::MakeTempDir("bands-merge-full");
  BandIndex bands = Open(dir);
  for (BandIndex::DocId id = 900; id > 890; --id) bands.Add(id, {id % 3});
  ASSERT_TRUE(bands.Commit().ok());
  ASSERT_TRUE(bands.Merge([](BandIndex::DocId) { return true; }).ok());
  bands.Add(800, {1});
  ASSERT_TRUE(bands.Commit().ok());
  // Room for the header and four of the eleven pairs.
  const Status failed = test::WithFileSizeLimit(
      16 + 8 * 4, [&] { return bands.Merge([](BandIndex::DocId) { return true; }); });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.message().rfind(dir + "/passend_bands.tmp: write failed: ", 0), 0u)
      << failed.message();
  EXPECT_FALSE(std::filesystem::exists(dir + "/passend_bands.tmp"));
  EXPECT_EQ(bands.CommittedPairs(), 11u);
  EXPECT_EQ(All(bands, {1}), (Ids{800, 892, 895, 898}));
  BandIndex reopened = Open(dir);
  EXPECT_EQ(All(reopened, {1}), (Ids{800, 892, 895, 898}));
}

TEST(BandIndexTest, ADamagedSortedFileIsNamed) {
  const std::string dir = test::MakeTempDir("bands-damaged");
  std::ofstream(dir + "/passend_bands", std::ios::binary) << "PBANDS01 but then nothing that fits";
  auto bands = BandIndex::Open(dir);
  ASSERT_FALSE(bands.ok());
  EXPECT_EQ(bands.status().message(), dir +
                                          "/passend_bands: not a band file of this passend "
                                          "(damaged?); remove it, and copies of the postings "
                                          "indexed so far are joined by their exact key only");
}

}  // namespace
}  // namespace passend
