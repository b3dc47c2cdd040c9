#include "service/command_pipeline.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <type_traits>

#include "common/log.hpp"
#include "domain/ballot_check.hpp"
#include "domain/decide.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/protocol/replies.hpp"
#include "service/broadcaster.hpp"

namespace plenum::server::service {

namespace json = boost::json;

// The reply of a command: sent when both its frame (computed after apply) and the durability
// of its last event are known, whichever comes second.
class command_pipeline::reply_slot {
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
struct command_pipeline::pending_event {
  std::mutex mutex;
  std::optional<storage::stored_event> event;
  bool durable = false;
  boost::system::error_code ec;
  std::shared_ptr<reply_slot> reply;  // on a command's last event
};

command_pipeline::command_pipeline(storage::event_log& log, const crypto::secret_key& congress_key,
                                   std::shared_ptr<const domain::clock> clock,
                                   domain::settings settings, domain::congress_state state,
                                   broadcaster& pushes)
    : log_(log),
      congress_key_(congress_key),
      clock_(std::move(clock)),
      settings_(settings),
      pushes_(pushes),
      state_(std::move(state)) {
  entry_hashes_.reserve(log_.events().size());
  for (const auto& e : log_.events()) entry_hashes_.push_back(e.entry_hash);
  // The events of one commit go to the subscribers together, and only then their replies.
  log_.set_batch_handler([this] {
    pushes_.push_durable();
    for (auto& [slot, ec] : batch_replies_) slot->set_durable(ec);
    batch_replies_.clear();
  });
}

domain::command command_pipeline::with_ballot_checked(domain::command cmd) const {
  // cast_ballot and spoil_ballot alike: the proofs and signature are checked here, without
  // the lock, against the vote's basis taken under it.
  auto check = [this](const std::string& vote_id, const crypto::ballot& ballot,
                      crypto::decoded_ballot_points points = {})
      -> std::shared_ptr<const domain::ballot_check> {
    std::optional<domain::ballot_basis> basis;
    {
      std::lock_guard lock(mutex_);
      basis = domain::ballot_basis_for(state_, vote_id);
    }
    if (!basis) return nullptr;
    return std::make_shared<const domain::ballot_check>(
        domain::check_ballot(*basis, ballot, std::move(points)));
  };
  if (auto* cast = std::get_if<domain::cast_ballot>(&cmd)) {
    cast->checked = check(cast->vote_id, cast->ballot, std::move(cast->points));
  } else if (auto* spoil = std::get_if<domain::spoil_ballot>(&cmd)) {
    spoil->checked = check(spoil->vote_id, spoil->ballot);
  }
  return cmd;
}

void command_pipeline::execute(std::uint64_t id, const domain::command& cmd,
                               const std::optional<crypto::public_key>& device_key,
                               const domain::actor& otherwise, reply_handler done) {
  auto refuse = [&](boost::system::error_code ec) {
    done(ec, protocol::encode_error(id, ec, ec.message()));
  };
  auto finish = [this](const std::shared_ptr<pending_event>& p) {
    if (!p->ec) pushes_.on_event_durable(*p->event);
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
  const domain::context ctx{who, clock_->now_ms(), settings_};
  auto decided = domain::decide(state_, cmd, ctx);
  if (!decided) return refuse(decided.error());

  if (decided->events.empty()) {
    // An idempotent repeat: reply once the event it refers to is durable.
    std::string frame = reply_for(id, cmd, *decided, {});
    std::uint64_t seq = 0;
    if (decided->repeat) seq = decided->repeat->seq;
    pushes_.send_when_durable(
        seq, [id, done, frame = std::move(frame)](boost::system::error_code ec) mutable {
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
                      [this, pending](boost::system::error_code ec) {
                        // The state goes back before anyone hears of the failure (this waits
                        // for mutex_, so the event is set by then).
                        if (ec) on_commit_failed();
                        std::unique_lock plock(pending->mutex);
                        pending->durable = true;
                        pending->ec = ec;
                        const bool ready = pending->event.has_value();
                        plock.unlock();
                        if (!ready) return;  // execute finishes it once the event is set
                        // The batch handler pushes the commit's events, then replies.
                        if (!ec) pushes_.take_durable(std::move(*pending->event));
                        if (pending->reply) batch_replies_.emplace_back(pending->reply, ec);
                      }});
  }
  // A ballot's receipt is kept with it where the store keeps receipts (PostgreSQL).
  for (std::size_t i = 0; i < decided->events.size(); ++i) {
    if (const auto* accepted = std::get_if<protocol::events::ballot_accepted>(&decided->events[i]))
      drafts[i].receipt_tracking_code = accepted->tracking_code;
  }
  // Private details go with the group's last event: the group commits in one transaction, so
  // they are stored with the events that carry their digests or not at all.
  for (const auto& row : decided->private_details)
    drafts.back().private_details.push_back({row.digest, row.salt, row.details});
  auto appended = log_.append_group(state_.next_seq(), std::move(drafts));
  if (!appended) {
    log::warn("append refused", {{"type", protocol::event_type(decided->events.front())},
                                 {"error", appended.error().message()}});
    return slot->set_durable(appended.error()), slot->set_frame(appended.error(), {});
  }
  // A cast ballot's points as its check outside the lock decoded them, for the vote's tally.
  const crypto::decoded_ballot_points* ballot_points = nullptr;
  if (const auto* cast = std::get_if<domain::cast_ballot>(&cmd);
      cast != nullptr && cast->checked && cast->checked->verdict.has_value())
    ballot_points = &cast->checked->verdict->points;
  std::vector<applied_event> applied;
  for (std::size_t i = 0; i < decided->events.size(); ++i) {
    auto& body = decided->events[i];
    const std::string type(protocol::event_type(body));
    const auto& placed = (*appended)[i];
    const crypto::digest32 prev = entry_hashes_.empty() ? crypto::digest32{} : entry_hashes_.back();
    entry_hashes_.push_back(placed.entry_hash);
    auto applied_ok = state_.apply(domain::event{
        placed.seq, placed.entry_hash, body,
        std::holds_alternative<protocol::events::ballot_accepted>(body) ? ballot_points : nullptr});
    if (!applied_ok) {
      log::error("apply failed",
                 {{"seq", placed.seq}, {"type", type}, {"error", applied_ok.error().reason}});
    }
    applied.push_back({placed.seq, std::move(body), std::nullopt});
    if (std::holds_alternative<protocol::events::ballot_accepted>(applied.back().body))
      applied.back().entry = protocol::board_event{
          placed.seq, prev, type, texts[i], placed.entry_hash, placed.signature, false};
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
  pushes_.notify_state();
}

void command_pipeline::on_commit_failed() {
  std::lock_guard lock(mutex_);
  resync_locked();
}

void command_pipeline::resync_locked() {
  const std::uint64_t durable = log_.head().length;
  if (durable == state_.next_seq()) return;
  // A commit failed and the log went back to its last durable event: so does the state. The
  // events are replayed as at start-up (rare, so plain beats fast).
  const auto events = log_.snapshot();
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
  pushes_.refuse_from(state_.next_seq());
}

}  // namespace plenum::server::service
