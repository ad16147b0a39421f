#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <utility>
#include <vector>

#include "checker/page/extractors.h"
#include "checker/page/names.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

// Characters of one credit word: no sentence punctuation, brackets or spaces.
#define W "[^\\s。！？!?；;，,：:（）()▲△/／]"

struct CreditPattern {
  const char* re;         // group 1: the credit as printed
  bool needs_medium;      // only in a caption: next to a picture or video
  bool video_only;        // only next to a video
};

const CreditPattern kPatterns[] = {
    {"([（(][^（）()]{1,30}?摄(?:影)?[）)])[。.\\s]*$", true, false},
    {"((?:" W "{1,15}\\s+){0,2}" W "{0,15}?\\s*摄)[。.\\s]*$", true, false},
    {"(?:^|[。！？\\s▲△（(【])((?:图片来源|图片|照片|图源|摄影|图|视频来源|视频)\\s*[/／:：]\\s*"
     "[^/／（）()]{1,40}?)[。.\\s）)】]*$", true, false},
    {"((?:图片|照片|图)(?:来自|来源于|源自|由)[^。]{1,30}[。]?)\\s*$", true, false},
    {"((?:" W "{1,15}\\s+){0,2}" W "{0,15}?\\s*供图)[。.\\s）)]*$", true, false},
    {"([（(]\\s*(?:视觉中国|东方IC|IC ?photo|CFP|图虫创意|人民视觉|Getty ?Images|新华社|中新社|"
     "美联社|路透社|法新社|澎湃影像|千图网|摄图网|全景网|VCG)[^（）()]{0,10}[）)])[。.\\s]*$",
     true, false},
    {"(" W "{0,12}\\s*资料图?片?)[。.\\s）)]*$", true, false},
    {"(本文(?:图片|图|照片|配图)[^。]{0,12}?(?:均|皆|全部)?(?:为|由|来自|系|来源于)[^。]{1,40}[。]?)",
     false, false},
    {"([（(]\\s*(?:视频)?来源\\s*[:：]\\s*[^（）()]{1,20}[）)])[。.\\s]*$", true, true},
};
#undef W

struct Compiled {
  RE2::Set set{RE2::Options(), RE2::UNANCHORED};
  std::vector<std::unique_ptr<RE2>> each;
};

const Compiled& compiled() {
  static const Compiled* c = [] {
    auto* out = new Compiled;
    for (const auto& p : kPatterns) {
      out->set.Add(p.re, nullptr);
      out->each.push_back(std::make_unique<RE2>(p.re));
    }
    out->set.Compile();
    return out;
  }();
  return *c;
}

// A credit found in some text: its byte span and which pattern found it.
struct Hit {
  size_t begin = 0, end = 0;
  size_t pattern = 0;
};

// Context a pattern may need: whether a picture or video stands next to the text.
struct Near {
  bool medium = true;
  bool video = true;
};

bool find_credit(const std::string& text, const Near& near, Hit* hit) {
  const Compiled& c = compiled();
  std::vector<int> which;
  if (!c.set.Match(text, &which) || which.empty()) return false;
  std::sort(which.begin(), which.end());
  for (int k : which) {
    const CreditPattern& p = kPatterns[k];
    if ((p.needs_medium && !near.medium) || (p.video_only && !near.video)) continue;
    re2::StringPiece m;
    if (!RE2::PartialMatch(text, *c.each[k], &m) || m.empty()) continue;
    // 拍摄, 航拍摄 & co. are verbs in running text, not credits.
    static const RE2 verb("(?:拍|航|抓|跟|偷|特|所|在)\\s*摄$");
    if (k == 1 && RE2::PartialMatch(m, verb)) continue;
    hit->begin = static_cast<size_t>(m.data() - text.data());
    hit->end = hit->begin + m.size();
    hit->pattern = static_cast<size_t>(k);
    return true;
  }
  return false;
}

