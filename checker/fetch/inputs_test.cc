// Inputs read one at a time: lists stream, stdin may hold a page, bad lists are refused.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <streambuf>

#include "checker/fetch/fetcher.h"
#include "checker/fetch/inputs.h"
#include "tests/support/files.h"

namespace credcheck {
namespace {

using test_support::TempDir;

std::vector<Input> drain(InputSource& source) {
  std::vector<Input> out;
  for (Input i; source.next(&i);) out.push_back(i);
  return out;
}

// A stream that hands out numbered list lines on demand and counts how many were taken:
// it shows the source reads a list as inputs are asked for, not all at once.
class CountingLines : public std::streambuf {
 public:
  explicit CountingLines(size_t lines) : lines_(lines) {}
  size_t produced() const { return produced_; }

 protected:
  int_type underflow() override {
    if (produced_ >= lines_) return traits_type::eof();
    line_ = "https://example.com/" + std::to_string(produced_++) + "\n";
    setg(line_.data(), line_.data(), line_.data() + line_.size());
    return traits_type::to_int_type(line_[0]);
  }

 private:
  size_t lines_, produced_ = 0;
  std::string line_;
};

TEST(InputSource, ReadsAListAsInputsAreTaken) {
  CountingLines lines(1'000'000);
  std::istream in(&lines);
  InputSource source({"-"}, in);
  Input input;
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(source.next(&input));
  EXPECT_EQ(input.spec, "https://example.com/9");
  EXPECT_LE(lines.produced(), 11u);  // one line of look-ahead at most
  EXPECT_EQ(source.known_total(), 0u);  // the list is still being read
}

TEST(InputSource, KnownTotalOnceEveryArgumentIsExpanded) {
  TempDir dir;
  dir.file("a.html", "<p>a</p>");
  dir.file("b.html", "<p>b</p>");
  std::istringstream in;
  InputSource source({dir.dir().string()}, in);
  Input input;
  ASSERT_TRUE(source.next(&input));
  EXPECT_EQ(source.known_total(), 2u);
}

TEST(InputSource, KnownTotalOfPlainArgumentsAtOnce) {
  std::istringstream in;
  InputSource source({"https://a.example/", "missing.html", "https://b.example/"}, in);
  Input input;
  ASSERT_TRUE(source.next(&input));
  EXPECT_EQ(source.known_total(), 3u);
  InputSource with_list({"https://a.example/", "-"}, in);
  ASSERT_TRUE(with_list.next(&input));
  EXPECT_EQ(with_list.known_total(), 0u);  // a list is still to come
}

TEST(InputSource, ALineWithNoEndIsRefusedAtOnce) {
  // As @/dev/zero: NUL bytes, no newline. Refused at the first NUL, without reading on.
  std::istringstream zeros(std::string(1 << 20, '\0'));
  InputSource source({"-"}, zeros);
  EXPECT_TRUE(drain(source).empty());
  EXPECT_NE(source.error().find("stdin:1: a NUL byte"), std::string::npos) << source.error();
  EXPECT_GT(zeros.rdbuf()->in_avail(), (1 << 20) - 100);

  std::istringstream long_line(std::string(100 << 10, 'a') + "\n");
  InputSource too_long({"-"}, long_line);
  EXPECT_TRUE(drain(too_long).empty());
  EXPECT_NE(too_long.error().find("longer than 65536 bytes"), std::string::npos) << too_long.error();
}

TEST(InputSource, DevZeroAsAListEnds) {
  std::istringstream in;
  InputSource source({"@/dev/zero"}, in);
  EXPECT_TRUE(drain(source).empty());
  EXPECT_NE(source.error().find("/dev/zero:1"), std::string::npos) << source.error();
}

TEST(InputSource, HtmlOnStdinIsOnePageNamedDash) {
  for (std::string page : {std::string("<!doctype html><p>一</p>\nhttps://not.a.list/\n"),
                           std::string("  \n\t<html><p>二</p></html>"),
                           std::string("\xEF\xBB\xBF<html><p>三</p></html>"),
                           std::string("\xEF\xBB\xBF \n<p>四</p>")}) {
    std::istringstream in(page);
    InputSource source({"-", "https://after.example/"}, in);
    std::vector<Input> inputs = drain(source);
    ASSERT_EQ(inputs.size(), 2u) << page;
    EXPECT_EQ(inputs[0].spec, "-");
    ASSERT_TRUE(inputs[0].body) << page;
    EXPECT_EQ(*inputs[0].body, page);  // every byte, including those looked at to decide
    EXPECT_EQ(inputs[1].spec, "https://after.example/");
  }
}

TEST(InputSource, AListOnStdinKeepsTheBytesLookedAt) {
  std::istringstream in("\xEF\xBB\xBF\n  https://a.example/\nhttps://b.example/\n");
  InputSource source({"-"}, in);
  std::vector<Input> inputs = drain(source);
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].spec, "https://a.example/");
  EXPECT_FALSE(inputs[0].body);
}

