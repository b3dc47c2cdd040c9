#include "service/broadcaster.hpp"

#include <algorithm>
#include <array>
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

bool pushed_live_to_course(const storage::stored_event& e) {
  // The basis events that come one per delegate, or carry the whole roster: a tablet is pushed
  // only its own of them (and the course's, the scrutineers' enrollments).
  static constexpr std::array<std::string_view, 6> per_delegate = {
      "roster_imported", "enrollment_code_issued", "device_enrolled",
      "checked_in",      "activity_checked_in",    "vote_roster"};
  return in_basis(e) &&
         std::find(per_delegate.begin(), per_delegate.end(), e.type) == per_delegate.end();
}

broadcaster::broadcaster(const storage::event_log& log) : log_(log) {
  for (const auto& e : log_.events()) {
    (void)embargo_.observe(e);
    course_.observe(e);
  }
  durable_count_ = log_.events().size();
  durable_pushed_ = durable_count_;
}

broadcaster::~broadcaster() { stop(); }

void broadcaster::start(state_push_pace pace, view_source views) {
  views_ = std::move(views);
  pace_ = pace;
  // In a full hall the pushes come less often, and a burst of changes is pushed as it pauses
  // (state_push_pace).
  pusher_ = std::make_unique<coalescing_pusher>([this] { return pace_.window_after(push_state()); },
                                                pace_.settle);
}

void broadcaster::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  durable_changed_.notify_all();
  pusher_.reset();
}

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

std::uint64_t broadcaster::failed_commits() const {
  std::lock_guard lock(mutex_);
  return failed_commits_;
}

void broadcaster::send_view_when_durable(std::uint64_t events, std::uint64_t failed_commits_seen,
                                         std::function<void(boost::system::error_code)> send) {
  {
    std::lock_guard lock(mutex_);
    if (failed_commits_ == failed_commits_seen) {
      if (events <= durable_count_) return send({});
      waiting_.emplace(events - 1, std::move(send));
      return;
    }
  }
  send(make_error_code(errc::storage_unavailable));
}

void broadcaster::refuse_from(std::uint64_t seq) {
  std::vector<std::function<void(boost::system::error_code)>> refused;
  {
    std::lock_guard lock(mutex_);
    ++failed_commits_;
    for (auto it = waiting_.lower_bound(seq); it != waiting_.end();) {
      refused.push_back(std::move(it->second));
      it = waiting_.erase(it);
    }
    ready_.erase(ready_.lower_bound(seq), ready_.end());
  }
  durable_changed_.notify_all();
  for (auto& r : refused) r(make_error_code(errc::storage_unavailable));
  notify_state();
}

void broadcaster::on_event_durable(const storage::stored_event& e) {
  take_durable(e);
  push_durable();
}

void broadcaster::take_durable(storage::stored_event e) {
  std::lock_guard lock(mutex_);
  const auto seq = e.seq;
  ready_.insert_or_assign(seq, std::move(e));
}

