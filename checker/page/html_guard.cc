#include "checker/page/html_guard.h"

#include "checker/page/html_open_stack.h"
#include "checker/page/html_tag_reader.h"
#include "checker/page/html_tags.h"

#include <cstring>

namespace credcheck {
namespace {

using namespace html_tags;
using namespace html_guard_detail;

// What each tag does to the stack of open elements (html_open_stack.h).
class Scanner : TagReader, OpenStack {
 public:
  // Keeps at most `cap` open names; deeper nesting is only counted.
  Scanner(std::string_view s, size_t cap, HtmlScan* out) : TagReader(s), OpenStack(cap, out) {}

  void run() {
    size_t p = 0;
    while (p < s_.size()) {
      const void* lt = std::memchr(s_.data() + p, '<', s_.size() - p);
      size_t at =
          lt ? static_cast<size_t>(static_cast<const char*>(lt) - s_.data()) : s_.size();
      if (frameset_ok_ && has_text(p, at)) frameset_ok_ = false;
      if (!lt) break;
      p = at + 1;
      if (p >= s_.size()) break;
      char c = s_[p];
      if (c == '!' && counting_in_ == 0) p = skip_markup_declaration(p + 1, in_foreign());
      else if (c == '?' && counting_in_ == 0) p = skip_to_gt(p);
      else if (c == '/') p = end_tag(p + 1);
      else if (is_alpha(c)) p = start_tag(p);
    }
  }

 private:
  size_t start_tag(size_t p) {
    size_t tag_begin = p - 1;  // its '<'
    Name name;
    p = read_name(p, &name);
    Attrs attrs;
    p = read_attributes(p, &attrs);
    if (attrs.count > out_->max_attributes) out_->max_attributes = attrs.count;
    if (counting_in_ != 0) return counted_start_tag(p, name, attrs.complete);
    if (!attrs.complete) return p;
    ++out_->start_tags;
    if (frameset_ok_ && !among(name, NameSet({"html", "head", "meta", "link", "base",
                                              "title", "style", "script", "noscript",
                                              "frameset"})))
      frameset_ok_ = false;  // sooner than gumbo: a frameset we ignore only counts more
    if (in_frameset_ || (!open_.empty() && open_.back().frameset)) return frameset_tag(p, name);
    if (name == lit("frameset") && frameset_ok_) {
      while (!open_.empty()) pop();  // it replaces the body
      frameset_ok_ = false;
      push_frameset();
      return p;
    }
    if (in_foreign() && (breaks_out(name) || (name == lit("font") && attrs.font_like)))
      while (in_foreign()) pop();
    out_->nesting_work += nesting();
    out_->formatting_work += formatting_total();
    if (in_foreign() || (!open_.empty() && open_.back().math_text &&
                         among(name, NameSet({"mglyph", "malignmark"})))) {
      if (!attrs.self_closing) push(name, attrs.html_encoding);
      return p;
    }
    if (in_select() && !open_in_select(name)) return p;
    if (!open_.empty() && open_.back().name == lit("template") && overflow_ == 0) {
      // A <template> whose content starts with <col> reads a column group: gumbo
      // ignores every other tag in it (a <script> there hides nothing).
      // Its first tag that is not read as in a <head> (a <template>, a <script>...)
      // decides how its content is read: a table part makes it a table.
      Open& t = open_.back();
      bool head_tag = among(name, NameSet({"base", "basefont", "bgsound", "link", "meta",
                                           "noframes", "script", "style", "template", "title"}));
      if (!t.decided && !head_tag) {
        t.columns = name == lit("col");
        t.in_table = is_table_tag(name) || among(name, NameSet({"col", "colgroup"}));
        t.decided = true;
      }
      if (t.columns && !among(name, NameSet({"col", "template"}))) return p;
    }
    if (name == lit("isindex")) {
      // gumbo reads it as <form><hr><label><input></label><hr></form> (ignored when a
      // form is open): it closes a <p> and leaves nothing open. Closing the <p> either
      // way can only count more levels, never fewer.
      close_nearest({lit("p")}, is_boundary);
      out_->implied_elements += 5;
      return p;
    }
    if (name == lit("hr")) close_nearest({lit("p")}, is_boundary);
    // A <col> in a table (not in a cell) gets a <colgroup> around it, which the next
    // tag that is not a <col> closes: one element more each time.
    if (name == lit("col") && !open_.empty() && open_.back().in_table && !open_.back().in_cell &&
        open_.back().name != lit("colgroup"))
      ++out_->implied_elements;
    if (is_void(name) || among(name, NameSet({"html", "head", "body"}))) return p;
    // Table parts outside a table are ignored (and close nothing).
    bool table_part_tag = name != lit("table") && (is_table_tag(name) || name == lit("colgroup"));
    if (table_part_tag && !(!open_.empty() && open_.back().in_table)) return p;
    // In a table (not in its cells) a <table> closes the open one first: gumbo does not
    // nest it, and one left open here would let a later </table> close far too much.
    if (name == lit("table") && !open_.empty() && open_.back().in_table && !open_.back().in_cell)
      close_nearest({name}, [](Name n) { return among(n, NameSet({"html", "template"})); });
    // <plaintext> makes the rest text; it is scanned anyway, as for unclosed comments.
    name = html_name(name);
    open_element(name);
    // Under a <frameset> gumbo may have taken (we clear frameset_ok sooner than it
    // does), <script> and <textarea> may be ignored, their content markup: count it,
    // and let their end tags close nothing.
    bool maybe_frames = !open_.empty() && open_.back().maybe_frameset;
    if (name == lit("script") && !maybe_frames) return skip_script(tag_begin, p);
    if (is_raw_text(name) || name == lit("script")) {
      counting_in_ = name;
      counting_keeps_ = maybe_frames;
      // A <style> is surely text where no frameset may have taken the page and no table
      // (outside its cells) may read it as a column group's.
      counting_text_only_ = name == lit("style") && !maybe_frames && !open_.empty() &&
                            !(open_.back().in_table && !open_.back().in_cell);
      counting_tag_ = tag_begin;
      counting_from_ = p;
    }
    return p;
  }

