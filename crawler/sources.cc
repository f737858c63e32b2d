#include "crawler/sources.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "common/file.h"
#include "common/json.h"
#include "common/text.h"
#include "crawler/adapters.h"

namespace passend {

const std::vector<std::string>& KnownSourceTypes() {
  static const std::vector<std::string> kTypes = {
      "xml-indeed", "xml-personio", "xml-hrxml", "rss", "atom", "xml",
      "json-recruitee", "json-greenhouse", "json-lever", "json-workable", "json-smartrecruiters", "json-feed", "json",
      "jsonld", "sitemap"};
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

// One expression or a list of them.
std::vector<std::string> Expressions(const rapidjson::Value& v, FieldReader& r, const std::string& field) {
  std::vector<std::string> out;
  if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  if (v.IsArray()) {
    for (const auto& e : v.GetArray()) {
      if (e.IsString()) out.emplace_back(e.GetString(), e.GetStringLength());
    }
  }
  if (out.empty() || (v.IsArray() && out.size() != v.Size())) r.Fail(field, "expected a string or an array of strings");
  return out;
}

void CheckAt(FieldReader& r, const std::string& field, FeedMapping::Syntax syntax, const std::string& expr) {
  if (Status s = CheckExpression(syntax, expr); !s.ok()) r.Fail(field, s.message());
}

// "fields": {"title": "titel", "description": ["omschrijving", "eisen"]}: replaces the
// preset's expressions for each field named.
void ReadFields(FieldReader& r, FeedMapping* m) {
  const rapidjson::Value* fields = r.Get("fields");
  if (!fields) return;
  if (!fields->IsObject()) return r.Fail("fields", "expected an object");
  for (const auto& f : fields->GetObject()) {
    const std::string name(f.name.GetString(), f.name.GetStringLength());
    const std::string at = "fields." + name;
    if (!IsMappableField(name)) {
      std::string known;
      for (const auto& k : MappableFields()) known += (known.empty() ? "" : ", ") + k;
      return r.Fail(at, "unknown field (known: " + known + ")");
    }
    m->fields[name] = Expressions(f.value, r, at);
    for (const std::string& e : m->fields[name]) CheckAt(r, at, m->syntax, e);
  }
}

void ReadDefaults(FieldReader& r, FeedMapping* m) {
  const rapidjson::Value* defaults = r.Get("defaults");
  if (!defaults) return;
  if (!defaults->IsObject()) return r.Fail("defaults", "expected an object");
  for (const auto& f : defaults->GetObject()) {
    const std::string name(f.name.GetString(), f.name.GetStringLength());
    if (!IsMappableField(name)) return r.Fail("defaults." + name, "unknown field");
    if (!f.value.IsString()) return r.Fail("defaults." + name, "expected a string");
    m->defaults[name] = f.value.GetString();
  }
}

void ReadPagination(FieldReader& r, FeedMapping* m) {
  auto p = r.Object("pagination");
  if (!p) return;
  Pagination& pg = m->pagination;
  pg = Pagination();
  pg.next = p->String("next");
  pg.page_param = p->String("page_param");
  pg.first_page = p->Int("first_page").value_or(1);
  pg.offset_param = p->String("offset_param");
  pg.limit_param = p->String("limit_param");
  pg.page_size = p->Int("page_size").value_or(100);
  const int ways = !pg.next.empty() + !pg.page_param.empty() + !pg.offset_param.empty();
  if (ways > 1) p->Fail("next", "set one of next, page_param and offset_param");
  if (pg.page_size < 1 || pg.page_size > 10000) p->Fail("page_size", "expected 1 to 10000");
  if (!pg.next.empty()) CheckAt(*p, "next", FeedMapping::Syntax::kJson, pg.next);
}

// The source's mapping: its type's preset (or, for "xml" and "json", nothing) with the
// configured items, root, fields, defaults and pagination laid over it.
std::optional<FeedMapping> ReadMapping(FieldReader& r, const std::string& type) {
  std::optional<FeedMapping> m = PresetMapping(type);
  if (!m && type != "xml" && type != "json") return std::nullopt;
  if (!m) {
    m.emplace();
    m->syntax = type == "xml" ? FeedMapping::Syntax::kXml : FeedMapping::Syntax::kJson;
    if (!r.Has("items") && type == "xml") r.Fail("items", "missing (required for type xml)");
    if (!r.Has("fields")) r.Fail("fields", "missing (required for type " + type + ")");
  }
  if (r.Has("items")) m->items = r.String("items");
  if (r.Has("root")) m->root = r.String("root");
  CheckAt(r, "items", m->syntax, m->items);
  ReadFields(r, &*m);
  ReadDefaults(r, &*m);
  ReadPagination(r, &*m);
  if (m->fields.find("title") == m->fields.end()) r.Fail("fields.title", "missing (every vacancy needs a title)");
  return m;
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
  out.max_connections = top.Int("max_connections");
  out.max_connections_per_host = top.Int("max_connections_per_host");
  out.host_delay_ms = top.Int("host_delay_ms");
  PASSEND_RETURN_IF_ERROR(top.status());
  for (const auto& [field, value, max] : {std::tuple{"max_connections", out.max_connections, 1000L},
                                          std::tuple{"max_connections_per_host", out.max_connections_per_host, 100L},
                                          std::tuple{"host_delay_ms", out.host_delay_ms, 600000L}}) {
    const long min = std::string(field) == "host_delay_ms" ? 0 : 1;
    if (value && (*value < min || *value > max)) {
      return Status::InvalidArgument(path + ": " + field + ": expected " + std::to_string(min) + " to " + std::to_string(max));
    }
  }
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
    s.allow_private_links = r.Bool("allow_private_links").value_or(false);
    s.include = r.StringArray("include");
    s.max_pages = r.Int("max_pages").value_or(100);
    if (s.max_pages < 1 || s.max_pages > 100000) r.Fail("max_pages", "expected 1 to 100000");
    s.mapping = ReadMapping(r, s.type);
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
