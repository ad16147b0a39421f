// Tag names as numbers and the tables of HTML's tree-building rules that the pre-pass
// (html_guard.cc) follows: which elements are void, special, scope boundaries,
// formatting, and which start tags imply end tags. Internal to the page stage.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace credcheck::html_tags {

// A tag name as a number: its first 8 bytes lower-cased, longer names hashed on top.
using Name = uint64_t;

constexpr Name name_of(std::string_view s) {
  Name k = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    if (i < 8) k |= static_cast<Name>(c) << (8 * i);
    else k = (k ^ c) * 1099511628211ull;
  }
  return k;
}

consteval Name lit(std::string_view s) { return name_of(s); }

// Every HTML element name gumbo does not know (no real name hashes to it: '\1').
inline constexpr Name kUnknownTag = 1;

// A fixed set of names, hashed at compile time.
template <size_t N>
struct NameSet {
  std::array<Name, N> names;
  consteval NameSet(const char* const (&list)[N]) : names{} {
    for (size_t i = 0; i < N; ++i) names[i] = name_of(list[i]);
  }
  bool has(Name n) const {
    for (Name x : names)
      if (x == n) return true;
    return false;
  }
};

template <size_t N>
inline bool among(Name n, const NameSet<N>& set) {
  return set.has(n);
}

inline bool is_void(Name n) {
  return among(n, NameSet({"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame",
                           "hr", "image", "img", "input", "keygen", "link", "meta", "param",
                           "source", "track", "wbr"}));
}

// Elements whose content the tokenizer reads as text up to their end tag, when the
// tree builder takes their start tag.
inline bool is_raw_text(Name n) {
  return among(n, NameSet({"script", "style", "textarea", "title", "xmp", "iframe",
                           "noembed", "noframes"}));
}

// Where gumbo's scope walks stop (the spec's default scope, plus <button>, which
// stops the searches that start tags make for a <p>); our searches stop there too. Not
// svg or math themselves: a search that stops short leaves behind an element gumbo
// has closed, for a later search to close along with what stands above it. A
// <frameset> gumbo may have taken stops them, so that none reaches below it.
inline bool is_boundary(Name n) {
  return among(n, NameSet({"table", "td", "th", "caption", "applet", "marquee", "object",
                           "template", "html", "button", "foreignobject", "desc", "title",
                           "annotation-xml", "mi", "mo", "mn", "ms", "mtext", "frameset"}));
}

// The spec's default scope, which end tags other than </p> search (no <button>: a
// </h1> closes the <button> inside its heading; stopping there would leave both open
// for a later <button> to close, taking every level above with them).
inline bool is_scope_boundary(Name n) { return n != lit("button") && is_boundary(n); }

// HTML's special elements (the spec's list, as gumbo has it): a non-special end tag
// is ignored when one stands above its element, and they stop <li>/<dd>/<dt>.
inline bool is_html_special(Name n) {
  return among(n, NameSet({"address", "applet", "area", "article", "aside", "base", "basefont",
                           "bgsound", "blockquote", "body", "br", "button", "caption", "center",
                           "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
                           "fieldset", "figcaption", "figure", "footer", "form", "frame",
                           "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
                           "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li",
                           "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed",
                           "noframes", "noscript", "object", "ol", "p", "param", "plaintext",
                           "pre", "script", "section", "select", "source", "style", "summary",
                           "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
                           "title", "tr", "track", "ul", "wbr", "xmp"}));
}

// End tags that close their element through anything but a scope boundary; any
// other end tag is ignored when a special element stands above its element.
inline bool closes_in_scope(Name n) {
  return among(n, NameSet({"address", "article", "aside", "blockquote", "button", "center",
                           "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
                           "figure", "footer", "header", "hgroup", "listing", "main", "menu",
                           "nav", "ol", "pre", "section", "summary", "ul", "applet", "marquee",
                           "object", "dd", "dt", "p"}));
}

// Where searches that special elements stop, stop: they and every scope boundary
// (including svg/math ones, whose namespace the scan does not keep). Stopping early
// only ever closes less.
inline bool is_special(Name n) { return is_html_special(n) || is_boundary(n); }

inline bool closes_p(Name n) {
  return among(n, NameSet({"address", "article", "aside", "blockquote", "center", "details",
                           "dialog", "dir", "div", "dl", "dd", "dt", "fieldset", "figcaption",
                           "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                           "header", "hgroup", "li", "listing", "main", "menu", "nav", "ol", "p",
                           "pre", "section", "summary", "table", "ul"}));
}

inline bool is_heading(Name n) { return among(n, NameSet({"h1", "h2", "h3", "h4", "h5", "h6"})); }

// Start tags that end foreign (svg/math) content in gumbo.
inline bool breaks_out(Name n) {
  return among(n, NameSet({"b", "big", "blockquote", "body", "br", "center", "code", "dd",
                           "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6",
                           "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr",
                           "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
                           "sub", "sup", "table", "tt", "u", "ul", "var"}));
}

// Formatting elements: gumbo keeps them in a list and reopens them in every later block.
constexpr std::array<std::string_view, 14> kFormatting = {
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong",
    "tt", "u"};

inline int formatting_index(Name n) {
  static constexpr auto kNames = [] {
    std::array<Name, kFormatting.size()> out{};
    for (size_t i = 0; i < kFormatting.size(); ++i) out[i] = name_of(kFormatting[i]);
    return out;
  }();
  for (size_t i = 0; i < kNames.size(); ++i)
    if (n == kNames[i]) return static_cast<int>(i);
  return -1;
}

inline bool is_marker(Name n) {
  return among(n, NameSet({"td", "th", "caption", "applet", "marquee", "object", "template"}));
}

// Where the searches for an element to close stop, per kind of tag.
inline bool special_but_not_address_div_p(Name n) {
  return is_special(n) && !among(n, NameSet({"address", "div", "p"}));
}
inline bool table_part(Name n) {
  return among(n, NameSet({"table", "tbody", "thead", "tfoot", "tr", "template", "html"}));
}
inline bool is_table(Name n) {
  return among(n, NameSet({"table", "tbody", "thead", "tfoot", "template", "html"}));
}
inline bool not_option(Name n) { return n != lit("option"); }
inline auto is_boundary_other_than(Name self) {
  return [self](Name n) { return n != self && is_boundary(n); };
}
inline auto is_special_other_than(Name self) {
  return [self](Name n) { return n != self && is_special(n); };
}

inline bool is_table_tag(Name n) {
  return among(n, NameSet({"caption", "table", "tbody", "tfoot", "thead", "tr", "td", "th"}));
}

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace credcheck::html_tags
