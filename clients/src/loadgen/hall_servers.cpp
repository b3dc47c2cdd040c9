#include "hall_servers.hpp"

#include <algorithm>
#include <charconv>

namespace plenum::clients::loadgen {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

std::optional<tcp::endpoint> loopback_endpoint(std::string_view address) {
  for (std::string_view scheme : {"https://", "wss://"})
    if (address.starts_with(scheme)) address.remove_prefix(scheme.size());
  if (const auto slash = address.find('/'); slash != std::string_view::npos)
    address = address.substr(0, slash);
  const auto colon = address.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string host(address.substr(0, colon));
  if (host == "localhost") host = "127.0.0.1";
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  const auto port_text = address.substr(colon + 1);
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port == 0 || port > 65535)
    return std::nullopt;
  boost::system::error_code bad;
  const auto ip = asio::ip::make_address(host, bad);
  if (bad || !ip.is_loopback()) return std::nullopt;
  return tcp::endpoint(ip, static_cast<unsigned short>(port));
}

void hall_servers::learn(const std::vector<std::string>& addresses) {
  std::lock_guard lock(mutex_);
  for (const auto& a : addresses)
    if (auto e = loopback_endpoint(a);
        e && std::find(known_.begin(), known_.end(), *e) == known_.end())
      known_.push_back(*e);
}

std::vector<tcp::endpoint> hall_servers::round_from(const tcp::endpoint& current) const {
  std::lock_guard lock(mutex_);
  std::vector<tcp::endpoint> round{current};
  for (const auto& e : known_)
    if (e != current) round.push_back(e);
  return round;
}

}  // namespace plenum::clients::loadgen
