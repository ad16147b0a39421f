// The bytes of a WARC file, inflated when it is gzipped, through fixed buffers. Knows where
// each gzip member starts (a record's address in the file) and skips a corrupt member to
// the next one; the reader above learns of the skip because reading stops (`broken()`)
// until it calls resume(), so a damaged record never swallows the next one.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace credcheck {

class WarcBytes {
 public:
  explicit WarcBytes(std::istream& in);
  ~WarcBytes();
  WarcBytes(const WarcBytes&) = delete;
  WarcBytes& operator=(const WarcBytes&) = delete;

  // The next byte, or -1 at the end or after damage (until resume()).
  int get() {
    if (out_pos_ == out_len_ && !fill()) return -1;
    return static_cast<unsigned char>(out_[out_pos_++]);
  }
  int peek() {
    if (out_pos_ == out_len_ && !fill()) return -1;
    return static_cast<unsigned char>(out_[out_pos_]);
  }
  // Appends up to n bytes to *to (nullptr: drops them); returns how many there were.
  uint64_t take(uint64_t n, std::string* to);
  // Where the next byte's record starts in the file: its gzip member's offset, or for a
  // plain file the byte's own offset. Call after peek().
  uint64_t offset() const { return gzip_ ? chunk_start_ : chunk_start_ + out_pos_; }
  bool gzip() const { return gzip_; }
  // Reading stopped at damage: a corrupt gzip member was skipped, or the file ended inside one.
  bool broken() const { return broken_; }
  const std::string& damage() const { return damage_; }
  void resume() {
    broken_ = false;
    damage_.clear();
  }

 private:
  bool fill();
  bool fill_plain();
  bool fill_gzip();
  bool refill_input();
  void skip_to_next_member();
  uint64_t input_offset() const;

  std::istream& in_;
  bool gzip_ = false;
  bool zinit_ = false;
  z_stream zs_{};
  std::vector<char> in_buf_, out_;
  uint64_t in_base_ = 0;  // file offset of in_buf_[0]
  size_t in_len_ = 0;     // bytes of in_buf_ holding input
  size_t out_pos_ = 0, out_len_ = 0;
  uint64_t chunk_start_ = 0;   // plain: offset of out_[0]; gzip: start of the member out_ came from
  uint64_t member_start_ = 0;
  bool in_member_ = false;     // inflate is inside a member that has not ended
  bool input_done_ = false;
  bool broken_ = false;
  std::string damage_;
};

}  // namespace credcheck
