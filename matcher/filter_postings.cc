#include "matcher/filter_postings.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>

namespace passend {
namespace {

using TermPostings = FilterPostings::TermPostings;

// The docids in one of the `any` lists and in none of the `none` lists, as one bit per
// docid from the database's `first` to `last` (the bits of the dense lists). The bits are
// filled a block at a time, in docid order, as far as they are asked for, and the lists are
// read as far as that.
class FilterSet {
 public:
  FilterSet(std::vector<TermPostings*> any, std::vector<TermPostings*> none, Xapian::docid first,
            Xapian::docid last)
      : any_(Cursors(any)), none_(Cursors(none)), first_(first) {
    for (const Cursor& c : any_) max_count_ += c.list->termfreq;
    if (!any_.empty()) words_.assign((last - first) / 64 + 1, 0);
  }

  Xapian::doccount max_count() const { return max_count_; }

  bool Has(Xapian::docid did) {
    if (did < first_ || (did - first_) / 64 >= words_.size()) return false;
    const uint64_t i = did - first_;
    FillThrough(i / 64);
    return (words_[i / 64] >> (i % 64) & 1) != 0;
  }

  // The smallest docid in the set at or after `did`; 0 when there is none.
  Xapian::docid NextFrom(Xapian::docid did) {
    const uint64_t i = did < first_ ? 0 : did - first_;
    size_t w = i / 64;
    if (w >= words_.size()) return 0;
    FillThrough(w);
    uint64_t bits = words_[w] & (~uint64_t{0} << (i % 64));
    while (bits == 0) {
      if (++w == words_.size()) return 0;
      FillThrough(w);
      bits = words_[w];
    }
    return first_ +
           static_cast<Xapian::docid>(w * 64 + static_cast<size_t>(std::countr_zero(bits)));
  }

 private:
  static constexpr size_t kBlockWords = 64;  // 4,096 docids

  struct Cursor {
    TermPostings* list;
    size_t at = 0;
  };
  static std::vector<Cursor> Cursors(const std::vector<TermPostings*>& lists) {
    std::vector<Cursor> out;
    for (TermPostings* list : lists) {
      if (list->termfreq > 0) out.push_back({list, 0});
    }
    return out;
  }

  // Fills the blocks up to the one holding word `w`: the lists are walked once, in order.
  void FillThrough(size_t w) {
    if (w < filled_) return;
    const size_t end = std::min(words_.size(), (w / kBlockWords + 1) * kBlockWords);
    const uint64_t limit = first_ + uint64_t{end} * 64;  // docids below this are filled
    WalkBelow(any_, end, limit, [](uint64_t& word, uint64_t bits) { word |= bits; });
    WalkBelow(none_, end, limit, [](uint64_t& word, uint64_t bits) { word &= ~bits; });
    filled_ = end;
  }

  // Moves the cursors past their postings below `limit` (word `end`), calling `mark` with
  // the word and bits of each posting, or of each word of a dense list.
  template <typename Mark>
  void WalkBelow(std::vector<Cursor>& cursors, size_t end, uint64_t limit, Mark mark) {
    for (Cursor& c : cursors) {
      c.list->ReadBelow(limit);
      if (c.list->dense()) {
        for (size_t w = filled_; w < end; ++w) mark(words_[w], c.list->bits[w]);
        continue;
      }
      const std::vector<Xapian::docid>& ids = c.list->ids;
      for (; c.at < ids.size() && ids[c.at] < limit; ++c.at) {
        const uint64_t i = ids[c.at] - first_;
        mark(words_[i / 64], uint64_t{1} << (i % 64));
      }
    }
  }