  // Inside <title>, <textarea>, <style> & co. gumbo reads text, unless some insertion
  // mode ignored the element (in a <select>, a table's column group, a frameset...).
  // Rather than follow every mode, their content is scanned as markup that only opens
  // (more levels, never fewer) and can hide nothing, until the element's end tag.
  size_t counted_start_tag(size_t p, Name name, bool complete) {
    if (!complete) return p;
    if (open_.empty() || open_.size() >= cap_) return push(name), p;  // counts the overflow
    Open o = open_.back();  // read as its raw-text parent reads: no mode of its own
    o.name = name;
    o.saved = o.columns = o.decided = false;
    open_.push_back(o);
    out_->max_nesting = std::max(out_->max_nesting, nesting());
    return p;
  }

  // In a frameset only <frameset>, <frame> and <noframes> count; after it (the page's
  // last frameset closed) only <noframes>.
  size_t frameset_tag(size_t p, Name name) {
    if (name == lit("frameset") && !in_frameset_) push_frameset();
    if (name == lit("noframes")) {
      push(name);
      counting_in_ = name;
    }
    return p;
  }

  void push_frameset() {
    push(lit("frameset"));
    if (overflow_ == 0) open_.back().frameset = true;
  }

  bool has_text(size_t from, size_t to) const {
    for (size_t i = from; i < to; ++i)
      if (!is_space(s_[i])) return true;
    return false;
  }

  // Inside a <select> gumbo ignores <style>, <plaintext> & co. (so their text is markup),
  // and <input>, <textarea> or another <select> close it. False when `name` is ignored.
  bool open_in_select(Name name) {
    bool closes = among(name, NameSet({"input", "keygen", "textarea", "select"})) ||
                  (open_.back().select_in_table && is_table_tag(name));
    if (closes) {
      close_select();
      return name != lit("select");
    }
    return among(name, NameSet({"option", "optgroup", "script", "template"}));
  }

