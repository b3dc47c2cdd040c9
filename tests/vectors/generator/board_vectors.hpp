// Examples of the bulletin board's digests (CVP1 §2, §5, §6): a chain of three signed events,
// a check-in, a connection challenge, an enrollment and receipts.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <vector>

#include "board_head.hpp"
#include "sitting.hpp"
#include "vote_vectors.hpp"

namespace plenum::test::vectors {

/// The "board" object and the head of its chain.
struct board_vectors {
  boost::json::object json;
  board_head head;
};

/// The "board" object: "events" (seq 0 sitting_opened, 1 checked_in of delegate 1, 2
/// ballot_accepted of `first`'s first ballot; each in protocol's board event form, signed with
/// the server key), "checkin" (the statement delegate 1 signed for event 1), "auth" and
/// "enroll" (digests signed by delegate 1's device key; nonces from seeded sources).
[[nodiscard]] board_vectors make_board(const sitting& s, const cast_vote& first);

/// The "receipts" array: {"receipt": protocol's receipt form signed by the server, "digest"}
/// for the first ballot of the first three votes: at the chain's head, at seq 0 with a zero
/// entry hash, and at seq 2^64 − 1 with an all-ones entry hash.
[[nodiscard]] boost::json::array receipts_json(const sitting& s,
                                               const std::vector<cast_vote>& votes,
                                               const board_head& head);

}  // namespace plenum::test::vectors
