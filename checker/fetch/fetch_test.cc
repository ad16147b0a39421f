#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <re2/re2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checker/fetch/address.h"
#include "checker/fetch/fetcher.h"
#include "checker/fetch/inputs.h"
#include "tests/support/local_http_server.h"

namespace credcheck {
namespace {

namespace fs = std::filesystem;
using test_support::LocalHttpServer;
using test_support::Route;

// A fresh directory under the test temp dir, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static int n = 0;
    path_ = fs::path(::testing::TempDir()) /
            ("credcheck_fetch_" + std::to_string(getpid()) + "_" + std::to_string(n++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  // Writes `bytes` to path() / rel (creating folders) and returns the full path.
  std::string write(const std::string& rel, const std::string& bytes = "<p>x</p>") const {
    fs::path p = path_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string str() const { return path_.string(); }
  std::string operator/(const std::string& rel) const { return (path_ / rel).string(); }

 private:
  fs::path path_;
};

std::vector<Input> expand(const std::vector<std::string>& args, const std::string& stdin_text = "",
                          const ListLimits& limits = ListLimits{}) {
  std::istringstream in(stdin_text);
  return expand_inputs(args, in, limits);
}

std::vector<std::string> specs(const std::vector<Input>& inputs) {
  std::vector<std::string> out;
  for (const Input& i : inputs) out.push_back(i.spec);
  return out;
}

// ---- inputs ----

TEST(Inputs, UrlsAndFilesInOrder) {
  TempDir dir;
  std::string file = dir.write("a.html");
  auto inputs = expand({"https://example.com/a?b=1", file, "HTTP://Example.COM/x"});
  ASSERT_EQ(inputs.size(), 3u);
  EXPECT_TRUE(inputs[0].is_url);
  EXPECT_FALSE(inputs[1].is_url);
  EXPECT_EQ(inputs[1].spec, file);
  EXPECT_TRUE(inputs[2].is_url);
  for (const Input& i : inputs) EXPECT_EQ(i.error, "") << i.spec;
}

TEST(Inputs, OtherSchemesAndBadUrlsAreErrors) {
  for (const std::string arg :
       {"ftp://example.com/a.html", "file:///etc/passwd", "javascript:alert(1)", "mailto:a@b.c"}) {
    auto inputs = expand({arg});
    ASSERT_EQ(inputs.size(), 1u) << arg;
    EXPECT_EQ(inputs[0].spec, arg);
    EXPECT_FALSE(inputs[0].is_url);
    EXPECT_NE(inputs[0].error.find("unsupported scheme"), std::string::npos) << inputs[0].error;
  }
  for (const std::string arg : {"http://", "https:///path", "http://exa mple.com/"}) {
    auto inputs = expand({arg});
    ASSERT_EQ(inputs.size(), 1u);
    EXPECT_NE(inputs[0].error.find("malformed URL"), std::string::npos) << arg;
  }
}

TEST(Inputs, MissingFileIsAnErrorInput) {
  TempDir dir;
  auto inputs = expand({dir / "missing.html", "@" + (dir / "missing.txt")});
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].spec, dir / "missing.html");
  EXPECT_NE(inputs[0].error.find("no such file"), std::string::npos) << inputs[0].error;
  EXPECT_EQ(inputs[1].spec, "@" + (dir / "missing.txt"));
  EXPECT_NE(inputs[1].error.find("cannot open list"), std::string::npos) << inputs[1].error;
}

TEST(Inputs, DirectoryRecursesSortedHtmlOnly) {
  TempDir dir;
  dir.write("z.html");
  dir.write("b.HTM");
  dir.write("a.html");
  dir.write("notes.txt");
  dir.write("sub/d.html");
  dir.write("sub/deeper/c.htm");
  dir.write("sub/image.png");
  fs::create_directory_symlink(dir.str(), dir / "sub/loop");  // must not be followed
  auto inputs = expand({dir.str()});
  EXPECT_EQ(specs(inputs),
            (std::vector<std::string>{dir / "a.html", dir / "b.HTM", dir / "sub/d.html",
                                      dir / "sub/deeper/c.htm", dir / "z.html"}));
  for (const Input& i : inputs) EXPECT_EQ(i.error, "");
}

TEST(Inputs, EmptyDirectoryIsAnError) {
  TempDir dir;
  dir.write("readme.txt");
  auto inputs = expand({dir.str()});
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_NE(inputs[0].error.find("no .html or .htm files"), std::string::npos);
}

TEST(Inputs, UnreadableSubdirectoryBecomesAnErrorInput) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every directory";
  TempDir dir;
  dir.write("a.html");
  dir.write("locked/b.html");
  fs::permissions(dir / "locked", fs::perms::none);
  auto inputs = expand({dir.str()});
  fs::permissions(dir / "locked", fs::perms::owner_all);
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].error, "");
  EXPECT_EQ(inputs[1].spec, dir / "locked");
  EXPECT_NE(inputs[1].error.find("cannot read directory"), std::string::npos);
}

