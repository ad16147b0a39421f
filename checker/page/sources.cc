#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "checker/page/extractors.h"
#include "checker/page/names.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

struct Label {
  size_t begin = 0, end = 0;  // the label with its separator
};

char32_t cp_before(const std::string& s, size_t at) {
  if (at == 0) return 0;
  size_t i = at - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  size_t j = i;
  return utf8::next(s, &j);
}

// Finds the next 来源-style label at or after `from`. A bare 来源 inside a sentence
// (数据来源未经…, 盈利来源的…) is no label; 图片来源 is a media credit's.
bool next_label(const std::string& text, size_t from, Label* out) {
  static const RE2 re(
      "((?:本文|文章|信息|稿件|资料|新闻|内容)?来\\s*源于?|本文转载自|本文转自|转载自|转自|"
      "(?:本文|文章|稿件)来自|稿\\s*源|出\\s*处|(?:本文)?原载于?|摘自|选自|转引自)"
      "(\\s*[:：|｜]\\s*|\\s+|$)?");  // 来源：X, 来源 X, 来源 | X
  static const RE2 media_prefix("(?:图片|照片|图|视频|数据|资金|收入|图文)$");
  re2::StringPiece in(text);
  in.remove_prefix(from);
  re2::StringPiece label, sep;
  for (int guard = 0; guard < 32 && RE2::PartialMatch(in, re, &label, &sep); ++guard) {
    size_t begin = static_cast<size_t>(label.data() - text.data());
    size_t end = begin + label.size() + sep.size();
    bool colon = sep.find("：") != re2::StringPiece::npos || sep.find(':') != re2::StringPiece::npos ||
                 sep.find('|') != re2::StringPiece::npos || sep.find("｜") != re2::StringPiece::npos;
    bool transfer = (label.ends_with("自") && label != "转自") || label.starts_with("原载") ||
                    label.starts_with("本文原载");  // the outlet follows directly
    char32_t before = cp_before(text, begin);
    bool word_before =
        utf8::is_han(before) || (before < 0x80 && std::isalpha(static_cast<int>(before)));
    re2::StringPiece head(text.data(), begin);
    bool quoted = before == U'“' || before == U'"' || before == U'「';  // a notice quoting it
    bool ok = !quoted && !RE2::PartialMatch(head, media_prefix) &&
              (colon || transfer || (!word_before && (sep.size() > 0 || end == text.size())));
    if (ok) {
      *out = {begin, end};
      return true;
    }
    in = re2::StringPiece(text.data() + end, text.size() - end);
  }
  return false;
}

bool opening_bracket(char32_t c) {
  return c == U'[' || c == U'【' || c == U'《' || c == U'「' || c == U'(' || c == U'（' ||
         c == U'〔' || c == U'<';
}
bool closing_bracket(char32_t c) {
  return c == U']' || c == U'】' || c == U'》' || c == U'」' || c == U')' || c == U'）' ||
         c == U'〕' || c == U'>';
}

// The value after a label: inside brackets when bracketed, else up to the next label,
// space, quote or closing bracket. Offsets into `rest`; `consumed` spans the bracket.
struct Value {
  size_t begin = 0, size = 0, consumed = 0;
};

bool stops_value(char32_t c) {
  return closing_bracket(c) || c == U'。' || c == U'，' || c == U'；' || c == U'|' ||
         c == U'｜' || c == U'“' || c == U'”' || c == U'"' || c == U'、';
}

Value read_value(const std::string& rest) {
  Value v;
  size_t i = 0;
  bool bracketed = false;
  while (i < rest.size()) {
    size_t j = i;
    char32_t c = utf8::next(rest, &j);
    if (utf8::is_space(c)) { i = j; continue; }
    if (opening_bracket(c) && !bracketed) { bracketed = true; i = j; continue; }
    break;
  }
  size_t end = i;
  bool nested = false;  // 肇庆发布（西江日报）: the outlet the account credits, in brackets
  while (end < rest.size()) {
    size_t j = end;
    char32_t c = utf8::next(rest, &j);
    if (c == U'、' && bracketed) { end = j; continue; }  // （资料来源：参考消息、海外网）
    if (!bracketed && !nested && end > i && (c == U'（' || c == U'(' || c == U'【')) {
      nested = true, end = j;
      continue;
    }
    if (nested && closing_bracket(c)) { nested = false, end = j; continue; }
    if (stops_value(c) || (!bracketed && !nested && utf8::is_space(c))) break;
    end = j;
  }
  if (nested) {  // no closing bracket: the value ends before the opening one
    size_t k = i, last_open = i;
    while (k < end) {
      size_t j = k;
      char32_t c = utf8::next(rest, &j);
      if (c == U'（' || c == U'(' || c == U'【') last_open = k;
      k = j;
    }
    end = last_open;
  }
  v.begin = i;
  v.size = cut_at_next_label(std::string_view(rest).substr(i, end - i)).size();
  v.consumed = i + v.size;
  if (bracketed && v.size == end - i && end < rest.size()) {  // swallow the closing bracket
    size_t j = end;
    if (closing_bracket(utf8::next(rest, &j))) v.consumed = j;
  }
  return v;
}

