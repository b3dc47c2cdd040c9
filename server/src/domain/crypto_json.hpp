// JSON forms of the crypto objects the domain records: the manifest (CVP1 §4, the keys of
// cvp1-kat.json) and the cast ballot (CVP1 §5).
#pragma once

#include <boost/json/object.hpp>
#include <optional>

#include "plenum/crypto/ballot_parse.hpp"
#include "plenum/crypto/manifest.hpp"

namespace plenum::server::domain {

/// {"vote_id","kind","title","contests":[{"contest_id","title","min","max","options":
/// [{"option_id","label"}]}],"constraints":[{"min","max","positions":[[c,o],…]}]}
[[nodiscard]] boost::json::object manifest_to_json(const crypto::manifest& m);
/// The inverse of manifest_to_json; throws malformed_payload on a malformed object.
[[nodiscard]] crypto::manifest manifest_from_json(const boost::json::object& o);

/// Reads the hex fields of a ballot object ({"vote_id","ballot_id","voter_pk","contests":
/// [{"options":[{"alpha","beta","proof":[{"c","z"}]}],"proof":[…]}],"constraint_proofs":
/// [[…]],"signature"}); nullopt if a field is missing or of the wrong JSON type.
[[nodiscard]] std::optional<crypto::raw_ballot> raw_ballot_from_json(const boost::json::object& o);

}  // namespace plenum::server::domain
