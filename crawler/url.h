// URLs found in remote content: resolving them against the page they came from, setting a
// query parameter for pagination, and deciding whether one may be followed at all.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace passend {

// `ref` resolved against `base` (RFC 3986 §5.2, enough for feed links: absolute,
// scheme-relative "//h/p", absolute-path "/p", relative "./p", "../p" and "?q").
std::string ResolveUrl(std::string_view base, std::string_view ref);

// `url` with query parameter `name` set to `value` (replaced when present, else appended).
std::string SetQueryParam(std::string_view url, std::string_view name, std::string_view value);
// The value of query parameter `name`, or "" when absent.
std::string QueryParam(std::string_view url, std::string_view name);

// Whether `host` (a name or an IP literal, brackets allowed) is loopback, private,
// link-local or unspecified: "localhost", 127/8, 10/8, 172.16/12, 192.168/16, 169.254/16,
// 0/8, 100.64/10, ::1, fc00::/7, fe80::/10.
bool IsPrivateHost(std::string_view host);

// Ok when a link found in a fetched document may be fetched: http or https only (file://
// too when `allow_file`: the operator configured the source as a file), and no private or
// loopback host unless `allow_private`. The error names the link and the reason.
Status CheckFoundLink(const std::string& link, bool allow_private, bool allow_file);

}  // namespace passend