TEST(InputSource, HtmlOnStdinOverTheCapIsAnErrorInput) {
  ExpandOptions options;
  options.max_page_bytes = 100;
  std::istringstream in("<html>" + std::string(200, 'x'));
  InputSource source({"-"}, in, options);
  std::vector<Input> inputs = drain(source);
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_NE(inputs[0].error.find("larger than 100 bytes"), std::string::npos) << inputs[0].error;
}

TEST(InputSource, EmptyDirectoryIsANoteWhenAskedAndNothingElse) {
  TempDir dir;
  dir.file("readme.txt", "x");
  ExpandOptions options;
  options.empty_directory_is_error = false;
  std::istringstream in("");
  InputSource source({dir.dir().string(), "-"}, in, options);
  EXPECT_TRUE(drain(source).empty());
  EXPECT_TRUE(source.error().empty());
  ASSERT_EQ(source.notes().size(), 1u);
  EXPECT_NE(source.notes()[0].find("no .html or .htm files"), std::string::npos);
}

TEST(LoadInput, PagesThatAreNotHtmlAreRefusedByTheirBytesOrTheirType) {
  TempDir dir;
  struct Case {
    std::string bytes, want;
  } cases[] = {
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "not HTML (application/pdf)"},
      {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "not HTML (image/png)"},
      {"\xFF\xD8\xFF\xE0\0\x10JFIF", "not HTML (image/jpeg)"},
      {"GIF89a\x01\0\x01\0", "not HTML (image/gif)"},
      {"PK\x03\x04\x14\0\0\0", "not HTML (application/zip)"},
  };
  std::unique_ptr<Fetcher> fetcher = make_curl_fetcher(FetchOptions{});
  for (const Case& c : cases) {
    std::string path = dir.file("page.html", c.bytes);
    Document doc;
    std::string err;
    EXPECT_FALSE(load_input(Input{path, false, ""}, fetcher.get(), FetchOptions{}, &doc, &err)) << c.want;
    EXPECT_EQ(err, path + ": " + c.want);
  }
  std::string html = dir.file("page.html", "<html><p>来源：西江日报</p></html>");
  Document doc;
  std::string err;
  EXPECT_TRUE(load_input(Input{html, false, ""}, fetcher.get(), FetchOptions{}, &doc, &err)) << err;

  std::string why;
  Document served;
  served.bytes = "{\"a\": 1}";
  served.content_type = "application/json; charset=utf-8";
  EXPECT_TRUE(not_html(served, &why));
  EXPECT_EQ(why, "not HTML (application/json)");
  served.content_type = "Application/Octet-Stream";
  EXPECT_TRUE(not_html(served, &why));
  EXPECT_EQ(why, "not HTML (application/octet-stream)");
  for (const char* type : {"text/html; charset=gbk", "application/xhtml+xml", "text/plain", ""}) {
    served.content_type = type;
    served.bytes = "<html></html>";
    EXPECT_FALSE(not_html(served, &why)) << type;
  }
}

}  // namespace
}  // namespace credcheck
