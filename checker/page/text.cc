#include "checker/page/extractors.h"

namespace credcheck {
namespace {

bool inside(pugi::xml_node n, pugi::xml_node container) {
  for (int hops = 0; n && hops < 1000; ++hops, n = n.parent())
    if (n == container) return true;
  return false;
}

}  // namespace

std::string extract_text(const PageBlocks& pb, pugi::xml_node body) {
  std::string text;
  if (!body) return text;
  for (const Block& b : pb.blocks) {
    if (b.medium >= 0 || !inside(b.node, body)) continue;
    if (!text.empty()) text.push_back('\n');
    text += b.text;
  }
  return text;
}

}  // namespace credcheck
