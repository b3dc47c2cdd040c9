// The data a result sheet shows: one vote's result (`vote_sheet`) and a sitting's summary
// (`sitting_sheet`). Plain values with no behaviour of their own, filled by the record exporter
// (see from_outcome.hpp), by the JSON reader of `plenum-sheet` (sheet_json.hpp) or by hand, and
// read by the PDF and CSV renderers. Every number that is shown is given here; the renderers
// compute nothing that is printed (percentages are the outcome's integer-arithmetic texts).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <plenum/crypto/sign.hpp>
#include <plenum/protocol/error.hpp>
#include <plenum/protocol/rules.hpp>

namespace plenum::clients::sheet {

/// What the sheet says about the congress and the sitting, as the caller spells it
/// (e.g. "中共某某镇第十五届代表大会", "第三次会议", "2026-11-27").
struct sheet_header {
  std::string congress;
  std::string sitting;
  std::string date;
};

/// One line of a contest: an option (or the ballots without a mark: "弃权", "未标记") with its
/// count and its percentage of the ballots cast as computed upstream ("66.67", without "%").
/// An empty `percent` prints no percentage.
struct option_line {
  std::string label;
  std::uint64_t count = 0;
  std::string percent;
};

/// One contest: a motion's question, a candidate, or a member under appraisal or a
/// confidence vote, with its lines in manifest order (the ballots without a mark last).
struct contest_lines {
  std::string title;
  std::vector<option_line> options;
  /// Election: this candidate is elected.
  bool elected = false;
  /// Confidence vote: the flagged option's share exceeds the rule's line; satisfaction
  /// appraisal: the item is judged unsatisfactory.
  bool flagged = false;
};

/// Who signed the result (CVP1 §7): the server's congress key, each scrutineer who decrypted,
/// the chair.
enum class signer_role { server, scrutineer, chair };

/// A signer of the result and the Ed25519 public key whose fingerprint the sheet prints.
struct signer {
  signer_role role = signer_role::server;
  std::string name;
  crypto::public_key key;
};

/// What the rule decided. Names, not ids: the sheet prints them as they are.
struct vote_outcome {
  /// Motion: whether it passed.
  bool passed = false;
  /// Motion, election, confidence vote, satisfaction appraisal: the least count that passes,
  /// elects, flags or makes an item satisfactory
  /// (the outcome's "required"); 0 when the rule has no line (appraisal).
  std::uint64_t required = 0;
  /// Election: the elected, ranked by approvals.
  std::vector<std::string> elected;
  /// Election: the candidates tied at the last seat, who go to a run-off for `runoff_seats`.
  std::vector<std::string> runoff;
  std::uint32_t runoff_seats = 0;
  /// Election: seats left for a further round.
  std::uint32_t further_round_seats = 0;
  /// Confidence vote: the members whose flagged share exceeds the line; satisfaction
  /// appraisal: the items judged unsatisfactory.
  std::vector<std::string> flagged;
};

/// One vote's result as the sheet shows it.
struct vote_sheet {
  sheet_header header;
  std::string vote_id;
  std::string title;
  protocol::vote_kind kind = protocol::vote_kind::motion;
  /// 应到, 实到 (both when the vote opened) and the ballots cast.
  std::uint64_t seated = 0;
  std::uint64_t present = 0;
  std::uint64_t ballots = 0;
  /// Election: the seats to fill; 0 otherwise.
  std::uint32_t seats = 0;
  /// The decision rule in words (see rule_words.hpp).
  std::string rule_words;
  std::vector<contest_lines> contests;
  vote_outcome outcome;
  std::vector<signer> signers;
  /// Whether the chair announced the result (result_announced, CVP1 §7).
  bool announced = false;
  /// The result digest (CVP1 §7) in lowercase hex, 64 characters; also the QR code's content.
  std::string result_digest;
};

/// The attendance of a sitting when it opened.
struct attendance {
  /// Delegates on the roster of the term.
  std::uint64_t roster = 0;
  /// Delegates whose absence was excused (not seated).
  std::uint64_t excused = 0;
  /// 应到: roster minus excused.
  std::uint64_t seated = 0;
  /// 实到.
  std::uint64_t present = 0;
};

/// A sitting's result sheet: its attendance and every vote taken in it, in order.
struct sitting_sheet {
  sheet_header header;
  sheet::attendance attendance;
  std::vector<vote_sheet> votes;
};

/// Checks what the renderers rely on: a non-empty title and vote id, at least one contest with
/// at least one line, a digest of 64 lowercase hex characters. Fails with errc::invalid_field.
[[nodiscard]] result<void> check_vote_sheet(const vote_sheet& sheet);

/// `check_vote_sheet` for every vote of `sheet`.
[[nodiscard]] result<void> check_sitting_sheet(const sitting_sheet& sheet);

/// The sheet's label of `kind`: 议案表决, 选举, 民主评议, 信任投票, 满意度测评.
[[nodiscard]] std::string_view kind_label(protocol::vote_kind kind) noexcept;

/// The sheet's label of `role`: 服务器, 监票人, 主持人.
[[nodiscard]] std::string_view role_label(signer_role role) noexcept;

}  // namespace plenum::clients::sheet
