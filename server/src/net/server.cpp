#include "net/server.hpp"

#include <stdexcept>

#include "net/listener.hpp"
#include "net/server_state.hpp"

namespace plenum::server::net {
namespace {

std::filesystem::path canonical_web_root(const std::filesystem::path& root) {
  std::error_code ec;
  std::filesystem::path real = std::filesystem::canonical(root, ec);
  if (ec || !std::filesystem::is_directory(real)) {
    throw std::runtime_error("web root is not a directory: " + root.string());
  }
  return real;
}

}  // namespace

server::server(asio::io_context& ioc, ssl::context tls, const server_config& config,
               ws_handler& handler)
    : state_(std::make_shared<server_state>(std::move(tls), canonical_web_root(config.web_root),
                                            config.limits, handler, config.downloads,
                                            config.ws_routes, config.hall_servers)),
      listener_(std::make_shared<listener>(ioc, config.endpoint, state_)) {}

server::~server() = default;

tcp::endpoint server::local_endpoint() const { return listener_->local_endpoint(); }

void server::start() { listener_->run(); }

void server::stop() {
  listener_->stop();
  state_->registry.shutdown_all();
}

session_registry& server::sessions() { return state_->registry; }

}  // namespace plenum::server::net
