#include "net/websocket_session.hpp"

#include <exception>
#include <utility>

#include "common/log.hpp"
#include "net/benign_error.hpp"
#include "net/remote_endpoint.hpp"

namespace plenum::server::net {

websocket_session::websocket_session(tls_stream&& stream, std::shared_ptr<server_state> state,
                                     ws_handler& handler)
    : ws_(std::move(stream)),
      state_(std::move(state)),
      handler_(handler),
      id_(state_->registry.next_id()),
      remote_(remote_endpoint_of(beast::get_lowest_layer(ws_))) {}

websocket_session::~websocket_session() { state_->registry.remove(id_); }

void websocket_session::run(http::request<http::string_body> upgrade) {
  state_->registry.add(id_, weak_from_this(), weak_from_this());
  ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(http::field::server, "plenumd"); }));
  ws_.read_message_max(state_->limits.read_message_max);
  // Each message one frame: Beast otherwise cuts every message over 4 KiB (a ballot's receipt
  // with its board entry, every board push) into 4 KiB frames, each its own TLS record and
  // system call; whole, a message goes out in 8 KiB records (what Asio's TLS stream writes at
  // once).
  ws_.auto_fragment(false);
  ws_.async_accept(upgrade,
                   beast::bind_front_handler(&websocket_session::on_accept, shared_from_this()));
}

void websocket_session::on_accept(beast::error_code ec) {
  if (ec) return fail(ec, "accept");
  opened_ = true;
  log::info("ws open", {{"conn", id_}, {"remote", remote_}});
  try {
    handler_.on_open(shared_from_this());
  } catch (const std::exception& e) {
    log::error("handler failed", {{"conn", id_}, {"in", "on_open"}, {"error", e.what()}});
    request_close(websocket::close_code::internal_error);
  }
  if (!queue_.empty()) {
    do_write();  // messages broadcast before the handshake completed
  } else if (close_requested_) {
    do_close();
  }
  do_read();
}

void websocket_session::do_read() {
  ws_.async_read(buffer_,
                 beast::bind_front_handler(&websocket_session::on_read, shared_from_this()));
}

void websocket_session::on_read(beast::error_code ec, std::size_t /*bytes*/) {
  if (ec) return fail(ec, "read");
  if (ended_ || close_started_) return;
  if (!ws_.got_text()) {
    log::info("ws binary message refused", {{"conn", id_}, {"remote", remote_}});
    buffer_.consume(buffer_.size());
    // Close at once, even with writes queued: a write in flight may finish, the rest are
    // abandoned (the buffers stay owned by the queue until the session ends).
    close_code_ = websocket::close_code::policy_error;
    close_requested_ = true;
    return do_close();
  }
  std::string text = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  try {
    handler_.on_message(shared_from_this(), std::move(text));
  } catch (const std::exception& e) {
    log::error("handler failed", {{"conn", id_}, {"in", "on_message"}, {"error", e.what()}});
    request_close(websocket::close_code::internal_error);
  }
  do_read();
}

void websocket_session::send(std::shared_ptr<const std::string> text) {
  if (!text) return;
  pending_bytes_ += text->size();
  ++pending_messages_;
  asio::post(ws_.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
    self->on_send(std::move(text));
  });
}

std::size_t websocket_session::backlog_room() const {
  const auto& limits = state_->limits;
  const std::size_t bytes = pending_bytes_;
  if (bytes >= limits.backlog_bytes() || pending_messages_ >= limits.backlog_messages()) return 0;
  return limits.backlog_bytes() - bytes;
}

bool websocket_session::drained() const {
  const auto& limits = state_->limits;
  return pending_bytes_ <= limits.drained_bytes() && pending_messages_ <= limits.drained_messages();
}

void websocket_session::when_drained(std::function<void()> then) {
  asio::post(ws_.get_executor(), [self = shared_from_this(), then = std::move(then)]() mutable {
    if (self->ended_) return;
    self->drained_ = std::move(then);
    self->run_drained();
  });
}

