// media-credit (clause 1(1)): a picture or video of the original that the page reuses
// keeps its credit ("西江日报记者 梁晓敏 摄").
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "checker/rules/credit.h"
#include "checker/rules/registry.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// Shorter captions ("活动现场") are too common to show that a medium was reused.
constexpr size_t kMinCaptionChars = 8;

// The people or outlets a credit names, compact(): "西江日报记者 梁晓敏 摄" -> 梁晓敏,
// "图/新华社发" -> 新华社. Falls back to the whole credit when nothing is left.
std::vector<std::string> credited_names(std::string_view credit) {
  static const RE2 after_role("^.*(?:记者|通讯员|实习生|摄影师)(.*)$");
  static const RE2 role_prefix("^(?:图片|图|文|视频|摄影|摄)+");
  static const RE2 role_suffix("(?:摄影|拍摄|摄|供图|制图|发|视频|图)+$");
  std::vector<std::string> names;
  std::string n = normalize(credit), token;
  auto flush = [&] {
    std::string t = compact(token), rest;
    token.clear();
    if (RE2::FullMatch(t, after_role, &rest)) t = rest;
    RE2::Replace(&t, role_prefix, "");
    RE2::Replace(&t, role_suffix, "");
    if (utf8::length(t) >= 2) names.push_back(t);
  };
  for (size_t i = 0; i < n.size();) {
    size_t start = i;
    char32_t cp = utf8::next(n, &i);
    if (utf8::is_space(cp) || utf8::is_punct(cp)) flush();
    else token.append(n, start, i - start);
  }
  flush();
  if (names.empty() && !compact(credit).empty()) names.push_back(compact(credit));
  return names;
}

using utf8::ascii_lower;

// The path of a src without scheme, host, query or fragment: "/uploads/2024/a.jpg".
std::string_view url_path(std::string_view src) {
  src = src.substr(0, src.find_first_of("?#"));
  if (size_t scheme = src.find("//"); scheme != std::string_view::npos && scheme < 8) {
    src.remove_prefix(scheme + 2);
    size_t slash = src.find('/');
    src = slash == std::string_view::npos ? std::string_view() : src.substr(slash);
  }
  return src;
}

// What names the picture itself: the file name of a src, lower-case, without size or
// format suffixes the CDNs and CMSs add ("duanyan-01_640x480.jpg!w640", "duanyan-01-small.webp"
// -> "duanyan-01"). Empty when it is too short to tell media apart (WeChat's ".../640",
// "1.jpg").
std::string media_key(std::string_view src) {
  std::string_view path = url_path(src);
  size_t slash = path.find_last_of('/');
  std::string name = ascii_lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  static const RE2 bang("!.*$");                          // aliyun/qiniu styles: a.jpg!w640
  static const RE2 ext("\\.(?:jpe?g|png|gif|webp|bmp|mp4|m3u8|mov|flv|avif)$");
  static const RE2 size(
      "(?:[-_@.](?:\\d{2,4}x\\d{2,4}|\\d{2,4}[wh]|w\\d{2,4}|[1-4]x|small|thumb|thumbnail|"
      "medium|large|big|mini|[sml]))+$");
  RE2::Replace(&name, bang, "");
  while (RE2::Replace(&name, ext, "")) {}
  RE2::Replace(&name, size, "");
  return name.size() < 6 ? std::string() : name;
}

// Two srcs name the same medium: the same URL path (two segments at least, wherever it
// is hosted), or the same media_key().
bool same_medium(std::string_view a, std::string_view b) {
  std::string_view pa = url_path(a), pb = url_path(b);
  if (!pa.empty() && pa == pb && std::count(pa.begin(), pa.end(), '/') >= 2) return true;
  std::string ka = media_key(a);
  return !ka.empty() && ka == media_key(b);
}

// The original's caption with its credit taken out, compact().
std::string caption_without_credit(const MediaCredit& m) {
  std::string near = compact(m.near), credit = compact(m.credit);
  if (size_t pos = credit.empty() ? std::string::npos : near.find(credit);
      pos != std::string::npos)
    near.erase(pos, credit.size());
  return near;
}

// Adjacent character pairs of a compact() text: the shingles that survive a caption
// being reworded or shortened.
std::set<std::string> pairs_of(std::string_view t) {
  std::set<std::string> out;
  size_t prev = 0, i = 0;
  if (!t.empty()) utf8::next(t, &i);
  while (i < t.size()) {
    size_t start = i;
    utf8::next(t, &i);
    out.emplace(t.substr(prev, i - prev));
    prev = start;
  }
  return out;
}

// How much of the shorter caption the longer one holds (0..1), by character pairs;
// 0 when the shorter is too short to tell captions apart.
double caption_overlap(std::string_view a, std::string_view b) {
  if (utf8::length(a) < kMinCaptionChars || utf8::length(b) < kMinCaptionChars) return 0;
  std::set<std::string> pa = pairs_of(a), pb = pairs_of(b);
  const std::set<std::string>& small = pa.size() <= pb.size() ? pa : pb;
  const std::set<std::string>& big = pa.size() <= pb.size() ? pb : pa;
  size_t shared = 0;
  for (const std::string& p : small) shared += big.count(p);
  return small.empty() ? 0 : static_cast<double>(shared) / small.size();
}

// A caption rewritten or cut keeps most of its character pairs; two different captions
// of one article share far fewer.
constexpr double kSameCaption = 0.6;

// The page as this rule reads it, compact() once per check.
struct PageView {
  std::vector<std::string> credits;   // each media credit's credit and caption
  std::vector<std::string> captions;  // each media credit's caption, its credit taken out
  std::vector<std::string> printed;   // text paragraphs as printed
  std::vector<std::string> paragraphs;

