// File access with Status errors that name the path.
#pragma once

#include <string>

#include "common/status.h"

namespace passend {

// Reads a whole file. NotFound when it does not exist.
StatusOr<std::string> ReadFile(const std::string& path);
// Writes via a temporary file and rename, so readers never see a half-written file.
Status WriteFileAtomic(const std::string& path, const std::string& content);
// Creates a directory and its parents.
Status MakeDirs(const std::string& path);

}  // namespace passend
