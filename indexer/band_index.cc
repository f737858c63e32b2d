#include "indexer/band_index.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "common/mapped_file.h"

namespace passend {
namespace {

static_assert(std::endian::native == std::endian::little, "the band files are little-endian");

struct Pair {
  BandIndex::Band band;
  BandIndex::DocId docid;
  bool operator<(const Pair& o) const { return band != o.band ? band < o.band : docid < o.docid; }
  bool operator==(const Pair& o) const = default;
};
static_assert(sizeof(Pair) == 8);

constexpr const char* kSortedName = "passend_bands";
constexpr const char* kLogName = "passend_bands.log";
constexpr char kMagic[8] = {'P', 'B', 'A', 'N', 'D', 'S', '0', '1'};
constexpr size_t kHeaderBytes = sizeof(kMagic) + sizeof(uint64_t);
// Below this many log pairs (16 MB, about 65,000 postings) a merge is never due.
constexpr size_t kMinMergePairs = size_t{1} << 21;
constexpr int kDirectoryBits = 16;  // the sorted file's pairs are found by their band's top bits

// The pairs of `band` in [first, last), which is sorted.
std::pair<const Pair*, const Pair*> PairsOf(const Pair* first, const Pair* last,
                                            BandIndex::Band band) {
  const Pair* lo = std::partition_point(first, last, [&](const Pair& p) { return p.band < band; });
  const Pair* hi = std::partition_point(lo, last, [&](const Pair& p) { return p.band == band; });
  return {lo, hi};
}

// The sorted file, mapped read-only, with the position of each band's top bits.
class SortedFile {
 public:
  SortedFile() = default;
  SortedFile(const SortedFile&) = delete;
  SortedFile& operator=(const SortedFile&) = delete;
  ~SortedFile() { Unmap(); }

  // An absent file holds no pairs.
  Status Map(const std::string& path) {
    Unmap();
    PASSEND_RETURN_IF_ERROR(map_.MapWhole(path));
    if (map_.size() == 0) return Status::Ok();
    const size_t bytes = map_.size();
    const char* head = map_.data();
    uint64_t count = 0;
    if (bytes >= kHeaderBytes) std::memcpy(&count, head + sizeof(kMagic), sizeof(count));
    if (bytes < kHeaderBytes || std::memcmp(head, kMagic, sizeof(kMagic)) != 0 ||
        count != (bytes - kHeaderBytes) / sizeof(Pair) ||
        (bytes - kHeaderBytes) % sizeof(Pair) != 0) {
      Unmap();
      return Status::InvalidArgument(
          path +
          ": not a band file of this passend (damaged?); remove it, and copies of the "
          "postings indexed so far are joined by their exact key only");
    }
    pairs_ = reinterpret_cast<const Pair*>(head + kHeaderBytes);
    count_ = count;
    BuildDirectory();
    return Status::Ok();
  }

  std::pair<const Pair*, const Pair*> Find(BandIndex::Band band) const {
    if (count_ == 0) return {nullptr, nullptr};
    const size_t top = band >> (32 - kDirectoryBits);
    return PairsOf(pairs_ + directory_[top], pairs_ + directory_[top + 1], band);
  }
  const Pair* begin() const { return pairs_; }
  const Pair* end() const { return pairs_ + count_; }
  size_t size() const { return count_; }

 private:
  void BuildDirectory() {
    directory_.assign((size_t{1} << kDirectoryBits) + 1, count_);
    const Pair* from = pairs_;
    for (size_t top = 0; top < (size_t{1} << kDirectoryBits); ++top) {
      from = std::partition_point(
          from, end(), [&](const Pair& p) { return (p.band >> (32 - kDirectoryBits)) < top; });
      directory_[top] = static_cast<size_t>(from - pairs_);
    }
  }
  void Unmap() {
    map_.Unmap();
    pairs_ = nullptr;
    count_ = 0;
    directory_.clear();
  }

