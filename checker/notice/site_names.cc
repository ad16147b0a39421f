#include <re2/re2.h>

#include <algorithm>

#include "checker/notice/notice.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {

std::vector<std::string> page_site_names(const pugi::xml_document& doc, const PageBlocks& pb) {
  std::vector<std::string> out, seen;
  auto take = [&](std::string name) {
    name = clean_space(name);
    if (!outlet_name(name)) return;
    std::string key = compact(name);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(key);
    out.push_back(std::move(name));
  };
  for (const char* xpath : {"//meta[@property='og:site_name']/@content",
                            "//meta[@name='application-name']/@content"})
    if (pugi::xpath_node n = doc.select_node(xpath)) take(n.attribute().value());
  // "标题_西江网", "标题 - 人民网", "标题|新华网": the site is the last part.
  if (pugi::xpath_node t = doc.select_node("//title")) {
    static const RE2 last(".*(?:_|\\||-|—|–|·|::)\\s*([^_|\\-—–·:]+?)\\s*$");
    std::string title = clean_space(t.node().text().get()), site;
    if (RE2::FullMatch(title, last, &site)) take(site);
  }
  // A logo: an image whose address, class or id says so, with its name as alt text.
  for (const Medium& m : pb.media) {
    if (m.alt.empty()) continue;
    pugi::xml_node n = pb.blocks[m.block].node;
    std::string where = utf8::ascii_lower(m.src);
    int up = 0;  // the image's own block and a few around it, never the whole page
    for (pugi::xml_node e = n; e && up < 4; e = e.parent(), ++up)
      where += std::string(" ") + e.attribute("class").value() + " " + e.attribute("id").value();
    if (utf8::ascii_lower(where).find("logo") != std::string::npos) take(m.alt);
  }
  return out;
}

}  // namespace credcheck
