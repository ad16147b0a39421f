#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

const char* kParams = "licensees: [news.example.cn, .partner.com, '*.Wild.ORG']";

TEST(LicensedHostTest, NeedsAHost) {
  // Without one the engine lists the rule as not checked (engine_test), never passed.
  auto rule = test::make_rule("licensed-host", "licensees: []");
  EXPECT_EQ(rule->needs(), Rule::Needs::host);
  EXPECT_TRUE(check(*rule, Fields{}, nullptr, "").empty());
}

TEST(LicensedHostTest, CanonicalLinkIsNoHost) {
  auto rule = test::make_rule("licensed-host", "licensees: []");
  Fields page;
  page.canonical = "https://www.xjrb.com/a.html";
  auto findings = check(*rule, page, nullptr, "news.example.cn");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence, "news.example.cn");
}

TEST(LicensedHostTest, PublishersOwnHostsAreNotReprints) {
  auto rule = test::make_rule("licensed-host", "licensees: []");
  for (const char* host : {"www.xjrb.com", "xjrb.com", "epaper.XJRB.com:443", "xjrb.com."})
    EXPECT_TRUE(check(*rule, Fields{}, nullptr, host).empty()) << host;
}

TEST(LicensedHostTest, LicenseesExactOrWithSubdomains) {
  auto rule = test::make_rule("licensed-host", kParams);
  for (const char* host : {"news.example.cn", "NEWS.example.cn:8080", "partner.com",
                           "m.partner.com", "a.b.wild.org", "wild.org"})
    EXPECT_TRUE(check(*rule, Fields{}, nullptr, host).empty()) << host;
  for (const char* host : {"sub.news.example.cn", "example.cn", "evilpartner.com",
                           "partner.com.evil.net", "xjrb.com.evil.net"})
    EXPECT_EQ(check(*rule, Fields{}, nullptr, host).size(), 1u) << host;
}

TEST(LicensedHostTest, FindingNamesTheHost) {
  auto rule = test::make_rule("licensed-host", kParams);
  auto findings = check(*rule, Fields{}, nullptr, "WWW.Reposter.NET:8080");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "licensed-host");
  EXPECT_EQ(findings[0].message, "the message (host www.reposter.net holds no authorisation)");
  EXPECT_EQ(findings[0].evidence, "www.reposter.net");
  EXPECT_EQ(findings[0].expected, "one of: news.example.cn, .partner.com, *.wild.org");
  EXPECT_EQ(findings[0].location, "host");
}

TEST(LicensedHostTest, EmptyListReportsEveryForeignHost) {
  auto rule = test::make_rule("licensed-host", "licensees: []");
  auto findings = check(*rule, Fields{}, nullptr, "news.example.cn");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].expected, "a host with the publisher's written authorisation");
}

TEST(LicensedHostTest, BadParameters) {
  EXPECT_EQ(test::build_error("licensed-host", "{}"),
            "1:1: missing key 'licensees' (a list of strings)");
  EXPECT_EQ(test::build_error("licensed-host", "licensees: news.example.cn"),
            "1:12: 'licensees' must be a list of strings");
  EXPECT_EQ(test::build_error("licensed-host", "licensees:\n  - ok.example.cn\n  - https://x.cn/"),
            "3:5: 'https://x.cn/' is not a host; expected example.com, .example.com or "
            "*.example.com");
  EXPECT_EQ(test::build_error("licensed-host", "licensees: ['a..b']"),
            "1:13: 'a..b' is not a host; expected example.com, .example.com or *.example.com");
}

}  // namespace
}  // namespace credcheck
