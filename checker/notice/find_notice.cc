#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "checker/notice/notice.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// A line states a copyright term when it names what the notice is about (reprinting,
// copyright, authorisation, mirroring, a credit) and says something of it (forbids,
// requires, reserves). Either alone is common in articles ("记者了解到…来源", "不得").
bool states_term(const std::string& norm) {
  static const RE2 topic(
      "(?i)转载|转贴|摘编|镜像|版权|著作权|授权|许可|侵权|注明(来源|出处|作者)|原标题|名义|"
      "稿件来源|all rights reserved|copyright");
  static const RE2 says(
      "(?i)不得|禁止|请勿|严禁|谢绝|未经|必须|须|应当|应(注明|标明|保留|经|取得|在)|务必|请|"
      "追究|必究|擅自|保留|所有|均属|归属|reserved");
  // "图片来源：某图库 版权作品 请勿转载": a picture's credit, not the site's notice.
  static const RE2 picture_credit("^(图片来源|图片|图|摄影|视频来源)\\s?[:/]");
  if (RE2::PartialMatch(norm, picture_credit)) return false;
  // In a long line (a player's overlay, a comment) the two must meet in one clause:
  // "应版权方要求…请您谅解" names copyright and asks something, of different things.
  constexpr size_t kShortLine = 60;
  if (utf8::length(norm) <= kShortLine)
    return RE2::PartialMatch(norm, topic) && RE2::PartialMatch(norm, says);
  for (size_t start = 0; start < norm.size();) {
    size_t end = norm.find_first_of(",.;!?", start);
    if (end == std::string::npos) end = norm.size();
    re2::StringPiece clause(norm.data() + start, end - start);
    if (RE2::PartialMatch(clause, topic) && RE2::PartialMatch(clause, says)) return true;
    start = end + 1;
  }
  return false;
}

// "西江日报、西江网版权与免责声明", "版权声明", "转载须知": a notice's heading.
bool is_heading(const std::string& norm) {
  static const RE2 heading(
      "[^.;:]{0,30}(版权|著作权|转载|免责|法律)[^.;:]{0,8}(声明|须知|说明|公告|条款)");
  return utf8::length(norm) <= 40 && RE2::FullMatch(norm, heading);
}

// "1." or "一、" alone on its line: the number of the clause that follows.
bool is_clause_number(const std::string& norm) {
  static const RE2 number("([0-9]{1,2}|[一二三四五六七八九十]{1,3})[.,、]?|第[一二三四五六七八九十0-9]{1,3}条");
  return RE2::FullMatch(norm, number);
}

// A short line inside the article's container that states a reprint term outright
// ("澎湃新闻，未经授权不得转载" under the text): the notice, printed at the article's foot.
// Article text about copyright rarely reads like this, and never in one short line.
bool notice_inside_article(const std::string& norm) {
  static const RE2 outright(
      "(?i)未经[^.;]{0,20}(授权|许可|同意)[^.;]{0,10}(转载|转贴|摘编|复制|使用|镜像)|"
      "(不得|禁止|严禁|请勿|谢绝)(转载|转贴|摘编|复制)|版权所有|转载[^.;]{0,6}注明(来源|出处)|"
      "all rights reserved");
  return utf8::length(norm) <= 80 && RE2::PartialMatch(norm, outright);
}

bool is_link_row(const Block& b) { return b.chars > 0 && b.link_chars * 2 > b.chars; }

}  // namespace

std::vector<NoticeLine> lines_of_page(const PageBlocks& pb, const ArticleZones& article) {
  std::vector<NoticeLine> out;
  for (size_t i = 0; i < pb.blocks.size(); ++i) {
    const Block& b = pb.blocks[i];
    if (b.medium >= 0 || b.text.empty()) continue;
    Zone z = i < article.zone.size() ? article.zone[i] : Zone::page;
    out.push_back({b.text, is_link_row(b), z == Zone::headline || z == Zone::body});
  }
  return out;
}

std::vector<NoticeLine> lines_of_text(std::string_view text) {
  std::vector<NoticeLine> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = clean_space(text.substr(start, end - start));
    if (!line.empty()) {
      size_t bars = 0;
      for (char c : line) bars += c == '|';
      out.push_back({line, bars >= 3, false});
    }
    start = end + 1;
  }
  return out;
}

Notice find_notice(const std::vector<NoticeLine>& lines) {
  // A notice's line is a few hundred characters; a longer one is page text, and reading
  // it as terms would let a hostile page make the demand patterns quadratic.
  constexpr size_t kMaxLineBytes = 4096;
  // A run: from a term line to the last term line before the gap that ends it.
  constexpr size_t kMaxGap = 2;
  struct Run {
    size_t first, last;
    bool has_term;
  };
  std::vector<Run> runs;
  bool open = false;
  size_t gap = 0;
  std::vector<bool> heading(lines.size(), false);
  for (size_t i = 0; i < lines.size(); ++i) {
    const NoticeLine& l = lines[i];
    if (l.text.size() > kMaxLineBytes) {
      if (open && ++gap > kMaxGap) open = false;
      continue;
    }
    std::string norm = normalize(l.text);
    heading[i] = !l.in_article && !l.navigation && is_heading(norm);
    // A link row is never a heading, but may state a term ("© 2006 版权所有 不得转载" between links).
    bool term = !heading[i] && states_term(norm) && (!l.in_article || notice_inside_article(norm));
    if (term || heading[i]) {
      if (open && gap <= kMaxGap) {
        runs.back().last = i;
        runs.back().has_term |= term;
      } else {
        bool numbered = i > 0 && !lines[i - 1].in_article && !lines[i - 1].navigation &&
                        is_clause_number(normalize(lines[i - 1].text));
        runs.push_back({numbered ? i - 1 : i, i, term});
      }
      open = true;
      gap = 0;
    } else if (open && (l.navigation || l.in_article || ++gap > kMaxGap)) {
      open = false;
    }
  }
  Notice notice;
  std::set<std::string> seen;  // a notice printed twice (desktop and mobile footers) counts once
  for (const Run& r : runs) {
    if (!r.has_term) continue;
    std::vector<std::string> body;
    for (size_t i = r.first; i <= r.last; ++i) {
      notice.lines.push_back(lines[i].text);
      if (heading[i] && notice.title.empty()) notice.title = lines[i].text;
      if (!heading[i]) body.push_back(lines[i].text);
    }
    for (NoticeSentence& s : split_sentences(body))
      if (seen.insert(s.norm).second) notice.sentences.push_back(std::move(s));
  }
  for (size_t i = 0; i < notice.sentences.size(); ++i)
    if (notice.sentences[i].clause.empty())
      notice.sentences[i].clause = "sentence " + std::to_string(i + 1);
  return notice;
}

}  // namespace credcheck
