// The subjects of a satisfaction appraisal (满意度测评), checked against the term's state.
#pragma once

#include <string>
#include <vector>

#include "domain/state.hpp"
#include "plenum/protocol/error.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::server::domain {

/// The title under which a subject is appraised: a resolution's title, a proposal's title, a
/// rectification item's "member：problem" (the problem alone when no member is named).
/// Precondition: the subject exists in `state`.
[[nodiscard]] std::string subject_title(const congress_state& state,
                                        const protocol::vote_subject& subject);

/// The items' titles of a satisfaction appraisal over `subjects`: `given` when it lists each
/// subject's own title in the same order, generated from the subjects when `given` is empty.
/// Each subject must be an adopted resolution (unknown_resolution), a proposal accepted (立案)
/// for handling (unknown_proposal, proposal_not_accepted) or an opened rectification item
/// (unknown_rectification), named once (duplicate_subject); a title that is not its subject's
/// is subject_title_mismatch; an unknown kind or malformed id is invalid_vote.
[[nodiscard]] result<std::vector<std::string>> satisfaction_titles(
    const congress_state& state, const std::vector<protocol::vote_subject>& subjects,
    const std::vector<std::string>& given);

}  // namespace plenum::server::domain
