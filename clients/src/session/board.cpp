#include "plenum/clients/board.hpp"

#include <variant>

#include <plenum/crypto/board.hpp>
#include <plenum/protocol/events.hpp>
#include <plenum/protocol/messages_hall.hpp>

namespace plenum::clients {

std::uint64_t ceremony_record::index_of(std::string_view person) const {
  for (std::size_t i = 0; i < persons.size(); ++i)
    if (persons[i] == person) return i + 1;
  return 0;
}

std::optional<std::vector<crypto::keygen_message>> ceremony_record::all_messages() const {
  if (!params || messages.size() != params->n()) return std::nullopt;
  std::vector<crypto::keygen_message> out;
  for (const auto& [i, m] : messages) out.push_back(m);
  return out;
}

std::size_t vote_record::positions() const {
  std::size_t n = 0;
  for (const auto& c : manifest.contests) n += c.options.size();
  return n;
}

std::vector<crypto::ciphertext> vote_record::aggregates() const { return tally.aggregates(); }

namespace {

namespace ev = protocol::events;

// Folds one decoded event into the board; an event that names a vote or ceremony the board
// does not hold is malformed_message.
class board_folder {
 public:
  /// `points`: a ballot event's option ciphertexts as its decoding decoded them (or empty).
  board_folder(board_record& board, const protocol::board_event& e,
               crypto::decoded_ballot_points points)
      : b_(board), e_(e), points_(std::move(points)) {}

  result<void> operator()(const ev::congress_created& p) {
    b_.congress_id = p.congress_id;
    return {};
  }
  result<void> operator()(const ev::device_enrolled& p) {
    b_.device_keys.insert_or_assign(p.person, p.device_pk);
    b_.checked_device_keys.try_emplace(p.device_pk.bytes(), p.device_pk);
    return {};
  }
  result<void> operator()(const ev::ceremony_started& p) {
    ceremony_record c;
    c.sitting_id = p.sitting_id;
    std::vector<crypto::public_key> keys;
    c.keys_enrolled = true;
    for (const auto& appointed : p.scrutineers) {
      keys.push_back(appointed.pk);
      c.persons.push_back(appointed.person);
      auto enrolled = b_.device_keys.find(appointed.person);
      c.keys_enrolled =
          c.keys_enrolled && enrolled != b_.device_keys.end() && enrolled->second == appointed.pk;
    }
    c.params = crypto::ceremony_params::create(b_.congress_id, c.sitting_id, keys, p.k);
    if (!c.params) return errc::malformed_message;
    b_.ceremonies.insert_or_assign(c.sitting_id, std::move(c));
    return {};
  }
  result<void> operator()(const ev::keygen_submitted& p) {
    auto it = b_.ceremonies.find(p.sitting_id);
    if (it == b_.ceremonies.end()) return errc::malformed_message;
    it->second.messages.insert_or_assign(p.message.dealer, p.message);
    return {};
  }
  result<void> operator()(const ev::keys_confirmed& p) {
    auto it = b_.ceremonies.find(p.sitting_id);
    if (it == b_.ceremonies.end()) return errc::malformed_message;
    it->second.confirmations.insert_or_assign(p.index, p.signature);
    return {};
  }
  result<void> operator()(const ev::vote_created& p) {
    vote_record v;
    v.vote_id = p.vote_id;
    v.sitting_id = p.sitting_id;
    v.item_id = p.item_id;
    v.kind = std::string(protocol::to_string(p.kind));
    v.follow_up_of = p.follow_up_of;
    v.rule_text = p.rule;
    v.manifest = p.manifest;
    v.candidates = p.candidates;
    v.tally = crypto::running_tally(v.positions());
    b_.vote_order.push_back(v.vote_id);
    b_.votes.insert_or_assign(v.vote_id, std::move(v));
    return {};
  }
  result<void> operator()(const ev::vote_roster& p) {
    auto* v = vote(p.vote_id);
    if (v == nullptr || v->opened) return errc::malformed_message;
    v->roster = p.roster;
    v->eligible = p.eligible;
    v->roster_event_seq = e_.seq;
    v->roster_event_hash = p.roster_hash;
    v->roster_event_root = p.roster_root;
    return {};
  }
  result<void> operator()(const ev::vote_opened& p) {
    auto* v = vote(p.vote_id);
    if (v == nullptr) return errc::malformed_message;
    v->opened = true;
    v->seated = p.seated;
    v->present = p.present;
    v->election_hash = p.election_hash;
    v->joint_key = p.joint_key;
    if (p.lists_roster_apart()) {
      v->roster_apart = true;
      v->roster_seq = p.roster_seq.value_or(0);
      v->roster_count = p.roster_count.value_or(0);
      v->roster_root = p.roster_root;
    } else {
      v->roster.insert(v->roster.end(), p.roster.begin(), p.roster.end());
      v->eligible = p.eligible;
    }
    v->manifest_hash = p.manifest_hash;
    v->roster_hash = p.roster_hash;
    v->ceremony_id = p.ceremony_id;
    if (auto c = b_.ceremonies.find(v->sitting_id); c != b_.ceremonies.end())
      v->ceremony = c->second;
    return {};
  }
  result<void> operator()(const ev::ballot_accepted& p) {
    auto* v = vote(p.vote_id);
    if (v == nullptr) return errc::malformed_message;
    if (!v->closed) {
      std::vector<crypto::ciphertext> cts;
      for (const auto& c : p.ballot.contests)
        for (const auto& o : c.options) cts.push_back(o.ct);
      if (!v->tally.add(cts, points_)) return errc::malformed_message;  // not one per position
    }
    v->ballots.push_back(ballot_record{p.person, e_.seq, e_.entry_hash, p.tracking_code, p.ballot});
    return {};
  }
  result<void> operator()(const ev::vote_closed& p) {
    auto* v = vote(p.vote_id);
    if (v == nullptr) return errc::malformed_message;
    v->closed = true;
    v->closed_seq = e_.seq;
    v->closed_hash = e_.entry_hash;
    return {};
  }
  result<void> operator()(const ev::partial_submitted& p) {
    auto* v = vote(p.vote_id);
    if (v == nullptr) return errc::malformed_message;
    ++v->partials;
    v->partial_list.push_back(p.partial);
    return {};
  }
  result<void> operator()(const ev::vote_decided& p) {
    auto* v = vote(p.vote_id);
    if (v == nullptr) return errc::malformed_message;
    v->counts = p.counts;
    v->outcome_text = p.outcome;
    v->decided_seq_at_close = p.board_seq_at_close;
    v->decided_ballots = p.ballots;
    v->decided_seated = p.seated;
    v->decided_present = p.present;
    v->decided_rule = p.rule;
    if (p.result_digest) v->published_digest = *p.result_digest;
    return {};
  }
  result<void> operator()(const ev::result_signed& p) {
    auto* v = vote(p.vote_id);
    if (v == nullptr) return errc::malformed_message;
    v->result_signatures.insert_or_assign(p.index, p.signature);
    return {};
  }
  result<void> operator()(const ev::result_announced& p) {
    auto* v = vote(p.vote_id);
    if (v == nullptr) return errc::malformed_message;
    v->announcement = p.signature;
    return {};
  }
  // Nothing the roles act on.
  template <typename Other>
  result<void> operator()(const Other&) {
    return {};
  }

