// The bulletin board's digests (CVP1 §2 and §6): the hash chain of events, the delegate's
// check-in statement and the connection challenge. Pure functions of their arguments;
// thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::crypto {

/// The prev_hash of event 0: 32 zero bytes.
inline constexpr digest32 genesis_hash{};

/// entry_hash = H32("event", LE64(seq), prev_hash, type, payload). `payload` is the exact
/// stored UTF-8 JSON text; any other spelling of the same JSON gives a different hash.
[[nodiscard]] digest32 entry_hash(std::uint64_t seq, const digest32& prev_hash,
                                  std::string_view type, std::string_view payload);

/// H32("checkin", sitting_id, delegate_pk, LE64(unix_ms)): what a delegate (or, for an
/// assisted check-in, the secretary) signs to record presence at a sitting.
[[nodiscard]] digest32 checkin_digest(std::string_view sitting_id, const public_key& delegate_pk,
                                      std::uint64_t unix_ms);

/// H32("activity-checkin", activity_id, delegate_pk, LE64(unix_ms)): what a delegate signs to
/// record presence at an activity between meetings (crypto/SPEC.md §6). Its own label, so that a
/// sitting's check-in can never be replayed as an activity's, nor the other way round.
[[nodiscard]] digest32 activity_checkin_digest(std::string_view activity_id,
                                               const public_key& delegate_pk,
                                               std::uint64_t unix_ms);

/// H32("auth", congress_id, server_nonce, client_nonce, device_pk): what a device signs to
/// authenticate a connection. The nonces are hashed as given, whatever their length.
[[nodiscard]] digest32 auth_digest(std::string_view congress_id, byte_span server_nonce,
                                   byte_span client_nonce, const public_key& device_pk);

/// H32("enroll", congress_id, person_number, code, device_pk): what a new device signs with its
/// fresh key to bind it to a person's one-time enrollment code (CVP1 §2), proving it holds the
/// secret key. `code` is the code's canonical form (its 16 characters without separators);
/// `person_number` is the roster number printed beside it (codes are stored salted per person).
[[nodiscard]] digest32 enroll_digest(std::string_view congress_id, std::string_view person_number,
                                     std::string_view code, const public_key& device_pk);

/// possession_digest = H32("possession", congress_id, person_number, device_pk): what a new
/// device also signs at enrollment so that the record proves the device made its key. Unlike
/// enroll_digest it covers no secret, so anyone holding the record can check it (SPEC.md §2).
[[nodiscard]] digest32 possession_digest(std::string_view congress_id,
                                         std::string_view person_number,
                                         const public_key& device_pk);

/// H32("standby-handover", congress_id, congress_pk, standby_pk, LE64(from_seq)): what the
/// congress key signs to certify a standby machine's key for the log's entries from seq
/// `from_seq` on (crypto/SPEC.md §6, "Who signs entry_hash").
[[nodiscard]] digest32 handover_digest(std::string_view congress_id, const public_key& congress_pk,
                                       const public_key& standby_pk, std::uint64_t from_seq);

}  // namespace plenum::crypto
