// Private to plenum_verify: the verifier's own model of a congress, rebuilt from the board
// events alone (not from the server's code), and the accumulator of check results.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "contacts.hpp"
#include "follow_up.hpp"
#include "groups.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"

namespace plenum::clients::verify::detail {

/// Collects check results in the order first met.
class check_log {
 public:
  /// Counts one item of check (name, subject) as passed.
  void pass(const std::string& name, const std::string& subject, std::uint64_t items = 1);
  /// Counts one item as failed, keeping the first few reasons.
  void fail(const std::string& name, const std::string& subject, const std::string& reason);
  /// Sets the text shown for a passing check.
  void describe(const std::string& name, const std::string& subject, std::string detail);
  /// Makes sure the check appears (with zero items) even if nothing was counted.
  void touch(const std::string& name, const std::string& subject);

  [[nodiscard]] verify_report report() const;

 private:
  check_result& at(const std::string& name, const std::string& subject);
  std::vector<check_result> checks_;
  std::map<std::pair<std::string, std::string>, std::size_t> index_;
};

/// An event that decodes but cannot be applied where it stands (an unknown sitting or vote, an
/// event out of order).
class bad_payload : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Runs fn(i) for i in [0, n) on `threads` threads (work shared by an atomic counter).
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn);

struct ceremony_model {
  std::uint64_t started_seq = 0;
  std::optional<crypto::ceremony_params> params;
  std::vector<std::string> persons;  // index i+1 is persons[i]
  std::vector<std::optional<crypto::keygen_message>> messages;
  std::optional<crypto::ceremony_keys> published;
  std::vector<std::optional<crypto::signature>> confirmations;
  [[nodiscard]] bool all_confirmed() const;
};

struct sitting_model {
  std::string id;
  /// A delegate group's own sitting: the group ("" for the whole congress).
  std::string group;
  /// Valid check-ins: person → seq of the event.
  std::map<std::string, std::uint64_t> present;
  std::set<std::string> excused;
  std::optional<ceremony_model> ceremony;
};

struct ballot_entry {
  std::uint64_t seq = 0;
  crypto::digest32 entry_hash{};
  std::string person;
  /// Whether the sequential checks (roster, check-in, uniqueness, decoding) passed.
  bool admissible = false;
  std::optional<crypto::ballot> ballot;
  crypto::digest32 claimed_digest{};
  crypto::digest32 claimed_tracking{};
};

/// A spoiled (challenged) ballot: recorded, never counted (CVP1 "Spoiled ballots").
struct spoiled_entry {
  std::uint64_t seq = 0;
  std::string person;
  /// Whether the sequential checks (roster, check-in, not yet cast, uniqueness, decoding)
  /// passed.
  bool admissible = false;
  std::optional<crypto::ballot> ballot;
  std::optional<crypto::ballot_openings> openings;
  std::optional<crypto::ballot_choices> claimed_choices;
  crypto::digest32 claimed_digest{};
  crypto::digest32 claimed_tracking{};
};

struct partial_entry {
  std::uint64_t seq = 0;
  std::uint64_t index = 0;
  crypto::partial_decryption partial;
};

struct decided_entry {
  std::uint64_t seq = 0;
  std::uint64_t board_seq_at_close = 0;
  std::uint64_t ballots = 0;
  std::uint64_t seated = 0;
  std::uint64_t present = 0;
  std::vector<std::uint64_t> counts;
  std::string rule;
  std::string outcome;
  /// The server's result_digest and board_hash_at_close, when the event carries them.
  std::optional<crypto::digest32> published_digest;
  std::optional<crypto::digest32> published_hash_at_close;
};

/// A signature over a vote's result digest: a scrutineer's (index ≥ 1) or the chair's (0).
struct result_signature_entry {
  std::uint64_t seq = 0;
  std::uint64_t index = 0;
  std::string person;
  crypto::public_key signer_pk;
  crypto::signature sig;
  /// Whether, when the event was recorded, the signer held the part it claims: the
  /// scrutineer appointed at `index` with that key, or a chair whose current key it is.
  bool signer_entitled = false;
};

struct vote_model {
  std::string id;
  std::string sitting_id;
  std::string kind;
  crypto::manifest manifest;
  std::string rule_text;
  bool opened = false;
  bool closed = false;
  // Recomputed when the vote opened.
  std::uint64_t seated = 0;
  std::uint64_t present = 0;
  std::set<std::string> eligible;
  std::set<crypto::public_key> roster;
  /// The vote's vote_roster event as read (format 2), and its seq.
  std::optional<protocol::events::vote_roster> roster_event;
  std::uint64_t roster_event_seq = 0;
  crypto::digest32 election_hash{};
  std::optional<crypto::ceremony_params> params;
  std::optional<crypto::ceremony_keys> keys;
  std::vector<std::string> scrutineers;
  // Ballots.
  std::vector<ballot_entry> ballots;
  std::set<std::string> voters;
  std::set<crypto::byte_array<32>> ballot_ids;
  std::set<crypto::byte_array<32>> alphas;
  // Spoiled ballots; their ids and alphas are also in ballot_ids and alphas (burnt).
  std::vector<spoiled_entry> spoiled;
  std::set<crypto::byte_array<32>> spoiled_ids;
  std::set<crypto::byte_array<32>> spoiled_alphas;
  std::uint64_t closed_seq = 0;
  std::vector<partial_entry> partials;
  std::optional<decided_entry> decided;
  std::vector<result_signature_entry> result_signatures;
  std::vector<result_signature_entry> announcements;
};

/// Everything the replay learned, for the checks that run after it.
struct congress_model {
  std::string congress_id;
  std::map<std::string, std::set<std::string>> roles;  // person → roles, from the roster
  std::vector<std::string> person_order;
  std::map<std::string, std::string> names;        // person → roster name
  std::map<std::string, crypto::public_key> keys;  // person → current device key
  std::map<std::string, sitting_model> sittings;
  std::map<std::string, vote_model> votes;
  std::vector<std::string> vote_order;
  /// The term's follow-up: roster changes, resolutions, rectification items, reports.
  follow_up_model follow_up;
  /// Three-level contact and opinions (digests only).
  contacts_model contacts;
  /// entry_hash of every event by seq (for result digests and receipts).
  /// Delegate groups and activities.
  group_model groups;
  std::vector<crypto::digest32> entry_hashes;
};

/// Checks the chain, the server signatures and the head (check names chain, signatures,
/// head, congress). Returns whether the events are in seq order 0..n-1 (the replay needs it).
/// Entry `seq` must be signed by `signers.of(seq)` (board_signers.hpp).
struct board_signers;
bool check_board(const record& rec, const verify_options& options, const board_signers& signers,
                 unsigned threads, check_log& log);

/// Replays the events in order into `model`, running the sequential checks (events,
/// checkins, attendance, election, roster, ballot admissibility).
void replay(const record& rec, congress_model& model, check_log& log);

/// The ceremony checks of every sitting that has one.
void check_ceremonies(const congress_model& model, check_log& log);

struct engine_plan;

/// The per-vote checks that run after the replay: ballots (parallel), receipts, engines (the
/// items checked by both engines, as `plan` says), tally, outcome, result, signers (every
/// signature on the result). A receipt must be signed by `signers.of(its board_seq)`.
void check_votes(const record& rec, congress_model& model, const board_signers& signers,
                 unsigned threads, const engine_plan& plan, check_log& log);

}  // namespace plenum::clients::verify::detail
