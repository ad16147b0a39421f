// Findings say where their evidence stands in the HTML source (line:column, the column in
// UTF-16 code units), the same for a page saved as GBK as for the same page in UTF-8, and
// through the page workers as in process.
#include <gtest/gtest.h>
#include <iconv.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::partner_scan;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::TempDir;

std::string to_gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size(), out_left = out.size();
  char* to = out.data();
  size_t rc = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  EXPECT_NE(rc, static_cast<size_t>(-1)) << "the page is not all GBK";
  out.resize(out.size() - out_left);
  return out;
}

// The 1-based line and UTF-16 column where `what` first stands in UTF-8 text.
std::pair<uint32_t, uint32_t> place_of(const std::string& text, const std::string& what) {
  size_t at = text.find(what);
  EXPECT_NE(at, std::string::npos) << what;
  if (at == std::string::npos) return {0, 0};
  auto line = static_cast<uint32_t>(1 + std::count(text.begin(), text.begin() + at, '\n'));
  size_t start = text.rfind('\n', at);
  start = start == std::string::npos ? 0 : start + 1;
  uint32_t column = 1;
  for (size_t i = start; i < at; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) column += c >= 0xF0 ? 2 : 1;
  }
  return {line, column};
}

json scan_one(const std::string& file, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = partner_scan();
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), {"--format", "json", "-q", file});
  auto r = run_credcheck(args);
  EXPECT_EQ(r.code, 1) << r.err;
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

const json* finding(const json& report, const std::string& rule) {
  for (const json& f : report["results"][0]["findings"])
    if (f["rule"] == rule) return &f;
  return nullptr;
}

TEST(SourcePosition, TheSameInGbkAsInUtf8) {
  TempDir dir;
  std::string page = slurp(test_support::kReprints + "byline-no-affiliation.html");
  ASSERT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
  std::string gbk = page;
  gbk.replace(gbk.find("<meta charset=\"utf-8\">"), 22, "<meta charset=\"gbk\">  ");  // same columns
  std::string utf8_file = dir.file("utf8.html", page);
  std::string gbk_file = dir.file("gbk.html", to_gbk(gbk));
  auto [line, column] = place_of(page, "记者 梁晓敏 黄志坚");
  ASSERT_GT(line, 1u);
  for (const std::string& file : {utf8_file, gbk_file}) {
    for (const std::vector<std::string>& workers : {std::vector<std::string>{}, {"--parse-in-process"}}) {
      json report = scan_one(file, workers);
      const json* f = finding(report, "author-credit");
      ASSERT_NE(f, nullptr) << report.dump(1);
      EXPECT_EQ((*f)["evidence"], "记者 梁晓敏 黄志坚");
      EXPECT_EQ((*f)["line"], line) << file;
      EXPECT_EQ((*f)["column"], column) << file;
    }
  }
}

TEST(SourcePosition, ACreditNotFoundHasNone) {
  json report = scan_one(test_support::kMissingSource);
  const json* f = finding(report, "source-credit");
  ASSERT_NE(f, nullptr) << report.dump(1);
  EXPECT_EQ((*f)["evidence"], "");
  EXPECT_TRUE((*f)["line"].is_null());
  EXPECT_TRUE((*f)["column"].is_null());
}

}  // namespace
}  // namespace credcheck