// "人民网-文化频道" credits 人民网; "参考消息、海外网等" credits two outlets.
std::vector<std::string> outlets_of(const std::string& value) {
  std::vector<std::string> out;
  std::string v = value;
  static const RE2 channel("^(.+?)(?:\\s*[-_—]\\s*.*)$");
  std::string head;
  if (RE2::FullMatch(v, channel, &head)) v = head;
  static const RE2 etc("(?:等|等等)$");
  RE2::Replace(&v, etc, "");
  static const RE2 sep("[、,，;；\\s（）()【】]+");
  RE2::GlobalReplace(&v, sep, "\n");
  size_t start = 0;
  while (start <= v.size()) {
    size_t end = v.find('\n', start);
    if (end == std::string::npos) end = v.size();
    if (end > start) out.push_back(v.substr(start, end - start));
    start = end + 1;
  }
  // The publisher's own channel (its app, e-paper, WeChat account) credits the
  // publisher: 西江日报客户端 credits 西江日报 too.
  static const RE2 channel_of(
      "^(.{2,}?(?:报|刊|台|社|新闻))\\s*(?:客户端|APP|App|app|手机报|数字报|电子报|电子版|"
      "微信公众号|公众号|微信号|微信|官方微博|微博|官微|新媒体|融媒体|抖音号?|视频号|头条号)$");
  for (size_t k = 0, n = out.size(); k < n; ++k) {
    std::string owner;
    if (RE2::FullMatch(simplified_view(out[k]), channel_of, &owner))
      out.push_back(out[k].substr(0, owner.size()));
  }
  return out;
}

bool person_in_slot(const std::string& name) {
  return looks_like_person(name) && !has_outlet_suffix(name) && starts_with_surname(name) &&
         utf8::length(name) <= 3;
}

void add_source(const std::string& line, const std::string& value, Fields* out) {
  if (out->sources.size() >= kMaxListed || out->authors.size() >= kMaxListed) return;
  bool any = false;
  for (const auto& o : outlets_of(value)) {
    if (generic_source(o) || utf8::length(o) > 24) continue;
    if (person_in_slot(o)) {  // an author-like credit, not an outlet
      if (std::find(out->authors.begin(), out->authors.end(), o) == out->authors.end()) {
        out->bylines.push_back(line);
        out->authors.push_back(o);
      }
      continue;
    }
    std::string n = normalize(o);
    if (std::find(out->sources.begin(), out->sources.end(), n) == out->sources.end())
      out->sources.push_back(n);
    any = true;
  }
  if (any && std::find(out->source_lines.begin(), out->source_lines.end(), line) ==
                 out->source_lines.end())
    out->source_lines.push_back(line);
}

// Labelled credits in one block; a label alone borrows the next block's text.
bool labelled_sources(const PageContext& ctx, size_t i, Fields* out) {
  const std::string& text = ctx.match_text[i];
  const std::string& printed = ctx.free_text[i];
  bool found = false;
  size_t from = 0;
  Label l;
  for (int guard = 0; guard < 8 && next_label(text, from, &l); ++guard) {
    Value v = read_value(text.substr(l.end));
    std::string value = clean_space(printed.substr(l.end + v.begin, v.size));
    std::string line = printed.substr(l.begin, l.end - l.begin + v.consumed);
    const Block* next_block = i + 1 < ctx.pb.blocks.size() ? &ctx.pb.blocks[i + 1] : nullptr;
    if (value.empty() && l.end >= text.size() && next_block && next_block->medium >= 0) {
      // 来源：<img alt="西江日报">: the outlet's logo, named by its alt text.
      const std::string& alt = ctx.pb.media[static_cast<size_t>(next_block->medium)].alt;
      if (utf8::length(alt) <= 20 && !alt.empty()) {
        value = clean_space(alt);
        line = clean_space(printed.substr(l.begin)) + value;
      }
    } else if (value.empty() && l.end >= text.size() && i + 1 < ctx.free_text.size() &&
        ctx.pb.blocks[i + 1].chars <= 30) {
      Value next = read_value(ctx.match_text[i + 1]);
      value = clean_space(ctx.free_text[i + 1].substr(next.begin, next.size));
      line = printed.substr(l.begin) + ctx.free_text[i + 1].substr(0, next.consumed);
    }
    size_t after = l.end + v.consumed;
    // Keep a bracket that wraps the whole credit: "（资料来源：参考消息）".
    char32_t open = cp_before(text, l.begin);
    if ((open == U'（' || open == U'(') && after < text.size()) {
      size_t j = after;
      char32_t close = utf8::next(text, &j);
      size_t from_open = l.begin - (open == U'(' ? 1 : 3);  // （ is 3 bytes
      if (close == U'）' || close == U')') line = printed.substr(from_open, j - from_open);
    }
    if (!value.empty()) {
      size_t before = out->sources.size();
      add_source(clean_space(line), value, out);
      found = found || out->sources.size() > before;
    }
    from = after;
    if (from >= text.size()) break;
  }
  return found;
}

