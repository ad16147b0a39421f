// What extraction reads off a page: the contract's `fields`.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace credcheck {

// One picture or video of the article, or a blanket credit ("本文图片均为…"). Every
// picture and video of the article is listed, credited or not, so a reused photo whose
// credit was dropped still shows.
struct MediaCredit {
  std::string kind;    // "image" or "video"
  std::string credit;  // the credit as printed ("西江日报记者 陆志锋 摄"); empty when none
  std::string near;    // the caption or text next to the medium (else its alt), as printed
  std::string src;     // the medium's src attribute (empty for blanket credits)
};

// Where a credit was read: the zone of the article (article.h's zone_name()) and the
// element's path, so a finding's evidence can show it.
struct CreditLocation {
  std::string field;  // "source", "byline", "editor" or "original_title"
  std::string line;   // the credit as printed (as in source_lines, bylines...)
  std::string zone;   // "headline", "above-body", "body", "below-body", "page", "meta"
  std::string path;   // "/html/body/div[2]/p[3]"; empty for <meta>
};

// A link of the article (its zones, as credits are read): the text as printed and the
// href as written (relative hrefs are left as they are; the rules resolve them).
struct Link {
  std::string text;
  std::string href;
};

// A place in the HTML source (source_map.h): 1-based line, and column in UTF-16 code
// units; 0 when unknown.
struct SourcePos {
  uint32_t line = 0, column = 0;
};

struct Fields {
  std::string title;                      // the headline, without site suffix
  std::vector<std::string> source_lines;  // credit lines naming an outlet, as printed
  std::vector<std::string> sources;       // credited outlet names, normalised (normalize())
  std::vector<std::string> bylines;       // author lines as printed ("西江日报记者 陆志锋")
  std::vector<std::string> authors;       // person names, as printed
  std::vector<std::string> editors;       // 责任编辑/责编/编辑 names, never authors
  std::vector<MediaCredit> media_credits;  // in reading order
  std::optional<std::string> original_title;  // the 原标题 named by the page
  std::string canonical;                  // <link rel=canonical> or og:url
  std::string published;                  // as printed or as in meta (ISO when from meta)
  std::string text;                       // the article's main text, paragraphs joined by '\n'
  std::vector<CreditLocation> credit_locations;  // per credit above, in field order (<= 64)
  std::vector<Link> links;                // the article's links, in order (<= 256)
  // src of every <img>, <iframe>, <embed> and <source> on the whole page, as written
  // (<= 256): a tracking pixel or a view counter stands anywhere, often 1x1. (Scripts
  // are dropped at parse.)
  std::vector<std::string> element_srcs;
  std::string site_name;                  // og:site_name, else <title>'s site suffix
  // Where items were read in the HTML source, by field name and parallel to its list
  // ("title" and "original_title": one entry; "text": one per line). Crosses the worker
  // pipe (page_wire) but is not in the contract's fields: findings carry their own.
  std::map<std::string, std::vector<SourcePos>> positions;
};

}  // namespace credcheck
