#include "net/http_session.hpp"

#include <utility>

#include "common/log.hpp"
#include "net/benign_error.hpp"
#include "net/download_responder.hpp"
#include "net/http_responder.hpp"
#include "net/remote_endpoint.hpp"
#include "net/websocket_session.hpp"

namespace plenum::server::net {

http_session::http_session(tcp::socket&& socket, std::shared_ptr<server_state> state)
    : stream_(beast::tcp_stream(std::move(socket)), state->tls),
      state_(std::move(state)),
      id_(state_->registry.next_id()),
      remote_(remote_endpoint_of(beast::get_lowest_layer(stream_))) {}

http_session::~http_session() { state_->registry.remove(id_); }

void http_session::run() {
  asio::dispatch(stream_.get_executor(),
                 beast::bind_front_handler(&http_session::on_run, shared_from_this()));
}

void http_session::on_run() {
  state_->registry.add(id_, weak_from_this(), {});
  beast::get_lowest_layer(stream_).expires_after(state_->limits.tls_handshake_timeout);
  stream_.async_handshake(
      ssl::stream_base::server,
      beast::bind_front_handler(&http_session::on_handshake, shared_from_this()));
}

void http_session::on_handshake(beast::error_code ec) {
  if (ec) return fail(ec, "handshake");
  do_read();
}

void http_session::do_read() {
  if (stopping_) return do_shutdown();
  const auto& limits = state_->limits;
  parser_.emplace();
  parser_->header_limit(limits.http_header_limit);
  parser_->body_limit(limits.http_body_limit);
  beast::get_lowest_layer(stream_).expires_after(limits.http_request_timeout);
  reading_ = true;
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&http_session::on_read, shared_from_this()));
}

void http_session::on_read(beast::error_code ec, std::size_t /*bytes*/) {
  reading_ = false;
  if (ec == http::error::end_of_stream) return do_shutdown();
  if (ec == asio::error::operation_aborted && stopping_) return do_shutdown();
  if (ec == http::error::header_limit || ec == http::error::body_limit) {
    auto status = ec == http::error::header_limit ? http::status::request_header_fields_too_large
                                                  : http::status::payload_too_large;
    return do_write(error_response(status, 11, false));
  }
  if (ec) return fail(ec, "read");

  const auto& req = parser_->get();
  if (websocket::is_upgrade(req)) {
    std::string_view target = req.target();
    ws_handler* handler = state_->ws_handler_for(target.substr(0, target.find('?')));
    if (handler == nullptr) {
      return do_write(error_response(http::status::not_found, req.version(), false));
    }
    if (!origin_allowed(req, state_->hall_servers)) {
      log::info("ws origin refused",
                {{"remote", remote_}, {"origin", std::string(req[http::field::origin])}});
      return do_write(error_response(http::status::forbidden, req.version(), false));
    }
    if (stopping_) {
      return do_write(error_response(http::status::service_unavailable, req.version(), false));
    }
    return upgrade(*handler);
  }

  ++requests_;
  bool keep_alive = !stopping_ && requests_ < state_->limits.http_max_requests;
  if (is_download_target(req.target()))
    return do_write(respond_download(state_->downloads, req, keep_alive));
  do_write(respond(state_->web_root, req, keep_alive, state_->csp));
}

void http_session::upgrade(ws_handler& handler) {
  // The WebSocket session sets its own timeouts; this session ends when the handler returns.
  state_->registry.remove(id_);
  beast::get_lowest_layer(stream_).expires_never();
  std::make_shared<websocket_session>(std::move(stream_), state_, handler)->run(parser_->release());
}

void http_session::do_write(http::message_generator msg) {
  bool keep_alive = msg.keep_alive();
  beast::async_write(
      stream_, std::move(msg),
      beast::bind_front_handler(&http_session::on_write, shared_from_this(), keep_alive));
}

void http_session::on_write(bool keep_alive, beast::error_code ec, std::size_t /*bytes*/) {
  if (ec) return fail(ec, "write");
  if (!keep_alive) return do_shutdown();
  do_read();
}

void http_session::shutdown() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->stopping_) return;
    self->stopping_ = true;
    // An idle keep-alive connection is waiting for a request that may never come.
    if (self->reading_ && self->parser_ && !self->parser_->got_some()) {
      beast::get_lowest_layer(self->stream_).cancel();
    }
  });
}

void http_session::do_shutdown() {
  beast::get_lowest_layer(stream_).expires_after(state_->limits.tls_handshake_timeout);
  stream_.async_shutdown(beast::bind_front_handler(&http_session::on_shutdown, shared_from_this()));
}

void http_session::on_shutdown(beast::error_code ec) {
  if (ec) return fail(ec, "shutdown");
}

void http_session::fail(beast::error_code ec, const char* what) {
  if (is_benign(ec)) {
    log::debug("http ended", {{"remote", remote_}, {"in", what}, {"error", ec.message()}});
  } else {
    log::info("http error", {{"remote", remote_}, {"in", what}, {"error", ec.message()}});
  }
}

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

bool origin_allowed(const http::request<http::string_body>& req,
                    const std::vector<std::string>& hall_servers) {
  auto origin = req.find(http::field::origin);
  if (origin == req.end()) return true;
  for (const auto& address : hall_servers)
    if (iequals(origin->value(), address)) return true;
  std::string_view host = req[http::field::host];
  std::string_view value = origin->value();
  constexpr std::string_view scheme = "https://";
  if (host.empty() || value.size() <= scheme.size() || !iequals(value.substr(0, 8), scheme)) {
    return false;
  }
  return iequals(value.substr(scheme.size()), host);
}

}  // namespace plenum::server::net
