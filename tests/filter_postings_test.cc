#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <xapian.h>

#include "matcher/filter_postings.h"
#include "tests/test_util.h"

namespace passend {
namespace {

// Documents at falling docids with gaps, as the index gives them (indexer/index.h), over
// several of FilterPostings' 4,096-docid blocks: one geo cell each, some exclusion terms
// and one word. The cells and exclusions are dense (kept as bits); a rare cell and a rare
// exclusion are sparse (kept as docids).
class FilterPostingsTest : public testing::Test {
 protected:
  static constexpr int kDocuments = 6000;
  static constexpr int kCells = 12, kExclusions = 5, kWords = 4;

  void SetUp() override {
    Xapian::WritableDatabase db(test::MakeTempDir("filter-postings") + "/idx", Xapian::DB_CREATE_OR_OVERWRITE);
    std::mt19937 rng(7);
    Xapian::docid did = 4'000'000'000u;
    for (int i = 0; i < kDocuments; ++i) {
      Xapian::Document doc;
      doc.add_boolean_term(Cell(static_cast<int>(rng() % kCells)));
      for (int x = 0; x < kExclusions; ++x) {
        if (rng() % 10 < 3) doc.add_boolean_term(Exclusion(x));
      }
      doc.add_boolean_term(Word(static_cast<int>(rng() % kWords)));
      if (i % 150 == 0) doc.add_boolean_term("XGrare");
      if (i % 97 == 0) doc.add_boolean_term("XDrare");
      db.replace_document(did, doc);
      did -= static_cast<Xapian::docid>(1 + rng() % 3);
    }
    db.commit();
    db_ = db;
  }

  static std::string Cell(int i) { return "XGc" + std::to_string(i); }
  static std::string Exclusion(int i) { return "XDx" + std::to_string(i); }
  static std::string Word(int i) { return "Zw" + std::to_string(i); }

  std::vector<Xapian::docid> Docids(const Xapian::Query& q, Xapian::doccount limit = kDocuments) const {
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(q);
    std::vector<Xapian::docid> out;
    for (Xapian::docid did : enquire.get_mset(0, limit)) out.push_back(did);
    return out;
  }

  Xapian::Database db_;
};

Xapian::Query OrOf(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

TEST_F(FilterPostingsTest, MatchesTheSameDocumentsAsAndNotOfTwoOrs) {
  FilterPostings filters(db_);  // one for all trials: the postings read are kept and reused
  std::mt19937 rng(11);
  int nonempty = 0;
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<std::string> any{"XGnone"}, none{"XDnot-indexed"};
    if (trial % 2 == 0) any.push_back("XGrare");
    if (trial % 3 == 0) none.push_back("XDrare");
    for (int i = 0; i < kCells; ++i) {
      if (rng() % 3 == 0) any.push_back(Cell(i));
    }
    for (int i = 0; i < kExclusions; ++i) {
      if (rng() % 2 == 0) none.push_back(Exclusion(i));
    }
    const Xapian::Query expected(Xapian::Query::OP_AND_NOT, OrOf(any), OrOf(none));
    const Xapian::Query filter = filters.AnyOfNoneOf(any, none);
    const Xapian::Query word(Word(trial % kWords));
    SCOPED_TRACE("trial " + std::to_string(trial));
    // The first query stops early: the next ones must find the bits filled so far right.
    EXPECT_EQ(Docids(Xapian::Query(Xapian::Query::OP_FILTER, word, filter), 25),
              Docids(Xapian::Query(Xapian::Query::OP_FILTER, word, expected), 25));
    const std::vector<Xapian::docid> all = Docids(filter);
    EXPECT_EQ(all, Docids(expected));
    EXPECT_EQ(Docids(Xapian::Query(Xapian::Query::OP_FILTER, word, filter)),
              Docids(Xapian::Query(Xapian::Query::OP_FILTER, word, expected)));
    EXPECT_EQ(Docids(Xapian::Query(Xapian::Query::OP_AND_NOT, filter, word)),
              Docids(Xapian::Query(Xapian::Query::OP_AND_NOT, expected, word)));
    if (!all.empty()) ++nonempty;
  }
  EXPECT_GT(nonempty, 30);  // the trials compared real sets, not empty ones
}

TEST_F(FilterPostingsTest, NoIncludedTermMatchesNothing) {
  FilterPostings filters(db_);
  EXPECT_TRUE(Docids(filters.AnyOfNoneOf({}, {Exclusion(0)})).empty());
  EXPECT_TRUE(Docids(filters.AnyOfNoneOf({"XGnot-indexed"}, {})).empty());
  EXPECT_EQ(Docids(filters.AnyOfNoneOf({Cell(3)}, {})).size(), db_.get_termfreq(Cell(3)));
}

}  // namespace
}  // namespace passend
