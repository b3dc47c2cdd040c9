#include "service/hall_service.hpp"

#include <boost/json/parse.hpp>
#include <future>
#include <type_traits>

#include "common/log.hpp"
#include "domain/decide.hpp"
#include "domain/views.hpp"
#include "downloads/download_store.hpp"
#include "downloads/work_queue.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/replies.hpp"
#include "service/coalescing_pusher.hpp"
#include "service/session.hpp"
#include "service/to_command.hpp"
#include "storage/congress_key_store.hpp"

namespace plenum::server::service {

namespace json = boost::json;

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

// ---- start-up ----

storage::storage_result<std::unique_ptr<hall_service>> hall_service::open(hall_config config) {
  storage::congress_key_store store(config.data_dir_);
  auto key = store.load_or_create();
  if (!key) return key.error();
  auto log = storage::event_log::open(config.data_dir_ / "events.db", *key);
  if (!log) return log.error();
  domain::congress_state state;
  for (const auto& e : (*log)->events()) {
    const std::string where = "event " + std::to_string(e.seq) + " (" + e.type + ")";
    auto body = protocol::decode_event_payload(e.type, e.payload);
    if (!body) {
      return storage::make_storage_error(errc::broken_chain, where + ": " + body.error().message());
    }
    auto applied = state.apply(domain::event{e.seq, e.entry_hash, std::move(*body)});
    if (!applied) {
      return storage::make_storage_error(
          errc::broken_chain,
          where + ": the congress rules cannot replay it: " + applied.error().reason);
    }
  }
  auto service = std::make_unique<hall_service>(config, *key, std::move(*log), std::move(state));
  if (service->event_count() == 0) {
    auto created = service->execute_and_wait(
        domain::create_congress{config.congress_id_, config.congress_name_, config.term_start_,
                                config.term_end_},
        domain::actor::system());
    if (!created) {
      return storage::make_storage_error(
          errc::storage_failure, "cannot create the congress: " + created.error().message());
    }
  }
  return service;
}

hall_service::hall_service(hall_config config, crypto::secret_key congress_key,
                           std::unique_ptr<storage::event_log> log, domain::congress_state state)
    : config_(std::move(config)),
      clock_(config_.clock_ ? config_.clock_ : std::make_shared<domain::system_clock>()),
      congress_key_(std::move(congress_key)),
      congress_pk_(congress_key_.public_part()),
      log_(std::move(log)),
      state_(std::move(state)),
      attempts_(config_.attempt_limits_) {
  entry_hashes_.reserve(log_->events().size());
  for (const auto& e : log_->events()) {
    entry_hashes_.push_back(e.entry_hash);
    (void)embargo_.observe(e);
  }
  durable_count_ = entry_hashes_.size();
  pusher_ = std::make_unique<coalescing_pusher>(config_.push_interval_, [this] { push_state(); });
  downloads_ = std::make_unique<downloads::download_store>(config_.data_dir_ / "downloads");
  // At most four downloads wait; an idle minute removes the files of expired links.
  download_jobs_ = std::make_unique<downloads::work_queue>(
      4, [this] { downloads_->purge(); }, std::chrono::minutes(1));
}

hall_service::~hall_service() {
  // A download being made may still reply; it finishes before anything else goes.
  download_jobs_.reset();
  // The last durable handlers may still push; the push thread goes after them.
  (void)log_->flush();
  pusher_.reset();
}

// ---- connections ----

void hall_service::on_open(const std::shared_ptr<net::connection>& conn) {
  auto s = std::make_shared<session>();
  s->conn = conn;
  crypto::system_random().fill(s->server_nonce);
  const protocol::hello h{congress_id(), s->server_nonce, congress_pk_,
                          static_cast<std::uint64_t>(clock_->now_ms())};
  {
    std::lock_guard lock(sessions_mutex_);
    sessions_.insert_or_assign(conn->id(), s);
  }
  send(conn, protocol::encode_hello(h));
}

void hall_service::on_close(const std::shared_ptr<net::connection>& conn) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.erase(conn->id());
  board_subscribers_.erase(conn->id());
  result_subscribers_.erase(conn->id());
}

std::shared_ptr<session> hall_service::find_session(std::uint64_t conn_id) const {
  std::lock_guard lock(sessions_mutex_);
  auto it = sessions_.find(conn_id);
  return it == sessions_.end() ? nullptr : it->second;
}

