#include "app/own_address.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <set>

namespace plenum::server::app {

namespace {

// An IPv4 or IPv6 address as text (numeric form), or "" for another family.
std::string numeric(const sockaddr* a) {
  char text[INET6_ADDRSTRLEN] = {};
  if (a->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(a);
    return inet_ntop(AF_INET, &in->sin_addr, text, sizeof text) != nullptr ? text : "";
  }
  if (a->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(a);
    return inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text) != nullptr ? text : "";
  }
  return "";
}

std::set<std::string> interface_addresses() {
  std::set<std::string> out;
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0) return out;
  for (const ifaddrs* i = list; i != nullptr; i = i->ifa_next)
    if (i->ifa_addr != nullptr) out.insert(numeric(i->ifa_addr));
  ::freeifaddrs(list);
  out.erase("");
  return out;
}

// Whether `host` (a name, an IPv4 address or a bracketed IPv6 one) is one of `mine`.
bool is_mine(std::string host, const std::set<std::string>& mine) {
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0) return false;
  bool mine_too = false;
  for (const addrinfo* a = found; a != nullptr && !mine_too; a = a->ai_next)
    mine_too = mine.count(numeric(a->ai_addr)) != 0;
  ::freeaddrinfo(found);
  return mine_too;
}

}  // namespace

std::string own_hall_address(const std::vector<std::string>& hall_servers, std::uint16_t port) {
  if (port == 0 || hall_servers.empty()) return "";
  const auto mine = interface_addresses();
  constexpr std::string_view https = "https://";
  for (const auto& address : hall_servers) {
    const std::string rest = address.substr(https.size());
    const auto bracket = rest.find(']');
    const auto colon = rest.find(':', bracket == std::string::npos ? 0 : bracket);
    const std::string host = rest.substr(0, colon);
    const unsigned long at = colon == std::string::npos ? 443 : std::stoul(rest.substr(colon + 1));
    if (at == port && is_mine(host, mine)) return address;
  }
  return "";
}

}  // namespace plenum::server::app
