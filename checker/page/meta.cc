#include "checker/page/meta.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

using utf8::ascii_lower;

void set_once(std::string* field, std::string_view value) {
  if (field->empty()) *field = clean_space(value);
}

void read_meta_tag(pugi::xml_node m, PageMeta* out) {
  std::string key = ascii_lower(m.attribute("property").value());
  if (key.empty()) key = ascii_lower(m.attribute("name").value());
  if (key.empty()) key = ascii_lower(m.attribute("itemprop").value());
  std::string_view v = m.attribute("content").value();
  if (key.empty() || v.empty()) return;
  if (key == "og:title" || key == "twitter:title") set_once(&out->og_title, v);
  else if (key == "og:url") set_once(&out->canonical, v);
  else if (key == "article:published_time" || key == "pubdate" || key == "publishdate" ||
           key == "datepublished" || key == "og:release_date" || key == "publish_date" ||
           key == "article:published")
    set_once(&out->published, v);
  else if (key == "author" || key == "article:author") set_once(&out->author, v);
  else if (key == "source" || key == "article:source")
    set_once(&out->source, v);
}

// "author": "X" | {"name": "X"} | [{"name": "X"}, ...]: the first name.
std::string json_name(const nlohmann::json& j) {
  const nlohmann::json* p = &j;
  if (p->is_array() && !p->empty()) p = &p->front();
  if (p->is_string()) return p->get<std::string>();
  if (p->is_object() && p->contains("name") && (*p)["name"].is_string())
    return (*p)["name"].get<std::string>();
  return {};
}

// One JSON-LD object (or the first of a list / @graph): flat reads only, no walk.
void read_json_ld(std::string_view text, PageMeta* out) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return;
  if (j.is_object() && j.contains("@graph")) j = j["@graph"];
  if (j.is_array()) j = j.empty() ? nlohmann::json() : j.front();
  if (!j.is_object()) return;
  if (j.contains("headline") && j["headline"].is_string())
    set_once(&out->og_title, j["headline"].get<std::string>());
  if (j.contains("datePublished") && j["datePublished"].is_string())
    set_once(&out->published, j["datePublished"].get<std::string>());
  if (j.contains("author")) set_once(&out->author, json_name(j["author"]));
}

}  // namespace

PageMeta read_meta(const pugi::xml_document& doc) {
  PageMeta out;
  for (const auto& x : doc.select_nodes("//title"))
    if (out.title.empty()) out.title = clean_space(x.node().text().get());
  for (const auto& x : doc.select_nodes("//meta")) read_meta_tag(x.node(), &out);
  for (const auto& x : doc.select_nodes("//link[@href]")) {
    std::string rel = ascii_lower(x.node().attribute("rel").value());
    if (rel == "canonical") {
      out.canonical = x.node().attribute("href").value();  // beats og:url
      break;
    }
  }
  for (const auto& x : doc.select_nodes("//script[@type='application/ld+json']"))
    read_json_ld(x.node().text().get(), &out);
  return out;
}

}  // namespace credcheck
