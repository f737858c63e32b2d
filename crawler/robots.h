// robots.txt per RFC 9309: the rules of the group for our product token (or "*"), longest
// match wins and allow wins a tie, "*" and "$" in patterns, plus the common Crawl-delay.
// What a fetch of robots.txt answered decides the rest: 4xx allows everything, 5xx or no
// answer at all disallows everything (RFC 9309 §2.3.1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Whether `path` matches a robots.txt pattern ("*" any run of characters, a final "$" the end).
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace passend
