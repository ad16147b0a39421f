#include "checker/fetch/robots.h"

#include <gtest/gtest.h>

namespace credcheck {
namespace {

TEST(Robots, TheToolsGroupWinsOverStarAndGroupsMerge) {
  const char* text =
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: credcheck\n"
      "Disallow: /private\n"
      "\n"
      "User-agent: other\n"
      "Disallow: /news\n"
      "\n"
      "user-agent: CREDCHECK\n"  // names match without regard to case; groups merge
      "Disallow: /drafts/\n";
  RobotsRules r = RobotsRules::parse(text, "credcheck");
  EXPECT_TRUE(r.allowed("/news/a.html"));  // neither `*` nor `other` applies
  EXPECT_FALSE(r.allowed("/private/a.html"));
  EXPECT_FALSE(r.allowed("/privateer"));  // a prefix, not a folder
  EXPECT_FALSE(r.allowed("/drafts/x"));
  EXPECT_EQ(r.rule_count(), 2u);
  // Another crawler gets `*`.
  EXPECT_FALSE(RobotsRules::parse(text, "somebot").allowed("/news/a.html"));
}

TEST(Robots, SeveralAgentsShareTheirGroupAndAgentsAreProductTokens) {
  RobotsRules r = RobotsRules::parse(
      "User-agent: otherbot\nUser-agent: credcheck/2.0\nDisallow: /x\n", "credcheck");
  EXPECT_FALSE(r.allowed("/x"));
  // "credcheckfoo" is another product.
  EXPECT_TRUE(RobotsRules::parse("User-agent: credcheckfoo\nDisallow: /\n", "credcheck").allowed("/x"));
}

TEST(Robots, LongestMatchWinsAndAllowWinsATie) {
  RobotsRules r = RobotsRules::parse(
      "User-agent: *\n"
      "Disallow: /a\n"
      "Allow: /a/b\n"
      "Disallow: /a/b/c\n"
      "Allow: /same\n"
      "Disallow: /same\n",
      "credcheck");
  EXPECT_FALSE(r.allowed("/a/x"));
  EXPECT_TRUE(r.allowed("/a/b/x"));
  EXPECT_FALSE(r.allowed("/a/b/c/d"));
  EXPECT_TRUE(r.allowed("/same/page"));
}

TEST(Robots, WildcardsAndEndAnchors) {
  RobotsRules r = RobotsRules::parse(
      "User-agent: *\n"
      "Disallow: /*.pdf$\n"
      "Disallow: /*?print=\n"
      "Allow: /files/*.pdf$\n"
      "Disallow: /exact$\n",
      "credcheck");
  EXPECT_FALSE(r.allowed("/docs/a.pdf"));
  EXPECT_TRUE(r.allowed("/docs/a.pdf?x=1"));  // $ is the end of path and query
  EXPECT_TRUE(r.allowed("/files/a.pdf"));     // the longer Allow
  EXPECT_FALSE(r.allowed("/news/1.html?print=1"));
  EXPECT_TRUE(r.allowed("/news/1.html"));
  EXPECT_FALSE(r.allowed("/exact"));
  EXPECT_TRUE(r.allowed("/exact/more"));
  EXPECT_TRUE(robots_pattern_matches("/a*b*c", "/aXXbYYc/z"));
  EXPECT_FALSE(robots_pattern_matches("/a*b*c$", "/aXXbYYc/z"));
  EXPECT_TRUE(robots_pattern_matches("*", ""));
}

TEST(Robots, EmptyDisallowCommentsAndJunkLines) {
  RobotsRules r = RobotsRules::parse(
      "# a comment\r\n"
      "Disallow: /before-any-agent\r\n"  // outside a group: ignored
      "User-agent: * # everyone\r\n"
      "this line means nothing\r\n"
      "Disallow:\r\n"  // disallows nothing
      "Disallow: /tmp # not the comment\r\n",
      "credcheck");
  EXPECT_TRUE(r.allowed("/before-any-agent"));
  EXPECT_TRUE(r.allowed("/anything"));
  EXPECT_FALSE(r.allowed("/tmp/x"));
  EXPECT_EQ(r.rule_count(), 1u);
}

TEST(Robots, CrawlDelayOfTheChosenGroup) {
  RobotsRules r = RobotsRules::parse(
      "User-agent: *\nCrawl-delay: 9\n\nUser-agent: credcheck\nCrawl-delay: 1.5\nDisallow:\n", "credcheck");
  EXPECT_DOUBLE_EQ(r.crawl_delay(), 1.5);
  EXPECT_DOUBLE_EQ(RobotsRules::parse("User-agent: *\nCrawl-delay: 9\n", "credcheck").crawl_delay(), 9);
  EXPECT_LT(RobotsRules::parse("User-agent: *\nCrawl-delay: soon\n", "credcheck").crawl_delay(), 0);
}

TEST(Robots, RobotsTxtItselfAndDisallowAll) {
  RobotsRules none = RobotsRules::disallow_all();
  EXPECT_FALSE(none.allowed("/"));
  EXPECT_FALSE(none.allowed(""));
  EXPECT_TRUE(none.allowed("/robots.txt"));
  EXPECT_TRUE(RobotsRules().allowed("/anything"));
}

TEST(Robots, OnlyTheFirstPartOfAHugeFileIsRead) {
  std::string text = "User-agent: *\n";
  while (text.size() < kMaxRobotsBytes) text += "Allow: /filler\n";
  text += "Disallow: /late\n";
  EXPECT_TRUE(RobotsRules::parse(text, "credcheck").allowed("/late"));
}

TEST(Robots, TheMatcherStaysLinearOnPathologicalPatterns) {
  // A backtracking regex engine takes exponential time here; the glob matcher is quadratic
  // at worst, so this finishes (no time asserted: a hang would be the failure).
  std::string pattern = "/" + std::string(200, '*') + "a" + std::string(200, '*') + "b$";
  std::string path = "/" + std::string(20000, 'a');
  EXPECT_FALSE(robots_pattern_matches(pattern, path));
}

}  // namespace
}  // namespace credcheck
