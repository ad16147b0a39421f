#include "checker/fetch/address.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>

namespace credcheck {
namespace {

// `a` in host byte order.
bool is_private_v4(uint32_t a) {
  auto in = [a](uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
  return in(0x00000000, 8) ||    // 0/8 "this network"
         in(0x0A000000, 8) ||    // 10/8
         in(0x64400000, 10) ||   // 100.64/10 carrier-grade NAT
         in(0x7F000000, 8) ||    // 127/8 loopback
         in(0xA9FE0000, 16) ||   // 169.254/16 link-local (cloud metadata lives here)
         in(0xAC100000, 12) ||   // 172.16/12
         in(0xC0000000, 24) ||   // 192.0.0/24 protocol assignments
         in(0xC0A80000, 16) ||   // 192.168/16
         in(0xC6120000, 15) ||   // 198.18/15 benchmarking
         in(0xE0000000, 4) ||    // 224/4 multicast
         in(0xF0000000, 4);      // 240/4 reserved, broadcast
}

bool is_private_v6(const unsigned char* b) {
  static const unsigned char zero[16] = {};
  static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  static const unsigned char nat64[12] = {0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, mapped, 12) == 0 || std::memcmp(b, nat64, 12) == 0 ||
      std::memcmp(b, zero, 12) == 0) {
    // ::ffff:a.b.c.d, 64:ff9b::a.b.c.d and ::a.b.c.d (which covers :: and ::1).
    // :: and ::1 fall in 0/8 that way.
    uint32_t v4 = (uint32_t{b[12]} << 24) | (uint32_t{b[13]} << 16) | (uint32_t{b[14]} << 8) |
                  b[15];
    return is_private_v4(v4);
  }
  return (b[0] & 0xFE) == 0xFC ||                   // fc00::/7 unique local
         (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) ||  // fe80::/10 link-local
         (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) ||  // fec0::/10 old site-local
         b[0] == 0xFF;                               // ff00::/8 multicast
}

}  // namespace

bool is_private_address(const struct sockaddr* addr) {
  if (addr->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(addr);
    return is_private_v4(ntohl(v4->sin_addr.s_addr));
  }
  if (addr->sa_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(addr);
    return is_private_v6(v6->sin6_addr.s6_addr);
  }
  return true;
}

std::string address_text(const struct sockaddr* addr) {
  char buf[INET6_ADDRSTRLEN] = "?";
  if (addr->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(addr)->sin_addr, buf, sizeof buf);
  } else if (addr->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(addr)->sin6_addr, buf, sizeof buf);
  }
  return buf;
}

}  // namespace credcheck