// The medium a caption at block i belongs to: the nearest picture or video just
// before it, else just after it; a paragraph of running text in between ends the search.
int nearby_medium(const PageBlocks& pb, size_t i, bool video_only) {
  auto ok = [&](size_t j) {
    const Block& b = pb.blocks[j];
    return b.medium >= 0 && (!video_only || pb.media[b.medium].kind == "video");
  };
  for (size_t d = 1; d <= 2 && d <= i; ++d) {
    if (ok(i - d)) return pb.blocks[i - d].medium;
    if (pb.blocks[i - d].chars >= 40) break;
  }
  for (size_t d = 1; d <= 2 && i + d < pb.blocks.size(); ++d) {
    if (ok(i + d)) return pb.blocks[i + d].medium;
    if (pb.blocks[i + d].chars >= 40) break;
  }
  return -1;
}

// Most uncredited media listed from one page: real articles show a few dozen at most.
constexpr size_t kMaxUncredited = 200;

// Pictures smaller than this (declared width or height, in px) are icons and pixels.
constexpr long kMinContentPx = 120;

// A declared size in px ("80", "80px", "width:80px"), or -1 when none is declared.
long declared_px(std::string_view v) {
  static const RE2 px("^\\s*(\\d{1,5})\\s*(?:px)?\\s*$");
  static const RE2 style_px("(?:^|[;\\s])(?:width|height)\\s*:\\s*(\\d{1,5})px");
  long n = -1;
  if (RE2::FullMatch(v, px, &n) || RE2::PartialMatch(v, style_px, &n)) return n;
  return -1;
}

// Lower-case ASCII, for matching names of files and classes.
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// True when a picture or video belongs to the article rather than the page's chrome:
// icons, logos, spacers, tracking pixels, ads, avatars, QR codes, share buttons and the
// thumbnails of navigation and related-story boxes. One place to decide it, so the
// article zone, once found, can tighten it.
bool is_content_medium(const PageContext& ctx, const Medium& m) {
  if (m.src.empty()) return false;
  // Above the headline stand the site's logo and banners.
  if (ctx.title_block != kNoBlock && m.block < ctx.title_block) return false;
  pugi::xml_node n = ctx.pb.blocks[m.block].node;
  for (const char* a : {"width", "height", "style"}) {
    long px = declared_px(n.attribute(a).value());
    if (px >= 0 && px < kMinContentPx) return false;
  }
  // Sizes CDNs print in the address: "w160_h214", "w550h339", "?w=115&h=75".
  static const RE2 path_size("[_/-]w(\\d{2,4})[_-]?h(\\d{2,4})");
  static const RE2 query_w("[?&]w(?:idth)?=(\\d{1,4})(?:&|$)");
  static const RE2 query_h("[?&]h(?:eight)?=(\\d{1,4})(?:&|$)");
  long w = -1, h = -1;
  if (!RE2::PartialMatch(m.src, path_size, &w, &h)) {
    RE2::PartialMatch(m.src, query_w, &w);
    RE2::PartialMatch(m.src, query_h, &h);
  }
  if ((w >= 0 && w < kMinContentPx) || (h >= 0 && h < kMinContentPx)) return false;
  static const RE2 chrome_file(
      "(?:logo|icon|avatar|spacer|blank\\.|pixel|1x1|transparent|loading|placeholder|qrcode|"
      "qr_?code|erweima|(?:^|[/_.-])ewm|share|btn|button|arrow|sprite|emoji|badge|banner|gotop|"
      "(?:^|[/_.-])ads?(?:[/_.-]|$)|\\.svg(?:$|[?#]))");
  if (RE2::PartialMatch(lower(m.src), chrome_file)) return false;
  static const RE2 chrome_alt("(?i)(?:logo|二维码|头像|广告|图标|icon)");
  if (RE2::PartialMatch(m.alt, chrome_alt)) return false;
  // Boxes around the article: by tag, or by a class or id that says what they are.
  static const RE2 chrome_box(
      "(?:^|[\\s_-])(?:nav|navbar|menu|header|footer|foot|logo|sidebar|side|aside|share|"
      "comment|comments|avatar|qrcode|ad|ads|advert|banner|toolbar|breadcrumb|related|"
      "recommend|hot|rank|friend|links?)(?:$|[\\s_-])");
  int depth = 0;
  for (pugi::xml_node a = n.parent(); a && depth < 12; a = a.parent(), ++depth) {
    std::string_view tag = a.name();
    if (tag == "nav" || tag == "header" || tag == "footer" || tag == "aside") return false;
    // Lists of links and thumbnails captioned by their own link text are other stories.
    if (tag == "li") return false;
    if (tag == "a" && depth < 3 && !node_text(a, 400).empty()) return false;
    std::string cls = lower(std::string(a.attribute("class").value()) + " " + a.attribute("id").value());
    if (RE2::PartialMatch(cls, chrome_box)) return false;
  }
  return true;
}

