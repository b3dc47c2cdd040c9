#include "service/broadcaster.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <limits>

#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/replies.hpp"
#include "service/coalescing_pusher.hpp"

namespace plenum::server::service {

namespace json = boost::json;

namespace {

/// `events` as `board_events` pushes of at most max_events_per_push each.
std::vector<std::shared_ptr<const std::string>> board_events_frames(
    const std::vector<protocol::board_event>& events) {
  std::vector<std::shared_ptr<const std::string>> out;
  for (std::size_t i = 0; i < events.size(); i += protocol::max_events_per_push) {
    const auto end = std::min(events.size(), i + protocol::max_events_per_push);
    out.push_back(std::make_shared<const std::string>(
        protocol::encode_board_events_push({events.begin() + static_cast<std::ptrdiff_t>(i),
                                            events.begin() + static_cast<std::ptrdiff_t>(end)})));
  }
  return out;
}

}  // namespace

bool in_basis(const storage::stored_event& e) {
  return e.type != "ballot_accepted" && e.type != "ballot_spoiled";
}

broadcaster::broadcaster(const storage::event_log& log) : log_(log) {
  for (const auto& e : log_.events()) (void)embargo_.observe(e);
  durable_count_ = log_.events().size();
}

broadcaster::~broadcaster() { stop(); }

void broadcaster::start(state_push_pace pace, view_source views) {
  views_ = std::move(views);
  pace_ = pace;
  pusher_ = std::make_unique<coalescing_pusher>([this] {
    // In a full hall the pushes come less often (state_push_pace).
    const auto spread = std::chrono::duration_cast<std::chrono::milliseconds>(
        pace_.per_subscriber * static_cast<std::int64_t>(push_state()));
    return std::clamp(spread, pace_.interval, std::max(pace_.interval, pace_.longest));
  });
}

void broadcaster::stop() { pusher_.reset(); }

void broadcaster::notify_state() {
  if (pusher_) pusher_->notify();
}

void broadcaster::send_when_durable(std::uint64_t seq,
                                    std::function<void(boost::system::error_code)> send) {
  {
    std::lock_guard lock(mutex_);
    if (seq >= durable_count_) {
      waiting_.emplace(seq, std::move(send));
      return;
    }
  }
  send({});
}

void broadcaster::refuse_from(std::uint64_t seq) {
  std::vector<std::function<void(boost::system::error_code)>> refused;
  {
    std::lock_guard lock(mutex_);
    for (auto it = waiting_.lower_bound(seq); it != waiting_.end();) {
      refused.push_back(std::move(it->second));
      it = waiting_.erase(it);
    }
    ready_.erase(ready_.lower_bound(seq), ready_.end());
  }
  for (auto& r : refused) r(make_error_code(errc::storage_unavailable));
  notify_state();
}

void broadcaster::on_event_durable(const storage::stored_event& e) {
  std::vector<std::function<void(boost::system::error_code)>> sends;
  std::lock_guard lock(mutex_);
  ready_.insert_or_assign(e.seq, e);
  bool embargo_lifted = false;
  batch events;
  // Result pushes, sent after the batch that holds their events.
  std::vector<std::pair<std::shared_ptr<const std::string>, bool>> results;
  while (!ready_.empty() && ready_.begin()->first == durable_count_) {
    auto node = ready_.extract(ready_.begin());
    ++durable_count_;
    // A result stays sealed for the public until its announcement is durable.
    const auto lifted = embargo_.observe(node.mapped());
    add_to_batch(events, node.mapped());
    // The decided result goes to the privileged at once and to everyone once announced.
    auto push_result = [&](const std::string& payload_text, std::uint64_t seq, bool to_public) {
      boost::system::error_code ec;
      json::value payload = json::parse(payload_text, ec);
      if (ec || !payload.is_object()) return;
      json::object fields{
          {"vote_id", payload.as_object()["vote_id"]}, {"board_seq", seq}, {"result", payload}};
      results.emplace_back(
          std::make_shared<const std::string>(protocol::encode_push("result", fields)), to_public);
    };
    if (node.mapped().type == "vote_decided")
      push_result(node.mapped().payload, node.mapped().seq, false);
    if (lifted) {
      push_result(lifted->decided_payload, lifted->decided_seq, true);
      embargo_lifted = true;
    }
    for (auto it = waiting_.begin(); it != waiting_.end() && it->first < durable_count_;) {
      sends.push_back(std::move(it->second));
      it = waiting_.erase(it);
    }
  }
  push_batch_locked(events);
  for (const auto& [frame, to_public] : results)
    for (const auto& [id, sub] : result_subscribers_)
      if (sub.privileged != to_public) sub.conn->send(frame);
  // The sends run under mutex_, so a reply leaves before any later event's push.
  for (auto& s : sends) s({});
  // The public state changes when an embargo lifts, which happens here, after the command's
  // own push (made when it was applied, while the result was still sealed).
  if (!sends.empty() || embargo_lifted) notify_state();
}

void broadcaster::add_to_batch(batch& b, const storage::stored_event& e) const {
  const bool board = !board_subscribers_.empty();
  const bool basis = !basis_subscribers_.empty() && in_basis(e);
  if (!board && !basis) return;
  auto whole = board_event_for(e, true);
  const bool sealed = embargo_.sealed(e.seq);
  b.sealed = b.sealed || sealed;
  auto public_view = sealed ? board_event_for(e, false) : whole;
  if (basis) {
    b.basis_whole.push_back(whole);
    b.basis_public.push_back(public_view);
  }
  if (board) {
    b.board_whole.push_back(std::move(whole));
    b.board_public.push_back(std::move(public_view));
  }
}

void broadcaster::push_batch_locked(const batch& b) {
  auto send_to = [&b](const std::map<std::uint64_t, subscriber>& subscribers,
                      const std::vector<protocol::board_event>& whole,
                      const std::vector<protocol::board_event>& public_view) {
    if (subscribers.empty() || whole.empty()) return;
    const auto whole_frames = board_events_frames(whole);
    // One buffer for all when nothing in the batch is sealed.
    const auto public_frames = b.sealed ? board_events_frames(public_view) : whole_frames;
    for (const auto& [id, sub] : subscribers)
      for (const auto& frame : sub.privileged ? whole_frames : public_frames) sub.conn->send(frame);
  };
  send_to(board_subscribers_, b.board_whole, b.board_public);
  send_to(basis_subscribers_, b.basis_whole, b.basis_public);
}

void broadcaster::subscribe(const std::shared_ptr<net::connection>& conn, std::uint64_t id,
                            const subscription& topics, bool privileged) {
  {
    // Under mutex_ no board event is pushed: the replay and the live pushes meet without a gap
    // or a repeat.
    std::lock_guard lock(mutex_);
    conn->send(std::make_shared<const std::string>(
        protocol::encode_reply(id, protocol::subscribe_reply{durable_count_})));
    if ((topics.board || topics.basis) && topics.since_seq) {
      std::vector<protocol::board_event> replay;
      for (const auto& e : log_.select(*topics.since_seq, durable_count_,
                                       std::numeric_limits<std::uint64_t>::max()))
        if (topics.board || in_basis(e)) replay.push_back(board_event_for(e, privileged));
      for (auto& frame : board_events_frames(replay)) conn->send(std::move(frame));
    }
    const auto conn_id = conn->id();
    const subscriber me{conn, privileged};
    auto keep = [&](std::map<std::uint64_t, subscriber>& list, bool wanted) {
      if (wanted)
        list.insert_or_assign(conn_id, me);
      else
        list.erase(conn_id);
    };
    keep(board_subscribers_, topics.board);
    keep(basis_subscribers_, topics.basis);
    keep(state_subscribers_, topics.state);
    keep(result_subscribers_, topics.results);
  }
  if (topics.state) {
    conn->send(std::make_shared<const std::string>(
        protocol::encode_push("state", json::object{{"state", views_({privileged}).front()}})));
  }
}

void broadcaster::set_privileged(std::uint64_t conn_id, bool privileged) {
  std::lock_guard lock(mutex_);
  for (auto* list :
       {&board_subscribers_, &basis_subscribers_, &state_subscribers_, &result_subscribers_})
    if (auto it = list->find(conn_id); it != list->end()) it->second.privileged = privileged;
}

void broadcaster::remove(std::uint64_t conn_id) {
  std::lock_guard lock(mutex_);
  board_subscribers_.erase(conn_id);
  basis_subscribers_.erase(conn_id);
  state_subscribers_.erase(conn_id);
  result_subscribers_.erase(conn_id);
}

std::uint64_t broadcaster::durable_count() const {
  std::lock_guard lock(mutex_);
  return durable_count_;
}

std::vector<storage::stored_event> broadcaster::durable_events(std::uint64_t from,
                                                               std::uint64_t limit,
                                                               bool basis_only) const {
  const std::uint64_t durable = durable_count();
  if (from >= durable) return {};
  if (basis_only) return log_.select(from, durable, limit, in_basis);
  return log_.select(from, durable, limit);
}

protocol::board_event broadcaster::board_event_for(const storage::stored_event& e,
                                                   bool privileged) const {
  protocol::board_event out{e.seq, e.prev_hash, e.type, {}, e.entry_hash, e.signature};
  if (!privileged && embargo_.sealed(e.seq))
    out.sealed = true;
  else
    out.payload = e.payload;
  return out;
}

std::size_t broadcaster::push_state() {
  // Both views are read at once under the pipeline's mutex, before this one is taken.
  auto views = views_({false, true});
  std::string public_frame =
      protocol::encode_push("state", json::object{{"state", std::move(views[0])}});
  std::string privileged_frame =
      protocol::encode_push("state", json::object{{"state", std::move(views[1])}});
  std::vector<std::shared_ptr<net::connection>> to_public;
  std::vector<std::shared_ptr<net::connection>> to_privileged;
  {
    std::lock_guard lock(mutex_);
    const bool public_changed = public_frame != last_state_push_;
    const bool privileged_changed = privileged_frame != last_privileged_state_push_;
    if (!public_changed && !privileged_changed) return 0;
    last_state_push_ = public_frame;
    last_privileged_state_push_ = privileged_frame;
    for (const auto& [id, sub] : state_subscribers_) {
      if (sub.privileged && privileged_changed) to_privileged.push_back(sub.conn);
      if (!sub.privileged && public_changed) to_public.push_back(sub.conn);
    }
  }
  // One buffer for every subscriber of a kind.
  auto send_all = [](const std::vector<std::shared_ptr<net::connection>>& targets,
                     std::string frame) {
    if (targets.empty()) return;
    auto shared = std::make_shared<const std::string>(std::move(frame));
    for (const auto& c : targets) c->send(shared);
  };
  const std::size_t sent = to_public.size() + to_privileged.size();
  send_all(to_public, std::move(public_frame));
  send_all(to_privileged, std::move(privileged_frame));
  return sent;
}

}  // namespace plenum::server::service
