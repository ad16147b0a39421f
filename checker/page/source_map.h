// Where things stand in the HTML source: the parser records each element's span (gumbo's
// source positions) as it builds the DOM, extractors note the element (and the text in it)
// each field item was read from, and the notes become line:column pairs in Fields.
// Lines count CR, LF and CRLF as one break each (as gumbo and SARIF do); columns count
// UTF-16 code units of the decoded text (SARIF's default columnKind), so they hold for
// the original file whatever its charset (a GBK character is one unit, as in an editor
// that reads the file as GBK). Both are 1-based.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

#include "checker/page/fields.h"

namespace credcheck {

class SourceMap {
 public:
  // parse_html: the text parsed (it must outlive the map's use) and each element's span,
  // as byte offsets into it, with the line of its start tag.
  void reset(std::string_view utf8);
  void add(const void* node, uint32_t begin, uint32_t end, uint32_t line);

  // Extractors: item `index` of `field` (as Fields names it: "links", "source_lines",
  // "title"...) was read from element n; with `text`, from that text inside it (its
  // first word is looked for in the element's source, else the start tag is taken).
  // Unknown elements (made up by the parser) are skipped.
  void note(const char* field, size_t index, pugi::xml_node n, std::string_view text = {});

  // Turns the notes into line:column pairs in out->positions, in one pass over the
  // noted places (a line's prefix is read once however many notes stand on it).
  void write(Fields* out);

 private:
  struct Span {
    const void* node;
    uint32_t begin, end, line;
  };
  struct Note {
    const char* field;
    size_t index;
    uint32_t offset, line;
  };
  const Span* span_of(const void* node);

  std::string_view src_;
  std::vector<Span> spans_;
  bool sorted_ = true;
  std::vector<Note> notes_;
  // The last text found in an element: the next text in the same element is looked for
  // after it, so an element's lines are found in one walk of its source.
  const void* last_node_ = nullptr;
  uint32_t last_found_ = 0;
};

// UTF-16 code units in a UTF-8 string (a 4-byte sequence is a surrogate pair).
size_t utf16_units(std::string_view utf8);

}  // namespace credcheck
