#include "checker/page/page_wire.h"

#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "checker/page/fields_json.h"

namespace credcheck::page_wire {

bool send_all(int fd, std::initializer_list<std::string_view> parts) {
  iovec iov[4];
  int count = 0;
  for (std::string_view part : parts)
    if (!part.empty() && count < 4) iov[count++] = {const_cast<char*>(part.data()), part.size()};
  iovec* at = iov;
  while (count > 0) {
    msghdr msg{};
    msg.msg_iov = at;
    msg.msg_iovlen = static_cast<size_t>(count);
    ssize_t n = sendmsg(fd, &msg, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    auto left = static_cast<size_t>(n);
    while (count > 0 && left >= at->iov_len) {
      left -= at->iov_len;
      ++at;
      --count;
    }
    if (count > 0) {
      at->iov_base = static_cast<char*>(at->iov_base) + left;
      at->iov_len -= left;
    }
  }
  return true;
}

bool read_exact(int fd, void* out, size_t n) {
  auto* p = static_cast<char*>(out);
  while (n > 0) {
    ssize_t got = ::read(fd, p, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    p += got;
    n -= static_cast<size_t>(got);
  }
  return true;
}

void send_reply(int fd, const Reply& r, bool* ok) {
  char head[20];
  uint64_t json_size = r.json.size(), text_size = r.text.size();
  std::memcpy(head, &r.kind, 4);
  std::memcpy(head + 4, &json_size, 8);
  std::memcpy(head + 12, &text_size, 8);
  *ok = send_all(fd, {{head, sizeof head}, r.json, r.text});
}

bool read_reply(int fd, Reply* r) {
  char head[20];
  if (!read_exact(fd, head, sizeof head)) return false;
  uint64_t json_size = 0, text_size = 0;
  std::memcpy(&r->kind, head, 4);
  std::memcpy(&json_size, head + 4, 8);
  std::memcpy(&text_size, head + 12, 8);
  r->json.resize(json_size);
  r->text.resize(text_size);
  return read_exact(fd, r->json.data(), json_size) && read_exact(fd, r->text.data(), text_size);
}

// Positions travel beside the contract's fields as {"field": [[line, column], ...]}.
constexpr const char* kPositions = "positions";

std::string encode_fields(const Fields& f) {
  nlohmann::ordered_json j = fields_json(f);
  nlohmann::ordered_json positions = nlohmann::ordered_json::object();
  for (const auto& [field, list] : f.positions) {
    nlohmann::ordered_json at = nlohmann::ordered_json::array();
    for (const SourcePos& p : list) at.push_back({p.line, p.column});
    positions[field] = std::move(at);
  }
  j[kPositions] = std::move(positions);
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool decode_fields(const Reply& r, Fields* f) {
  auto j = nlohmann::ordered_json::parse(r.json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return false;
  *f = fields_from_json(j);
  f->text = r.text;
  if (auto it = j.find(kPositions); it != j.end() && it->is_object())
    for (const auto& [field, list] : it->items()) {
      if (!list.is_array()) continue;
      std::vector<SourcePos>& out = f->positions[field];
      for (const auto& p : list)
        if (p.is_array() && p.size() == 2 && p[0].is_number_unsigned() && p[1].is_number_unsigned())
          out.push_back({p[0].get<uint32_t>(), p[1].get<uint32_t>()});
        else
          out.push_back({});
    }
  return true;
}

}  // namespace credcheck::page_wire
