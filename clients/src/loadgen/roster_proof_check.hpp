// What a simulated tablet checks of its place on a vote's roster, as the app and the C++
// session do (PROTOCOL.md §8b): the pushed vote_opened of format 2 names the roster by its
// Merkle root and count under the congress signature; the tablet asks get_roster_proof and
// checks the path of its own device key against that root.
#pragma once

#include <optional>
#include <string>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <plenum/clients/vote_basis.hpp>
#include <plenum/crypto/sign.hpp>

namespace plenum::clients::loadgen {

/// What a tablet makes of a pushed vote_opened.
struct roster_to_prove {
  /// The vote whose roster to prove membership of: vote_id, roster_count and roster_root as
  /// the signed event states them; nullopt for format 1 (its roster is in the event) and for
  /// a refused event.
  std::optional<vote_basis> basis;
  /// Non-empty when the event is refused: why (an error the load generator reports).
  std::string refused;
};

/// Reads `event` (a board event as board_events pushes it, of type vote_opened): its entry
/// hash recomputed, its signature `congress_pk`'s, its payload a vote_opened.
[[nodiscard]] roster_to_prove read_vote_opened(const boost::json::value& event,
                                               const crypto::public_key& congress_pk);

/// Why get_roster_proof reply `reply` (the reply's fields) does not prove `own_key`, the
/// tablet's device key, on `basis`'s roster, or nullopt when it does: the reply's count must be
/// vote_opened's roster_count, and its path, at its index, must lead from the leaf of own_key to
/// roster_root with roster_count leaves, checked by the C++ session's own take_roster_proof.
[[nodiscard]] std::optional<std::string> roster_proof_error(vote_basis basis,
                                                            const boost::json::object& reply,
                                                            const crypto::public_key& own_key);

}  // namespace plenum::clients::loadgen
