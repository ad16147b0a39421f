#include <re2/re2.h>

#include "checker/notice/notice.h"
#include "checker/page/extractors.h"
#include "checker/page/html.h"
#include "checker/page/meta.h"

namespace credcheck {

bool read_notice_page(std::string_view utf8, NoticePage* out, std::string* err) {
  // A notice pasted into a text file has no markup; a page always has some of these.
  static const RE2 markup("(?i)<\\s*(?:!doctype|html|head|body|div|p|table|meta|title|span|br|a)[\\s/>]");
  out->html = RE2::PartialMatch(re2::StringPiece(utf8.data(), utf8.size()), markup);
  if (!out->html) {
    out->notice = find_notice(lines_of_text(utf8));
    return true;
  }
  pugi::xml_document doc;
  if (!parse_html(utf8, &doc, err)) return false;
  PageBlocks pb = build_blocks(doc);
  ArticleZones article = find_article(pb, kNoBlock);
  std::vector<NoticeLine> lines = lines_of_page(pb, article);
  // <meta name="copyright" content="网易版权所有">: the page's own statement, read last.
  if (pugi::xpath_node m = doc.select_node(
          "//meta[translate(@name,'COPYRIGHT','copyright')='copyright']/@content"))
    lines.push_back({m.attribute().value(), false, false});
  out->notice = find_notice(lines);
  out->site_names = page_site_names(doc, pb);
  out->canonical = read_meta(doc).canonical;
  return true;
}

}  // namespace credcheck
