// The hall's record of one WebSocket connection.
#pragma once

#include <atomic>
#include <memory>
#include <optional>

#include "net/ws_handler.hpp"
#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/messages.hpp"

namespace plenum::server::service {

/// One connection's session. The authentication fields are used only by calls for this
/// connection, which the net layer serializes; the subscription flags are read by the push
/// threads too, hence atomic.
struct session {
  std::shared_ptr<net::connection> conn;
  /// The challenge of `hello`; good for one successful `auth`.
  crypto::byte_array<protocol::nonce_bytes> server_nonce{};
  bool nonce_spent = false;
  unsigned failed_auths = 0;
  std::atomic<unsigned> failed_enrolls{0};  ///< counted in the reply handler
  /// The device key proven by `auth`; the person and roles behind it are looked up afresh
  /// for every command, so a revoked key stops working at once.
  std::optional<crypto::public_key> device_key;
  /// Whether the authenticated person may read results under embargo (chair, secretary,
  /// scrutineer): set by `auth`, read by the push threads.
  std::atomic<bool> privileged{false};
  std::atomic<bool> board{false};
  std::atomic<bool> state{false};
  std::atomic<bool> results{false};
};

}  // namespace plenum::server::service
