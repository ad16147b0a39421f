// WARC records in, pages out: response and resource records, the rest counted, damage
// costs only the damaged record, records over the cap are not read, the file streams.
#include <gtest/gtest.h>

#include "tests/support/gzip.h"

#include <sstream>
#include <streambuf>

#include "checker/fetch/warc.h"

namespace credcheck {
namespace {

const std::string kPage = "<!DOCTYPE html><html><head><title>测试</title></head><body>正文</body></html>";

std::string record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type, const std::string& version = "WARC/1.1") {
  std::string r = version + "\r\nWARC-Type: " + type + "\r\nWARC-Date: 2026-11-30T08:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return r + block + "\r\n\r\n";
}

std::string http(const std::string& body, const std::string& head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8") {
  return head + "\r\n\r\n" + body;
}

std::string response(const std::string& uri, const std::string& body = kPage) {
  return record("response", uri, http(body), "application/http; msgtype=response");
}


struct Read {
  std::vector<WarcRecord> records;
  WarcCounts counts;
};

Read read_all(const std::string& bytes, WarcLimits limits = {}) {
  std::istringstream in(bytes);
  WarcReader reader(in, "t.warc", limits);
  Read out;
  for (WarcRecord r; reader.next(&r);) out.records.push_back(r);
  out.counts = reader.counts();
  return out;
}

TEST(Warc, ResponseRecordsGiveThePageWithoutHttpHeaders) {
  for (bool zipped : {false, true}) {
    std::string a = response("http://news.example/a.html"), b = response("http://news.example/b.html");
    Read r = read_all(zipped ? test_support::gzip(a) + test_support::gzip(b) : a + b);
    ASSERT_EQ(r.records.size(), 2u) << zipped;
    EXPECT_EQ(r.records[0].error, "");
    EXPECT_EQ(r.records[0].body, kPage);
    EXPECT_EQ(r.records[0].target_uri, "http://news.example/a.html");
    EXPECT_EQ(r.records[0].date, "2026-11-30T08:00:00Z");
    EXPECT_EQ(r.records[0].content_type, "text/html; charset=utf-8");
    EXPECT_EQ(r.records[0].http_status, 200);
    EXPECT_EQ(r.records[1].target_uri, "http://news.example/b.html");
    // Keys are where each record starts: its gzip member, or its first byte.
    EXPECT_EQ(r.records[0].key, "t.warc#0");
    EXPECT_EQ(r.records[1].key, "t.warc#" + std::to_string(zipped ? test_support::gzip(a).size() : a.size()));
    EXPECT_EQ(r.counts.pages, 2u);
  }
}

TEST(Warc, Warc10BracketedUriAndResourceRecords) {
  std::string bytes = record("response", "<http://old.example/x>", http(kPage), "application/http;msgtype=response", "WARC/1.0") +
                      record("resource", "file:///site/y.html", kPage, "text/html") +
                      record("resource", "http://img.example/p.png", "\x89PNG\r\n\x1a\n....", "image/png") +
                      record("request", "http://old.example/x", "GET /x HTTP/1.1\r\n\r\n", "application/http; msgtype=request") +
                      record("warcinfo", "", "software: test\r\n", "application/warc-fields");
  Read r = read_all(bytes);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].target_uri, "http://old.example/x");
  EXPECT_EQ(r.records[1].type, "resource");
  EXPECT_EQ(r.records[1].body, kPage);
  EXPECT_EQ(r.counts.records, 5u);
  EXPECT_EQ(r.counts.not_html, 1u);
  EXPECT_EQ(r.counts.other, 2u);
}

