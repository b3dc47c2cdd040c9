// The session messages of the protocol (PROTOCOL.md, "Messages") as typed values, with their
// decoders and encoders. A decoded request holds only valid values (see fields.hpp and the
// codecs); what the message means for the congress (may this person do it now?) is the
// server's business. Pure functions; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/ballot_points.hpp"
#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/decode_error.hpp"
#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/strict_json.hpp"

namespace plenum::protocol {

/// Bytes of the server's and the client's authentication nonces.
inline constexpr std::size_t nonce_bytes = 32;
/// Longest congress, sitting or vote id in bytes.
inline constexpr std::size_t max_name_bytes = 64;
/// Longest enrollment code in bytes.
inline constexpr std::size_t max_code_bytes = 64;

// ---- server → client, sent once on connect (not a reply) ----

/// `hello`: the server introduces itself and sets the challenge for `auth`. The protocol
/// version is the envelope's `v`; `server_unix_ms` lets a tablet align the clock it signs
/// check-ins with.
struct hello {
  static constexpr std::string_view type = "hello";
  std::string congress_id;
  crypto::byte_array<nonce_bytes> server_nonce{};
  crypto::public_key congress_pk;
  std::uint64_t server_unix_ms = 0;
  /// Whether this machine serves the hall now; false on a standby (server/STANDBY.md), which
  /// answers every request but `ping` with `not_serving`. Absent (older servers): true.
  bool serving = true;
  /// The hall's base addresses ("https://192.168.1.10:8443"), as plenumd's --hall-server gives
  /// them; empty when none were given (and then not written).
  std::vector<std::string> servers;
  /// The key that signs new entries and receipts now: congress_pk until a server_handover,
  /// the certified standby key after it. Absent (older servers): congress_pk.
  std::optional<crypto::public_key> signing_pk;
};

// ---- client → server ----

/// `auth`: the device proves it holds `device_pk`'s secret key by signing
/// crypto::auth_digest(congress_id, server_nonce, client_nonce, device_pk).
struct auth_request {
  static constexpr std::string_view type = "auth";
  crypto::public_key device_pk;
  crypto::byte_array<nonce_bytes> client_nonce{};
  crypto::signature sig;
};

/// `enroll`: a new device binds its key to a person's one-time code, signing
/// crypto::enroll_digest(congress_id, person, code, device_pk). Allowed before `auth`.
/// `code` is sent as typed (the server canonicalizes it); the signature covers the canonical
/// form (16 Crockford base32 characters, upper case, no separators).
struct enroll_request {
  static constexpr std::string_view type = "enroll";
  std::string person;
  std::string code;
  crypto::public_key device_pk;
  crypto::signature sig;
  /// The device's signature over crypto::possession_digest(congress_id, person, device_pk),
  /// kept in the record (`device_enrolled.possession`) as proof that the device made its key.
  std::optional<crypto::signature> possession = std::nullopt;
};

/// `ping`: a liveness check; the reply carries the server's clock.
struct ping_request {
  static constexpr std::string_view type = "ping";
};

/// The push topics a client may subscribe to: `board` every durable event, `basis` every one
/// but the ballots (ballot_accepted, ballot_spoiled), `course` the sitting's course and the
/// subscriber's own device's events (get_board's `only: "course"`), `state` and `results`
/// (PROTOCOL.md §7).
enum class topic { board, basis, state, results, course };
/// The topic's wire name ("board", "basis", "state", "results", "course").
[[nodiscard]] std::string_view to_string(topic t);

/// `subscribe`: start the pushes of `topics` (replacing any earlier subscription; `board`,
/// `basis` and `course` mutually exclusive). With `since_seq`, the board, basis or course topic
/// first replays its events from that sequence number on.
struct subscribe_request {
  static constexpr std::string_view type = "subscribe";
  std::vector<topic> topics;
  std::optional<std::uint64_t> since_seq;
};

/// `get_state`: the current state of the congress as this person may see it.
struct get_state_request {
  static constexpr std::string_view type = "get_state";
};

/// `cast_ballot`: a delegate casts a ballot in the open vote `vote_id`; `ballot.vote_id`
/// equals `vote_id`.
struct cast_ballot_request {
  static constexpr std::string_view type = "cast_ballot";
  std::string vote_id;
  crypto::ballot ballot;
  /// Not on the wire: the ballot's option ciphertexts as decode_request(frame, sender_key)
  /// decoded them when it checked their points, for the ballot's verification
  /// (crypto::verify_ballot takes them); empty from any other decoding and when made in code.
  crypto::decoded_ballot_points points{};
};

/// `spoil_ballot`: a delegate challenges a ballot instead of casting it (CVP1 "Spoiled
/// ballots"): the ballot and the openings of all its options. `ballot.vote_id` equals
/// `vote_id`. The ballot is recorded as spoiled, never counted, and its id and alphas are
/// burnt for the vote.
struct spoil_ballot_request {
  static constexpr std::string_view type = "spoil_ballot";
  std::string vote_id;
  crypto::ballot ballot;
  crypto::ballot_openings nonces;
};

/// `checkin`: a delegate records presence at a sitting, signing
/// crypto::checkin_digest(sitting_id, device_pk, unix_ms) with the authenticated device key.
struct checkin_request {
  static constexpr std::string_view type = "checkin";
  std::string sitting_id;
  std::uint64_t unix_ms = 0;
  crypto::signature sig;
};

/// `keygen`: a scrutineer publishes its key-ceremony message for the sitting.
struct keygen_request {
  static constexpr std::string_view type = "keygen";
  std::string sitting_id;
  crypto::keygen_message message;
};

/// `confirm_key`: a scrutineer signs the ceremony's key digest.
struct confirm_key_request {
  static constexpr std::string_view type = "confirm_key";
  std::string sitting_id;
  key_confirmation confirmation;
};

/// `partial_decryption`: a scrutineer sends its share of a closed vote's tally.
struct partial_decryption_request {
  static constexpr std::string_view type = "partial_decryption";
  std::string vote_id;
  crypto::partial_decryption partial;
};

/// Every request a client may send.
using request =
    std::variant<auth_request, enroll_request, ping_request, subscribe_request, get_state_request,
                 cast_ballot_request, checkin_request, keygen_request, confirm_key_request,
                 partial_decryption_request, spoil_ballot_request>;

/// A decoded request with the id its reply must echo.
struct request_message {
  std::uint64_t id = 0;
  request body;
};

/// The type name of the request held.
[[nodiscard]] std::string_view type_of(const request& r);

/// Whether `type` names a request this library decodes.
[[nodiscard]] bool is_request_type(std::string_view type);

/// Decodes the fields of an envelope-checked frame into its request. Errors:
/// unknown_message_type (field "type") for a type not in `request`; invalid_field for an
/// unknown or missing field, a wrong type or range; invalid_point, non_canonical_scalar from
/// the codecs. The refusal carries the frame's id.
[[nodiscard]] decoded<request_message> decode_request(const frame& f);
/// decode_request for a connection authenticated as `sender_key` (checked in full at
/// enrollment and auth): a ballot (cast_ballot, spoil_ballot) whose voter_pk has exactly its
/// bytes takes that key without checking it again; any other voter_pk, and every other
/// request, is decoded as decode_request does. Errors: those of decode_request.
[[nodiscard]] decoded<request_message> decode_request(const frame& f,
                                                      const crypto::public_key& sender_key);

/// The whole pipeline for untrusted text: parse_request, then decode_request. Never throws:
/// a stray exception (a bug, or memory exhaustion) becomes errc::internal. Suitable as a
/// fuzzing entry point.
[[nodiscard]] decoded<request_message> decode_frame(std::string_view text,
                                                    const json_limits& limits = {}) noexcept;

/// The request frame `{"v":1,"id":id,"type":…, …fields}` for `r` (clients and tests).
[[nodiscard]] std::string encode_request(std::uint64_t id, const request& r);

/// The push `hello`.
[[nodiscard]] std::string encode_hello(const hello& h);
/// Decodes a `hello` push (clients). Errors: invalid_field, invalid_point.
[[nodiscard]] decoded<hello> decode_hello(const frame& f);

}  // namespace plenum::protocol
