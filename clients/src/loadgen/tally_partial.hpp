// A scrutineer's partial decryption: over the aggregates and election hash of the server's
// get_tally reply (the volume run), or over the aggregates the scrutineer's own board kept as
// the ballots arrived (the scrutineer devices, as the scrutineer panel); the ceremony keys
// recomputed from the ceremony on the scrutineer's own board, its share opened with its PIN.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include <plenum/clients/board.hpp>
#include <plenum/clients/key_store.hpp>
#include <plenum/crypto/decryption.hpp>

namespace plenum::clients::loadgen {

/// The partial decryption of scrutineer `person` (key `key`, share sealed in `store` under
/// scrutineer_pin) for the tally in `reply` (get_tally's reply fields). Throws
/// std::runtime_error naming what is missing or does not decode.
[[nodiscard]] crypto::partial_decryption partial_from_tally(const boost::json::object& reply,
                                                            const ceremony_record& ceremony,
                                                            const key_store& store,
                                                            const std::string& person,
                                                            const crypto::secret_key& key);

/// Scrutineer `person`'s key share, sealed in `store` under scrutineer_pin, opened (the PIN's
/// key derivation is slow: do it before holding a board). Throws std::runtime_error.
[[nodiscard]] crypto::key_share open_share(const key_store& store, const std::string& person);

/// The partial decryption with `share` for closed vote `vote`, as the scrutineer device makes
/// it: over the aggregates its own board kept as the ballots arrived and the election hash
/// check_opened_vote_basis proves from that board, with the keys of the ceremony on it. The
/// server's tally is not asked for. Throws std::runtime_error naming what is missing (the vote
/// not closed on the board, no ceremony, a basis that does not check), prefixed by `person`.
[[nodiscard]] crypto::partial_decryption partial_from_board(const board_record& board,
                                                            const std::string& vote,
                                                            const crypto::key_share& share,
                                                            const std::string& person,
                                                            const crypto::secret_key& key);

}  // namespace plenum::clients::loadgen
