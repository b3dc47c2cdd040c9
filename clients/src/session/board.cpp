#include "plenum/clients/board.hpp"

#include <boost/json/parse.hpp>

#include <plenum/crypto/board.hpp>
#include <plenum/crypto/tally.hpp>
#include <plenum/protocol/codec_ballot.hpp>
#include <plenum/protocol/codec_ceremony.hpp>
#include <plenum/protocol/codec_decryption.hpp>
#include <plenum/protocol/codec_manifest.hpp>
#include <plenum/protocol/messages_hall.hpp>

namespace plenum::clients {

namespace json = boost::json;

namespace {

std::string str(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::uint64_t u64(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (v == nullptr) return 0;
  if (v->is_uint64()) return v->as_uint64();
  if (v->is_int64() && v->as_int64() >= 0) return static_cast<std::uint64_t>(v->as_int64());
  return 0;
}

}  // namespace

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

std::vector<crypto::ciphertext> vote_record::aggregates() const {
  crypto::tally_accumulator acc(positions());
  for (const auto& b : ballots) {
    std::vector<crypto::ciphertext> cts;
    for (const auto& c : b.ballot.contests)
      for (const auto& o : c.options) cts.push_back(o.ct);
    (void)acc.add(cts);
  }
  return acc.aggregates();
}

result<void> board_record::add(const protocol::board_event& e) {
  const crypto::digest32 prev = events.empty() ? crypto::genesis_hash : events.back().entry_hash;
  if (e.seq != events.size() || e.prev_hash != prev ||
      (!e.sealed && crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload) != e.entry_hash) ||
      !congress_pk.verify(e.entry_hash, e.sig))
    return errc::broken_chain;
  // A result under embargo: chained and signed, its content not for this reader yet.
  if (e.sealed) {
    events.push_back(e);
    return {};
  }
  boost::system::error_code ec;
  json::value parsed = json::parse(e.payload, ec);
  if (ec || !parsed.is_object()) return errc::malformed_message;
  const json::object& p = parsed.as_object();
  const std::string& t = e.type;
  if (t == "congress_created") {
    congress_id = str(p, "congress_id");
  } else if (t == "device_enrolled") {
    auto pk = crypto::public_key::from_hex(str(p, "device_pk"));
    if (!pk) return errc::malformed_message;
    device_keys.insert_or_assign(str(p, "person"), *pk);
  } else if (t == "ceremony_started") {
    ceremony_record c;
    c.sitting_id = str(p, "sitting_id");
    std::vector<crypto::public_key> keys;
    auto* list = p.if_contains("scrutineers");
    if (list == nullptr || !list->is_array()) return errc::malformed_message;
    for (const auto& v : list->as_array()) {
      if (!v.is_object()) return errc::malformed_message;
      auto pk = crypto::public_key::from_hex(str(v.as_object(), "pk"));
      if (!pk) return errc::malformed_message;
      keys.push_back(*pk);
      c.persons.push_back(str(v.as_object(), "person"));
    }
    c.keys_enrolled = true;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      auto enrolled = device_keys.find(c.persons[i]);
      c.keys_enrolled =
          c.keys_enrolled && enrolled != device_keys.end() && enrolled->second == keys[i];
    }
    c.params = crypto::ceremony_params::create(congress_id, c.sitting_id, keys, u64(p, "k"));
    if (!c.params) return errc::malformed_message;
    ceremonies.insert_or_assign(c.sitting_id, std::move(c));
  } else if (t == "keygen_submitted") {
    auto it = ceremonies.find(str(p, "sitting_id"));
    auto* m = p.if_contains("message");
    if (it == ceremonies.end() || m == nullptr) return errc::malformed_message;
    auto msg = protocol::decode_keygen_message(*m);
    if (!msg) return errc::malformed_message;
    it->second.messages.insert_or_assign(msg->dealer, std::move(*msg));
  } else if (t == "keys_confirmed") {
    auto it = ceremonies.find(str(p, "sitting_id"));
    auto sig = crypto::signature::from_hex(str(p, "signature"));
    if (it == ceremonies.end() || !sig) return errc::malformed_message;
    it->second.confirmations.insert_or_assign(u64(p, "index"), *sig);
  } else if (t == "vote_created") {
    vote_record v;
    v.vote_id = str(p, "vote_id");
    v.sitting_id = str(p, "sitting_id");
    v.item_id = str(p, "item_id");
    v.kind = str(p, "kind");
    v.follow_up_of = str(p, "follow_up_of");
    v.rule_text = str(p, "rule");
    auto* m = p.if_contains("manifest");
    if (m == nullptr) return errc::malformed_message;
    auto manifest = protocol::decode_manifest(*m);
    if (!manifest) return errc::malformed_message;
    v.manifest = std::move(*manifest);
    if (auto* c = p.if_contains("candidates"); c != nullptr && c->is_array())
      for (const auto& name : c->as_array())
        if (name.is_string()) v.candidates.emplace_back(name.as_string());
    vote_order.push_back(v.vote_id);
    votes.insert_or_assign(v.vote_id, std::move(v));
  } else if (t == "vote_opened") {
    auto it = votes.find(str(p, "vote_id"));
    auto eh = crypto::from_hex_fixed<32>(str(p, "election_hash"));
    auto jk = crypto::point::from_hex(str(p, "joint_key"));
    if (it == votes.end() || !eh || !jk) return errc::malformed_message;
    it->second.opened = true;
    it->second.seated = u64(p, "seated");
    it->second.present = u64(p, "present");
    it->second.election_hash = *eh;
    it->second.joint_key = *jk;
    if (auto* roster = p.if_contains("roster"); roster != nullptr) {
      if (!roster->is_array()) return errc::malformed_message;
      for (const auto& k : roster->as_array()) {
        auto pk = k.is_string() ? crypto::public_key::from_hex(k.as_string())
                                : std::optional<crypto::public_key>();
        if (!pk) return errc::malformed_message;
        it->second.roster.push_back(*pk);
      }
    }
    it->second.manifest_hash = crypto::from_hex_fixed<32>(str(p, "manifest_hash"));
    it->second.roster_hash = crypto::from_hex_fixed<32>(str(p, "roster_hash"));
    it->second.ceremony_id = crypto::from_hex_fixed<32>(str(p, "ceremony_id"));
    if (auto c = ceremonies.find(it->second.sitting_id); c != ceremonies.end())
      it->second.ceremony = c->second;
  } else if (t == "ballot_accepted") {
    auto it = votes.find(str(p, "vote_id"));
    auto* b = p.if_contains("ballot");
    auto tc = crypto::from_hex_fixed<32>(str(p, "tracking_code"));
    if (it == votes.end() || b == nullptr || !tc) return errc::malformed_message;
    auto ballot = protocol::decode_ballot(*b);
    if (!ballot) return errc::malformed_message;
    it->second.ballots.push_back(
        ballot_record{str(p, "person"), e.seq, e.entry_hash, *tc, std::move(*ballot)});
  } else if (t == "vote_closed") {
    auto it = votes.find(str(p, "vote_id"));
    if (it == votes.end()) return errc::malformed_message;
    it->second.closed = true;
    it->second.closed_seq = e.seq;
    it->second.closed_hash = e.entry_hash;
  } else if (t == "partial_submitted") {
    auto it = votes.find(str(p, "vote_id"));
    auto* partial = p.if_contains("partial");
    if (it == votes.end() || partial == nullptr) return errc::malformed_message;
    auto decoded = protocol::decode_partial_decryption(*partial);
    if (!decoded) return errc::malformed_message;
    ++it->second.partials;
    it->second.partial_list.push_back(std::move(*decoded));
  } else if (t == "vote_decided") {
    auto it = votes.find(str(p, "vote_id"));
    auto* c = p.if_contains("counts");
    if (it == votes.end() || c == nullptr || !c->is_array()) return errc::malformed_message;
    std::vector<std::uint64_t> counts;
    for (const auto& n : c->as_array()) {
      if (!n.is_number()) return errc::malformed_message;
      counts.push_back(n.to_number<std::uint64_t>());
    }
    it->second.counts = std::move(counts);
    it->second.outcome_text = str(p, "outcome");
    it->second.decided_seq_at_close = u64(p, "board_seq_at_close");
    it->second.decided_ballots = u64(p, "ballots");
    it->second.decided_seated = u64(p, "seated");
    it->second.decided_present = u64(p, "present");
    it->second.decided_rule = str(p, "rule");
    if (p.contains("result_digest")) {
      auto digest = crypto::from_hex_fixed<32>(str(p, "result_digest"));
      if (!digest) return errc::malformed_message;
      it->second.published_digest = *digest;
    }
  } else if (t == "result_signed" || t == "result_announced") {
    auto it = votes.find(str(p, "vote_id"));
    auto sig = crypto::signature::from_hex(str(p, "signature"));
    if (it == votes.end() || !sig) return errc::malformed_message;
    if (t == "result_signed")
      it->second.result_signatures.insert_or_assign(u64(p, "index"), *sig);
    else
      it->second.announcement = *sig;
  }
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
