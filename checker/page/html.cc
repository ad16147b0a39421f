#include "checker/page/html.h"

#include <gumbo.h>

#include <pthread.h>

#include <cctype>
#include <cstdlib>
#include <new>
#include <string_view>
#include <vector>

#include "checker/page/html_guard.h"

namespace credcheck {
namespace {

// Elements whose content is never page text.
bool dropped(const GumboNode* n) {
  if (n->type == GUMBO_NODE_TEMPLATE) return true;
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT: {  // JSON-LD is data, not code: the meta reader wants it
      const GumboAttribute* type = gumbo_get_attribute(&n->v.element.attributes, "type");
      return !type || std::string_view(type->value) != "application/ld+json";
    }
    case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

// XML-safe lower-case name; empty when the name can't be one (pugixml would accept it,
// but XPath could never address it and a serialiser would write broken XML).
std::string xml_name(std::string_view raw) {
  std::string out;
  for (char c : raw) {
    unsigned char u = static_cast<unsigned char>(c);
    bool ok = std::isalnum(u) || c == '_' || c == '-' || c == '.' || c == ':';
    if (!ok || u >= 0x80) return {};
    out.push_back(static_cast<char>(std::tolower(u)));
  }
  if (out.empty() || !(std::isalpha(static_cast<unsigned char>(out[0])) || out[0] == '_'))
    return {};
  return out;
}

std::string element_name(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string_view raw(piece.data ? piece.data : "", piece.data ? piece.length : 0);
  size_t end = raw.find_first_of(" \t\r\n\f/>");
  std::string name = xml_name(raw.substr(0, end));
  return name.empty() ? "span" : name;  // keep its text under a neutral name
}

void copy_attributes(const GumboElement& e, pugi::xml_node out) {
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    std::string name = xml_name(a->name);
    if (name.empty() || out.attribute(name.c_str())) continue;
    out.append_attribute(name.c_str()).set_value(a->value);
  }
}

struct Frame {
  const GumboNode* node;  // element (or document) whose children are being copied
  pugi::xml_node out;     // where those children go (an ancestor when flattened)
  unsigned next = 0;      // index of the next child to visit
  int depth = 0;
};

const GumboVector& children_of(const GumboNode* n) {
  return n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
}

// Copies gumbo's tree with an explicit stack: a page can nest elements far deeper than
// the C++ stack allows.
void convert(const GumboNode* root, pugi::xml_node out_root, int max_depth) {
  std::vector<Frame> stack;
  stack.push_back({root, out_root, 0, 0});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& kids = children_of(f.node);
    if (f.next >= kids.length) {
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(kids.data[f.next++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA:
        // Flattened levels leave runs of sibling text nodes; merging them would copy
        // the run once per level (quadratic), and readers concatenate anyway.
        f.out.append_child(pugi::node_pcdata).set_value(child->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT: {
        if (dropped(child)) break;
        int depth = f.depth + 1;
        pugi::xml_node target = f.out;
        if (depth <= max_depth) {
          target = f.out.append_child(element_name(child->v.element).c_str());
          copy_attributes(child->v.element, target);
        }
        stack.push_back({child, target, 0, depth});
        break;
      }
      default:  // comments, templates
        break;
    }
  }
}

// gumbo 0.10.1 parses iteratively but frees its tree recursively, one frame per level
// of nesting; so it runs on a thread whose stack grows with the number of start tags
// (an upper bound on the depth). Only touched pages of the reservation are ever mapped.
struct GumboJob {
  std::string_view html;
  pugi::xml_document* doc;
  int max_depth;
  bool ok = false;
};

// gumbo's allocations fail as C++'s do, through the new handler (a page worker's ends
// the worker as out of memory); without one gumbo gets NULL, as with malloc.
void* gumbo_allocate(void*, size_t size) {
  for (;;) {
    if (void* p = std::malloc(size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (!handler) return nullptr;
    handler();
  }
}

void* run_gumbo(void* arg) {
  auto* job = static_cast<GumboJob*>(arg);
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = gumbo_allocate;
  options.max_errors = 0;  // each error record copies the open-element stack: O(depth^2)
  GumboOutput* output = gumbo_parse_with_options(&options, job->html.data(), job->html.size());
  if (!output) return nullptr;
  convert(output->document, *job->doc, job->max_depth);
  gumbo_destroy_output(&options, output);
  job->ok = true;
  return nullptr;
}

constexpr size_t kStackBase = 8u << 20;
constexpr size_t kStackPerTag = 128;  // measured: gumbo's free needs < 64 bytes a level
// Below this many start tags the caller's stack is enough (10,000 levels x 128 bytes =
// 1.3 MB of the 8 MB a thread gets); a thread per page cost ~10% of `extract` on the
// real pages, in stack mappings and page faults (2.0 s -> 1.8 s for 280 pages).
constexpr size_t kInlineTags = 10000;

// Runs the job on a thread with a stack of `stack_bytes`; false if none could start.
bool run_on_own_stack(GumboJob* job, size_t stack_bytes) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, stack_bytes);
  pthread_t thread;
  int rc = pthread_create(&thread, &attr, run_gumbo, job);
  pthread_attr_destroy(&attr);
  if (rc != 0) return false;
  pthread_join(thread, nullptr);
  return true;
}

}  // namespace

bool parse_html(std::string_view utf8, pugi::xml_document* doc, std::string* err,
                const ParseLimits& limits) {
  doc->reset();
  HtmlScan scan;
  if (!guard_html(utf8, limits, &scan, err)) return false;
  GumboJob job{utf8, doc, limits.max_depth};
  if (scan.start_tags < kInlineTags) {
    run_gumbo(&job);
  } else if (!run_on_own_stack(&job, kStackBase + scan.start_tags * kStackPerTag)) {
    if (err) *err = "could not start the HTML parser (no memory for its stack)";
    return false;
  }
  if (!job.ok) {
    doc->reset();
    if (err) *err = "the HTML parser gave no document";
    return false;
  }
  return true;
}

}  // namespace credcheck
