#include "plenum/clients/vote_basis.hpp"

#include <algorithm>
#include <variant>

#include <plenum/crypto/board.hpp>
#include <plenum/crypto/ceremony.hpp>
#include <plenum/crypto/keygen.hpp>
#include <plenum/crypto/roster_tree.hpp>
#include <plenum/protocol/events.hpp>
#include <plenum/protocol/messages_hall.hpp>

namespace plenum::clients {

namespace {

// The ceremony's joint and verification keys, recomputed from its checked keygen messages
// and confirmed by every scrutineer.
result<crypto::ceremony_keys> checked_ceremony_keys(const ceremony_record& c) {
  if (!c.params) return trust_errc::ceremony_incomplete;
  const auto& params = *c.params;
  auto messages = c.all_messages();
  if (!messages) return trust_errc::ceremony_incomplete;
  if (!c.keys_enrolled) return trust_errc::ceremony_invalid;
  for (std::size_t i = 0; i < messages->size(); ++i)
    if ((*messages)[i].dealer != i + 1 || !crypto::check_keygen_message(params, (*messages)[i]))
      return trust_errc::ceremony_invalid;
  auto keys = crypto::compute_ceremony_keys(params, *messages);
  if (!keys) return trust_errc::ceremony_invalid;
  const auto digest = crypto::key_digest(params, *keys);
  for (std::uint64_t index = 1; index <= params.n(); ++index) {
    auto sig = c.confirmations.find(index);
    if (sig == c.confirmations.end() ||
        !crypto::check_confirmation(params, index, digest, sig->second))
      return trust_errc::confirmation_invalid;
  }
  return std::move(*keys);
}

// Whether `e` is the board entry receipt `r` names, for the ballot of `tracking_code`.
bool holds_ballot(const protocol::board_event& e, const protocol::receipt& r,
                  const crypto::digest32& tracking_code) {
  if (e.seq != r.board_seq || e.entry_hash != r.board_entry_hash || e.sealed ||
      e.type != protocol::events::ballot_accepted::type)
    return false;
  auto decoded = protocol::decode_event_payload(e.type, e.payload);
  const auto* ballot =
      decoded ? std::get_if<protocol::events::ballot_accepted>(&*decoded) : nullptr;
  return ballot != nullptr && ballot->tracking_code == tracking_code;
}

}  // namespace

result<void> vote_basis::admits(const crypto::public_key& voter) const {
  if (!roster.empty() || !roster_root) {
    if (!std::binary_search(roster.begin(), roster.end(), voter)) return trust_errc::not_in_roster;
    return {};
  }
  if (!proof) return trust_errc::not_in_roster;
  if (!crypto::verify_roster_inclusion(*roster_root, roster_count, proof_index, voter, *proof))
    return trust_errc::roster_mismatch;
  return {};
}

result<void> prove_membership(session& s, vote_basis& basis, const crypto::public_key& voter) {
  if (!basis.roster.empty() || !basis.roster_root || basis.proof) return basis.admits(voter);
  auto reply = s.call(protocol::get_roster_proof_request{basis.vote_id});
  if (!reply) {
    if (reply.error() == make_error_code(errc::not_in_roster)) return trust_errc::not_in_roster;
    return reply.error();
  }
  return take_roster_proof(basis, *reply, voter);
}

result<void> take_roster_proof(vote_basis& basis, const boost::json::object& reply,
                               const crypto::public_key& voter) {
  const auto* proof = reply.if_contains("proof");
  const auto* fields = proof != nullptr ? proof->if_object() : nullptr;
  const auto* index = fields != nullptr ? fields->if_contains("index") : nullptr;
  const auto* path = fields != nullptr ? fields->if_contains("path") : nullptr;
  if (index == nullptr || !(index->is_uint64() || (index->is_int64() && index->get_int64() >= 0)) ||
      path == nullptr || !path->is_array())
    return errc::malformed_message;
  crypto::roster_path hashes;
  for (const auto& h : path->get_array()) {
    const auto* text = h.if_string();
    auto bytes = text != nullptr ? crypto::from_hex_fixed<32>(std::string_view(*text))
                                 : std::optional<crypto::digest32>();
    if (!bytes) return errc::malformed_message;
    hashes.push_back(*bytes);
  }
  basis.proof_index = index->to_number<std::uint64_t>();
  basis.proof = std::move(hashes);
  return basis.admits(voter);
}

result<vote_basis> check_vote_basis(const board_record& board, std::string_view vote_id) {
  auto it = board.votes.find(std::string(vote_id));
  if (it == board.votes.end()) return errc::unknown_vote;
  if (it->second.closed) return errc::vote_not_open;
  return check_opened_vote_basis(board, vote_id);
}

result<vote_basis> check_opened_vote_basis(const board_record& board, std::string_view vote_id) {
  auto it = board.votes.find(std::string(vote_id));
  if (it == board.votes.end()) return errc::unknown_vote;
  const vote_record& v = it->second;
  if (!v.opened || !v.joint_key) return errc::vote_not_open;
  if (!v.ceremony) return trust_errc::ceremony_incomplete;
  auto keys = checked_ceremony_keys(*v.ceremony);
  if (!keys) return keys.error();
  const auto& params = *v.ceremony->params;
  if (v.ceremony_id != params.ceremony_id()) return trust_errc::ceremony_id_mismatch;
  if (*v.joint_key != keys->joint_key) return trust_errc::joint_key_mismatch;
  const auto manifest_hash = crypto::manifest_hash(v.manifest);
  if (v.manifest_hash != manifest_hash) return trust_errc::manifest_mismatch;
  vote_basis basis;
  basis.roster = v.roster;
  std::sort(basis.roster.begin(), basis.roster.end());
  crypto::digest32 roster_hash{};
  if (v.roster_apart) {
    // Format 2: the list is vote_roster's, when this board holds it; a tablet's course does
    // not, and takes roster_hash from the signed vote_opened (its own key proven later).
    if (!v.roster_root || !v.roster_hash || v.roster_count == 0) return trust_errc::roster_mismatch;
    basis.roster_count = v.roster_count;
    basis.roster_root = v.roster_root;
    if (v.roster_event_seq) {
      if (*v.roster_event_seq != v.roster_seq || basis.roster.size() != v.roster_count ||
          crypto::roster_root(basis.roster) != v.roster_root ||
          v.roster_event_root != v.roster_root || v.roster_event_hash != v.roster_hash)
        return trust_errc::roster_mismatch;
      roster_hash = crypto::roster_hash(basis.roster);
      if (v.roster_hash != roster_hash) return trust_errc::roster_mismatch;
    } else {
      roster_hash = *v.roster_hash;
    }
  } else {
    roster_hash = crypto::roster_hash(basis.roster);
    if (v.roster_hash != roster_hash) return trust_errc::roster_mismatch;
  }
  const auto election_hash =
      crypto::election_hash(params.ceremony_id(), keys->joint_key, manifest_hash, roster_hash);
  if (v.election_hash != election_hash) return trust_errc::election_hash_mismatch;
  basis.vote_id = v.vote_id;
  basis.manifest = v.manifest;
  basis.joint_key = keys->joint_key;
  basis.election_hash = election_hash;
  basis.ceremony_id = params.ceremony_id();
  return basis;
}

result<vote_basis> check_vote_basis(const board_record& board, std::string_view vote_id,
                                    const crypto::public_key& voter) {
  auto basis = check_vote_basis(board, vote_id);
  if (!basis) return basis.error();
  if (auto admitted = basis->admits(voter); !admitted) return admitted.error();
  return basis;
}

result<void> check_receipt(const protocol::board_signers& signers, const protocol::receipt& r,
                           const crypto::digest32& my_tracking_code, const board_record* board) {
  if (!signers.signs_receipt(
          r.board_seq, crypto::receipt_digest(r.tracking_code, r.board_seq, r.board_entry_hash),
          r.sig))
    return trust_errc::receipt_forged;
  if (r.tracking_code != my_tracking_code) return trust_errc::receipt_not_mine;
  if (board != nullptr && r.board_seq < board->events.size() &&
      !holds_ballot(board->events[r.board_seq], r, my_tracking_code))
    return trust_errc::receipt_not_on_board;
  return {};
}

result<void> check_receipt(const crypto::public_key& congress_pk, const protocol::receipt& r,
                           const crypto::digest32& my_tracking_code, const board_record* board) {
  return check_receipt(protocol::board_signers(congress_pk), r, my_tracking_code, board);
}

result<void> confirm_receipt_on_board(session& s, const board_record& board,
                                      const protocol::receipt& r,
                                      const crypto::digest32& my_tracking_code) {
  if (r.board_seq < board.events.size())
    return check_receipt(board.signers, r, my_tracking_code, &board);
  if (r.tracking_code != my_tracking_code) return trust_errc::receipt_not_mine;
  // The receipt may be signed by a standby key whose handover this board has not read yet:
  // the board is read on (each event chained and signed by its signer) before it is relied on.
  protocol::board_signers signers = board.signers;
  std::uint64_t next = board.events.size();
  crypto::digest32 prev =
      board.events.empty() ? crypto::genesis_hash : board.events.back().entry_hash;
  while (next <= r.board_seq) {
    protocol::get_board_request page;
    page.from_seq = next;
    auto reply = s.call(page);
    if (!reply) return reply.error();
    const auto* events = reply->if_contains("events");
    if (events == nullptr || !events->is_array()) return errc::malformed_message;
    if (events->get_array().empty()) return trust_errc::receipt_not_on_board;
    for (const auto& v : events->get_array()) {
      auto e = protocol::decode_board_event(v);
      if (!e || e->seq != next || e->prev_hash != prev ||
          (!e->sealed && !signers.note(e->seq, e->type, e->payload).empty()) ||
          !signers.of(e->seq).verify(e->entry_hash, e->sig))
        return errc::broken_chain;
      if (e->seq == r.board_seq) {
        if (auto checked = check_receipt(signers, r, my_tracking_code); !checked) return checked;
        return holds_ballot(*e, r, my_tracking_code)
                   ? result<void>()
                   : result<void>(boost::system::error_code(trust_errc::receipt_not_on_board));
      }
      prev = e->entry_hash;
      ++next;
    }
  }
  return trust_errc::receipt_not_on_board;
}

}  // namespace plenum::clients
