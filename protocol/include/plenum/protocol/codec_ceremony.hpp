// JSON forms of the key ceremony's messages (CVP1 §3), as in cvp1-kat.json:
//   keygen message:    {"i":1, "commitments":[<point>, …], "proofs":[{"c":…, "v":…}, …],
//                       "sealed":[<hex 80>, …], "signature":<hex 64>}
//   key confirmation:  {"index":1, "signature":<hex 64>}
//     (the KAT lists confirmations as bare signatures in index order; on the wire each one
//      names its scrutineer index)
// Decoding checks encodings only (a commitment is a valid point other than the identity,
// scalars canonical, sealed shares of crypto::sealed_share_size bytes); that the counts fit the
// ceremony and the proofs and signature hold is crypto::check_keygen_message's job.
// Pure functions; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>

#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/decode_error.hpp"

namespace plenum::protocol {

/// The most scrutineers a ceremony may have on the wire (bounds every list of a ceremony).
inline constexpr std::size_t max_scrutineers = 64;

/// Decodes a keygen message. Errors: invalid_field (shape, types, hex, `i` outside
/// 1..max_scrutineers, commitments and proofs of different lengths), errc::invalid_point (a
/// commitment that is not a valid point or is the identity), errc::non_canonical_scalar.
[[nodiscard]] decoded<crypto::keygen_message> decode_keygen_message(const boost::json::value& v,
                                                                    const field_path& at = {});
/// The JSON form of a keygen message.
[[nodiscard]] boost::json::object encode_keygen_message(const crypto::keygen_message& m);

/// Scrutineer `index`'s signature over the ceremony's key digest.
struct key_confirmation {
  std::uint64_t index = 0;
  crypto::signature sig;
  friend bool operator==(const key_confirmation&, const key_confirmation&) = default;
};

/// Decodes a key confirmation. Errors: invalid_field.
[[nodiscard]] decoded<key_confirmation> decode_key_confirmation(const boost::json::value& v,
                                                                const field_path& at = {});
/// The JSON form of a key confirmation.
[[nodiscard]] boost::json::object encode_key_confirmation(const key_confirmation& c);

}  // namespace plenum::protocol
