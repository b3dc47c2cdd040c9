// Access to the files under tests/vectors for tests.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::test {

/// Parses tests/vectors/NAME as JSON; throws if it is missing or malformed.
boost::json::value load_vector_file(const std::string& name);

/// The independent implementation's known answers (cvp1-kat.json), parsed once.
const boost::json::object& kat();

/// Field accessors that throw on a missing or malformed field, so a broken vector file fails
/// the test loudly instead of passing vacuously.
crypto::byte_vector hex_field(const boost::json::value& v);
crypto::point point_field(const boost::json::value& v);
crypto::scalar scalar_field(const boost::json::value& v);
crypto::public_key public_key_field(const boost::json::value& v);
crypto::secret_key secret_key_field(const boost::json::value& v);
crypto::signature signature_field(const boost::json::value& v);

}  // namespace plenum::test
