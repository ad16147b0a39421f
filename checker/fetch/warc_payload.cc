#include "checker/fetch/warc_payload.h"

#include <zlib.h>

#include <charconv>

#include "checker/text/utf8.h"

namespace credcheck {
namespace warc {

using utf8::ascii_lower;

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

// One line without its CR LF (or LF); false at the end or at damage before any byte. A
// line past `cap` bytes is read to its end but kept only up to the cap (*too_long).
bool read_line(WarcBytes& bytes, size_t cap, std::string* line, uint64_t* consumed, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  for (;;) {
    int c = bytes.get();
    if (c < 0) return any;
    any = true;
    ++*consumed;
    if (c == '\n') break;
    if (line->size() < cap) line->push_back(static_cast<char>(c));
    else *too_long = true;
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

// "Name: value" lines up to an empty line, names lower-cased, continuation lines joined.
// False when the headers end early or grow past `cap`; *consumed counts the bytes read.
bool read_headers(WarcBytes& bytes, size_t cap, Headers* out,
                  uint64_t* consumed, std::string* why) {
  std::string line;
  uint64_t start = *consumed;
  for (;;) {
    bool too_long = false;
    if (!read_line(bytes, cap, &line, consumed, &too_long)) {
      *why = bytes.broken() ? bytes.damage() : "the file ends inside the record's headers (truncated)";
      return false;
    }
    if (too_long || *consumed - start > cap) {
      *why = "headers longer than " + std::to_string(cap) + " bytes";
      return false;
    }
    if (line.empty()) return true;
    if ((line[0] == ' ' || line[0] == '\t') && !out->empty()) {
      out->back().second += " " + trim(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string::npos || colon == 0) {
      *why = "a header line without a name: '" + utf8::sanitize(line.substr(0, 60)) + "'";
      return false;
    }
    out->emplace_back(ascii_lower(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
  }
}

std::string header(const Headers& headers, const char* name) {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return "";
}

bool parse_length(const std::string& text, uint64_t* n) {
  if (text.empty() || text.size() > 18) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *n);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace warc

namespace {

using warc::header;
using warc::Headers;
using warc::trim;
using utf8::ascii_lower;

bool is_html_type(const std::string& content_type) {
  std::string type = ascii_lower(content_type.substr(0, content_type.find(';')));
  return type.find("html") != std::string::npos;
}

// An undeclared body is a page when it opens with an HTML document's first tag.
bool looks_like_html(const std::string& body) {
  std::string head = ascii_lower(body.substr(0, 1024));
  size_t at = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  at = head.find_first_not_of(" \t\r\n", at);
  if (at == std::string::npos || head[at] != '<') return false;
  return head.find("<html", at) != std::string::npos || head.find("<!doctype html", at) != std::string::npos;
}

// Chunked transfer coding (RFC 9112 7.1): sizes in hex, extensions and trailers ignored.
bool dechunk(const std::string& in, std::string* out) {
  out->clear();
  size_t at = 0;
  for (;;) {
    size_t eol = in.find('\n', at);
    if (eol == std::string::npos) return false;
    std::string line = in.substr(at, eol - at);
    line = line.substr(0, line.find(';'));
    uint64_t size = 0;
    std::string hex = trim(line);
    auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), size, 16);
    if (hex.empty() || ec != std::errc() || end != hex.data() + hex.size()) return false;
    at = eol + 1;
    if (size == 0) return true;
    if (size > in.size() - at) return false;
    out->append(in, at, size);
    at += size;
    if (at < in.size() && in[at] == '\r') ++at;
    if (at < in.size() && in[at] == '\n') ++at;
  }
}

// gzip or zlib/deflate content coding, stopped past `cap` bytes.
bool inflate_body(const std::string& in, size_t cap, std::string* out, std::string* why) {
  z_stream zs{};
  if (inflateInit2(&zs, 32 + MAX_WBITS) != Z_OK) {  // 32: gzip or zlib, told by the header
    *why = "zlib could not start";
    return false;
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  out->clear();
  char buf[1 << 15];
  int ret = Z_OK;
  while (ret == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    ret = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof buf - zs.avail_out);
    if (out->size() > cap) {
      inflateEnd(&zs);
      *why = "the page inflates past the cap of " + std::to_string(cap) + " bytes";
      return false;
    }
    if (ret == Z_BUF_ERROR && zs.avail_in == 0) break;  // ended without a trailer: keep what came
  }
  inflateEnd(&zs);
  if (ret != Z_STREAM_END && ret != Z_BUF_ERROR) {
    *why = "corrupt content coding";
    return false;
  }
  return true;
}

}  // namespace

PayloadOutcome read_payload(WarcBytes& b, uint64_t length, WarcRecord* record,
                            const WarcLimits& limits) {
  uint64_t consumed = 0;
  // Passes over what is left of the block; false (with the error set) when it is cut short.
  auto pass_rest = [&] {
    if (b.take(length - consumed, nullptr) == length - consumed) return true;
    record->error = b.broken() ? b.damage() : "truncated record";
    return false;
  };
  std::string content_type = record->content_type, transfer, coding;
  long status = 0;
  if (record->type == "response") {
    if (ascii_lower(content_type).find("application/http") == std::string::npos)
      return pass_rest() ? PayloadOutcome::other : PayloadOutcome::error;  // dns:, ftp: and the like
    std::string line, why;
    bool too_long = false;
    if (!warc::read_line(b, limits.max_header_bytes, &line, &consumed, &too_long)) {
      record->error = b.broken() ? b.damage() : "truncated record";
      return PayloadOutcome::error;
    }
    size_t sp = line.find(' ');
    if (too_long || line.rfind("HTTP/", 0) != 0 || sp == std::string::npos ||
        std::from_chars(line.data() + sp + 1, line.data() + line.size(), status).ec != std::errc()) {
      pass_rest();
      record->error = "a response record without an HTTP status line";
      return PayloadOutcome::error;
    }
    Headers http;
    if (!warc::read_headers(b, limits.max_header_bytes, &http, &consumed, &why)) {
      record->error = "HTTP headers: " + why;
      if (!b.broken()) pass_rest();
      return PayloadOutcome::error;
    }
    if (consumed > length) {
      record->error = "corrupt record: its HTTP headers run past its Content-Length";
      return PayloadOutcome::error;
    }
    content_type = header(http, "content-type");
    transfer = ascii_lower(header(http, "transfer-encoding"));
    coding = ascii_lower(header(http, "content-encoding"));
  }
  if (status >= 300 && status < 400) return pass_rest() ? PayloadOutcome::other : PayloadOutcome::error;
  bool declared = !trim(content_type).empty();
  if (declared && !is_html_type(content_type))
    return pass_rest() ? PayloadOutcome::not_html : PayloadOutcome::error;
  if (length > limits.max_body_bytes) {
    if (!pass_rest()) return PayloadOutcome::error;
    record->error = "a record of " + std::to_string(length) + " bytes, over the cap of " +
                    std::to_string(limits.max_body_bytes) + " bytes (--max-bytes): not read";
    return PayloadOutcome::error;
  }
  uint64_t size = length - consumed;
  if (b.take(size, &record->body) < size) {
    record->error = b.broken() ? b.damage() : "truncated record";
    return PayloadOutcome::error;
  }
  std::string why;
  if (transfer.find("chunked") != std::string::npos) {
    std::string plain;
    if (!dechunk(record->body, &plain)) {
      record->error = "corrupt chunked transfer coding";
      return PayloadOutcome::error;
    }
    record->body.swap(plain);
  }
  if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
    std::string plain;
    if (!inflate_body(record->body, limits.max_body_bytes, &plain, &why)) {
      record->error = "content coding " + coding + ": " + why;
      return PayloadOutcome::error;
    }
    record->body.swap(plain);
  } else if (!coding.empty() && coding != "identity") {
    record->error = "content coding '" + utf8::sanitize(coding.substr(0, 40)) + "' is not decoded";
    return PayloadOutcome::error;
  }
  if (!declared && !looks_like_html(record->body)) return PayloadOutcome::not_html;
  if (status >= 400) {
    record->error = "HTTP " + std::to_string(status);
    return PayloadOutcome::error;
  }
  record->content_type = content_type;
  record->http_status = status;
  return PayloadOutcome::page;
}

}  // namespace credcheck
