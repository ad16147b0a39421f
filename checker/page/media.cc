#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <utility>
#include <vector>

#include "checker/text/utf8.h"
#include "checker/page/extractors.h"
#include "checker/page/names.h"
#include "checker/text/normalize.h"
#include "checker/text/prefilter.h"

namespace credcheck {
namespace {

// The grammar of picture and video credits, in parts (as extractors.h does for bylines):
// - who: a name (2-4 Han characters, a ·-joined minority name, a Latin name), several
//   joined by spaces or 、, optionally after an outlet and role fused or spaced before
//   it (新华社记者 XX, 通讯员XX, 城市摄影队 XX);
// - the verb after who: 摄 / 翻摄, with nothing, a space or a slash between (XX摄,
//   XX 摄, XX/摄), or 摄影 after a space or slash; 供图 after a giver (受访者供图);
// - labels before who: 图/ 图： 图片来源： 摄影： 视频： 拍摄： & co.;
// - credits naming nobody: 资料图 / 资料图片 (at the end, or opening the caption),
//   an agency alone (视觉中国, CFP) or with 资料/供图;
// - wrapping: the whole credit in brackets （XX 摄）, an issuing outlet before it
//   (新华社发（XX 摄）, 新华社发), an agency in brackets after it (XX 摄（人民视觉）);
// - position: at the end of a caption (or opening it, for 资料图：), the caption being
//   the line under, or a short line over, its picture (see nearby_medium).
// Every pattern's group 1 is the credit as printed.

// One character of a credit word: no sentence punctuation, brackets, slashes or spaces.
#define W "[^\\s。！？!?；;，,：:、（）()【】\\[\\]▲△↑/／“”\"]"
// Where a credit may start: the line's start or after a space or sentence break.
#define B "(?:^|[\\s。！？!?；;，,：:）)】▲△↑►])"
#define END "[。.\\s]*$"
#define ROLE "(?:记者|通讯员|实习生|摄影师|摄影员|摄影队|摄影部|摄影|网友|读者|特约|见习)"
#define NAME                                                                  \
  "(?:\\p{Han}{2,4}(?:[·•・]\\p{Han}{1,8})?|"                                 \
  "[A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,2})"
#define NAMES NAME "(?:\\s*[、&＆]\\s*" NAME "|\\s+" NAME "){0,3}"
#define SNAP "(?:\\s*[/／]?\\s*(?:翻摄|摄)|(?:\\s+|\\s*[/／]\\s*)摄影)"
#define WHO_SNAP "(?:" W "{0,12}?" ROLE "\\s*)?" NAMES SNAP
#define ISSUED W "{1,10}?(?:社|网|报|台)发"
#define AGENCY                                                                 \
  "(?:视觉中国|东方IC|IC ?photo|CFP|图虫创意|人民视觉|Getty ?Images|新华社|中新社|" \
  "美联社|路透社|法新社|澎湃影像|千图网|摄图网|全景网|VCG|FOTOE|东方视觉)"
#define LABEL                                                                  \
  "(?:图片来源|题图来源|视频来源|图片提供|图片作者|图片|照片|图源|题图|配图|头图|" \
  "封面图|摄影|摄像|拍摄|视频|剪辑|图)"

struct CreditPattern {
  const char* re;         // group 1: the credit as printed
  bool needs_medium;      // only in a caption: next to a picture or video
  bool video_only;        // only next to a video
  bool names_snap;        // ends in 摄 after who: 拍摄 & co. are verbs, not credits
  bool opening = false;   // opens the caption (资料图：…): a credit at its end wins
};

const CreditPattern kPatterns[] = {
    // The pictures' part of a byline (XX/文 YY/图, 文/XX 受访者供图): it credits every
    // picture of the article, even when the byline stands next to one (so it comes first).
    {"(?:^|[\\s。])(?:文\\s*[/／:：]\\s*" W "{1,20}|" W "{1,20}\\s*[/／]\\s*文)\\s*"
     "((?:图|摄影|摄)\\s*[/／:：]\\s*[^/／。（）()]{1,20}?|" W "{1,15}?\\s*(?:[/／]\\s*(?:图|摄影|摄)|供图))"
     END, false, false, false},
    // 新华社记者 XX 摄, XX/摄, 新华社发（XX 摄）, XX 摄（人民视觉）
    {B "((?:" ISSUED "\\s*)?" WHO_SNAP "(?:\\s*[（(]" W "{2,12}[）)])?)" END, true, false, true},
    {"((?:" ISSUED "\\s*)?[（(]\\s*(?:" ISSUED "\\s*)?" WHO_SNAP "\\s*[）)])" END, true, false,
     true},
    // 新华社发
    {B "(" ISSUED ")" END, true, false, false},
    // 图/XX, 图片来源：XX, 视频：XX
    {"(?:^|[。！？\\s▲△↑（(【])(" LABEL "\\s*[/／:：|｜]\\s*[^/／（）()。！？!?]{1,30}?)"
     "[。.\\s）)】]*$", true, false, false},
    {"(?:^|[。！？\\s▲△↑（(【])((?:图片|照片|图)(?:来自|来源于|源自|由)[^。]{1,30}[。]?)\\s*$",
     true, false, false},
    // XX 供图, （XX供图）
    {B "((?:" W "{0,12}?" ROLE "\\s*)?" W "{1,15}?\\s*[/／]?\\s*供图)" END, true, false, false},
    {"([（(]\\s*" W "{1,15}?\\s*供图\\s*[）)])" END, true, false, false},
    // （视觉中国）, 视觉中国, CFP供图, 视觉中国 资料
    {"([（(]\\s*" AGENCY "[^（）()]{0,10}[）)])" END, true, false, false},
    {B "(" AGENCY "(?:\\s*(?:供图|图片|资料(?:图片|照片|图)?|版权作品[^。]{0,12}))?)" END, true,
     false, false},
    // 资料图, 本报资料图片, 网络图片; 资料图：caption
    {"(?:^|[\\s。！？!?，,（(【▲△↑])((?:" W "{1,10}?)?(?:资料(?:图片|照片|图|片)|网络图片))"
     "[。.\\s）)】]*$", true, false, false},
    {"^[（(【]?\\s*(" W "{0,10}?资料(?:图片|照片|图))\\s*(?:[）)】:：\\s]|$)", true, false, false,
     true},
    // 本文图片均为XX 摄: one credit for every picture of the article
    {"(本文(?:图片|图|照片|配图)[^。]{0,12}?(?:均|皆|全部)?(?:为|由|来自|系|来源于)[^。]{1,40}[。]?)",
     false, false, false},
    {"([（(]\\s*(?:视频)?来源\\s*[:：]\\s*[^（）()]{1,20}[）)])" END, true, true, false},
};
#undef W
#undef B
#undef END
#undef ROLE
#undef NAME
#undef NAMES
#undef SNAP
#undef WHO_SNAP
#undef ISSUED
#undef AGENCY
#undef LABEL

struct Compiled {
  // Which patterns may match a text: most blocks hold none of the literals every pattern
  // needs (摄, 图, 供图, an agency…) and run no pattern at all. (An RE2::Set of all the
  // patterns cost ~8% of extraction: its DFA thrashes on long lines.)
  std::unique_ptr<Prefilter> filter;
  std::vector<std::unique_ptr<RE2>> each;
};

const Compiled& compiled() {
  static const Compiled* c = [] {
    auto* out = new Compiled;
    std::vector<std::string> patterns;
    for (const CreditPattern& p : kPatterns) {
      patterns.push_back(p.re);
      out->each.push_back(std::make_unique<RE2>(p.re));
    }
    out->filter = std::make_unique<Prefilter>(patterns);
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

// The credit in `text` that starts first (the fullest reading: 图片来源：XX记者 YY 摄
// rather than its tail), among the patterns `near` allows.
bool find_credit(const std::string& text, const Near& near, Hit* hit) {
  const Compiled& c = compiled();
  // Ascending: with equal starts, the earlier pattern wins.
  std::vector<int> which = c.filter->candidates(text);
  bool found = false;
  for (int k : which) {
    const CreditPattern& p = kPatterns[k];
    if ((p.needs_medium && !near.medium) || (p.video_only && !near.video)) continue;
    re2::StringPiece m;
    if (!RE2::PartialMatch(text, *c.each[k], &m) || m.empty()) continue;
    // 拍摄, 航拍摄 & co. are verbs in running text, not credits.
    static const RE2 verb("(?:拍|航|抓|跟|偷|特|所|在|被)\\s*摄[）)]?$");
    if (p.names_snap && RE2::PartialMatch(m, verb)) continue;
    size_t begin = static_cast<size_t>(m.data() - text.data());
    if (found) {
      const CreditPattern& q = kPatterns[hit->pattern];
      // A credit at the caption's end beats 资料图： opening it; else the first wins.
      bool better = p.opening != q.opening ? q.opening : begin < hit->begin;
      if (!better) continue;
    }
    *hit = {begin, begin + m.size(), static_cast<size_t>(k)};
    found = true;
  }
  return found;
}

using utf8::ascii_lower;

// Lines up to this many characters read as captions wherever they stand.
constexpr size_t kShortLine = 40;

// Centred text: how CMSs set a caption apart from the paragraphs.
bool centred(pugi::xml_node n) {
  static const RE2 centre("(?i)text-align\\s*:\\s*center");
  for (pugi::xml_node a = n; a && a.type() == pugi::node_element; a = a.parent()) {
    if (RE2::PartialMatch(a.attribute("style").value(), centre) ||
        ascii_lower(a.attribute("align").value()) == "center" || std::string_view(a.name()) == "center")
      return true;
    if (std::string_view(a.name()) != "span" && std::string_view(a.name()) != "font") break;
  }
  return false;
}

// A line that reads as a caption wherever it stands: in a <figcaption>, centred, or short.
bool caption_like(const Block& b) {
  return b.in_caption || b.chars <= kShortLine || centred(b.node);
}

// The medium a caption at block i belongs to: the picture or video just above it (the
// line under it, or a second caption-like line under that, where credits often stand
// alone), else the one just below a caption-like line (a credit over its picture).
// Body prose that merely ends in 摄 is no caption: it is neither next to a picture nor
// set apart as one.
int nearby_medium(const PageBlocks& pb, size_t i, bool video_only) {
  auto ok = [&](size_t j) {
    const Block& b = pb.blocks[j];
    return b.medium >= 0 && (!video_only || pb.media[b.medium].kind == "video");
  };
  const Block& line = pb.blocks[i];
  size_t lines = 0;  // text lines between the medium and line i
  for (size_t j = i; j-- > 0;) {
    const Block& b = pb.blocks[j];
    if (b.medium >= 0) {
      if (!ok(j)) break;
      if (lines == 0 || (lines == 1 && caption_like(line))) return b.medium;
      break;
    }
    if (b.text.empty()) continue;
    if (++lines > 1 || !caption_like(b)) break;
  }
  if (!caption_like(line)) return -1;
  for (size_t j = i + 1; j < pb.blocks.size(); ++j) {
    const Block& b = pb.blocks[j];
    if (b.medium >= 0) return ok(j) ? b.medium : -1;
    if (!b.text.empty()) break;
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
  if (RE2::PartialMatch(ascii_lower(m.src), chrome_file)) return false;
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
    std::string cls = ascii_lower(std::string(a.attribute("class").value()) + " " + a.attribute("id").value());
    if (RE2::PartialMatch(cls, chrome_box)) return false;
  }
  return true;
}


// The text that goes with an uncredited medium: its caption (a <figcaption>, or a short
// or centred line just after it), else its alt text.
std::string caption_of(const PageBlocks& pb, const Medium& m) {
  for (size_t j = m.block + 1; j < pb.blocks.size() && j <= m.block + 2; ++j) {
    const Block& b = pb.blocks[j];
    if (b.medium >= 0) break;
    if (b.text.empty()) continue;
    if (caption_like(b)) return b.text;
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
    if (b.medium >= 0 || b.text.empty()) continue;
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
  for (auto& [at, c] : listed) {
    if (ctx->source) ctx->source->note("media_credits", out->media_credits.size(), pb.blocks[at].node);
    out->media_credits.push_back(std::move(c));
  }
}

}  // namespace credcheck
