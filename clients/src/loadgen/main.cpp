// plenum-loadgen: simulated delegates over real TLS WebSockets against a loopback plenumd.
#include <fstream>
#include <iostream>

#include <boost/json/serialize.hpp>

#include "options.hpp"
#include "scenarios.hpp"
#include "target.hpp"

int main(int argc, char* argv[]) {
  namespace lg = plenum::clients::loadgen;
  lg::options o;
  try {
    std::string help;
    o = lg::parse_options(std::vector<std::string>(argv + 1, argv + argc), help);
    if (!help.empty()) {
      std::cout << help;
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "plenum-loadgen: " << e.what() << "\n(try --help)\n";
    return 2;
  }
  try {
    if (o.scenario == "roster") {
      std::ofstream(o.roster_out) << lg::roster_csv(o.delegates, o.scrutineers);
      std::cout << lg::membership(o.delegates) << '\n';
      return 0;
    }
    bool ok = true;
    lg::report r;
    if (o.scenario == "burst") {
      r = lg::run_burst(o);
      ok = r.errors.empty() && r.receipts_invalid == 0 && r.receipts == r.ballots_sent &&
           r.receipts == o.delegates;
      if (o.as_apps) {
        const std::size_t watching = r.tablets.value_or(0) + r.screens.value_or(0);
        ok = ok && r.devices_following == watching + r.scrutineer_devices.value_or(0) &&
             r.progress_seen_by == watching && (!o.close_vote || r.announced_seen_by == watching);
      }
    } else if (o.scenario == "volume") {
      r = lg::run_volume(o);
      ok = r.errors.empty() && r.receipts_invalid == 0 && r.receipts == r.ballots_sent &&
           r.votes_equal == r.votes_planned && r.positions >= o.positions;
    } else if (o.scenario == "idle") {
      r = lg::run_idle(o);
      ok = r.held == o.delegates && r.fresh_client_ok.value_or(false);
    } else {
      r = lg::run_check(o, ok);
    }
    r.print(std::cout);
    if (!o.json_out.empty()) {
      auto j = r.to_json();
      j["ok"] = ok;
      std::ofstream(o.json_out) << boost::json::serialize(j) << '\n';
    }
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "plenum-loadgen: " << e.what() << '\n';
    return 3;
  }
}
