#include <re2/re2.h>

#include <algorithm>

#include "checker/page/extractors.h"
#include "checker/page/names.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// 责任编辑：杨倩_NF4425 / [责任编辑：朱家浒 PN054] / (责编：萧潇、张妍) / 编辑：苏亮.
// A bare 编辑 needs a colon (编辑部, 编辑们 are words); 责任编辑 and 责编 may take a space.
bool find_editor(const PageContext& ctx, size_t i, std::string* value) {
  static const RE2 re(
      "(?:^|[\\s\\[【(（|｜,，;；:：/])(?:责任编辑|责编|本文编辑|值班编辑|网络编辑|编辑)"
      "\\s*[:：]\\s*([^\\s\\]】)）\\[【(（|｜]+(?:\\s+[A-Za-z]{1,4}\\d{2,})?)");
  static const RE2 spaced(
      "(?:^|[\\s\\[【(（])(?:责任编辑|责编)\\s+([^\\s\\]】)）\\[【(（:：]+)");
  // （西江网编辑 何文）: the site's name fused with the role, the name after a space.
  static const RE2 bracketed(
      "[（(【\\[]\\s*[\\p{Han}A-Za-z]{0,12}?(?:责任编辑|编辑)\\s+([\\p{Han}·]{2,4})\\s*[）)】\\]]");
  const std::string& text = ctx.match_text[i];
  re2::StringPiece m;
  if (!RE2::PartialMatch(text, re, &m) && !RE2::PartialMatch(text, spaced, &m) &&
      !RE2::PartialMatch(text, bracketed, &m))
    return false;
  std::string cut = cut_at_next_label(std::string_view(m.data(), m.size()));
  std::string v = clean_space(printed_at(ctx, i, std::string_view(m.data(), cut.size())));
  if (v.empty() || utf8::length(v) > 30 || generic_source(v)) return false;
  *value = v;
  return true;
}

}  // namespace

void extract_editors(const PageContext& ctx, Fields* out) {
  for (size_t i = 0; i < ctx.match_text.size(); ++i) {
    if (out->editors.size() >= kMaxListed) break;
    if (ctx.pb.blocks[i].medium >= 0 || ctx.pb.blocks[i].chars > 300 || !ctx.readable(i)) continue;
    std::string v;
    if (!find_editor(ctx, i, &v)) continue;
    if (std::find(out->editors.begin(), out->editors.end(), v) == out->editors.end())
      out->editors.push_back(v);
  }
}

}  // namespace credcheck
