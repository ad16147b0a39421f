#include "checker/report/messages.h"

#include <re2/re2.h>

#include <map>
#include <memory>
#include <vector>

namespace credcheck {
namespace {

const std::map<std::string, std::string>& zh_labels() {
  static const std::map<std::string, std::string> m = {
      // statuses and summary words
      {"compliant", "合规"},
      {"violation", "违规"},
      {"unchecked", "未检查"},
      {"total", "合计"},
      {"inputs", "输入"},
      {"status", "状态"},
      {"input", "输入"},
      {"rule", "规则"},
      {"rules", "规则"},
      {"severity", "级别"},
      {"error", "错误"},
      {"warning", "警告"},
      {"note", "提示"},
      {"clause", "条款"},
      {"message", "说明"},
      {"evidence", "证据"},
      {"expected", "应为"},
      {"where", "位置"},
      {"findings", "问题"},
      {"count", "数量"},
      {"reason", "原因"},
      {"all", "全部"},
      {"known", "已知"},
      {"new", "新增"},
      {"resolved", "已解决"},
      // headings and row labels
      {"Findings", "问题"},
      {"Unchecked", "未检查"},
      {"findings against the baseline", "与基线相比的问题"},
      {"new findings", "新增问题"},
      {"known (baseline)", "已知（基线）"},
      {"the notice says", "声明原文"},
      {"title", "标题"},
      {"URL", "网址"},
      {"fetched (UTC)", "抓取时间（UTC）"},
      {"HTTP status", "HTTP 状态"},
      {"SHA-256", "SHA-256"},
      {"listed in", "列于"},
      {"reused", "沿用"},
      {"unchanged at", "未变，核对于"},
      {"the check of the page fetched above", "沿用上面所列抓取时的检查结果"},
      {"original", "原文"},
      {"credit line", "来源行"},
      {"not checked", "未检查的规则"},
      {"nothing on the page", "页面上没有"},
      {"similar", "相似"},
      {"more findings are in the full report.", "条问题见完整报告。"},
      {"more unchecked inputs are in the full report.", "个未检查的输入见完整报告。"},
      // text format
      {"RULES THAT FIRED / REASON", "触发的规则 / 原因"},
      {"STATUS", "状态"},
      {"INPUT", "输入"},
      {"pack", "规则包"},
      {"inputs:", "个输入："},
      {"with violations", "违规"},
  };
  return m;
}

// English phrases of the reasons and their Chinese, applied in order (longer first).
struct Phrase {
  std::unique_ptr<RE2> re;
  std::string zh;
};

const std::vector<Phrase>& zh_phrases() {
  static const std::vector<Phrase> phrases = [] {
    const std::pair<const char*, const char*> table[] = {
        {"violates ", "违反 "},
        {"complies with all (\\d+) rules", "符合全部 \\1 条规则"},
        {"complies with ", "符合 "},
        {"page is on the publisher's own host ", "页面在发布者自己的域名上："},
        {"matches none of the (\\d+) originals given", "与给定的 \\1 篇原文均不匹配"},
        {"matches none of the originals given", "与给定的原文均不匹配"},
        {" ?\\(closest (.+?), similarity (\\d+%)\\)", "（最接近 \\1，相似度 \\2）"},
        {"no rule applies", "没有适用的规则"},
        {"only (.+?) checked", "仅检查了 \\1"},
        {"no original given: (.+?) not checked", "未给出原文：\\1 未检查"},
        {"no host \\(a local file without --base-url\\): (.+?) not checked",
         "没有域名（本地文件未给 --base-url）：\\1 未检查"},
        {"originals index: ", "原文索引："},
        {"HTTP (\\d{3})", "HTTP 状态 \\1"},
        {"timed out after ", "超时，已等待 "},
        {"disallowed by robots\\.txt", "robots.txt 不允许抓取"},
        {"host unreachable: ", "主机无法访问："},
        {"\\(fetching its robots\\.txt\\)", "（抓取其 robots.txt 时）"},
        {"could not connect: ", "无法连接："},
        {"connection lost: ", "连接中断："},
        {"not HTML \\(", "不是 HTML（"},
        {"larger than (\\d+) bytes", "大于 \\1 字节"},
        {"address (\\S+) is private or loopback", "地址 \\1 是私有或回环地址"},
        {"pass --allow-private to scan it", "加 --allow-private 才能扫描"},
        {"no such file or directory", "没有这个文件或目录"},
        {"no such file", "没有这个文件"},
        {"no result for this input in the merged files", "合并的文件中没有此输入的结果"},
    };
    std::vector<Phrase> out;
    for (const auto& [en, zh] : table) out.push_back({std::make_unique<RE2>(en), zh});
    return out;
  }();
  return phrases;
}

}  // namespace

std::string label(const std::string& lang, const std::string& en) {
  if (lang != "zh") return en;
  auto it = zh_labels().find(en);
  return it == zh_labels().end() ? en : it->second;
}

std::string reason_text(const std::string& lang, const std::string& reason) {
  if (lang != "zh" || reason.empty()) return reason;
  std::string out = reason;
  for (const Phrase& p : zh_phrases()) RE2::GlobalReplace(&out, *p.re, p.zh);
  // The reasons' own separators, as Chinese punctuation reads them.
  static const RE2 semicolon("; ");
  RE2::GlobalReplace(&out, semicolon, "；");
  return out;
}

}  // namespace credcheck