TEST(Warc, HttpCodingsRedirectsAndErrors) {
  std::string chunked = "10\r\n" + kPage.substr(0, 16) + "\r\n" +
                        [&] { std::ostringstream h; h << std::hex << kPage.size() - 16; return h.str(); }() +
                        "\r\n" + kPage.substr(16) + "\r\n0\r\n\r\n";
  std::string bytes =
      record("response", "http://a.example/chunked", http(chunked, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked"), "application/http") +
      record("response", "http://a.example/gz", http(test_support::gzip(kPage), "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip"), "application/http") +
      record("response", "http://a.example/moved", http("", "HTTP/1.1 301 Moved\r\nLocation: /x"), "application/http") +
      record("response", "http://a.example/gone", http(kPage, "HTTP/1.1 404 Not Found\r\nContent-Type: text/html"), "application/http") +
      record("response", "http://a.example/undeclared", http(kPage, "HTTP/1.1 200 OK"), "application/http") +
      record("response", "http://a.example/data.json", http("{\"a\":1}", "HTTP/1.1 200 OK"), "application/http");
  Read r = read_all(bytes);
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[0].body, kPage);
  EXPECT_EQ(r.records[1].body, kPage);
  EXPECT_EQ(r.records[2].target_uri, "http://a.example/gone");
  EXPECT_NE(r.records[2].error.find("HTTP 404"), std::string::npos) << r.records[2].error;
  EXPECT_EQ(r.records[3].body, kPage);  // no Content-Type, but it opens as HTML does
  EXPECT_EQ(r.counts.other, 1u);        // the redirect
  EXPECT_EQ(r.counts.not_html, 1u);     // the undeclared JSON
}

TEST(Warc, ARecordOverTheCapIsAnErrorAndTheNextIsRead) {
  std::string big(5000, 'x');
  std::string bytes = response("http://a.example/big", "<html>" + big + "</html>") + response("http://a.example/small");
  WarcLimits limits;
  limits.max_body_bytes = 1000;
  Read r = read_all(test_support::gzip(bytes.substr(0, bytes.find("WARC/1.1", 10))) + test_support::gzip(bytes.substr(bytes.find("WARC/1.1", 10))), limits);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_NE(r.records[0].error.find("over the cap of 1000 bytes"), std::string::npos) << r.records[0].error;
  EXPECT_NE(r.records[0].error.find("http://a.example/big"), std::string::npos) << r.records[0].error;
  EXPECT_EQ(r.records[0].body, "");
  EXPECT_EQ(r.records[1].error, "");
  EXPECT_EQ(r.records[1].body, kPage);
}

TEST(Warc, ACorruptGzipMemberCostsOnlyItsRecord) {
  std::string a = test_support::gzip(response("http://a.example/1")), b = test_support::gzip(response("http://a.example/2")),
              c = test_support::gzip(response("http://a.example/3"));
  for (size_t i = 20; i < 40 && i < b.size(); ++i) b[i] = static_cast<char>(b[i] ^ 0x5A);
  Read r = read_all(a + b + c);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].body, kPage);
  EXPECT_NE(r.records[1].error, "");
  EXPECT_EQ(r.records[1].key, "t.warc#" + std::to_string(a.size()));
  EXPECT_EQ(r.records[2].error, "");
  EXPECT_EQ(r.records[2].target_uri, "http://a.example/3");
  EXPECT_EQ(r.counts.damaged, 1u);
}

TEST(Warc, GarbageAndBadHeadersCostOneRecordEach) {
  std::string bad_length = "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html></html>\r\n\r\n";
  std::string bytes = response("http://a.example/1") + "this is not a record\r\nnor this\r\n" +
                      response("http://a.example/2") + bad_length + response("http://a.example/3");
  Read r = read_all(bytes);
  ASSERT_EQ(r.records.size(), 5u);
  EXPECT_EQ(r.records[0].error, "");
  EXPECT_NE(r.records[1].error.find("not a WARC record"), std::string::npos) << r.records[1].error;
  EXPECT_EQ(r.records[2].target_uri, "http://a.example/2");
  EXPECT_EQ(r.records[2].error, "");
  EXPECT_NE(r.records[3].error.find("Content-Length"), std::string::npos) << r.records[3].error;
  EXPECT_EQ(r.records[4].target_uri, "http://a.example/3");
  EXPECT_EQ(r.records[4].body, kPage);
}

TEST(Warc, ATruncatedFileCostsItsLastRecord) {
  std::string whole = response("http://a.example/1") + response("http://a.example/2");
  for (bool zipped : {false, true}) {
    std::string bytes = zipped ? test_support::gzip(response("http://a.example/1")) + test_support::gzip(response("http://a.example/2")) : whole;
    bytes.resize(bytes.size() - 30);
    Read r = read_all(bytes);
    ASSERT_EQ(r.records.size(), 2u) << zipped;
    EXPECT_EQ(r.records[0].body, kPage);
    EXPECT_NE(r.records[1].error.find("truncated"), std::string::npos) << zipped << ": " << r.records[1].error;
  }
}

// Hands out the same gzipped record again and again and counts the bytes taken.
class EndlessWarc : public std::streambuf {
 public:
  EndlessWarc(std::string member, size_t copies) : member_(std::move(member)), copies_(copies) {}
  size_t produced() const { return produced_; }

 protected:
  int_type underflow() override {
    if (given_ >= copies_) return traits_type::eof();
    ++given_;
    produced_ += member_.size();
    setg(member_.data(), member_.data(), member_.data() + member_.size());
    return traits_type::to_int_type(member_[0]);
  }

 private:
  std::string member_;
  size_t copies_, given_ = 0, produced_ = 0;
};

TEST(Warc, RecordsAreReadAsTheyAreAskedFor) {
  std::string member = test_support::gzip(response("http://a.example/same"));
  EndlessWarc source(member, 100000);
  std::istream in(&source);
  WarcReader reader(in, "endless.warc.gz");
  WarcRecord r;
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(reader.next(&r));
  // Ten records need ten members; the reader holds at most a buffer's worth (64 KiB) more.
  EXPECT_LT(source.produced(), 10 * member.size() + (1 << 17));
}

TEST(Warc, NamesWarcFiles) {
  EXPECT_TRUE(is_warc_path("a/b.warc"));
  EXPECT_TRUE(is_warc_path("CC-MAIN-1.WARC.GZ"));
  EXPECT_FALSE(is_warc_path("a.warc.html"));
  EXPECT_FALSE(is_warc_path("a.gz"));
}

}  // namespace
}  // namespace credcheck
