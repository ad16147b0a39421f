#include <re2/re2.h>

#include <algorithm>

#include "checker/page/extractors.h"
#include "checker/page/names.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

struct Span {
  size_t begin = 0, end = 0;  // bytes of match text (and of the printed text)
};

struct Credit {
  Span line;                // the byline
  std::vector<Span> names;  // each name in it
};

bool name_char(char32_t c) {
  return utf8::is_han(c) || c == 0xB7 || c == 0x30FB || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}
bool affiliation_char(char32_t c) { return name_char(c) || (c >= '0' && c <= '9'); }
bool list_separator(char32_t c) {
  return c == U'、' || c == U'&' || c == U'＆' || utf8::is_space(c);
}
bool end_mark(char32_t c) {
  return c == U'）' || c == U')' || c == U'】' || c == U']' || c == U'/' || c == U'／' ||
         c == U'|' || c == U'｜' || c == U'》';
}

size_t prev_cp(const std::string& s, size_t at) {
  size_t i = at - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

// A name that fused an outlet in front ("观察者网王世纯"): the part after the outlet.
// Returns false when no name is left.
bool strip_outlet(const std::string& s, Span* token) {
  std::string_view t(s.data() + token->begin, token->end - token->begin);
  if (looks_like_person(t)) return true;
  static const RE2 re("^.*?(?:网|报|社|台|刊|新闻|作者|记者)([\\p{Han}·]{2,4})$");
  re2::StringPiece tail;
  if (RE2::FullMatch(t, re, &tail) && looks_like_person(tail)) {
    token->begin = static_cast<size_t>(tail.data() - s.data());
    return true;
  }
  // A name fused with the affiliation after it: "方某北京大学经济学院教授". The
  // institution opens with a place or a national word and closes with a title.
  static const RE2 after(
      "^(\\p{Han}{2,3}?)(?:中国|中央|国家|北京|上海|天津|重庆|广东|广州|深圳|江苏|南京|浙江|杭州|"
      "湖北|武汉|湖南|四川|山东|河南|河北|陕西|福建|清华|复旦|人民|社会|华中|华东|华南|华北|西南|"
      "西北|东北|香港|澳门|台湾|美国|英国|日本)\\p{Han}*?(?:大学|学院|研究院|研究所|研究中心|中心|"
      "银行|公司|集团|协会|学会|委员会|医院)\\p{Han}*?(?:教授|研究员|院长|主任|博士|讲师|专家|"
      "学者|分析师|律师|主编|董事长|总经理|会长|所长|经济学家|书记|局长|处长)$");
  re2::StringPiece name;
  if (!RE2::FullMatch(t, after, &name) || !looks_like_person(name)) return false;
  token->end = token->begin + name.size();
  return true;
}

// Reads the names after a role word, from `at`. A byline's names end at the end of
// the text, a bracket, a slash, or a tail word (发自, 报道, 摄影...); a name running
// into a comma or a sentence is prose ("记者张三说，…"), not a byline.
bool read_names(const std::string& s, size_t at, Credit* c) {
  static const RE2 tail("^(?:发自|报道|整合|摄影|攝影|摄|攝|编译|综合|供图|受访者|通讯员|实习生|"
                        "文图|/|／)");
  size_t i = at;
  while (i < s.size()) {  // spaces and a colon between role and names
    size_t j = i;
    char32_t ch = utf8::next(s, &j);
    if (!utf8::is_space(ch) && ch != U'：' && ch != ':') break;
    i = j;
  }
  for (int n = 0; n < 8 && i < s.size(); ++n) {
    size_t start = i, end = i;
    while (end < s.size()) {
      re2::StringPiece rest(s.data() + end, s.size() - end);
      if (RE2::PartialMatch(rest, tail)) break;
      size_t j = end;
      if (!name_char(utf8::next(s, &j))) break;
      end = j;
    }
    Span name{start, end};
    if (start == end || !strip_outlet(s, &name)) return !c->names.empty();
    std::string_view whole(s.data() + name.begin, name.end - name.begin);
    for (std::string_view part : split_fused(whole)) {
      size_t b = static_cast<size_t>(part.data() - s.data());
      c->names.push_back({b, b + part.size()});
    }
    if (end >= s.size()) return true;
    re2::StringPiece rest(s.data() + end, s.size() - end);
    if (RE2::PartialMatch(rest, tail)) {
      // "记者 彭冲 山东冠县报道": after a name, a word right before 报道 is the place.
      static const RE2 place_tail("^(?:报道|发自)");
      if (c->names.size() > 1 && c->names.back().begin >= start && start > at &&
          RE2::PartialMatch(rest, place_tail))
        c->names.pop_back();
      return true;
    }
    size_t j = end;
    char32_t next = utf8::next(s, &j);
    if (end_mark(next)) return true;
    if (next == U'（' || next == U'(') {  // 陈明远（某某大学教授）；李思琪（…）
      size_t close = s.find(next == U'（' ? "）" : ")", j);
      if (close == std::string::npos || utf8::length(std::string_view(s).substr(j, close - j)) > 30)
        return true;
      end = close + (next == U'（' ? 3 : 1);
      if (end >= s.size()) return true;
      j = end;
      next = utf8::next(s, &j);
      if (next != U'；' && next != ';' && !list_separator(next)) return true;
    }
    if (!list_separator(next) && next != U'；' && next != ';') {  // ran into a sentence
      while (!c->names.empty() && c->names.back().begin >= start) c->names.pop_back();
      return !c->names.empty();
    }
    i = j;
    while (i < s.size()) {
      size_t k = i;
      if (!list_separator(utf8::next(s, &k))) break;
      i = k;
    }
  }
  return !c->names.empty();
}

// Characters after which a credit may start mid-line ("发布时间：… 作者：", "□ 本报记者").
bool opens_credit(char32_t before) {
  static const std::u32string kOpen = U"□■●◆》【（(：:/／";
  return utf8::is_space(before) || kOpen.find(before) != std::u32string::npos;
}

// Every role word in `s` (记者, 文/, 执笔/, 作者：...) followed by names. With
// `anywhere` (inside a bracket) a credit may stand anywhere; else it must open the
// text, follow a space or mark, or carry a colon (作者：).
void role_credits(const std::string& s, bool anywhere, std::vector<Credit>* out) {
  static const RE2 role(
      "((?:特约|首席|实习|见习|本报|本刊|本台|本网|总台|驻\\p{Han}{1,4})?记者|通讯员|实习生|"
      "(?:特约|本报|本刊|本台|本网)?评论员|"
      "文\\s*[/／]\\s*图|图\\s*[/／]\\s*文|文\\s*[/／|｜:：]|执笔\\s*[/／:：]?|撰文\\s*[/／:：]?|"
      "主笔\\s*[/／:：]|作者(?:\\s*[:：|｜]|\\s+))");
  re2::StringPiece in(s), m;
  for (int guard = 0; guard < 16 && RE2::FindAndConsume(&in, role, &m); ++guard) {
    size_t rb = static_cast<size_t>(m.data() - s.data());
    size_t re = rb + m.size();
    size_t ab = rb;  // the affiliation printed before the role: 西江日报记者
    bool reporter = m.ends_with("记者") || m.ends_with("通讯员") || m.ends_with("评论员") ||
                    m.ends_with("实习生");
    for (int k = 0; k < 16 && ab > 0 && reporter; ++k) {
      size_t p = prev_cp(s, ab), q = p;
      if (!affiliation_char(utf8::next(s, &q))) break;
      ab = p;
    }
    char32_t before = 0;
    if (ab > 0) {
      size_t p = prev_cp(s, ab);
      before = utf8::next(s, &p);
    }
    bool slash_role = m.starts_with("文") || m.starts_with("图");
    if (slash_role && utf8::is_han(before)) continue;  // 全文：, 原文： are words
    bool labelled = m.find("：") != re2::StringPiece::npos || m.find(":") != re2::StringPiece::npos ||
                    m.find("|") != re2::StringPiece::npos || m.find("｜") != re2::StringPiece::npos;
    if (!anywhere && ab != 0 && !(labelled && !slash_role) && !opens_credit(before)) continue;
    Credit c;
    c.line.begin = ab;
    if (!read_names(s, re, &c)) continue;
    c.line.end = c.names.back().end;
    out->push_back(std::move(c));
  }
}

void add_credit(const std::string& byline, const std::vector<std::string>& names, Fields* out) {
  if (out->bylines.size() >= kMaxListed || out->authors.size() >= kMaxListed) return;
  std::string b = clean_space(byline);
  bool known = false;  // the same credit, already read with its bracket or prefix
  for (const auto& have : out->bylines) known = known || have.find(b) != std::string::npos;
  if (!known) out->bylines.push_back(b);
  for (const auto& n : names)
    if (std::find(out->authors.begin(), out->authors.end(), n) == out->authors.end())
      out->authors.push_back(n);
}

std::vector<std::string> printed_names(const PageContext& ctx, size_t i, const Credit& c) {
  std::vector<std::string> out;
  for (const Span& n : c.names) out.push_back(ctx.free_text[i].substr(n.begin, n.end - n.begin));
  return out;
}

// "作者：西江日报记者 梁晓敏" holds the 记者 credit: keep the inner, affiliated one.
void drop_enclosing(std::vector<Credit>* found) {
  std::vector<Credit> kept;
  for (size_t a = 0; a < found->size(); ++a) {
    bool encloses = false;
    for (size_t b = 0; b < found->size(); ++b)
      encloses = encloses || (a != b && (*found)[a].line.begin < (*found)[b].line.begin &&
                              (*found)[b].line.end <= (*found)[a].line.end);
    if (!encloses) kept.push_back((*found)[a]);
  }
  *found = std::move(kept);
}

// Bracketed credits: "新京报快讯（记者 裴剑飞）", "(信报记者 蔡雪婧)", "（姚峰 上海报道）".
void bracket_credits(const PageContext& ctx, size_t i, Fields* out) {
  static const RE2 bracket("([（(【\\[])([^（）()【】\\[\\]]{2,40})[）)】\\]]");
  static const RE2 place("^([\\p{Han}·]{2,4}(?:[ 、][\\p{Han}·]{2,4}){0,3})\\s+\\p{Han}{2,6}报道$");
  const std::string& s = ctx.match_text[i];
  const std::string& printed = ctx.free_text[i];
  re2::StringPiece in(s), open, inner;
  for (int guard = 0; guard < 16 && RE2::FindAndConsume(&in, bracket, &open, &inner); ++guard) {
    size_t ob = static_cast<size_t>(open.data() - s.data());
    size_t ib = static_cast<size_t>(inner.data() - s.data());
    size_t close_end = static_cast<size_t>(in.data() - s.data());
    std::string body(inner.data(), inner.size());
    std::string prefix = s.substr(0, ob);
    bool lead = ob > 0 && utf8::length(prefix) <= 24 &&
                prefix.find("。") == std::string::npos && prefix.find("，") == std::string::npos;
    std::vector<Credit> found;
    role_credits(body, true, &found);
    drop_enclosing(&found);
    std::vector<std::string> names;
    re2::StringPiece run;
    std::string byline = lead ? printed.substr(0, close_end) : printed.substr(ib, inner.size());
    if (!found.empty()) {
      const Credit& c = found.front();
      for (const Span& n : c.names) names.push_back(printed.substr(ib + n.begin, n.end - n.begin));
      // （来源：西江日报 西江日报记者 …）: the byline is the credit, not the whole bracket.
      if (c.line.begin > 0) byline = printed.substr(ib + c.line.begin, c.line.end - c.line.begin);
    } else if (RE2::FullMatch(body, place, &run)) {
      size_t rb = ib + static_cast<size_t>(run.data() - body.data());
      names = split_names(printed.substr(rb, run.size()));
    } else {
      continue;
    }
    add_credit(byline, names, out);
  }
}

// Names alone in brackets: "（常书香 马丹阳）" closing the text, "[ 黄宇 ] 来源：…" in the
// meta line. Every name must look like a person's.
void bracketed_names(const PageContext& ctx, size_t i, bool tail, Fields* out) {
  static const RE2 at_end("([（(]\\s*([\\p{Han}·]{2,4}(?:[\\s、]+[\\p{Han}·]{2,4}){0,3})\\s*[）)])[。.]?$");
  static const RE2 before_source(
      "([\\[【]\\s*([\\p{Han}·]{2,4}(?:[\\s、]+[\\p{Han}·]{2,4}){0,3})\\s*[\\]】])[^\\p{Han}\\[\\]【】]{0,3}(?:来\\s*源|$)");  // a stray mark between
  re2::StringPiece whole, run;
  if (!RE2::PartialMatch(ctx.match_text[i], tail ? at_end : before_source, &whole, &run)) return;
  // Several names need one common surname among them; a lone name needs its own.
  std::vector<std::string> names = split_names(std::string_view(run.data(), run.size()));
  bool surname = false;
  for (const auto& n : names) {
    if (!looks_like_person(n) || has_outlet_suffix(n)) return;
    surname = surname || starts_with_surname(n);
  }
  if (!surname || (names.size() == 1 && !starts_with_surname(names[0]))) return;
  std::vector<std::string> printed =
      split_names(printed_at(ctx, i, std::string_view(run.data(), run.size())));
  if (printed.size() == names.size())
    add_credit(printed_at(ctx, i, std::string_view(whole.data(), whole.size())), printed, out);
}

// "石佳/中国青年报": a name, a slash and the outlet, alone on a line.
void name_slash_outlet(const PageContext& ctx, size_t i, Fields* out) {
  static const RE2 re("^([\\p{Han}·]{2,4})\\s*[/／]\\s*([\\p{Han}A-Za-z·]{2,16})$");
  re2::StringPiece name, outlet;
  if (RE2::FullMatch(ctx.match_text[i], re, &name, &outlet) && looks_like_person(name) &&
      has_outlet_suffix(outlet))
    add_credit(ctx.free_text[i], {printed_at(ctx, i, std::string_view(name.data(), name.size()))},
               out);
}

// Self-media pages (百家号, 头条号) print the account that wrote the post alone between
// the headline and the time line: "加拿大必读" / "发布时间：10-08 12:00". Only read when
// no byline names anybody, and never an outlet (that is a source).
void header_account(const PageContext& ctx, Fields* out) {
  static const RE2 name("^[\\p{Han}A-Za-z0-9]{2,12}$");
  static const RE2 time_line("^(?:发布时间|发表时间|发布于|时间|\\d{4}[-/年.]\\d{1,2}[-/月.]|\\d{1,2}-\\d{2})");
  if (!out->authors.empty() || ctx.title_block == kNoBlock) return;
  size_t end = std::min(ctx.body_begin, ctx.title_block + 4);
  for (size_t i = ctx.title_block + 1; i + 1 < ctx.pb.blocks.size() && i < end; ++i) {
    const Block& b = ctx.pb.blocks[i];
    const Block& next = ctx.pb.blocks[i + 1];
    if (b.medium >= 0 || b.link_chars * 2 > b.chars || next.medium >= 0 || !ctx.readable(i))
      continue;
    const std::string& s = ctx.match_text[i];
    if (!RE2::FullMatch(s, name) || !RE2::PartialMatch(ctx.match_text[i + 1], time_line) ||
        has_outlet_suffix(s) || generic_source(s) || cut_at_next_label(s) != s)
      continue;
    add_credit(ctx.free_text[i], {ctx.free_text[i]}, out);
    return;
  }
}

// A meta author counts only when it looks like a person (网易, 参考消息 and numbers don't).
void meta_author(const PageContext& ctx, Fields* out) {
  const std::string& a = ctx.meta.author;
  if (!out->authors.empty() || a.empty()) return;
  for (const auto& n : split_names(a))
    if (!looks_like_person(n) || has_outlet_suffix(n) || !starts_with_surname(n)) return;
  add_credit(a, split_names(a), out);
}

// Editors are never authors: a template's 作者 slot repeating the editor names nobody,
// so its byline goes too (the real author then stands elsewhere, often at the end).
void drop_editors(Fields* out) {
  std::vector<std::string> editors;
  for (const auto& e : out->editors)
    for (const auto& n : split_names(e)) editors.push_back(compact(n));
  auto is_editor = [&](const std::string& n) {
    return std::find(editors.begin(), editors.end(), compact(n)) != editors.end();
  };
  out->authors.erase(std::remove_if(out->authors.begin(), out->authors.end(), is_editor),
                     out->authors.end());
  auto names_nobody = [&](const std::string& byline) {
    std::string b = compact(byline);
    for (const auto& a : out->authors)
      if (b.find(compact(a)) != std::string::npos) return false;
    return true;
  };
  out->bylines.erase(std::remove_if(out->bylines.begin(), out->bylines.end(), names_nobody),
                     out->bylines.end());
}

}  // namespace

