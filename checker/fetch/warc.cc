#include "checker/fetch/warc.h"

#include <charconv>

#include "checker/fetch/warc_bytes.h"
#include "checker/fetch/warc_payload.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

using utf8::ascii_lower;
using warc::header;
using warc::read_headers;
using warc::read_line;

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

bool is_warc_path(const std::string& path) {
  std::string lower = ascii_lower(path);
  return ends_with(lower, ".warc") || ends_with(lower, ".warc.gz");
}

WarcReader::WarcReader(std::istream& in, std::string name, WarcLimits limits)
    : bytes_(std::make_unique<WarcBytes>(in)), name_(std::move(name)), limits_(limits) {}

WarcReader::~WarcReader() = default;

std::string WarcReader::summary() const {
  return name_ + ": " + std::to_string(counts_.records) + " WARC records: " +
         std::to_string(counts_.pages) + " HTML pages read, " + std::to_string(counts_.damaged) +
         " unreadable (reported as unchecked), " + std::to_string(counts_.not_html) +
         " not HTML, " + std::to_string(counts_.other) +
         " other (requests, metadata, revisits, redirects) passed over";
}

bool WarcReader::next(WarcRecord* record) {
  for (;;) {
    *record = WarcRecord{};
    bool page = false;
    if (!read_record(record, &page)) return false;
    if (page) return true;
  }
}

void WarcReader::damaged(WarcRecord* record, const std::string& why) {
  record->error = record->key + ": " + why +
                  (record->target_uri.empty() ? "" : " (" + utf8::sanitize(record->target_uri) + ")");
  record->body.clear();
  ++counts_.damaged;
}

void WarcReader::resync() {
  std::string line;
  for (;;) {
    bytes_->resume();
    if (bytes_->peek() < 0 && !bytes_->broken()) return;
    uint64_t at = bytes_->offset();
    uint64_t consumed = 0;
    bool too_long = false;
    if (!read_line(*bytes_, limits_.max_header_bytes, &line, &consumed, &too_long)) {
      if (bytes_->broken()) continue;
      return;
    }
    if (!too_long && line.rfind("WARC/", 0) == 0) {
      have_version_line_ = true;
      version_line_ = line;
      version_offset_ = at;
      return;
    }
  }
}

bool WarcReader::read_record(WarcRecord* record, bool* page) {
  WarcBytes& b = *bytes_;
  std::string line;
  uint64_t offset = 0, consumed = 0;
  bool too_long = false;
  if (have_version_line_) {
    have_version_line_ = false;
    line = version_line_;
    offset = version_offset_;
  } else {
    b.resume();
    int c;
    while ((c = b.peek()) == '\r' || c == '\n') b.get();  // the blank lines that end a record
    if (c < 0 && !b.broken()) return false;
    offset = b.offset();
    if (c >= 0 && !read_line(b, limits_.max_header_bytes, &line, &consumed, &too_long)) return false;
  }
  same_offset_ = offset == last_offset_ ? same_offset_ + 1 : 0;
  last_offset_ = offset;
  record->key = name_ + "#" + std::to_string(offset) +
                (same_offset_ > 0 ? "+" + std::to_string(same_offset_) : "");
  ++counts_.records;
  *page = true;
  if (b.broken()) {  // the member holding this record is corrupt
    damaged(record, b.damage());
    resync();
    return true;
  }
  if (too_long || line.rfind("WARC/", 0) != 0) {
    damaged(record, "not a WARC record (it does not start with a WARC/1.0 or WARC/1.1 line)");
    resync();
    return true;
  }
  std::vector<std::pair<std::string, std::string>> headers;
  std::string why;
  bool headers_ok = read_headers(b, limits_.max_header_bytes, &headers, &consumed, &why);
  record->type = ascii_lower(header(headers, "warc-type"));
  record->target_uri = header(headers, "warc-target-uri");
  if (record->target_uri.size() >= 2 && record->target_uri.front() == '<' && record->target_uri.back() == '>')
    record->target_uri = record->target_uri.substr(1, record->target_uri.size() - 2);  // WARC/1.0's form
  record->date = header(headers, "warc-date");
  record->content_type = header(headers, "content-type");
  if (!headers_ok) {
    damaged(record, "corrupt record: " + why);
    resync();
    return true;
  }
  uint64_t length = 0;
  if (!warc::parse_length(header(headers, "content-length"), &length)) {
    damaged(record, "corrupt record: no valid Content-Length");
    resync();
    return true;
  }
  if (line != "WARC/1.0" && line != "WARC/1.1") {
    b.take(length, nullptr);
    damaged(record, "WARC version '" + utf8::sanitize(line.substr(5, 20)) + "' is not read (1.0 and 1.1 are)");
    return true;
  }
  if (record->type != "response" && record->type != "resource") {
    if (b.take(length, nullptr) < length) {
      damaged(record, b.broken() ? b.damage() : "truncated record");
      return true;
    }
    *page = false;
    ++counts_.other;
    return true;
  }
  PayloadOutcome outcome = read_payload(b, length, record, limits_);
  switch (outcome) {
    case PayloadOutcome::page: ++counts_.pages; break;
    case PayloadOutcome::not_html: *page = false; ++counts_.not_html; break;
    case PayloadOutcome::other: *page = false; ++counts_.other; break;
    case PayloadOutcome::error: damaged(record, record->error); break;
  }
  return true;
}

}  // namespace credcheck
