#include "net/remote_endpoint.hpp"

namespace plenum::server::net {

std::string remote_endpoint_of(const beast::tcp_stream& stream) noexcept {
  try {
    beast::error_code ec;
    tcp::endpoint ep = stream.socket().remote_endpoint(ec);
    if (ec) return "unknown";
    std::string addr = ep.address().to_string();
    if (ep.address().is_v6()) addr = "[" + addr + "]";
    return addr + ":" + std::to_string(ep.port());
  } catch (...) {
    return "unknown";
  }
}

}  // namespace plenum::server::net
