// A file mapped into memory with MAP_SHARED, so what a writer stores through its mapping
// (or with write()) is seen at once by every process that maps the file.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "common/status.h"

namespace passend {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  ~MappedFile() { Unmap(); }

  // Maps the first `bytes` of the open file `fd` (nothing when 0); `path` names it in errors.
  Status Map(int fd, size_t bytes, bool writable, const std::string& path);
  // Maps all of the file at `path`, read-only; a file that does not exist maps as empty.
  Status MapWhole(const std::string& path);
  void Unmap();

  char* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  char* data_ = nullptr;
  size_t size_ = 0;
};

// A read-only mapping of all of the file at `path`, shared by every caller in the process
// while one holds it (threads each with their own reader), so that its pages are mapped and
// counted in the resident set once. A mapping made earlier is given again when it holds at
// least `min_bytes`; otherwise the file, which grew, is mapped anew. Files are told apart by
// inode, so a file renamed over `path` is mapped anew too. An absent file maps as empty.
StatusOr<std::shared_ptr<const MappedFile>> MapShared(const std::string& path, size_t min_bytes);

// The size of the open file `fd`, or an error naming `path`.
StatusOr<size_t> FileSize(int fd, const std::string& path);
// An Unavailable status naming `path`, `what` failed and errno's text.
Status IoError(const std::string& path, const std::string& what);

}  // namespace passend
