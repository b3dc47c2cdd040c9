// The follow-up of a term (DOMAIN.md "Between sittings"): what an annual meeting adopted
// (resolutions) and the rectification items of appraisal and confidence, with their
// implementation reports; the texts of the follow-up reports that open the next annual meeting,
// and the desk's view of it all. Pure functions of the state; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "domain/state.hpp"

namespace plenum::server::domain {

/// Titles of the two follow-up report items.
inline constexpr std::string_view resolutions_report_title = "关于上一年度年会决议执行情况的报告";
inline constexpr std::string_view rectification_report_title =
    "关于民主评议和信任投票整改情况的报告";

/// Whether `status` is a report status (not_started, in_progress, completed, blocked).
[[nodiscard]] bool is_report_status(std::string_view status) noexcept;

/// The zh-CN label of a report status (未启动, 推进中, 已完成, 受阻); "未报告" for none.
[[nodiscard]] std::string_view status_label(std::string_view status) noexcept;

/// The latest report of a list, or nullptr when there is none.
[[nodiscard]] const implementation_report* latest_report(
    const std::vector<implementation_report>& reports) noexcept;

/// "R1", "R2", …: the first resolution id not taken, passing over `skip` free ones first.
[[nodiscard]] std::string next_resolution_id(const congress_state& state, std::size_t skip = 0);
/// "RC1", "RC2", …: likewise for rectification items; `skip` ids after the first free are
/// passed over (for several items in one decision).
[[nodiscard]] std::string next_rectification_id(const congress_state& state, std::size_t skip = 0);
/// "IR1", "IR2", …: the first free implementation report id.
[[nodiscard]] std::string next_report_id(const congress_state& state);

/// The zh-CN text of a follow-up report's material, `follow_up` "resolutions" or
/// "rectification": every item of the term in id order with its sitting or origin, its
/// responsible person, its latest status with the date (and reason when blocked), and its
/// latest report's text.
[[nodiscard]] std::string follow_up_material_text(const congress_state& state,
                                                  std::string_view follow_up);

/// The desk's view: {"resolutions": [{id, sitting_id, item_id, vote_id, title, responsible,
/// status (latest, or "not_reported"), status_date, reports: [{id, status, text, date, reason,
/// by, seq}]}], "rectifications": [{id, origin, vote_id, member, problem, responsible, by,
/// status, status_date, reports}], "roster_changes": [{kind, person, replaces, reason, date,
/// by, seq}], "sittings": [{id, title, date, kind, year}]}.
[[nodiscard]] boost::json::object follow_up_view(const congress_state& state);

}  // namespace plenum::server::domain
