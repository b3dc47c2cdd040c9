// The command path: under the hall's mutex decide, append each event and apply it; the reply
// goes out when the last event is durable. Board events are pushed in seq order once durable.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <type_traits>

#include "common/log.hpp"
#include "domain/ballot_check.hpp"
#include "domain/decide.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "plenum/protocol/replies.hpp"
#include "service/coalescing_pusher.hpp"
#include "service/hall_service.hpp"

#include "plenum/protocol/codec_spoil.hpp"
#include "service/session.hpp"

namespace plenum::server::service {

namespace json = boost::json;

namespace {

// The reply of a command: sent when both its frame (computed after apply) and the durability
// of its last event are known, whichever comes second.
class reply_slot {
 public:
  reply_slot(std::uint64_t id, reply_handler done) : id_(id), done_(std::move(done)) {}

  void set_frame(boost::system::error_code ec, std::string frame) {
    std::unique_lock lock(mutex_);
    frame_ec_ = ec;
    frame_ = std::move(frame);
    maybe_send(lock);
  }
  void set_durable(boost::system::error_code ec) {
    std::unique_lock lock(mutex_);
    durable_ = true;
    durable_ec_ = ec;
    maybe_send(lock);
  }

 private:
  void maybe_send(std::unique_lock<std::mutex>& lock) {
    if (sent_ || !durable_ || !frame_) return;
    sent_ = true;
    reply_handler done = std::move(done_);
    if (durable_ec_) {
      lock.unlock();
      return done(durable_ec_, protocol::encode_error(id_, durable_ec_, durable_ec_.message()));
    }
    std::string frame = std::move(*frame_);
    const auto ec = frame_ec_;
    lock.unlock();
    done(ec, std::move(frame));
  }

