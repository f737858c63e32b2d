#include "indexer/record_store.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "common/mapped_file.h"
#include "indexer/record_format.h"

namespace passend {

using namespace record_format;

namespace {

// A file that entries are appended to, mapped for reading (shared within the process); a
// reader maps it again when it finds an offset beyond what it mapped.
struct AppendFile {
  std::string path;
  const char* magic = nullptr;
  int fd = -1;  // the writer's
  std::shared_ptr<const MappedFile> map = std::make_shared<const MappedFile>();
  uint64_t end = 0;  // the writer's: where the next entry goes

  AppendFile(std::string p, const char* m) : path(std::move(p)), magic(m) {}
  ~AppendFile() { CloseQuietly(fd); }

  Status OpenForWriting() {
    fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return IoError(path, "cannot open");
    StatusOr<size_t> bytes = FileSize(fd, path);
    if (!bytes.ok()) return bytes.status();
    if (*bytes == 0) {
      if (::pwrite(fd, magic, kMagicBytes, 0) != kMagicBytes || ::fdatasync(fd) != 0)
        return IoError(path, "cannot write");
      *bytes = kMagicBytes;
    }
    end = *bytes;
    return CheckMagic(/*absent_is_empty=*/false);
  }
  Status OpenForReading() { return CheckMagic(/*absent_is_empty=*/true); }

  Status CheckMagic(bool absent_is_empty) {
    PASSEND_RETURN_IF_ERROR(Remap(0));
    if (absent_is_empty && map->size() == 0) return Status::Ok();
    if (map->size() < kMagicBytes || std::memcmp(map->data(), magic, kMagicBytes) != 0) {
      return Status::InvalidArgument(DamagedMessage(path));
    }
    return Status::Ok();
  }
  // A mapping of at least `min_bytes` when the file is that long (MapShared).
  Status Remap(uint64_t min_bytes) {
    StatusOr<std::shared_ptr<const MappedFile>> mapped = MapShared(path, min_bytes);
    if (!mapped.ok()) return mapped.status();
    map = *std::move(mapped);
    return Status::Ok();
  }
  // Whether [offset, offset + bytes) is in the file, mapping it again if need be.
  StatusOr<bool> Covers(uint64_t offset, uint64_t bytes) {
    if (offset + bytes <= map->size()) return true;
    PASSEND_RETURN_IF_ERROR(Remap(map->size() + 1));
    return offset + bytes <= map->size();
  }
  Status Append(iovec* parts, int count, uint64_t bytes) {
    if (::pwritev(fd, parts, count, static_cast<off_t>(end)) != static_cast<ssize_t>(bytes)) {
      const Status failed = IoError(path, "write failed");
      // A part written would be read as the start of the next entry.
      if (!CutTo(end).ok()) return IoError(path, "write failed and cannot be undone");
      return failed;
    }
    end += bytes;
    return Status::Ok();
  }
  Status CutTo(uint64_t bytes) {
    if (::ftruncate(fd, static_cast<off_t>(bytes)) != 0)
      return IoError(path, "cannot cut off a torn entry");
    end = bytes;
    return Status::Ok();
  }
  Status Sync() { return ::fdatasync(fd) == 0 ? Status::Ok() : IoError(path, "cannot sync"); }
};

// The header of the entry at `offset` of `records`, when all of the entry is mapped.
bool EntryAt(const MappedFile& records, uint64_t offset, EntryHeader* header) {
  if (offset < kMagicBytes || offset + sizeof(EntryHeader) > records.size()) return false;
  std::memcpy(header, records.data() + offset, sizeof(EntryHeader));
  return ValidDocid(header->docid) && offset + header->EntryBytes() <= records.size();
}

}  // namespace

struct RecordStore::Impl {
  explicit Impl(const std::string& dir)
      : records(dir + "/" + kRecordsName, kRecordsMagic),
        descriptions(dir + "/" + kDescriptionsName, kDescriptionsMagic),
        offsets_path(dir + "/" + kOffsetsName) {}
  ~Impl() { CloseQuietly(offsets_fd); }

  AppendFile records, descriptions;
  std::string offsets_path;
  int offsets_fd = -1;  // the writer's
  MappedFile offsets;
  bool writable = false, uncommitted = false;

  size_t SlotCount() const { return record_format::SlotCount(offsets.size()); }
  uint64_t* Slots() const { return reinterpret_cast<uint64_t*>(offsets.data() + kOffsetsHeader); }

