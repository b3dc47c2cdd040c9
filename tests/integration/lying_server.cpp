#include "lying_server.hpp"

#include <sys/socket.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/json/serialize.hpp>

#include <net/self_signed.hpp>
#include <plenum/crypto/board.hpp>
#include <plenum/crypto/random.hpp>
#include <plenum/protocol/codec_ballot.hpp>
#include <plenum/protocol/envelope.hpp>
#include <plenum/protocol/messages.hpp>
#include <plenum/protocol/messages_hall.hpp>
#include <plenum/protocol/replies.hpp>

namespace plenum::tests {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace json = boost::json;
namespace ssl = boost::asio::ssl;
namespace websocket = boost::beast::websocket;
using tcp = boost::asio::ip::tcp;

std::uint64_t signed_board::append(const protocol::congress_event& event) {
  protocol::board_event e;
  e.seq = events_.size();
  e.prev_hash = events_.empty() ? crypto::genesis_hash : events_.back().entry_hash;
  e.type = std::string(protocol::event_type(event));
  e.payload = protocol::encode_event_payload(event);
  e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
  e.sig = congress_.sign(e.entry_hash);
  events_.push_back(std::move(e));
  return events_.back().seq;
}

struct lying_server::impl {
  asio::io_context ioc;
  ssl::context tls{ssl::context::tls_server};
  tcp::acceptor acceptor{ioc};
  std::mutex mutex;
  int active_fd = -1;  // the connection being served, shut down to stop
};

lying_server::lying_server(std::string congress_id, crypto::public_key hello_key,
                           signed_board board, crypto::digest32 election_hash, receipt_lie lie)
    : congress_id_(std::move(congress_id)),
      hello_key_(hello_key),
      board_(std::move(board)),
      election_hash_(election_hash),
      lie_(lie),
      impl_(std::make_unique<impl>()) {
  auto pem = server::net::make_self_signed_certificate(std::chrono::days(2));
  impl_->tls.use_certificate_chain(asio::buffer(pem.cert));
  impl_->tls.use_private_key(asio::buffer(pem.key), ssl::context::pem);
  const tcp::endpoint at(asio::ip::make_address("127.0.0.1"), 0);
  impl_->acceptor.open(at.protocol());
  impl_->acceptor.bind(at);
  impl_->acceptor.listen();
  port_ = impl_->acceptor.local_endpoint().port();
  thread_ = std::thread([this] { run(); });
}

lying_server::~lying_server() {
  stopping_ = true;
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->active_fd >= 0) ::shutdown(impl_->active_fd, SHUT_RDWR);
  }
  // Wakes the blocking accept.
  boost::system::error_code ec;
  tcp::socket poke(impl_->ioc);
  poke.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_), ec);
  thread_.join();
}

std::vector<std::string> lying_server::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

bool lying_server::received(std::string_view type) const {
  std::lock_guard lock(mutex_);
  for (const auto& r : requests_)
    if (r == type) return true;
  return false;
}

void lying_server::run() {
  while (!stopping_) {
    tcp::socket socket(impl_->ioc);
    boost::system::error_code ec;
    impl_->acceptor.accept(socket, ec);
    if (ec || stopping_) return;
    {
      std::lock_guard lock(impl_->mutex);
      impl_->active_fd = socket.native_handle();
    }
    try {
      websocket::stream<ssl::stream<tcp::socket>> ws(std::move(socket), impl_->tls);
      ws.next_layer().handshake(ssl::stream_base::server);
      ws.accept();
      ws.text(true);
      crypto::byte_array<protocol::nonce_bytes> nonce{};
      crypto::system_random().fill(nonce);
      const protocol::hello h{
          congress_id_,
          nonce,
          hello_key_,
          static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                         .count()),
          true,
          {},
          std::nullopt};
      ws.write(asio::buffer(protocol::encode_hello(h)));
      for (;;) {
        beast::flat_buffer in;
        ws.read(in);
        const std::string reply = answer(beast::buffers_to_string(in.data()));
        if (!reply.empty()) ws.write(asio::buffer(reply));
      }
    } catch (const std::exception&) {
      // The client closed or went away: serve the next one.
    }
    std::lock_guard lock(impl_->mutex);
    impl_->active_fd = -1;
  }
}

std::string lying_server::answer(const std::string& text) {
  auto f = protocol::parse_request(text);
  if (!f) return protocol::encode_error(f.error());
  const std::uint64_t id = f->id.value_or(0);
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(f->type);
  }
  const auto u64 = [&](std::string_view key) -> std::uint64_t {
    auto* v = f->fields.if_contains(key);
    return v != nullptr && v->is_number() ? v->to_number<std::uint64_t>() : 0;
  };
  if (f->type == "enroll") {
    auto* person = f->fields.if_contains("person");
    return protocol::encode_reply(id,
                                  protocol::enroll_reply{person != nullptr && person->is_string()
                                                             ? std::string(person->as_string())
                                                             : std::string()});
  }
  if (f->type == "auth")
    return protocol::encode_reply(id, protocol::auth_reply{"D1", {"delegate"}});
  std::lock_guard lock(mutex_);
  if (f->type == "get_board") {
    json::array events;
    const auto& all = board_.events();
    for (std::uint64_t s = u64("from_seq");
         s < all.size() && events.size() < protocol::max_board_page; ++s)
      events.push_back(protocol::encode_board_event(all[s]));
    return protocol::encode_ok(id, {{"events", std::move(events)}});
  }
  if (f->type == "subscribe")
    return protocol::encode_reply(id, protocol::subscribe_reply{board_.events().size()});
  if (f->type == "cast_ballot") {
    auto* b = f->fields.if_contains("ballot");
    if (b == nullptr) return protocol::encode_error(id, errc::malformed_ballot, "no ballot");
    auto ballot = protocol::decode_ballot(*b);
    if (!ballot) return protocol::encode_error(id, errc::malformed_ballot, "bad ballot");
    const auto digest = crypto::ballot_digest(*ballot, election_hash_);
    const auto tracking = crypto::tracking_code(digest, ballot->sig);
    const std::uint64_t seq = board_.append(protocol::events::ballot_accepted{
        ballot->vote_id, "D1", ballot->voter_pk, ballot->ballot_id, digest, tracking, *ballot});
    protocol::receipt r{tracking, seq, board_.events()[seq].entry_hash, {}};
    if (lie_ == receipt_lie::other_entry) {
      r.board_seq = seq - 1;
      r.board_entry_hash = board_.events()[seq - 1].entry_hash;
    } else if (lie_ == receipt_lie::other_tracking) {
      crypto::system_random().fill(r.tracking_code);
    }
    r.sig = board_.congress().sign(
        crypto::receipt_digest(r.tracking_code, r.board_seq, r.board_entry_hash));
    if (lie_ == receipt_lie::forged) {
      crypto::byte_array<64> random{};
      crypto::system_random().fill(random);
      r.sig = crypto::signature(random);
    }
    return protocol::encode_reply(
        id, protocol::cast_ballot_reply{r, crypto::tracking_code_display(r.tracking_code),
                                        std::nullopt});
  }
  if (f->type == "get_roster_proof") {
    if (!roster_proof_) return protocol::encode_error(id, errc::not_in_roster, "not in roster");
    return protocol::encode_ok(id, {{"proof", *roster_proof_}});
  }
  return protocol::encode_error(id, errc::unknown_message_type, "not served here");
}

void lying_server::set_roster_proof(std::optional<boost::json::object> proof) {
  std::lock_guard lock(mutex_);
  roster_proof_ = std::move(proof);
}

}  // namespace plenum::tests