  std::mutex mutex_;
  std::uint64_t id_;
  reply_handler done_;
  std::optional<std::string> frame_;
  boost::system::error_code frame_ec_;
  bool durable_ = false;
  boost::system::error_code durable_ec_;
  bool sent_ = false;
};

// One appended event: its stored form (known once append returned) and its durability (known
// on the writer thread); whichever comes second finishes it.
struct pending_event {
  std::mutex mutex;
  std::optional<storage::stored_event> event;
  bool durable = false;
  boost::system::error_code ec;
  std::shared_ptr<reply_slot> reply;  // on a command's last event
};

template <typename T>
bool holds(const domain::command& cmd) {
  return std::holds_alternative<T>(cmd);
}

}  // namespace

domain::command hall_service::with_ballot_checked(domain::command cmd) const {
  // cast_ballot and spoil_ballot alike: the proofs and signature are checked here, without
  // the lock, against the vote's basis taken under it.
  auto check = [this](const std::string& vote_id,
                      const crypto::ballot& ballot) -> std::shared_ptr<const domain::ballot_check> {
    std::optional<domain::ballot_basis> basis;
    {
      std::lock_guard lock(mutex_);
      basis = domain::ballot_basis_for(state_, vote_id);
    }
    if (!basis) return nullptr;
    return std::make_shared<const domain::ballot_check>(domain::check_ballot(*basis, ballot));
  };
  if (auto* cast = std::get_if<domain::cast_ballot>(&cmd)) {
    cast->checked = check(cast->vote_id, cast->ballot);
  } else if (auto* spoil = std::get_if<domain::spoil_ballot>(&cmd)) {
    spoil->checked = check(spoil->vote_id, spoil->ballot);
  }
  return cmd;
}

void hall_service::execute_as(std::uint64_t id, const domain::command& cmd,
                              const std::optional<crypto::public_key>& device_key,
                              const domain::actor& otherwise, reply_handler done) {
  auto refuse = [&](boost::system::error_code ec) {
    done(ec, protocol::encode_error(id, ec, ec.message()));
  };
  auto finish = [this](const std::shared_ptr<pending_event>& p) {
    if (!p->ec) on_event_durable(*p->event);
    if (p->reply) p->reply->set_durable(p->ec);
  };

  std::lock_guard lock(mutex_);
  resync_locked();
  domain::actor who = otherwise;
  if (device_key) {
    auto person = domain::authenticate(state_, *device_key);
    if (!person) return refuse(person.error());
    who = *person;
  }
  const domain::context ctx{who, clock_->now_ms(), config_.settings_};
  auto decided = domain::decide(state_, cmd, ctx);
  if (!decided) return refuse(decided.error());

  if (decided->events.empty()) {
    // An idempotent repeat: reply once the event it refers to is durable.
    std::string frame = reply_for(id, cmd, *decided, {});
    std::uint64_t seq = 0;
    if (const auto* s = decided->reply.if_contains("board_seq"); s && s->is_uint64())
      seq = s->as_uint64();
    else if (s && s->is_int64())
      seq = static_cast<std::uint64_t>(s->as_int64());
    send_when_durable(seq,
                      [id, done, frame = std::move(frame)](boost::system::error_code ec) mutable {
                        if (ec) return done(ec, protocol::encode_error(id, ec, ec.message()));
                        done({}, std::move(frame));
                      });
    return;
  }

  // The command's events go to the log as one group (durable whole or not at all), then are
  // applied; a failed commit later takes the state back (resync_locked).
  auto slot = std::make_shared<reply_slot>(id, std::move(done));
  std::vector<std::shared_ptr<pending_event>> pendings;
  std::vector<storage::event_draft> drafts;
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < decided->events.size(); ++i) {
    auto pending = std::make_shared<pending_event>();
    if (i + 1 == decided->events.size()) pending->reply = slot;
    pendings.push_back(pending);
    // Encoded once: the log stores and hashes this text; the state applies the typed event.
    texts.push_back(protocol::encode_event_payload(decided->events[i]));
    drafts.push_back({std::string(protocol::event_type(decided->events[i])), texts.back(),
                      [this, pending, finish](boost::system::error_code ec) {
                        // The state goes back before anyone hears of the failure (this waits
                        // for mutex_, so the event is set by then).
                        if (ec) on_commit_failed();
                        std::unique_lock plock(pending->mutex);
                        pending->durable = true;
                        pending->ec = ec;
                        const bool ready = pending->event.has_value();
                        plock.unlock();
                        if (ready) finish(pending);
                      }});
  }
  auto appended = log_->append_group(state_.next_seq(), std::move(drafts));
  if (!appended) {
    log::warn("append refused", {{"type", protocol::event_type(decided->events.front())},
                                 {"error", appended.error().message()}});
    return slot->set_durable(appended.error()), slot->set_frame(appended.error(), {});
  }
  std::vector<applied_event> applied;
  for (std::size_t i = 0; i < decided->events.size(); ++i) {
    auto& body = decided->events[i];
    const std::string type(protocol::event_type(body));
    const auto& placed = (*appended)[i];
    const crypto::digest32 prev = entry_hashes_.empty() ? crypto::digest32{} : entry_hashes_.back();
    entry_hashes_.push_back(placed.entry_hash);
    auto applied_ok = state_.apply(domain::event{placed.seq, placed.entry_hash, body});
    if (!applied_ok) {
      log::error("apply failed",
                 {{"seq", placed.seq}, {"type", type}, {"error", applied_ok.error().reason}});
    }
    applied.push_back({placed.seq, std::move(body)});
    const auto& pending = pendings[i];
    std::unique_lock plock(pending->mutex);
    pending->event = storage::stored_event{placed.seq,
                                           prev,
                                           type,
                                           std::move(texts[i]),
                                           placed.entry_hash,
                                           placed.signature,
                                           placed.stored_at_unix_ms};
    const bool ready = pending->durable;
    plock.unlock();
    if (ready) finish(pending);
  }
  slot->set_frame({}, reply_for(id, cmd, *decided, applied));
  pusher_->notify();
}

void hall_service::on_commit_failed() {
  std::lock_guard lock(mutex_);
  resync_locked();
}

void hall_service::resync_locked() {
  const std::uint64_t durable = log_->head().length;
  if (durable == state_.next_seq()) return;
  // A commit failed and the log went back to its last durable event: so does the state. The
  // events are replayed as at start-up (rare, so plain beats fast).
  const auto events = log_->snapshot();
  domain::congress_state fresh;
  std::vector<crypto::digest32> hashes;
  hashes.reserve(events.size());
  for (const auto& e : events) {
    auto body = protocol::decode_event_payload(e.type, e.payload);
    if (!body || !fresh.apply(domain::event{e.seq, e.entry_hash, std::move(*body)})) {
      log::error("replay after a failed commit stopped", {{"seq", e.seq}, {"type", e.type}});
      break;
    }
    hashes.push_back(e.entry_hash);
  }
  log::warn("state taken back to the last durable event",
            {{"from_events", state_.next_seq()}, {"to_events", fresh.next_seq()}});
  state_ = std::move(fresh);
  entry_hashes_ = std::move(hashes);

  // Replies waiting for an event that will never be durable get the error.
  std::vector<std::function<void(boost::system::error_code)>> refused;
  {
    std::lock_guard plock(push_mutex_);
    for (auto it = waiting_.lower_bound(state_.next_seq()); it != waiting_.end();) {
      refused.push_back(std::move(it->second));
      it = waiting_.erase(it);
    }
    ready_.erase(ready_.lower_bound(state_.next_seq()), ready_.end());
  }
  for (auto& r : refused) r(make_error_code(errc::storage_unavailable));
  if (pusher_) pusher_->notify();
}

