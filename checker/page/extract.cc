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
// The date printed with the headline. Without a year the day and the time stand apart
// ("04-13 09:20", "4月13日09:20") or are both of two digits ("10-0812:00"): in "2月17:03"
// no date is printed. In the title's block the title is left out first: a headline
// naming a day ("2024年3月1日起施行") is not when the article was published.
std::string printed_date(const PageContext& ctx, const std::string& title) {
  static const RE2 re(
      "(\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?|"
      // mobile pages: "04-13 09:20", or "10-0812:00" where spans with no space between
      // held the day and the time
      "\\b\\d{1,2}[-/月](?:\\d{1,2}(?:日\\s*|\\s+)\\d{1,2}|\\d{4}):\\d{2})");
  size_t from = ctx.title_block == kNoBlock ? 0 : ctx.title_block;
  size_t to = std::min(ctx.pb.blocks.size(), std::max(ctx.body_begin + 1, from + 12));
  std::string date;
  for (size_t i = from; i < to; ++i) {
    std::string_view text = ctx.pb.blocks[i].text;
    std::string rest;
    if (i == ctx.title_block && !title.empty()) {
      if (size_t at = text.find(title); at != std::string_view::npos) {
        rest = std::string(text.substr(0, at)) + " " + std::string(text.substr(at + title.size()));
        text = rest;
      }
    }
    if (RE2::PartialMatch(text, re, &date)) return date;
  }
  return {};
}

// Where each credit was read: the first block in the article's zones printing it
// (a credit read across two blocks is found by its first word). A credit printed in
// no block came from <meta>.
// Bounded for hostile pages: kMaxListed credits located, each among the first
// kLocateBlocks readable blocks (real pages have a few thousand blocks).
constexpr size_t kLocateBlocks = 20000;

void locate_credits(const PageContext& ctx, Fields* out) {
  std::vector<size_t> readable;
  for (size_t i = 0; i < ctx.pb.blocks.size() && readable.size() < kLocateBlocks; ++i)
    if (ctx.readable(i) && ctx.pb.blocks[i].medium < 0) readable.push_back(i);
  auto locate = [&](const char* field, const std::string& line, const char* list, size_t index) {
    if (out->credit_locations.size() >= kMaxListed) return;
    CreditLocation loc{field, line, "meta", ""};
    std::string head = line.substr(0, line.find(' '));
    for (const std::string& want : {line, head}) {
      if (want.empty()) continue;
      for (size_t i : readable) {
        if (ctx.pb.blocks[i].text.find(want) == std::string::npos) continue;
        loc.zone = zone_name(ctx.article.zone[i]);
        loc.path = node_path(ctx.pb.blocks[i].node);
        if (ctx.source) ctx.source->note(list, index, ctx.pb.blocks[i].node, line);
        out->credit_locations.push_back(std::move(loc));
        return;
      }
    }
    out->credit_locations.push_back(std::move(loc));
  };
  for (size_t k = 0; k < out->source_lines.size(); ++k) locate("source", out->source_lines[k], "source_lines", k);
  for (size_t k = 0; k < out->bylines.size(); ++k) locate("byline", out->bylines[k], "bylines", k);
  for (size_t k = 0; k < out->editors.size(); ++k) locate("editor", out->editors[k], "editors", k);
  if (out->original_title) locate("original_title", *out->original_title, "original_title", 0);
}

// Where the headline and each line of the text were read (the credits are noted by
// locate_credits, media and links as they are read).
constexpr size_t kMaxTextNotes = 1000;

void note_title_and_text(const pugi::xml_document& doc, const PageContext& ctx,
                         const std::vector<size_t>& text_blocks, const Fields& out) {
  if (ctx.title_block != kNoBlock)
    ctx.source->note("title", 0, ctx.pb.blocks[ctx.title_block].node, out.title);
  else if (!out.title.empty())
    ctx.source->note("title", 0, doc.child("html").child("head").child("title"), out.title);
  for (size_t k = 0; k < text_blocks.size() && k < kMaxTextNotes; ++k)
    ctx.source->note("text", k, ctx.pb.blocks[text_blocks[k]].node, ctx.pb.blocks[text_blocks[k]].text);
}

}  // namespace

std::string printed_at(const PageContext& ctx, size_t i, std::string_view piece) {
  const std::string& m = ctx.match_text[i];
  if (piece.data() < m.data() || piece.data() + piece.size() > m.data() + m.size()) return {};
  return ctx.free_text[i].substr(static_cast<size_t>(piece.data() - m.data()), piece.size());
}

Fields extract_fields(const pugi::xml_document& doc, SourceMap* source) {
  Fields out;
  try {
    PageBlocks pb = build_blocks(doc);
    PageMeta meta = read_meta(doc);
    PageContext ctx{pb, meta, source};
    out.title = extract_title(doc, pb, meta, &ctx.title_block);
    ctx.body_begin = find_body_begin(pb, ctx.title_block);
    ctx.article = find_article(pb, ctx.title_block);
    if (out.title.empty()) {
      out.title = headline_above_body(pb, ctx.article, &ctx.title_block);
      if (ctx.title_block != kNoBlock) {
        ctx.article.zone[ctx.title_block] = Zone::headline;
        ctx.body_begin = find_body_begin(pb, ctx.title_block);
      }
    }
    extract_media_credits(&ctx, &out);  // first: the rest must not read credits as bylines
    extract_sources(ctx, &out);
    extract_editors(ctx, &out);
    extract_bylines(ctx, &out);  // after editors: editors are never authors
    extract_english_credits(doc, ctx, &out);  // only when no author was found
    extract_original_title(ctx, &out);
    out.canonical = meta.canonical;
    out.published = meta.published.empty() ? printed_date(ctx, out.title) : meta.published;
    std::vector<size_t> text_blocks;
    out.text = extract_text(pb, ctx.article, source ? &text_blocks : nullptr);
    locate_credits(ctx, &out);
    extract_links(doc, ctx, &out);
    if (source) {
      note_title_and_text(doc, ctx, text_blocks, out);
      source->write(&out);
    }
  } catch (const std::exception&) {
    // Only std::bad_alloc is expected here (a page too big for memory): the fields read
    // so far stand, the rest stay empty, and the batch goes on.
  }
  return out;
}

}  // namespace credcheck
