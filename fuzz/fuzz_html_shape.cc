// Structure-aware search for the next page that gets past the pre-pass (html_guard.h):
// the input is a sequence of tag tokens, not bytes, so the fuzzer explores markup shapes
// (a pattern repeated, then a flood of one more pattern) rather than tokenizer noise.
//
// Input: [r1] pattern... [0xFF] [r2] tail...   each pattern/tail byte picks kTokens[b %
// n]; the page is pattern x (1 + 2 r1), then tail x (1 + 32 r2), at most 128 KB (the
// scaled-down limits below are met well before).
//
// The guard runs with limits scaled down (nesting 200, 5,000 tags) so that pages stay
// small and fast; a shape that outgrows the estimate does so at any scale. When the
// guard lets a page through, gumbo parses it and must stay within the limits (with a
// margin for the estimate being a level behind): deeper nesting or more elements is a
// crash, i.e. a page that would get past the real bounds. The signal guiding the search
// is how far gumbo goes past the guard's estimate, fed to libFuzzer as extra counters.
#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "checker/page/html_guard.h"

using namespace credcheck;

namespace {

const char* const kTokens[] = {
    "<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<b>", "</b>", "<i>", "<a>", "</a>",
    "<table>", "</table>", "<tr>", "<td>", "</td>", "<li>", "<ul>", "</ul>", "<svg>", "</svg>",
    "<foreignObject>", "<math>", "<mi>", "<script>", "</script>", "<style>", "<title>",
    "</title>", "<!--", "-->", "<select>", "</select>", "<option>", "</option>", "<textarea>",
    "</textarea>", "<h1>", "</h1>", "<button>", "</button>", "<form>", "</form>", "<nobr>",
    "<font color=1>", "</font>", "<template>", "</template>", "<caption>", "<object>",
    "</object>", "<dd>", "<dt>", "<dl>", "<frameset>", "<body>", "<noscript>", "</noscript>",
    "<iframe>", "</iframe>", "<xmp>", "<g>", "</g>", "<path/>", "<div/>", "<img>", "<br>",
    "</br>", "x", "<em>", "<u>", "<th>", "<col>", "<colgroup>", "<marquee>", "<desc>", "<ruby>",
    "<rt>", "<pre>", "<hr>", "<isindex>", "<x1>", "<x2>", "</x1>", "<input>", "<keygen>",
    "<applet>", "<plaintext>", "<listing>", "<mglyph>", "<annotation-xml encoding=text/html>",
    "<tbody>", "<thead>", "<frame>", "<noframes>", "<html>", "<head>", "</body>", "</html>",
    "<center>", "<section>", "<article>", "<address>", "<label>", "</label>", "<optgroup>",
    "<rb>", "<rp>", "<rtc>", "<math><mi>", "<svg><desc>", "</tr>", "</th>", "</caption>",
    "<h2>", "</h2>", "<s>", "<small>", "<strike>", "<strong>", "<tt>", "<code>", "<big>"};
constexpr size_t kCount = sizeof kTokens / sizeof *kTokens;

// libFuzzer reads counters in this section as coverage: a new bucket of depth or of
// gap between gumbo and the estimate is a new feature, so inputs that gain on the
// estimate are kept and mutated further.
__attribute__((used, section("__libfuzzer_extra_counters"))) uint8_t g_counters[1024];

struct Tree {
  size_t depth = 0;
  size_t elements = 0;
};

Tree gumbo_tree(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  Tree t;
  std::vector<std::pair<const GumboNode*, size_t>> stack = {{out->document, 0}};
  while (!stack.empty()) {
    auto [n, d] = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
        n->type != GUMBO_NODE_TEMPLATE)
      continue;
    if (d > t.depth) t.depth = d;
    if (n->type != GUMBO_NODE_DOCUMENT) ++t.elements;
    const GumboVector& kids =
        n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
      stack.push_back({static_cast<const GumboNode*>(kids.data[i]), d + 1});
  }
  gumbo_destroy_output(&options, out);
  return t;
}

void count(size_t base, long value, long scale) {
  long bucket = value / scale;
  if (bucket < 0) bucket = 0;
  if (bucket > 255) bucket = 255;
  g_counters[base + static_cast<size_t>(bucket)] = 1;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  std::string pattern, tail;
  size_t split = size;
  for (size_t i = 1; i < size; ++i)
    if (data[i] == 0xFF) {
      split = i;
      break;
    }
  for (size_t i = 1; i < split; ++i) pattern += kTokens[data[i] % kCount];
  size_t tail_reps = 0;
  if (split + 1 < size) {
    tail_reps = 1 + 32 * size_t{data[split + 1]};
    for (size_t i = split + 2; i < size; ++i) tail += kTokens[data[i] % kCount];
  }
  size_t reps = 1 + 2 * size_t{data[0]};
  std::string page = "<!doctype html><html><head></head><body>";
  for (size_t r = 0; r < reps && page.size() < (128u << 10); ++r) page += pattern;
  for (size_t r = 0; r < tail_reps && page.size() < (128u << 10); ++r) page += tail;

  ParseLimits limits;  // the defaults scaled down, ratios kept
  limits.max_nesting = 200;
  limits.max_tags = 5000;
  limits.max_formatting = 100;
  limits.max_nesting_work = 1000000;
  limits.max_formatting_work = 20000;
  HtmlScan scan;
  std::string err;
  if (!guard_html(page, limits, &scan, &err)) return 0;
  Tree t = gumbo_tree(page);
  size_t made = scan.start_tags + scan.implied_elements;
  count(0, static_cast<long>(t.depth), 1);
  count(256, static_cast<long>(t.depth) - static_cast<long>(scan.max_nesting) + 16, 1);
  count(512, static_cast<long>(t.elements) - static_cast<long>(made) + 64, 4);
  count(768, static_cast<long>(t.elements), 32);
  // The margins: the estimate may be a level or two behind, and gumbo adds <html>,
  // <head>, <body> and the elements <isindex> and tables imply. Elements may pass the
  // tag limit only as far as the page's estimate of reopened formatting allows.
  size_t most_elements = std::max<size_t>(limits.max_tags, made + scan.formatting_work);
  if (t.depth > limits.max_nesting + limits.max_nesting / 4 ||
      t.elements > most_elements + most_elements / 4 + 16) {
    std::fprintf(stderr,
                 "fuzz: the guard let through a page gumbo nests %zu deep with %zu elements "
                 "(estimate: nesting %zu, %zu elements; limits %zu, %zu)\n",
                 t.depth, t.elements, scan.max_nesting, made, limits.max_nesting,
                 most_elements);
    std::abort();
  }
  return 0;
}
