// media-credit (clause 1(1)): a picture or video of the original that the page reuses
// keeps its credit ("西江日报记者 梁晓敏 摄").
#include <re2/re2.h>

#include <memory>
#include <optional>
#include <set>
#include <utility>

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

// The last path segment of a src, without query or fragment; empty when it is too
// short to tell media apart (WeChat's ".../640?wx_fmt=jpeg", "1.jpg").
std::string_view file_name(std::string_view src) {
  src = src.substr(0, src.find_first_of("?#"));
  size_t slash = src.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? src : src.substr(slash + 1);
  return name.size() < 6 ? std::string_view() : name;
}

// The original's caption with its credit taken out, compact().
std::string caption_without_credit(const MediaCredit& m) {
  std::string near = compact(m.near), credit = compact(m.credit);
  if (size_t pos = credit.empty() ? std::string::npos : near.find(credit);
      pos != std::string::npos)
    near.erase(pos, credit.size());
  return near;
}

// The page as this rule reads it, compact() once per check.
struct PageView {
  std::vector<std::string> credits;   // each media credit's credit and caption
  std::vector<std::string> captions;  // each media credit's caption
  std::vector<std::string> printed;   // text paragraphs as printed
  std::vector<std::string> paragraphs;

  explicit PageView(const Fields& page) {
    for (const MediaCredit& m : page.media_credits) {
      credits.push_back(compact(m.credit) + "|" + compact(m.near));
      captions.push_back(compact(m.near));
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
  std::string evidence;  // the page's caption there, as printed
  size_t paragraph = std::string::npos;  // the paragraph holding the caption, if any
};

// The page reuses the medium when a media credit has its file name, or a caption or
// paragraph holds the original's caption (its credit taken out).
std::optional<Reuse> find_reuse(const Fields& page, const PageView& view, const MediaCredit& m) {
  std::optional<Reuse> reuse;
  auto at_credit = [&](size_t i) {
    const MediaCredit& p = page.media_credits[i];
    reuse = Reuse{"media_credits[" + std::to_string(i) + "]", p.near.empty() ? p.credit : p.near};
  };
  std::string_view file = file_name(m.src);
  for (size_t i = 0; !file.empty() && !reuse && i < page.media_credits.size(); ++i)
    if (file_name(page.media_credits[i].src) == file) at_credit(i);
  std::string caption = caption_without_credit(m);
  if (utf8::length(caption) < kMinCaptionChars) return reuse;
  for (size_t i = 0; !reuse && i < view.captions.size(); ++i)
    if (view.captions[i].find(caption) != std::string::npos) at_credit(i);
  for (size_t j = 0; j < view.paragraphs.size(); ++j) {
    if (view.paragraphs[j].find(caption) == std::string::npos) continue;
    if (!reuse) reuse = Reuse{"text", view.printed[j]};
    reuse->paragraph = j;
    break;
  }
  return reuse;
}

// Every credited name is at the medium: in a media credit of the page, or in the
// paragraph holding the caption or the one below it. Elsewhere in the text does not
// count: a byline "西江日报记者 梁晓敏" credits the words, not the picture.
bool credited(const std::vector<std::string>& names, const PageView& view, const Reuse& reuse) {
  auto near_caption = [&](const std::string& name) {
    size_t j = reuse.paragraph;
    if (j == std::string::npos) return false;
    for (size_t k = j; k < j + 2 && k < view.paragraphs.size(); ++k)
      if (view.paragraphs[k].find(name) != std::string::npos) return true;
    return false;
  };
  for (const std::string& name : names) {
    bool found = near_caption(name);
    for (size_t i = 0; !found && i < view.credits.size(); ++i)
      found = view.credits[i].find(name) != std::string::npos;
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
    for (const MediaCredit& m : ctx.original->media_credits) {
      if (compact(m.credit).empty()) continue;
      std::optional<Reuse> reuse = find_reuse(ctx.page, view, m);
      if (!reuse || credited(credited_names(m.credit), view, *reuse)) continue;
      std::string expected = clean_space(m.credit);
      if (!reported.insert({expected, reuse->evidence}).second) continue;
      Finding f = finding((m.kind == "video" ? "video credit " : "picture credit ") + expected +
                          " missing");
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
