// The hall's machines as the load generator knows them: the addresses of the command line and
// of every hello's `servers` (PROTOCOL.md §6), loopback only.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenum::clients::loadgen {

/// The loopback endpoint of a hall address ("https://127.0.0.1:8443", "wss://…", or
/// "host:port"); nullopt for anything else (the load generator talks to loopback only).
[[nodiscard]] std::optional<boost::asio::ip::tcp::endpoint> loopback_endpoint(
    std::string_view address);

/// The hall's machines as the load generator knows them. Thread-safe.
class hall_servers {
 public:
  /// The machines of the command line, in its order.
  explicit hall_servers(std::vector<boost::asio::ip::tcp::endpoint> given)
      : known_(std::move(given)) {}

  /// Adds the loopback addresses of a hello's `servers` not yet known (others are ignored).
  void learn(const std::vector<std::string>& addresses);

  /// Every known machine, `current` first, then the others in the order learnt.
  [[nodiscard]] std::vector<boost::asio::ip::tcp::endpoint> round_from(
      const boost::asio::ip::tcp::endpoint& current) const;

 private:
  mutable std::mutex mutex_;
  std::vector<boost::asio::ip::tcp::endpoint> known_;
};

}  // namespace plenum::clients::loadgen
