#include "checker/rules/pack.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "checker/rules/engine.h"
#include "checker/rules/registry.h"
#include "checker/rules/rules_test_util.h"
#include "checker/text/normalize.h"
#include "tests/support/files.h"

namespace credcheck {
namespace {

const std::string kPackPath = std::string(CREDCHECK_SOURCE_DIR) + "/rules/xijiang-daily.yaml";

// Writes `text` as a pack in the test's temp dir; returns its path.
std::string write_pack(const std::string& text) {
  // CTest runs tests as parallel processes: the pid keeps their files apart.
  static int n = 0;
  std::string path = ::testing::TempDir() + "credcheck_pack_" + std::to_string(getpid()) + "_" +
                     std::to_string(++n) + ".yaml";
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// load_pack's errors for `text`, one per line, with the temp path written as "P".
std::vector<std::string> load_errors(const std::string& text) {
  std::string path = write_pack(text);
  Pack pack;
  std::string err;
  EXPECT_FALSE(load_pack(path, &pack, &err));
  std::vector<std::string> out;
  for (size_t at = 0; at <= err.size();) {
    size_t end = std::min(err.find('\n', at), err.size());
    std::string line = err.substr(at, end - at);
    if (line.rfind(path, 0) == 0) line = "P" + line.substr(path.size());
    out.push_back(line);
    at = end + 1;
  }
  return out;
}

// The first of them: the tests below each break a pack in one place.
std::string load_error(const std::string& text) { return load_errors(text)[0]; }

const std::string kHead = "pack: test\npublisher:\n  name: 西江日报\nrules:\n";
const std::string kRule =
    "  - id: source-credit\n"      // line 5
    "    kind: source-credit\n"    // line 6
    "    clause: \"1(1)\"\n"       // line 7
    "    message: m\n"             // line 8
    "    quote: q\n"               // line 9
    "    accept: [西江日报]\n";    // line 10

TEST(RuleKindsTest, EveryBuiltInKindIsLinkedAndRegistered) {
  std::vector<std::string> names;
  for (const auto& [name, kind] : rule_kinds()) {
    names.push_back(name);
    EXPECT_FALSE(kind.description.empty()) << name;
    EXPECT_TRUE(kind.make) << name;
  }
  EXPECT_EQ(names, (std::vector<std::string>{
                       "author-credit", "dateline-kept", "element-kept", "licence-notice",
                       "licensed-host", "media-credit", "mirror-copy", "name-misuse",
                       "original-link", "original-title", "source-credit", "text-unchanged",
                       "upstream-source"}));
}

TEST(PackTest, XijiangDailyPackLoads) {
  Pack pack;
  std::string err;
  ASSERT_TRUE(load_pack(kPackPath, &pack, &err)) << err;
  EXPECT_EQ(pack.name, "xijiang-daily");
  EXPECT_EQ(pack.path, kPackPath);
  EXPECT_NE(pack.notice.find("西江日报、西江网版权与免责声明"), std::string::npos);
  EXPECT_EQ(pack.publisher.name, "西江日报");
  EXPECT_EQ(pack.publisher.hosts, std::vector<std::string>{".xjrb.com"});
  std::vector<std::string> ids;
  for (const auto& rule : pack.rules) {
    ids.push_back(rule->info().id);
    EXPECT_FALSE(rule->info().quote.empty());
    EXPECT_FALSE(rule->info().message.empty());
    EXPECT_FALSE(rule->info().clause.empty());
    EXPECT_EQ(rule->info().severity, Severity::error) << rule->info().id;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"unauthorized-reprint", "source-credit",
                                           "author-credit", "media-credit", "original-title",
                                           "upstream-source", "name-misuse"}));
  EXPECT_EQ(find_rule(pack, "unauthorized-reprint")->info().kind, "licensed-host");
  EXPECT_EQ(find_rule(pack, "source-credit")->info().clause, "1(1), 1(3)");
}

TEST(PackTest, XijiangSourceCreditAcceptsThePapersWrittenForms) {
  Pack pack;
  std::string err;
  ASSERT_TRUE(load_pack(kPackPath, &pack, &err)) << err;
  const Rule& rule = *find_rule(pack, "source-credit");
  auto credited = [&](const std::string& name) {
    Fields page;
    page.sources = {normalize(name)};
    return test::check(rule, page).empty();
  };
  for (const char* ok : {"西江日报", "《西江日报》", "西江日報", "西江日报社", "《西江日報》",
                         "西江日报电子版", "西江日报 客户端"})
    EXPECT_TRUE(credited(ok)) << ok;
  // The notice asks for 来源:西江日报 word for word: the website's name is not it.
  for (const char* bad : {"西江网", "西江網", "今日头条", "西江日报记者", "肇庆西江日报网友", "网易号"})
    EXPECT_FALSE(credited(bad)) << bad;
}

TEST(PackTest, XijiangAuthorCreditWantsTheAffiliation) {
  Pack pack;
  std::string err;
  ASSERT_TRUE(load_pack(kPackPath, &pack, &err)) << err;
  const Rule& rule = *find_rule(pack, "author-credit");
  Fields original = test::xijiang_original();
  original.authors = {"梁晓敏"};
  auto credited = [&](const std::string& byline) {
    Fields page;
    page.bylines = {byline};
    return test::check(rule, page, &original).empty();
  };
  for (const char* ok : {"西江日报记者 梁晓敏", "西江日报社记者梁晓敏", "西江日报全媒体记者 梁晓敏",
                         "西江日報記者 梁曉敏", "文/西江日报记者 梁晓敏 黄志坚",
                         "作者：西江日报记者梁晓敏、黄志坚"})
    EXPECT_TRUE(credited(ok)) << ok;
  for (const char* bad : {"本报记者 梁晓敏", "记者 梁晓敏", "梁晓敏", "南方日报记者 梁晓敏"})
    EXPECT_FALSE(credited(bad)) << bad;
}

TEST(PackTest, ParamsAreKeptForExplain) {
  Pack pack;
  std::string err;
  ASSERT_TRUE(load_pack(kPackPath, &pack, &err)) << err;
  EXPECT_NE(find_rule(pack, "source-credit")->info().params.find("accept"), std::string::npos);
  EXPECT_NE(find_rule(pack, "unauthorized-reprint")->info().params.find("licensees"),
            std::string::npos);
  EXPECT_EQ(find_rule(pack, "media-credit")->info().params, "");
}

TEST(PackTest, MinimalPackDefaultsSeverityAndPublisherNames) {
  Pack pack;
  std::string err;
  ASSERT_TRUE(load_pack(write_pack(kHead + kRule), &pack, &err)) << err;
  EXPECT_EQ(pack.publisher.names, std::vector<std::string>{"西江日报"});
  ASSERT_EQ(pack.rules.size(), 1u);
  EXPECT_EQ(pack.rules[0]->info().severity, Severity::error);
}

TEST(PackTest, FailedLoadLeavesThePackAlone) {
  Pack pack;
  pack.name = "before";
  std::string err;
  EXPECT_FALSE(load_pack(write_pack("pack: x\n"), &pack, &err));
  EXPECT_EQ(pack.name, "before");
}

TEST(PackErrorTest, UnreadableFile) {
  Pack pack;
  std::string err;
  EXPECT_FALSE(load_pack("/nonexistent/pack.yaml", &pack, &err));
  EXPECT_EQ(err, "/nonexistent/pack.yaml: cannot read the rule pack (no such file)");
}

TEST(PackErrorTest, DirectoryNamesThePacksInside) {
  Pack pack;
  std::string err;
  test_support::TempDir one;
  one.file("xijiang-daily.yaml", "");
  std::string dir = one.dir().string();
  EXPECT_FALSE(load_pack(dir, &pack, &err));
  EXPECT_EQ(err, dir + ": is a directory; a rule pack is one YAML file; did you mean " + dir +
                     "/xijiang-daily.yaml?");
  // Many: the first three by name, whatever order the folder lists them in.
  test_support::TempDir many;
  for (const char* name : {"e.yaml", "c.yaml", "a.yaml", "d.yaml", "b.yml", "notes.txt"})
    many.file(name, "");
  std::string m = many.dir().string();
  EXPECT_FALSE(load_pack(m, &pack, &err));
  EXPECT_EQ(err, m + ": is a directory; a rule pack is one YAML file; did you mean " + m +
                     "/a.yaml, " + m + "/b.yml or " + m + "/c.yaml (or another .yaml file there)?");
  test_support::TempDir empty;
  EXPECT_FALSE(load_pack(empty.dir().string(), &pack, &err));
  EXPECT_EQ(err, empty.dir().string() + ": is a directory; a rule pack is one YAML file");
}

TEST(PackErrorTest, YamlSyntax) {
  EXPECT_EQ(load_error("pack: test\nrules: [a, b\n"), "P:3:1: end of sequence flow not found");
  EXPECT_EQ(load_error("pack: test\n  rules: x\n"), "P:2:8: illegal map value");
  std::string deep = "pack: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  // The column is wherever yaml-cpp's scanner had got to: only the line means anything.
  EXPECT_THAT(load_error(deep), ::testing::MatchesRegex("P:1:[0-9]+: nested too deeply"));
}

TEST(PackErrorTest, TopLevel) {
  EXPECT_EQ(load_error(""), "P:1:1: expected a map with keys pack, notice, fixtures, publisher, rules, lang");
  EXPECT_EQ(load_error("- a\n"), "P:1:1: expected a map with keys pack, notice, fixtures, publisher, rules, lang");
  EXPECT_EQ(load_error("publisher:\n  name: x\nrules: []\n"), "P:1:1: missing key 'pack' (a string)");
  EXPECT_EQ(load_error("pack: test\npublisher:\n  name: x\n"),
            "P:1:1: missing key 'rules' (a list of rules)");
  EXPECT_EQ(load_error(kHead + "  []\n"), "P:5:3: 'rules' must be a list of at least one rule");
  EXPECT_EQ(load_error("pack: test\nrules: [x]\n"),
            "P:1:1: missing key 'publisher' (a map with name, names, hosts)");
  EXPECT_EQ(load_error("pack: ''\n"), "P:1:7: 'pack' must not be empty");
}

TEST(PackErrorTest, UnknownAndDuplicateKeys) {
  EXPECT_EQ(load_error("pack: test\nrule: []\n"),
            "P:2:1: unknown key 'rule'; expected one of pack, notice, fixtures, publisher, rules, lang");
  EXPECT_EQ(load_error("pack: test\npack: again\n"), "P:2:1: duplicate key 'pack'");
  EXPECT_EQ(load_error("pack: test\npublisher:\n  name: x\n  host: []\n"),
            "P:4:3: unknown key 'host'; expected one of name, names, hosts");
  EXPECT_EQ(load_error(kHead + kRule + "    severty: error\n"),
            "P:11:5: unknown key 'severty'; expected one of id, kind, clause, severity, "
            "message, quote, accept, expected");
}

TEST(PackErrorTest, Publisher) {
  EXPECT_EQ(load_error("pack: test\npublisher: 西江日报\n"),
            "P:2:12: 'publisher' must be a map with keys name, names, hosts");
  EXPECT_EQ(load_error("pack: test\npublisher:\n  names: [a]\n"),
            "P:3:3: missing key 'name' (a string)");
  EXPECT_EQ(load_error("pack: test\npublisher:\n  name: x\n  hosts: [www.xjrb.com/news]\n"),
            "P:4:11: 'www.xjrb.com/news' is not a host; expected example.com, .example.com or "
            "*.example.com");
}

TEST(PackErrorTest, Kinds) {
  EXPECT_EQ(load_error(kHead + "  - id: a\n    kind: source-credt\n"),
            "P:6:11: unknown rule kind 'source-credt'; known kinds: author-credit, "
            "dateline-kept, element-kept, licence-notice, licensed-host, media-credit, "
            "mirror-copy, name-misuse, original-link, original-title, source-credit, "
            "text-unchanged, upstream-source");
  EXPECT_EQ(load_error(kHead + "  - id: a\n"), "P:5:5: missing key 'kind' (a string)");
  EXPECT_EQ(load_error(kHead + "  - source-credit\n"),
            "P:5:5: each rule must be a map with keys id, kind, clause, severity, message, "
            "quote and the kind's parameters");
}

TEST(PackErrorTest, CommonRuleKeys) {
  EXPECT_EQ(load_error(kHead + "  - kind: name-misuse\n    clause: x\n"),
            "P:5:5: missing key 'id' (a string)");
  EXPECT_EQ(load_error(kHead + "  - kind: name-misuse\n    id: Name_Misuse\n"),
            "P:6:9: rule id 'Name_Misuse' must be lower-case words joined by '-'");
  EXPECT_EQ(load_error(kHead + "  - kind: name-misuse\n    id: a\n    message: m\n    quote: q\n"),
            "P:5:5: missing key 'clause' (a string)");
  EXPECT_EQ(load_error(kHead + kRule + "    severity: fatal\n"),
            "P:11:15: severity 'fatal'; expected one of note, warning, error");
  EXPECT_EQ(load_error(kHead + kRule + kRule), "P:11:9: duplicate rule id 'source-credit' (first at line 5)");
  EXPECT_EQ(load_error(kHead + "  - id: a\n    kind: name-misuse\n    clause: [1]\n"),
            "P:7:13: 'clause' must be a string");
}

TEST(PackErrorTest, KindParameters) {
  std::string rule = kRule.substr(0, kRule.rfind("    accept"));
  EXPECT_EQ(load_error(kHead + rule), "P:5:5: missing key 'accept' (RE2 patterns)");
  EXPECT_EQ(load_error(kHead + rule + "    accept: {a: b}\n"),
            "P:10:13: 'accept' must be an RE2 pattern or a list of them");
  EXPECT_EQ(load_error(kHead + rule + "    accept:\n      - 西江日报\n      - '西江[日报'\n"),
            "P:12:9: invalid RE2 pattern '西江[日报': missing ]: [日报");
}

TEST(PackErrorTest, EveryErrorIsReportedWithItsLine) {
  // Broken in two rules and at the top: all three are listed, in the pack's order.
  std::string text = "pack: test\nnotise: x\npublisher:\n  name: 西江日报\nrules:\n" + kRule +
                     "    acept: [x]\n" +                       // line 12
                     "  - id: b\n    kind: name-misuse\n" +     // lines 13-14
                     "    clause: \"2\"\n    message: m\n";     // no quote
  EXPECT_EQ(load_errors(text),
            (std::vector<std::string>{
                "P:2:1: unknown key 'notise'; expected one of pack, notice, fixtures, "
                "publisher, rules, lang",
                "P:12:5: unknown key 'acept'; expected one of id, kind, clause, severity, "
                "message, quote, accept, expected",
                "P:13:5: missing key 'quote' (a string)"}));
}

TEST(PackErrorTest, OneRuleWithSeveralErrorsListsThemAll) {
  std::string text = kHead + "  - id: Bad_Id\n    kind: source-credit\n    clause: c\n" +
                     "    message: m\n    quote: q\n    severity: fatal\n    accept: '('\n";
  EXPECT_EQ(load_errors(text),
            (std::vector<std::string>{
                "P:5:9: rule id 'Bad_Id' must be lower-case words joined by '-'",
                "P:10:15: severity 'fatal'; expected one of note, warning, error",
                "P:11:13: invalid RE2 pattern '(': missing ): ("}));
}

TEST(PackErrorTest, ErrorsPastTheCapAreCounted) {
  std::string text = kHead;
  for (int i = 0; i < 60; ++i) text += "  - id: r" + std::to_string(i) + "\n    kind: name-misuse\n";
  std::vector<std::string> errs = load_errors(text);
  // Each rule misses clause, message and quote: 180 errors, 50 listed.
  ASSERT_EQ(errs.size(), 51u);
  EXPECT_EQ(errs.back(), "P: 130 more errors not listed");
}

TEST(PackTest, FixturesFolderIsRead) {
  Pack pack;
  std::string err;
  ASSERT_TRUE(load_pack(write_pack("pack: t\nfixtures: ../f/t\npublisher:\n  name: x\n"
                                   "rules:\n  - {id: a, kind: name-misuse, clause: c, "
                                   "message: m, quote: q}\n"),
                        &pack, &err))
      << err;
  EXPECT_EQ(pack.fixtures, "../f/t");
}

}  // namespace
}  // namespace credcheck