// Centred text: how CMSs set a caption apart from the paragraphs.
bool centred(pugi::xml_node n) {
  static const RE2 centre("(?i)text-align\\s*:\\s*center");
  return RE2::PartialMatch(n.attribute("style").value(), centre) ||
         lower(n.attribute("align").value()) == "center";
}

// The text that goes with an uncredited medium: its caption (a <figcaption>, or a short
// or centred line just after it), else its alt text.
std::string caption_of(const PageBlocks& pb, const Medium& m) {
  for (size_t j = m.block + 1; j < pb.blocks.size() && j <= m.block + 2; ++j) {
    const Block& b = pb.blocks[j];
    if (b.medium >= 0) break;
    if (b.text.empty()) continue;
    if (b.in_caption || b.chars <= 40 || centred(b.node)) return b.text;
    break;
  }
  return m.alt;
}

}  // namespace

void extract_media_credits(PageContext* ctx, Fields* out) {
  const PageBlocks& pb = ctx->pb;
  ctx->free_text.assign(pb.blocks.size(), {});
  ctx->match_text.assign(pb.blocks.size(), {});
  std::vector<bool> credited(pb.media.size(), false);
  // Each entry's place on the page (its medium's block, else its caption's), so the
  // list comes out in reading order.
  std::vector<std::pair<size_t, MediaCredit>> listed;
  for (size_t i = 0; i < pb.blocks.size(); ++i) {
    const Block& b = pb.blocks[i];
    ctx->free_text[i] = b.text;
    ctx->match_text[i] = simplified_view(b.text);
    if (b.medium >= 0) continue;
    int m = nearby_medium(pb, i, false);
    int video = nearby_medium(pb, i, true);
    Hit hit;
    if (!find_credit(ctx->match_text[i], {m >= 0 || b.in_caption, video >= 0}, &hit)) continue;
    const CreditPattern& p = kPatterns[hit.pattern];
    if (p.video_only) m = video;
    MediaCredit c;
    c.credit = clean_space(b.text.substr(hit.begin, hit.end - hit.begin));
    c.near = b.text;
    size_t at = i;
    if (m >= 0 && p.needs_medium) {
      c.kind = pb.media[m].kind;
      c.src = pb.media[m].src;
      credited[m] = true;
      at = pb.media[m].block;
    } else {
      c.kind = ctx->match_text[i].find("视频") != std::string::npos ? "video" : "image";
    }
    listed.emplace_back(at, std::move(c));
    for (auto* t : {&ctx->free_text[i], &ctx->match_text[i]})
      t->replace(hit.begin, hit.end - hit.begin, " ");
  }
  // Credits printed only in alt text.
  for (size_t k = 0; k < pb.media.size(); ++k) {
    const Medium& md = pb.media[k];
    Hit hit;
    Near near{true, md.kind == "video"};
    if (credited[k] || md.alt.empty() || !find_credit(simplified_view(md.alt), near, &hit))
      continue;
    credited[k] = true;
    listed.emplace_back(md.block, MediaCredit{md.kind, clean_space(md.alt.substr(hit.begin, hit.end - hit.begin)),
                                              md.alt, md.src});
  }
  // Every other picture and video of the article, with an empty credit: a reused photo
  // whose credit was dropped must still reach the media-credit rule.
  size_t uncredited = 0;
  for (size_t k = 0; k < pb.media.size() && uncredited < kMaxUncredited; ++k) {
    const Medium& md = pb.media[k];
    if (credited[k] || !is_content_medium(*ctx, md)) continue;
    ++uncredited;
    listed.emplace_back(md.block, MediaCredit{md.kind, "", caption_of(pb, md), md.src});
  }
  std::stable_sort(listed.begin(), listed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [at, c] : listed) out->media_credits.push_back(std::move(c));
}

}  // namespace credcheck
