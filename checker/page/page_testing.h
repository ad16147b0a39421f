// Test helper for the page stage's tests: HTML in, fields out.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "checker/page/extract.h"
#include "checker/page/html.h"

namespace credcheck::testing {

// Parses a snippet (wrapped in a minimal page when it has no <html>) and extracts.
inline Fields extract_snippet(const std::string& html) {
  std::string page = html.find("<html") == std::string::npos
                         ? "<html><head><title>t</title></head><body>" + html + "</body></html>"
                         : html;
  pugi::xml_document doc;
  std::string err;
  EXPECT_TRUE(parse_html(page, &doc, &err)) << err;
  return extract_fields(doc);
}

}  // namespace credcheck::testing
