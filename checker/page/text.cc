#include <unordered_map>

#include "checker/page/extractors.h"

namespace credcheck {
namespace {

// Running text is long, link-poor and punctuated; navigation is none of these.
double line_weight(const Block& b) {
  if (b.medium >= 0 || b.chars < 10) return 0;
  double w = static_cast<double>(b.chars) - 2.0 * static_cast<double>(b.link_chars);
  if (w <= 0) return 0;
  bool sentence = b.text.find("，") != std::string::npos || b.text.find("。") != std::string::npos;
  return sentence ? w : w / 2;
}

bool inside(pugi::xml_node n, pugi::xml_node container) {
  for (int hops = 0; n && hops < 1000; ++hops, n = n.parent())
    if (n == container) return true;
  return false;
}

int depth_of(pugi::xml_node n) {
  int d = 0;
  for (; n && d < 1000; n = n.parent()) ++d;
  return d;
}

}  // namespace

std::string extract_text(const PageBlocks& pb) {
  // Each line scores for its own element, its parent, and half for its grandparent:
  // the paragraphs' common container wins.
  std::unordered_map<size_t, double> score;
  std::unordered_map<size_t, pugi::xml_node> by_id;
  for (const Block& b : pb.blocks) {
    double w = line_weight(b);
    if (w <= 0 || !b.node) continue;
    pugi::xml_node n = b.node;
    double share[] = {1.0, 1.0, 0.5};
    for (double f : share) {
      if (!n) break;
      size_t id = n.hash_value();
      score[id] += w * f;
      by_id[id] = n;
      n = n.parent();
    }
  }
  pugi::xml_node best;
  double best_score = 0;
  int best_depth = 0;
  for (const auto& [id, s] : score) {
    pugi::xml_node n = by_id[id];
    int d = depth_of(n);
    if (s > best_score || (s == best_score && d > best_depth)) {
      best = n, best_score = s, best_depth = d;
    }
  }
  std::string text;
  for (const Block& b : pb.blocks) {
    if (b.medium >= 0 || !best || !inside(b.node, best)) continue;
    if (!text.empty()) text.push_back('\n');
    text += b.text;
  }
  return text;
}

}  // namespace credcheck
