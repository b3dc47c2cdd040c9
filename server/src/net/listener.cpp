#include "net/listener.hpp"

#include "common/log.hpp"
#include "net/http_session.hpp"

namespace plenum::server::net {

listener::listener(asio::io_context& ioc, const tcp::endpoint& endpoint,
                   std::shared_ptr<server_state> state)
    : ioc_(ioc),
      acceptor_(asio::make_strand(ioc)),
      backoff_(acceptor_.get_executor()),
      state_(std::move(state)) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  local_ = acceptor_.local_endpoint();
}

void listener::run() {
  asio::dispatch(acceptor_.get_executor(),
                 beast::bind_front_handler(&listener::do_accept, shared_from_this()));
}

void listener::stop() {
  asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ignored;
    self->acceptor_.close(ignored);
    self->backoff_.cancel();
  });
}

void listener::do_accept() {
  acceptor_.async_accept(asio::make_strand(ioc_),
                         beast::bind_front_handler(&listener::on_accept, shared_from_this()));
}

void listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
  if (ec) {
    // Out of descriptors or a connection reset before accept: keep serving the others,
    // after a pause so a persistent failure does not spin.
    log::warn("accept failed", {{"error", ec.message()}});
    backoff_.expires_after(std::chrono::milliseconds(100));
    return backoff_.async_wait(
        beast::bind_front_handler(&listener::on_backoff, shared_from_this()));
  }
  std::make_shared<http_session>(std::move(socket), state_)->run();
  do_accept();
}

void listener::on_backoff(beast::error_code ec) {
  if (ec || !acceptor_.is_open()) return;
  do_accept();
}

}  // namespace plenum::server::net
