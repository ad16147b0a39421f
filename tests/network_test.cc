// The multi fetcher against servers that misbehave (tests/support/hostile_server.py) and
// through a forwarding proxy (forward_proxy.py), all on 127.0.0.1. The tests count
// requests and connections on the server's side; none of them measures time.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "tests/support/files.h"
#include "tests/support/jsonl.h"
#include "tests/support/process.h"
#include "tests/support/python_server.h"
#include "tests/support/run_binary.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::lines_of;
using test_support::PythonServer;
using test_support::run_credcheck;

const std::string kPack = "rules/xijiang-daily.yaml";

// Every end-to-end test serves on 127.0.0.1, and credcheck honours the proxy variables
// libcurl reads: a proxy set for the machine running the suite would carry them away.
// Registered here, it applies to the whole e2e binary (the tests that want a proxy set
// one themselves).
class NoAmbientProxy : public ::testing::Environment {
 public:
  void SetUp() override {
    for (const char* name : {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}) unsetenv(name);
  }
};
const auto* const kNoAmbientProxy = ::testing::AddGlobalTestEnvironment(new NoAmbientProxy);

// `scan` as JSON Lines over `urls` with `options`; results keyed by input.
std::map<std::string, json> scan(const std::vector<std::string>& urls, std::vector<std::string> options,
                                 std::string* err = nullptr) {
  std::vector<std::string> args = {"scan", "--rules", kPack, "-f", "jsonl", "-q"};
  args.insert(args.end(), options.begin(), options.end());
  args.insert(args.end(), urls.begin(), urls.end());
  auto r = run_credcheck(args);
  if (err) *err = r.err;
  std::map<std::string, json> by_input;
  for (json& j : lines_of(r.out)) {
    std::string input = j["input"];
    EXPECT_FALSE(by_input.count(input)) << "two results for " << input;
    by_input[input] = j;
  }
  EXPECT_EQ(by_input.size(), std::set<std::string>(urls.begin(), urls.end()).size()) << r.err;
  return by_input;
}

std::string reason(const std::map<std::string, json>& results, const std::string& url) {
  auto it = results.find(url);
  return it == results.end() ? "(no result)" : it->second["reason"].get<std::string>();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Network, PerHostLimitHoldsAndEveryInputEndsOnceInInputOrder) {
  PythonServer server("hostile_server.py");
  ASSERT_TRUE(server.ok());
  std::vector<std::string> urls;
  for (int i = 0; i < 24; ++i) urls.push_back(server.url("/page/p" + std::to_string(i)));
  auto r = run_credcheck([&] {
    std::vector<std::string> a = {"scan", "--rules", kPack, "-f", "json", "-q", "--allow-private",
                                  "--concurrency", "16", "--per-host", "2", "-j", "2"};
    a.insert(a.end(), urls.begin(), urls.end());
    return a;
  }());
  json report = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(report.is_object()) << r.err;
  ASSERT_EQ(report["results"].size(), urls.size());
  for (size_t i = 0; i < urls.size(); ++i) {
    EXPECT_EQ(report["results"][i]["input"], urls[i]);  // JSON keeps input order
    EXPECT_NE(report["results"][i]["status"], "unchecked") << report["results"][i]["reason"];
  }
  json stats = server.stats();
  ASSERT_TRUE(stats.is_object());
  std::string host = "127.0.0.1:" + std::to_string(server.port());
  ASSERT_TRUE(stats["max_active"].contains(host));
  EXPECT_LE(stats["max_active"][host].get<int>(), 2);
  EXPECT_GE(stats["max_active"][host].get<int>(), 1);
  EXPECT_EQ(stats["requests"]["/robots.txt"], 1);  // once per host for the run
  for (int i = 0; i < 24; ++i) EXPECT_EQ(stats["requests"]["/page/p" + std::to_string(i)], 1);
}

TEST(Network, PerHostOneMeansOneAtATime) {
  PythonServer server("hostile_server.py");
  ASSERT_TRUE(server.ok());
  std::vector<std::string> urls;
  for (int i = 0; i < 8; ++i) urls.push_back(server.url("/page/q" + std::to_string(i)));
  scan(urls, {"--allow-private", "--per-host", "1", "--concurrency", "8"});
  json stats = server.stats();
  EXPECT_EQ(stats["max_active"]["127.0.0.1:" + std::to_string(server.port())], 1);
}

