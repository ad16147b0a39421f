// title_key(): a headline without what sites wrap around it, for comparing headlines.
#include <re2/re2.h>

#include "checker/text/normalize.h"

namespace credcheck {
namespace {

// Shapes, not names: what a site adds is a short segment after (or before) a separator,
// and a suffix names an outlet by how outlet names end (…网, …报, …融媒, …客户端, a
// domain), so "_某某网" and " - 某县融媒" go while " - 记者探访" is wording and stays.
const RE2& outlet_suffix() {
  static const RE2 re(
      R"((?:\s*(?:_+|\||丨|\s-+\s|-{2,}|\s·\s)\s*)([^_|丨]{1,24})$)");
  return re;
}

bool names_outlet(const std::string& tail) {
  static const RE2 outlet(
      R"((?i)(?:网|网站|官网|报|报社|台|社|媒|融媒|媒体|新闻|资讯|频道|客户端|在线|号|中心|发布|头条|app|\.(?:com|cn|net|org|gov)(?:\.cn)?)\s*$)");
  return RE2::PartialMatch(tail, outlet);
}

}  // namespace

std::string title_key(std::string_view title) {
  // A short label in brackets at either end ("[独家]", "(组图)"), or before a bar ("独家|").
  static const RE2 lead_bracket(R"(^\s*\[[^\]]{1,8}\]\s*)");
  static const RE2 lead_label(R"(^\s*[^|丨_\[\]]{1,6}\s*(?:\||丨)\s*)");
  static const RE2 tail_bracket(R"(\s*(?:\[[^\]]{1,8}\]|\([^)]{1,6}\))\s*$)");
  std::string t = normalize(title);
  // A few rounds: "[视频]独家|题_频道_某某网" has several. Bounded, and each round
  // shortens the title, so the cost stays linear in practice.
  for (int round = 0; round < 4; ++round) {
    std::string before = t;
    std::string tail;
    if (RE2::PartialMatch(t, outlet_suffix(), &tail) && names_outlet(tail)) {
      std::string stripped = t;
      RE2::Replace(&stripped, outlet_suffix(), "");
      if (!compact(stripped).empty()) t = stripped;
    }
    for (const RE2* re : {&lead_bracket, &lead_label, &tail_bracket}) {
      std::string stripped = t;
      if (RE2::Replace(&stripped, *re, "") && !compact(stripped).empty()) t = stripped;
    }
    if (t == before) break;
  }
  return compact(t);
}

}  // namespace credcheck
