#include "checker/rules/urls.h"

#include <gtest/gtest.h>

namespace credcheck {
namespace {

TEST(UrlKeyTest, SchemeWwwCaseFragmentAndTrailingSlashDoNotCount) {
  EXPECT_EQ(url_key("https://www.Example.com/a/b/?q=1#top"), "example.com/a/b?q=1");
  EXPECT_EQ(url_key("http://example.com:8080/a/b?q=1"), "example.com/a/b?q=1");
  EXPECT_EQ(url_key("//example.com/a"), "example.com/a");
  EXPECT_EQ(url_key("  HTTPS://example.com  "), "example.com");
  EXPECT_NE(url_key("https://example.com/a?q=1"), url_key("https://example.com/a?q=2"));
}

TEST(UrlKeyTest, RelativeAndOtherSchemesGiveNothing) {
  for (const char* u : {"/a/b.html", "a.html", "file:///tmp/a.html", "mailto:x@example.com",
                        "javascript:void(0)", "", "https://", "https:///a"})
    EXPECT_EQ(url_key(u), "") << u;
}

TEST(UrlKeyTest, HostOfAnAbsoluteUrl) {
  EXPECT_EQ(url_host("https://WWW.xjrb.com:443/news/1.html"), "www.xjrb.com");
  EXPECT_EQ(url_host("https://m.xjrb.com?x=1"), "m.xjrb.com");
  EXPECT_EQ(url_host("/news/1.html"), "");
  // Userinfo is not the host; an IPv6 literal keeps its brackets, not its port.
  EXPECT_EQ(url_host("https://other.example@www.xjrb.com/a"), "www.xjrb.com");
  EXPECT_EQ(url_host("https://www.xjrb.com:pw@other.example:8080/a"), "other.example");
  EXPECT_EQ(url_host("http://[2001:DB8::1]:8080/a"), "[2001:db8::1]");
  EXPECT_EQ(url_key("https://u@www.xjrb.com/news/1.html"), "xjrb.com/news/1.html");
}

}  // namespace
}  // namespace credcheck
