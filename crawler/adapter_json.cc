// JSON APIs read through a field mapping: JSON Pointer (RFC 6901) with two extensions, "*"
// for every element of an array and a leading "^" for the document root.
#include <charconv>

#include "common/json.h"
#include "common/text.h"
#include "crawler/adapters.h"
#include "crawler/url.h"

namespace passend {
namespace {

std::string Unescape(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

std::vector<std::string> Tokens(std::string_view pointer) {
  std::vector<std::string> out;
  if (pointer.empty()) return out;
  for (const std::string& t : Split(pointer.substr(1), '/')) out.push_back(Unescape(t));
  return out;
}

// With `each_scalar`, a list of scalars at the end yields each of them.
void Collect(const rapidjson::Value& v, const std::vector<std::string>& tokens, size_t i, bool each_scalar,
             std::vector<const rapidjson::Value*>* out) {
  if (i == tokens.size()) {
    if (v.IsArray() && each_scalar) {
      for (const auto& e : v.GetArray()) {
        if (!e.IsObject() && !e.IsArray()) out->push_back(&e);  // a list of scalars: each one
      }
    } else {
      out->push_back(&v);
    }
    return;
  }
  const std::string& t = tokens[i];
  if (v.IsArray()) {
    if (t == "*") {
      for (const auto& e : v.GetArray()) Collect(e, tokens, i + 1, each_scalar, out);
      return;
    }
    const auto index = ParseInt(t);
    if (index && *index >= 0 && static_cast<rapidjson::SizeType>(*index) < v.Size()) {
      Collect(v[static_cast<rapidjson::SizeType>(*index)], tokens, i + 1, each_scalar, out);
    }
    return;
  }
  if (!v.IsObject()) return;
  if (t == "*") {
    for (const auto& m : v.GetObject()) Collect(m.value, tokens, i + 1, each_scalar, out);
    return;
  }
  const auto it = v.FindMember(rapidjson::Value(t.c_str(), static_cast<rapidjson::SizeType>(t.size())));
  if (it != v.MemberEnd()) Collect(it->value, tokens, i + 1, each_scalar, out);
}

// The values a mapping expression points at, from `item` or (with "^") from `root`.
std::vector<const rapidjson::Value*> Resolve(const std::string& expr, const rapidjson::Value& item,
                                             const rapidjson::Value& root, bool each_scalar = true) {
  std::vector<const rapidjson::Value*> out;
  const bool from_root = StartsWith(expr, "^");
  Collect(from_root ? root : item, Tokens(std::string_view(expr).substr(from_root ? 1 : 0)), 0, each_scalar, &out);
  return out;
}

// APIs send numbers as strings and strings as numbers: every scalar becomes text.
std::string Scalar(const rapidjson::Value& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  if (v.IsNumber()) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v.GetDouble());
    return std::string(buf, r.ptr);
  }
  return "";
}

std::string NextPage(const FeedMapping& m, const rapidjson::Value& root, const std::string& url, size_t items) {
  const Pagination& p = m.pagination;
  if (!p.next.empty()) {
    for (const auto* v : Resolve(p.next, root, root)) {
      const std::string next = Scalar(*v);
      if (!next.empty()) return ResolveUrl(url, next);
    }
    return "";
  }
  if (items == 0) return "";
  if (!p.page_param.empty()) {
    const long page = ParseInt(QueryParam(url, p.page_param)).value_or(p.first_page);
    return SetQueryParam(url, p.page_param, std::to_string(page + 1));
  }
  if (!p.offset_param.empty() && items >= static_cast<size_t>(p.page_size)) {
    const long offset = ParseInt(QueryParam(url, p.offset_param)).value_or(0);
    const std::string next = SetQueryParam(url, p.offset_param, std::to_string(offset + static_cast<long>(items)));
    return SetQueryParam(next, p.limit_param, std::to_string(p.page_size));
  }
  return "";
}

}  // namespace

std::string FirstPageUrl(const Pagination& p, const std::string& url) {
  if (p.offset_param.empty() || !QueryParam(url, p.offset_param).empty()) return url;
  const std::string with_offset = SetQueryParam(url, p.offset_param, "0");
  return p.limit_param.empty() ? with_offset : SetQueryParam(with_offset, p.limit_param, std::to_string(p.page_size));
}

StatusOr<ParsedFeed> ParseMappedJson(const std::string& source, const FeedMapping& m, const std::string& url,
                                     const std::string& body) {
  const std::string_view text = StartsWith(body, "\xEF\xBB\xBF") ? std::string_view(body).substr(3) : body;
  auto doc = ParseJson(text, source);
  if (!doc.ok()) return doc.status();
  const std::vector<const rapidjson::Value*> lists = Resolve(m.items, *doc, *doc, false);
  if (lists.size() != 1 || !lists[0]->IsArray()) {
    const std::string where = m.items.empty() ? "the document" : m.items;
    return Status::InvalidArgument(source + ": " + where + ": expected an array of items");
  }
  ParsedFeed feed;
  int n = 0;
  for (const auto& item : lists[0]->GetArray()) {
    ++n;
    ++feed.items;
    if (!item.IsObject()) {
      feed.record_errors.push_back(source + ": record " + std::to_string(n) + ": expected an object");
      continue;
    }
    PostingBuilder b(m);
    for (const auto& [field, exprs] : m.fields) {
      for (const std::string& e : exprs) {
        for (const auto* v : Resolve(e, item, *doc)) b.Add(field, Scalar(*v));
      }
    }
    RawPosting p = b.Finish(source);
    if (const std::string e = MissingIdError(m, p, n); !e.empty()) {
      feed.record_errors.push_back(source + ": " + e);
      continue;
    }
    feed.postings.push_back(std::move(p));
  }
  feed.next_url = NextPage(m, *doc, url, feed.items);
  return feed;
}

StatusOr<ParsedFeed> ParseRecruiteeJson(const std::string& source, const std::string& body) {
  static const FeedMapping kRecruitee = *PresetMapping("json-recruitee");
  return ParseMappedJson(source, kRecruitee, "", body);
}

}  // namespace passend
