// Which peer addresses the fetcher may connect to. Private to checker/fetch.
#pragma once

#include <sys/socket.h>

#include <string>

namespace credcheck {

// True when `addr` (AF_INET or AF_INET6) is loopback, private, link-local, shared
// (100.64/10), "this network" (0/8), multicast, reserved or unspecified; an IPv6
// address that embeds an IPv4 one (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d) is
// judged by the IPv4 address. Unknown families count as private (refused).
bool is_private_address(const struct sockaddr* addr);

// The address as text ("127.0.0.1", "::1"); "?" for an unknown family.
std::string address_text(const struct sockaddr* addr);

}  // namespace credcheck
