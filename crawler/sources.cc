#include "crawler/sources.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "common/file.h"
#include "common/json.h"
#include "common/text.h"

namespace passend {

const std::vector<std::string>& KnownSourceTypes() {
  static const std::vector<std::string> kTypes = {"xml-indeed", "json-recruitee", "jsonld"};
  return kTypes;
}

namespace {

std::string ResolveUrl(const std::string& url, const std::filesystem::path& base, bool* is_file) {
  if (StartsWith(url, "file://")) {
    *is_file = true;
    return url;
  }
  if (url.find("://") != std::string::npos) return url;
  *is_file = true;
  const std::filesystem::path p = std::filesystem::path(url).is_absolute() ? std::filesystem::path(url) : base / url;
  return "file://" + std::filesystem::absolute(p).lexically_normal().string();
}

}  // namespace

StatusOr<SourcesFile> LoadSources(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  auto doc = ParseJson(*text, path);
  if (!doc.ok()) return doc.status();
  FieldReader top(*doc, path);
  SourcesFile out;
  out.user_agent = top.String("user_agent");
  out.retries = top.Int("retries");
  out.retry_backoff_ms = top.Int("retry_backoff_ms");
  PASSEND_RETURN_IF_ERROR(top.status());
  if (out.retries && (*out.retries < 0 || *out.retries > 10)) {
    return Status::InvalidArgument(path + ": retries: expected 0 to 10");
  }
  if (out.retry_backoff_ms && (*out.retry_backoff_ms < 0 || *out.retry_backoff_ms > 600000)) {
    return Status::InvalidArgument(path + ": retry_backoff_ms: expected 0 to 600000");
  }
  const rapidjson::Value* list = top.Get("sources");
  if (!list || !list->IsArray()) return Status::InvalidArgument(path + ": sources: expected an array");
  const auto base = std::filesystem::absolute(path).parent_path();
  std::set<std::string> names;
  for (const auto& sv : list->GetArray()) {
    const std::string index = "sources[" + std::to_string(out.sources.size()) + "]";
    FieldReader r(sv, path, index);
    SourceConfig s;
    s.name = r.String("name", true);
    s.type = r.String("type", true);
    std::vector<std::string> urls = r.StringArray("urls");
    if (const std::string url = r.String("url"); !url.empty()) urls.insert(urls.begin(), url);
    PASSEND_RETURN_IF_ERROR(r.status());
    const auto& types = KnownSourceTypes();
    if (std::find(types.begin(), types.end(), s.type) == types.end()) {
      std::string known;
      for (const auto& t : types) known += (known.empty() ? "" : ", ") + t;
      return Status::InvalidArgument(path + ": source " + s.name + ": type: unknown \"" + s.type +
                                     "\" (known: " + known + ")");
    }
    if (urls.empty()) return Status::InvalidArgument(path + ": source " + s.name + ": url: missing");
    if (!names.insert(s.name).second) {
      return Status::InvalidArgument(path + ": source " + s.name + ": name: used twice");
    }
    for (const std::string& u : urls) {
      bool is_file = false;
      s.urls.push_back(ResolveUrl(u, base, &is_file));
      s.allow_file = s.allow_file || is_file;
    }
    out.sources.push_back(std::move(s));
  }
  return out;
}

}  // namespace passend
