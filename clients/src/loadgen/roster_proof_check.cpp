#include "roster_proof_check.hpp"

#include <variant>

#include <plenum/protocol/codec_board.hpp>
#include <plenum/protocol/events.hpp>

namespace plenum::clients::loadgen {

roster_to_prove read_vote_opened(const boost::json::value& event,
                                 const crypto::public_key& congress_pk) {
  auto e = protocol::decode_board_event(event);
  if (!e || e->sealed || e->type != protocol::events::vote_opened::type)
    return {std::nullopt, "vote_opened undecodable"};
  if (!congress_pk.verify(e->entry_hash, e->sig))
    return {std::nullopt, "vote_opened not signed by the congress"};
  auto payload = protocol::decode_event_payload(e->type, e->payload);
  const auto* opened = payload ? std::get_if<protocol::events::vote_opened>(&*payload) : nullptr;
  if (opened == nullptr) return {std::nullopt, "vote_opened undecodable"};
  if (!opened->lists_roster_apart()) return {};
  if (!opened->roster_count || *opened->roster_count == 0 || !opened->roster_root)
    return {std::nullopt, "vote_opened without its roster's root"};
  vote_basis basis;
  basis.vote_id = opened->vote_id;
  basis.roster_count = *opened->roster_count;
  basis.roster_root = opened->roster_root;
  return {std::move(basis), {}};
}

std::optional<std::string> roster_proof_error(vote_basis basis, const boost::json::object& reply,
                                              const crypto::public_key& own_key) {
  const auto* proof = reply.if_contains("proof");
  const auto* fields = proof != nullptr ? proof->if_object() : nullptr;
  const auto* count = fields != nullptr ? fields->if_contains("count") : nullptr;
  if (count == nullptr || !count->is_number()) return "roster proof missing";
  boost::system::error_code ec;
  if (count->to_number<std::uint64_t>(ec) != basis.roster_count || ec)
    return "roster proof of another roster";
  auto admitted = take_roster_proof(basis, reply, own_key);
  if (admitted) return std::nullopt;
  if (admitted.error() == make_error_code(errc::malformed_message)) return "roster proof missing";
  return "roster proof does not prove the tablet's key";
}

}  // namespace plenum::clients::loadgen
