// A scrutineer's partial decryption made as the scrutineer panel makes it: over the aggregates
// and election hash of the server's get_tally reply, with the ceremony keys recomputed from
// the ceremony on the scrutineer's own board and its share opened with its PIN.
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

}  // namespace plenum::clients::loadgen
