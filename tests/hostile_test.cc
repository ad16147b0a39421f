// Hostile pages in one batch with normal ones: each ends as exactly one result, in
// order, quickly and in bounded memory, and the normal pages' results do not change.
// The pages are generated at test time (a 70 MB file is not committed).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"
#include "tests/support/sanitized.h"

namespace credcheck {
namespace {

using test_support::kPack;
using test_support::kOriginals;
using test_support::kCompliant;
using test_support::kMissingSource;

namespace fs = std::filesystem;
using nlohmann::json;
using test_support::run_credcheck;
using test_support::repeat;
using test_support::slurp;

const std::string kHead =
    "<!doctype html><html><head><meta charset=\"utf-8\"><title>测试页</title></head><body>";

// Sanitized builds reserve terabytes of address space and run a few times slower.
using test_support::kSanitized;

struct Case {
  std::string name;
  std::string refusal;  // part of the reason when the page is refused; empty when it parses
};

class HostileBatch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    char t[] = "/tmp/credcheck-hostile-XXXXXX";
    dir_ = mkdtemp(t);
    auto write = [](const std::string& name, const std::string& content) {
      std::ofstream(dir_ / name, std::ios::binary) << content;
    };
    std::string attrs = "<p";
    for (int i = 0; i < 200000; ++i) attrs += " a" + std::to_string(i) + "=1";
    write("deep-div.html", kHead + repeat("<div>", 300000));
    write("attribute-flood.html", kHead + attrs + ">x</p>");
    write("unclosed-b.html", kHead + repeat("<b>x", 160000));
    write("million-p.html", kHead + repeat("<p>x</p>", 1000000));
    {  // 70 MB of text: refused on its size before it is read
      std::ofstream f(dir_ / "huge.html", std::ios::binary);
      std::string chunk = repeat("正文很长。", 70000);
      f << kHead;
      for (size_t n = 0; n < 70'000'000; n += chunk.size()) f << chunk;
    }
    std::mt19937 rng(7);
    std::string binary(1 << 20, '\0');
    for (char& c : binary) c = static_cast<char>(rng());
    write("binary.html", binary);
    write("nuls.html", repeat(kHead + std::string("<p>正文\0\0<b>\0</b></p>", 24), 1000));
    write("invalid-utf8.html", kHead + repeat("<p>\xff\xfe\x80\x81\xc3(\xe2\x82</p>", 20000));
    write("amp-flood.html", kHead + "<p>" + repeat("&amp;", 1000000) + "</p>");
    write("numeric-entities.html", kHead + "<p>" + repeat("&#20013;", 1000000) + "</p>");
    write("empty.html", "");
    write("script-only.html", "<script>" + repeat("var a = '<div>';", 10000) + "</script>");
    write("img-flood.html", kHead + repeat("<img src=a.jpg alt=\"图\">", 90000));
    // Issue 9: shapes that got past the pre-pass. Each fills the page up to just under
    // the parser's 8 MiB cap.
    auto fill = [](std::string page, const std::string& tail) {
      while (page.size() + tail.size() < 8'000'000) page += tail;
      return page;
    };
    std::string unknown_tags;
    for (int i = 0; i < 14; ++i) unknown_tags += "<x" + std::to_string(i) + ">";
    std::string isindex = kHead + repeat("<p><isindex>" + unknown_tags, 6190);
    std::string soup = kHead + repeat("<option><p></svg><isindex><noscript><g><select>", 14000);
    write("isindex-unknown.html", isindex);
    write("isindex-stray-p.html", fill(isindex, "</p>"));
    write("soup-template.html", fill(soup, "</template>"));
    write("soup-form.html", fill(soup, "</form>"));
    write("soup-p.html", fill(soup, "</p>"));
    write("stray-p.html", fill("", "</p>"));
    // A page the pre-pass lets through (every bound under its limit) that still costs
    // gumbo about 330 MB and most of a second: the worker limits are its bound.
    std::string hundred = "<p";
    for (int i = 0; i < 100; ++i) hundred += " a" + std::to_string(i) + "=1";
    write("costly.html", fill(kHead, hundred + ">x</p>"));
    // The compliant page declaring a charset it is not in, and one nobody knows.
    std::string compliant = slurp(kCompliant);
    size_t meta = compliant.find("<meta charset=\"utf-8\">");
    ASSERT_NE(meta, std::string::npos);
    std::string lying = compliant, unknown = compliant;
    write("lying-charset.html", lying.replace(meta, 22, "<meta charset=\"big5\">"));
    write("unknown-charset.html", unknown.replace(meta, 22, "<meta charset=\"x-klingon\">"));
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static std::vector<Case> cases() {
    return {{"deep-div.html", "page nests elements 300000 deep (limit 2000)"},
            {"attribute-flood.html", "page has a tag with 200000 attributes (limit 100)"},
            {"unclosed-b.html", "page leaves 160000 formatting elements"},
            {"million-p.html", "start tags (limit 100000)"},
            {"huge.html", "larger than 16777216 bytes"},
            {"isindex-unknown.html", "page nests elements"},
            {"isindex-stray-p.html", "page nests elements"},
            {"soup-template.html", "page nests elements"},
            {"soup-form.html", "page nests elements"},
            {"soup-p.html", "page nests elements"},
            {"stray-p.html", "elements, counting those its stray end tags make (limit 100000)"},
            {"binary.html", ""},
            {"nuls.html", ""},
            {"invalid-utf8.html", ""},
            {"amp-flood.html", ""},
            {"numeric-entities.html", ""},
            {"empty.html", ""},
            {"script-only.html", ""},
            {"img-flood.html", ""},
            {"lying-charset.html", ""},
            {"unknown-charset.html", ""}};
  }