TEST(Network, CrawlDelayHoldsTheNextRequest) {
  // Crawl-delay 60: after the first page, the second may not be asked for within a minute.
  // Without the delay both would be asked for at once (--per-host 2), before either
  // result is written; so when the first result is out, the server must have seen one.
  PythonServer server("hostile_server.py", {"--crawl-delay", "60"});
  ASSERT_TRUE(server.ok());
  std::string out = ::testing::TempDir() + "/credcheck-crawl-delay.jsonl";
  test_support::Child child({"scan", "--rules", kPack, "-f", "jsonl", "-q", "--allow-private",
                             server.url("/page/first"), server.url("/page/second")},
                            "/dev/null", out, "/dev/null");
  ASSERT_TRUE(test_support::wait_until([&] { return !lines_of(test_support::slurp(out)).empty(); },
                                       std::chrono::seconds(300)));
  EXPECT_EQ(server.requests("/page/first"), 1);
  EXPECT_EQ(server.requests("/page/second"), 0);
  child.signal(SIGTERM);  // the waiting input is dropped: the scan ends now
  EXPECT_EQ(child.wait(std::chrono::seconds(120)), 1);  // the one page done has findings
  EXPECT_EQ(lines_of(test_support::slurp(out)).size(), 1u);
  std::remove(out.c_str());
}

TEST(Network, RetryAfterAnd503AreRetriedOnce) {
  PythonServer server("hostile_server.py");
  ASSERT_TRUE(server.ok());
  std::string limited = server.url("/retry-after/a"), flaky = server.url("/flaky/a");
  auto results = scan({limited, flaky}, {"--allow-private"});
  EXPECT_NE(results[limited]["status"], "unchecked") << reason(results, limited);
  EXPECT_NE(results[flaky]["status"], "unchecked") << reason(results, flaky);
  EXPECT_EQ(server.requests("/retry-after/a"), 2);
  EXPECT_EQ(server.requests("/flaky/a"), 2);
}

TEST(Network, RetriesStopAtTheLimit) {
  PythonServer server("hostile_server.py");
  ASSERT_TRUE(server.ok());
  std::string down = server.url("/down/a");
  auto results = scan({down}, {"--allow-private", "--retries", "2"});
  EXPECT_EQ(reason(results, down), down + ": HTTP 503");
  EXPECT_EQ(server.requests("/down/a"), 3);
  auto none = scan({server.url("/down/b")}, {"--allow-private", "--retries", "0"});
  EXPECT_EQ(server.requests("/down/b"), 1);
}

// A port nothing listens on.
int closed_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

TEST(Network, AHostThatKeepsFailingIsGivenUp) {
  std::string base = "http://127.0.0.1:" + std::to_string(closed_port());
  std::vector<std::string> urls;
  for (int i = 0; i < 8; ++i) urls.push_back(base + "/p" + std::to_string(i));
  // Without robots.txt: the inputs themselves fail until the host is given up.
  auto results = scan(urls, {"--allow-private", "--ignore-robots", "--retries", "0"});
  int given_up = 0;
  for (const auto& url : urls) {
    std::string why = reason(results, url);
    EXPECT_TRUE(contains(why, "could not connect") || contains(why, "host unreachable: could not connect"))
        << why;
    given_up += contains(why, "host unreachable") ? 1 : 0;
  }
  EXPECT_GE(given_up, 4);  // 3 failures give the host up; at most per-host more were started
  // With robots.txt: its failure gives the host up before any page is tried.
  results = scan(urls, {"--allow-private", "--retries", "0"});
  for (const auto& url : urls)
  {
    EXPECT_EQ(reason(results, url).rfind(url + ": host unreachable: could not connect", 0), 0u) << reason(results, url);
    EXPECT_TRUE(contains(reason(results, url), "(fetching its robots.txt)")) << reason(results, url);
  }
}

TEST(Network, HostileAnswersEachEndAsOneReadableReason) {
  PythonServer server("hostile_server.py");
  ASSERT_TRUE(server.ok());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/stall", "timed out after 3 s"},
      {"/reset", "connection lost"},
      {"/endless", "larger than 1048576 bytes"},
      {"/loop", "more than 10 redirects"},
      {"/chain/0", "more than 10 redirects"},
      {"/to-file", "protocol refused: only http and https"},
      {"/header-flood", "response headers larger than"},
      {"/big", "larger than 1048576 bytes"},
      {"/gzip-bomb", "larger than 1048576 bytes"},  // a few KiB on the wire: decoded bytes count
      {"/pdf", "not HTML (application/pdf)"},
      {"/big-pdf", "not HTML (application/pdf)"},  // its headers say so: the body is not read
      {"/status/404", "HTTP 404"},
      {"/status/500", "HTTP 500"},
  };
  std::vector<std::string> urls;
  for (const auto& [path, want] : cases) urls.push_back(server.url(path));
  auto results = scan(urls, {"--allow-private", "--retries", "0", "--timeout", "3", "--max-bytes", "1M"});
  for (const auto& [path, want] : cases) {
    const json& r = results[server.url(path)];
    EXPECT_EQ(r["status"], "unchecked") << path;
    EXPECT_TRUE(contains(r["reason"], want)) << path << ": " << r["reason"];
  }
  EXPECT_EQ(server.requests("/loop"), 11);      // the first request and 10 redirects
  EXPECT_EQ(server.requests("/chain/11"), 0);   // no further
  EXPECT_EQ(server.requests("/status/500"), 1); // 500 is not retried
}

