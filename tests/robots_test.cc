// robots.txt per RFC 9309 (examples from §2 and §5 of the RFC, and common real-world forms).
#include <gtest/gtest.h>

#include "crawler/robots.h"

namespace passend {
namespace {

TEST(RobotsTest, OurGroupIsChosenOverTheStarGroupAndGroupsForUsMerge) {
  const auto r = RobotsRules::Parse(
      "User-agent: *\nDisallow: /\n\n"
      "User-agent: OtherBot\nUser-Agent: passend/1.0\nDisallow: /intern/\n\n"
      "user-agent: Passend\ndisallow: /admin\n",
      "Passend");
  EXPECT_TRUE(r.Allowed("/vacatures/123"));
  EXPECT_FALSE(r.Allowed("/intern/x"));
  EXPECT_FALSE(r.Allowed("/admin"));
  const auto other = RobotsRules::Parse("User-agent: *\nDisallow: /\n\nUser-agent: OtherBot\nAllow: /\n", "Passend");
  EXPECT_FALSE(other.Allowed("/vacatures"));  // only the * group applies to us
}

TEST(RobotsTest, LongestMatchWinsAndAllowWinsATie) {
  const auto r = RobotsRules::Parse(
      "User-agent: *\nDisallow: /vacatures\nAllow: /vacatures/open\nDisallow: /x\nAllow: /x\n", "Passend");
  EXPECT_FALSE(r.Allowed("/vacatures/gesloten"));
  EXPECT_TRUE(r.Allowed("/vacatures/open/42"));
  EXPECT_TRUE(r.Allowed("/x/y"));  // same length: the least restrictive rule
  EXPECT_TRUE(r.Allowed("/werken-bij"));
}

TEST(RobotsTest, WildcardsAndEndAnchors) {
  const auto r = RobotsRules::Parse("User-agent: *\nDisallow: /*.php$\nDisallow: /zoek*?q=\n", "Passend");
  EXPECT_FALSE(r.Allowed("/index.php"));
  EXPECT_TRUE(r.Allowed("/index.php?page=2"));
  EXPECT_FALSE(r.Allowed("/zoeken?q=magazijn"));
  EXPECT_TRUE(r.Allowed("/zoeken"));
  EXPECT_TRUE(RobotsPatternMatches("/a*b", "/axxbyy"));
  EXPECT_FALSE(RobotsPatternMatches("/a*b$", "/axxbyy"));
  EXPECT_TRUE(RobotsPatternMatches("/a*b$", "/axxbyb"));
}

TEST(RobotsTest, EmptyDisallowCommentsBomCrlfAndCrawlDelay) {
  const auto r = RobotsRules::Parse(
      "\xEF\xBB\xBF# vacatures\r\nUSER-AGENT: *   # iedereen\r\nDisallow:\r\nCrawl-delay: 2.5\r\n", "Passend");
  EXPECT_TRUE(r.Allowed("/alles"));
  ASSERT_TRUE(r.crawl_delay_s().has_value());
  EXPECT_DOUBLE_EQ(*r.crawl_delay_s(), 2.5);
  EXPECT_FALSE(RobotsRules::Parse("User-agent: *\nCrawl-delay: soms\n", "Passend").crawl_delay_s().has_value());
}

TEST(RobotsTest, AnUnreadableRobotsTxtAllowsOnlyAfterA4xx) {
  EXPECT_TRUE(RobotsRules::ForUnreadable(404).Allowed("/vacatures"));
  EXPECT_TRUE(RobotsRules::ForUnreadable(410).Allowed("/vacatures"));
  EXPECT_FALSE(RobotsRules::ForUnreadable(503).Allowed("/vacatures"));
  EXPECT_FALSE(RobotsRules::ForUnreadable(0).Allowed("/vacatures"));  // no answer
  EXPECT_TRUE(RobotsRules::ForUnreadable(503).Allowed("/robots.txt"));
  EXPECT_TRUE(RobotsRules::Parse("User-agent: *\nDisallow: /\n", "Passend").Allowed("/robots.txt"));
}

TEST(RobotsTest, RulesBeforeAnyUserAgentAreIgnored) {
  const auto r = RobotsRules::Parse("Disallow: /\nUser-agent: *\nDisallow: /prive\n", "Passend");
  EXPECT_TRUE(r.Allowed("/vacatures"));
  EXPECT_FALSE(r.Allowed("/prive/1"));
}

}  // namespace
}  // namespace passend
