// Helpers for the rule kinds' tests: the 西江日报 publisher, a rule built from YAML
// parameters as a pack would give them, and an original written for the tests in the
// paper's style (invented; no real article text).
#pragma once

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>
#include <vector>

#include "checker/rules/registry.h"

namespace credcheck::test {

inline const Publisher& xijiang() {
  static const Publisher p{"西江日报",
                           {"西江日报", "西江日報", "西江日报社", "西江网", "西江網"},
                           {".xjrb.com"}};
  return p;
}

// The factory's error for `kind` built from `params_yaml` ("" when it builds).
inline std::string build_error(const std::string& kind, const std::string& params_yaml) {
  const RuleKind* k = find_rule_kind(kind);
  if (!k) return "no kind " + kind;
  RuleInfo info{kind, kind, "1(1)", "the clause", "the message", Severity::error};
  std::string err;
  return k->make(info, YAML::Load(params_yaml), &err) ? "" : err;
}

// A rule of `kind` with id = kind, clause "1(1)" and message "the message".
inline std::unique_ptr<Rule> make_rule(const std::string& kind,
                                       const std::string& params_yaml = "{}") {
  const RuleKind* k = find_rule_kind(kind);
  EXPECT_NE(k, nullptr) << kind;
  if (!k) return nullptr;
  RuleInfo info{kind, kind, "1(1)", "the clause", "the message", Severity::error};
  std::string err;
  std::unique_ptr<Rule> rule = k->make(info, YAML::Load(params_yaml), &err);
  EXPECT_NE(rule, nullptr) << err;
  if (rule) rule->set_language("en");  // the kinds' tests read the English details
  return rule;
}

// Runs one rule over a page (and the matched original, if any).
inline std::vector<Finding> check(const Rule& rule, const Fields& page,
                                  const Fields* original = nullptr,
                                  const std::string& host = "") {
  CheckContext ctx{page, original, original != nullptr, host, xijiang()};
  std::vector<Finding> out;
  rule.check(ctx, &out);
  return out;
}

// A 西江日报 original by two reporters with one credited picture.
inline Fields xijiang_original() {
  Fields f;
  f.title = "肇庆端砚文化节开幕 游客现场体验非遗制砚";
  f.source_lines = {"来源：西江日报"};
  f.sources = {"西江日报"};
  f.bylines = {"西江日报记者 梁晓敏 黄志坚"};
  f.authors = {"梁晓敏", "黄志坚"};
  f.media_credits = {{"image", "西江日报记者 梁晓敏 摄",
                      "游客在文化节现场观看制砚师傅雕刻砚台。西江日报记者 梁晓敏 摄",
                      "https://www.xjrb.com/uploads/2024/05/20/duanyan-01.jpg"}};
  f.text =
      "5月18日，第十届端砚文化节在肇庆开幕，来自各地的游客走进制砚工坊。\n"
      "游客在文化节现场观看制砚师傅雕刻砚台。西江日报记者 梁晓敏 摄\n"
      "据介绍，本届文化节将持续至5月26日。";
  return f;
}

// A page that reprints xijiang_original() the way the notice asks.
inline Fields good_reprint() {
  Fields f = xijiang_original();
  f.source_lines = {"来源：西江日报"};
  f.media_credits[0].src = "https://news.example.cn/img/duanyan-01.jpg?w=640";
  return f;
}

}  // namespace credcheck::test