void broadcaster::push_durable() {
  std::vector<std::function<void(boost::system::error_code)>> sends;
  std::lock_guard lock(mutex_);
  if (ready_.empty() || ready_.begin()->first != durable_count_) return;
  bool embargo_lifted = false;
  batch events;
  events.first_seq = durable_count_;
  // Result pushes, sent after the batch that holds their events.
  std::vector<std::pair<std::shared_ptr<const std::string>, bool>> results;
  while (!ready_.empty() && ready_.begin()->first == durable_count_) {
    auto node = ready_.extract(ready_.begin());
    ++durable_count_;
    // A result stays sealed for the public until its announcement is durable.
    const auto lifted = embargo_.observe(node.mapped());
    add_to_batch(events, node.mapped(), course_.observe(node.mapped()));
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
  durable_pushed_ = durable_count_;
  for (const auto& [frame, to_public] : results)
    for (const auto& [id, sub] : result_subscribers_)
      if (sub.privileged != to_public) sub.conn->send(frame);
  // The sends run under mutex_, so a reply leaves before any later event's push.
  for (auto& s : sends) s({});
  // A state push waiting for these events may leave now.
  durable_changed_.notify_all();
  // The public state changes when an embargo lifts, which happens here, after the command's
  // own push (made when it was applied, while the result was still sealed).
  if (!sends.empty() || embargo_lifted) notify_state();
}

void broadcaster::add_to_batch(batch& b, const storage::stored_event& e,
                               const course_index::entry& course) const {
  const bool board = !board_subscribers_.empty();
  const bool basis = !basis_subscribers_.empty() && in_basis(e);
  const bool in_course =
      !course_subscribers_.empty() && (course.in_course || pushed_live_to_course(e));
  const bool own = !in_course && !course.device_pk.empty() &&
                   course_by_device_.find(course.device_pk) != course_by_device_.end();
  if (!board && !basis && !in_course && !own) return;
  auto whole = board_event_for(e, true);
  const bool sealed = embargo_.sealed(e.seq);
  b.sealed = b.sealed || sealed;
  auto public_view = sealed ? board_event_for(e, false) : whole;
  if (basis) {
    b.basis_whole.push_back(whole);
    b.basis_public.push_back(public_view);
  }
  if (in_course) {
    b.course_whole.push_back(whole);
    b.course_public.push_back(public_view);
  }
  if (own) b.own.push_back({course.device_pk, whole, public_view});
  if (board) {
    b.board_whole.push_back(std::move(whole));
    b.board_public.push_back(std::move(public_view));
  }
}

void broadcaster::push_batch_locked(const batch& b) {
  push_board_locked(board_subscribers_, b, b.board_whole, b.board_public);
  push_board_locked(basis_subscribers_, b, b.basis_whole, b.basis_public);
  push_course_locked(b);
}

void broadcaster::push_board_locked(const std::map<std::uint64_t, subscriber>& subscribers,
                                    const batch& b, const std::vector<protocol::board_event>& whole,
                                    const std::vector<protocol::board_event>& public_view) {
  if (subscribers.empty() || whole.empty()) return;
  const auto whole_frames = board_events_frames(whole);
  // One buffer for all when nothing in the batch is sealed.
  const auto public_frames = b.sealed ? board_events_frames(public_view) : whole_frames;
  for (const auto& [id, sub] : subscribers) {
    // A lagging subscriber reads this round from the log when its feed gets there.
    if (feed_.behind(id)) continue;
    if (sub.conn->backlog_room() == 0) {
      fall_behind_locked(sub, b.first_seq);
      continue;
    }
    for (const auto& frame : sub.privileged ? whole_frames : public_frames) sub.conn->send(frame);
  }
}

void broadcaster::push_course_locked(const batch& b) {
  if (course_subscribers_.empty() || (b.course_whole.empty() && b.own.empty())) return;
  // The few subscribers an event outside the course names, with those events in seq order.
  std::map<std::uint64_t, std::vector<const own_event*>> named;
  for (const auto& o : b.own) {
    const auto [first, last] = course_by_device_.equal_range(o.device_pk);
    for (auto it = first; it != last; ++it) named[it->second].push_back(&o);
  }
  // Everyone else reads the same frames.
  const auto whole_frames = board_events_frames(b.course_whole);
  const auto public_frames = b.sealed ? board_events_frames(b.course_public) : whole_frames;
  for (const auto& [id, sub] : course_subscribers_) {
    const auto mine = named.find(id);
    if (mine == named.end()) {
      for (const auto& frame : sub.privileged ? whole_frames : public_frames) sub.conn->send(frame);
      continue;
    }
    // The course's events and the subscriber's own, merged by seq.
    const auto& common = sub.privileged ? b.course_whole : b.course_public;
    std::vector<protocol::board_event> merged;
    merged.reserve(common.size() + mine->second.size());
    auto c = common.begin();
    for (const auto* o : mine->second) {
      const auto& own = sub.privileged ? o->whole : o->public_view;
      for (; c != common.end() && c->seq < own.seq; ++c) merged.push_back(*c);
      merged.push_back(own);
    }
    merged.insert(merged.end(), c, common.end());
    for (auto& frame : board_events_frames(merged)) sub.conn->send(std::move(frame));
  }
}

void broadcaster::replay_course_locked(const std::shared_ptr<net::connection>& conn,
                                       std::uint64_t from, const std::string& own_device_pk,
                                       bool privileged) const {
  std::vector<protocol::board_event> replay;
  for (const auto& e : course_events(from, durable_count_,
                                     std::numeric_limits<std::uint64_t>::max(), own_device_pk))
    replay.push_back(board_event_for(e, privileged));
  for (auto& frame : board_events_frames(replay)) conn->send(std::move(frame));
}

std::vector<storage::stored_event> broadcaster::course_events(
    std::uint64_t from, std::uint64_t to, std::uint64_t limit,
    const std::string& own_device_pk) const {
  std::vector<storage::stored_event> out;
  for (const auto seq : course_.seqs(from, to, limit, own_device_pk))
    for (auto& e : log_.select(seq, seq + 1, 1)) out.push_back(std::move(e));
  return out;
}

void broadcaster::subscribe(const std::shared_ptr<net::connection>& conn, std::uint64_t id,
                            const subscription& topics, bool privileged) {
  // The first state push, made now and sent once the state it was made of is durable.
  std::uint64_t failed_seen = 0;
  state_views first;
  std::shared_ptr<const std::string> first_frame;
  if (topics.state) {
    failed_seen = failed_commits();
    first = views_({privileged});
    first_frame = std::make_shared<const std::string>(
        protocol::encode_push("state", json::object{{"state", std::move(first.views.front())}}));
  }
  {
    // Under mutex_ no board event is pushed: the replay and the live pushes meet without a gap
    // or a repeat.
    std::lock_guard lock(mutex_);
    // A feed under the earlier subscription ends: what waited for it leaves before the reply.
    feed_.forget(conn->id(), true);
    conn->send(std::make_shared<const std::string>(
        protocol::encode_reply(id, protocol::subscribe_reply{durable_count_})));
    if (topics.course && topics.since_seq)
      replay_course_locked(conn, *topics.since_seq, topics.own_device_pk, privileged);
    if ((topics.board || topics.basis) && topics.since_seq) {
      std::vector<protocol::board_event> replay;
      for (const auto& e : log_.select(*topics.since_seq, durable_count_,
                                       std::numeric_limits<std::uint64_t>::max()))
        if (topics.board || in_basis(e)) replay.push_back(board_event_for(e, privileged));
      for (auto& frame : board_events_frames(replay)) conn->send(std::move(frame));
    }
    const auto conn_id = conn->id();
    const subscriber me{conn, privileged, first.events, topics.own_device_pk};
    auto keep = [&](std::map<std::uint64_t, subscriber>& list, bool wanted) {
      if (wanted)
        list.insert_or_assign(conn_id, me);
      else
        list.erase(conn_id);
    };
    keep(board_subscribers_, topics.board);
    keep(basis_subscribers_, topics.basis);
    forget_device(conn_id);
    keep(course_subscribers_, topics.course);
    if (topics.course && !topics.own_device_pk.empty())
      course_by_device_.emplace(topics.own_device_pk, conn_id);
    keep(state_subscribers_, topics.state);
    keep(result_subscribers_, topics.results);
  }
  if (topics.state) {
    send_view_when_durable(
        first.events, failed_seen,
        [this, conn, first_frame, events = first.events](boost::system::error_code ec) {
          if (!ec) return feed_.send_after(conn, events, first_frame, true);
          // A failed commit took back what the view counted: the next push goes
          // to everyone.
          std::lock_guard lock(mutex_);
          last_state_push_.clear();
          last_privileged_state_push_.clear();
        });
  }
}

void broadcaster::set_authenticated(std::uint64_t conn_id, bool privileged,
                                    const std::string& own_device_pk) {
  std::lock_guard lock(mutex_);
  for (auto* list : {&board_subscribers_, &basis_subscribers_, &course_subscribers_,
                     &state_subscribers_, &result_subscribers_})
    if (auto it = list->find(conn_id); it != list->end()) it->second.privileged = privileged;
  if (auto it = course_subscribers_.find(conn_id); it != course_subscribers_.end()) {
    forget_device(conn_id);
    it->second.own_device_pk = own_device_pk;
    if (!own_device_pk.empty()) course_by_device_.emplace(own_device_pk, conn_id);
  }
}

void broadcaster::forget_device(std::uint64_t conn_id) {
  const auto sub = course_subscribers_.find(conn_id);
  if (sub == course_subscribers_.end()) return;
  const auto [first, last] = course_by_device_.equal_range(sub->second.own_device_pk);
  for (auto it = first; it != last; ++it)
    if (it->second == conn_id) {
      course_by_device_.erase(it);
      return;
    }
}

void broadcaster::remove(std::uint64_t conn_id) {
  std::lock_guard lock(mutex_);
  feed_.forget(conn_id, false);
  board_subscribers_.erase(conn_id);
  basis_subscribers_.erase(conn_id);
  forget_device(conn_id);
  course_subscribers_.erase(conn_id);
  state_subscribers_.erase(conn_id);
  result_subscribers_.erase(conn_id);
}

std::uint64_t broadcaster::durable_count() const {
  std::lock_guard lock(mutex_);
  return durable_count_;
}

std::vector<storage::stored_event> broadcaster::durable_events(
    std::uint64_t from, std::uint64_t limit, board_selection selection,
    const std::string& own_device_pk) const {
  const std::uint64_t durable = durable_count();
  if (from >= durable) return {};
  if (selection == board_selection::basis) return log_.select(from, durable, limit, in_basis);
  if (selection == board_selection::course)
    return course_events(from, durable, limit, own_device_pk);
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

bool broadcaster::wait_durable(std::unique_lock<std::mutex>& lock, std::uint64_t events,
                               std::uint64_t failed_commits_seen) {
  durable_changed_.wait(lock, [&] {
    return durable_count_ >= events || failed_commits_ != failed_commits_seen || stopping_;
  });
  return durable_count_ >= events && failed_commits_ == failed_commits_seen && !stopping_;
}

std::size_t broadcaster::push_state() {
  // Both views are read at once under the pipeline's mutex, before this one is taken; the
  // failed commits are counted before them (a commit failing after this may have taken back
  // events the views count).
  const std::uint64_t failed_seen = failed_commits();
  auto made = views_({false, true});
  std::string public_frame =
      protocol::encode_push("state", json::object{{"state", std::move(made.views[0])}});
  std::string privileged_frame =
      protocol::encode_push("state", json::object{{"state", std::move(made.views[1])}});
  std::unique_lock lock(mutex_);
  // The applied state runs ahead of the durable board by the commit under way: the views wait
  // for it, so that no subscriber sees counted what get_board does not serve yet. A failed
  // commit drops them (refuse_from asks for a push of the state taken back).
  if (!wait_durable(lock, made.events, failed_seen)) return 0;
  const bool public_changed = public_frame != last_state_push_;
  const bool privileged_changed = privileged_frame != last_privileged_state_push_;
  if (!public_changed && !privileged_changed) return 0;
  last_state_push_ = public_frame;
  last_privileged_state_push_ = privileged_frame;
  // One buffer for every subscriber of a kind, sent under mutex_: after the board events of
  // the state, and never after a newer first push to a subscriber.
  auto public_shared = std::make_shared<const std::string>(std::move(public_frame));
  auto privileged_shared = std::make_shared<const std::string>(std::move(privileged_frame));
  std::size_t sent = 0;
  for (const auto& [id, sub] : state_subscribers_) {
    if (sub.state_events > made.events) continue;
    const bool changed = sub.privileged ? privileged_changed : public_changed;
    if (!changed) continue;
    // After the board events it counts, also on a connection being fed from the log.
    feed_.send_after(sub.conn, made.events, sub.privileged ? privileged_shared : public_shared,
                     true);
    ++sent;
  }
  return sent;
}

}  // namespace plenum::server::service