void hall_service::send_when_durable(std::uint64_t seq,
                                     std::function<void(boost::system::error_code)> send) {
  {
    std::lock_guard lock(push_mutex_);
    if (seq >= durable_count_) {
      waiting_.emplace(seq, std::move(send));
      return;
    }
  }
  send({});
}

void hall_service::on_event_durable(const storage::stored_event& e) {
  std::vector<std::function<void(boost::system::error_code)>> sends;
  bool embargo_lifted = false;
  std::lock_guard lock(push_mutex_);
  ready_.insert_or_assign(e.seq, e);
  while (!ready_.empty() && ready_.begin()->first == durable_count_) {
    auto node = ready_.extract(ready_.begin());
    const storage::stored_event& ev = node.mapped();
    ++durable_count_;
    // A result stays sealed for the public until its announcement is durable.
    const auto lifted = embargo_.observe(ev);
    const bool sealed = embargo_.sealed(ev.seq);
    std::vector<subscriber> board;
    std::vector<subscriber> results;
    {
      std::lock_guard slock(sessions_mutex_);
      board.reserve(board_subscribers_.size());
      for (const auto& [id, sub] : board_subscribers_) board.push_back(sub);
      if (ev.type == "vote_decided" || lifted)
        for (const auto& [id, sub] : result_subscribers_) results.push_back(sub);
    }
    if (!board.empty()) {
      auto whole = std::make_shared<const std::string>(
          protocol::encode_board_event_push(board_event_for(ev, true)));
      auto public_frame = sealed
                              ? std::make_shared<const std::string>(
                                    protocol::encode_board_event_push(board_event_for(ev, false)))
                              : whole;
      for (const auto& sub : board) sub.conn->send(sub.privileged ? whole : public_frame);
    }
    // The decided result goes to the privileged at once and to everyone once announced.
    auto push_result = [&](const std::string& payload_text, std::uint64_t seq, bool to_public) {
      boost::system::error_code ec;
      json::value payload = json::parse(payload_text, ec);
      if (ec || !payload.is_object()) return;
      json::object fields{
          {"vote_id", payload.as_object()["vote_id"]}, {"board_seq", seq}, {"result", payload}};
      auto frame = std::make_shared<const std::string>(protocol::encode_push("result", fields));
      for (const auto& sub : results)
        if (sub.privileged != to_public) sub.conn->send(frame);
    };
    if (ev.type == "vote_decided") push_result(ev.payload, ev.seq, false);
    if (lifted) {
      push_result(lifted->decided_payload, lifted->decided_seq, true);
      embargo_lifted = true;
    }
    for (auto it = waiting_.begin(); it != waiting_.end() && it->first < durable_count_;) {
      sends.push_back(std::move(it->second));
      it = waiting_.erase(it);
    }
  }
  for (auto& s : sends) s({});
  // The public state changes when an embargo lifts, which happens here, after the command's
  // own push (made when it was applied, while the result was still sealed).
  if ((!sends.empty() || embargo_lifted) && pusher_) pusher_->notify();
}

std::string hall_service::receipt_reply(std::uint64_t id, const std::string& tracking_hex,
                                        std::uint64_t seq) const {
  auto tracking = crypto::from_hex_fixed<32>(tracking_hex);
  if (!tracking || seq >= entry_hashes_.size())
    return protocol::encode_error(id, errc::internal, "the receipt cannot be made");
  protocol::receipt r;
  r.tracking_code = *tracking;
  r.board_seq = seq;
  r.board_entry_hash = entry_hashes_[seq];
  r.sig = congress_key_.sign(crypto::receipt_digest(r.tracking_code, seq, r.board_entry_hash));
  return protocol::encode_reply(
      id, protocol::cast_ballot_reply{r, crypto::tracking_code_display(r.tracking_code)});
}

std::string hall_service::spoil_reply(std::uint64_t id, const crypto::digest32& tracking_code,
                                      crypto::ballot_choices choices, std::uint64_t seq) const {
  protocol::spoil_ballot_reply r;
  r.board_seq = seq;
  r.tracking_code = tracking_code;
  r.tracking_code_display = crypto::tracking_code_display(r.tracking_code);
  r.choices = std::move(choices);
  return protocol::encode_reply(id, r);
}

