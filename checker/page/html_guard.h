// The pre-pass over raw bytes that runs before gumbo sees a page. gumbo 0.10.1 is
// archived and has hostile-input costs (see DESIGN.md), so every check that can refuse
// a page cheaply, before parsing, belongs here (tag-count and attribute-flood limits
// go here too).
#pragma once

#include <string>
#include <string_view>

#include "checker/page/html.h"

namespace credcheck {

struct HtmlScan {
  size_t start_tags = 0;  // '<' followed by a letter: an upper bound on nesting depth
};

// Fills *scan. Returns false with *err when the page is refused by `limits`.
bool guard_html(std::string_view utf8, const ParseLimits& limits, HtmlScan* scan,
                std::string* err);

}  // namespace credcheck
