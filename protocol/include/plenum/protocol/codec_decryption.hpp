// JSON form of a scrutineer's partial decryption (CVP1 §7), as in cvp1-kat.json:
//   {"index":1, "shares":[{"M":<point>, "c":<scalar>, "v":<scalar>}, …], "signature":<hex 64>}
// One share per position of the vote, in position order. Pure functions; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "plenum/crypto/decryption.hpp"
#include "plenum/protocol/decode_error.hpp"

namespace plenum::protocol {

/// Decodes a partial decryption. `M` may be the identity here: it is exactly when the
/// position's aggregate A is (a position no ballot reached), which only
/// crypto::check_partial_decryption can tell, and it refuses every other identity.
/// Errors: invalid_field (shape, types, hex, `index` outside 1..max_scrutineers, more shares
/// than positions a manifest can have), errc::invalid_point, errc::non_canonical_scalar.
[[nodiscard]] decoded<crypto::partial_decryption> decode_partial_decryption(
    const boost::json::value& v, const field_path& at = {});

/// The JSON form of a partial decryption.
[[nodiscard]] boost::json::object encode_partial_decryption(const crypto::partial_decryption& p);

}  // namespace plenum::protocol
