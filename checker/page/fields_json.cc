#include "checker/page/fields_json.h"

namespace credcheck {

using json = nlohmann::ordered_json;

json fields_json(const Fields& f) {
  json credits = json::array();
  for (const MediaCredit& m : f.media_credits)
    credits.push_back({{"kind", m.kind}, {"credit", m.credit}, {"near", m.near}, {"src", m.src}});
  json locations = json::array();
  for (const CreditLocation& l : f.credit_locations)
    locations.push_back({{"field", l.field}, {"line", l.line}, {"zone", l.zone}, {"path", l.path}});
  json links = json::array();
  for (const Link& l : f.links) links.push_back({{"text", l.text}, {"href", l.href}});
  return {
      {"title", f.title},
      {"source_lines", f.source_lines},
      {"sources", f.sources},
      {"bylines", f.bylines},
      {"authors", f.authors},
      {"editors", f.editors},
      {"media_credits", credits},
      {"original_title", f.original_title ? json(*f.original_title) : json(nullptr)},
      {"canonical", f.canonical},
      {"published", f.published},
      {"credit_locations", locations},
      {"links", links},
      {"element_srcs", f.element_srcs},
      {"site_name", f.site_name},
  };
}

std::string json_str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> json_strings(const json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const json& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

Fields fields_from_json(const json& j) {
  Fields f;
  f.title = json_str(j, "title");
  f.source_lines = json_strings(j, "source_lines");
  f.sources = json_strings(j, "sources");
  f.bylines = json_strings(j, "bylines");
  f.authors = json_strings(j, "authors");
  f.editors = json_strings(j, "editors");
  if (auto it = j.find("media_credits"); it != j.end() && it->is_array())
    for (const json& m : *it)
      if (m.is_object())
        f.media_credits.push_back(
            {json_str(m, "kind"), json_str(m, "credit"), json_str(m, "near"), json_str(m, "src")});
  if (auto it = j.find("original_title"); it != j.end() && it->is_string())
    f.original_title = it->get<std::string>();
  f.canonical = json_str(j, "canonical");
  f.published = json_str(j, "published");
  if (auto it = j.find("credit_locations"); it != j.end() && it->is_array())
    for (const json& l : *it)
      if (l.is_object())
        f.credit_locations.push_back({json_str(l, "field"), json_str(l, "line"),
                                      json_str(l, "zone"), json_str(l, "path")});
  if (auto it = j.find("links"); it != j.end() && it->is_array())
    for (const json& l : *it)
      if (l.is_object()) f.links.push_back({json_str(l, "text"), json_str(l, "href")});
  f.element_srcs = json_strings(j, "element_srcs");
  f.site_name = json_str(j, "site_name");
  return f;
}

}  // namespace credcheck
