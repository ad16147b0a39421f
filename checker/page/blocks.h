// The page as a list of text blocks in document order: what every field extractor
// reads. Headers, footers and copyright blocks are kept (credits stand there as often
// as in the body); only <head> is left to the meta readers.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

namespace credcheck {

struct Medium {
  std::string kind;  // "image" or "video"
  std::string src;   // the real source (data-src & co. when lazy-loaded)
  std::string alt;   // alt or title, as printed
  size_t block = 0;  // index of its own entry in PageBlocks::blocks
};

struct Block {
  std::string text;       // the line as printed, clean_space()d; empty for a medium
  pugi::xml_node node;    // the innermost block element holding the line
  int medium = -1;        // index into PageBlocks::media when this entry is a medium
  int heading = 0;        // 1..6 inside <h1>..<h6>, else 0
  size_t chars = 0;       // code points of text
  size_t link_chars = 0;  // code points inside <a>
  bool in_caption = false;  // inside <figcaption> or an element classed as a caption
};

struct PageBlocks {
  std::vector<Block> blocks;
  std::vector<Medium> media;
};

// Splits the body into lines: block elements, <br> and table cells end a line; inline
// elements join. Every <img>/<video> becomes its own entry. Iterative, linear.
PageBlocks build_blocks(const pugi::xml_document& doc);

}  // namespace credcheck
