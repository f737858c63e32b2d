// Source configuration (sources.json, format in docs/sources.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "crawler/mapping.h"

namespace passend {

struct SourceConfig {
  std::string name;
  std::string type;               // one of KnownSourceTypes()
  std::vector<std::string> urls;  // one or more; relative paths become file:// URLs
  bool allow_file = false;        // file:// was configured by the operator
  // Links found in fetched content (next pages, sitemap entries) may point at loopback or
  // private addresses only when the operator says so.
  bool allow_private_links = false;
  std::optional<FeedMapping> mapping;  // the preset with this source's overrides; none for jsonld, sitemap
  std::vector<std::string> include;    // sitemap: follow only links containing one of these
  long max_pages = 100;  // pages of a paginated feed, or sitemaps of a sitemap index: a guard against no end
};

struct SourcesFile {
  std::string user_agent;  // empty = the default
  std::optional<long> retries;           // FetchOptions::retries when given
  std::optional<long> retry_backoff_ms;  // FetchOptions::backoff_ms when given
  std::optional<long> max_connections;           // ConnectionLimits::max_transfers
  std::optional<long> max_connections_per_host;  // ConnectionLimits::max_per_host
  std::optional<long> host_delay_ms;             // ConnectionLimits::host_delay_s, in ms
  std::vector<SourceConfig> sources;
};

// The adapter types this build knows.
const std::vector<std::string>& KnownSourceTypes();

// Loads and validates sources.json. Relative URLs are resolved against the file's
// directory. Errors name the file, the source and the field.
StatusOr<SourcesFile> LoadSources(const std::string& path);

}  // namespace passend
