#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <memory>
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

}  // namespace

void extract_media_credits(PageContext* ctx, Fields* out) {
  const PageBlocks& pb = ctx->pb;
  ctx->free_text.assign(pb.blocks.size(), {});
  ctx->match_text.assign(pb.blocks.size(), {});
  std::vector<bool> credited(pb.media.size(), false);
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
    if (m >= 0 && p.needs_medium) {
      c.kind = pb.media[m].kind;
      c.src = pb.media[m].src;
      credited[m] = true;
    } else {
      c.kind = ctx->match_text[i].find("视频") != std::string::npos ? "video" : "image";
    }
    out->media_credits.push_back(std::move(c));
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
    out->media_credits.push_back(
        {md.kind, clean_space(md.alt.substr(hit.begin, hit.end - hit.begin)), md.alt, md.src});
  }
}

}  // namespace credcheck
