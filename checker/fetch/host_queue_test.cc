#include "checker/fetch/host_queue.h"

#include <gtest/gtest.h>

#include <ctime>

#include "checker/fetch/multi_fetcher.h"

namespace credcheck {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

FetchJob job(size_t index) {
  FetchJob j;
  j.index = index;
  j.input.spec = "http://a.example/" + std::to_string(index);
  j.input.is_url = true;
  return j;
}

TEST(HostQueues, AtMostPerHostRunAndHostsTakeTurns) {
  HostQueues q(2, 0);
  for (size_t i = 0; i < 4; ++i) q.add("http://a:80", job(i));
  for (size_t i = 10; i < 12; ++i) q.add("http://b:80", job(i));
  SteadyTime now{seconds(100)};
  std::string origin;
  FetchJob j;
  std::vector<std::string> order;
  while (q.take(now, &origin, &j)) order.push_back(origin);
  EXPECT_EQ(order, (std::vector<std::string>{"http://a:80", "http://b:80", "http://a:80", "http://b:80"}));
  EXPECT_EQ(q.waiting(), 2u);
  q.finished("http://a:80");
  ASSERT_TRUE(q.take(now, &origin, &j));
  EXPECT_EQ(j.index, 2u);  // in input order within a host
  EXPECT_FALSE(q.take(now, &origin, &j));
}

TEST(HostQueues, TheIntervalSpacesStartsOnOneHost) {
  HostQueues q(4, 1.0);
  for (size_t i = 0; i < 3; ++i) q.add("http://a:80", job(i));
  SteadyTime now{seconds(100)};
  std::string origin;
  FetchJob j;
  ASSERT_TRUE(q.take(now, &origin, &j));
  EXPECT_FALSE(q.take(now + milliseconds(999), &origin, &j));
  EXPECT_EQ(q.next_due(now), now + seconds(1));
  EXPECT_TRUE(q.take(now + seconds(1), &origin, &j));
  // Given back (robots.txt refused the page): the next may start at once.
  q.unstart("http://a:80");
  EXPECT_TRUE(q.take(now + seconds(1), &origin, &j));
}

TEST(HostQueues, RobotsTxtGoesFirstAndHoldsTheHostsPages) {
  HostQueues q(2, 0);
  q.add("http://a:80", job(0));
  FetchJob robots;
  robots.robots = true;
  q.add("http://a:80", robots);
  q.host("http://a:80").robots_state = HostState::Robots::kFetching;
  SteadyTime now{seconds(100)};
  std::string origin;
  FetchJob j;
  ASSERT_TRUE(q.take(now, &origin, &j));
  EXPECT_TRUE(j.robots);
  EXPECT_FALSE(q.take(now, &origin, &j));  // a free slot, but robots.txt is not known yet
  q.host("http://a:80").robots_state = HostState::Robots::kKnown;
  EXPECT_TRUE(q.take(now, &origin, &j));
}

// A retry or a redirect's hop goes in front of a host's queue, but never in front of
// its robots.txt: the pages wait for that, and would wait for ever.
TEST(HostQueues, ARetryNeverJumpsAWaitingRobotsTxt) {
  HostQueues q(2, 0);
  FetchJob robots;
  robots.robots = true;
  q.retry("http://b:80", job(0), SteadyTime{});  // a first hop to a host not seen yet
  q.add("http://b:80", robots);
  q.host("http://b:80").robots_state = HostState::Robots::kFetching;
  q.retry("http://b:80", job(1), SteadyTime{});  // a second hop before robots.txt started
  SteadyTime now{seconds(100)};
  std::string origin;
  FetchJob j;
  ASSERT_TRUE(q.take(now, &origin, &j));
  EXPECT_TRUE(j.robots);
}

TEST(HostQueues, ARetryWaitsAndFailuresSlowTheHostDown) {
  HostQueues q(2, 0);
  SteadyTime now{seconds(100)};
  q.retry("http://a:80", job(0), now + seconds(5));
  std::string origin;
  FetchJob j;
  EXPECT_FALSE(q.take(now, &origin, &j));
  EXPECT_EQ(q.next_due(now), now + seconds(5));
  q.attempt_failed("http://a:80", Failure::kTimeout, now);
  EXPECT_DOUBLE_EQ(q.host("http://a:80").penalty_s, 0.5);
  q.attempt_failed("http://a:80", Failure::kHttpRetryable, now);
  EXPECT_DOUBLE_EQ(q.host("http://a:80").penalty_s, 1.0);
  q.attempt_failed("http://a:80", Failure::kHttp, now);  // a 404 says nothing about the host
  EXPECT_DOUBLE_EQ(q.host("http://a:80").penalty_s, 1.0);
  for (int i = 0; i < 20; ++i) q.attempt_failed("http://a:80", Failure::kLost, now);
  EXPECT_DOUBLE_EQ(q.host("http://a:80").penalty_s, 30.0);
  q.succeeded("http://a:80");
  EXPECT_DOUBLE_EQ(q.host("http://a:80").penalty_s, 0);
}

TEST(HostQueues, AHostIsGivenUpAfterRepeatedNetworkFailures) {
  HostQueues q(2, 0);
  EXPECT_FALSE(q.input_failed("http://a:80", Failure::kTimeout, "timed out after 3 s"));
  EXPECT_FALSE(q.input_failed("http://a:80", Failure::kHttp, "HTTP 404"));  // not counted
  EXPECT_FALSE(q.input_failed("http://a:80", Failure::kLost, "connection lost"));
  EXPECT_TRUE(q.input_failed("http://a:80", Failure::kTimeout, "timed out after 3 s"));
  EXPECT_EQ(q.host("http://a:80").down, "host unreachable: timed out after 3 s");
  // A success in between starts the count again.
  q.input_failed("http://b:80", Failure::kTimeout, "t");
  q.input_failed("http://b:80", Failure::kTimeout, "t");
  q.succeeded("http://b:80");
  EXPECT_FALSE(q.input_failed("http://b:80", Failure::kTimeout, "t"));
  // No address at all: at once.
  EXPECT_TRUE(q.input_failed("http://c:80", Failure::kDns, "DNS: Could not resolve host: c"));
  for (size_t i = 0; i < 3; ++i) q.add("http://c:80", job(i));
  EXPECT_EQ(q.drain("http://c:80").size(), 3u);
  EXPECT_EQ(q.waiting(), 0u);
}

TEST(Retry, WaitsGrowAndRetryAfterIsCapped) {
  for (int attempt = 1; attempt <= 12; ++attempt) {
    double w = retry_wait_s(attempt, -1, 60);
    double base = std::min(0.5 * (1 << (attempt - 1)), 30.0);
    EXPECT_GE(w, base);
    EXPECT_LE(w, std::min(base * 1.5, 30.0));
  }
  EXPECT_DOUBLE_EQ(retry_wait_s(1, 7, 60), 7);
  EXPECT_DOUBLE_EQ(retry_wait_s(1, 3600, 60), 60);
  EXPECT_DOUBLE_EQ(retry_after_seconds("120", 0), 120);
  EXPECT_LT(retry_after_seconds("", 0), 0);
  EXPECT_LT(retry_after_seconds("soon", 0), 0);
  time_t now = 784111777;  // Sun, 06 Nov 1994 08:49:37 GMT
  EXPECT_DOUBLE_EQ(retry_after_seconds("Sun, 06 Nov 1994 08:50:37 GMT", now), 60);
  EXPECT_DOUBLE_EQ(retry_after_seconds("Sun, 06 Nov 1994 08:00:00 GMT", now), 0);  // past: now
}

TEST(SplitUrl, OriginIsSchemeHostAndPortAndPathKeepsTheQuery) {
  std::string origin, path;
  ASSERT_TRUE(split_url("HTTP://News.Example/a/b.html?x=1#top", &origin, &path));
  EXPECT_EQ(origin, "http://news.example:80");
  EXPECT_EQ(path, "/a/b.html?x=1");
  ASSERT_TRUE(split_url("https://a.example:8443", &origin, &path));
  EXPECT_EQ(origin, "https://a.example:8443");
  EXPECT_EQ(path, "/");
  EXPECT_FALSE(split_url("not a url", &origin, &path));
}

}  // namespace
}  // namespace credcheck
