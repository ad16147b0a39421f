// The page workers' wire and exit codes, shared by the pool (page_workers.cc) and the
// worker (page_worker.cc). Internal to the page stage.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "checker/page/fields.h"

namespace credcheck::page_wire {

// How a worker that broke a limit exits (distinct from 0-2 and from signals).
inline constexpr int kExitOutOfMemory = 86;
inline constexpr int kExitTooSlow = 87;

enum Kind : uint32_t { kFields = 0, kRefused = 1 };

// Writes the parts in order with one sendmsg where the socket takes them all (no
// SIGPIPE: a dead peer is an error). False on any error.
bool send_all(int fd, std::initializer_list<std::string_view> parts);

// Reads exactly n bytes; false on EOF or error (a short read is an error).
bool read_exact(int fd, void* out, size_t n);

// A page's answer: kind, then the fields as the contract's JSON and, beside it as raw
// bytes (the largest part: escaping and parsing it as JSON cost ~5% of a page), the
// article `text` that matching needs and reports do not print. A refusal is its
// message in place of the JSON, with no text.
struct Reply {
  uint32_t kind = kFields;
  std::string json;
  std::string text;
};
void send_reply(int fd, const Reply& r, bool* ok);
bool read_reply(int fd, Reply* r);
std::string encode_fields(const Fields& f);  // without the text
bool decode_fields(const Reply& r, Fields* f);

}  // namespace credcheck::page_wire
