// The block of a WARC response or resource record: the HTTP message of a response
// (status, headers, chunked body, gzip or deflate content coding) or a resource's bytes,
// and whether it is a page. Shared line and header reading for warc.cc.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "checker/fetch/warc.h"
#include "checker/fetch/warc_bytes.h"

namespace credcheck {

enum class PayloadOutcome { page, not_html, other, error };

// Reads the record's block (`length` bytes: all of it is consumed, read or passed over).
// record->type and record->content_type (the WARC header's) are set on entry; on `page`
// body, content_type (the page's) and http_status are set; on `error`, record->error says
// why (the caller prefixes the record's key).
PayloadOutcome read_payload(WarcBytes& bytes, uint64_t length, WarcRecord* record,
                            const WarcLimits& limits);

namespace warc {

using Headers = std::vector<std::pair<std::string, std::string>>;

// One line without its CR LF (or LF); false at the end or at damage before any byte. A
// line past `cap` bytes is read to its end but kept only up to the cap (*too_long).
bool read_line(WarcBytes& bytes, size_t cap, std::string* line, uint64_t* consumed, bool* too_long);

// "Name: value" lines up to an empty line, names lower-cased, continuation lines joined.
// False with *why when the headers end early or grow past `cap`; *consumed counts bytes read.
bool read_headers(WarcBytes& bytes, size_t cap, Headers* out, uint64_t* consumed, std::string* why);

// The first header of that (lower-case) name; empty when absent.
std::string header(const Headers& headers, const char* name);

// A whole decimal length.
bool parse_length(const std::string& text, uint64_t* n);

}  // namespace warc
}  // namespace credcheck
