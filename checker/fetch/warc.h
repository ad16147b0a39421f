// Pages out of web archives: WARC/1.0 and 1.1 files, plain or gzipped (one gzip member per
// record, as crawlers write them; zlib inflates member after member). Records are read
// one at a time through fixed buffers, so memory does not grow with the file; a record
// over the byte cap is passed over, not read. Damage costs the damaged record only: a
// corrupt gzip member is skipped to the next member, a record that is not one to the next
// "WARC/" line, and each becomes a record with `error` set.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>

namespace credcheck {

class WarcBytes;

// Does the path name a WARC file (.warc or .warc.gz, any case)?
bool is_warc_path(const std::string& path);

struct WarcRecord {
  std::string key;           // "FILE#OFFSET": where the record starts (its gzip member's offset)
  std::string type;          // "response" or "resource"
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date
  std::string content_type;  // the page's: the HTTP Content-Type of a response, the record's of a resource
  long http_status = 0;      // a response's HTTP status; 0 for a resource
  std::string body;          // the page: HTTP headers stripped, chunked transfer decoded
  std::string error;         // set: this record cannot be checked (why, for a person); body empty
};

// What a file held, for the note a scan prints at its end.
struct WarcCounts {
  size_t records = 0;   // every record seen, damaged ones included
  size_t pages = 0;     // HTML responses and resources handed on
  size_t not_html = 0;  // responses and resources that are not HTML
  size_t other = 0;     // request, metadata, warcinfo, revisit records; redirects
  size_t damaged = 0;   // handed on with `error` set
};

struct WarcLimits {
  size_t max_body_bytes = 16 << 20;  // a larger record is an error record, passed over unread
  size_t max_header_bytes = 64 << 10;  // WARC or HTTP headers larger than this: a corrupt record
};

class WarcReader {
 public:
  // Reads `in` (which must outlive the reader); `name` starts each record's key. Gzip is
  // recognised by its first bytes, whatever the name says.
  WarcReader(std::istream& in, std::string name, WarcLimits limits = {});
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // The next HTML record, or the next record that is damaged, over the cap or an HTTP
  // error (with `error` set); false at the end of the file. Other records are counted.
  bool next(WarcRecord* record);
  const WarcCounts& counts() const { return counts_; }
  // One line for a person: "x.warc.gz: 120 records: 80 HTML pages, 30 not HTML, ...".
  std::string summary() const;

 private:
  // Reads one record; *page: it goes to the caller (a page or an error record).
  bool read_record(WarcRecord* record, bool* page);
  void damaged(WarcRecord* record, const std::string& why);
  // Passes over lines up to the next "WARC/" line, which the next record starts with.
  void resync();

  std::unique_ptr<WarcBytes> bytes_;
  std::string name_;
  WarcLimits limits_;
  WarcCounts counts_;
  uint64_t last_offset_ = UINT64_MAX;
  size_t same_offset_ = 0;
  bool have_version_line_ = false;  // resync() found the next record's first line
  std::string version_line_;
  uint64_t version_offset_ = 0;
};

}  // namespace credcheck
