#include "checker/page/blocks.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string_view>

#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

bool is_block(std::string_view n) {
  // Sorted: every element entered and left is looked up, so a binary search.
  static constexpr std::string_view kBlocks[] = {
      "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
      "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
      "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
      "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
      "tbody", "td", "tfoot", "th", "thead", "tr", "ul"};
  static_assert(std::is_sorted(std::begin(kBlocks), std::end(kBlocks)));
  return std::binary_search(std::begin(kBlocks), std::end(kBlocks), n);
}

bool skipped(std::string_view n) {
  return n == "head" || n == "script" || n == "title" || n == "select" || n == "textarea" || n == "svg" || n == "math";
}

bool usable_src(std::string_view s) {
  if (s.empty() || s.rfind("data:", 0) == 0 || s.rfind("javascript:", 0) == 0) return false;
  return true;
}

// Lazy loaders keep the real address in data-* and a placeholder in src.
std::string media_src(pugi::xml_node n) {
  static const char* const kLazy[] = {"data-src", "data-original", "data-lazy-src",
                                      "data-url", "data-echo", "original", "_src"};
  for (const char* a : kLazy) {
    std::string_view v = n.attribute(a).value();
    if (usable_src(v)) return std::string(v);
  }
  std::string_view src = n.attribute("src").value();
  if (usable_src(src)) return std::string(src);
  for (pugi::xml_node s = n.child("source"); s; s = s.next_sibling("source"))
    if (usable_src(s.attribute("src").value())) return s.attribute("src").value();
  return n.attribute("poster").value();
}

// The kind of medium an element is, or nullptr.
const char* medium_kind(pugi::xml_node n) {
  std::string_view name = n.name();
  if (name == "img") return "image";
  if (name == "video" || name == "embed") return "video";
  if (name == "iframe") {
    std::string_view src = n.attribute("src").value();
    if (src.find("video") != std::string_view::npos ||
        src.find("player") != std::string_view::npos)
      return "video";
  }
  return nullptr;
}

bool is_caption(pugi::xml_node n) {
  if (std::strcmp(n.name(), "figcaption") == 0) return true;
  std::string_view cls = n.attribute("class").value();
  return cls.find("caption") != std::string_view::npos;
}

class Builder {
 public:
  PageBlocks run(const pugi::xml_document& doc) {
    pugi::xml_node root = doc.document_element();
    if (!root) return std::move(out_);
    blocks_.push_back(root);
    pugi::xml_node n = root.first_child();
    // Iterative pre-order walk over parent/sibling links: no recursion.
    while (n && n != root) {
      bool descend = enter(n);
      if (descend && n.first_child()) {
        n = n.first_child();
        continue;
      }
      if (descend) leave(n);
      while (n != root && !n.next_sibling()) {
        n = n.parent();
        if (n != root) leave(n);
      }
      if (n == root) break;
      n = n.next_sibling();
    }
    flush();
    return std::move(out_);
  }

 private:
  // Returns whether to walk into n's children.
  bool enter(pugi::xml_node n) {
    if (n.type() == pugi::node_pcdata) {
      std::string_view v = n.value();
      line_ += v;
      if (links_ > 0) link_raw_ += v;
      return false;
    }
    if (n.type() != pugi::node_element) return false;
    std::string_view name = n.name();
    if (skipped(name)) return false;
    if (name == "br") {
      flush();
      return false;
    }
    if (const char* kind = medium_kind(n)) {
      flush();
      add_medium(n, kind);
      return false;
    }
    if (is_block(name)) {
      flush();
      blocks_.push_back(n);
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
        heading_.push_back(name[1] - '0');
      if (is_caption(n)) ++captions_;
    } else if (name == "a") {
      ++links_;
    }
    return true;
  }

  void leave(pugi::xml_node n) {
    if (n.type() != pugi::node_element) return;
    std::string_view name = n.name();
    if (is_block(name)) {
      flush();
      if (!blocks_.empty()) blocks_.pop_back();
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
          !heading_.empty())
        heading_.pop_back();
      if (is_caption(n) && captions_ > 0) --captions_;
    } else if (name == "a" && links_ > 0) {
      --links_;
    }
  }

  void add_medium(pugi::xml_node n, const char* kind) {
    Medium m;
    m.kind = kind;
    m.src = media_src(n);
    std::string_view alt = n.attribute("alt").value();
    if (alt.empty()) alt = n.attribute("title").value();
    m.alt = clean_space(alt);
    m.block = out_.blocks.size();
    Block b;
    b.node = n;
    b.medium = static_cast<int>(out_.media.size());
    b.in_caption = captions_ > 0;
    out_.media.push_back(std::move(m));
    out_.blocks.push_back(std::move(b));
  }

  void flush() {
    std::string text = clean_space(line_);
    line_.clear();
    size_t links = utf8::length(clean_space(link_raw_));
    link_raw_.clear();
    if (text.empty()) return;
    Block b;
    b.chars = utf8::length(text);
    b.link_chars = links < b.chars ? links : b.chars;
    b.text = std::move(text);
    b.node = blocks_.empty() ? pugi::xml_node() : blocks_.back();
    b.heading = heading_.empty() ? 0 : heading_.back();
    b.in_caption = captions_ > 0;
    out_.blocks.push_back(std::move(b));
  }

  PageBlocks out_;
  std::vector<pugi::xml_node> blocks_;  // open block elements (depth is capped by parse)
  std::vector<int> heading_;
  std::string line_, link_raw_;
  int links_ = 0, captions_ = 0;
};

}  // namespace

PageBlocks build_blocks(const pugi::xml_document& doc) { return Builder().run(doc); }

}  // namespace credcheck
