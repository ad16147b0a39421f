#include "checker/decode/decode.h"

#include <string>
#include <utility>
#include <vector>

#include "checker/decode/charset.h"
#include "checker/decode/convert.h"
#include "checker/decode/sniff.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

struct Candidate {
  Charset charset;
  std::string source;  // "header", "meta", "detected"
};

// The least bad decoding so far, used when no candidate decodes cleanly. It starts as
// UTF-8 with replacement characters ("default"); `text` is filled only for others.
struct Fallback {
  Charset charset;
  std::string source;
  size_t errors = 0;
  std::string text;
};

Decoded finish(std::string text, const Charset& charset, const std::string& source) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  return Decoded{std::move(text), charset.name, source};
}

bool is_utf16(const Charset& c) { return c.name == "utf-16le" || c.name == "utf-16be"; }

Decoded decode_with_bom(std::string_view rest, const std::string& name) {
  Charset charset;
  lookup_charset(name, &charset);
  if (charset.name == "utf-8") return finish(utf8::sanitize(rest), charset, "bom");
  Conversion conv;
  convert_to_utf8(rest, charset.iconv, SIZE_MAX, &conv);
  return finish(std::move(conv.text), charset, "bom");
}

// The header's charset, then each <meta> one, without repeats. A <meta> naming UTF-16
// means UTF-8 (WHATWG): a page that is really UTF-16 could not be read as ASCII.
std::vector<Candidate> declared(std::string_view bytes, std::string_view content_type) {
  std::vector<Candidate> out;
  auto add = [&out](Charset c, const char* source) {
    for (const Candidate& seen : out) {
      if (seen.charset.name == c.name) return;
    }
    out.push_back({std::move(c), source});
  };
  Charset c;
  if (lookup_charset(sniff_header(content_type), &c)) add(c, "header");
  for (const std::string& label : sniff_meta(bytes)) {
    if (lookup_charset(label, &c)) add(is_utf16(c) ? utf8_charset() : c, "meta");
  }
  return out;
}

bool detected(std::string_view bytes, Candidate* out) {
  std::string name = detect_charset(bytes);
  // uchardet says ASCII for pages without a non-ASCII byte: UTF-8 reads them the same.
  if (name == "ASCII" || name == "ascii") name = "utf-8";
  if (!lookup_charset(name, &out->charset)) return false;
  out->source = "detected";
  return true;
}

bool already_tried(const std::vector<Candidate>& tried, const Candidate& c) {
  for (const Candidate& t : tried) {
    if (t.charset.name == c.charset.name) return true;
  }
  return false;
}

// Trial-decodes the page as `c`. True (and *out set) when it decodes without an error;
// otherwise *best keeps whichever decoding had the fewest errors.
bool try_candidate(std::string_view bytes, const Utf8Scan& scan, const Candidate& c,
                   Fallback* best, Decoded* out) {
  if (c.charset.name == "utf-8") {
    if (scan.errors == 0) {
      *out = finish(std::string(bytes), c.charset, c.source);
      return true;
    }
    if (best->charset.name == "utf-8" && best->source == "default") best->source = c.source;
    return false;
  }
  // Valid UTF-8 with non-ASCII text is UTF-8, whatever the label says: GB18030 and
  // Latin-1 would decode it too, into nonsense.
  if (scan.errors == 0 && scan.multibyte > 0) return false;
  if (is_utf16(c.charset) && bytes.find('\0') == std::string_view::npos) return false;
  Conversion conv;
  size_t limit = best->errors == 0 ? 0 : best->errors - 1;  // no use counting past best
  if (!convert_to_utf8(bytes, c.charset.iconv, limit, &conv) || !conv.complete) return false;
  if (conv.errors == 0) {
    *out = finish(std::move(conv.text), c.charset, c.source);
    return true;
  }
  *best = Fallback{c.charset, c.source, conv.errors, std::move(conv.text)};
  return false;
}

}  // namespace

Decoded decode_html(std::string_view bytes, std::string_view content_type) {
  size_t bom_len = 0;
  std::string bom = sniff_bom(bytes, &bom_len);
  if (!bom.empty()) return decode_with_bom(bytes.substr(bom_len), bom);

  Utf8Scan scan = scan_utf8(bytes);
  Fallback best{utf8_charset(), "default", scan.errors, ""};
  Decoded out;
  std::vector<Candidate> candidates = declared(bytes, content_type);
  for (const Candidate& c : candidates) {
    if (try_candidate(bytes, scan, c, &best, &out)) return out;
  }
  if (scan.errors == 0 && scan.multibyte > 0) {
    return finish(std::string(bytes), utf8_charset(), "detected");
  }
  Candidate guess;
  if (detected(bytes, &guess) && !already_tried(candidates, guess) &&
      try_candidate(bytes, scan, guess, &best, &out)) {
    return out;
  }
  if (best.charset.name == "utf-8") return finish(utf8::sanitize(bytes), best.charset, best.source);
  return finish(std::move(best.text), best.charset, best.source);
}

}  // namespace credcheck
