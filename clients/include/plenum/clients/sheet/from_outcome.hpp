// Building a vote's sheet from what the server and the verifier already hold: the manifest,
// the decision rule and the outcome it gave (whose canonical text carries the counts and the
// percentages), the signers and the result digest.
#pragma once

#include <vector>

#include <plenum/clients/sheet/vote_sheet.hpp>
#include <plenum/crypto/bytes.hpp>
#include <plenum/crypto/manifest.hpp>
#include <plenum/protocol/error.hpp>
#include <plenum/protocol/rules.hpp>

namespace plenum::clients::sheet {

/// The sheet of the vote of `manifest` decided by `rule` as `outcome`. Counts, percentages,
/// names and the "required" count are read from `outcome.text` (the percentages of
/// disapprovals, abstentions and unmarked ballots, which the outcome does not carry, come from
/// protocol::percent_text, the outcome's own integer arithmetic). The ballots without a mark
/// are the last line of each contest except a motion's ("弃权" in an election, "未标记" in an
/// appraisal or confidence vote).
/// Errors: errc::invalid_tally when the outcome's text does not parse or does not match the
/// manifest's kind and contests, or the rule's kind.
[[nodiscard]] result<vote_sheet> make_vote_sheet(const sheet_header& header,
                                                 const crypto::manifest& manifest,
                                                 const protocol::decision_rule& rule,
                                                 const protocol::outcome& outcome,
                                                 std::vector<signer> signers,
                                                 const crypto::digest32& result_digest);

}  // namespace plenum::clients::sheet