TEST(Inputs, ListFileSkipsCommentsAndDoesNotNest) {
  TempDir dir;
  std::string page = dir.write("page.html");
  dir.write("site/x.html");
  std::string nested = dir.write("nested.txt", "https://nested.example/\n");
  std::string list = dir.write("list.txt", "\xEF\xBB\xBF# pages to check\r\n\r\n"
                                           "  https://example.com/a  \r\n" +
                                               page + "\n@" + nested + "\n" + (dir / "site") +
                                               "\n-\n");
  auto inputs = expand({"@" + list}, "https://stdin.example/\n");
  std::vector<std::string> want = {"https://example.com/a", page, "@" + nested,
                                   dir / "site/x.html", "-"};
  ASSERT_EQ(specs(inputs), want);
  EXPECT_TRUE(inputs[0].is_url);
  EXPECT_EQ(inputs[1].error, "");
  // Inside a list "@nested.txt" is a file name (none exists), and "-" does not read stdin.
  EXPECT_NE(inputs[2].error.find("no such file"), std::string::npos) << inputs[2].error;
  EXPECT_NE(inputs[4].error.find("no such file"), std::string::npos) << inputs[4].error;
}

TEST(Inputs, DashReadsStdin) {
  TempDir dir;
  std::string page = dir.write("p.html");
  auto inputs = expand({"-", "https://after.example/"}, "# c\nhttps://a.example/\n\n" + page);
  EXPECT_EQ(specs(inputs), (std::vector<std::string>{"https://a.example/", page,
                                                     "https://after.example/"}));
}

TEST(Inputs, ListLimits) {
  // A line past the cap: the list is not a list; what came before it stays, the rest is
  // not read, and a final error Input names the line.
  auto inputs = expand({"-"}, "https://a.example/1\nhttps://a.example/2\n" + std::string(40, 'x') +
                                  "\nhttps://a.example/3\n",
                       ListLimits{4, 32});
  ASSERT_EQ(inputs.size(), 3u);
  EXPECT_EQ(inputs[0].spec, "https://a.example/1");
  EXPECT_NE(inputs[2].error.find("stdin:3: a line longer than 32 bytes"), std::string::npos)
      << inputs[2].error;
  inputs = expand({"-"}, "https://a.example/1\nhttps://a.example/2\nhttps://a.example/3\n"
                         "https://a.example/4\nhttps://a.example/5\n",
                  ListLimits{4, 32});
  ASSERT_EQ(inputs.size(), 5u);
  EXPECT_EQ(inputs[3].spec, "https://a.example/4");
  EXPECT_NE(inputs[4].error.find("more than 4 lines"), std::string::npos) << inputs[4].error;
}

// ---- addresses ----

bool private_v4(const char* text) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  EXPECT_EQ(inet_pton(AF_INET, text, &a.sin_addr), 1) << text;
  return is_private_address(reinterpret_cast<sockaddr*>(&a));
}