std::string hall_service::reply_for(std::uint64_t id, const domain::command& cmd,
                                    const domain::decision& d,
                                    const std::vector<applied_event>& applied) const {
  const std::uint64_t last_seq = applied.empty() ? 0 : applied.back().seq;
  auto text_of = [](const json::object& o, std::string_view key) -> std::string {
    const auto* v = o.if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  if (holds<domain::cast_ballot>(cmd)) {
    if (!applied.empty()) {
      const auto* accepted = std::get_if<protocol::events::ballot_accepted>(&applied.front().body);
      if (accepted == nullptr) return protocol::encode_error(id, errc::internal, "no receipt");
      return receipt_reply(id, crypto::to_hex(accepted->tracking_code), applied.front().seq);
    }
    const auto* seq = d.reply.if_contains("board_seq");
    std::uint64_t s = 0;
    if (seq != nullptr && seq->is_uint64()) s = seq->as_uint64();
    if (seq != nullptr && seq->is_int64()) s = static_cast<std::uint64_t>(seq->as_int64());
    return receipt_reply(id, text_of(d.reply, "tracking_code"), s);
  }
  if (holds<domain::spoil_ballot>(cmd)) {
    if (!applied.empty()) {
      const auto* spoiled = std::get_if<protocol::events::ballot_spoiled>(&applied.front().body);
      if (spoiled == nullptr) return protocol::encode_error(id, errc::internal, "no receipt");
      return spoil_reply(id, spoiled->tracking_code, spoiled->choices, applied.front().seq);
    }
    // The identical challenge sent again: its original answer (decide's reply).
    auto tracking = crypto::from_hex_fixed<32>(text_of(d.reply, "tracking_code"));
    const auto* choices = d.reply.if_contains("choices");
    auto decoded = choices ? protocol::decode_choices(*choices)
                           : protocol::decoded<crypto::ballot_choices>(
                                 protocol::refuse(errc::internal, "no choices"));
    const auto* seq = d.reply.if_contains("board_seq");
    if (!tracking || !decoded || seq == nullptr || !seq->is_number())
      return protocol::encode_error(id, errc::internal, "the reply cannot be made");
    return spoil_reply(id, *tracking, std::move(*decoded), seq->to_number<std::uint64_t>());
  }
  if (const auto* c = std::get_if<domain::enroll_device>(&cmd)) {
    return protocol::encode_reply(id, protocol::enroll_reply{c->person});
  }
  if (holds<domain::check_in>(cmd)) {
    return protocol::encode_reply(id, protocol::checkin_reply{last_seq});
  }
  if (const auto* c = std::get_if<domain::confirm_keys>(&cmd)) {
    const domain::sitting* s = state_.find_sitting(c->sitting_id);
    const bool complete = s != nullptr && s->ceremony && s->ceremony->complete;
    return protocol::encode_reply(id, protocol::confirm_key_reply{complete});
  }
  if (const auto* c = std::get_if<domain::submit_partial>(&cmd)) {
    const domain::vote* v = state_.find_vote(c->vote_id);
    const domain::sitting* s = v ? state_.find_sitting(v->sitting_id) : nullptr;
    const std::uint64_t needed = s != nullptr && s->ceremony ? s->ceremony->k : 0;
    return protocol::encode_reply(
        id, protocol::partial_decryption_reply{v ? v->partials.size() : 0, needed});
  }
  if (holds<domain::submit_keygen>(cmd)) return protocol::encode_ok(id, {});
  if (const auto* c = std::get_if<domain::issue_enrollment_code>(&cmd)) {
    return protocol::encode_ok(
        id, json::object{{"person", c->person}, {"code", c->code}, {"board_seq", last_seq}});
  }
  if (holds<domain::import_roster>(cmd)) {
    json::array warnings;
    for (const auto& w : state_.warnings())
      warnings.push_back(json::object{{"code", w.code}, {"detail", w.detail}});
    return protocol::encode_ok(id, json::object{{"board_seq", last_seq},
                                                {"persons", state_.persons().size()},
                                                {"warnings", std::move(warnings)}});
  }
  // The command's own reply fields (an id the congress gave) beside the board position.
  json::object fields = d.reply;
  fields["board_seq"] = last_seq;
  return protocol::encode_ok(id, std::move(fields));
}

}  // namespace plenum::server::service