  MappedFile map_;
  const Pair* pairs_ = nullptr;
  size_t count_ = 0;
  std::vector<size_t> directory_;
};

// Writes the sorted file through `path`.tmp, then renames it over `path`.
class SortedWriter {
 public:
  explicit SortedWriter(std::string path) : path_(std::move(path)), tmp_(path_ + ".tmp") {}
  ~SortedWriter() {
    if (!out_) return;
    std::fclose(out_);  // not finished: the sorted file stays as it was
    std::remove(tmp_.c_str());
  }
  Status Start() {
    out_ = std::fopen(tmp_.c_str(), "wb");
    if (!out_) return IoError(tmp_, "cannot create");
    const uint64_t no_count_yet = 0;
    std::fwrite(kMagic, 1, sizeof(kMagic), out_);
    std::fwrite(&no_count_yet, sizeof(no_count_yet), 1, out_);
    return Status::Ok();
  }
  void Put(const Pair& p) {
    if (count_ > 0 && p == last_) return;  // in the file and the log after a crash mid-merge
    buffer_.push_back(p);
    last_ = p;
    ++count_;
    if (buffer_.size() == kBufferPairs) Drain();
  }
  Status Finish() {
    Drain();
    const uint64_t count = count_;
    if (std::fseek(out_, sizeof(kMagic), SEEK_SET) != 0 ||
        std::fwrite(&count, sizeof(count), 1, out_) != 1 || std::fflush(out_) != 0 ||
        ::fsync(fileno(out_)) != 0 || failed_) {
      return IoError(tmp_, "write failed");
    }
    std::fclose(out_);
    out_ = nullptr;
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0) return IoError(path_, "rename failed");
    return Status::Ok();
  }

 private:
  static constexpr size_t kBufferPairs = 1 << 16;
  void Drain() {
    if (!buffer_.empty() &&
        std::fwrite(buffer_.data(), sizeof(Pair), buffer_.size(), out_) != buffer_.size()) {
      failed_ = true;
    }
    buffer_.clear();
  }

  std::string path_, tmp_;
  std::FILE* out_ = nullptr;
  std::vector<Pair> buffer_;
  Pair last_{};
  size_t count_ = 0;
  bool failed_ = false;
};

// The pairs added since the last commit, each band's newest first: an open-addressing table
// from a band to its newest pair, each pair linking to the band's one before. A map of
// vectors took the writer two allocations a band, 32 bands a posting.
class PendingPairs {
 public:
  void Add(BandIndex::Band band, BandIndex::DocId id) {
    if ((pairs_.size() + 1) * 2 > slots_.size()) Rehash(std::max<size_t>(1024, slots_.size() * 2));
    uint32_t& newest = slots_[SlotOf(band)];
    pairs_.push_back({band, id, newest});
    newest = static_cast<uint32_t>(pairs_.size());
  }
  // Calls `take` with the band's postings, newest first; false when `take` said stop.
  bool ForEachOf(BandIndex::Band band, const std::function<bool(BandIndex::DocId)>& take) const {
    if (slots_.empty()) return true;
    for (uint32_t at = slots_[SlotOf(band)]; at != 0; at = pairs_[at - 1].before) {
      if (!take(pairs_[at - 1].docid)) return false;
    }
    return true;
  }
  std::vector<Pair> TakeAll() {
    std::vector<Pair> out;
    out.reserve(pairs_.size());
    for (const Linked& p : pairs_) out.push_back({p.band, p.docid});
    pairs_.clear();
    std::fill(slots_.begin(), slots_.end(), 0);
    return out;
  }

 private:
  struct Linked {
    BandIndex::Band band;
    BandIndex::DocId docid;
    uint32_t before;  // 1 + the index of the band's pair before this one; 0: none
  };
  // The slot of `band`: the one holding its newest pair, or the empty one it would take.
  size_t SlotOf(BandIndex::Band band) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = (band * size_t{2654435761u}) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == 0 || pairs_[slots_[i] - 1].band == band) return i;
    }
  }
  void Rehash(size_t slots) {
    slots_.assign(slots, 0);
    for (size_t k = 0; k < pairs_.size(); ++k) slots_[SlotOf(pairs_[k].band)] = static_cast<uint32_t>(k + 1);
  }

  std::vector<Linked> pairs_;
  std::vector<uint32_t> slots_;  // a power of two, at most half full
};

}  // namespace

struct BandIndex::Impl {
  std::string sorted_path, log_path;
  SortedFile sorted;
  std::vector<Pair> logged;  // the log's pairs, sorted
  int log_fd = -1;
  PendingPairs pending;  // since the last commit

  ~Impl() {
    if (log_fd >= 0) ::close(log_fd);
  }

  Status OpenLog() {
    log_fd = ::open(log_path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log_fd < 0) return IoError(log_path, "cannot open");
    const StatusOr<size_t> bytes = FileSize(log_fd, log_path);
    if (!bytes.ok()) return bytes.status();
    const size_t whole = *bytes / sizeof(Pair);
    if (whole * sizeof(Pair) != *bytes &&
        ::ftruncate(log_fd, static_cast<off_t>(whole * sizeof(Pair))) != 0) {
      return IoError(log_path, "cannot cut off a torn pair");
    }
    logged.resize(whole);
    if (whole && ::pread(log_fd, logged.data(), whole * sizeof(Pair), 0) !=
                     static_cast<ssize_t>(whole * sizeof(Pair))) {
      return IoError(log_path, "read error");
    }
    std::sort(logged.begin(), logged.end());
    return Status::Ok();
  }
};

