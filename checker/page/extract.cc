#include "checker/page/extract.h"

#include <re2/re2.h>

#include <algorithm>

#include "checker/page/blocks.h"
#include "checker/page/extractors.h"
#include "checker/page/meta.h"
#include "checker/page/names.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// The first date (and time) printed between the headline and the running text; a
// date without a year counts only with its time.
std::string printed_date(const PageContext& ctx) {
  static const RE2 re(
      "(\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?|"
      "\\b\\d{1,2}[-/月]\\d{1,2}日?\\s*\\d{1,2}:\\d{2})");  // mobile pages: "04-13 09:20"
  size_t from = ctx.title_block == kNoBlock ? 0 : ctx.title_block;
  size_t to = std::min(ctx.pb.blocks.size(), std::max(ctx.body_begin + 1, from + 12));
  std::string date;
  for (size_t i = from; i < to; ++i)
    if (RE2::PartialMatch(ctx.pb.blocks[i].text, re, &date)) return date;
  return {};
}

}  // namespace

std::string printed_at(const PageContext& ctx, size_t i, std::string_view piece) {
  const std::string& m = ctx.match_text[i];
  if (piece.data() < m.data() || piece.data() + piece.size() > m.data() + m.size()) return {};
  return ctx.free_text[i].substr(static_cast<size_t>(piece.data() - m.data()), piece.size());
}

Fields extract_fields(const pugi::xml_document& doc) {
  Fields out;
  try {
    PageBlocks pb = build_blocks(doc);
    PageMeta meta = read_meta(doc);
    PageContext ctx{pb, meta};
    out.title = extract_title(doc, pb, meta, &ctx.title_block);
    ctx.body_begin = find_body_begin(pb, ctx.title_block);
    extract_media_credits(&ctx, &out);  // first: the rest must not read credits as bylines
    extract_sources(ctx, &out);
    extract_editors(ctx, &out);
    extract_bylines(ctx, &out);  // after editors: editors are never authors
    extract_original_title(ctx, &out);
    out.canonical = meta.canonical;
    out.published = meta.published.empty() ? printed_date(ctx) : meta.published;
    out.text = extract_text(pb);
  } catch (const std::exception&) {
    // Only std::bad_alloc is expected here (a page too big for memory): the fields read
    // so far stand, the rest stay empty, and the batch goes on.
  }
  return out;
}

}  // namespace credcheck
