#include "app/standby_responder.hpp"

#include "app/now_ms.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/replies.hpp"

namespace plenum::server::app {

namespace {

void send(const std::shared_ptr<net::connection>& conn, std::string frame) {
  conn->send(std::make_shared<const std::string>(std::move(frame)));
}

}  // namespace

standby_responder::standby_responder(standby_identity identity, std::vector<std::string> servers)
    : servers_(std::move(servers)), identity_(std::move(identity)) {}

void standby_responder::set_identity(standby_identity identity) {
  std::lock_guard lock(mutex_);
  identity_ = std::move(identity);
}

void standby_responder::on_open(const std::shared_ptr<net::connection>& conn) {
  standby_identity id = [&] {
    std::lock_guard lock(mutex_);
    connections_.insert_or_assign(conn->id(), conn);
    return identity_;
  }();
  // A nonce as any hello's, though no auth is served here.
  crypto::byte_array<protocol::nonce_bytes> nonce{};
  crypto::system_random().fill(nonce);
  const protocol::hello h{id.congress_id, nonce,    id.congress_pk, now_ms(),
                          false,          servers_, id.signing_pk};
  send(conn, protocol::encode_hello(h));
}

void standby_responder::on_message(const std::shared_ptr<net::connection>& conn, std::string text) {
  auto f = protocol::parse_request(text);
  if (!f) return send(conn, protocol::encode_error(f.error()));
  if (f->type == "ping")
    return send(conn, protocol::encode_reply(f->id.value_or(0), protocol::ping_reply{now_ms()}));
  const auto ec = make_error_code(errc::not_serving);
  send(conn, protocol::encode_error(f->id, ec, ec.message()));
}

void standby_responder::on_close(const std::shared_ptr<net::connection>& conn) {
  std::lock_guard lock(mutex_);
  connections_.erase(conn->id());
}

void standby_responder::close_all() {
  std::map<std::uint64_t, std::shared_ptr<net::connection>> open;
  {
    std::lock_guard lock(mutex_);
    open = connections_;
  }
  for (auto& [id, conn] : open) conn->close();
}

}  // namespace plenum::server::app