BandIndex::BandIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
BandIndex::~BandIndex() = default;
BandIndex::BandIndex(BandIndex&&) noexcept = default;
BandIndex& BandIndex::operator=(BandIndex&&) noexcept = default;

StatusOr<BandIndex> BandIndex::Open(const std::string& dir) {
  auto impl = std::make_unique<Impl>();
  impl->sorted_path = dir + "/" + kSortedName;
  impl->log_path = dir + "/" + kLogName;
  if (Status s = impl->sorted.Map(impl->sorted_path); !s.ok()) return s;
  if (Status s = impl->OpenLog(); !s.ok()) return s;
  return BandIndex(std::move(impl));
}

void BandIndex::ForEach(const std::vector<Band>& bands,
                        const std::function<bool(DocId)>& take) const {
  for (Band band : bands) {
    if (!impl_->pending.ForEachOf(band, take)) return;
  }
  for (Band band : bands) {
    const Pair* logged = impl_->logged.data();
    for (auto [p, end] = PairsOf(logged, logged + impl_->logged.size(), band); p != end; ++p) {
      if (!take(p->docid)) return;
    }
  }
  for (Band band : bands) {
    for (auto [p, end] = impl_->sorted.Find(band); p != end; ++p) {
      if (!take(p->docid)) return;
    }
  }
}

void BandIndex::Add(DocId id, const std::vector<Band>& bands) {
  for (Band band : bands) impl_->pending.Add(band, id);
}

Status BandIndex::Commit() {
  std::vector<Pair> fresh = impl_->pending.TakeAll();
  if (fresh.empty()) return Status::Ok();
  std::sort(fresh.begin(), fresh.end());
  const size_t bytes = fresh.size() * sizeof(Pair);
  if (::write(impl_->log_fd, fresh.data(), bytes) != static_cast<ssize_t>(bytes) ||
      ::fdatasync(impl_->log_fd) != 0) {
    const Status failed = IoError(impl_->log_path, "append failed");
    // A part written would shift every later pair of this session (disk full, say).
    if (::ftruncate(impl_->log_fd, static_cast<off_t>(impl_->logged.size() * sizeof(Pair))) != 0) {
      return IoError(impl_->log_path, "append failed and cannot be undone");
    }
    return failed;
  }
  const auto middle = static_cast<std::ptrdiff_t>(impl_->logged.size());
  impl_->logged.insert(impl_->logged.end(), fresh.begin(), fresh.end());
  std::inplace_merge(impl_->logged.begin(), impl_->logged.begin() + middle, impl_->logged.end());
  return Status::Ok();
}

bool BandIndex::MergeDue() const {
  return impl_->logged.size() >= std::max(kMinMergePairs, impl_->sorted.size() / 2);
}

Status BandIndex::Merge(const std::function<bool(DocId)>& live) {
  SortedWriter out(impl_->sorted_path);
  if (Status s = out.Start(); !s.ok()) return s;
  const Pair *a = impl_->sorted.begin(), *a_end = impl_->sorted.end();
  const Pair *b = impl_->logged.data(), *b_end = b + impl_->logged.size();
  while (a != a_end || b != b_end) {
    const Pair& next = (b == b_end || (a != a_end && *a < *b)) ? *a++ : *b++;
    if (live(next.docid)) out.Put(next);
  }
  if (Status s = out.Finish(); !s.ok()) return s;
  if (::ftruncate(impl_->log_fd, 0) != 0 || ::fdatasync(impl_->log_fd) != 0) {
    return IoError(impl_->log_path, "cannot empty after a merge");
  }
  impl_->logged.clear();
  impl_->logged.shrink_to_fit();
  return impl_->sorted.Map(impl_->sorted_path);
}

size_t BandIndex::CommittedPairs() const { return impl_->sorted.size() + impl_->logged.size(); }

Status CopyBandFiles(const std::string& from_dir, const std::string& to_dir) {
  for (const char* name : {kSortedName, kLogName}) {
    const std::filesystem::path from = std::filesystem::path(from_dir) / name,
                                to = std::filesystem::path(to_dir) / name;
    std::error_code ec;
    if (!std::filesystem::exists(from, ec)) continue;
    std::filesystem::create_hard_link(from, to, ec);
    if (ec)
      std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec);
    if (ec)
      return Status::Unavailable(to.string() + ": cannot copy the band file: " + ec.message());
  }
  return Status::Ok();
}

}  // namespace passend
