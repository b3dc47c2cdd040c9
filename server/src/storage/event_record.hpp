// What the event log keeps: the events of the chain as stored and the private details kept
// beside it. Shared by the log and the stores it writes to.
#pragma once

#include <cstdint>
#include <string>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::server::storage {

/// One event of the chain, as stored.
struct stored_event {
  std::uint64_t seq = 0;
  /// entry_hash of event seq-1; 32 zero bytes for event 0.
  crypto::digest32 prev_hash{};
  std::string type;
  /// The exact UTF-8 JSON text that was hashed.
  std::string payload;
  /// H32("event", LE64(seq), prev_hash, type, payload).
  crypto::digest32 entry_hash{};
  /// The congress key's Ed25519 signature over entry_hash.
  crypto::signature signature;
  /// When the server appended it (Unix milliseconds). Not covered by the hash.
  std::int64_t stored_at_unix_ms = 0;
};

/// The end of the chain.
struct chain_head {
  /// Number of events, which is also the seq the next event gets.
  std::uint64_t length = 0;
  /// entry_hash of event length-1; 32 zero bytes when the log is empty.
  crypto::digest32 hash{};
};

/// Private details kept beside the log (protocol/RECORD.md "Private details"): the row of table
/// private_details an event's `details_digest` commits to. Never part of the chain.
struct private_detail_row {
  std::string digest;   ///< hex, the event's details_digest
  std::string salt;     ///< hex, 16 bytes
  std::string details;  ///< the canonical JSON of the details
  friend bool operator==(const private_detail_row&, const private_detail_row&) = default;
};

}  // namespace plenum::server::storage