void websocket_session::run_drained() {
  if (!drained_ || !drained()) return;
  auto then = std::move(drained_);
  drained_ = nullptr;
  try {
    then();
  } catch (const std::exception& e) {
    log::error("handler failed", {{"conn", id_}, {"in", "when_drained"}, {"error", e.what()}});
    request_close(websocket::close_code::internal_error);
  }
}

void websocket_session::unpend(std::size_t bytes) {
  pending_bytes_ -= bytes;
  --pending_messages_;
}

void websocket_session::on_send(std::shared_ptr<const std::string> text) {
  if (ended_ || close_requested_) return unpend(text->size());
  const auto& limits = state_->limits;
  if (queue_.size() >= limits.send_queue_max_messages ||
      queued_bytes_ + text->size() > limits.send_queue_max_bytes) {
    unpend(text->size());
    return drop("send queue over its limit");
  }
  queued_bytes_ += text->size();
  queue_.push_back(std::move(text));
  if (queue_.size() == 1 && opened_) do_write();
}

void websocket_session::do_write() {
  ws_.text(true);
  ws_.async_write(asio::buffer(*queue_.front()),
                  beast::bind_front_handler(&websocket_session::on_write, shared_from_this()));
}

void websocket_session::on_write(beast::error_code ec, std::size_t /*bytes*/) {
  if (ec) return fail(ec, "write");
  queued_bytes_ -= queue_.front()->size();
  unpend(queue_.front()->size());
  queue_.pop_front();
  if (close_started_ || ended_) return;
  run_drained();
  if (close_started_ || ended_) return;
  if (!queue_.empty()) return do_write();
  if (close_requested_ && !close_started_) do_close();
}

void websocket_session::close() {
  asio::post(ws_.get_executor(),
             [self = shared_from_this()] { self->request_close(websocket::close_code::normal); });
}

void websocket_session::shutdown() {
  asio::post(ws_.get_executor(), [self = shared_from_this()] {
    self->request_close(websocket::close_code::going_away);
  });
}

void websocket_session::request_close(websocket::close_code code) {
  if (ended_ || close_requested_) return;
  close_requested_ = true;
  close_code_ = code;
  // Before the handshake completes, on_accept starts the close; while a write is in
  // flight, on_write does once the queue drains.
  if (opened_ && queue_.empty()) do_close();
}

void websocket_session::do_close() {
  close_started_ = true;
  ws_.async_close(close_code_,
                  beast::bind_front_handler(&websocket_session::on_close, shared_from_this()));
}

void websocket_session::on_close(beast::error_code ec) {
  if (ec) return fail(ec, "close");
  end();
}

void websocket_session::drop(const char* why) {
  log::warn("ws dropped", {{"conn", id_}, {"remote", remote_}, {"reason", why}});
  // The queue is kept: a write in flight still reads its front buffer. end() closes the
  // socket, which makes that write fail soon, and the session (with its queue) then goes.
  end();
}

void websocket_session::fail(beast::error_code ec, const char* what) {
  if (!ended_) {
    if (is_benign(ec)) {
      log::debug("ws ended", {{"conn", id_}, {"in", what}, {"error", ec.message()}});
    } else {
      log::warn("ws error",
                {{"conn", id_}, {"remote", remote_}, {"in", what}, {"error", ec.message()}});
    }
  }
  end();
}

void websocket_session::end() {
  if (ended_) return;
  ended_ = true;
  drained_ = nullptr;
  state_->registry.remove(id_);
  // The connection is over: release the socket now rather than when the last reference to
  // the session goes, which a handler holding its connections may delay.
  beast::error_code ignored;
  beast::get_lowest_layer(ws_).socket().close(ignored);
  if (!opened_) return;
  log::info("ws closed", {{"conn", id_}, {"remote", remote_}});
  try {
    handler_.on_close(shared_from_this());
  } catch (const std::exception& e) {
    log::error("handler failed", {{"conn", id_}, {"in", "on_close"}, {"error", e.what()}});
  }
}

}  // namespace plenum::server::net
