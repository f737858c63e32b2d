// The layout of the record files (indexer/record_store.h), shared by the store and its
// compaction (internal to the indexer).
#pragma once

#include <unistd.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>

#include <xapian.h>

#include "indexer/schema.h"

namespace passend::record_format {

static_assert(std::endian::native == std::endian::little, "the record files are little-endian");

inline constexpr const char* kRecordsName = "passend_records";
inline constexpr const char* kDescriptionsName = "passend_descriptions";
inline constexpr const char* kOffsetsName = "passend_records.idx";
inline constexpr char kRecordsMagic[8] = {'P', 'R', 'E', 'C', 'S', '0', '0', '1'};
inline constexpr char kDescriptionsMagic[8] = {'P', 'D', 'E', 'S', 'C', '0', '0', '1'};
inline constexpr char kOffsetsMagic[8] = {'P', 'R', 'I', 'D', 'X', '0', '0', '1'};
inline constexpr size_t kMagicBytes = 8;
inline constexpr size_t kOffsetsHeader = kMagicBytes + sizeof(uint64_t);  // magic, covered length
inline constexpr size_t kMinSlots = size_t{1} << 16;                      // of a new offsets file

struct EntryHeader {
  uint32_t docid, record_bytes, description_bytes, job_bytes;
  uint64_t description_offset;
  uint64_t EntryBytes() const { return sizeof(EntryHeader) + uint64_t{record_bytes} + job_bytes; }
};
static_assert(sizeof(EntryHeader) == 24);

inline bool ValidDocid(Xapian::docid docid) { return docid != 0 && docid <= schema::kFirstDocid; }
inline size_t SlotOf(Xapian::docid docid) { return schema::kFirstDocid - docid; }
// The slots an offsets file of `bytes` holds.
inline size_t SlotCount(size_t bytes) {
  return bytes < kOffsetsHeader ? 0 : (bytes - kOffsetsHeader) / 8;
}

inline void CloseQuietly(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

inline std::string DamagedMessage(const std::string& path) {
  return path +
         ": not a records file of this passend (damaged?); remove the index directory and crawl "
         "again";
}

}  // namespace passend::record_format
