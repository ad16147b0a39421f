#include <re2/re2.h>

#include "checker/notice/notice.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// "1." / "1、" / "一、" / "①" / "第一条" opening a line: a clause of the notice.
bool take_clause_marker(re2::StringPiece* line, std::string* label) {
  static const RE2 marker(
      "\\s*(?:([0-9０-９]{1,2})\\s*[.、．]|([一二三四五六七八九十]{1,3})\\s*[、.．]|"
      "([①-⑳])|第([一二三四五六七八九十0-9]{1,3})条)\\s*");
  std::string digits, han, circled, article;
  if (!RE2::Consume(line, marker, &digits, &han, &circled, &article)) return false;
  *label = normalize(digits + han + circled + article);
  return true;
}

// "(1)", "（一）", "①" inside a line: an item of the clause.
bool item_marker_at(std::string_view rest, std::string* label, size_t* len) {
  static const RE2 marker(
      "(?:[(（]([0-9０-９]{1,2}|[一二三四五六七八九十])[)）]|([①-⑳]))");
  re2::StringPiece p(rest.data(), rest.size());
  std::string num, circled;
  if (!RE2::Consume(&p, marker, &num, &circled)) return false;
  *label = "(" + normalize(num + circled) + ")";
  *len = rest.size() - p.size();
  return true;
}

bool ends_sentence(char32_t cp) {
  // Not ASCII ! and ?: "Copyright © 2003 Yahoo! Holdings" is one sentence.
  return cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；' || cp == U';';
}

struct Splitter {
  std::vector<NoticeSentence>* out;
  std::string top, item, lead_in;
  bool numbered = false;

  void emit(std::string text) {
    text = clean_space(text);
    if (text.empty()) return;
    std::string norm = normalize(text);
    // A piece of punctuation alone (the "。" after an item) is no sentence.
    bool any = false;
    for (size_t i = 0; i < norm.size() && !any;) {
      char32_t cp = utf8::next(norm, &i);
      any = !utf8::is_punct(cp) && !utf8::is_space(cp);
    }
    if (!any) return;
    NoticeSentence s{text, norm, top + item, item.empty() ? "" : lead_in};
    if (!norm.empty() && norm.back() == ':') lead_in = norm;
    out->push_back(std::move(s));
  }

  void line(std::string_view text) {
    re2::StringPiece rest(text.data(), text.size());
    std::string label;
    if (take_clause_marker(&rest, &label)) {
      top = label, item.clear(), lead_in.clear();
      numbered = true;
    }
    std::string_view s(rest.data(), rest.size());
    std::string piece;
    for (size_t i = 0; i < s.size();) {
      size_t len = 0;
      std::string sub;
      if (item_marker_at(s.substr(i), &sub, &len)) {
        emit(std::move(piece));
        piece.clear();
        item = sub;
        numbered = true;
        piece.append(s.substr(i, len));
        i += len;
        continue;
      }
      size_t at = i;
      char32_t cp = utf8::next(s, &i);
      piece.append(s.substr(at, i - at));
      if (ends_sentence(cp)) {
        emit(std::move(piece));
        piece.clear();
      }
    }
    emit(std::move(piece));
  }
};

}  // namespace

std::vector<NoticeSentence> split_sentences(const std::vector<std::string>& lines) {
  std::vector<NoticeSentence> out;
  Splitter sp{&out};
  for (const std::string& l : lines) sp.line(l);
  return out;
}

}  // namespace credcheck