bool private_v6(const char* text) {
  sockaddr_in6 a{};
  a.sin6_family = AF_INET6;
  EXPECT_EQ(inet_pton(AF_INET6, text, &a.sin6_addr), 1) << text;
  return is_private_address(reinterpret_cast<sockaddr*>(&a));
}

TEST(Address, PrivateRanges) {
  for (const char* a : {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                        "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255",
                        "0.0.0.0", "224.0.0.1", "255.255.255.255"}) {
    EXPECT_TRUE(private_v4(a)) << a;
  }
  for (const char* a : {"8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "1.1.1.1",
                        "203.0.113.7", "169.253.0.1"}) {
    EXPECT_FALSE(private_v4(a)) << a;
  }
  for (const char* a : {"::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1",
                        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:192.168.0.1",
                        "64:ff9b::a9fe:a9fe", "ff02::1"}) {
    EXPECT_TRUE(private_v6(a)) << a;
  }
  for (const char* a : {"2001:4860:4860::8888", "2606:4700::1111", "::ffff:8.8.8.8"}) {
    EXPECT_FALSE(private_v6(a)) << a;
  }
}

// ---- the curl fetcher, against a local server ----

FetchOptions local_options() {
  FetchOptions o;
  o.allow_private = true;
  o.timeout_s = 5;
  return o;
}

TEST(CurlFetcher, FetchesBodyTypeAndStatus) {
  LocalHttpServer server;
  ASSERT_TRUE(server.ok()) << server.error();
  Route route;
  route.content_type = "text/html; charset=gbk";
  route.body = std::string("<p>\xCE\xF7\xBD\xAD</p>");
  server.add("/a.html", route);
  FetchOptions options = local_options();
  options.user_agent = "credcheck-test/1";
  auto fetcher = make_curl_fetcher(options);
  Document doc;
  std::string err;
  ASSERT_TRUE(fetcher->fetch(server.url("/a.html"), &doc, &err)) << err;
  EXPECT_EQ(doc.bytes, route.body);
  EXPECT_EQ(doc.content_type, "text/html; charset=gbk");
  EXPECT_EQ(doc.http_status, 200);
  EXPECT_EQ(doc.url, server.url("/a.html"));
  EXPECT_TRUE(RE2::FullMatch(doc.fetched_at, R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))
      << doc.fetched_at;
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_NE(requests[0].find("User-Agent: credcheck-test/1"), std::string::npos);
  EXPECT_NE(requests[0].find("gzip"), std::string::npos) << requests[0];
}

TEST(CurlFetcher, HttpErrorStatus) {
  LocalHttpServer server;
  ASSERT_TRUE(server.ok()) << server.error();
  auto fetcher = make_curl_fetcher(local_options());
  Document doc;
  std::string err;
  EXPECT_FALSE(fetcher->fetch(server.url("/nothing-here"), &doc, &err));
  EXPECT_EQ(err, server.url("/nothing-here") + ": HTTP 404");
  Route broken;
  broken.status = 500;
  server.add("/broken", broken);
  EXPECT_FALSE(fetcher->fetch(server.url("/broken"), &doc, &err));
  EXPECT_EQ(err, server.url("/broken") + ": HTTP 500");
}

TEST(CurlFetcher, FollowsRedirectsWithinLimits) {
  LocalHttpServer server;
  ASSERT_TRUE(server.ok()) << server.error();
  server.add("/new", Route{.body = "moved here"});
  server.add("/old", Route{.status = 301, .location = "/new"});
  server.add("/loop", Route{.status = 302, .location = "/loop"});
  server.add("/to-ftp", Route{.status = 302, .location = "ftp://127.0.0.1/x"});
  FetchOptions options = local_options();
  options.max_redirects = 3;
  auto fetcher = make_curl_fetcher(options);
  Document doc;
  std::string err;
  ASSERT_TRUE(fetcher->fetch(server.url("/old"), &doc, &err)) << err;
  EXPECT_EQ(doc.url, server.url("/new"));
  EXPECT_EQ(doc.bytes, "moved here");
  EXPECT_FALSE(fetcher->fetch(server.url("/loop"), &doc, &err));
  EXPECT_NE(err.find("more than 3 redirects"), std::string::npos) << err;
  EXPECT_FALSE(fetcher->fetch(server.url("/to-ftp"), &doc, &err));
  EXPECT_NE(err.find("protocol refused: only http and https"), std::string::npos) << err;
}

