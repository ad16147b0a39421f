// A publisher's copyright notice read off a page: where it stands, its sentences and
// their clause numbers. What each sentence demands is demands.h's job; turning the
// demands into a rule pack is checker/rules/draft_pack.h's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "checker/page/article.h"
#include "checker/page/blocks.h"

namespace credcheck {

// One line of the page as the notice finder sees it.
struct NoticeLine {
  std::string text;         // as printed (clean_space()d)
  bool navigation = false;  // a row of links or a menu: a notice never runs across it
  bool in_article = false;  // the article's headline or body: never the notice
};

struct NoticeSentence {
  std::string text;     // as printed
  std::string norm;     // normalize()d, what the demand patterns read
  std::string clause;   // "1(1)" from the notice's own numbering, else "sentence 3"
  std::string lead_in;  // normalize()d "使用时必须做到:" that introduced this item, or ""
};

struct Notice {
  std::string title;               // its heading ("…版权与免责声明"), as printed, or ""
  std::vector<std::string> lines;  // every line of it (headings and numbers too), as printed
  std::vector<NoticeSentence> sentences;
};

// The lines of a parsed page in reading order: link rows are navigation, the article's
// headline and body (zones from find_article) are marked, pictures are left out.
std::vector<NoticeLine> lines_of_page(const PageBlocks& pb, const ArticleZones& article);

// The lines of plain text (a notice pasted into a file): one per non-blank line; a line
// of three or more '|'-separated items is navigation.
std::vector<NoticeLine> lines_of_text(std::string_view text);

// Finds the notice: every run of notice lines outside the article (a line stating a
// copyright term, a heading such as 版权声明, and up to two other lines between them,
// such as the "1." of a numbered clause; inside the article only a short line stating
// a reprint term outright). Empty when the page states no term. Linear.
Notice find_notice(const std::vector<NoticeLine>& lines);

// Splits notice lines into sentences (at 。！？；, and before each item marker "(1)",
// "①"), numbering them from the notice's own clause markers ("1.", "一、", "(1)").
std::vector<NoticeSentence> split_sentences(const std::vector<std::string>& lines);

// The site's own names as the page gives them: og:site_name / application-name, the
// part of <title> after its last separator ("…_西江网"), and the alt of a logo image.
// Only names shaped like an outlet; in that order, without repeats.
std::vector<std::string> page_site_names(const pugi::xml_document& doc, const PageBlocks& pb);

// A page (HTML) or a pasted notice (plain text), read for drafting its pack.
struct NoticePage {
  bool html = false;
  Notice notice;
  std::vector<std::string> site_names;  // page_site_names(); none for plain text
  std::string canonical;                // <link rel=canonical> / og:url, or ""
};

// Reads UTF-8 text: HTML when it holds markup (parsed within ParseLimits; the article's
// zones found so its text is never the notice), else lines of plain text. False with
// *err only when the HTML parser refuses the page (past a bound).
bool read_notice_page(std::string_view utf8, NoticePage* out, std::string* err);

// True for a name shaped like an outlet's (…报, …网, …社, …台, …新闻, 2–12 characters),
// never a word for "this site" (本网, 该网站).
bool outlet_name(const std::string& name);

}  // namespace credcheck
