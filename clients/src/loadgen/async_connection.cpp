#include "async_connection.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

namespace plenum::clients::loadgen {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

namespace {
// Server frames may be larger than requests: a board event can carry a whole roster.
const protocol::json_limits server_frame_limits{16 * 1024 * 1024, 16};
}  // namespace

struct async_connection::impl {
  impl(asio::any_io_executor ex, ssl::context& ctx, tcp::endpoint ep, std::chrono::milliseconds t)
      : ws(ex, ctx), server(ep), timeout(t) {}
  websocket::stream<ssl::stream<beast::tcp_stream>> ws;
  beast::flat_buffer buffer;
  tcp::endpoint server;
  std::chrono::milliseconds timeout;
};

async_connection::async_connection(asio::any_io_executor strand, ssl::context& ctx,
                                   tcp::endpoint server, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<impl>(std::move(strand), ctx, server, timeout)), endpoint_(server) {}

async_connection::~async_connection() = default;

void async_connection::start(std::function<void(boost::system::error_code)> done) {
  on_start_ = std::move(done);
  asio::dispatch(impl_->ws.get_executor(), [self = shared_from_this()] {
    auto& tcp_layer = beast::get_lowest_layer(self->impl_->ws);
    tcp_layer.expires_after(self->impl_->timeout);
    tcp_layer.async_connect(self->impl_->server, [self](boost::system::error_code ec) {
      if (ec) return self->fail(ec);
      beast::get_lowest_layer(self->impl_->ws).expires_after(self->impl_->timeout);
      self->impl_->ws.next_layer().set_verify_callback(
          ssl::host_name_verification(self->impl_->server.address().to_string()));
      self->impl_->ws.next_layer().async_handshake(
          ssl::stream_base::client, [self](boost::system::error_code ec2) {
            if (ec2) return self->fail(ec2);
            auto& ws = self->impl_->ws;
            // The websocket stream keeps its own timeouts from here on.
            beast::get_lowest_layer(ws).expires_never();
            websocket::stream_base::timeout t =
                websocket::stream_base::timeout::suggested(beast::role_type::client);
            t.handshake_timeout = self->impl_->timeout;
            ws.set_option(t);
            ws.read_message_max(server_frame_limits.max_bytes);
            ws.set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
              req.set(beast::http::field::user_agent, "plenum-loadgen");
            }));
            const std::string host = self->impl_->server.address().to_string() + ":" +
                                     std::to_string(self->impl_->server.port());
            ws.async_handshake(host, "/ws", [self](boost::system::error_code ec3) {
              if (ec3) return self->fail(ec3);
              self->impl_->ws.text(true);
              self->do_read();
            });
          });
    });
  });
}

void async_connection::on_push(push_handler handler) {
  asio::dispatch(impl_->ws.get_executor(),
                 [self = shared_from_this(), handler = std::move(handler)]() mutable {
                   self->on_push_ = std::move(handler);
                 });
}

void async_connection::do_read() {
  impl_->ws.async_read(impl_->buffer,
                       [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                         self->on_read(ec, n);
                       });
}

void async_connection::on_read(boost::system::error_code ec, std::size_t) {
  if (ec) return fail(ec);
  const auto data = impl_->buffer.cdata();
  const std::string_view text(static_cast<const char*>(data.data()), data.size());
  bytes_received_ += text.size();
  if (!have_hello_) {
    auto f = protocol::parse_server_frame(text, server_frame_limits);
    if (f && f->type == "hello") {
      auto h = protocol::decode_hello(*f);
      if (!h) return fail(h.error().code);
      hello_.emplace(std::move(*h));
      if (const auto* serving = f->fields.if_contains("serving"); serving && serving->is_bool())
        serving_ = serving->as_bool();
      if (const auto* servers = f->fields.if_contains("servers"); servers && servers->is_array())
        for (const auto& a : servers->get_array())
          if (a.is_string()) hall_servers_.emplace_back(a.as_string());
      have_hello_ = true;
      open_ = true;
      if (auto done = std::move(on_start_)) done({});
    }
  } else if (pending_.empty() && text.find("\"id\":") == std::string_view::npos) {
    // A push while no request waits: not parsed (observers see thousands of these).
    if (on_push_) on_push_(text);
  } else {
    auto f = protocol::parse_server_frame(text, server_frame_limits);
    if (!f) {
      impl_->buffer.consume(impl_->buffer.size());
      return fail(f.error().code);
    }
    if (!f->id) {
      if (on_push_) on_push_(text);
    } else if (auto it = pending_.find(*f->id); it != pending_.end()) {
      auto handler = std::move(it->second);
      pending_.erase(it);
      handler({}, &*f);
    }
  }
  impl_->buffer.consume(impl_->buffer.size());
  if (!closing_) do_read();
}

void async_connection::send(std::uint64_t id, std::shared_ptr<const std::string> text,
                            reply_handler on_reply) {
  asio::dispatch(impl_->ws.get_executor(), [self = shared_from_this(), id, text = std::move(text),
                                            on_reply = std::move(on_reply)]() mutable {
    if (!self->open_ || self->closing_) return on_reply(asio::error::not_connected, nullptr);
    self->pending_.emplace(id, std::move(on_reply));
    self->queue_.push_back(std::move(text));
    if (!self->writing_) self->do_write();
  });
}

void async_connection::do_write() {
  // The frame in flight leaves the queue and lives in the handler until async_write is done
  // with its buffer: fail() may clear the queue meanwhile.
  auto text = std::move(queue_.front());
  queue_.pop_front();
  writing_ = true;
  const auto buffer = asio::buffer(*text);
  impl_->ws.async_write(buffer, [self = shared_from_this(), text = std::move(text)](
                                    boost::system::error_code ec, std::size_t) {
    self->writing_ = false;
    if (ec) return self->fail(ec);
    // No request follows the close frame: what is still queued then ends with the connection.
    if (!self->queue_.empty() && !self->closing_) self->do_write();
  });
}

void async_connection::fail(boost::system::error_code ec) {
  // The connection has ended: whoever still waits learns it by an error, also when the end was
  // a clean close (a reply handler never sees success without a reply).
  if (!ec) ec = websocket::error::closed;
  open_ = false;
  if (auto done = std::move(on_start_)) done(ec);
  auto pending = std::move(pending_);
  pending_.clear();
  queue_.clear();
  for (auto& [id, handler] : pending) handler(ec, nullptr);
  boost::system::error_code ignored;
  beast::get_lowest_layer(impl_->ws).socket().close(ignored);
}

void async_connection::close() {
  asio::dispatch(impl_->ws.get_executor(), [self = shared_from_this()] {
    if (self->closing_) return;
    self->closing_ = true;
    if (!self->open_) {
      boost::system::error_code ignored;
      beast::get_lowest_layer(self->impl_->ws).socket().close(ignored);
      return;
    }
    self->impl_->ws.async_close(websocket::close_code::normal,
                                [self](boost::system::error_code ec) { self->fail(ec); });
  });
}

}  // namespace plenum::clients::loadgen