  StatusOr<uint64_t> OffsetOf(Xapian::docid docid) {
    if (!ValidDocid(docid)) return uint64_t{0};
    const size_t slot = SlotOf(docid);
    // A reader's offsets grow (or are rebuilt) while it reads: it maps them again.
    if (slot >= SlotCount() && !writable) PASSEND_RETURN_IF_ERROR(offsets.MapWhole(offsets_path));
    return slot < SlotCount() ? Slots()[slot] : 0;
  }

  // Sets the covered length in the offsets file's header once the offsets are on disk.
  Status SyncOffsets(uint64_t covered) {
    if (::msync(offsets.data(), offsets.size(), MS_SYNC) != 0)
      return IoError(offsets_path, "cannot sync");
    std::memcpy(offsets.data() + kMagicBytes, &covered, sizeof(covered));
    if (::msync(offsets.data(), kOffsetsHeader, MS_SYNC) != 0)
      return IoError(offsets_path, "cannot sync");
    return Status::Ok();
  }
  Status Grow(size_t slots) {
    const size_t bytes = kOffsetsHeader + slots * 8;
    if (::ftruncate(offsets_fd, static_cast<off_t>(bytes)) != 0)
      return IoError(offsets_path, "cannot grow");
    return offsets.Map(offsets_fd, bytes, /*writable=*/true, offsets_path);
  }

  // Whether the offsets file covers all of the records, as a Commit left it.
  bool OffsetsCurrent() const {
    if (offsets.size() < kOffsetsHeader ||
        std::memcmp(offsets.data(), kOffsetsMagic, kMagicBytes) != 0)
      return false;
    uint64_t covered = 0;
    std::memcpy(&covered, offsets.data() + kMagicBytes, sizeof(covered));
    return covered == records.end;
  }
  // The header of the complete entry at `offset` whose description is complete too.
  bool WholeEntryAt(uint64_t offset, EntryHeader* h) const {
    return EntryAt(*records.map, offset, h) && h->description_offset >= kMagicBytes &&
           h->description_offset + h->description_bytes <= descriptions.end;
  }

