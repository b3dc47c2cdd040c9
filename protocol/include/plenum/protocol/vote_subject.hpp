// What one item of a satisfaction appraisal (满意度测评) appraises: a resolution's
// implementation, a proposal's handling or a rectification, by kind and id.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "plenum/protocol/decode_error.hpp"

namespace plenum::protocol {

/// One appraised item: `kind` is "resolution", "proposal" or "rectification"; `id` is that
/// resolution's, proposal's or rectification item's id.
struct vote_subject {
  std::string kind;
  std::string id;
  friend bool operator==(const vote_subject&, const vote_subject&) = default;
};

/// Whether `kind` names a kind of appraised item ("resolution", "proposal", "rectification").
[[nodiscard]] bool is_subject_kind(std::string_view kind) noexcept;

/// Reads {"kind", "id"} at `at`: exactly those members, a known kind and a non-empty id.
/// Errors: invalid_field (with the member's path and a reason).
[[nodiscard]] decoded<vote_subject> decode_vote_subject(const boost::json::value& v,
                                                        const field_path& at);
/// {"kind", "id"}.
[[nodiscard]] boost::json::value encode_vote_subject(const vote_subject& s);

}  // namespace plenum::protocol
