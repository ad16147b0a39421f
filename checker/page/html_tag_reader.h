// How the pre-pass (html_guard.cc) reads tags off raw bytes as gumbo's tokenizer does:
// comments, doctypes and CDATA skipped, names and attributes read, raw text skipped.
// Each search remembers its misses, so that many unterminated openers cost one pass.
// Internal to the page stage.
#pragma once

#include <gumbo.h>

#include <array>
#include <string_view>

#include "checker/page/html_tags.h"

namespace credcheck::html_tags {

class TagReader {
 protected:
  explicit TagReader(std::string_view s) : s_(s) {}

  // After "<!": a comment ends at "-->" or "--!>" (gumbo takes both; "<!-->" is one
  // too); CDATA in svg/math at "]]>"; anything else (doctype, CDATA elsewhere) at the
  // next '>'. A comment or CDATA that never ends leaves what follows to be scanned as
  // markup: a misjudged context must never hide from the count what gumbo parses.
  size_t skip_markup_declaration(size_t p, bool in_foreign) {
    if (in_foreign && s_.compare(p, 7, "[CDATA[") == 0) {
      size_t end = s_.find("]]>", p + 7);
      return end == std::string_view::npos ? p : end + 3;
    }
    if (s_.compare(p, 2, "--") != 0) return skip_to_gt(p);
    if (p >= no_comment_end_after_) return p;
    for (size_t q = p; q < s_.size();) {
      size_t dash = s_.find("--", q);
      if (dash == std::string_view::npos) break;
      size_t after = dash + 2;
      if (after < s_.size() && s_[after] == '>') return after + 1;
      if (after + 1 < s_.size() && s_[after] == '!' && s_[after + 1] == '>') return after + 2;
      q = dash + 1;
    }
    no_comment_end_after_ = p;  // so many unclosed comments cost one pass
    return p;
  }

  size_t skip_to_gt(size_t p) {
    size_t gt = s_.find('>', p);
    return gt == std::string_view::npos ? s_.size() : gt + 1;
  }

  size_t read_name(size_t p, Name* name) {
    size_t b = p;
    while (p < s_.size() && !is_space(s_[p]) && s_[p] != '/' && s_[p] != '>') ++p;
    *name = name_of(s_.substr(b, p - b));
    name_begin_ = b;
    name_end_ = p;
    return p;
  }

  // The last name read as gumbo 0.10.1 tells HTML elements apart: every name it does
  // not know is one tag, GUMBO_TAG_UNKNOWN, so </y> closes an open <x> (and an <x>
  // per repetition of "<x></y><y>" nests). svg and math elements keep their names.
  Name html_name(Name name) const {
    std::string_view raw = s_.substr(name_begin_, name_end_ - name_begin_);
    return gumbo_tagn_enum(raw.data(), static_cast<unsigned>(raw.size())) == GUMBO_TAG_UNKNOWN
               ? kUnknownTag
               : name;
  }

  // What a tag's attributes tell the scan.
  struct Attrs {
    size_t count = 0;
    bool self_closing = false;
    bool complete = false;       // the tag ends with '>'
    bool font_like = false;      // color, face or size: such a <font> ends svg/math
    bool html_encoding = false;  // encoding="text/html" (or xhtml): HTML inside MathML
  };

  // Attributes up to the tag's '>', as the tokenizer reads them (quoted values may
  // hold '>'). Returns the offset after '>'. A tag that never ends (gumbo drops it)
  // is left incomplete, and so is one with an unclosed quote, whose rest is then
  // scanned as markup: a misread quote must not hide the page from the count.
  size_t read_attributes(size_t p, Attrs* a) {
    *a = Attrs{};
    while (p < s_.size()) {
      char c = s_[p];
      if (is_space(c)) { ++p; continue; }
      if (c == '>') {
        a->complete = true;
        return p + 1;
      }
      if (c == '/') {
        a->self_closing = p + 1 < s_.size() && s_[p + 1] == '>';
        ++p;
        continue;
      }
      ++a->count;  // an attribute name: up to space, '/', '>' or '='
      size_t name_begin = p++;
      while (p < s_.size() && !is_space(s_[p]) && s_[p] != '/' && s_[p] != '>' && s_[p] != '=')
        ++p;
      Name attr = name_of(s_.substr(name_begin, p - name_begin));
      if (among(attr, NameSet({"color", "face", "size"}))) a->font_like = true;
      while (p < s_.size() && is_space(s_[p])) ++p;
      if (p >= s_.size() || s_[p] != '=') continue;
      ++p;
      while (p < s_.size() && is_space(s_[p])) ++p;
      if (p >= s_.size()) break;
      size_t value_begin = p, value_end;
      if (s_[p] == '"' || s_[p] == '\'') {
        size_t close = find_quote(s_[p], p + 1);
        if (close == std::string_view::npos) return p + 1;
        value_begin = p + 1;
        value_end = close;
        p = close + 1;
      } else {
        while (p < s_.size() && !is_space(s_[p]) && s_[p] != '>') ++p;
        value_end = p;
      }
      if (attr == lit("encoding")) {
        Name v = name_of(s_.substr(value_begin, value_end - value_begin));
        a->html_encoding = v == name_of("text/html") || v == name_of("application/xhtml+xml");
      }
    }
    return s_.size();
  }

  // The next `quote` at or after p, or npos; remembers a miss, so that many unclosed
  // quotes cost one pass.
  size_t find_quote(char quote, size_t p) {
    size_t& miss = quote == '"' ? no_double_quote_after_ : no_single_quote_after_;
    if (p >= miss) return std::string_view::npos;
    size_t at = s_.find(quote, p);
    if (at == std::string_view::npos) miss = p;
    return at;
  }

  // Where the next "</name" at or after p ends (past its name), or npos. Remembers
  // the last answer for each name, so that many unterminated openers cost one pass.
  size_t raw_end(size_t p, Name name) {
    RawEnd* slot = nullptr;
    for (RawEnd& r : raw_ends_)
      if (r.name == name || r.name == 0) {
        slot = &r;
        break;
      }
    if (!slot) return std::string_view::npos;  // all slots taken: can't happen (8 names)
    if (slot->name == name && (slot->at == std::string_view::npos || slot->at >= p))
      return slot->at;
    slot->name = name;
    slot->at = std::string_view::npos;
    for (size_t q = p; q < s_.size();) {
      size_t lt = s_.find("</", q);
      if (lt == std::string_view::npos) break;
      Name end;
      size_t after = read_name(lt + 2, &end);
      if (end == name) {
        slot->at = after;
        break;
      }
      q = lt + 2;
    }
    return slot->at;
  }


  std::string_view s_;

 private:
  size_t name_begin_ = 0, name_end_ = 0;  // where the last name read lies in s_
  size_t no_comment_end_after_ = std::string_view::npos;
  size_t no_double_quote_after_ = std::string_view::npos;
  size_t no_single_quote_after_ = std::string_view::npos;
  struct RawEnd {
    Name name = 0;
    size_t at = 0;
  };
  std::array<RawEnd, 8> raw_ends_{};  // one per raw-text element name
};

}  // namespace credcheck::html_tags
