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
