#include "common/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>
#include <utility>

namespace passend {

Status IoError(const std::string& path, const std::string& what) {
  return Status::Unavailable(path + ": " + what + ": " + std::strerror(errno));
}

StatusOr<size_t> FileSize(int fd, const std::string& path) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return IoError(path, "cannot stat");
  return static_cast<size_t>(st.st_size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    Unmap();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

Status MappedFile::Map(int fd, size_t bytes, bool writable, const std::string& path) {
  Unmap();
  if (bytes == 0) return Status::Ok();
  void* map =
      ::mmap(nullptr, bytes, writable ? PROT_READ | PROT_WRITE : PROT_READ, MAP_SHARED, fd, 0);
  if (map == MAP_FAILED) return IoError(path, "cannot map");
  data_ = static_cast<char*>(map);
  size_ = bytes;
  return Status::Ok();
}

Status MappedFile::MapWhole(const std::string& path) {
  Unmap();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? Status::Ok() : IoError(path, "cannot open");
  StatusOr<size_t> bytes = FileSize(fd, path);
  Status s = bytes.ok() ? Map(fd, *bytes, /*writable=*/false, path) : bytes.status();
  ::close(fd);
  return s;
}

void MappedFile::Unmap() {
  if (data_) ::munmap(data_, size_);
  data_ = nullptr;
  size_ = 0;
}

StatusOr<std::shared_ptr<const MappedFile>> MapShared(const std::string& path, size_t min_bytes) {
  static std::mutex mu;
  static std::map<std::pair<dev_t, ino_t>, std::weak_ptr<const MappedFile>> mappings;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::make_shared<const MappedFile>();
    return IoError(path, "cannot open");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const Status failed = IoError(path, "cannot stat");
    ::close(fd);
    return failed;
  }
  std::lock_guard lock(mu);
  std::weak_ptr<const MappedFile>& known = mappings[{st.st_dev, st.st_ino}];
  std::shared_ptr<const MappedFile> held = known.lock();
  if (!held || held->size() < min_bytes) {
    auto fresh = std::make_shared<MappedFile>();
    const Status mapped = fresh->Map(fd, static_cast<size_t>(st.st_size), /*writable=*/false, path);
    if (!mapped.ok()) {
      ::close(fd);
      return mapped;
    }
    held = std::move(fresh);
    known = held;
  }
  ::close(fd);
  return held;
}

}  // namespace passend
