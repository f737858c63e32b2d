// robots.txt per RFC 9309: the rules of the group for our product token (or "*"), longest
// match wins and allow wins a tie, "*" and "$" in patterns, plus the common Crawl-delay.
// What a fetch of robots.txt answered decides the rest: 4xx allows everything, 5xx or no
// answer at all disallows everything (RFC 9309 §2.3.1).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "crawler/fetcher.h"

namespace passend {

class RobotsRules {
 public:
  // The rules in `text` for the crawler whose product token is `agent` ("Passend").
  static RobotsRules Parse(std::string_view text, std::string_view agent);
  static RobotsRules AllowAll();
  static RobotsRules DisallowAll();
  // For a robots.txt that could not be read: 400-499 allow all, anything else disallows.
  static RobotsRules ForUnreadable(long http_status);

  // `path` is the URL's path and query ("/vacatures?page=2").
  bool Allowed(std::string_view path) const;
  std::optional<double> crawl_delay_s() const { return crawl_delay_s_; }

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules_;
  bool disallow_all_ = false;
  std::optional<double> crawl_delay_s_;
};

// The robots.txt of every site a crawl visits, read once per run and origin (the crawl
// fetches it; the gate keeps what it said), and the Crawl-delay between two fetches from one
// site (at most `max_delay_s`, so a hostile value cannot stall the nightly crawl).
class RobotsGate {
 public:
  RobotsGate(std::string agent_token, double max_delay_s = 30)
      : agent_(std::move(agent_token)), max_delay_s_(max_delay_s) {}

  // The origin whose robots.txt decides about `url` ("https://host:port"); "" for file://.
  static std::string OriginOf(const std::string& url);
  bool Known(const std::string& origin) const { return origin.empty() || sites_.count(origin) > 0; }
  // Takes what fetching ORIGIN/robots.txt answered (any status, or no answer at all).
  void Learn(const std::string& origin, const StatusOr<FetchResult>& answer);
  // Ok when robots.txt lets us fetch `url` (file:// always); otherwise an error naming the URL
  // and why. The origin must be Known().
  Status Check(const std::string& url) const;
  // The Crawl-delay to keep between fetches from the origin, capped.
  double DelayFor(const std::string& origin) const;

 private:
  struct Site {
    RobotsRules rules;
    std::string unreadable;  // why robots.txt could not be read; the site is then skipped
  };
  std::string agent_;
  double max_delay_s_;
  std::map<std::string, Site> sites_;  // by origin, "https://host:port"
};

// "https://Host:8080/a?b" → {"https://host:8080", "/a?b"}; nullopt when not http(s).
std::optional<std::pair<std::string, std::string>> SplitOrigin(std::string_view url);

// Whether `path` matches a robots.txt pattern ("*" any run of characters, a final "$" the end).
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace passend