  explicit PageView(const Fields& page) {
    for (const MediaCredit& m : page.media_credits) {
      credits.push_back(compact(m.credit) + "|" + compact(m.near));
      captions.push_back(caption_without_credit(m));
    }
    std::string_view text = page.text;
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view para = text.substr(0, end);
      printed.push_back(clean_space(para));
      paragraphs.push_back(compact(para));
      if (end == std::string_view::npos) break;
      text.remove_prefix(end + 1);
    }
  }
};

// Where the page shows one of the original's media.
struct Reuse {
  std::string location;  // "media_credits[1]" or "text"
  std::string evidence;  // the page's picture there: caption and src, as printed
  size_t medium = std::string::npos;     // the page's media credit, if any
  size_t paragraph = std::string::npos;  // the paragraph holding the caption, if any
};

// The page reuses the medium when one of its media is the same file (by URL path or
// file name), or has the original's caption (even reworded or shortened), or a paragraph
// holds the original's caption (its credit taken out).
std::optional<Reuse> find_reuse(const Fields& page, const PageView& view, const MediaCredit& m) {
  std::optional<Reuse> reuse;
  auto at_medium = [&](size_t i) {
    const MediaCredit& p = page.media_credits[i];
    std::vector<std::string> parts;
    for (const std::string* s : {&p.near, &p.src})
      if (!s->empty()) parts.push_back(clean_space(*s));
    if (parts.empty()) parts.push_back(p.credit);
    reuse = Reuse{"media_credits[" + std::to_string(i) + "]", join_lines(parts), i};
  };
  for (size_t i = 0; !m.src.empty() && !reuse && i < page.media_credits.size(); ++i)
    if (!page.media_credits[i].src.empty() && same_medium(page.media_credits[i].src, m.src))
      at_medium(i);
  std::string caption = caption_without_credit(m);
  if (utf8::length(caption) < kMinCaptionChars) return reuse;
  if (!reuse) {
    double best = 0;
    size_t at = 0;
    for (size_t i = 0; i < view.captions.size(); ++i) {
      if (page.media_credits[i].kind != m.kind) continue;
      double o = view.captions[i].find(caption) != std::string::npos
                     ? 1.0
                     : caption_overlap(view.captions[i], caption);
      if (o > best) best = o, at = i;
    }
    if (best >= kSameCaption) at_medium(at);
  }
  for (size_t j = 0; j < view.paragraphs.size(); ++j) {
    if (view.paragraphs[j].find(caption) == std::string::npos) continue;
    if (!reuse) reuse = Reuse{"text", view.printed[j]};
    reuse->paragraph = j;
    break;
  }
  return reuse;
}

// Every credited name is at the medium: in its own media credit or caption, in a
// credit not tied to a picture (a blanket 本文图片均为…), or in the paragraph holding
// the caption or the one below it. Elsewhere in the text does not count: a byline
// "西江日报记者 梁晓敏" credits the words, not the picture. When the reuse was seen only
// in the text, any media credit of the page may hold the names.
bool credited(const std::vector<std::string>& names, const Fields& page, const PageView& view,
              const Reuse& reuse) {
  auto near_caption = [&](const std::string& name) {
    size_t j = reuse.paragraph;
    if (j == std::string::npos) return false;
    for (size_t k = j; k < j + 2 && k < view.paragraphs.size(); ++k)
      if (view.paragraphs[k].find(name) != std::string::npos) return true;
    return false;
  };
  for (const std::string& name : names) {
    bool found = near_caption(name);
    for (size_t i = 0; !found && i < view.credits.size(); ++i) {
      bool counts = reuse.medium == std::string::npos || i == reuse.medium ||
                    (page.media_credits[i].src.empty() && !page.media_credits[i].credit.empty());
      found = counts && view.credits[i].find(name) != std::string::npos;
    }
    if (!found) return false;
  }
  return true;
}

class MediaCreditRule : public Rule {
 public:
  using Rule::Rule;

  Needs needs() const override { return Needs::original; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    PageView view(ctx.page);
    std::set<std::pair<std::string, std::string>> reported;  // (expected, evidence)
    // The original's blanket credit ("本文图片均为…") credits its pictures that carry none.
    const MediaCredit* blanket = nullptr;
    for (const MediaCredit& m : ctx.original->media_credits)
      if (!blanket && m.src.empty() && compact(m.credit).rfind("本文", 0) == 0) blanket = &m;
    for (MediaCredit m : ctx.original->media_credits) {
      if (compact(m.credit).empty()) {
        if (!blanket || m.src.empty() || m.kind != "image") continue;
        m.credit = blanket->credit;
      }
      std::optional<Reuse> reuse = find_reuse(ctx.page, view, m);
      if (!reuse || credited(credited_names(m.credit), ctx.page, view, *reuse)) continue;
      std::string expected = clean_space(m.credit);
      if (!reported.insert({expected, reuse->evidence}).second) continue;
      Finding f = finding((m.kind == "video" ? "video credit " : "picture credit ") + expected + " missing",
                          (m.kind == "video" ? "未注明视频出处及作者：" : "未注明图片出处及作者：") + expected);
      f.evidence = reuse->evidence;
      f.expected = expected;
      f.location = reuse->location;
      out->push_back(std::move(f));
    }
  }
};

std::unique_ptr<Rule> make_media_credit(RuleInfo info, const YAML::Node&, std::string*) {
  return std::make_unique<MediaCreditRule>(std::move(info));
}

}  // namespace

CREDCHECK_REGISTER_RULE(media_credit, "media-credit",
                        "each picture or video the page reuses from the original keeps its credit",
                        make_media_credit)

}  // namespace credcheck
