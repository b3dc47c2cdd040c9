#include "service/hall_service.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <cstddef>
#include <future>
#include <type_traits>

#include "common/log.hpp"
#include "domain/decide.hpp"
#include "domain/views.hpp"
#include "downloads/download_store.hpp"
#include "downloads/work_queue.hpp"
#include "plenum/protocol/replies.hpp"
#include "service/broadcaster.hpp"
#include "service/command_pipeline.hpp"
#include "service/session.hpp"
#include "service/session_gate.hpp"
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

}  // namespace

// ---- start-up ----

storage::storage_result<std::unique_ptr<hall_service>> hall_service::open(hall_config config) {
  auto key = config.signing_key ? config.signing_key()
                                : storage::congress_key_store(config.data_dir).load_or_create();
  if (!key) return key.error();
  // In a burst of ballots a commit every few milliseconds takes them in groups; a command in a
  // quiet hall is committed at once.
  storage::event_log_options log_options;
  log_options.commit_interval = std::chrono::milliseconds(4);
  auto log = [&]() -> storage::storage_result<std::unique_ptr<storage::event_log>> {
    if (!config.event_store)
      return storage::event_log::open(config.data_dir / "events.db", *key, log_options);
    auto log_store = config.event_store();
    if (!log_store) return log_store.error();
    return storage::event_log::open(std::move(*log_store), *key, log_options);
  }();
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
    auto created =
        service->execute_and_wait(domain::create_congress{config.congress_id, config.congress_name,
                                                          config.term_start, config.term_end},
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
      clock_(config_.clock ? config_.clock : std::make_shared<domain::system_clock>()),
      congress_key_(std::move(congress_key)),
      congress_pk_(log->congress_public_key()),
      log_(std::move(log)) {
  pushes_ = std::make_unique<broadcaster>(*log_);
  commands_ = std::make_unique<command_pipeline>(*log_, congress_key_, clock_, config_.settings,
                                                 std::move(state), *pushes_);
  commands_->keep_receipts(config_.kept_receipts);
  gate_ = std::make_unique<session_gate>(config_, clock_, congress_pk_, congress_key_.public_part(),
                                         *commands_, *pushes_);
  pushes_->start(config_.push_pace, [this](const std::vector<bool>& privileged) {
    return commands_->read([&](const domain::congress_state& congress) {
      state_views made{congress.next_seq(), {}};
      for (bool p : privileged) made.views.push_back(public_view_of(congress, p));
      return made;
    });
  });
  downloads_ = std::make_unique<downloads::download_store>(config_.data_dir / "downloads");
  // At most four downloads wait; an idle minute removes the files of expired links.
  download_jobs_ = std::make_unique<downloads::work_queue>(
      4, [this] { downloads_->purge(); }, std::chrono::minutes(1));
}

hall_service::~hall_service() {
  // A download being made may still reply; it finishes before anything else goes.
  download_jobs_.reset();
  // The last durable handlers may still push; the push thread goes after them, before the
  // pipeline it reads the views from.
  (void)log_->flush();
  pushes_->stop();
}

// ---- connections ----

void hall_service::on_open(const std::shared_ptr<net::connection>& conn) { gate_->open(conn); }

void hall_service::on_close(const std::shared_ptr<net::connection>& conn) { gate_->close(conn); }

void hall_service::on_message(const std::shared_ptr<net::connection>& conn, std::string text) {
  auto s = gate_->find(conn->id());
  if (!s) return;
  std::optional<std::uint64_t> id;
  // The request's JSON lives only while it is decoded: its values come from one arena, most
  // requests (a ballot among them) from this buffer alone.
  alignas(std::max_align_t) unsigned char arena_buffer[32 * 1024];
  json::monotonic_resource arena(arena_buffer, sizeof arena_buffer);
  try {
    auto f = protocol::parse_request(text, {}, json::storage_ptr(&arena));
    if (!f) return send(conn, protocol::encode_error(f.error()));
    id = f->id;
    if (protocol::is_hall_request_type(f->type)) {
      auto m = protocol::decode_hall_request(*f);
      if (!m) return send(conn, protocol::encode_error(m.error()));
      handle_hall(*s, *m);
    } else {
      // An authenticated device's own key in its ballots was checked at its enrollment and auth.
      auto m = s->device_key ? protocol::decode_request(*f, *s->device_key)
                             : protocol::decode_request(*f);
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
          gate_->auth(s, id, r);
        } else if constexpr (std::is_same_v<T, protocol::ping_request>) {
          send(s.conn, protocol::encode_reply(
                           id, protocol::ping_reply{static_cast<std::uint64_t>(clock_->now_ms())}));
        } else if constexpr (std::is_same_v<T, protocol::subscribe_request>) {
          gate_->subscribe(s, id, r);
        } else if constexpr (std::is_same_v<T, protocol::get_state_request>) {
          reply_state(s, id);
        } else {
          auto cmd = to_command(m.body);
          if (!cmd) return send(s.conn, error_frame(id, errc::internal));
          gate_->run_command(s, id, std::move(*cmd));
        }
      },
      m.body);
}

void hall_service::handle_hall(session& s, const protocol::hall_request_message& m) {
  if (const auto* d = std::get_if<protocol::prepare_download_request>(&m.body))
    return prepare_download(s, m.id, *d);
  auto cmd = to_command(m.body, crypto::system_random());
  if (!cmd) return send(s.conn, query(m.id, m.body, s));
  gate_->run_command(s, m.id, std::move(*cmd));
}

// ---- service commands ----

void hall_service::execute(std::uint64_t id, const domain::command& cmd, const domain::actor& who,
                           reply_handler done) {
  if (who.who == domain::actor::kind::person && who.device_key) {
    return commands_->execute(id, cmd, who.device_key, who, std::move(done));
  }
  commands_->execute(id, cmd, std::nullopt, who, std::move(done));
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

std::string hall_service::congress_id() const { return gate_->congress_id(); }

std::uint64_t hall_service::event_count() const {
  return commands_->read([](const domain::congress_state& state) { return state.next_seq(); });
}

crypto::public_key hall_service::congress_public_key() const { return congress_pk_; }

std::vector<domain::person> hall_service::persons() const {
  return commands_->read([](const domain::congress_state& state) { return state.persons(); });
}

json::object hall_service::full_snapshot() const {
  return commands_->read(
      [](const domain::congress_state& state) { return domain::full_snapshot(state); });
}

}  // namespace plenum::server::service
