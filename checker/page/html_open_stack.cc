#include "checker/page/html_open_stack.h"

namespace credcheck::html_guard_detail {

using namespace html_tags;

bool OpenStack::has_ruby() const {
  size_t n = open_.size();
  for (size_t k = 0; k < kWindow && k < n; ++k) {
    Name at = open_[n - 1 - k].name;
    if (at == lit("ruby")) return true;
    if (is_boundary(at)) return false;
  }
  return false;
}

bool OpenStack::close_foreign(Name name) {
  size_t n = open_.size();
  for (size_t k = 0; k < kWindow && k < n; ++k) {
    const Open& at = open_[n - 1 - k];
    if (k > 0 && !at.foreign_element) return false;
    if (at.name == name) {
      while (open_.size() > n - 1 - k) pop();
      return true;
    }
  }
  // Below the stack lie <body> and <html>: HTML rules then apply (a </p> there makes
  // a <p>). Only a walk cut short by the window stays in svg/math.
  return n >= kWindow;
}

void OpenStack::push(Name name, bool html_encoding) {
  if (open_.size() >= cap_) {
    ++overflow_;
    out_->max_nesting = std::max(out_->max_nesting, nesting());
    return;
  }
  Open parent = open_.empty() ? Open{} : open_.back();
  Open o{name};
  // Namespaces: svg and math open foreign content; its HTML integration points
  // (svg <foreignObject>, <desc>, <title>; MathML <mi> & co. and <annotation-xml>
  // with an HTML encoding) hold HTML again; <mglyph> in <mi> stays MathML.
  bool glyph = parent.math_text && among(name, NameSet({"mglyph", "malignmark"}));
  bool math = parent.foreign ? parent.math : name == lit("math") || glyph;
  bool foreign_element = parent.foreign || glyph || among(name, NameSet({"svg", "math"}));
  if (name == lit("svg") && !parent.foreign) math = false;
  bool html_inside =
      foreign_element &&
      (math ? among(name, NameSet({"mi", "mo", "mn", "ms", "mtext"})) ||
                  (name == lit("annotation-xml") && html_encoding)
            : among(name, NameSet({"foreignobject", "desc", "title"})));
  bool foreign = foreign_element && !html_inside;
  o.foreign = foreign;
  o.foreign_element = foreign_element;
  o.maybe_frameset = parent.maybe_frameset || (name == lit("frameset") && !foreign);
  o.math = math;
  o.math_text =
      foreign_element && math && among(name, NameSet({"mi", "mo", "mn", "ms", "mtext"}));
  if (is_marker(name) && !foreign) {
    saved_.push_back(formatting_);
    o.saved = true;
  }
  // A <template> starts afresh, even inside a <table> or a <select>.
  bool fresh = name == lit("template") && !foreign;
  o.in_table = name == lit("table") || (parent.in_table && !fresh);
  // svg/math inside a cell leaves the cell's mode in place for the HTML under it.
  o.in_cell = o.in_table && !(name == lit("table") && !foreign_element) &&
              ((!foreign_element && among(name, NameSet({"td", "th", "caption"}))) ||
               parent.in_cell);
  o.in_select = !foreign && (name == lit("select") || (parent.in_select && !fresh));
  o.select_in_table =
      o.in_select && (name == lit("select") ? parent.in_table : parent.select_in_table);
  open_.push_back(o);
  out_->max_nesting = std::max(out_->max_nesting, nesting());
}

bool OpenStack::adopt(Name name) {
  if (overflow_ > 0 || formatting_index(name) < 0) return false;
  size_t n = open_.size();
  size_t block = n;  // the furthest block
  for (size_t k = 0; k < kWindow && k < n; ++k) {
    size_t at = n - 1 - k;
    const Open& o = open_[at];
    Name seen = search_name(o);
    if (seen == 0) continue;
    if (seen == name && !o.foreign_element) {
      if (block == n) return false;  // nothing special above it: a plain close
      // What gumbo 0.10.1 leaves open, measured: the special elements up to the furthest
      // block (the special one nearest the top), and clones of the formatting elements
      // that stood between; not the element (its clone is made inside the block, neither
      // open nor listed), not the plain elements between, not what stood above the block.
      while (open_.size() > block + 1) pop();  // markers above the block restore their counts
      // A marker between (applet, object, marquee) is special and kept: the saved
      // counts of every marker kept stay in their place.
      std::vector<Open> kept;
      for (size_t i = at + 1; i <= block; ++i) {
        const Open& e = open_[i];
        Name en = search_name(e);
        if (i == block || (en != 0 && (is_special(en) || formatting_index(en) >= 0)))
          kept.push_back(e);
      }
      open_.resize(at);
      for (Open& e : kept) open_.push_back(std::move(e));
      forget_formatting(name);
      return true;
    }
    if (is_scope_boundary(seen)) return false;  // out of scope: gumbo ignores the end tag
    if (is_special(seen) && block == n) block = at;  // the one nearest the top, as gumbo takes it
  }
  return false;
}

void OpenStack::pop() {
  if (overflow_ > 0) {
    --overflow_;
    return;
  }
  if (open_.empty()) return;
  Open top = open_.back();
  open_.pop_back();
  // An <object>, <applet> or <marquee> closed by another end tag (a </table> around
  // it, a </div>) leaves its marker in gumbo's list of formatting elements.
  if (top.saved && closing_ != 0 && closing_ != top.name &&
      among(top.name, NameSet({"applet", "marquee", "object"})))
    marker_lingers_ = true;
  // Closing a cell, caption or object forgets the formatting opened inside it.
  if (top.saved && !saved_.empty()) {
    formatting_ = saved_.back();
    saved_.pop_back();
  }
}

}  // namespace credcheck::html_guard_detail
