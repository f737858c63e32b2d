#include "crawler/url.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <vector>

#include "common/text.h"

namespace passend {
namespace {

struct UrlParts {
  std::string scheme;     // "https:"
  std::string authority;  // "//host:port", empty when absent
  std::string path;
  std::string query;      // with "?", or empty
};

UrlParts SplitUrl(std::string_view url) {
  UrlParts p;
  if (const size_t hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
  const size_t colon = url.find(':');
  const size_t first_special = url.find_first_of("/?");
  if (colon != std::string_view::npos && colon > 0 && colon < first_special) {
    p.scheme = std::string(url.substr(0, colon + 1));
    url.remove_prefix(colon + 1);
  }
  if (StartsWith(url, "//")) {
    const size_t end = url.find_first_of("/?", 2);
    p.authority = std::string(url.substr(0, end));
    url = end == std::string_view::npos ? std::string_view() : url.substr(end);
  }
  const size_t q = url.find('?');
  p.path = std::string(url.substr(0, q));
  if (q != std::string_view::npos) p.query = std::string(url.substr(q));
  return p;
}

// RFC 3986 §5.2.4: removes "." and ".." segments.
std::string RemoveDotSegments(const std::string& path) {
  std::vector<std::string> out;
  const std::vector<std::string> segments = Split(path, '/');
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& s = segments[i];
    const bool last = i + 1 == segments.size();
    if (s == ".") {
      if (last) out.push_back("");
    } else if (s == "..") {
      if (out.size() > 1) out.pop_back();
      if (last) out.push_back("");
    } else {
      out.push_back(s);
    }
  }
  std::string joined;
  for (size_t i = 0; i < out.size(); ++i) joined += (i ? "/" : "") + out[i];
  return joined;
}

std::string Join(const UrlParts& p) { return p.scheme + p.authority + p.path + p.query; }

std::string HostOf(std::string_view url) {
  const UrlParts p = SplitUrl(url);
  std::string_view host = p.authority;
  if (StartsWith(host, "//")) host.remove_prefix(2);
  if (const size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (StartsWith(host, "[")) return std::string(host.substr(1, host.find(']') - 1));
  return std::string(host.substr(0, host.find(':')));
}

bool IsPrivateV4(const std::array<unsigned char, 4>& a) {
  return a[0] == 127 || a[0] == 10 || a[0] == 0 || (a[0] == 172 && (a[1] & 0xF0) == 16) ||
         (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254) || (a[0] == 100 && (a[1] & 0xC0) == 64);
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  const std::string trimmed(Trim(ref));
  UrlParts r = SplitUrl(trimmed);
  if (!r.scheme.empty()) {
    r.path = RemoveDotSegments(r.path);
    return Join(r);
  }
  const UrlParts b = SplitUrl(base);
  r.scheme = b.scheme;
  if (!r.authority.empty()) return Join(r);
  r.authority = b.authority;
  if (r.path.empty()) {
    r.path = b.path;
    if (r.query.empty()) r.query = b.query;
  } else if (r.path[0] != '/') {
    const size_t slash = b.path.rfind('/');
    const std::string dir = slash == std::string::npos ? (b.authority.empty() ? "" : "/") : b.path.substr(0, slash + 1);
    r.path = RemoveDotSegments(dir + r.path);
  } else {
    r.path = RemoveDotSegments(r.path);
  }
  return Join(r);
}

std::string QueryParam(std::string_view url, std::string_view name) {
  const UrlParts p = SplitUrl(url);
  if (p.query.empty()) return "";
  for (const std::string& pair : Split(std::string_view(p.query).substr(1), '&')) {
    const size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) return eq == std::string::npos ? "" : pair.substr(eq + 1);
  }
  return "";
}

std::string SetQueryParam(std::string_view url, std::string_view name, std::string_view value) {
  std::string fragment;
  if (const size_t hash = url.find('#'); hash != std::string_view::npos) fragment = std::string(url.substr(hash));
  UrlParts p = SplitUrl(url);
  std::string query;
  bool replaced = false;
  if (!p.query.empty()) {
    for (const std::string& pair : Split(std::string_view(p.query).substr(1), '&')) {
      if (pair.empty()) continue;
      std::string item = pair;
      if (pair.substr(0, pair.find('=')) == name) {
        item = std::string(name) + "=" + std::string(value);
        replaced = true;
      }
      query += (query.empty() ? "?" : "&") + item;
    }
  }
  if (!replaced) query += (query.empty() ? "?" : "&") + std::string(name) + "=" + std::string(value);
  p.query = query;
  return Join(p) + fragment;
}

bool IsPrivateHost(std::string_view host_in) {
  std::string host = ToLowerAscii(host_in);
  if (StartsWith(host, "[") && EndsWith(host, "]")) host = host.substr(1, host.size() - 2);
  if (host == "localhost" || EndsWith(host, ".localhost") || host.empty()) return true;
  std::array<unsigned char, 4> v4{};
  if (inet_pton(AF_INET, host.c_str(), v4.data()) == 1) return IsPrivateV4(v4);
  std::array<unsigned char, 16> v6{};
  if (inet_pton(AF_INET6, host.c_str(), v6.data()) != 1) return false;
  const std::array<unsigned char, 16> loopback{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  const std::array<unsigned char, 16> unspecified{};
  if (v6 == loopback || v6 == unspecified) return true;
  if ((v6[0] & 0xFE) == 0xFC) return true;                   // fc00::/7 unique local
  if (v6[0] == 0xFE && (v6[1] & 0xC0) == 0x80) return true;  // fe80::/10 link-local
  const bool mapped_v4 = std::all_of(v6.begin(), v6.begin() + 10, [](unsigned char c) { return c == 0; }) &&
                         v6[10] == 0xFF && v6[11] == 0xFF;
  return mapped_v4 && IsPrivateV4({v6[12], v6[13], v6[14], v6[15]});
}

Status CheckFoundLink(const std::string& link, bool allow_private, bool allow_file) {
  const std::string lower = ToLowerAscii(link.substr(0, 8));
  if (allow_file && StartsWith(lower, "file://")) return Status::Ok();
  if (!StartsWith(lower, "http://") && !StartsWith(lower, "https://")) {
    return Status::InvalidArgument(link + ": link not followed: only http and https links from fetched content");
  }
  if (!allow_private && IsPrivateHost(HostOf(link))) {
    return Status::InvalidArgument(link + ": link not followed: private or loopback address "
                                   "(set \"allow_private_links\" on the source to allow it)");
  }
  return Status::Ok();
}

}  // namespace passend
