#include "checker/page/extractors.h"

namespace credcheck {
std::string extract_text(const PageBlocks& pb, const ArticleZones& article,
                         std::vector<size_t>* blocks) {
  std::string text;
  if (!article.body) return text;
  // A container's blocks are contiguous: when zoned, the body is [body_first, body_last].
  size_t from = article.found ? article.body_first : 0;
  size_t to = article.found ? article.body_last + 1 : pb.blocks.size();
  for (size_t i = from; i < to; ++i) {
    const Block& b = pb.blocks[i];
    if (b.medium >= 0 || (!article.found && !inside(b.node, article.body))) continue;
    if (!text.empty()) text.push_back('\n');
    text += b.text;
    if (blocks) blocks->push_back(i);
  }
  return text;
}

}  // namespace credcheck
