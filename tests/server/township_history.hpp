// A township's congress as it stood some weeks ago, written with the real hall service on a
// clock set to that day: the roster, the secretary's and a delegate's devices enrolled, and a
// proposal the liaison office accepted with a deadline that has passed by the real today. The
// county's tests open it (in-process, or with plenumd over it) to see that proposal overdue.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "plenum/crypto/sign.hpp"

namespace plenum::test {

/// What was written.
struct township_history {
  crypto::secret_key secretary;  ///< SE's enrolled device key
  crypto::secret_key delegate;   ///< D001's enrolled device key
  std::string proposal_id;       ///< submitted by D001, accepted by SE, unanswered
  std::string proposal_title;
  std::string deadline;      ///< ISO date, passed
  std::string report_month;  ///< the monthly report issued ("" when none)
};

/// 2026-10-12 (a Monday) at 09:00 China time, in unix ms: the day the history is written on.
inline constexpr std::int64_t history_day_ms = 1'791'766'800'000;

/// Writes township `id` named `name` into `data_dir` (a township's directory: congress.key and
/// events.db) on history_day_ms: ten delegates, a chair and a secretary; SE and D001 enrolled;
/// D001's proposal `title` accepted with the deadline 2026-10-23; with `issue_report`, SE issues
/// the monthly report of 2026-09. Throws std::runtime_error
/// naming the step that failed. Keys derive from `id`, so the same id gives the same keys.
township_history write_township_history(const std::filesystem::path& data_dir,
                                        const std::string& id, const std::string& name,
                                        const std::string& title, bool issue_report = false);

}  // namespace plenum::test
