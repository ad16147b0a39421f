// The page workers' wire and exit codes, shared by the pool (page_workers.cc) and the
// worker (page_worker.cc). Internal to the page stage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "checker/page/fields.h"

namespace credcheck::page_wire {

// How a worker that broke a limit exits (distinct from 0-2 and from signals).
inline constexpr int kExitOutOfMemory = 86;
inline constexpr int kExitTooSlow = 87;

enum Kind : uint32_t { kFields = 0, kRefused = 1 };

// Writes all of `head` then `body` with one sendmsg where the socket takes it (no
// SIGPIPE: a dead peer is an error). False on any error.
bool send_all(int fd, std::string_view head, std::string_view body);

// Reads exactly n bytes; false on EOF or error (a short read is an error).
bool read_exact(int fd, void* out, size_t n);

// The fields as JSON: the contract's `fields` plus the article `text`, which only the
// wire carries (matching needs it; reports do not print it).
std::string encode_fields(const Fields& f);
bool decode_fields(std::string_view json, Fields* f);

}  // namespace credcheck::page_wire
