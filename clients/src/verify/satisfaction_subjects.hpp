// Private to plenum_verify: the subjects of a satisfaction appraisal (满意度测评) checked against
// the record before it, as the server checks them when the vote is created (check `subjects`).
#pragma once

#include <cstdint>
#include <string>

#include "plenum/protocol/events.hpp"

namespace plenum::clients::verify::detail {

class check_log;
struct follow_up_model;

/// The title under which an appraisal names a rectification item: "member：problem", the problem
/// alone when no member is named; like every appraised title cut to at most 256 bytes on a
/// UTF-8 boundary, "…" marking the cut.
[[nodiscard]] std::string rectification_title(const std::string& member,
                                              const std::string& problem);

/// A title as an appraisal's item carries it: at most 256 bytes, cut as rectification_title.
[[nodiscard]] std::string appraised_title(const std::string& title);

/// Checks satisfaction vote `e` (recorded at `seq`) against `model.appraisable`: each subject
/// an adopted resolution, a proposal accepted (立案, not merged or converted) or an opened
/// rectification item, none named twice, one subject per item, and each item's title
/// (vote_created's `candidates`) its subject's. Counts one item of check ("subjects", vote) per
/// subject; a vote that names no subjects passes with none.
void check_satisfaction_subjects(const follow_up_model& model, std::uint64_t seq,
                                 const protocol::events::vote_created& e, check_log& log);

}  // namespace plenum::clients::verify::detail
