#include <re2/re2.h>

#include "checker/page/extractors.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

// The headline named, without its brackets or 《》.
std::string strip_quotes(std::string v) {
  static const RE2 quoted("^[《「“\"](.*)[》」”\"]$");
  std::string inner;
  if (RE2::FullMatch(v, quoted, &inner)) v = inner;
  return clean_space(v);
}

}  // namespace

void extract_original_title(const PageContext& ctx, Fields* out) {
  // A line of its own ("原标题：…", "（原标题：…）", "本文原标题：《…》") or a bracket
  // closing a paragraph ("…正文（原标题：…）").
  static const RE2 line("^[（(【\\[]?\\s*(?:本文)?原(?:标)?题(?:\\s*[:：]|为)\\s*(.+?)\\s*[）)】\\]]?\\s*$");
  static const RE2 tail("[（(]\\s*(?:本文)?原(?:标)?题(?:\\s*[:：]|为)\\s*([^（）()]+?)\\s*[）)]\\s*$");
  for (size_t i = 0; i < ctx.match_text.size(); ++i) {
    const std::string& t = ctx.match_text[i];
    if (ctx.pb.blocks[i].medium >= 0 || !ctx.readable(i) || t.find("题") == std::string::npos)
      continue;
    re2::StringPiece m;
    if (RE2::FullMatch(t, line, &m) || RE2::PartialMatch(t, tail, &m)) {
      std::string v = strip_quotes(printed_at(ctx, i, std::string_view(m.data(), m.size())));
      if (!v.empty()) {
        out->original_title = v;
        return;
      }
    }
  }
}

}  // namespace credcheck