  // The normal pages around the hostile ones, so each hostile page sits between two.
  static std::vector<std::string> batch() {
    std::vector<std::string> inputs = {kCompliant};
    for (const Case& c : cases()) inputs.push_back((dir_ / c.name).string());
    inputs.push_back(kMissingSource);
    return inputs;
  }

  // Runs credcheck with an address-space cap (inherited by the child), timing it for the
  // log and for the hang bound only.
  static test_support::RunResult run_bounded(const std::vector<std::string>& args, double* seconds) {
    rlimit old{};
    getrlimit(RLIMIT_AS, &old);
    if (!kSanitized) {
      rlimit cap = old;
      cap.rlim_cur = 2ull << 30;
      setrlimit(RLIMIT_AS, &cap);
    }
    auto t0 = std::chrono::steady_clock::now();
    auto r = run_credcheck(args);
    *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    setrlimit(RLIMIT_AS, &old);
    return r;
  }

  static fs::path dir_;
};

fs::path HostileBatch::dir_;

json without_time(json result) {
  result.erase("fetched_at");
  return result;
}

TEST_F(HostileBatch, ScanGivesOneResultEachAndLeavesNormalPagesAlone) {
  std::vector<std::string> args = {"scan", "--rules", kPack, "--original", kOriginals};
  std::vector<std::string> inputs = batch();
  std::vector<std::string> all = args;
  all.insert(all.end(), inputs.begin(), inputs.end());
  double seconds = 0;
  auto r = run_bounded(all, &seconds);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_LT(seconds, test_support::kHangSeconds);
  json j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.err;
  ASSERT_EQ(j["results"].size(), inputs.size());
  EXPECT_EQ(j["summary"]["inputs"], inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) EXPECT_EQ(j["results"][i]["input"], inputs[i]);

  std::vector<Case> cs = cases();
  for (size_t i = 0; i < cs.size(); ++i) {
    const json& res = j["results"][i + 1];
    std::string reason = res.value("reason", "");
    if (!cs[i].refusal.empty()) {
      EXPECT_EQ(res["status"], "unchecked") << cs[i].name;
      EXPECT_NE(reason.find(cs[i].refusal), std::string::npos) << cs[i].name << ": " << reason;
    } else if (cs[i].name.find("charset") != std::string::npos) {
      // A wrong or unknown label does not stop the page being read as the UTF-8 it is:
      // every rule passes but the host one, which a file without --base-url leaves unchecked.
      EXPECT_TRUE(res["findings"].empty()) << cs[i].name << ": " << reason;
      EXPECT_EQ(res["not_checked"], json::array({"unauthorized-reprint"})) << cs[i].name << ": " << reason;
      EXPECT_EQ(res["charset"], "utf-8") << cs[i].name;
    } else {
      // Parsed, but no reprint of any original: never a verdict on the publisher's rules.
      EXPECT_EQ(res["status"], "unchecked") << cs[i].name << ": " << reason;
      EXPECT_FALSE(reason.empty()) << cs[i].name;
      EXPECT_EQ(reason.find("(limit"), std::string::npos) << cs[i].name << ": " << reason;
    }
  }

  for (const std::string& normal : {kCompliant, kMissingSource}) {
    std::vector<std::string> alone = args;
    alone.push_back(normal);
    json a = json::parse(run_credcheck(alone).out);
    const json& in_batch = normal == kCompliant ? j["results"][0] : j["results"].back();
    EXPECT_EQ(without_time(in_batch), without_time(a["results"][0])) << normal;
  }
  std::printf("scan of %zu inputs: %.2f s\n", inputs.size(), seconds);
}

TEST_F(HostileBatch, ExtractGivesOneLineEachNamingTheBound) {
  std::vector<std::string> inputs = batch();
  std::vector<std::string> args = {"extract"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  double seconds = 0;
  auto r = run_bounded(args, &seconds);
  EXPECT_EQ(r.code, 3) << r.err;  // some inputs could not be read
  EXPECT_LT(seconds, test_support::kHangSeconds);
  std::vector<json> lines;
  std::istringstream out(r.out);
  for (std::string line; std::getline(out, line);) lines.push_back(json::parse(line));
  ASSERT_EQ(lines.size(), inputs.size());
  std::vector<Case> cs = cases();
  for (size_t i = 0; i < inputs.size(); ++i) {
    EXPECT_EQ(lines[i]["input"], inputs[i]);
    if (i == 0 || i + 1 == inputs.size()) continue;
    const Case& c = cs[i - 1];
    if (c.refusal.empty()) {
      EXPECT_TRUE(lines[i].contains("title")) << c.name << ": " << lines[i].dump();
    } else {
      std::string error = lines[i].value("error", "");
      EXPECT_NE(error.find(c.refusal), std::string::npos) << c.name << ": " << error;
    }
  }
  for (size_t i : {size_t{0}, inputs.size() - 1}) {
    auto alone = run_credcheck({"extract", inputs[i]});
    EXPECT_EQ(lines[i], json::parse(alone.out)) << inputs[i];
  }
  std::printf("extract of %zu inputs: %.2f s\n", inputs.size(), seconds);
}

// A page over --page-memory or --page-seconds ends its worker, not the batch: it is
// unchecked with the limit as its reason, and the pages around it keep their results.
TEST_F(HostileBatch, PageOverTheWorkerLimitsIsUncheckedAndTheBatchGoesOn) {
  std::string costly = (dir_ / "costly.html").string();
  struct Limit {
    std::vector<std::string> options;
    std::string reason;
  };
  std::vector<Limit> limits = {{{"--page-seconds", kSanitized ? "3" : "0.3"},
                                kSanitized ? "parsing took more than 3 s" : "parsing took more than 0.3 s"}};
  if (!kSanitized)  // ASan reserves terabytes of address space: no cap holds under it
    limits.push_back({{"--page-memory", "200MiB"}, "needed more than 200 MiB"});
  for (const Limit& limit : limits) {
    std::vector<std::string> args = test_support::partner_scan();  // so compliant.html is compliant
    args.insert(args.end(), {"--jobs", "1"});
    args.insert(args.end(), limit.options.begin(), limit.options.end());
    for (const std::string& input : {kCompliant, costly, costly, kMissingSource}) args.push_back(input);
    double seconds = 0;
    auto r = run_bounded(args, &seconds);
    EXPECT_EQ(r.code, 1) << r.err;
    json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.err;
    ASSERT_EQ(j["results"].size(), 4u);
    for (int i : {1, 2}) {  // twice: the replaced worker meets it again
      EXPECT_EQ(j["results"][i]["status"], "unchecked");
      EXPECT_EQ(j["results"][i]["reason"], costly + ": " + limit.reason) << limit.options[0];
    }
    EXPECT_EQ(j["results"][0]["status"], "compliant") << j["results"][0].dump();
    EXPECT_EQ(j["results"][3]["status"], "violation") << j["results"][3].dump();
    std::printf("%s %s: %.2f s\n", limit.options[0].c_str(), limit.options[1].c_str(), seconds);
  }
  // Without the limits lowered the same page parses (it is costly, not hostile).
  auto r = run_credcheck({"extract", costly});
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("\"title\""), std::string::npos) << r.out.substr(0, 300);
}

// A file far over the byte cap is refused on its size, without being read.
TEST_F(HostileBatch, HugeFileIsRefusedWithoutReadingIt) {
  double seconds = 0;
  auto r = run_bounded({"extract", (dir_ / "huge.html").string()}, &seconds);
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("larger than 16777216 bytes"), std::string::npos) << r.out;
  EXPECT_LT(seconds, test_support::kHangSeconds);
}

}  // namespace
}  // namespace credcheck
