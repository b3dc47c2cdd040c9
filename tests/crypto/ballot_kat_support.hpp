// Reading the manifests and ballots of cvp1-kat.json into the crypto types, for the ballot tests.
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/ballot_parse.hpp"
#include "plenum/crypto/manifest.hpp"

namespace plenum::test {

/// The manifest of a KAT vote; throws on a missing or malformed field.
crypto::manifest manifest_from_json(const boost::json::value& v);

/// The unchecked text form of a KAT ballot; throws on a missing field.
crypto::raw_ballot raw_ballot_from_json(const boost::json::value& v);

/// A KAT choice array ([[0, 1, 0], …]).
crypto::ballot_choices choices_from_json(const boost::json::value& v);

/// The public keys of the KAT voters.
std::vector<crypto::public_key> kat_voter_keys();

}  // namespace plenum::test
