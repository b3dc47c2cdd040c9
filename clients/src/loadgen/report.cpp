#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>

namespace plenum::clients::loadgen {

namespace json = boost::json;

latency_summary summarize(std::vector<double> ms) {
  latency_summary s;
  s.count = ms.size();
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  auto rank = [&](double p) {
    const auto r = static_cast<std::size_t>(std::ceil(p * static_cast<double>(ms.size())));
    return ms[std::clamp<std::size_t>(r, 1, ms.size()) - 1];
  };
  s.p50 = rank(0.50);
  s.p90 = rank(0.90);
  s.p99 = rank(0.99);
  s.max = ms.back();
  return s;
}

json::object report::to_json() const {
  json::object o{{"scenario", scenario},
                 {"delegates", delegates},
                 {"observers", observers},
                 {"connections", connections},
                 {"enrolled", enrolled},
                 {"checked_in", checked_in},
                 {"subscribed", subscribed},
                 {"ballots_sent", ballots_sent},
                 {"receipts", receipts},
                 {"receipts_invalid", receipts_invalid},
                 {"pushes", pushes},
                 {"burst_ms", burst_ms},
                 {"throughput_per_s", throughput},
                 {"precompute_s", precompute_s}};
  json::object errs;
  for (const auto& [name, n] : errors) errs[name] = n;
  o["errors"] = std::move(errs);
  o["receipt_latency_ms"] = json::object{{"count", receipt_latency.count},
                                         {"p50", receipt_latency.p50},
                                         {"p90", receipt_latency.p90},
                                         {"p99", receipt_latency.p99},
                                         {"max", receipt_latency.max}};
  auto opt = [&o](const char* key, const auto& v) {
    if (v) o[key] = *v;
  };
  opt("server_cpu_s", server_cpu_s);
  opt("server_cpu_total_s", server_cpu_total_s);
  opt("server_peak_rss_mib", server_peak_rss_mib);
  opt("observers_caught_up_s", observers_caught_up_s);
  opt("close_to_result_ms", close_to_result_ms);
  opt("close_client_ms", close_client_ms);
  opt("close_board_read_ms", close_board_read_ms);
  opt("close_partials_ms", close_partials_ms);
  opt("close_server_ms", close_server_ms);
  opt("tablets", tablets);
  opt("scrutineer_devices", scrutineer_devices);
  opt("screens", screens);
  opt("devices_following", devices_following);
  auto lat = [&o](const char* key, const std::optional<latency_summary>& l) {
    if (l)
      o[key] = json::object{{"count", l->count}, {"p50", l->p50}, {"p99", l->p99}, {"max", l->max}};
  };
  lat("progress_after_last_receipt_ms", progress_after_receipts);
  opt("progress_seen_by", progress_seen_by);
  lat("announced_after_announcement_ms", announced_after_announcement);
  opt("announced_seen_by", announced_seen_by);
  opt("close_to_signed_ms", close_to_signed_ms);
  opt("server_cpu_to_progress_s", server_cpu_to_progress_s);
  opt("server_system_cpu_to_progress_s", server_system_cpu_to_progress_s);
  if (server_cpu_to_progress_s && receipts > 0)
    o["server_cpu_ms_per_ballot"] =
        *server_cpu_to_progress_s * 1000.0 / static_cast<double>(receipts);
  if (server_system_cpu_to_progress_s && receipts > 0)
    o["server_system_cpu_ms_per_ballot"] =
        *server_system_cpu_to_progress_s * 1000.0 / static_cast<double>(receipts);
  opt("apps_setup_s", apps_setup_s);
  opt("join_kib_per_tablet", join_kib_per_tablet);
  opt("join_kib_per_tablet_max", join_kib_per_tablet_max);
  opt("board_events_per_tablet", board_events_per_tablet);
  opt("state_reads_per_tablet", state_reads_per_tablet);
  opt("state_pushes_per_tablet", state_pushes_per_tablet);
  opt("positions", positions);
  opt("votes_planned", votes_planned);
  opt("votes_equal", votes_equal);
  opt("votes_s", votes_s);
  opt("run_s", run_s);
  opt("held", held);
  opt("fresh_client_ok", fresh_client_ok);
  opt("fresh_client_ms", fresh_client_ms);
  json::array n;
  for (const auto& s : notes) n.emplace_back(s);
  o["notes"] = std::move(n);
  return o;
}

void report::print(std::ostream& out) const {
  out << std::fixed << std::setprecision(1);
  out << "scenario            " << scenario << '\n'
      << "delegates           " << delegates << "  observers " << observers << '\n'
      << "connections         " << connections << '\n';
  if (scenario == "burst") {
    out << "enrolled            " << enrolled << '\n'
        << "checked in          " << checked_in << '\n'
        << "observers subscribed " << subscribed << "  pushes received " << pushes << '\n'
        << "ballots sent        " << ballots_sent << "  (made beforehand in " << precompute_s
        << " s)\n"
        << "receipts            " << receipts << "  (invalid " << receipts_invalid << ")\n"
        << "receipt latency ms  p50 " << receipt_latency.p50 << "  p90 " << receipt_latency.p90
        << "  p99 " << receipt_latency.p99 << "  max " << receipt_latency.max << '\n'
        << "burst duration ms   " << burst_ms << '\n'
        << "throughput          " << throughput << " receipts/s\n";
  }
  if (server_cpu_s)
    out << "server CPU s        " << *server_cpu_s
        << (scenario == "idle" ? " connecting and holding" : " during the burst");
  if (server_cpu_total_s) out << "  (" << *server_cpu_total_s << " since start)";
  if (server_cpu_s) out << '\n';
  if (observers_caught_up_s)
    out << "observers' last push " << *observers_caught_up_s << " s after the burst began\n";
  if (server_peak_rss_mib) out << "server peak RSS MiB " << *server_peak_rss_mib << '\n';
  if (close_to_result_ms)
    out << "close -> result ms  " << *close_to_result_ms << "  = loadgen's board read "
        << close_board_read_ms.value_or(0) << " + its partial decryptions "
        << close_partials_ms.value_or(0) << " + the server's part (close, partials checked, "
        << "combined, result durable) " << close_server_ms.value_or(0) << "\n";
  if (tablets)
    out << "as the apps         " << *tablets << " tablets, " << scrutineer_devices.value_or(0)
        << " scrutineer devices, " << screens.value_or(0) << " screens; following "
        << devices_following.value_or(0) << '\n';
  if (server_cpu_to_progress_s && receipts > 0)
    out << "server CPU s        " << *server_cpu_to_progress_s
        << " from the burst until every tablet showed the progress: " << std::setprecision(2)
        << *server_cpu_to_progress_s * 1000.0 / static_cast<double>(receipts) << " ms per ballot"
        << " (in the kernel "
        << server_system_cpu_to_progress_s.value_or(0) * 1000.0 / static_cast<double>(receipts)
        << " ms)\n"
        << std::setprecision(1);
  auto seen = [&out](const char* what, const std::optional<latency_summary>& l,
                     const std::optional<std::size_t>& by, std::size_t of) {
    if (!l) return;
    out << what << by.value_or(0) << " of " << of << " devices; ms p50 " << l->p50 << "  p99 "
        << l->p99 << "  max " << l->max << '\n';
  };
  const std::size_t watching = tablets.value_or(0) + screens.value_or(0);
  seen("progress shown      after the last receipt: ", progress_after_receipts, progress_seen_by,
       watching);
  seen("result shown        after the announcement: ", announced_after_announcement,
       announced_seen_by, watching);
  if (close_to_signed_ms)
    out << "close -> signed ms  " << *close_to_signed_ms
        << " (scrutineer devices: partials over their own boards' aggregates, vote_decided on "
           "their boards, counts recomputed, sign_result)\n";
  if (apps_setup_s)
    out << "apps joined         in " << *apps_setup_s << " s; per tablet "
        << join_kib_per_tablet.value_or(0) << " KiB received joining (max "
        << join_kib_per_tablet_max.value_or(0) << ")\n";
  if (board_events_per_tablet)
    out << "per tablet          " << *board_events_per_tablet << " board events, "
        << state_pushes_per_tablet.value_or(0) << " state pushes, "
        << state_reads_per_tablet.value_or(0) << " get_state after pushes\n";
  if (scenario == "volume")
    out << "enrolled            " << enrolled << "  checked in " << checked_in << '\n'
        << "ballots sent        " << ballots_sent << "  receipts " << receipts << "  (invalid "
        << receipts_invalid << ")\n"
        << "ballot positions    " << positions.value_or(0) << " on the board, counted\n"
        << "votes               " << votes_planned.value_or(0) << " planned, "
        << votes_equal.value_or(0) << " with counts equal to the plan\n"
        << "time s              " << votes_s.value_or(0) << " for the votes, " << run_s.value_or(0)
        << " with the set-up\n";
  if (held) out << "connections held    " << *held << '\n';
  if (fresh_client_ok)
    out << "fresh client        " << (*fresh_client_ok ? "replied" : "NO REPLY") << " in "
        << fresh_client_ms.value_or(0) << " ms\n";
  out << "errors              ";
  if (errors.empty()) out << "none";
  for (const auto& [name, n] : errors) out << name << '=' << n << "  ";
  out << '\n';
  for (const auto& s : notes) out << "note: " << s << '\n';
}

}  // namespace plenum::clients::loadgen
