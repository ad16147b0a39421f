// HTML5 parsing (gumbo) into a pugixml document, so extractors and packs use XPath.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace credcheck {

class SourceMap;

// Bounds on what the parser is given (see html_guard.h for what each costs gumbo).
// A page over any bound but max_depth is refused before parsing.
struct ParseLimits {
  size_t max_bytes = 8 << 20;  // larger input is refused before the parser sees it
  int max_depth = 400;         // deeper elements are flattened into their ancestor
  size_t max_nesting = 2000;   // elements open at once (pre-pass estimate)
  size_t max_tags = 100000;    // start tags in the page
  size_t max_attributes = 100;                 // attributes on one tag
  size_t max_formatting = 500;                 // <b>, <font> & co. left open at once
  unsigned long long max_nesting_work = 100000000;  // sum of nesting over all tags
  unsigned long long max_formatting_work = 200000;  // sum of open formatting over start tags
};

// Parses UTF-8 HTML into *doc (element names lower-case, attributes kept, comments,
// scripts, styles, <noscript> and <template> dropped; only <script
// type="application/ld+json"> stays, as data for the meta reader). Returns false with
// *err set only when the page is refused by a limit (or, on a machine out of memory,
// the parser cannot start); any other input yields a document. With `source`, each
// element's place in `utf8` is recorded there (source_map.h) as the DOM is built.
bool parse_html(std::string_view utf8, pugi::xml_document* doc, std::string* err,
                const ParseLimits& limits = {}, SourceMap* source = nullptr);

}  // namespace credcheck
