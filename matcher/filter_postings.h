// The postings of the filter terms (geo cells, demands, hours, wage, contract, validity),
// kept in memory by a Matcher, and a candidate's filter as one set of docids (internal to
// the matcher).
//
// Why: a candidate's filter is an OR of 40-75 geo cell terms AND_NOT an OR of 5-20
// exclusion terms. Xapian builds each OR as a tree of two-way ORs and moves both trees to
// every document the rest of the query proposes: about 300 ns a document, most of the time
// of the slowest matches (those that walk every document of a common occupation). One bit
// test answers the same question. The bits are worked out 4,096 docids at a time, as far as
// the queries get, so a match that stops early pays for the start of the index only.
// Reading a posting through Xapian costs about 15 ns, so each term's postings are read once,
// as far as a candidate first needs them, and kept: a vacancy has about ten filter terms,
// so this holds at most about 40 bytes per vacancy. A term on at least one document in 32
// (a city's geo cell, a common hours bucket) is kept as bits instead, no larger than its
// docids: a block of its bits is then OR'ed in 64 words instead of a posting at a time.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace passend {

class FilterPostings {
 public:
  // `db` must stay open at the same revision while this is used. Throws Xapian::Error.
  explicit FilterPostings(const Xapian::Database& db);

  // A query for the documents indexed with at least one of `any_of` and none of `none_of`,
  // the same as OP_AND_NOT of two OP_ORs. Throws Xapian::Error.
  Xapian::Query AnyOfNoneOf(const std::vector<std::string>& any_of,
                            const std::vector<std::string>& none_of);

  // A term's postings read so far, in docid order; `next` goes on where they stop. A dense
  // term has them as bits (bit i: docid first + i), a sparse one as docids.
  struct TermPostings {
    std::vector<Xapian::docid> ids;
    std::vector<uint64_t> bits;
    Xapian::docid first = 0;    // of the database
    Xapian::docid read_to = 0;  // the highest docid read so far
    Xapian::PostingIterator next, end;
    Xapian::doccount termfreq = 0;

    bool dense() const { return !bits.empty(); }
    // Reads on until every posting below `limit` is in `ids` or `bits`.
    void ReadBelow(uint64_t limit);
  };

 private:
  TermPostings& PostingsOf(const std::string& term);

  const Xapian::Database& db_;
  Xapian::docid first_ = 0, last_ = 0;  // the database's lowest and highest docid
  std::unordered_map<std::string, TermPostings>
      postings_;  // nodes stay put: FilterSets point at them
};

}  // namespace passend
