// The auth step on an asynchronous connection: the device proves its key against the hello's
// server nonce.
#pragma once

#include <functional>
#include <memory>

#include <plenum/crypto/sign.hpp>

#include "async_connection.hpp"

namespace plenum::clients::loadgen {

/// Sends `auth` for `key` on started connection `c` and calls done() with no error once the
/// server accepted it, else with the refusal (its plenum code) or the transport error. `key`
/// must outlive the call.
void authenticate_async(const std::shared_ptr<async_connection>& c, const crypto::secret_key& key,
                        std::function<void(boost::system::error_code)> done);

}  // namespace plenum::clients::loadgen
