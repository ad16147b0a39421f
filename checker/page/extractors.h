// The field extractors behind extract_fields(): one per field family, each in its own
// file, all reading the same block list, in the article's zones only (article.h).
//
// The credit grammar they share, by part:
// - labels: 来源/本文来源/稿源/出处/转自/本文来自/原载/摘自 (sources.cc); 记者/特约记者/
//   通讯员/实习生/评论员/作者/文/ 执笔 (bylines.cc, roles); 责任编辑/责编/编辑 (editors.cc);
//   原标题/原题 with a colon or 为 (original_title.cc);
// - separators after a label: ： : | ｜ or a space; before a name: nothing (fused,
//   西江日报记者陆志锋), a space, 、 & ； between names;
// - brackets: a value in 【】[]《》（）, a nested outlet 某某发布（西江日报）, a credit
//   wrapped whole （记者 XX）, a name followed by its affiliation 陈某（某大学教授）;
// - positions: the meta line above the body (labelled, or an outlet after the date, or
//   【outlet】 / [ name ] before 来源), the first lines of the body (【outlet】), its last
//   lines and the lines below it (（outlet）, （names）, editor lines, 原标题 notes);
// - values: an outlet (an outlet suffix, its own channels 客户端/数字报/公众号 credit the
//   owner too), or a person in a 来源 slot; placeholders (网络, 自媒体) credit nobody.
// Picture and video credits have their own grammar (who + 摄/供图, 图/ 图片来源： labels,
// agencies, 资料图, bracketed and issued-by forms), read from captions only (media.cc).
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "checker/page/article.h"
#include "checker/page/blocks.h"
#include "checker/page/fields.h"
#include "checker/page/meta.h"
#include "checker/page/source_map.h"

namespace credcheck {

constexpr size_t kNoBlock = static_cast<size_t>(-1);

// Most sources, bylines, authors and editors kept from one page. Real pages credit a
// handful; a page printing thousands is hostile, and each new name is checked against
// those kept (so the lists must stay short for extraction to stay linear).
constexpr size_t kMaxListed = 64;

struct PageContext {
  const PageBlocks& pb;
  const PageMeta& meta;
  SourceMap* source = nullptr;    // where items were read is noted here, when given
  size_t title_block = kNoBlock;  // the headline's block, when it is on the page
  size_t body_begin = 0;          // first block of running text after the headline
  // Each block's text with its media credit cut out, so "图片来源：每经记者 张蕊 摄"
  // is never read as a source or a byline. Filled by extract_media_credits().
  std::vector<std::string> free_text;
  // simplified_view() of free_text: patterns run over this and cut values out of
  // free_text at the same offsets, so traditional pages read like simplified ones.
  std::vector<std::string> match_text;
  // Where the article stands: credits are read only in its zones (see article.h).
  ArticleZones article;
  bool readable(size_t i) const {
    return i < article.zone.size() && article.zone[i] != Zone::outside;
  }
};

// The printed text behind `piece`, a part of match_text[i].
std::string printed_at(const PageContext& ctx, size_t i, std::string_view piece);

// The headline: an <h1>, og:title or another heading that agrees with <title>, else
// <title> without its site suffix. Sets *block to the headline's block (or kNoBlock).
std::string extract_title(const pugi::xml_document& doc, const PageBlocks& pb,
                          const PageMeta& meta, size_t* block);

// On a page offering no headline (no <title>, og:title or heading): the short line
// right above the date line over the body. Sets *block (or kNoBlock).
std::string headline_above_body(const PageBlocks& pb, const ArticleZones& article,
                                size_t* block);

// First block of running text after `title_block` (a long, link-poor line), or the
// number of blocks when there is none.
size_t find_body_begin(const PageBlocks& pb, size_t title_block);

// Picture and video credits, each tied to its medium; fills ctx->free_text.
void extract_media_credits(PageContext* ctx, Fields* out);

// 来源 lines and unlabelled outlets after the date in the header.
void extract_sources(const PageContext& ctx, Fields* out);

// Bylines and author names.
void extract_bylines(const PageContext& ctx, Fields* out);

// English credits, read only when no author was found (english_credits.cc).
void extract_english_credits(const pugi::xml_document& doc, const PageContext& ctx,
                             Fields* out);

// 责任编辑 / 责编 / 编辑.
void extract_editors(const PageContext& ctx, Fields* out);

// 原标题 / 原题.
void extract_original_title(const PageContext& ctx, Fields* out);

// The article's links, every element's src on the page, and the site's name (links.cc).
void extract_links(const pugi::xml_document& doc, const PageContext& ctx, Fields* out);

// The main text: lines of the body container (ArticleZones::body), joined by '\n'.
// With `blocks`, the block of each line of the text.
std::string extract_text(const PageBlocks& pb, const ArticleZones& article,
                         std::vector<size_t>* blocks = nullptr);

// Text of an element and all its descendants, clean_space()d (iterative); empty when
// the raw text runs over max_bytes.
std::string node_text(pugi::xml_node n, size_t max_bytes = std::string::npos);

}  // namespace credcheck