void hall_service::on_message(const std::shared_ptr<net::connection>& conn, std::string text) {
  auto s = find_session(conn->id());
  if (!s) return;
  std::optional<std::uint64_t> id;
  try {
    auto f = protocol::parse_request(text);
    if (!f) return send(conn, protocol::encode_error(f.error()));
    id = f->id;
    if (protocol::is_hall_request_type(f->type)) {
      auto m = protocol::decode_hall_request(*f);
      if (!m) return send(conn, protocol::encode_error(m.error()));
      handle_hall(*s, *m);
    } else {
      auto m = protocol::decode_request(*f);
      if (!m) return send(conn, protocol::encode_error(m.error()));
      handle_session(*s, *m);
    }
  } catch (const std::exception& e) {
    log::error("request failed", {{"conn", conn->id()}, {"error", e.what()}});
    send(conn, error_frame(id, errc::internal));
  } catch (...) {
    log::error("request failed", {{"conn", conn->id()}});
    send(conn, error_frame(id, errc::internal));
  }
}

// ---- dispatch ----

void hall_service::handle_session(session& s, const protocol::request_message& m) {
  const std::uint64_t id = m.id;
  std::visit(
      [&](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, protocol::auth_request>) {
          handle_auth(s, id, r);
        } else if constexpr (std::is_same_v<T, protocol::ping_request>) {
          send(s.conn, protocol::encode_reply(
                           id, protocol::ping_reply{static_cast<std::uint64_t>(clock_->now_ms())}));
        } else if constexpr (std::is_same_v<T, protocol::subscribe_request>) {
          handle_subscribe(s, id, r);
        } else if constexpr (std::is_same_v<T, protocol::get_state_request>) {
          send(s.conn, protocol::encode_ok(id, json::object{{"state", state_view(s)}}));
        } else {
          auto cmd = to_command(m.body);
          if (!cmd) return send(s.conn, error_frame(id, errc::internal));
          run_for_session(s, id, std::move(*cmd));
        }
      },
      m.body);
}

void hall_service::handle_hall(session& s, const protocol::hall_request_message& m) {
  if (const auto* d = std::get_if<protocol::prepare_download_request>(&m.body))
    return prepare_download(s, m.id, *d);
  auto cmd = to_command(m.body, crypto::system_random());
  if (!cmd) return send(s.conn, query(m.id, m.body, s));
  run_for_session(s, m.id, std::move(*cmd));
}

void hall_service::run_for_session(session& s, std::uint64_t id, domain::command cmd) {
  const bool enroll = std::holds_alternative<domain::enroll_device>(cmd);
  if (!enroll && !s.device_key) return send(s.conn, error_frame(id, errc::unauthenticated));
  auto conn = s.conn;
  if (!enroll) {
    return execute_as(
        id, with_ballot_checked(std::move(cmd)), s.device_key, domain::actor::device(),
        [conn](boost::system::error_code, std::string frame) { send(conn, std::move(frame)); });
  }
  // Guessing codes costs the guesser: refused enrollments count against the address, and a
  // connection that fails max_auth_attempts_ times is closed.
  const std::string address = attempt_limiter::address_of(conn->remote());
  if (!attempts_.allowed(address, clock_->now_ms()))
    return send(conn, error_frame(id, errc::rate_limited));
  auto self = find_session(conn->id());
  execute_as(id, std::move(cmd), std::nullopt, domain::actor::device(),
             [this, conn, self, address](boost::system::error_code ec, std::string frame) {
               send(conn, std::move(frame));
               if (!ec) return;
               attempts_.failed(address, clock_->now_ms());
               if (self && ++self->failed_enrolls >= config_.max_auth_attempts_) conn->close();
             });
}