  // In a <select>, </option> closes only the current <option>, and </optgroup> an
  // <optgroup> with at most an <option> above it; otherwise gumbo ignores them.
  void close_in_select(Name name) {
    size_t n = open_.size();
    if (name == lit("optgroup") && n >= 2 && open_[n - 1].name == lit("option") &&
        open_[n - 2].name == lit("optgroup"))
      pop();
    if (!open_.empty() && open_.back().name == name) pop();
  }

  void close_select() {
    while (!open_.empty() && open_.back().in_select) pop();
  }

  // An HTML start tag: the end tags it implies, then the element.
  void open_element(Name name) {
    int f = formatting_index(name);
    // At most one <a> (or <nobr>) is listed since the last marker: a second closes it.
    uint32_t listed_before = saved_.empty() || f < 0 ? 0 : saved_.back()[f];
    bool single = among(name, NameSet({"a", "nobr"}));
    if (f >= 0 && !(single && !marker_lingers_ && formatting_[f] > listed_before)) ++formatting_[f];
    update_max_formatting();
    if (overflow_ > 0) return push(name);  // refused anyway: only the depth counts now
    // In a caption a table part closes the caption first; a <caption> clears the table
    // back to the table itself (a cell, row or body open in it closes).
    if (is_table_part_start(name) && table_mode() == lit("caption"))
      close_nearest({lit("caption")}, is_table_scope);
    if (name == lit("caption") && open_.back().in_table) clear_to_table();
    // <li>, <dd> and <dt> look for their kind before the <p> is closed: a special
    // element above that <p> (a <noscript>) stops their search, and the <p> closes it.
    if (name == lit("li")) close_nearest({lit("li")}, special_but_not_address_div_p);
    if (among(name, NameSet({"dd", "dt"})))
      close_nearest({lit("dd"), lit("dt")}, special_but_not_address_div_p);
    if (closes_p(name)) close_nearest({lit("p")}, is_boundary);
    if (among(name, NameSet({"td", "th"}))) close_nearest({lit("td"), lit("th")}, table_part);
    if (name == lit("tr")) close_nearest({lit("tr")}, is_table);
    if (among(name, NameSet({"option", "optgroup"}))) close_nearest({lit("option")}, not_option);
    if (among(name, NameSet({"rb", "rp", "rt", "rtc"})) && has_ruby()) {
      bool keep_rtc = among(name, NameSet({"rp", "rt"}));
      while (!open_.empty() &&
             among(open_.back().name, NameSet({"rb", "rp", "rt", "rtc", "p", "li", "dd", "dt",
                                                "option", "optgroup"})) &&
             !(keep_rtc && open_.back().name == lit("rtc")))
        pop();  // gumbo's implied end tags
    }
    // A heading closes a heading just above it, unless gumbo may have reopened a listed
    // formatting element (an <a> a void tag brought back) on top of it first.
    if (is_heading(name) && !open_.empty() && is_heading(open_.back().name) &&
        formatting_total() == 0)
      pop();
    // A second <a> or <nobr> runs the adoption agency on the first: it pops to it when
    // no special element stands between (else the stack barely shrinks).
    // Unless a marker lingers in gumbo's list, hiding the first from that search.
    if (among(name, NameSet({"a", "nobr"})) && !marker_lingers_)
      close_nearest({name}, is_special_other_than(name));
    if (name == lit("button")) close_nearest({name}, is_boundary_other_than(name));
    // gumbo adds the <tbody> (and <tr>) a page leaves out.
    bool cell = among(name, NameSet({"td", "th"}));
    if ((cell || name == lit("tr")) && !open_.empty() && open_.back().name == lit("table"))
      push(lit("tbody"));
    // A <template> takes a cell as it comes: a level is still counted (gumbo can nest
    // one more there), under a name no </tr> closes, as none does in gumbo.
    if (cell && !open_.empty() && open_.back().name != lit("tr"))
      push(open_.back().name == lit("template") ? lit("#row") : lit("tr"));
    push(name);
  }

