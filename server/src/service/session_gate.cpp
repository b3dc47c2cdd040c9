#include "service/session_gate.hpp"

#include "common/log.hpp"
#include "domain/decide.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/replies.hpp"
#include "service/broadcaster.hpp"
#include "service/command_pipeline.hpp"
#include "service/session.hpp"

namespace plenum::server::service {

namespace {

void send(const std::shared_ptr<net::connection>& conn, std::string frame) {
  conn->send(std::make_shared<const std::string>(std::move(frame)));
}

std::string error_frame(std::optional<std::uint64_t> id, boost::system::error_code ec) {
  return protocol::encode_error(id, ec, ec.message());
}

std::vector<std::string> role_names(const domain::role_set& roles) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < domain::role_count; ++i) {
    const auto r = static_cast<domain::role>(i);
    if (roles.has(r)) out.emplace_back(domain::to_string(r));
  }
  return out;
}

}  // namespace

session_gate::session_gate(const hall_config& config, std::shared_ptr<const domain::clock> clock,
                           crypto::public_key congress_pk, crypto::public_key signing_pk,
                           command_pipeline& commands, broadcaster& pushes)
    : config_(config),
      clock_(std::move(clock)),
      congress_pk_(congress_pk),
      signing_pk_(signing_pk),
      commands_(commands),
      pushes_(pushes),
      attempts_(config.attempt_limits) {}

std::string session_gate::congress_id() const {
  return commands_.read([&](const domain::congress_state& state) {
    return state.congress() ? state.congress()->id : config_.congress_id;
  });
}

void session_gate::open(const std::shared_ptr<net::connection>& conn) {
  auto s = std::make_shared<session>();
  s->conn = conn;
  crypto::system_random().fill(s->server_nonce);
  const protocol::hello h{congress_id(), s->server_nonce,
                          congress_pk_,  static_cast<std::uint64_t>(clock_->now_ms()),
                          true,          config_.hall_servers,
                          signing_pk_};
  {
    std::lock_guard lock(mutex_);
    sessions_.insert_or_assign(conn->id(), s);
  }
  send(conn, protocol::encode_hello(h));
}

void session_gate::close(const std::shared_ptr<net::connection>& conn) {
  {
    std::lock_guard lock(mutex_);
    sessions_.erase(conn->id());
  }
  pushes_.remove(conn->id());
}

std::shared_ptr<session> session_gate::find(std::uint64_t conn_id) const {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(conn_id);
  return it == sessions_.end() ? nullptr : it->second;
}

void session_gate::run_command(session& s, std::uint64_t id, domain::command cmd) {
  const bool enroll = std::holds_alternative<domain::enroll_device>(cmd);
  if (!enroll && !s.device_key) return send(s.conn, error_frame(id, errc::unauthenticated));
  auto conn = s.conn;
  if (!enroll) {
    return commands_.execute(id, commands_.with_ballot_checked(std::move(cmd)), s.device_key,
                             domain::actor::device(),
                             [this, conn](boost::system::error_code ec, std::string frame) {
                               // An ok after the board events it follows, also on a connection fed
                               // from the log.
                               if (ec) return send(conn, std::move(frame));
                               pushes_.send_reply(conn, std::move(frame));
                             });
  }
  // Guessing codes costs the guesser: refused enrollments count against the address, and a
  // connection that fails max_auth_attempts_ times is closed.
  const std::string address = attempt_limiter::address_of(conn->remote());
  if (!attempts_.allowed(address, clock_->now_ms()))
    return send(conn, error_frame(id, errc::rate_limited));
  auto self = find(conn->id());
  commands_.execute(id, std::move(cmd), std::nullopt, domain::actor::device(),
                    [this, conn, self, address](boost::system::error_code ec, std::string frame) {
                      if (ec)
                        send(conn, std::move(frame));
                      else
                        pushes_.send_reply(conn, std::move(frame));
                      if (!ec) return;
                      attempts_.failed(address, clock_->now_ms());
                      if (self && ++self->failed_enrolls >= config_.max_auth_attempts)
                        conn->close();
                    });
}

void session_gate::auth(session& s, std::uint64_t id, const protocol::auth_request& r) {
  const std::string address = attempt_limiter::address_of(s.conn->remote());
  if (!attempts_.allowed(address, clock_->now_ms()))
    return send(s.conn, error_frame(id, errc::rate_limited));
  auto fail = [&](boost::system::error_code ec) {
    attempts_.failed(address, clock_->now_ms());
    send(s.conn, error_frame(id, ec));
    if (++s.failed_auths >= config_.max_auth_attempts) s.conn->close();
  };
  // One challenge authenticates once; a connection that wants another identity reconnects.
  if (s.nonce_spent) return fail(errc::bad_auth_signature);
  const auto digest =
      crypto::auth_digest(congress_id(), s.server_nonce, r.client_nonce, r.device_pk);
  if (!r.device_pk.verify(digest, r.sig)) return fail(errc::bad_auth_signature);
  auto who = commands_.read([&](const domain::congress_state& state) {
    return domain::authenticate(state, r.device_pk);
  });
  if (!who) return fail(who.error());
  s.device_key = r.device_pk;
  s.nonce_spent = true;
  s.privileged =
      who->holds_any({domain::role::chair, domain::role::secretary, domain::role::scrutineer});
  // A subscription made before authenticating now reads as the person may.
  pushes_.set_authenticated(s.conn->id(), s.privileged, r.device_pk.hex());
  log::info("authenticated", {{"conn", s.conn->id()}, {"person", who->person_id}});
  send(s.conn,
       protocol::encode_reply(id, protocol::auth_reply{who->person_id, role_names(who->roles)}));
}

void session_gate::subscribe(session& s, std::uint64_t id, const protocol::subscribe_request& r) {
  subscription topics;
  for (auto t : r.topics) {
    topics.board = topics.board || t == protocol::topic::board;
    topics.basis = topics.basis || t == protocol::topic::basis;
    topics.course = topics.course || t == protocol::topic::course;
    topics.state = topics.state || t == protocol::topic::state;
    topics.results = topics.results || t == protocol::topic::results;
  }
  topics.since_seq = r.since_seq;
  // A course holds the reader's own device's events once it is authenticated.
  if (s.device_key) topics.own_device_pk = s.device_key->hex();
  pushes_.subscribe(s.conn, id, topics, s.privileged);
}

}  // namespace plenum::server::service