void extract_bylines(const PageContext& ctx, Fields* out) {
  const PageBlocks& pb = ctx.pb;
  for (size_t i = 0; i < pb.blocks.size(); ++i) {
    const Block& b = pb.blocks[i];
    if (b.medium >= 0 || b.chars > 400 || b.link_chars * 2 > b.chars || !ctx.readable(i)) continue;
    bracket_credits(ctx, i, out);
    std::vector<Credit> found;
    role_credits(ctx.match_text[i], false, &found);
    drop_enclosing(&found);
    for (const auto& c : found)
      add_credit(ctx.free_text[i].substr(c.line.begin, c.line.end - c.line.begin),
                 printed_names(ctx, i, c), out);
    name_slash_outlet(ctx, i, out);
  }
  for (size_t i : body_edge(pb, ctx.article, false)) bracketed_names(ctx, i, true, out);
  for (size_t i = 0; i < pb.blocks.size(); ++i)
    if (ctx.article.zone[i] == Zone::above || ctx.article.zone[i] == Zone::page)
      if (pb.blocks[i].medium < 0 && pb.blocks[i].chars <= 120) bracketed_names(ctx, i, false, out);
  meta_author(ctx, out);
  header_account(ctx, out);
  drop_editors(out);
}

}  // namespace credcheck
