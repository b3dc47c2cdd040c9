// JSON forms of what the server publishes about the bulletin board (CVP1 §5, §6):
//   board event:  {"seq":0, "prev_hash":<hex 32>, "type":"sitting_opened",
//                  "payload":"<the stored JSON text, as a string>",
//                  "entry_hash":<hex 32>, "signature":<hex 64>}
//   receipt:      {"tracking_code":<hex 32>, "board_seq":12, "board_entry_hash":<hex 32>,
//                  "signature":<hex 64>}
// The payload travels as a JSON string holding the exact stored text, so that a client hashes
// the very bytes the server hashed; re-serializing an embedded object could change them.
// A sealed event (a result under embargo, sent to a reader who may not see it yet) has no
// payload and `"sealed":true`: its entry hash and signature still chain the board.
// Pure functions; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <string>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/decode_error.hpp"

namespace plenum::protocol {

/// Longest event type name in bytes.
inline constexpr std::size_t max_event_type_bytes = 64;
/// Longest event payload text in bytes. Board events travel from the server, whose frames are
/// not bound by the 256 KiB limit on requests: the roster or the vote_opened event of a
/// congress of thousands of delegates is larger than that.
inline constexpr std::size_t max_payload_bytes = 8 * 1024 * 1024;

/// One entry of the board's hash chain, with the server's signature over entry_hash.
struct board_event {
  std::uint64_t seq = 0;
  crypto::digest32 prev_hash{};
  std::string type;
  std::string payload;
  crypto::digest32 entry_hash{};
  crypto::signature sig;
  /// The payload is withheld (empty) until the result it belongs to is announced; entry_hash
  /// cannot be recomputed, only its signature checked.
  bool sealed = false;
  friend bool operator==(const board_event&, const board_event&) = default;
};

/// Decodes a board event and checks that entry_hash is crypto::entry_hash of the other
/// fields (a mismatch is invalid_field on `entry_hash`); a sealed event has no payload and
/// no hash to recompute. Errors: invalid_field. The signature is not checked (that needs the
/// congress key: see crypto::public_key::verify).
[[nodiscard]] decoded<board_event> decode_board_event(const boost::json::value& v,
                                                      const field_path& at = {});
/// The JSON form of a board event.
[[nodiscard]] boost::json::object encode_board_event(const board_event& e);
/// Appends to `out` the very text boost::json::serialize(encode_board_event(e)) gives, written
/// directly (every push of the board writes its events so).
void append_board_event_text(const board_event& e, std::string& out);

/// The server's receipt for an accepted ballot: its signature over
/// crypto::receipt_digest(tracking_code, board_seq, board_entry_hash).
struct receipt {
  crypto::digest32 tracking_code{};
  std::uint64_t board_seq = 0;
  crypto::digest32 board_entry_hash{};
  crypto::signature sig;
  friend bool operator==(const receipt&, const receipt&) = default;
};

/// Decodes a receipt. Errors: invalid_field. The signature is not checked.
[[nodiscard]] decoded<receipt> decode_receipt(const boost::json::value& v,
                                              const field_path& at = {});
/// The JSON form of a receipt.
[[nodiscard]] boost::json::object encode_receipt(const receipt& r);

}  // namespace plenum::protocol