void hall_service::handle_auth(session& s, std::uint64_t id, const protocol::auth_request& r) {
  const std::string address = attempt_limiter::address_of(s.conn->remote());
  if (!attempts_.allowed(address, clock_->now_ms()))
    return send(s.conn, error_frame(id, errc::rate_limited));
  auto fail = [&](boost::system::error_code ec) {
    attempts_.failed(address, clock_->now_ms());
    send(s.conn, error_frame(id, ec));
    if (++s.failed_auths >= config_.max_auth_attempts_) s.conn->close();
  };
  // One challenge authenticates once; a connection that wants another identity reconnects.
  if (s.nonce_spent) return fail(errc::bad_auth_signature);
  const auto digest =
      crypto::auth_digest(congress_id(), s.server_nonce, r.client_nonce, r.device_pk);
  if (!r.device_pk.verify(digest, r.sig)) return fail(errc::bad_auth_signature);
  result<domain::actor> who = errc::internal;
  {
    std::lock_guard lock(mutex_);
    who = domain::authenticate(state_, r.device_pk);
  }
  if (!who) return fail(who.error());
  s.device_key = r.device_pk;
  s.nonce_spent = true;
  s.privileged =
      who->holds_any({domain::role::chair, domain::role::secretary, domain::role::scrutineer});
  {
    // A subscription made before authenticating now reads as the person may.
    std::lock_guard lock(push_mutex_);
    std::lock_guard slock(sessions_mutex_);
    for (auto* list : {&board_subscribers_, &result_subscribers_})
      if (auto it = list->find(s.conn->id()); it != list->end())
        it->second.privileged = s.privileged;
  }
  log::info("authenticated", {{"conn", s.conn->id()}, {"person", who->person_id}});
  send(s.conn,
       protocol::encode_reply(id, protocol::auth_reply{who->person_id, role_names(who->roles)}));
}

void hall_service::handle_subscribe(session& s, std::uint64_t id,
                                    const protocol::subscribe_request& r) {
  bool board = false;
  bool state = false;
  bool results = false;
  for (auto t : r.topics) {
    board = board || t == protocol::topic::board;
    state = state || t == protocol::topic::state;
    results = results || t == protocol::topic::results;
  }
  {
    // Under push_mutex_ no board event is pushed: the replay and the live pushes meet
    // without a gap or a repeat.
    std::lock_guard lock(push_mutex_);
    send(s.conn, protocol::encode_reply(id, protocol::subscribe_reply{durable_count_}));
    if (board && r.since_seq) {
      for (std::uint64_t from = *r.since_seq; from < durable_count_;) {
        auto page = log_->snapshot(from);
        if (page.empty()) break;
        for (const auto& e : page) {
          if (e.seq >= durable_count_) break;
          send(s.conn, protocol::encode_board_event_push(board_event_for(e, s.privileged)));
        }
        from = durable_count_;
      }
    }
    s.board = board;
    s.state = state;
    s.results = results;
    std::lock_guard slock(sessions_mutex_);
    const auto conn_id = s.conn->id();
    const subscriber me{s.conn, s.privileged};
    if (board)
      board_subscribers_.insert_or_assign(conn_id, me);
    else
      board_subscribers_.erase(conn_id);
    if (results)
      result_subscribers_.insert_or_assign(conn_id, me);
    else
      result_subscribers_.erase(conn_id);
  }
  if (state) {
    json::object view;
    {
      std::lock_guard lock(mutex_);
      view = public_view_locked(s.privileged);
    }
    send(s.conn, protocol::encode_push("state", json::object{{"state", std::move(view)}}));
  }
}

// ---- service commands ----

void hall_service::execute(std::uint64_t id, const domain::command& cmd, const domain::actor& who,
                           reply_handler done) {
  if (who.who == domain::actor::kind::person && who.device_key) {
    return execute_as(id, cmd, who.device_key, who, std::move(done));
  }
  execute_as(id, cmd, std::nullopt, who, std::move(done));
}

result<json::object> hall_service::execute_and_wait(const domain::command& cmd,
                                                    const domain::actor& who) {
  std::promise<std::pair<boost::system::error_code, std::string>> promise;
  auto future = promise.get_future();
  execute(0, cmd, who, [&promise](boost::system::error_code ec, std::string frame) {
    promise.set_value({ec, std::move(frame)});
  });
  auto [ec, frame] = future.get();
  if (ec) return ec;
  auto parsed = protocol::parse_server_frame(frame);
  if (!parsed) return errc::internal;
  return std::move(parsed->fields);
}

boost::system::error_code hall_service::flush() { return log_->flush(); }

std::string hall_service::congress_id() const {
  std::lock_guard lock(mutex_);
  return state_.congress() ? state_.congress()->id : config_.congress_id_;
}

std::uint64_t hall_service::event_count() const {
  std::lock_guard lock(mutex_);
  return state_.next_seq();
}

crypto::public_key hall_service::congress_public_key() const { return congress_pk_; }

std::vector<domain::person> hall_service::persons() const {
  std::lock_guard lock(mutex_);
  return state_.persons();
}

json::object hall_service::full_snapshot() const {
  std::lock_guard lock(mutex_);
  return domain::full_snapshot(state_);
}

}  // namespace plenum::server::service
