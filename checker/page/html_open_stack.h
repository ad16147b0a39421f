// The stack of open elements as the pre-pass (html_guard.h) estimates gumbo's: which
// elements are open and in which namespace and insertion mode, the formatting elements
// gumbo keeps listed (and reopens), and the searches end tags and implied end tags
// make down the stack. What each tag does to it is in html_guard.cc.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "checker/page/html_guard.h"
#include "checker/page/html_tags.h"

namespace credcheck::html_guard_detail {

using namespace html_tags;  // detail of html_guard.cc only

inline constexpr size_t kWindow = 16;  // how far down the stack an end tag or implied close looks

using Counts = std::array<uint32_t, html_tags::kFormatting.size()>;

// An open element and how gumbo reads its content.
struct Open {
  Name name;
  bool foreign = false;          // its content is svg/math, not HTML
  bool foreign_element = false;  // it is itself an svg/math element
  bool math = false;             // when foreign: MathML, not svg
  bool math_text = false;        // a MathML text integration point (<mi> & co.)
  bool in_table = false;         // inside a <table> (up to a <template>)
  bool in_cell = false;          // in a cell or caption of that table: read as a body is
  bool in_select = false;        // as a <select>'s: most tags are ignored
  bool select_in_table = false;  // as a <select>'s that table tags close
  bool columns = false;          // a <template> read as a column group
  bool decided = false;          // a <template>'s first tag was seen
  bool saved = false;            // a marker whose formatting counts are in saved_
  bool frameset = false;         // a <frameset> gumbo took: its content is frames
  bool maybe_frameset = false;   // inside a <frameset> gumbo may have taken
};

class OpenStack {
 public:
  // Keeps at most `cap` open elements; deeper nesting is only counted, in out->max_nesting.
  OpenStack(size_t cap, HtmlScan* out) : cap_(cap), out_(out) {}

 protected:
  // A <ruby> is open above the nearest scope boundary (for <rb>, <rt> & co.).
  bool has_ruby() const;

  // An end tag in svg/math closes the nearest svg/math element of its name, whatever
  // lies between. Returns false when an HTML element comes first: the HTML rules then
  // apply.
  bool close_foreign(Name name);

  // Opens `name`; html_encoding: its tag said encoding="text/html".
  void push(Name name, bool html_encoding = false);

  // Closes the top element (or one counted past the cap), restoring the formatting
  // counts a marker saved.
  void pop();

  // The adoption agency for the end tag of a formatting element that has a special
  // element (the furthest block) above it in scope: gumbo takes the element out of the
  // stack and its list, with what stood between and above but the block and the
  // formatting elements between. Returns false (nothing moved) when no such element is
  // open in the window.
  bool adopt(Name name);

  void forget_formatting(Name name) {
    int f = formatting_index(name);
    if (f >= 0 && formatting_[f] > 0) --formatting_[f];
  }

  // Pops up to and including the nearest open element named in `targets` among the top
  // kWindow, unless an element for which `stop` holds comes first.
  // Returns whether it closed one.
  // Every target is an HTML element, and the scopes' boundaries are HTML elements or
  // svg/math integration points: an svg/math element of another name (a MathML
  // <applet>) is neither, and an HTML element named like an integration point (an HTML
  // <foreignobject>) is an ordinary element to the search: no boundary, but no <option>.
  template <typename Stop>
  bool close_nearest(std::initializer_list<Name> targets, Stop stop) {
    if (overflow_ > 0) return false;
    size_t n = open_.size();
    for (size_t k = 0; k < kWindow && k < n; ++k) {
      const Open& o = open_[n - 1 - k];
      Name seen = search_name(o);
      if (seen == 0) continue;
      if (!o.foreign_element)
        for (Name t : targets)
          if (o.name == t) {
            while (open_.size() > n - 1 - k) pop();
            return true;
          }
      if (stop(seen)) return false;
    }
    return false;
  }

  // What an HTML search down the stack sees of an open element: an svg/math integration
  // point by its name (the scope lists name them), another svg/math element not at all
  // (0), an HTML element named like an integration point as a plain element.
  static Name search_name(const Open& o) {
    bool point = among(o.name, NameSet({"foreignobject", "desc", "title", "annotation-xml", "mi",
                                        "mo", "mn", "ms", "mtext"}));
    if (o.foreign_element) return point ? o.name : 0;
    return point ? lit("#plain") : o.name;
  }

  static bool is_table_part_start(Name n) {
    return among(n, NameSet({"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead",
                             "tr"}));
  }
  static bool is_table_part_end(Name n) {
    return among(n, NameSet({"tbody", "td", "tfoot", "th", "thead", "tr"}));
  }
  static bool is_table_scope(Name n) { return among(n, NameSet({"html", "table", "template"})); }

  // The element whose insertion mode a table tag meets: the nearest open caption, cell,
  // table or template (0 when none is in the window).
  Name table_mode() const {
    size_t n = open_.size();
    for (size_t k = 0; k < kWindow && k < n; ++k) {
      const Open& o = open_[n - 1 - k];
      if (!o.foreign_element &&
          among(o.name, NameSet({"caption", "td", "th", "table", "template", "html"})))
        return o.name;
    }
    return 0;
  }

  // An element named `name` is open above every <table>, <template> and <html>.
  bool in_table_scope(Name name) const {
    size_t n = open_.size();
    for (size_t k = 0; k < kWindow && k < n; ++k) {
      const Open& o = open_[n - 1 - k];
      if (o.foreign_element) continue;
      if (o.name == name) return true;
      if (is_table_scope(o.name)) return false;
    }
    return false;
  }

  // Pops what stands above the nearest open <table> (none when a template comes first).
  void clear_to_table() {
    size_t n = open_.size();
    for (size_t k = 0; k < kWindow && k < n; ++k) {
      const Open& o = open_[n - 1 - k];
      if (o.foreign_element) continue;
      if (o.name == lit("table")) {
        while (open_.size() > n - k) pop();
        return;
      }
      if (is_table_scope(o.name)) return;
    }
  }

  bool in_select() const { return overflow_ == 0 && !open_.empty() && open_.back().in_select; }
  bool in_foreign() const { return overflow_ == 0 && !open_.empty() && open_.back().foreign; }
  size_t depth() const { return open_.size() + overflow_; }
  // gumbo's stack as estimated: the open elements, plus every formatting element still
  // listed, which gumbo reopens wherever text or an inline tag comes next.
  size_t nesting() const { return depth() + formatting_total(); }
  uint64_t formatting_total() const {
    uint64_t t = 0;
    for (uint32_t c : formatting_) t += c;
    return t;
  }
  void update_max_formatting() {
    uint64_t t = formatting_total();
    if (t > out_->max_formatting) out_->max_formatting = t;
  }

  const size_t cap_;
  HtmlScan* out_;
  size_t overflow_ = 0;  // open elements past the cap
  bool marker_lingers_ = false;  // a marker gumbo keeps that the scan let go
  Name closing_ = 0;  // the end tag being handled, if any
  std::vector<Open> open_;
  std::vector<Counts> saved_;  // formatting counts at each open marker
  Counts formatting_{};
};

}  // namespace credcheck::html_guard_detail
