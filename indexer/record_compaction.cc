#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <utility>

#include "common/mapped_file.h"
#include "indexer/record_format.h"
#include "indexer/record_store.h"

namespace passend {

using namespace record_format;

namespace {

// Reads a file front to back through a buffer: a compaction's reads neither map the old
// files (their pages would count as the process's memory) nor cost a system call each.
class BufferedReader {
 public:
  BufferedReader(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  // [offset, offset + bytes), valid until the next call; fastest when offsets rise.
  StatusOr<std::string_view> Read(uint64_t offset, size_t bytes) {
    if (offset < start_ || offset + bytes > start_ + buffer_.size()) {
      buffer_.resize(std::max(bytes, kBufferBytes));
      const ssize_t got = ::pread(fd_, buffer_.data(), buffer_.size(), static_cast<off_t>(offset));
      if (got < 0) return IoError(path_, "read error");
      buffer_.resize(static_cast<size_t>(got));
      start_ = offset;
      if (buffer_.size() < bytes) return Status::InvalidArgument(DamagedMessage(path_));
    }
    return std::string_view(buffer_.data() + (offset - start_), bytes);
  }

 private:
  static constexpr size_t kBufferBytes = size_t{4} << 20;
  int fd_;
  std::string path_;
  std::string buffer_;
  uint64_t start_ = 0;
};

// Appends to a new file through a buffer.
class BufferedWriter {
 public:
  explicit BufferedWriter(std::string path) : path_(std::move(path)) {}
  ~BufferedWriter() {
    if (out_) std::fclose(out_);
  }
  Status Open(const char* magic) {
    out_ = std::fopen(path_.c_str(), "wb");
    if (!out_) return IoError(path_, "cannot create");
    Write(std::string_view(magic, kMagicBytes));
    return Status::Ok();
  }
  uint64_t Write(std::string_view bytes) {
    const uint64_t at = written_;
    if (std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size()) failed_ = true;
    written_ += bytes.size();
    return at;
  }
  Status Finish() {
    if (failed_ || std::fflush(out_) != 0 || ::fdatasync(fileno(out_)) != 0)
      return IoError(path_, "write failed");
    std::fclose(std::exchange(out_, nullptr));
    return Status::Ok();
  }
  uint64_t written() const { return written_; }

 private:
  std::string path_;
  std::FILE* out_ = nullptr;
  uint64_t written_ = 0;
  bool failed_ = false;
};

// The recovery before the compaction creates the files when absent.
struct OpenedFile {
  std::string path;
  int fd = -1;
  ~OpenedFile() { CloseQuietly(fd); }
  Status Open() {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    return fd >= 0 ? Status::Ok() : IoError(path, "cannot open");
  }
  StatusOr<size_t> Size() const { return FileSize(fd, path); }
};

}  // namespace

Status CompactRecords(const std::string& from_dir, const std::string& to_dir,
                      const std::vector<Xapian::docid>& live) {
  // The store's own open recovers offsets a crash left behind the records (or damaged), so
  // that the newest entries are known; the caller holds the index's write lock.
  if (StatusOr<RecordStore> recovered = RecordStore::OpenWritable(from_dir); !recovered.ok()) {
    return recovered.status();
  }
  MappedFile old_offsets;
  PASSEND_RETURN_IF_ERROR(old_offsets.MapWhole(from_dir + "/" + kOffsetsName));
  const size_t old_slots = SlotCount(old_offsets.size());
  const auto* old_slot = reinterpret_cast<const uint64_t*>(old_offsets.data() + kOffsetsHeader);
  size_t slot_count = kMinSlots;
  for (Xapian::docid docid : live) {
    if (ValidDocid(docid)) slot_count = std::max(slot_count, SlotOf(docid) + 1);
  }
  std::vector<uint64_t> slots(slot_count, 0);
  std::vector<bool> keep(slot_count, false);
  for (Xapian::docid docid : live) {
    if (ValidDocid(docid)) keep[SlotOf(docid)] = true;
  }
  OpenedFile records_in{from_dir + "/" + kRecordsName},
      descriptions_in{from_dir + "/" + kDescriptionsName};
  PASSEND_RETURN_IF_ERROR(records_in.Open());
  PASSEND_RETURN_IF_ERROR(descriptions_in.Open());
  StatusOr<size_t> records_bytes = records_in.Size();
  if (!records_bytes.ok()) return records_bytes.status();
  BufferedReader records(records_in.fd, records_in.path),
      descriptions(descriptions_in.fd, descriptions_in.path);
  BufferedWriter records_out(to_dir + "/" + kRecordsName),
      descriptions_out(to_dir + "/" + kDescriptionsName);
  PASSEND_RETURN_IF_ERROR(records_out.Open(kRecordsMagic));
  PASSEND_RETURN_IF_ERROR(descriptions_out.Open(kDescriptionsMagic));
  EntryHeader h{};
  for (uint64_t at = kMagicBytes; at + sizeof(EntryHeader) <= *records_bytes;
       at += h.EntryBytes()) {
    StatusOr<std::string_view> head = records.Read(at, sizeof(EntryHeader));
    if (!head.ok()) return head.status();
    std::memcpy(&h, head->data(), sizeof(h));
    if (!ValidDocid(h.docid)) return Status::InvalidArgument(DamagedMessage(records_in.path));
    const size_t slot = SlotOf(h.docid);
    if (slot >= keep.size() || !keep[slot] || slot >= old_slots || old_slot[slot] != at)
      continue;  // not the newest
    StatusOr<std::string_view> text = descriptions.Read(h.description_offset, h.description_bytes);
    if (!text.ok()) return text.status();
    EntryHeader moved = h;
    moved.description_offset = descriptions_out.Write(*text);
    StatusOr<std::string_view> record =
        records.Read(at + sizeof(EntryHeader), h.record_bytes + size_t{h.job_bytes});
    if (!record.ok()) return record.status();
    slots[slot] =
        records_out.Write(std::string_view(reinterpret_cast<const char*>(&moved), sizeof(moved)));
    records_out.Write(*record);
  }
  const uint64_t covered = records_out.written();
  PASSEND_RETURN_IF_ERROR(descriptions_out.Finish());
  PASSEND_RETURN_IF_ERROR(records_out.Finish());
  BufferedWriter offsets_out(to_dir + "/" + kOffsetsName);
  PASSEND_RETURN_IF_ERROR(offsets_out.Open(kOffsetsMagic));
  offsets_out.Write(std::string_view(reinterpret_cast<const char*>(&covered), sizeof(covered)));
  offsets_out.Write(std::string_view(reinterpret_cast<const char*>(slots.data()),
                                     slots.size() * sizeof(uint64_t)));
  return offsets_out.Finish();
}

}  // namespace passend
