// The baseline for bench/extract: gumbo parsing the same files and nothing else, one
// process, one thread (the cost DESIGN.md measures at ~7 ms a page).
#include <gumbo.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  size_t nodes = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    std::string html = s.str();
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    nodes += out->root->v.element.children.length;
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
  std::cout << nodes << "\n";
  return 0;
}