  // After a crash: the entries up to the first torn one, newest last, give the offsets. They
  // are written to a new file renamed over the old, which readers may have mapped.
  Status Rebuild() {
    uint64_t end = kMagicBytes, descriptions_end = kMagicBytes;
    size_t slots = kMinSlots;
    EntryHeader h{};
    for (; WholeEntryAt(end, &h); end += h.EntryBytes()) {
      slots = std::max(slots, SlotOf(h.docid) + 1);
      descriptions_end = std::max(descriptions_end, h.description_offset + h.description_bytes);
    }
    if (end != records.end) PASSEND_RETURN_IF_ERROR(records.CutTo(end));
    if (descriptions_end != descriptions.end)
      PASSEND_RETURN_IF_ERROR(descriptions.CutTo(descriptions_end));
    const std::string fresh = offsets_path + ".tmp";
    offsets.Unmap();
    CloseQuietly(offsets_fd);
    offsets_fd = ::open(fresh.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (offsets_fd < 0) return IoError(fresh, "cannot create");
    PASSEND_RETURN_IF_ERROR(Grow(slots));
    std::memcpy(offsets.data(), kOffsetsMagic, kMagicBytes);
    for (uint64_t at = kMagicBytes; at < end; at += h.EntryBytes()) {
      EntryAt(*records.map, at, &h);
      Slots()[SlotOf(h.docid)] = at;
    }
    PASSEND_RETURN_IF_ERROR(descriptions.Sync());
    PASSEND_RETURN_IF_ERROR(records.Sync());
    PASSEND_RETURN_IF_ERROR(SyncOffsets(end));
    if (std::rename(fresh.c_str(), offsets_path.c_str()) != 0)
      return IoError(offsets_path, "cannot replace");
    return Status::Ok();
  }

  Status OpenOffsets() {
    offsets_fd = ::open(offsets_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (offsets_fd < 0) return IoError(offsets_path, "cannot open");
    StatusOr<size_t> bytes = FileSize(offsets_fd, offsets_path);
    if (!bytes.ok()) return bytes.status();
    PASSEND_RETURN_IF_ERROR(offsets.Map(offsets_fd, *bytes, /*writable=*/true, offsets_path));
    return OffsetsCurrent() ? Status::Ok() : Rebuild();
  }
};

RecordStore::RecordStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RecordStore::~RecordStore() = default;
RecordStore::RecordStore(RecordStore&&) noexcept = default;
RecordStore& RecordStore::operator=(RecordStore&&) noexcept = default;

StatusOr<RecordStore> RecordStore::OpenWritable(const std::string& dir) {
  auto impl = std::make_unique<Impl>(dir);
  impl->writable = true;
  PASSEND_RETURN_IF_ERROR(impl->descriptions.OpenForWriting());
  PASSEND_RETURN_IF_ERROR(impl->records.OpenForWriting());
  PASSEND_RETURN_IF_ERROR(impl->OpenOffsets());
  return RecordStore(std::move(impl));
}

StatusOr<RecordStore> RecordStore::OpenReadOnly(const std::string& dir) {
  auto impl = std::make_unique<Impl>(dir);
  PASSEND_RETURN_IF_ERROR(impl->descriptions.OpenForReading());
  PASSEND_RETURN_IF_ERROR(impl->records.OpenForReading());
  PASSEND_RETURN_IF_ERROR(impl->offsets.MapWhole(impl->offsets_path));
  const MappedFile& offsets = impl->offsets;
  if (offsets.size() > 0 && (offsets.size() < kOffsetsHeader ||
                             std::memcmp(offsets.data(), kOffsetsMagic, kMagicBytes) != 0)) {
    return Status::InvalidArgument(DamagedMessage(impl->offsets_path));
  }
  return RecordStore(std::move(impl));
}

StatusOr<RecordStore::Entry> RecordStore::Get(Xapian::docid docid) const {
  Impl& s = *impl_;
  StatusOr<uint64_t> offset = s.OffsetOf(docid);
  if (!offset.ok()) return offset.status();
  if (*offset == 0) {
    return Status::NotFound("document " + std::to_string(docid) + ": no record in " +
                            s.records.path +
                            "; the next crawl or load of the vacancy writes it again");
  }
  EntryHeader h{};
  if (!EntryAt(*s.records.map, *offset, &h))
    PASSEND_RETURN_IF_ERROR(s.records.Remap(s.records.map->size() + 1));
  if (!EntryAt(*s.records.map, *offset, &h) || h.docid != docid) {
    return Status::InvalidArgument(DamagedMessage(s.records.path) + " (document " +
                                   std::to_string(docid) + ")");
  }
  StatusOr<bool> described = s.descriptions.Covers(h.description_offset, h.description_bytes);
  if (!described.ok()) return described.status();
  if (!*described) {
    return Status::InvalidArgument(DamagedMessage(s.descriptions.path) + " (document " +
                                   std::to_string(docid) + ")");
  }
  const char* record = s.records.map->data() + *offset + sizeof(EntryHeader);
  const char* description =
      h.description_bytes ? s.descriptions.map->data() + h.description_offset : "";
  return Entry{{record, h.record_bytes},
               {record + h.record_bytes, h.job_bytes},
               {description, h.description_bytes}};
}

bool RecordStore::Has(Xapian::docid docid) const {
  StatusOr<uint64_t> offset = impl_->OffsetOf(docid);
  return offset.ok() && *offset != 0;
}

Status RecordStore::Put(Xapian::docid docid, std::string_view record, std::string_view job,
                        std::string_view description) {
  Impl& s = *impl_;
  if (!ValidDocid(docid))
    return Status::InvalidArgument(s.records.path + ": document id " + std::to_string(docid));
  const EntryHeader h{docid, static_cast<uint32_t>(record.size()),
                      static_cast<uint32_t>(description.size()), static_cast<uint32_t>(job.size()),
                      s.descriptions.end};
  iovec text[] = {{const_cast<char*>(description.data()), description.size()}};
  if (!description.empty())
    PASSEND_RETURN_IF_ERROR(s.descriptions.Append(text, 1, description.size()));
  const uint64_t at = s.records.end;
  iovec entry[] = {{const_cast<EntryHeader*>(&h), sizeof(h)},
                   {const_cast<char*>(record.data()), record.size()},
                   {const_cast<char*>(job.data()), job.size()}};
  if (Status written = s.records.Append(entry, 3, h.EntryBytes()); !written.ok()) {
    if (!s.descriptions.CutTo(h.description_offset).ok())
      return IoError(s.descriptions.path, "cannot be undone");
    return written;
  }
  const size_t slot = SlotOf(docid);
  if (slot >= s.SlotCount()) PASSEND_RETURN_IF_ERROR(s.Grow(std::max(slot + 1, 2 * s.SlotCount())));
  s.Slots()[slot] = at;
  s.uncommitted = true;
  return Status::Ok();
}

Status RecordStore::Commit() {
  Impl& s = *impl_;
  if (!s.uncommitted) return Status::Ok();
  PASSEND_RETURN_IF_ERROR(s.descriptions.Sync());
  PASSEND_RETURN_IF_ERROR(s.records.Sync());
  PASSEND_RETURN_IF_ERROR(s.SyncOffsets(s.records.end));
  s.uncommitted = false;
  return Status::Ok();
}

}  // namespace passend
