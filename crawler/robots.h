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

class Fetcher;

// The robots.txt of every site a crawl visits, fetched once per run and origin, and the
// Crawl-delay between two fetches from one site (at most `max_delay_s`, so a hostile value
// cannot stall the nightly crawl).
class RobotsGate {
 public:
  RobotsGate(Fetcher& fetcher, std::string agent_token, double max_delay_s = 30)
      : fetcher_(fetcher), agent_(std::move(agent_token)), max_delay_s_(max_delay_s) {}

  // Ok when robots.txt lets us fetch `url` (file:// always); otherwise an error naming the
  // URL and why. Waits for the site's Crawl-delay since the previous fetch from it.
  Status Admit(const std::string& url);

 private:
  struct Site {
    RobotsRules rules;
    std::string unreadable;  // why robots.txt could not be read; the site is then skipped
    double last_fetch = -1;  // steady clock seconds
  };
  Fetcher& fetcher_;
  std::string agent_;
  double max_delay_s_;
  std::map<std::string, Site> sites_;  // by origin, "https://host:port"
};

// "https://Host:8080/a?b" → {"https://host:8080", "/a?b"}; nullopt when not http(s).
std::optional<std::pair<std::string, std::string>> SplitOrigin(std::string_view url);

// Whether `path` matches a robots.txt pattern ("*" any run of characters, a final "$" the end).
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace passend