  std::vector<Cursor> any_, none_;
  Xapian::docid first_ = 1;
  std::vector<uint64_t> words_;
  size_t filled_ = 0;  // words_[0, filled_) are final
  Xapian::doccount max_count_ = 0;
};

// A FilterSet as a posting list inside a Xapian query. Copies share the set and its bits.
class FilterSource : public Xapian::PostingSource {
 public:
  FilterSource(std::shared_ptr<FilterSet> set, Xapian::doccount estimate)
      : set_(std::move(set)), estimate_(estimate) {}

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return set_->max_count(); }
  void init(const Xapian::Database&) override { at_ = 0, on_member_ = false, ended_ = false; }
  void next(double) override { MoveTo(at_ + 1); }
  void skip_to(Xapian::docid did, double) override {
    if (did > at_ || (did == at_ && !on_member_)) MoveTo(did);
  }
  bool check(Xapian::docid did, double) override {
    if (did < at_) return true;  // already past it, where skip_to would leave us
    if (did > at_) {
      at_ = did;  // when absent, next() and skip_to() move on from here, as check() allows
      on_member_ = set_->Has(did);
    }
    return on_member_;
  }
  bool at_end() const override { return ended_; }
  Xapian::docid get_docid() const override { return at_; }
  PostingSource* clone() const override { return new FilterSource(set_, estimate_); }

 private:
  void MoveTo(Xapian::docid did) {
    at_ = set_->NextFrom(did);
    ended_ = at_ == 0;
    on_member_ = !ended_;
  }

  std::shared_ptr<FilterSet> set_;
  Xapian::doccount estimate_;
  Xapian::docid at_ = 0;    // 0: before the start
  bool on_member_ = false;  // at_ is in the set (false after check() found it absent)
  bool ended_ = false;
};

}  // namespace

FilterPostings::FilterPostings(const Xapian::Database& db) : db_(db), last_(db.get_lastdocid()) {
  const Xapian::PostingIterator all = db.postlist_begin("");
  first_ = all == db.postlist_end("") ? last_ : *all;
}

void FilterPostings::TermPostings::ReadBelow(uint64_t limit) {
  while (next != end && read_to < limit) {
    read_to = *next;
    if (dense()) {
      const uint64_t i = read_to - first;
      bits[i / 64] |= uint64_t{1} << (i % 64);
    } else {
      ids.push_back(read_to);
    }
    ++next;
  }
  if (next == end) next = end = Xapian::PostingIterator();  // frees the blocks Xapian holds for it
}

FilterPostings::TermPostings& FilterPostings::PostingsOf(const std::string& term) {
  auto [it, added] = postings_.try_emplace(term);
  if (added) {
    TermPostings& list = it->second;
    list.next = db_.postlist_begin(term);
    list.end = db_.postlist_end(term);
    list.termfreq = db_.get_termfreq(term);
    list.first = first_;
    const uint64_t span = last_ - first_ + 1;
    if (list.termfreq > 0 && uint64_t{list.termfreq} * 32 >= span) {
      list.bits.assign(span / 64 + 1, 0);  // at most 4 bytes a posting, as the docids
    } else {
      list.ids.reserve(list.termfreq);  // no regrowth; pages count only once written
    }
  }
  return it->second;
}

Xapian::Query FilterPostings::AnyOfNoneOf(const std::vector<std::string>& any_of,
                                          const std::vector<std::string>& none_of) {
  std::vector<TermPostings*> any, none;
  for (const std::string& term : any_of) any.push_back(&PostingsOf(term));
  // Xapian orders the parts of an AND by this estimate: the exclusions taken as independent.
  double kept = 1;
  const double documents = std::max(1.0, static_cast<double>(db_.get_doccount()));
  for (const std::string& term : none_of) {
    none.push_back(&PostingsOf(term));
    kept *= std::max(0.0, 1 - static_cast<double>(none.back()->termfreq) / documents);
  }
  auto set = std::make_shared<FilterSet>(std::move(any), std::move(none), first_, last_);
  const auto estimate = static_cast<Xapian::doccount>(static_cast<double>(set->max_count()) * kept);
  return Xapian::Query((new FilterSource(std::move(set), estimate))->release());
}

}  // namespace passend
