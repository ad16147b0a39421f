// English credits: "By NAME" lines, "NAME, Reuters" / "NAME, University of X" lines,
// <a rel="author">, and <meta name=author> / article:author / JSON-LD author when they
// hold a Latin-script name. Read only when the Chinese grammar found no author, so no
// Chinese page's credits change; names must look like a person's (2-4 capitalised
// words, no agency or outlet word), so "By Reuters" or "Staff" credit nobody.
#include <re2/re2.h>

#include <string_view>

#include "checker/page/extractors.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

constexpr size_t kMaxCreditChars = 200;

// Agencies and desks that sign wires: an outlet, never a person.
bool is_agency_word(std::string_view s) {
  static const RE2 re(
      "(?i)\\b(?:reuters|associated press|ap|afp|agence france-presse|bloomberg|xinhua|"
      "staff|desk|editor|editors|correspondent|reporter|news|newsroom|wire|agencies|"
      "the conversation|contributor|team)\\b");
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), re);
}

// "Maya Okonkwo", "Jean-Luc O'Neill", "Mary J. Smith": 2-4 capitalised words.
bool latin_person(std::string_view s) {
  static const RE2 re(
      "[A-Z][a-zA-Z'’\\-]+\\.?(?: (?:[A-Z]\\.|[A-Z][a-zA-Z'’\\-]+|van|von|de|da|del|der|le|la)){1,3}");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re) && !is_agency_word(s);
}

// "A, B and C" / "A and B" / "A & B" -> each name; empty when one is not a person.
std::vector<std::string> latin_names(std::string_view run) {
  std::string s(run);
  for (std::string_view sep : {" and ", " & "})
    for (size_t at; (at = s.find(sep)) != std::string::npos;) s.replace(at, sep.size(), ", ");
  std::vector<std::string> names;
  for (size_t at = 0; at <= s.size();) {
    size_t end = std::min(s.find(',', at), s.size());
    std::string n = clean_space(s.substr(at, end - at));
    if (!n.empty()) {
      if (!latin_person(n)) return {};
      names.push_back(n);
    }
    at = end + 1;
  }
  return names;
}

void add(const std::string& line, const std::vector<std::string>& names, Fields* out) {
  if (names.empty() || out->bylines.size() >= kMaxListed) return;
  out->bylines.push_back(clean_space(line));
  for (const std::string& n : names)
    if (out->authors.size() < kMaxListed) out->authors.push_back(n);
}

// An institution or an agency after a name's comma ("NAME, University of X").
bool affiliation(std::string_view s) {
  static const RE2 re(
      "(?i)\\b(?:university|universit[eé]|institute|college|school|academy|centre|center|"
      "hospital|foundation|laborator(?:y|ies)|museum|council|reuters|associated press|afp|"
      "bloomberg|agence france-presse)\\b");
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), re);
}

// One short line: "By NAME[, NAME and NAME][, AFFILIATION]" or "NAME, AFFILIATION".
bool credit_line(const std::string& text, Fields* out) {
  static const RE2 by("(?i:by)\\s+([^|]+?)\\s*(?:[|·•]\\s*.*)?");
  static const RE2 name_comma("([^,]{3,60}),\\s*(.{3,120})");
  re2::StringPiece run, rest;
  if (RE2::FullMatch(text, by, &run)) {
    std::string r(run.data(), run.size());
    std::vector<std::string> names = latin_names(r);
    // "By Maya Okonkwo, University of Eastbrook": the names before the affiliation.
    if (names.empty()) {
      size_t comma = r.rfind(',');
      if (comma != std::string::npos && affiliation(std::string_view(r).substr(comma + 1)))
        names = latin_names(std::string_view(r).substr(0, comma));
    }
    add(text, names, out);
    return !names.empty();
  }
  if (RE2::FullMatch(text, name_comma, &run, &rest) &&
      affiliation(std::string_view(rest.data(), rest.size()))) {
    std::vector<std::string> names = latin_names(std::string_view(run.data(), run.size()));
    add(text, names, out);
    return !names.empty();
  }
  return false;
}

}  // namespace

void extract_english_credits(const pugi::xml_document& doc, const PageContext& ctx,
                             Fields* out) {
  if (!out->authors.empty()) return;
  for (size_t i = 0; i < ctx.pb.blocks.size(); ++i) {
    const Block& b = ctx.pb.blocks[i];
    if (b.medium >= 0 || b.chars > kMaxCreditChars || !ctx.readable(i)) continue;
    if (credit_line(ctx.free_text[i], out) && out->authors.size() >= kMaxListed) return;
  }
  if (!out->authors.empty()) return;
  // <a rel="author">NAME</a>: the first whose text is a person.
  for (pugi::xpath_node x : doc.select_nodes("//a[@rel]")) {
    std::string rel = utf8::ascii_lower(x.node().attribute("rel").value());
    if (rel.find("author") == std::string::npos) continue;
    std::string name = node_text(x.node(), 200);
    if (latin_person(name)) {
      add(name, {name}, out);
      return;
    }
  }
  // <meta name=author>, article:author, JSON-LD author (read_meta keeps the first).
  std::vector<std::string> names = latin_names(ctx.meta.author);
  add(ctx.meta.author, names, out);
}

}  // namespace credcheck