 private:
  vote_record* vote(const std::string& id) {
    auto it = b_.votes.find(id);
    return it == b_.votes.end() ? nullptr : &it->second;
  }

  board_record& b_;
  const protocol::board_event& e_;
  crypto::decoded_ballot_points points_;
};

}  // namespace

result<void> board_record::add(const protocol::board_event& e) {
  const crypto::digest32 prev = events.empty() ? crypto::genesis_hash : events.back().entry_hash;
  if (e.seq != events.size() || e.prev_hash != prev ||
      (!e.sealed && crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload) != e.entry_hash))
    return errc::broken_chain;
  // A handover is signed by the key it certifies: read it before checking its signature, and
  // forget it when the event is refused.
  protocol::board_signers next_signers = signers;
  if (!e.sealed && !next_signers.note(e.seq, e.type, e.payload).empty()) return errc::broken_chain;
  if (!next_signers.of(e.seq).verify(e.entry_hash, e.sig)) return errc::broken_chain;
  // A result under embargo, or an event of a type this client does not know: chained and
  // signed, its content not for this reader.
  if (e.sealed || !protocol::is_event_type(e.type)) {
    signers = next_signers;
    events.push_back(e);
    return {};
  }
  // A ballot's voter key taken from the enrolled keys, its points decoded once for the sums.
  crypto::ballot_points_builder points;
  protocol::ballot_event_reading reading;
  reading.known = [this](const crypto::byte_array<32>& bytes) -> const crypto::public_key* {
    auto it = checked_device_keys.find(bytes);
    return it == checked_device_keys.end() ? nullptr : &it->second;
  };
  reading.points = &points;
  auto decoded = protocol::decode_event_payload(e.type, e.payload, reading);
  if (!decoded) return errc::malformed_message;
  if (auto folded = std::visit(board_folder(*this, e, points.finish()), *decoded); !folded)
    return folded;
  signers = next_signers;
  events.push_back(e);
  return {};
}

result<board_record> read_board(session& s) {
  board_record board(s.hello().congress_pk);
  // The past in get_board pages (a subscription's replay of a long board would overrun the
  // server's send queue for this connection), then the subscription from where they ended.
  for (;;) {
    protocol::get_board_request page;
    page.from_seq = board.events.size();
    auto reply = s.call(page);
    if (!reply) return reply.error();
    const auto* events = reply->if_contains("events");
    if (events == nullptr || !events->is_array()) return errc::malformed_message;
    for (const auto& v : events->get_array()) {
      auto e = protocol::decode_board_event(v);
      if (!e) return errc::broken_chain;
      if (auto added = board.add(*e); !added) return added.error();
    }
    if (events->get_array().size() < protocol::max_board_page) break;
  }
  s.pushes().clear();
  protocol::subscribe_request sub;
  sub.topics = {protocol::topic::board};
  sub.since_seq = board.events.size();
  auto reply = s.call(sub);
  if (!reply) return reply.error();
  protocol::frame f{0, "ok", std::move(*reply)};
  auto next = protocol::decode_reply<protocol::subscribe_reply>(f);
  if (!next) return next.error().code;
  while (board.events.size() < next->next_seq) {
    auto push = s.next_push(std::chrono::milliseconds(30000));
    if (!push) return push.error();
    if (push->type != "board_events") continue;
    auto events = protocol::decode_board_events_push(*push);
    if (!events) return errc::broken_chain;
    for (const auto& e : *events) {
      if (e.seq < board.events.size()) continue;
      if (auto added = board.add(e); !added) return added.error();
    }
  }
  s.pushes().clear();
  s.on_push([](const protocol::frame&) {});
  return board;
}

}  // namespace plenum::clients
