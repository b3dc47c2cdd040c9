// Reading the manifests and ballots of cvp1-kat.json (and of the project's cvp1.json, which has
// the same shape) into the crypto types, for the ballot and vector tests.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "ballot_parse.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/manifest.hpp"

namespace plenum::test {

/// The manifest of a KAT vote; throws on a missing or malformed field.
crypto::manifest manifest_from_json(const boost::json::value& v);

/// The unchecked text form of a KAT ballot; throws on a missing field.
test::raw_ballot raw_ballot_from_json(const boost::json::value& v);

/// A KAT choice array ([[0, 1, 0], …]).
crypto::ballot_choices choices_from_json(const boost::json::value& v);

/// The public keys of a "voters" array ([{"pk": …}, …]).
std::vector<crypto::public_key> voter_keys_from_json(const boost::json::array& voters);

/// The public keys of the KAT voters.
std::vector<crypto::public_key> kat_voter_keys();

/// The status that parsing or verify_ballot must give an invalid ballot, from its `why` (the
/// known answers' wording, which cvp1.json reuses); nullopt for an unknown kind.
std::optional<crypto::ballot_status> invalid_ballot_status(std::string_view why);

}  // namespace plenum::test
