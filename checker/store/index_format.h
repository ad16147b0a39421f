// The originals index's file format, shared by its writer and its reader
// (checker/store/index_writer.cc, index_reader.cc).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace credcheck::index_format {

// Marks are stored as their top 47 bits: SQLite keeps such an integer in 6 bytes
// instead of 8, a quarter off the postings, and a mark only nominates candidates (the
// exact score is over full 64-bit shingles), so a rare collision costs one extra score.
inline int64_t stored_mark(uint64_t mark) { return static_cast<int64_t>(mark >> 17); }

// The tables; run by a writer on every open (CREATE ... IF NOT EXISTS).
extern const char* const kSchema;

// A mark's posting list: the ids of the originals that have it, ascending, as varints
// of the gaps between them. One row per mark, keyed by the mark as its rowid: a lookup
// is one seek and one step, where a row per (mark, original) stepped through every
// posting, and for a common mark (kCommonMark) read 49 rows to throw them away. `n`, the
// count, comes before the list so a reader skips a common mark's list without reading
// it (SQLite reads a column's overflow pages only when it is asked for).
std::string encode_ids(const std::vector<int64_t>& ids);
// Appends the ids of a list encode_ids() wrote (positive, ascending); false when the
// bytes are not one: cut short, a zero gap, or an id past INT64_MAX.
bool decode_ids(const unsigned char* p, size_t size, std::vector<int64_t>* ids);

// The day an original was published, "YYYY-MM-DD", from its date as printed or in meta
// ("2024-05-01T08:00:00+08:00", "2024年5月3日 19:30", "2024/05/03"); "" when it names
// no year or no real day. Stored beside the printed form so `index stats` gives a
// range, whatever form each page printed.
std::string published_day(std::string_view published);

// True when the index at `path` (open as db) is of the schema this build reads;
// otherwise *err says which it is and to rebuild it.
bool check_version(sqlite3* db, const std::string& path, std::string* err);

}  // namespace credcheck::index_format
