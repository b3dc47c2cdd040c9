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

/// One connection's session (kept by the session gate). The authentication fields are used
/// only by calls for this connection, which the net layer serializes; `failed_enrolls` is
/// counted in reply handlers and `privileged` read by queries, hence atomic.
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
  /// scrutineer): set by `auth`; the broadcaster keeps its own copy for the pushes.
  std::atomic<bool> privileged{false};
};

}  // namespace plenum::server::service
