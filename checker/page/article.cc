#include "checker/page/article.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "checker/page/extractors.h"

namespace credcheck {
namespace {

// How the body is found. Measured on the 62 pages of ../shared/realpages (2026-11-30):
// of the 132 truth credits (来源, byline, editor, 原标题) printed within one block, the
// zones built around the body hold
// - 132 with readability-style scoring (each link-poor line scores for its element,
//   its parent and half for its grandparent; punctuated lines count double), and
// - 99 with GNE's node density (text / tags, link text / links, times the log of
//   punctuation; GNE's std-of-children factor left out): it favours small dense nodes
//   (one paragraph's <div>, a summary box), so meta lines and editor lines fall outside.
// Both leave about 70% of a page's blocks out. The scoring also reuses the block list
// every extractor reads: no second walk of the DOM (bench/extract).
double line_weight(const Block& b) {
  if (b.medium >= 0 || b.chars < 10) return 0;
  double w = static_cast<double>(b.chars) - 2.0 * static_cast<double>(b.link_chars);
  if (w <= 0) return 0;
  bool sentence = b.text.find("，") != std::string::npos || b.text.find("。") != std::string::npos;
  return sentence ? w : w / 2;
}

// Below this weight no body stands out (a snippet, an index page): read the whole page.
constexpr double kMinBodyWeight = 60;
// Credit zones: the blocks between the headline and the body (at most kAbove), or the
// kAboveNoTitle before the body when the headline is not above it; and the kBelow
// blocks after the body, until a related list, a heading or a sidebar starts.
constexpr size_t kAbove = 25, kAboveNoTitle = 8, kBelow = 12;
// Lines read over the headline, when they share its container.
constexpr size_t kOverHeadline = 2;
// Rows of links in a row that end the zone below (a list of related stories).
constexpr int kLinkRows = 5;

// The container whose lines weigh most. When the headline is known, a container
// starting just under it wins over a heavier one elsewhere if it weighs at least
// kNearShare of it: pages that print the article twice (a hidden mobile copy, a
// print version) or a heavy excerpt box keep the copy under the headline.
constexpr double kNearShare = 0.4;

pugi::xml_node densest_container(const PageBlocks& pb, size_t title_block, double* weight) {
  struct Score {
    double weight = 0;
    size_t first = 0;  // the first block scoring for it
    pugi::xml_node node;
  };
  std::unordered_map<size_t, Score> score;
  for (size_t i = 0; i < pb.blocks.size(); ++i) {
    const Block& b = pb.blocks[i];
    double w = line_weight(b);
    if (w <= 0 || !b.node) continue;
    pugi::xml_node n = b.node;
    const double share[] = {1.0, 1.0, 0.5};
    for (double f : share) {
      if (!n) break;
      auto [it, fresh] = score.try_emplace(n.hash_value());
      if (fresh) it->second.first = i, it->second.node = n;
      it->second.weight += w * f;
      n = n.parent();
    }
  }
  auto depth = [](pugi::xml_node n) {
    int d = 0;
    for (; n && d < 1000; n = n.parent()) ++d;
    return d;
  };
  auto better = [&](const Score& s, const Score* best) {
    if (!best || s.weight > best->weight) return true;
    return s.weight == best->weight && depth(s.node) > depth(best->node);
  };
  const Score* best = nullptr;
  const Score* near = nullptr;  // the best starting within kAbove blocks under the headline
  for (const auto& [id, s] : score) {
    if (better(s, best)) best = &s;
    bool under = title_block != kNoBlock && s.first > title_block && s.first - title_block <= kAbove;
    if (under && better(s, near)) near = &s;
  }
  if (!best) return *weight = 0, pugi::xml_node();
  if (near && near != best && near->weight >= kNearShare * best->weight) best = near;
  *weight = best->weight;
  return best->node;
}

}  // namespace

bool inside(pugi::xml_node n, pugi::xml_node container) {
  for (int hops = 0; n && hops < 1000; ++hops, n = n.parent())
    if (n == container) return true;
  return false;
}

namespace {

bool in_article_element(pugi::xml_node n) {
  for (int hops = 0; n && hops < 1000; ++hops, n = n.parent())
    if (std::strcmp(n.name(), "article") == 0) return true;
  return false;
}

// Containers that hold no article text: readability's "unlikely candidates" and the
// pinyin names Chinese CMSs give the same boxes (xgxw 相关新闻, tuijian 推荐...).
// A <footer> inside an <article> is the article's own (HTML5): its credits count.
bool non_article(pugi::xml_node n) {
  std::string_view name = n.name();
  if (name == "nav" || name == "aside" || name == "form") return true;
  std::string attrs = std::string(n.attribute("class").value()) + " " + n.attribute("id").value();
  for (char& c : attrs) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Long words match inside compounds (relatednews, xgxw_list); short ones (ad, hot,
  // side, foot) only as whole words, or "head", "inside", "football" would match.
  static const RE2 foot("copyright|banquan|(?:^|[^a-z])(?:footer|foot)(?:[^a-z]|$)");
  if (name == "footer" || RE2::PartialMatch(attrs, foot)) return !in_article_element(n);
  if (attrs.size() < 2) return false;
  static const RE2 re(
      "comment|sidebar|related|relate|recommend|breadcrumb|friendlink|advert|"
      "xgxw|xgyd|xgwz|tuijian|pinglun|remen|paihang|"
      "(?:^|[^a-z])(?:side|aside|rank|hot|nav|menu|crumb|link|links|ad|ads)(?:[^a-z]|$)");
  return RE2::PartialMatch(attrs, re);
}

// A heading that starts the boxes after an article: 相关新闻, 延伸阅读, 网友评论...
bool boxes_heading(const Block& b) {
  // 相关, 延伸 and 推荐 stand alone too; 图片, 视频, 最新... only with a box word.
  static const RE2 re(
      "^[【\\[]?(?:(?:相关|延伸|推荐|热点|热门|精彩|更多|网友|最新|专题|图片|视频)"
      "(?:新闻|阅读|报道|文章|推荐|评论|资讯|排行|专题|链接|图片|视频)|相关|延伸|推荐|猜你喜欢)"
      "[】\\]]?(?:[:：>»·]|\\s|$)");
  return b.chars <= 12 && RE2::PartialMatch(b.text, re);
}

bool link_list(const Block& b) { return b.chars > 0 && b.link_chars * 2 > b.chars; }

// Whether a container between `n` and the common ancestor with the body holds no
// article text. `body_path` holds the body's ancestors (itself included).
bool off_article(pugi::xml_node n, const std::unordered_set<size_t>& body_path) {
  for (int hops = 0; n && hops < 1000; ++hops, n = n.parent()) {
    if (body_path.count(n.hash_value())) return false;
    if (non_article(n)) return true;
  }
  return false;
}

}  // namespace

const char* zone_name(Zone z) {
  switch (z) {
    case Zone::headline: return "headline";
    case Zone::above: return "above-body";
    case Zone::body: return "body";
    case Zone::below: return "below-body";
    case Zone::page: return "page";
    case Zone::outside: break;
  }
  return "outside";
}

ArticleZones find_article(const PageBlocks& pb, size_t title_block) {
  double weight = 0;
  pugi::xml_node body = densest_container(pb, title_block, &weight);
  return zones_around(pb, body, weight >= kMinBodyWeight, title_block);
}

ArticleZones zones_around(const PageBlocks& pb, pugi::xml_node body, bool heavy,
                          size_t title_block) {
  ArticleZones a;
  size_t n = pb.blocks.size();
  a.body = body;  // the main text is read from it even when too light to zone by
  size_t first = n, last = n;
  if (body && heavy) {
    for (size_t i = 0; i < n; ++i) {
      bool in = inside(pb.blocks[i].node, body);
      if (in && first == n) first = i;
      if (in) last = i;
      if (!in && first != n) break;  // a container's blocks are contiguous
    }
  }
  if (first == n) {
    a.zone.assign(n, Zone::page);
    return a;
  }
  a.found = true;
  a.body_first = first;
  a.body_last = last;
  a.zone.assign(n, Zone::outside);
  std::unordered_set<size_t> body_path;
  for (pugi::xml_node p = body; p && body_path.size() < 1000; p = p.parent())
    body_path.insert(p.hash_value());
  // The body, without the boxes of related stories inside it: a box is the body's
  // child holding its heading, or the rows of links after a heading standing alone.
  const std::unordered_set<size_t> body_only{body.hash_value()};
  pugi::xml_node box;
  bool box_rows = false;
  for (size_t i = first; i <= last; ++i) {
    const Block& b = pb.blocks[i];
    if (boxes_heading(b)) {
      box = b.node;
      while (box && box.parent() != body) box = box.parent();
      box_rows = box == b.node;
      continue;
    }
    if (box && !box_rows && inside(b.node, box)) continue;
    if (box_rows && (link_list(b) || b.medium >= 0)) continue;
    box = pugi::xml_node();
    if (off_article(b.node, body_only)) continue;
    a.zone[i] = Zone::body;
  }
  // Above: the meta lines between the headline and the body.
  bool title_above = title_block != kNoBlock && title_block < first && first - title_block <= kAbove;
  size_t from = title_above ? title_block + 1 : (first > kAboveNoTitle ? first - kAboveNoTitle : 0);
  for (size_t i = from; i < first; ++i)
    if (!off_article(pb.blocks[i].node, body_path)) a.zone[i] = Zone::above;
  if (title_block != kNoBlock && title_block < n) a.zone[title_block] = Zone::headline;
  // The headline area: a meta line printed just over the headline, beside it in the
  // same container ("<div class=info>来源：…</div><h1>…</h1>").
  if (title_above) {
    pugi::xml_node head_box = pb.blocks[title_block].node.parent();
    for (size_t i = title_block, k = 0; i-- > 0 && k < kOverHeadline; ++k) {
      const Block& b = pb.blocks[i];
      if (b.node.parent() != head_box || link_list(b)) break;
      if (!off_article(b.node, body_path)) a.zone[i] = Zone::above;
    }
  }
  // Below: editor lines, 原标题 notes and trailing credits, until the boxes start.
  int links_in_row = 0;
  for (size_t i = last + 1; i < n && i <= last + kBelow; ++i) {
    const Block& b = pb.blocks[i];
    if (b.heading > 0 || boxes_heading(b)) break;
    links_in_row = link_list(b) ? links_in_row + 1 : 0;
    if (links_in_row >= kLinkRows) break;
    if (!off_article(b.node, body_path)) a.zone[i] = Zone::below;  // a comment link, a sidebar
  }
  return a;
}

std::vector<size_t> body_edge(const PageBlocks& pb, const ArticleZones& a, bool top, size_t count) {
  std::vector<size_t> out;
  if (!a.found) return out;
  auto text = [&](size_t i) { return pb.blocks[i].medium < 0; };
  if (top) {
    for (size_t i = a.body_first; i <= a.body_last && out.size() < count; ++i)
      if (text(i) && a.zone[i] == Zone::body) out.push_back(i);
    return out;
  }
  for (size_t i = a.body_last + 1; i < a.zone.size() && a.zone[i] == Zone::below; ++i)
    if (text(i)) out.push_back(i);
  size_t in_body = 0;
  for (size_t i = a.body_last + 1; i-- > a.body_first && in_body < count;)
    if (text(i) && a.zone[i] == Zone::body) out.push_back(i), ++in_body;
  return out;
}

std::string node_path(pugi::xml_node n) {
  std::vector<std::string> steps;
  for (int hops = 0; n && n.type() == pugi::node_element && hops < 64; ++hops, n = n.parent()) {
    int index = 1, same = 0, seen = 0;
    for (pugi::xml_node s = n.parent().first_child(); s && ++seen < 10000; s = s.next_sibling()) {
      if (s.type() != pugi::node_element || std::strcmp(s.name(), n.name()) != 0) continue;
      ++same;
      if (s == n) index = same;
    }  // past 10000 siblings the index is a lower bound: hostile pages only
    std::string step = n.name();
    if (same > 1) step += "[" + std::to_string(index) + "]";
    steps.push_back(std::move(step));
  }
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) out += "/" + *it;
  return out;
}

}  // namespace credcheck
