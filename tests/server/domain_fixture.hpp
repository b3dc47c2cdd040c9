// A congress in a test: a state, its log (payloads kept as the stored text would be), the
// persons' device keys, a manual clock, and helpers that run commands the way the dispatcher
// does (decide, then apply each event).
#pragma once

#include <cstdint>
#include <functional>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "domain/decide.hpp"
#include "domain/state.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/key_share.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::server::domain::test {

/// The CSV of a roster: delegates D001…Dn (groups of ten, half women, every tenth a minority,
/// occupations cycling through the four front-line categories), a chair CH, a secretary SE,
/// scrutineers S1–S3, an alternate AL, an observer OB, a projector PR.
std::string roster_csv(std::size_t delegates);

/// Membership totals under which roster_csv(n) raises no warning (for n a multiple of 10).
membership_totals quiet_membership();

/// "D001" … for i = 1 …
std::string delegate_number(std::size_t i);

/// An event of a test congress's log: as the log stores it (type, payload as parsed back from
/// the stored text, entry hash in the chain) and as the domain applies it.
struct logged_event {
  std::uint64_t seq = 0;
  std::string type;
  boost::json::object payload;
  event applied;
};

class congress {
 public:
  /// Creates the congress, imports roster_csv(delegates), acknowledges any warnings and
  /// enrolls every person with a deterministic key.
  explicit congress(std::size_t delegates);

  congress_state state;
  std::vector<logged_event> log;
  std::int64_t now = 1'790'000'000'000;
  std::map<std::string, crypto::secret_key> keys;
  /// entry_hash of the last event in `log` (CVP1 §6).
  crypto::digest32 head_{};
  /// The scrutineers' key shares after complete_ceremony, by sitting and index.
  std::map<std::string, std::map<std::uint64_t, crypto::key_share>> shares;

  /// decide + apply as `who`; the events are appended to `log` after a round trip through
  /// their stored text.
  result<decision> run(const command& cmd, const actor& who);
  /// As the person `number`, authenticated by their current key.
  result<decision> as(const std::string& number, const command& cmd);
  result<decision> as_system(const command& cmd);
  [[nodiscard]] actor person_actor(const std::string& number) const;

  /// Re-enrolls `number` with `key` (a new code from the secretary), revoking the old key.
  void enroll_key(const std::string& number, const crypto::secret_key& key);
  /// The device key made for `number` (the n-th enrollment gives a different key).
  static crypto::secret_key make_key(const std::string& number, int generation = 0);

  /// Creates sitting "s1", opens check-in and checks in delegates 1…present.
  void prepare_sitting(std::size_t present, const std::string& sitting_id = "s1");
  /// Checks in delegate `number` with a correct signature at `now`.
  result<decision> check_in_now(const std::string& number, const std::string& sitting_id = "s1");
  /// Runs the key ceremony of the sitting with S1–S3 (k = 2): appointment, keygen messages,
  /// opening of the shares, confirmations.
  void complete_ceremony(const std::string& sitting_id = "s1");
  /// Appoints S1–S3 and submits all keygen messages, without confirmations.
  void deal_keys(const std::string& sitting_id = "s1");
  /// The sitting's joint key K.
  [[nodiscard]] crypto::point joint_key(const std::string& sitting_id = "s1") const;
  /// Scrutineers `indices` submit their partial decryptions of closed vote `vote_id`; returns
  /// the last decision.
  result<decision> decrypt(const std::string& vote_id, const std::vector<std::uint64_t>& indices);
  /// Opens the sitting, adds an item of `item_kind` and makes it current.
  void open_with_item(const std::string& item_id, const std::string& item_kind,
                      const std::string& sitting_id = "s1");
  /// The chair creates motion `vote_id` on item `item_id` of sitting s1, not yet opened.
  void create_motion(const std::string& vote_id, const std::string& item_id,
                     const std::string& title);
  /// The chair creates motion `vote_id` on item `item_id` of sitting s1 and opens it.
  void open_motion(const std::string& vote_id, const std::string& item_id,
                   const std::string& title);
  /// Delegates 1 … `count` cast their ballots in open vote `vote_id`, delegate i marking
  /// `choice(i)`.
  void cast_each(const std::string& vote_id, std::size_t count,
                 const std::function<crypto::ballot_choices(std::size_t)>& choice);
  /// Scrutineers `signers` sign the result of decided vote `vote_id`; then the chair announces
  /// it when `announce`.
  void sign_result(const std::string& vote_id, const std::vector<std::string>& signers,
                   bool announce);
  /// A ballot of `number` for an open vote.
  crypto::ballot ballot_for(const std::string& number, const std::string& vote_id,
                            const crypto::ballot_choices& choices, int seed = 0);
};

/// Milliseconds in a day.
inline constexpr std::int64_t day_ms = 86'400'000;
/// 2026-01-05 09:00 in Beijing, a Monday.
inline constexpr std::int64_t monday_ms = 1'767'574'800'000;
/// Milliseconds at `hh:mm` in Beijing (UTC+8) on `date` (YYYY-MM-DD). REQUIRES: a valid date.
std::int64_t beijing(const std::string& date, int hh, int mm = 0);

/// The choices of a motion's ballot: for, against, abstaining.
inline const crypto::ballot_choices yes{{1, 0, 0}};
inline const crypto::ballot_choices no{{0, 1, 0}};
inline const crypto::ballot_choices abstain{{0, 0, 1}};

/// Private details `fields` with a fixed salt (bytes 1, 2, 3, …).
private_input private_details(protocol::private_fields fields);

/// Expects `who`'s `cmd` to be refused with `code`, leaving the state and the log as they were.
void expect_refused(congress& c, const std::string& who, const command& cmd, errc code);

}  // namespace plenum::server::domain::test
