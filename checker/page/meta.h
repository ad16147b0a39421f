// What a page says about itself in <head>: <title>, meta tags, <link rel=canonical>
// and JSON-LD.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace credcheck {

struct PageMeta {
  std::string title;      // <title>, clean_space()d
  std::string og_title;   // og:title / twitter:title / JSON-LD headline
  std::string canonical;  // <link rel=canonical>, else og:url
  std::string published;  // article:published_time, pubdate & co., JSON-LD datePublished
  std::string author;     // <meta name=author>, article:author, JSON-LD author name
  std::string source;     // <meta name=source> & co. (often "来源：…")
};

// Reads every meta field it finds; missing ones stay empty.
PageMeta read_meta(const pugi::xml_document& doc);

}  // namespace credcheck
