#include "checker/fetch/warc_bytes.h"

#include <algorithm>
#include <cstring>

namespace credcheck {
namespace {
constexpr size_t kBuffer = 1 << 16;
}

WarcBytes::WarcBytes(std::istream& in) : in_(in), in_buf_(kBuffer), out_(kBuffer) {
  refill_input();
  gzip_ = in_len_ >= 2 && static_cast<unsigned char>(in_buf_[0]) == 0x1F &&
          static_cast<unsigned char>(in_buf_[1]) == 0x8B;
  if (gzip_) {
    zinit_ = inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK;  // 16: a gzip wrapper
    zs_.next_in = reinterpret_cast<Bytef*>(in_buf_.data());
    zs_.avail_in = static_cast<uInt>(in_len_);
  }
}

WarcBytes::~WarcBytes() {
  if (zinit_) inflateEnd(&zs_);
}

uint64_t WarcBytes::input_offset() const {
  return in_base_ + (reinterpret_cast<const char*>(zs_.next_in) - in_buf_.data());
}

// Moves the unread input to the front of in_buf_ and reads more after it; false when
// nothing more came.
bool WarcBytes::refill_input() {
  if (input_done_) return false;
  size_t keep = 0;
  if (gzip_ && zinit_) {
    keep = zs_.avail_in;
    size_t used = in_len_ - keep;
    std::memmove(in_buf_.data(), in_buf_.data() + used, keep);
    in_base_ += used;
  } else {
    in_base_ += in_len_;
  }
  in_.read(in_buf_.data() + keep, static_cast<std::streamsize>(in_buf_.size() - keep));
  size_t got = static_cast<size_t>(in_.gcount());
  in_len_ = keep + got;
  if (gzip_ && zinit_) {
    zs_.next_in = reinterpret_cast<Bytef*>(in_buf_.data());
    zs_.avail_in = static_cast<uInt>(in_len_);
  }
  if (got == 0) input_done_ = true;
  return got > 0;
}

bool WarcBytes::fill() {
  out_pos_ = out_len_ = 0;
  if (broken_) return false;
  return gzip_ ? fill_gzip() : fill_plain();
}

bool WarcBytes::fill_plain() {
  if (in_len_ == 0 && !refill_input()) return false;
  // The input buffer is handed over whole: plain bytes need no copy between buffers.
  std::swap(in_buf_, out_);
  chunk_start_ = in_base_;
  out_len_ = in_len_;
  in_base_ += in_len_;
  in_len_ = 0;
  in_buf_.resize(kBuffer);
  return out_len_ > 0;
}

// Past a corrupt member: to the next gzip magic (1f 8b 08) after the point of damage.
void WarcBytes::skip_to_next_member() {
  inflateReset(&zs_);
  in_member_ = false;
  // At least one byte past the broken member's start, so a bad header cannot stop us there.
  if (input_offset() <= member_start_ && zs_.avail_in > 0) {
    ++zs_.next_in;
    --zs_.avail_in;
  }
  for (;;) {
    const char* begin = reinterpret_cast<const char*>(zs_.next_in);
    const char* end = begin + zs_.avail_in;
    for (const char* p = begin; p + 2 < end; ++p) {
      if (static_cast<unsigned char>(p[0]) == 0x1F && static_cast<unsigned char>(p[1]) == 0x8B &&
          p[2] == 0x08) {
        zs_.next_in += p - begin;
        zs_.avail_in -= static_cast<uInt>(p - begin);
        return;
      }
    }
    // Keep the last two bytes: the magic may straddle the buffers.
    size_t drop = zs_.avail_in > 2 ? zs_.avail_in - 2 : 0;
    zs_.next_in += drop;
    zs_.avail_in -= static_cast<uInt>(drop);
    if (!refill_input()) {
      zs_.avail_in = 0;
      return;
    }
  }
}

bool WarcBytes::fill_gzip() {
  if (!zinit_) {
    broken_ = true;
    damage_ = "zlib could not start";
    return false;
  }
  for (;;) {
    if (zs_.avail_in == 0 && !refill_input()) {
      if (in_member_) {
        in_member_ = false;
        broken_ = true;
        damage_ = "the file ends inside a gzip member (truncated)";
      }
      return false;
    }
    if (!in_member_) {
      member_start_ = input_offset();
      in_member_ = true;
    }
    zs_.next_out = reinterpret_cast<Bytef*>(out_.data());
    zs_.avail_out = static_cast<uInt>(out_.size());
    int ret = inflate(&zs_, Z_NO_FLUSH);
    size_t produced = out_.size() - zs_.avail_out;
    if (ret == Z_STREAM_END) {
      inflateReset(&zs_);
      in_member_ = false;
    } else if (ret == Z_BUF_ERROR) {
      if (zs_.avail_in != 0) ret = Z_DATA_ERROR;  // no progress with input and room: stuck
    } else if (ret != Z_OK) {
      ret = Z_DATA_ERROR;
    }
    if (ret == Z_DATA_ERROR) {
      damage_ = std::string("corrupt gzip data at byte ") + std::to_string(input_offset()) +
                (zs_.msg ? std::string(" (") + zs_.msg + ")" : std::string());
      broken_ = true;
      chunk_start_ = member_start_;  // the damaged record is the one this member began
      skip_to_next_member();
      return false;
    }
    if (produced > 0) {
      chunk_start_ = member_start_;
      out_len_ = produced;
      return true;
    }
  }
}

uint64_t WarcBytes::take(uint64_t n, std::string* to) {
  uint64_t done = 0;
  while (done < n) {
    if (out_pos_ == out_len_ && !fill()) break;
    size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, out_len_ - out_pos_));
    if (to) to->append(out_.data() + out_pos_, k);
    out_pos_ += k;
    done += k;
  }
  return done;
}

}  // namespace credcheck
