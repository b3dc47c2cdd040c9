// Ids the congress gives to what people create by title: sittings, agenda items, votes,
// materials and proposals. Nobody in the hall types an identifier; a command that leaves its
// id empty gets the next free one of these. Pure functions of the state, so that `decide`
// stays deterministic and a replay reads the id from the event.
#pragma once

#include <string>

#include "domain/state.hpp"

namespace plenum::server::domain {

/// "S1", "S2", …: the first not taken by a sitting.
[[nodiscard]] std::string next_sitting_id(const congress_state& state);

/// "<sitting>-I1", …: the first not taken by an item of `s`.
[[nodiscard]] std::string next_item_id(const sitting& s);

/// "<sitting>-V1", …: the first not taken by any vote.
[[nodiscard]] std::string next_vote_id(const congress_state& state, const std::string& sitting_id);

/// "<item>-M1", …: the first not taken by a material of `item`.
[[nodiscard]] std::string next_material_id(const agenda_item& item);

/// "P1", "P2", …: the first not taken by a proposal.
[[nodiscard]] std::string next_proposal_id(const congress_state& state);

/// The order number after the last item of `s` (1 for an empty agenda).
[[nodiscard]] std::int64_t next_item_order(const sitting& s);

}  // namespace plenum::server::domain