  size_t end_tag(size_t p) {
    size_t tag_begin = p - 2;  // its "</"
    struct Reset {
      Name& n;
      ~Reset() { n = 0; }
    } reset{closing_};
    if (p >= s_.size() || !is_alpha(s_[p])) return skip_to_gt(p);
    Name name;
    p = read_name(p, &name);
    Attrs attrs;
    p = read_attributes(p, &attrs);
    if (!attrs.complete) return p;
    if (counting_in_ != 0) {
      if (name == counting_in_) {  // what opened inside it was text all along
        if (counting_text_only_) note_text_only(counting_tag_, counting_from_, tag_begin);
        counting_text_only_ = false;
        while (!counting_keeps_ && !open_.empty() && open_.back().name != name) pop();
        if (!counting_keeps_ && !open_.empty()) pop();
        counting_in_ = 0;
      }
      return p;
    }
    out_->nesting_work += nesting();
    closing_ = name;  // for pop(): which end tag is closing elements
    if (in_frameset_ || (!open_.empty() && open_.back().frameset)) {
      if (name == lit("frameset") && !open_.empty() && open_.back().frameset) {
        pop();
        in_frameset_ = open_.empty();  // after the frameset: nothing more opens
      }
      return p;
    }
    if (overflow_ > 0) {  // past the cap each end tag closes one level
      --overflow_;
      return p;
    }
    if (in_select() && name != lit("template")) {  // gumbo ignores other end tags there
      // A select in a table: a table tag's end closes the select and is read again, if
      // the element it names is in table scope (else it is ignored).
      bool table_end = open_.back().select_in_table && is_table_tag(name);
      if (name == lit("select") || (table_end && in_table_scope(name)))
        close_select();
      else if (among(name, NameSet({"option", "optgroup"})))
        close_in_select(name);
      else if (name == lit("script"))
        close_nearest({name}, is_boundary_other_than(name));
      if (!(table_end && !in_select())) return p;
    }
    // gumbo takes </form> out of the stack alone, leaving what it holds open: keeping
    // it counts one level more, never fewer. A </frameset> outside a frameset gumbo
    // took closes nothing.
    if (among(name, NameSet({"form", "frameset"}))) return p;
    if (in_foreign() && close_foreign(name)) {
      // No svg/math element is a <br> or <p>: past the window gumbo's walk reaches HTML
      // content, where </br> makes a <br> and a stray </p> a <p>.
      if (name == lit("br") || name == lit("p")) ++out_->implied_elements;
      return p;
    }
    name = html_name(name);
    if (name == lit("template"))  // closes its <template> through anything
      close_nearest({name}, [](Name) { return false; });
    else if (is_table_part_end(name) && table_mode() == lit("caption")) {
      // ignored in a caption
    } else if (is_table_tag(name))  // table scope: only <table> and <template> stop it
      close_nearest({name}, [name](Name n) {
        return n != name && among(n, NameSet({"html", "table", "template"}));
      });
    else if (is_heading(name))  // closes the nearest heading of any level
      close_nearest({lit("h1"), lit("h2"), lit("h3"), lit("h4"), lit("h5"), lit("h6")},
                    is_scope_boundary);
    else if (name == lit("li"))  // list item scope: a nested list stops it
      close_nearest({name}, [](Name n) {
        return is_scope_boundary(n) || among(n, NameSet({"ol", "ul"}));
      });
    else if (name == lit("p")) {  // button scope
      // A </p> with no <p> to close makes one (an element per stray </p>: 8 MB of them
      // are 2M elements); when the <p> lies deeper than the window it counts one more.
      if (!close_nearest({name}, is_boundary)) ++out_->implied_elements;
    } else if (closes_in_scope(name))
      close_nearest({name}, [name](Name n) { return n != name && is_scope_boundary(n); });
    else if (name == lit("br")) ++out_->implied_elements;  // </br> is a <br>
    else if (close_nearest({name}, is_special_other_than(name)))
      forget_formatting(name);  // else gumbo keeps it listed (or it was not, and we
                                // count one too many)
    else
      adopt(name);  // a special element stood between: it keeps the formatting element
    return p;
  }