TEST(CurlFetcher, RefusesBodiesOverTheCap) {
  LocalHttpServer server;
  ASSERT_TRUE(server.ok()) << server.error();
  server.add("/big", Route{.body = std::string(5000, 'x')});
  server.add("/big-unsized", Route{.body = std::string(5000, 'x'), .send_length = false});
  server.add("/fits", Route{.body = std::string(1000, 'x'), .send_length = false});
  FetchOptions options = local_options();
  options.max_bytes = 1000;
  auto fetcher = make_curl_fetcher(options);
  Document doc;
  std::string err;
  for (const char* path : {"/big", "/big-unsized"}) {
    EXPECT_FALSE(fetcher->fetch(server.url(path), &doc, &err)) << path;
    EXPECT_EQ(err, server.url(path) + ": larger than 1000 bytes");
  }
  ASSERT_TRUE(fetcher->fetch(server.url("/fits"), &doc, &err)) << err;
  EXPECT_EQ(doc.bytes.size(), 1000u);
}

TEST(CurlFetcher, TimesOut) {
  LocalHttpServer server;
  ASSERT_TRUE(server.ok()) << server.error();
  server.add("/slow", Route{.body = "late", .delay = std::chrono::milliseconds(3000)});
  FetchOptions options = local_options();
  options.timeout_s = 0.3;
  auto fetcher = make_curl_fetcher(options);
  Document doc;
  std::string err;
  // The route answers after 3 s: a fetch that ignored the timeout would succeed.
  EXPECT_FALSE(fetcher->fetch(server.url("/slow"), &doc, &err));
  EXPECT_EQ(err, server.url("/slow") + ": timed out after 0.3 s");
}

TEST(CurlFetcher, PrivateAddressesNeedAllowPrivate) {
  LocalHttpServer server;
  ASSERT_TRUE(server.ok()) << server.error();
  server.add("/a.html", Route{.body = "hello"});
  FetchOptions options = local_options();
  options.allow_private = false;
  auto fetcher = make_curl_fetcher(options);
  Document doc;
  std::string err;
  EXPECT_FALSE(fetcher->fetch(server.url("/a.html"), &doc, &err));
  EXPECT_EQ(err, server.url("/a.html") +
                     ": address 127.0.0.1 is private or loopback; pass --allow-private to scan it");
  std::string by_name = "http://localhost:" + std::to_string(server.port()) + "/a.html";
  EXPECT_FALSE(fetcher->fetch(by_name, &doc, &err));
  EXPECT_NE(err.find("is private or loopback"), std::string::npos) << err;
  EXPECT_TRUE(server.requests().empty());  // refused before connecting

  options.allow_private = true;
  ASSERT_TRUE(make_curl_fetcher(options)->fetch(server.url("/a.html"), &doc, &err)) << err;
  EXPECT_EQ(doc.bytes, "hello");
}

// ---- load_input ----

class FakeFetcher : public Fetcher {
 public:
  bool fetch(const std::string& url, Document* doc, std::string* err) override {
    urls.push_back(url);
    if (url.find("bad") != std::string::npos) {
      *err = url + ": HTTP 404";
      return false;
    }
    doc->url = url + "#final";
    doc->bytes = "<p>fetched</p>";
    doc->http_status = 200;
    return true;
  }
  std::vector<std::string> urls;
};

