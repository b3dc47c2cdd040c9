// The bulletin board as a client reads it: every event from seq 0, checked (entry hashes, the
// hash chain, the signatures: the congress key's, and from a verified server_handover on the
// standby key it certifies), and folded into what the roles need to act:
// the key ceremonies (parameters and keygen messages), the votes (manifest, election hash,
// joint key, accepted ballots, results). Everything a client computes is derived from the
// board, never from the server's word alone.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <plenum/clients/session.hpp>
#include <plenum/crypto/ballot.hpp>
#include <plenum/crypto/ceremony.hpp>
#include <plenum/crypto/ceremony_params.hpp>
#include <plenum/crypto/decryption.hpp>
#include <plenum/crypto/keygen.hpp>
#include <plenum/crypto/manifest.hpp>
#include <plenum/crypto/running_tally.hpp>
#include <plenum/protocol/board_signers.hpp>
#include <plenum/protocol/codec_board.hpp>

namespace plenum::clients {

/// A sitting's latest key ceremony as recorded.
struct ceremony_record {
  std::string sitting_id;
  std::vector<std::string> persons;  ///< scrutineer index i is persons[i-1]
  std::optional<crypto::ceremony_params> params;
  /// Keygen messages by dealer index (1 … n); missing ones absent.
  std::map<std::uint64_t, crypto::keygen_message> messages;
  std::map<std::uint64_t, crypto::signature> confirmations;
  /// Whether, when the ceremony started, every scrutineer key was that person's enrolled
  /// device key on the board.
  bool keys_enrolled = false;

  /// The scrutineer index of `person`, 0 if not appointed.
  [[nodiscard]] std::uint64_t index_of(std::string_view person) const;
  /// The n messages in dealer order, when all are in.
  [[nodiscard]] std::optional<std::vector<crypto::keygen_message>> all_messages() const;
};

/// One accepted ballot on the board.
struct ballot_record {
  std::string person;
  std::uint64_t seq = 0;
  crypto::digest32 entry_hash{};
  crypto::digest32 tracking_code{};
  crypto::ballot ballot;
};

/// A vote as recorded.
struct vote_record {
  std::string vote_id;
  std::string sitting_id;
  std::string item_id;
  std::string kind;
  std::string follow_up_of;
  crypto::manifest manifest;
  std::vector<std::string> candidates;  ///< candidates or members, in manifest order
  bool opened = false;
  bool closed = false;
  crypto::digest32 election_hash{};
  std::optional<crypto::point> joint_key;
  /// What vote_opened published besides: the roster keys (as listed: vote_opened's own in
  /// format 1, the vote_roster event's in format 2), and the hashes and ceremony id the server
  /// says the election hash was made of. Absent when not published.
  std::vector<crypto::public_key> roster;
  /// The eligible delegates' numbers, from the same event as `roster`.
  std::vector<std::string> eligible;
  /// Format 2 (vote_roster apart): the vote_roster read for this vote (its seq, and the hash
  /// and root it states), and what vote_opened names: its seq, count and Merkle root.
  std::optional<std::uint64_t> roster_event_seq;
  std::optional<crypto::digest32> roster_event_hash;
  std::optional<crypto::digest32> roster_event_root;
  bool roster_apart = false;
  std::uint64_t roster_seq = 0;
  std::uint64_t roster_count = 0;
  std::optional<crypto::digest32> roster_root;
  std::optional<crypto::digest32> manifest_hash;
  std::optional<crypto::digest32> roster_hash;
  std::optional<crypto::digest32> ceremony_id;
  /// The sitting's key ceremony as the board recorded it when the vote opened (a later
  /// ceremony_started cannot change what the vote was opened with).
  std::optional<ceremony_record> ceremony;
  std::string rule_text;     ///< the rule the vote was created with
  std::uint64_t seated = 0;  ///< denominators snapshotted when the vote opened
  std::uint64_t present = 0;
  std::vector<ballot_record> ballots;  ///< in board order
  /// The aggregates of those ballots, each added as its ballot_accepted is read (up to the
  /// vote's vote_closed): a client that follows the board has them at the close without
  /// reading the ballots again.
  crypto::running_tally tally;
  std::uint64_t closed_seq = 0;
  crypto::digest32 closed_hash{};  ///< entry hash of vote_closed (board_hash_at_close)
  std::uint64_t partials = 0;
  /// The partial decryptions as recorded, in board order (decoded, not yet checked).
  std::vector<crypto::partial_decryption> partial_list;
  /// Set once decided: counts per position and the outcome text.
  std::optional<std::vector<std::uint64_t>> counts;
  std::string outcome_text;
  /// The vote_decided event's other figures, as the server published them.
  std::uint64_t decided_seq_at_close = 0;
  std::uint64_t decided_ballots = 0;
  std::uint64_t decided_seated = 0;
  std::uint64_t decided_present = 0;
  std::string decided_rule;
  /// The server's result_digest, when the event carries it.
  std::optional<crypto::digest32> published_digest;
  /// Signatures over the result: the scrutineers' by index, and the chair's announcement.
  std::map<std::uint64_t, crypto::signature> result_signatures;
  std::optional<crypto::signature> announcement;

  /// Number of positions (options over all contests).
  [[nodiscard]] std::size_t positions() const;
  /// The aggregates (A, B) per position over the ballots cast before the vote closed (from
  /// `tally`: encoding only).
  [[nodiscard]] std::vector<crypto::ciphertext> aggregates() const;
};

/// The board folded.
struct board_record {
  /// An empty board whose events must be signed by the congress key `key` (and, from a
  /// server_handover that key certified, by the standby key it names).
  explicit board_record(const crypto::public_key& key) : congress_pk(key), signers(key) {}

  crypto::public_key congress_pk;
  /// Who signs each seq of the events read so far (a receipt of seq n: signers.of(n)).
  protocol::board_signers signers;
  std::string congress_id;
  std::vector<protocol::board_event> events;
  std::map<std::string, ceremony_record> ceremonies;  ///< by sitting id
  std::map<std::string, vote_record> votes;           ///< by vote id
  std::vector<std::string> vote_order;                ///< vote ids as created
  /// Device keys currently enrolled, by person.
  std::map<std::string, crypto::public_key> device_keys;
  /// Every device key enrolled so far, by its bytes: checked when its enrollment was read, so
  /// that a ballot event naming one takes it without checking it again.
  std::map<crypto::byte_array<32>, crypto::public_key> checked_device_keys;

  /// Adds one event (seq must be events.size()), read with the one event decoder
  /// (protocol::decode_event_payload); a sealed event, or one of a type this client does not
  /// know, is kept without being read. Errors: errc::broken_chain for a wrong seq, prev_hash or
  /// signature (signers.of(seq)'s), or a server_handover the congress key did not certify;
  /// errc::malformed_message for a payload the decoder refuses or an event naming a vote or
  /// ceremony the board does not hold.
  [[nodiscard]] result<void> add(const protocol::board_event& e);
};

/// Reads the whole board through `s` (which must be authenticated): subscribes to `board` from
/// seq 0 and reads every event before the reply's next_seq, checking each one against the
/// congress key of the session's hello (and the standby key a handover on the board certifies). The
/// session's push queue is cleared afterwards; later board pushes are dropped. Errors: the
/// transport's, errc::broken_chain, malformed_message.
[[nodiscard]] result<board_record> read_board(session& s);

}  // namespace plenum::clients
