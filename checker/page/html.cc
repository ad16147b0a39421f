#include "checker/page/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "checker/page/html_guard.h"
#include "checker/page/source_map.h"

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
  std::string out(raw);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              c == '.' || c == ':';
    if (!ok) return {};  // bytes >= 0x80 included
  }
  if (out.empty() || !((out[0] >= 'a' && out[0] <= 'z') || out[0] == '_')) return {};
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

// The page as gumbo gets it: the text-only spans (HtmlScan::text_only) left out but for
// their line breaks, so gumbo's line numbers stay the page's; original() maps gumbo's
// byte offsets back to the page's.
class Stripped {
 public:
  Stripped(std::string_view page, const std::vector<std::pair<size_t, size_t>>& spans) {
    text_.reserve(page.size());
    size_t at = 0, cut = 0;
    for (auto [begin, end] : spans) {
      text_.append(page.substr(at, begin - at));
      for (size_t i = begin; i < end; ++i) {
        if (page[i] == '\n' || page[i] == '\r') text_.push_back(page[i]);
        else ++cut;
      }
      shifts_.emplace_back(text_.size(), cut);
      at = end;
    }
    text_.append(page.substr(at));
  }
  std::string_view text() const { return text_; }
  size_t original(size_t offset) const {
    auto after = std::upper_bound(shifts_.begin(), shifts_.end(), std::pair{offset, ~size_t{0}});
    return after == shifts_.begin() ? offset : offset + std::prev(after)->second;
  }

 private:
  std::string text_;
  std::vector<std::pair<size_t, size_t>> shifts_;  // where a cut ends in text_, bytes cut so far
};

// Copies gumbo's tree with an explicit stack: a page can nest elements far deeper than
// the C++ stack allows.
void convert(const GumboNode* root, pugi::xml_node out_root, int max_depth, SourceMap* source,
             const Stripped* stripped) {
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
          if (source) {  // gumbo's positions come free with the parse: no pass of our own
            const GumboElement& e = child->v.element;
            // Offsets in the page, not in what gumbo parsed (lines are the same in both).
            auto at = [&](size_t offset) {
              return static_cast<uint32_t>(stripped ? stripped->original(offset) : offset);
            };
            source->add(target.internal_object(), at(e.start_pos.offset), at(e.end_pos.offset),
                        e.start_pos.line);
          }
        }
        stack.push_back({child, target, 0, depth});
        break;
      }
      default:  // comments, templates
        break;
    }
  }
}

// gumbo allocates and frees a node, a vector or a buffer at a time, a few hundred
// thousand times a page; an arena hands memory out by bumping a pointer, ignores frees,
// and gives it all back at once, which also spares walking the tree to free it (gumbo
// 0.10.1 frees recursively, one stack frame per level of nesting, so freeing a deep tree
// needed a thread with a stack sized to the page). What gumbo frees is not reused, so
// the arena holds about twice what gumbo keeps live (measured on the real pages: see
// kArenaBlock); the pre-pass bounds both.
class GumboArena {
 public:
  ~GumboArena() {
    // Standard blocks go back to this thread's pool for the next page (fresh memory
    // costs a page fault per 4 KiB), up to kPoolBlocks; the rest to malloc.
    for (auto [block, bytes] : blocks_) {
      if (bytes == kArenaBlock && pool().size() < kPoolBlocks) pool().push_back(block);
      else std::free(block);
    }
  }
  void* allocate(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size > left_) {
      // Large requests get a block of their own, so the current block's tail is kept.
      size_t bytes = std::max(size, kArenaBlock);
      char* block = nullptr;
      if (bytes == kArenaBlock && !pool().empty()) {
        block = static_cast<char*>(pool().back());
        pool().pop_back();
      } else {
        block = static_cast<char*>(allocate_block(bytes));
      }
      if (!block) return nullptr;
      blocks_.emplace_back(block, bytes);
      total_ += bytes;
      if (bytes > kArenaBlock) return block;
      next_ = block;
      left_ = bytes;
    }
    void* p = next_;
    next_ += size;
    left_ -= size;
    return p;
  }
  size_t total() const { return total_; }

 private:
  static constexpr size_t kArenaBlock = 256u << 10;
  static constexpr size_t kPoolBlocks = 64;  // 16 MiB kept per parsing thread
  struct Pool {
    std::vector<void*> blocks;
    ~Pool() {
      for (void* b : blocks) std::free(b);
    }
  };
  static std::vector<void*>& pool() {
    static thread_local Pool p;
    return p.blocks;
  }
  // Allocations fail as C++'s do, through the new handler (a page worker's ends the
  // worker as out of memory); without one gumbo gets NULL, as with malloc.
  static void* allocate_block(size_t size) {
    for (;;) {
      if (void* p = std::malloc(size)) return p;
      std::new_handler handler = std::get_new_handler();
      if (!handler) return nullptr;
      handler();
    }
  }
  std::vector<std::pair<void*, size_t>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t total_ = 0;
};

void* arena_allocate(void* arena, size_t size) { return static_cast<GumboArena*>(arena)->allocate(size); }
void arena_free(void*, void*) {}

}  // namespace

bool parse_html(std::string_view utf8, pugi::xml_document* doc, std::string* err,
                const ParseLimits& limits, SourceMap* source) {
  doc->reset();
  if (source) source->reset(utf8);
  HtmlScan scan;
  if (!guard_html(utf8, limits, &scan, err)) return false;
  GumboArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = arena_allocate;
  options.deallocator = arena_free;
  options.userdata = &arena;
  options.max_errors = 0;  // each error record copies the open-element stack: O(depth^2)
  // What gumbo would read as text and extraction drops is not given to it at all.
  std::optional<Stripped> stripped;
  std::string_view parsed = utf8;
  if (!scan.text_only.empty()) parsed = stripped.emplace(utf8, scan.text_only).text();
  GumboOutput* output = gumbo_parse_with_options(&options, parsed.data(), parsed.size());
  if (!output) {
    if (err) *err = "the HTML parser gave no document";
    return false;
  }
  convert(output->document, *doc, limits.max_depth, source, stripped ? &*stripped : nullptr);
  return true;  // the arena frees gumbo's tree
}

}  // namespace credcheck