// "2019年11月25日 18:57 参考消息": the outlet right after the date in the header.
void dated_source(const PageContext& ctx, size_t i, Fields* out) {
  static const RE2 re(
      "^(?:(?:https?://)?[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\S*\\s+)?"  // the site's address first
      "(?:\\d{4}[-年/.]\\d{1,2}[-月/.]\\d{1,2}日?)\\s*(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*"
      "([^\\s\\d:：]{2,20})$");
  re2::StringPiece piece;
  if (!RE2::FullMatch(ctx.match_text[i], re, &piece)) return;
  std::string outlet = printed_at(ctx, i, std::string_view(piece.data(), piece.size()));
  if (generic_source(outlet) || person_in_slot(outlet) ||
      cut_at_next_label(std::string_view(piece.data(), piece.size())).size() != piece.size())
    return;
  add_source(outlet, outlet, out);
}

// An outlet alone in brackets: "【西江日报】" opening a paragraph near the top of the
// text (kLead) or standing before 来源 in the meta line (kMeta), "（西江日报）" closing
// a paragraph near the end (kTail).
enum class Edge { kLead, kMeta, kTail };

void bracketed_outlet(const PageContext& ctx, size_t i, Edge edge, Fields* out) {
  // Group 1 is the bracket as printed, group 2 the outlet in it.
  static const RE2 lead("^([【\\[]\\s*([^【】\\[\\]\\s]{2,16})\\s*[】\\]])");
  static const RE2 meta(
      "(?:^|[^:：\\s]\\s*|[^:：]\\s)([【\\[]\\s*([^【】\\[\\]\\s]{2,16})\\s*[】\\]])"
      "[^\\p{Han}\\[\\]【】]{0,3}(?:来\\s*源|$)");  // not the value of a label: 来源：[ X ]
  static const RE2 tail("([（(]\\s*([^（）()\\s]{2,16})\\s*[）)])[。.]?$");
  const RE2& re = edge == Edge::kLead ? lead : edge == Edge::kMeta ? meta : tail;
  re2::StringPiece whole, m;
  if (!RE2::PartialMatch(ctx.match_text[i], re, &whole, &m)) return;
  std::string outlet = printed_at(ctx, i, std::string_view(m.data(), m.size()));
  std::string_view name(m.data(), m.size());
  if (!has_outlet_suffix(name) || generic_source(name) || looks_like_person(name) ||
      cut_at_next_label(name).size() != name.size())
    return;
  add_source(printed_at(ctx, i, std::string_view(whole.data(), whole.size())), outlet, out);
}


}  // namespace

void extract_sources(const PageContext& ctx, Fields* out) {
  const PageBlocks& pb = ctx.pb;
  size_t head_from = ctx.title_block == kNoBlock ? 0 : ctx.title_block + 1;
  size_t head_to = std::min(ctx.body_begin + 1, head_from + 12);
  for (size_t i = 0; i < pb.blocks.size(); ++i) {
    if (pb.blocks[i].medium >= 0 || pb.blocks[i].chars > 400 || !ctx.readable(i)) continue;
    bool labelled = labelled_sources(ctx, i, out);
    bool head = (i >= head_from && i < head_to) || ctx.article.zone[i] == Zone::above;
    if (!labelled && head) dated_source(ctx, i, out);
  }
  for (size_t i = 0; i < pb.blocks.size(); ++i)
    if (ctx.article.zone[i] == Zone::above && pb.blocks[i].medium < 0 && pb.blocks[i].chars <= 120)
      bracketed_outlet(ctx, i, Edge::kMeta, out);
  for (size_t i : body_edge(pb, ctx.article, true))
    bracketed_outlet(ctx, i, Edge::kLead, out);
  for (size_t i : body_edge(pb, ctx.article, false))
    bracketed_outlet(ctx, i, Edge::kTail, out);
  // <meta name=source> only when the page prints no credit.
  if (out->sources.empty() && !ctx.meta.source.empty()) {
    const std::string& printed = ctx.meta.source;
    std::string match = simplified_view(printed);
    Label l;
    size_t from = next_label(match, 0, &l) ? l.end : 0;
    Value val = read_value(match.substr(from));
    std::string value = clean_space(printed.substr(from + val.begin, val.size));
    if (!value.empty()) add_source(clean_space(printed), value, out);
  }
}

}  // namespace credcheck
