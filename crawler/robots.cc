#include "crawler/robots.h"

#include <cstdlib>

#include "common/text.h"

namespace passend {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

struct Line {
  std::string key;  // lower case
  std::string_view value;
};

// "Key: value # comment" → {key, value}; nullopt for blank, comment-only or malformed lines.
std::optional<Line> ParseLine(std::string_view line) {
  if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return Line{ToLowerAscii(Trim(line.substr(0, colon))), Trim(line.substr(colon + 1))};
}

// The product token a user-agent line names: its first word, lower case.
std::string AgentToken(std::string_view value) {
  const size_t end = value.find_first_of(" \t/");
  return ToLowerAscii(value.substr(0, end));
}

}  // namespace

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Greedy glob match with backtracking to the last '*'.
  size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (p == pattern.size() && !anchored) {
      return true;  // the pattern is a prefix of the path
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules r;
  r.disallow_all_ = true;
  return r;
}

RobotsRules RobotsRules::ForUnreadable(long http_status) {
  return http_status >= 400 && http_status < 500 ? AllowAll() : DisallowAll();
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view agent) {
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string me = ToLowerAscii(agent);
  RobotsRules mine, any;
  bool found_mine = false;
  // A group is one or more user-agent lines and the rules after them.
  bool in_agents = false, group_mine = false, group_any = false;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const auto line = ParseLine(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line) continue;
    if (line->key == "user-agent") {
      if (!in_agents) group_mine = group_any = false;
      in_agents = true;
      const std::string token = AgentToken(line->value);
      group_mine = group_mine || token == me;
      group_any = group_any || token == "*";
      found_mine = found_mine || token == me;
      continue;
    }
    in_agents = false;
    RobotsRules* into = group_mine ? &mine : group_any ? &any : nullptr;
    if (!into) continue;
    if (line->key == "allow" || line->key == "disallow") {
      if (!line->value.empty()) into->rules_.push_back({std::string(line->value), line->key == "allow"});
    } else if (line->key == "crawl-delay") {
      char* end = nullptr;
      const std::string v(line->value);
      const double d = std::strtod(v.c_str(), &end);
      if (end != v.c_str() && d >= 0) into->crawl_delay_s_ = d;
    }
  }
  return found_mine ? mine : any;
}

bool RobotsRules::Allowed(std::string_view path) const {
  if (path == "/robots.txt") return true;
  if (disallow_all_) return false;
  const Rule* best = nullptr;
  for (const Rule& r : rules_) {
    if (!RobotsPatternMatches(r.pattern, path)) continue;
    if (!best || r.pattern.size() > best->pattern.size() ||
        (r.pattern.size() == best->pattern.size() && r.allow && !best->allow)) {
      best = &r;
    }
  }
  return !best || best->allow;
}

std::optional<std::pair<std::string, std::string>> SplitOrigin(std::string_view url) {
  const std::string lower = ToLowerAscii(url.substr(0, std::min<size_t>(url.size(), 8)));
  const size_t scheme_end = StartsWith(lower, "https://") ? 8 : StartsWith(lower, "http://") ? 7 : 0;
  if (scheme_end == 0) return std::nullopt;
  const size_t path_start = url.find_first_of("/?#", scheme_end);
  std::string origin = ToLowerAscii(url.substr(0, path_start));
  std::string path = path_start == std::string_view::npos ? "/" : std::string(url.substr(path_start));
  if (const size_t hash = path.find('#'); hash != std::string::npos) path.erase(hash);
  if (path.empty() || path[0] != '/') path.insert(0, "/");
  return std::make_pair(std::move(origin), std::move(path));
}

std::string RobotsGate::OriginOf(const std::string& url) {
  const auto split = SplitOrigin(url);
  return split ? split->first : "";
}

void RobotsGate::Learn(const std::string& origin, const StatusOr<FetchResult>& answer) {
  Site site;
  const long status = answer.ok() ? answer->http_status : 0;
  if (status >= 200 && status < 300) {
    site.rules = RobotsRules::Parse(answer->body, agent_);
  } else {
    site.rules = RobotsRules::ForUnreadable(status);
  }
  if (!answer.ok() || status >= 500 || status < 200) {
    const std::string why = answer.ok() ? "HTTP " + std::to_string(status) : answer.status().message();
    site.unreadable = "robots.txt could not be read (" + why + "), so the site is not crawled";
  }
  sites_[origin] = std::move(site);
}

Status RobotsGate::Check(const std::string& url) const {
  const auto split = SplitOrigin(url);
  if (!split) return Status::Ok();  // file:// sources are the operator's own
  const auto& [origin, path] = *split;
  const auto it = sites_.find(origin);
  if (it == sites_.end()) return Status::Internal(url + ": robots.txt not read yet");
  const Site& site = it->second;
  if (!site.unreadable.empty()) return Status::Unavailable(url + ": " + site.unreadable);
  if (!site.rules.Allowed(path)) return Status::InvalidArgument(url + ": disallowed by " + origin + "/robots.txt");
  return Status::Ok();
}

double RobotsGate::DelayFor(const std::string& origin) const {
  const auto it = sites_.find(origin);
  if (it == sites_.end()) return 0;
  return std::min(it->second.rules.crawl_delay_s().value_or(0), max_delay_s_);
}

}  // namespace passend