  // A script's text up to "</script" followed by space, '/' or '>'. Without such an end
  // tag the element is left open and what follows is scanned as markup: never hide from
  // the count what gumbo might parse.
  size_t skip_script(size_t tag_begin, size_t p) {
    size_t end = raw_end(p, lit("script"));
    if (end == std::string_view::npos) return p;
    note_text_only(tag_begin, p, end - std::string_view("</script").size());
    pop();
    return skip_to_gt(end);
  }

  // Content [from, to) of the element whose start tag begins at tag_begin, when gumbo
  // may skip it (HtmlScan::text_only): JSON is data the meta reader wants, and "<!--"
  // in a script starts escapes whose end tags differ.
  void note_text_only(size_t tag_begin, size_t from, size_t to) {
    if (to < from + kTextOnlyBytes) return;
    std::string_view tag = s_.substr(tag_begin, from - tag_begin);
    for (size_t at = tag.find_first_of("jJ"); at != std::string_view::npos;
         at = tag.find_first_of("jJ", at + 1))
      if (name_of(tag.substr(at, 4)) == lit("json")) return;
    if (s_.substr(from, to - from).find("<!--") != std::string_view::npos) return;
    out_->text_only.emplace_back(from, to);
  }

  Name counting_in_ = 0;  // the raw-text element whose content is being counted
  size_t counting_tag_ = 0, counting_from_ = 0;  // its start tag and content begin
  bool counting_text_only_ = false;  // its content is surely text (a <style>'s)
  bool frameset_ok_ = true;   // a <frameset> would still replace the body
  bool counting_keeps_ = false;  // the counted element's end tag closes nothing
  bool in_frameset_ = false;  // after the page's frameset
};

// "page nests elements 300000 deep (limit 2000)": `what` holds one %, the figure.
std::string over(std::string_view what, unsigned long long value, unsigned long long limit) {
  size_t at = what.find('%');
  return "page " + std::string(what.substr(0, at)) + std::to_string(value) +
         std::string(what.substr(at + 1)) + " (limit " + std::to_string(limit) + ")";
}

}  // namespace

bool guard_html(std::string_view utf8, const ParseLimits& limits, HtmlScan* scan,
                std::string* err) {
  *scan = HtmlScan{};
  std::string why;
  if (utf8.size() > limits.max_bytes) {
    why = "page of " + std::to_string(utf8.size()) + " bytes is over the limit of " +
          std::to_string(limits.max_bytes);
  } else {
    Scanner(utf8, limits.max_nesting + 1, scan).run();
    if (scan->max_attributes > limits.max_attributes)
      why = over("has a tag with % attributes", scan->max_attributes, limits.max_attributes);
    else if (scan->max_formatting > limits.max_formatting)
      why = over("leaves % formatting elements (<b>, <font> & co.) open", scan->max_formatting,
                 limits.max_formatting);
    else if (scan->max_nesting > limits.max_nesting)
      why = over("nests elements % deep", scan->max_nesting, limits.max_nesting);
    else if (scan->start_tags > limits.max_tags)
      why = over("has % start tags", scan->start_tags, limits.max_tags);
    else if (scan->start_tags + scan->implied_elements > limits.max_tags)
      why = over("makes % elements, counting those its stray end tags make",
                 scan->start_tags + scan->implied_elements, limits.max_tags);
    else if (scan->nesting_work > limits.max_nesting_work)
      why = over("nests many tags deep: nesting summed over its tags is %", scan->nesting_work,
                 limits.max_nesting_work);
    else if (scan->formatting_work > limits.max_formatting_work)
      why = over("reopens formatting elements in many blocks: open ones summed over its tags is %",
                 scan->formatting_work, limits.max_formatting_work);
  }
  if (why.empty()) return true;
  if (err) *err = why;
  return false;
}

}  // namespace credcheck
