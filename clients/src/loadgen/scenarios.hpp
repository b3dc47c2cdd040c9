// The load generator's scenarios. Each runs to completion or to the deadline of `o`, closes
// every connection it opened, and returns its report; start-up problems (no server, a refused
// set-up step) throw std::runtime_error.
#pragma once

#include "options.hpp"
#include "report.hpp"

namespace plenum::clients::loadgen {

/// A congress set up through the protocol, N delegates enroll and check in, a motion opens,
/// every delegate's ballot is made beforehand, then all are sent within o.burst; receipt
/// latency, throughput, the server's CPU and memory, and close -> result.
[[nodiscard]] report run_burst(const options& o);

/// The volume run: a congress set up through the protocol, then votes of every kind in turn
/// (vote_plan.hpp) until the delegates' ballots carry o.positions ballot positions; in each,
/// every delegate casts as planned, the vote is closed, k scrutineers decrypt as the
/// scrutineer panel does, and the counts on the board must equal the plan.
[[nodiscard]] report run_volume(const options& o);

/// N connections opened and held for o.hold; then a fresh client must still get a reply.
[[nodiscard]] report run_idle(const options& o);

/// After a crash and restart: every receipt of o.receipts_out names a ballot that is on the
/// board once, where the receipt says; no voter and no tracking code appears twice; with
/// o.tally the vote is closed and decrypted and the counts must equal the ballots' plan.
/// `ok` tells whether every check held.
[[nodiscard]] report run_check(const options& o, bool& ok);

/// The option delegate `i` marks (0-based index into the first contest's options): the plan
/// that run_check verifies against the decrypted counts.
[[nodiscard]] inline std::size_t planned_option(std::size_t i, std::size_t options) {
  return i % options;
}

}  // namespace plenum::clients::loadgen
