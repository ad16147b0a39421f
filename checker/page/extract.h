// Reads the contract's fields off a parsed page.
#pragma once

#include <pugixml.hpp>

#include "checker/page/fields.h"

namespace credcheck {

// Extracts every field of Fields from `doc` (as built by parse_html). Credits are
// looked for everywhere, headers and footers included: republishers put them outside
// the main text as often as inside. Never fails; missing fields stay empty.
Fields extract_fields(const pugi::xml_document& doc);

}  // namespace credcheck
