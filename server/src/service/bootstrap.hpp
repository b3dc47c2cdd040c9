// Start-up commands run by the server itself on a new congress: importing the first roster and
// issuing enrollment codes (the secretary's, or everyone's for the demo), and the demo
// congress of `plenumd --init-demo`.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "domain/roster.hpp"
#include "plenum/protocol/error.hpp"
#include "service/hall_service.hpp"

namespace plenum::server::service {

/// An enrollment code issued at start-up, for the credentials file.
struct issued_code {
  std::string person;
  std::string name;
  std::string roles;  ///< ";"-separated
  std::string code;   ///< printable form
};

/// As the system actor: imports `csv` with `membership`, then issues a code to every person
/// for whom `wanted` is true, and writes them to `credentials` (created with mode 0600, one
/// line per person: "number<TAB>name<TAB>roles<TAB>code"). Errors: the domain's refusal
/// (invalid_roster, …) or errc::storage_failure when the file cannot be written.
/// Blocks until the events are durable; call before serving.
[[nodiscard]] result<std::vector<issued_code>> bootstrap_roster(
    hall_service& hall, const std::string& csv, const domain::membership_totals& membership,
    const std::function<bool(const domain::person&)>& wanted,
    const std::filesystem::path& credentials);

/// The demo roster: 120 delegates with Chinese names from a deterministic generator (genders,
/// ethnicities, occupations including the four front-line categories, 6 electoral units, 12
/// delegate groups of 10), 5 of them also scrutineers; 3 alternates, 2 observers, a chair, a
/// secretary and a projector. Membership totals under which it raises no warning.
[[nodiscard]] std::string demo_roster_csv();
[[nodiscard]] domain::membership_totals demo_membership();

/// The demo sitting "s1", as the server acting for the chair CH at start-up (the operator
/// asked for it with --init-demo; CH has no device yet, and the events do not name a key):
/// an agenda with a report motion, an election of 5 seats from 7 candidates, a democratic
/// appraisal of 7 members and a confidence vote. Errors: the domain's refusal of the first
/// command that fails. Blocks until durable.
[[nodiscard]] result<void> create_demo_sitting(hall_service& hall);

}  // namespace plenum::server::service
