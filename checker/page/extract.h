// Reads the contract's fields off a parsed page.
#pragma once

#include <pugixml.hpp>

#include "checker/page/fields.h"
#include "checker/page/source_map.h"

namespace credcheck {

// Extracts every field of Fields from `doc` (as built by parse_html). Credits are read
// in the article only: its headline, body and the credit zones just above and below
// the body (article.h); a page where no body stands out is read whole. Never fails;
// missing fields stay empty. With `source` (filled by parse_html for this document),
// Fields::positions says where items were read in the HTML source.
Fields extract_fields(const pugi::xml_document& doc, SourceMap* source = nullptr);

}  // namespace credcheck