TEST(Network, RobotsTxtIsHonouredForTheToolsToken) {
  PythonServer server("hostile_server.py");
  ASSERT_TRUE(server.ok());
  std::string secret = server.url("/secret/x"), open = server.url("/secret/open"),
              below = server.url("/secret/open/more"), other = server.url("/private/x");
  auto results = scan({secret, open, below, other}, {"--allow-private"});
  EXPECT_EQ(reason(results, secret), secret + ": disallowed by robots.txt");
  EXPECT_EQ(reason(results, below), below + ": disallowed by robots.txt");  // Allow ends with $
  EXPECT_NE(results[open]["status"], "unchecked");
  EXPECT_NE(results[other]["status"], "unchecked");  // the `*` group does not apply to credcheck
  EXPECT_EQ(server.requests("/secret/x"), 0);
  EXPECT_EQ(server.requests("/robots.txt"), 1);

  // --ignore-robots: not fetched, not honoured, and the report says so.
  auto r = run_credcheck({"scan", "--rules", kPack, "-f", "json", "--allow-private", "--ignore-robots", secret});
  json report = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(report.is_object()) << r.err;
  EXPECT_NE(report["results"][0]["status"], "unchecked");
  EXPECT_EQ(report["notes"], json::array({"robots.txt ignored (--ignore-robots)"}));
  EXPECT_TRUE(contains(r.err, "robots.txt ignored")) << r.err;
  EXPECT_EQ(server.requests("/robots.txt"), 1);
  EXPECT_EQ(server.requests("/secret/x"), 1);
}

TEST(Network, ARedirectIsJudgedByTheRobotsTxtOfWhereItLeads) {
  PythonServer here("hostile_server.py"), there("hostile_server.py");
  ASSERT_TRUE(here.ok() && there.ok());
  // Both disallow /secret for credcheck; the redirecting paths themselves are allowed.
  std::string same_host = here.url("/away?to=/secret/a"), other_host = here.url("/away?to=" + there.url("/secret/b")),
              allowed = here.url("/away?to=" + there.url("/page/c"));
  auto results = scan({same_host, other_host, allowed}, {"--allow-private"});
  EXPECT_EQ(reason(results, same_host),
            same_host + " (redirected to " + here.url("/secret/a") + "): disallowed by robots.txt");
  EXPECT_EQ(reason(results, other_host),
            other_host + " (redirected to " + there.url("/secret/b") + "): disallowed by robots.txt");
  EXPECT_NE(results[allowed]["status"], "unchecked") << reason(results, allowed);
  EXPECT_EQ(results[allowed]["url"], there.url("/page/c"));
  EXPECT_EQ(here.requests("/secret/a"), 0);
  EXPECT_EQ(there.requests("/secret/b"), 0);  // never asked for
  EXPECT_EQ(there.requests("/robots.txt"), 1);  // the target host's, once
  EXPECT_EQ(here.requests("/robots.txt"), 1);
  EXPECT_EQ(there.requests("/page/c"), 1);
}

TEST(Network, IdentityHeadersAndCookiesAreSent) {
  PythonServer server("hostile_server.py");
  ASSERT_TRUE(server.ok());
  std::string cookies = ::testing::TempDir() + "/credcheck-cookies.txt";
  std::ofstream(cookies) << "127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc123\n";
  scan({server.url("/page/plain")}, {"--allow-private"});
  scan({server.url("/page/dressed")}, {"--allow-private", "--user-agent", "ops-team/2", "-H", "X-Batch: nightly",
                                       "-H", "Accept-Language: zh-CN", "--cookie-file", cookies});
  json headers = server.stats()["headers"];
  EXPECT_EQ(headers["/page/plain"]["user-agent"], kDefaultUserAgent);  // credcheck/VERSION[ (+URL)]
  EXPECT_EQ(headers["/page/dressed"]["user-agent"], "ops-team/2");
  EXPECT_EQ(headers["/page/dressed"]["x-batch"], "nightly");
  EXPECT_EQ(headers["/page/dressed"]["accept-language"], "zh-CN");
  EXPECT_EQ(headers["/page/dressed"]["cookie"], "session=abc123");
  std::remove(cookies.c_str());
  auto bad = run_credcheck({"scan", "--rules", kPack, "-H", "no colon", server.url("/page/x")});
  EXPECT_EQ(bad.code, 2);
  EXPECT_TRUE(contains(bad.err, "--header must be 'Name: value'")) << bad.err;
}

