// Cast or challenge, the second device's side: what a challenged (spoiled) ballot on the board
// encrypted, in the words of its vote's manifest (CVP1 "Spoiled ballots"). A delegate who
// challenged a ballot compares this with what the tablet showed before the challenge.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/clients/verify/record_files.hpp"
#include "plenum/crypto/bytes.hpp"

namespace plenum::clients::verify {

/// One challenged ballot as a second device shows it.
struct challenge_report {
  std::string vote_id;
  std::string vote_title;
  std::uint64_t seq = 0;  ///< its ballot_spoiled event
  std::string person;
  std::string tracking_code_display;
  /// Whether the ballot verified and every nonce opened its ciphertext to the recorded choice.
  bool opened = false;
  /// Why not, when !opened (e.g. "bad_nonce", "the recorded choices are not what it encrypted").
  std::string problem;
  /// One line per contest: its title, then the labels of the marked options, or "（未选）" when
  /// none is marked; e.g. "关于党委工作报告的决议: 赞成".
  std::vector<std::string> lines;
};

/// Whether `typed` names `tracking_code`: its 64 hex digits, or its display form typed the
/// Crockford way (case, '-' and spaces ignored; I and L read as 1, O as 0).
[[nodiscard]] bool tracking_code_matches(std::string_view typed,
                                         const crypto::digest32& tracking_code);

/// The challenged ballots of vote `vote_id` whose tracking code matches `tracking` (empty:
/// all of the vote's), opened against the vote's manifest, election hash and joint key as the
/// record gives them (the full verification checks those and the chain). Pure; thread-safe.
[[nodiscard]] std::vector<challenge_report> find_challenges(const record& rec,
                                                            std::string_view vote_id,
                                                            std::string_view tracking);

}  // namespace plenum::clients::verify