TEST(LoadInput, ReadsFiles) {
  TempDir dir;
  std::string path = dir.write("page.html", std::string("<p>\0\xFF</p>", 9));
  FakeFetcher fetcher;
  Document doc;
  std::string err;
  ASSERT_TRUE(load_input(Input{path, false, ""}, &fetcher, FetchOptions{}, &doc, &err)) << err;
  EXPECT_EQ(doc.bytes, std::string("<p>\0\xFF</p>", 9));
  EXPECT_EQ(doc.input, path);
  EXPECT_EQ(doc.url, "file://" + fs::absolute(path).string());
  EXPECT_EQ(doc.http_status, 0);
  EXPECT_EQ(doc.content_type, "");
  EXPECT_FALSE(doc.fetched_at.empty());
  EXPECT_TRUE(fetcher.urls.empty());
}

TEST(LoadInput, RelativeFileGetsAbsoluteUrl) {
  TempDir dir;
  dir.write("rel.html", "<p>r</p>");
  fs::path old = fs::current_path();
  fs::current_path(dir.str());
  FakeFetcher fetcher;
  Document doc;
  std::string err;
  bool ok = load_input(Input{"./rel.html", false, ""}, &fetcher, FetchOptions{}, &doc, &err);
  fs::current_path(old);
  ASSERT_TRUE(ok) << err;
  EXPECT_EQ(doc.input, "./rel.html");
  EXPECT_EQ(doc.url, "file://" + (fs::path(dir.str()) / "rel.html").lexically_normal().string());
}

TEST(LoadInput, RefusesLargeFilesAndCarriesErrors) {
  TempDir dir;
  std::string path = dir.write("big.html", std::string(2000, 'x'));
  FakeFetcher fetcher;
  FetchOptions options;
  options.max_bytes = 1000;
  Document doc;
  std::string err;
  EXPECT_FALSE(load_input(Input{path, false, ""}, &fetcher, options, &doc, &err));
  EXPECT_EQ(err, path + ": larger than 1000 bytes");
  EXPECT_FALSE(load_input(Input{"x.html", false, "x.html: no such file or directory"}, &fetcher,
                          options, &doc, &err));
  EXPECT_EQ(err, "x.html: no such file or directory");
  EXPECT_FALSE(load_input(Input{dir / "gone.html", false, ""}, &fetcher, options, &doc, &err));
  EXPECT_NE(err.find("cannot open"), std::string::npos) << err;
}

TEST(LoadInput, UrlsGoThroughTheFetcher) {
  FakeFetcher fetcher;
  Document doc;
  std::string err;
  ASSERT_TRUE(load_input(Input{"https://a.example/p", true, ""}, &fetcher, FetchOptions{}, &doc,
                         &err));
  EXPECT_EQ(doc.input, "https://a.example/p");
  EXPECT_EQ(doc.url, "https://a.example/p#final");
  EXPECT_FALSE(load_input(Input{"https://a.example/bad", true, ""}, &fetcher, FetchOptions{}, &doc,
                          &err));
  EXPECT_EQ(err, "https://a.example/bad: HTTP 404");
  EXPECT_EQ(fetcher.urls.size(), 2u);
}

TEST(LocalHttpServer, ServesADirectory) {
  TempDir dir;
  dir.write("one.html", "<p>1</p>");
  dir.write("sub/two.html", "<p>2</p>");
  LocalHttpServer server;
  ASSERT_TRUE(server.ok()) << server.error();
  EXPECT_EQ(server.serve_directory(dir.str(), "text/html; charset=utf-8"), 2u);
  auto fetcher = make_curl_fetcher(local_options());
  Document doc;
  std::string err;
  ASSERT_TRUE(fetcher->fetch(server.url("/sub/two.html?x=1"), &doc, &err)) << err;
  EXPECT_EQ(doc.bytes, "<p>2</p>");
  EXPECT_EQ(doc.content_type, "text/html; charset=utf-8");
}

}  // namespace
}  // namespace credcheck
