// What a load-generator run measured, printed as text for people and as JSON for scripts.
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace plenum::clients::loadgen {

/// Percentiles of a set of latencies, in milliseconds.
struct latency_summary {
  std::size_t count = 0;
  double p50 = 0;
  double p90 = 0;
  double p99 = 0;
  double max = 0;
};

/// The nearest-rank percentiles of `ms` (which it sorts).
[[nodiscard]] latency_summary summarize(std::vector<double> ms);

/// The figures of one run. Plain values; fields a scenario does not measure stay unset.
struct report {
  std::string scenario;
  std::size_t delegates = 0;
  std::size_t observers = 0;
  std::size_t connections = 0;  ///< connections that completed TLS, WebSocket and hello
  std::size_t enrolled = 0;
  std::size_t checked_in = 0;
  std::size_t subscribed = 0;
  std::size_t ballots_sent = 0;
  std::size_t receipts = 0;
  std::size_t receipts_invalid = 0;  ///< bad signature or another tracking code
  std::size_t pushes = 0;            ///< pushes the observers received
  /// From the burst's start to the last push any observer received (all events delivered).
  std::optional<double> observers_caught_up_s;
  std::map<std::string, std::size_t> errors;
  latency_summary receipt_latency;
  double burst_ms = 0;                 ///< first send to last send
  double throughput = 0;               ///< receipts per second, first send to last receipt
  double precompute_s = 0;             ///< wall time making the ballots (not part of the burst)
  std::optional<double> server_cpu_s;  ///< plenumd's CPU time during the burst
  std::optional<double> server_cpu_total_s;   ///< plenumd's CPU time since it started
  std::optional<double> server_peak_rss_mib;  ///< VmHWM after the burst
  std::optional<double> close_to_result_ms;   ///< close sent to the result push received
  std::optional<double> close_client_ms;      ///< of which loadgen's board read and partials
  std::optional<double> close_board_read_ms;  ///< loadgen: reading and checking the board
  std::optional<double> close_partials_ms;    ///< loadgen: opening shares, partials and proofs
  std::optional<double> close_server_ms;      ///< the rest: the server's part
  /// --as-apps: the devices following the hall as the apps do and what they saw.
  std::optional<std::size_t> tablets;
  std::optional<std::size_t> scrutineer_devices;
  std::optional<std::size_t> screens;
  std::optional<std::size_t> devices_following;  ///< devices whose subscription started
  /// Last receipt to each tablet and screen holding a state with every ballot received.
  std::optional<latency_summary> progress_after_receipts;
  std::optional<std::size_t> progress_seen_by;
  /// announce_result's reply to each tablet and screen holding the announced result.
  std::optional<latency_summary> announced_after_announcement;
  std::optional<std::size_t> announced_seen_by;
  std::optional<double> close_to_signed_ms;  ///< close sent to the k-th sign_result accepted
  /// plenumd's CPU from the burst's start until every tablet showed the progress.
  std::optional<double> server_cpu_to_progress_s;
  /// Of server_cpu_to_progress_s, the time in the kernel (system calls, TCP, the disk).
  std::optional<double> server_system_cpu_to_progress_s;
  std::optional<double> apps_setup_s;  ///< every device's join: board read, subscribe, get_state
  std::optional<double> join_kib_per_tablet;      ///< mean bytes a tablet received joining
  std::optional<double> join_kib_per_tablet_max;  ///< the most any tablet received joining
  std::optional<double> board_events_per_tablet;
  std::optional<double> state_reads_per_tablet;   ///< get_state after pushes
  std::optional<double> state_pushes_per_tablet;  ///< `state` pushes received
  std::optional<std::uint64_t> positions;  ///< volume: ballot positions on the board, counted
  std::optional<std::size_t> votes_planned;
  std::optional<std::size_t> votes_equal;  ///< volume: votes whose counts equal the plan
  std::optional<double> votes_s;           ///< volume: first vote created to last decided
  std::optional<double> run_s;             ///< volume: the whole run, set-up included
  std::optional<std::size_t> held;         ///< idle: connections still open at the end
  std::optional<bool> fresh_client_ok;     ///< idle: a new client got a ping reply
  std::optional<double> fresh_client_ms;
  std::vector<std::string> notes;

  [[nodiscard]] boost::json::object to_json() const;
  void print(std::ostream& out) const;
};

}  // namespace plenum::clients::loadgen