namespace credcheck {
namespace {

// --lang: a message per language, the details in the same language, old packs unchanged.
TEST(PackLanguageTest, MessagesAndDetailsReadInOneLanguage) {
  Pack pack;
  std::string err;
  ASSERT_TRUE(load_pack(kPackPath, &pack, &err)) << err;
  EXPECT_EQ(pack.lang, "zh");
  const Rule* rule = find_rule(pack, "source-credit");
  Fields page;
  page.source_lines = {"来源：今日头条"};
  page.sources = {"今日头条"};
  std::vector<Finding> zh = test::check(*rule, page);
  ASSERT_EQ(zh.size(), 1u);
  EXPECT_EQ(zh[0].message, "转载须注明来源“来源：西江日报”（注明的来源为今日头条）");
  set_pack_language(&pack, "en");
  std::vector<Finding> en = test::check(*rule, page);
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].message, "A reprint must state the source as “来源：西江日报” (credits 今日头条 instead)");
  for (const auto& r : pack.rules) EXPECT_EQ(r->info().messages.size(), 2u) << r->info().id;
  // A pack with one message text keeps it in every language; only the detail follows.
  std::string path = write_pack(kHead + kRule);
  Pack old;
  ASSERT_TRUE(load_pack(path, &old, &err)) << err;
  set_pack_language(&old, "en");
  page.sources.clear();
  page.source_lines.clear();
  std::vector<Finding> f = test::check(*old.rules[0], page);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "m (no source credited)");
}

TEST(PackLanguageTest, LanguageMistakesAreRefusedWithTheirPlace) {
  EXPECT_EQ(load_error("pack: test\nlang: fr\npublisher:\n  name: x\nrules:\n" + kRule),
            "P:2:7: lang: 'fr'; expected zh or en");
  std::string rule = "  - id: a\n    kind: name-misuse\n    clause: \"1\"\n    quote: q\n    message:\n";
  EXPECT_EQ(load_error(kHead + rule + "      de: m\n"), "P:10:7: message: unknown language 'de'; expected zh or en");
  EXPECT_EQ(load_error(kHead + rule + "      en: m\n"), "P:10:7: message: no zh text, the pack's language (lang: zh)");
  EXPECT_EQ(load_error(kHead + rule + "      zh: \"\"\n"), "P:10:11: message: the zh text must be non-empty text");
}

}  // namespace
}  // namespace credcheck
