// plenum-loadgen's command line.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace plenum::clients::loadgen {

/// The largest number of simulated delegates (or idle connections).
inline constexpr std::size_t max_delegates = 10000;

/// Everything the command line sets. Plain values.
struct options {
  std::string scenario = "burst";  ///< burst, idle, check or roster
  std::size_t delegates = 100;
  std::size_t observers = 0;
  std::size_t scrutineers = 3;
  std::size_t threshold = 2;
  std::chrono::seconds deadline{600};
  std::chrono::milliseconds burst{1000};
  std::chrono::seconds hold{10};
  std::chrono::milliseconds timeout{30000};  ///< one request or connection
  unsigned threads = 1;
  std::size_t window = 64;  ///< connection set-ups in flight at once
  bool subscribe_idle = false;
  /// burst: every delegate's tablet, the scrutineers' tablets and the big screens follow the
  /// hall as the apps do (app_subscriptions.hpp); 5 scrutineers (k 4) unless given.
  bool as_apps = false;
  std::size_t screens = 3;  ///< big screens with --as-apps
  /// burst --as-apps: the tablets read their past as the whole basis (tablet_reading_basis).
  bool tablets_read_basis = false;
  /// volume: ballot positions (ballots × positions per ballot) to cast at least.
  std::uint64_t positions = 1549702;
  /// Empty: start plenumd ourselves. Else "host:port" of a loopback server (the first
  /// --server).
  std::string server;
  /// Every --server in order: the hall's machines (a standby after the primary); the tablets
  /// of a burst fail over among them and those the hellos name.
  std::vector<std::string> servers;
  /// The servers' certificates (with --server): one PEM file, one certificate per machine.
  std::filesystem::path ca;
  std::filesystem::path bootstrap;  ///< its bootstrap-credentials.txt (with --server)
  std::filesystem::path plenumd;
  std::vector<std::string> plenumd_args;
  std::filesystem::path data_dir;   ///< where a started plenumd keeps its data
  std::filesystem::path state_dir;  ///< keys of the chair, secretary and scrutineers
  std::filesystem::path json_out;
  std::filesystem::path receipts_out;
  std::filesystem::path burst_marker;  ///< written when the burst starts
  std::filesystem::path roster_out;    ///< roster scenario: where to write the CSV
  bool close_vote = true;              ///< burst: close the vote and decrypt afterwards
  bool tally = false;                  ///< check: also close, decrypt and compare counts
  std::string sitting = "s1";
  std::string vote = "m1";
};

/// Parses argv (without the program name). Throws std::invalid_argument with a message for
/// a bad command line; returns the help text in `help` when asked for.
[[nodiscard]] options parse_options(const std::vector<std::string>& args, std::string& help);

}  // namespace plenum::clients::loadgen