TEST(Network, ThroughAProxyTheTargetsOwnAddressIsJudged) {
  PythonServer backend("hostile_server.py");
  ASSERT_TRUE(backend.ok());
  PythonServer proxy("forward_proxy.py", {std::to_string(backend.port())});
  ASSERT_TRUE(proxy.ok());
  std::string proxy_url = "http://127.0.0.1:" + std::to_string(proxy.port());
  // A name this machine cannot resolve goes through; the proxy's own loopback address is
  // the operator's choice and is not refused.
  std::string named = "http://credcheck-test.invalid/page/p";
  auto results = scan({named}, {"--proxy", proxy_url});
  EXPECT_NE(results[named]["status"], "unchecked") << reason(results, named);
  EXPECT_EQ(backend.requests("/page/p"), 1);
  // A loopback target is refused by its own address, before the proxy sees anything.
  std::string loopback = backend.url("/page/direct");
  int forwarded = proxy.stats()["forwarded"];
  results = scan({loopback}, {"--proxy", proxy_url});
  EXPECT_TRUE(contains(reason(results, loopback), "address 127.0.0.1 is private or loopback"))
      << reason(results, loopback);
  EXPECT_EQ(proxy.stats()["forwarded"], forwarded);
  // The same from http_proxy, and with --allow-private the loopback target goes through it.
  setenv("http_proxy", proxy_url.c_str(), 1);
  results = scan({loopback}, {"--allow-private"});
  unsetenv("http_proxy");
  EXPECT_NE(results[loopback]["status"], "unchecked") << reason(results, loopback);
  EXPECT_EQ(backend.requests("/page/direct"), 1);
  EXPECT_GT(proxy.stats()["forwarded"].get<int>(), forwarded);
}

// Sets (or with null, removes) an environment variable for the children started while it lives.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    const char* old = std::getenv(name);
    had_ = old != nullptr;
    if (had_) old_ = old;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~ScopedEnv() {
    if (had_) setenv(name_, old_.c_str(), 1);
    else unsetenv(name_);
  }

 private:
  const char* name_;
  bool had_ = false;
  std::string old_;
};

TEST(Network, CertificatesComeFromCacertOrTheEnvironment) {
  const std::string tls = std::string(CREDCHECK_SOURCE_DIR) + "/tests/support/tls/";
  const std::string cert = tls + "cert.pem";
  PythonServer server("hostile_server.py", {"--tls", cert, tls + "key.pem"});
  ASSERT_TRUE(server.ok());
  auto url = [&](const std::string& path) { return "https://127.0.0.1:" + std::to_string(server.port()) + path; };
  std::map<std::string, json> results;
  {
    // A self-signed certificate is refused by the system's store...
    ScopedEnv no_bundle("CURL_CA_BUNDLE", nullptr), no_file("SSL_CERT_FILE", nullptr);
    results = scan({url("/page/a")}, {"--allow-private", "--retries", "0"});
    EXPECT_TRUE(contains(reason(results, url("/page/a")), "certificate")) << reason(results, url("/page/a"));
    // ...and accepted when named: --cacert, SSL_CERT_FILE, CURL_CA_BUNDLE.
    results = scan({url("/page/b")}, {"--allow-private", "--cacert", cert});
    EXPECT_NE(results[url("/page/b")]["status"], "unchecked") << reason(results, url("/page/b"));
  }
  {
    ScopedEnv no_bundle("CURL_CA_BUNDLE", nullptr), file("SSL_CERT_FILE", cert.c_str());
    results = scan({url("/page/c")}, {"--allow-private"});
    EXPECT_NE(results[url("/page/c")]["status"], "unchecked") << reason(results, url("/page/c"));
  }
  {
    ScopedEnv bundle("CURL_CA_BUNDLE", cert.c_str());
    results = scan({url("/page/d")}, {"--allow-private"});
    EXPECT_NE(results[url("/page/d")]["status"], "unchecked") << reason(results, url("/page/d"));
  }
}

}  // namespace
}  // namespace credcheck
