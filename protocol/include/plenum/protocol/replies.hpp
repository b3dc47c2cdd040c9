// The success replies of the session messages and the typed pushes (PROTOCOL.md §6, §7), with
// encoders for the server and decoders for clients. Replies that carry a role's view of the
// congress (get_state, the state push) are the domain's JSON and are sent with encode_ok /
// encode_push directly. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/crypto/ballot.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/decode_error.hpp"
#include "plenum/protocol/envelope.hpp"

namespace plenum::protocol {

/// The wire names of the roles (DOMAIN.md): delegate, alternate, observer, chair, secretary,
/// scrutineer, projector.
inline constexpr std::string_view role_names[] = {"delegate",  "alternate",  "observer", "chair",
                                                  "secretary", "scrutineer", "projector"};

/// `auth` succeeded: who the connection now speaks for.
struct auth_reply {
  std::string person;
  std::vector<std::string> roles;
  friend bool operator==(const auth_reply&, const auth_reply&) = default;
};

/// `enroll` succeeded: the person whose key the device now holds.
struct enroll_reply {
  std::string person;
  friend bool operator==(const enroll_reply&, const enroll_reply&) = default;
};

/// `ping`: the server's clock.
struct ping_reply {
  std::uint64_t server_unix_ms = 0;
  friend bool operator==(const ping_reply&, const ping_reply&) = default;
};

/// `subscribe`: the sequence number of the board's next event when the subscription began
/// (the number of events so far); live pushes start there.
struct subscribe_reply {
  std::uint64_t next_seq = 0;
  friend bool operator==(const subscribe_reply&, const subscribe_reply&) = default;
};

/// `checkin`: the board entry that records it.
struct checkin_reply {
  std::uint64_t board_seq = 0;
  friend bool operator==(const checkin_reply&, const checkin_reply&) = default;
};

/// `cast_ballot`: the signed receipt, the tracking code as the tablet shows it and the board
/// entry the receipt names (its `ballot_accepted` as get_board serves it), so that the tablet
/// checks its ballot on the board without reading it; absent for a repeated cast.
struct cast_ballot_reply {
  protocol::receipt receipt;
  std::string tracking_code_display;
  std::optional<board_event> entry;
  friend bool operator==(const cast_ballot_reply&, const cast_ballot_reply&) = default;
};

/// `spoil_ballot`: the board entry of `ballot_spoiled`, the spoiled ballot's tracking code
/// (hex and as the tablet shows it) and the choices it encrypted, checked by the server.
struct spoil_ballot_reply {
  std::uint64_t board_seq = 0;
  crypto::digest32 tracking_code{};
  std::string tracking_code_display;
  crypto::ballot_choices choices;
  friend bool operator==(const spoil_ballot_reply&, const spoil_ballot_reply&) = default;
};

/// `confirm_key`: whether every scrutineer has now confirmed.
struct confirm_key_reply {
  bool complete = false;
  friend bool operator==(const confirm_key_reply&, const confirm_key_reply&) = default;
};

/// `partial_decryption`: valid partials received for the vote, and how many are needed.
struct partial_decryption_reply {
  std::uint64_t partials = 0;
  std::uint64_t needed = 0;
  friend bool operator==(const partial_decryption_reply&,
                         const partial_decryption_reply&) = default;
};

/// The `ok` reply frame for request `id`. Throws std::invalid_argument (a programmer error) if
/// `r` holds a role outside role_names.
[[nodiscard]] std::string encode_reply(std::uint64_t id, const auth_reply& r);
[[nodiscard]] std::string encode_reply(std::uint64_t id, const enroll_reply& r);
[[nodiscard]] std::string encode_reply(std::uint64_t id, const ping_reply& r);
[[nodiscard]] std::string encode_reply(std::uint64_t id, const subscribe_reply& r);
[[nodiscard]] std::string encode_reply(std::uint64_t id, const checkin_reply& r);
[[nodiscard]] std::string encode_reply(std::uint64_t id, const cast_ballot_reply& r);
[[nodiscard]] std::string encode_reply(std::uint64_t id, const spoil_ballot_reply& r);
[[nodiscard]] std::string encode_reply(std::uint64_t id, const confirm_key_reply& r);
[[nodiscard]] std::string encode_reply(std::uint64_t id, const partial_decryption_reply& r);

/// Decodes the fields of an `ok` reply (a frame from parse_server_frame) as a T, one of the
/// reply structs above (the library instantiates it for each of them). Errors: invalid_field
/// (including a frame whose type is not "ok"), and the codes of the receipt codec.
template <typename T>
[[nodiscard]] decoded<T> decode_reply(const frame& f);

/// The most events one `board_events` push carries.
inline constexpr std::size_t max_events_per_push = 256;

/// The push `{"v":1,"type":"board_events","events":[{…}, …]}` (topics `board` and `basis`): 1 …
/// max_events_per_push events in seq order, each as encode_board_event writes it.
/// Throws std::invalid_argument for an empty or longer batch.
[[nodiscard]] std::string encode_board_events_push(const std::vector<board_event>& events);
/// Decodes a `board_events` push, checking each event's entry hash (see decode_board_event)
/// and that their seqs increase. Errors: invalid_field (with the event's path), the codes of
/// decode_board_event.
[[nodiscard]] decoded<std::vector<board_event>> decode_board_events_push(const frame& f);

}  // namespace plenum::protocol
