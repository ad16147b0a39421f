// Where the article stands on the page: its headline, its body, and the credit zones
// just above and below the body. Credits are read there only, so a 来源 in a sidebar,
// a related story's excerpt or a site footer never credits the article.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "checker/page/blocks.h"

namespace credcheck {

enum class Zone : unsigned char { outside, headline, above, body, below, page };

// The zone's name as evidence shows it: "headline", "above-body", "body",
// "below-body", "page" (no article found: the whole page is read), "outside".
const char* zone_name(Zone z);

struct ArticleZones {
  bool found = false;      // false: no body stood out, and every block is read ("page")
  pugi::xml_node body;     // the densest text container (set even when !found)
  size_t body_first = 0;   // first and last block inside it
  size_t body_last = 0;
  std::vector<Zone> zone;  // one per block
};

// Finds the body (the container whose link-poor, punctuated lines weigh most: see
// article.cc for why this scoring and not GNE's density) and the zones around it.
// `title_block` is the headline's block or kNoBlock. Linear in the blocks.
ArticleZones find_article(const PageBlocks& pb, size_t title_block);

// The zones around a given body (`heavy`: its text weighs enough to trust it; else
// the whole page is read). find_article() = the densest container + this.
ArticleZones zones_around(const PageBlocks& pb, pugi::xml_node body, bool heavy,
                          size_t title_block);

// How many blocks at each edge of the body bracketed credits are looked for in.
constexpr size_t kEdgeBlocks = 3;

// The text blocks at an edge of the body, where bracketed credits stand: the first
// `count` body blocks (top), or the last `count` body blocks and the zone below.
// Empty when no article was found.
std::vector<size_t> body_edge(const PageBlocks& pb, const ArticleZones& a, bool top,
                              size_t count = kEdgeBlocks);

// True when `n` is `container` or inside it (bounded: a DOM nests at most ~2,000 deep).
bool inside(pugi::xml_node n, pugi::xml_node container);

// "/html/body/div[2]/p[3]": where a credit stands, for evidence.
std::string node_path(pugi::xml_node n);

}  // namespace credcheck
