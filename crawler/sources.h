// Source configuration (sources.json, format in docs/sources.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace passend {

struct SourceConfig {
  std::string name;
  std::string type;               // "xml-indeed", "json-recruitee", "jsonld"
  std::vector<std::string> urls;  // one or more; relative paths become file:// URLs
  bool allow_file = false;        // file:// was configured by the operator
};

struct SourcesFile {
  std::string user_agent;  // empty = the default
  std::optional<long> retries;           // FetchOptions::retries when given
  std::optional<long> retry_backoff_ms;  // FetchOptions::backoff_ms when given
  std::vector<SourceConfig> sources;
};

// The adapter types this build knows.
const std::vector<std::string>& KnownSourceTypes();

// Loads and validates sources.json. Relative URLs are resolved against the file's
// directory. Errors name the file, the source and the field.
StatusOr<SourcesFile> LoadSources(const std::string& path);

}  // namespace passend
