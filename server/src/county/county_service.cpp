#include "county/county_service.hpp"

#include "common/log.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/messages_hall.hpp"
#include "plenum/protocol/replies.hpp"
#include "service/hall_service.hpp"

namespace plenum::server::county {

namespace json = boost::json;

namespace {

/// The one query the county answers.
constexpr std::string_view overview_type = "get_county_overview";
/// The county's one role, as `auth` names it.
constexpr std::string_view county_role = "county";

void send(const std::shared_ptr<net::connection>& conn, std::string frame) {
  conn->send(std::make_shared<const std::string>(std::move(frame)));
}

std::string error_frame(std::optional<std::uint64_t> id, boost::system::error_code ec) {
  return protocol::encode_error(id, ec, ec.message());
}

}  // namespace

county_service::county_service(county_config config, crypto::public_key public_key,
                               std::unique_ptr<county_accounts> accounts,
                               std::vector<county_township> townships)
    : config_(std::move(config)),
      clock_(config_.clock ? config_.clock : std::make_shared<domain::system_clock>()),
      public_key_(public_key),
      accounts_(std::move(accounts)),
      townships_(std::move(townships)),
      attempts_(config_.attempt_limits) {}

void county_service::on_open(const std::shared_ptr<net::connection>& conn) {
  auto s = std::make_shared<session>();
  s->conn = conn;
  crypto::system_random().fill(s->server_nonce);
  const protocol::hello h{config_.county_id,
                          s->server_nonce,
                          public_key_,
                          static_cast<std::uint64_t>(clock_->now_ms()),
                          true,
                          {},
                          std::nullopt};
  {
    std::lock_guard lock(mutex_);
    sessions_.insert_or_assign(conn->id(), s);
  }
  send(conn, protocol::encode_hello(h));
}

void county_service::on_close(const std::shared_ptr<net::connection>& conn) {
  std::lock_guard lock(mutex_);
  sessions_.erase(conn->id());
}

std::shared_ptr<county_service::session> county_service::find(std::uint64_t conn_id) const {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(conn_id);
  return it == sessions_.end() ? nullptr : it->second;
}

void county_service::on_message(const std::shared_ptr<net::connection>& conn, std::string text) {
  auto s = find(conn->id());
  if (!s) return;
  std::optional<std::uint64_t> id;
  try {
    auto f = protocol::parse_request(text);
    if (!f) return send(conn, protocol::encode_error(f.error()));
    id = f->id;
    handle(*s, *f);
  } catch (const std::exception& e) {
    log::error("county request failed", {{"conn", conn->id()}, {"error", e.what()}});
    send(conn, error_frame(id, errc::internal));
  }
}

void county_service::handle(session& s, const protocol::frame& f) {
  const std::uint64_t id = f.id.value_or(0);
  if (f.type == "auth") return auth(s, id, f);
  if (f.type == "enroll") return enroll(s, id, f);
  if (f.type == "ping")
    return send(s.conn,
                protocol::encode_reply(
                    id, protocol::ping_reply{static_cast<std::uint64_t>(clock_->now_ms())}));
  if (f.type == overview_type) {
    if (!s.account) return send(s.conn, error_frame(id, errc::unauthenticated));
    if (!f.fields.empty()) return send(s.conn, error_frame(id, errc::invalid_field));
    return send(s.conn, protocol::encode_ok(id, overview()));
  }
  // Every request of a hall is known here only to be refused: the county reads, never acts.
  if (!protocol::is_hall_request_type(f.type)) {
    auto m = protocol::decode_request(f);
    if (!m && m.error().code == errc::unknown_message_type)
      return send(s.conn, protocol::encode_error(m.error()));
  }
  send(s.conn, error_frame(id, s.account ? errc::permission_denied : errc::unauthenticated));
}

void county_service::refuse_attempt(session& s, std::uint64_t id, boost::system::error_code ec) {
  attempts_.failed(service::attempt_limiter::address_of(s.conn->remote()), clock_->now_ms());
  send(s.conn, error_frame(id, ec));
  if (++s.failed_attempts >= config_.max_auth_attempts) s.conn->close();
}

void county_service::auth(session& s, std::uint64_t id, const protocol::frame& f) {
  if (!attempts_.allowed(service::attempt_limiter::address_of(s.conn->remote()), clock_->now_ms()))
    return send(s.conn, error_frame(id, errc::rate_limited));
  auto m = protocol::decode_request(f);
  if (!m) return send(s.conn, protocol::encode_error(m.error()));
  const auto& r = std::get<protocol::auth_request>(m->body);
  // One challenge authenticates once; a connection that wants another identity reconnects.
  if (s.nonce_spent) return refuse_attempt(s, id, errc::bad_auth_signature);
  const auto digest =
      crypto::auth_digest(config_.county_id, s.server_nonce, r.client_nonce, r.device_pk);
  if (!r.device_pk.verify(digest, r.sig)) return refuse_attempt(s, id, errc::bad_auth_signature);
  auto account = accounts_->find_device(r.device_pk);
  if (!account) return refuse_attempt(s, id, errc::unknown_device_key);
  s.account = account->id;
  s.nonce_spent = true;
  log::info("county account authenticated", {{"conn", s.conn->id()}, {"account", account->id}});
  // The auth reply's shape, with the county's role (not one of a congress's roles).
  send(s.conn, protocol::encode_ok(
                   id, json::object{{"person", account->id}, {"roles", json::array{county_role}}}));
}

void county_service::enroll(session& s, std::uint64_t id, const protocol::frame& f) {
  if (!attempts_.allowed(service::attempt_limiter::address_of(s.conn->remote()), clock_->now_ms()))
    return send(s.conn, error_frame(id, errc::rate_limited));
  auto m = protocol::decode_request(f);
  if (!m) return send(s.conn, protocol::encode_error(m.error()));
  const auto& r = std::get<protocol::enroll_request>(m->body);
  auto enrolled = accounts_->enroll(r.person, r.code, r.device_pk, r.sig);
  if (!enrolled) {
    if (enrolled.error() == errc::storage_failure)
      return send(s.conn, error_frame(id, errc::storage_unavailable));
    return refuse_attempt(s, id, enrolled.error());
  }
  log::info("county account enrolled", {{"conn", s.conn->id()}, {"account", r.person}});
  send(s.conn, protocol::encode_reply(id, protocol::enroll_reply{r.person}));
}

json::object county_service::overview() const {
  json::array townships;
  for (const auto& t : townships_) {
    json::object view = t.hall->township_overview();
    view["township"] = t.id;
    townships.push_back(std::move(view));
  }
  return {{"county", json::object{{"id", config_.county_id}, {"name", config_.county_name}}},
          {"townships", std::move(townships)}};
}

}  // namespace plenum::server::county
