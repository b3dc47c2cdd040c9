#include "options.hpp"

#include <boost/program_options.hpp>
#include <sstream>
#include <stdexcept>

#include "plenumd_process.hpp"

namespace plenum::clients::loadgen {

namespace po = boost::program_options;

options parse_options(const std::vector<std::string>& args, std::string& help) {
  options o;
  o.plenumd = default_plenumd();
  std::size_t deadline = 600;
  std::size_t burst_ms = 1000;
  std::size_t hold = 10;
  std::size_t timeout_ms = 30000;
  std::string plenumd_args;
  po::options_description desc(
      "plenum-loadgen [burst|volume|idle|check|roster] [options]: simulates delegates over real "
      "TLS "
      "WebSockets against a loopback plenumd\n\n"
      "  burst   set up a congress through the protocol, then N delegates cast at once\n"
      "  volume  votes of every kind until N delegates' ballots carry --positions positions; "
      "each decrypted and its counts compared with the plan\n"
      "  idle    open N connections and hold them\n"
      "  check   after a crash: every receipted ballot on the board once, no voter twice\n"
      "  roster  write the roster CSV of N delegates and print the membership M,W,N\n\nOptions");
  // clang-format off
  desc.add_options()
    ("help,h", "print this help")
    ("delegates,n", po::value(&o.delegates)->default_value(o.delegates),
     "simulated delegates (burst) or connections (idle), at most 10000")
    ("observers", po::value(&o.observers)->default_value(o.observers),
     "connections that subscribe to the board and results and count pushes")
    ("scrutineers", po::value(&o.scrutineers)->default_value(o.scrutineers), "scrutineers")
    ("k", po::value(&o.threshold)->default_value(o.threshold), "decryption threshold")
    ("deadline", po::value(&deadline)->default_value(deadline),
     "seconds the whole run may take; it stops and reports then")
    ("burst-ms", po::value(&burst_ms)->default_value(burst_ms),
     "the ballots are sent evenly spread over this many milliseconds")
    ("hold", po::value(&hold)->default_value(hold), "idle: seconds to hold the connections")
    ("subscribe", po::bool_switch(&o.subscribe_idle), "idle: subscribe every connection")
    ("as-apps", po::bool_switch(&o.as_apps), "burst: every delegate's tablet, the scrutineers' "
     "tablets and the big screens subscribe and read as the apps do; times until every tablet "
     "shows the progress and the announced result, and close -> signed result (default 5 "
     "scrutineers, k 4)")
    ("screens", po::value(&o.screens)->default_value(o.screens), "big screens with --as-apps")
    ("tablets-read-basis", po::bool_switch(&o.tablets_read_basis), "burst --as-apps: the "
     "tablets read their past as the whole basis, as the app did before it read the course (to "
     "measure against)")
    ("positions", po::value(&o.positions)->default_value(o.positions),
     "volume: ballot positions to cast at least (ballots × positions per ballot)")
    ("timeout-ms", po::value(&timeout_ms)->default_value(timeout_ms),
     "longest wait for one connection set-up or one reply")
    ("threads", po::value(&o.threads)->default_value(o.threads),
     "I/O threads of the delegates' connections (1 or 2); each scrutineer device and screen "
     "has its own")
    ("window", po::value(&o.window)->default_value(o.window),
     "connection set-ups and enrollments in flight at once")
    ("server", po::value(&o.servers)->composing(),
     "host:port of a running loopback plenumd (default: start one); given again, another "
     "machine of the hall (a standby): burst's tablets fail over to it when the first is lost")
    ("ca", po::value(&o.ca), "with --server: the servers' certificates (PEM; several in one "
     "file for several machines)")
    ("bootstrap", po::value(&o.bootstrap),
     "with --server: its bootstrap-credentials.txt (the secretary's code)")
    ("plenumd", po::value(&o.plenumd)->default_value(o.plenumd), "plenumd to start")
    ("plenumd-args", po::value(&plenumd_args), "extra arguments for it, space-separated")
    ("data-dir", po::value(&o.data_dir), "data directory of the plenumd started (default: a "
     "fresh directory under the temp directory, removed at the end)")
    ("state", po::value(&o.state_dir), "directory for the keys of CH, SE and the scrutineers "
     "(default: under the data directory)")
    ("json", po::value(&o.json_out), "also write the report as JSON to this file")
    ("receipts", po::value(&o.receipts_out), "burst: write 'PERSON TRACKING SEQ ENTRY SIG' per "
     "receipt; check: read them")
    ("burst-marker", po::value(&o.burst_marker), "burst: create this file when the burst starts")
    ("no-close", "burst: leave the vote open (no close and decryption)")
    ("tally", po::bool_switch(&o.tally), "check: also close the vote, decrypt with the "
     "scrutineers of --state and compare the counts with the plan")
    ("out", po::value(&o.roster_out), "roster: the CSV file to write")
    ("sitting", po::value(&o.sitting)->default_value(o.sitting), "sitting id")
    ("vote", po::value(&o.vote)->default_value(o.vote), "vote id");
  // clang-format on
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::options_description hidden;
  hidden.add_options()("scenario", po::value(&o.scenario));
  po::options_description all;
  all.add(desc).add(hidden);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw std::invalid_argument(e.what());
  }
  if (vm.count("help") != 0) {
    std::ostringstream s;
    s << desc;
    help = s.str();
    return o;
  }
  if (o.scenario != "burst" && o.scenario != "volume" && o.scenario != "idle" &&
      o.scenario != "check" && o.scenario != "roster")
    throw std::invalid_argument("unknown scenario " + o.scenario);
  if (o.delegates == 0 || o.delegates > max_delegates)
    throw std::invalid_argument("--delegates must be 1 … 10000");
  if (o.observers > max_delegates) throw std::invalid_argument("--observers must be <= 10000");
  if (o.as_apps && vm["scrutineers"].defaulted()) o.scrutineers = 5;
  if (o.as_apps && vm["k"].defaulted())
    o.threshold = o.scrutineers >= 3 ? o.scrutineers - 1 : o.scrutineers;
  if (o.as_apps && o.scenario != "burst") throw std::invalid_argument("--as-apps is for burst");
  if (o.screens > 100) throw std::invalid_argument("--screens must be <= 100");
  if (o.scrutineers == 0 || o.scrutineers > 16 || o.threshold == 0 || o.threshold > o.scrutineers)
    throw std::invalid_argument("need 1 <= k <= scrutineers <= 16");
  if (o.threads < 1 || o.threads > 2) throw std::invalid_argument("--threads must be 1 or 2");
  if (o.window == 0) throw std::invalid_argument("--window must be positive");
  if (deadline == 0 || deadline > 86400) throw std::invalid_argument("--deadline: 1 … 86400 s");
  if (burst_ms > 600000) throw std::invalid_argument("--burst-ms must be <= 600000");
  o.deadline = std::chrono::seconds(deadline);
  o.burst = std::chrono::milliseconds(burst_ms);
  o.hold = std::chrono::seconds(hold);
  o.timeout = std::chrono::milliseconds(std::max<std::size_t>(timeout_ms, 100));
  o.close_vote = vm.count("no-close") == 0;
  std::istringstream extra(plenumd_args);
  for (std::string a; extra >> a;) o.plenumd_args.push_back(a);
  if (o.positions == 0 || o.positions > 100'000'000)
    throw std::invalid_argument("--positions must be 1 … 100000000");
  if (!o.servers.empty()) o.server = o.servers.front();
  if (!o.server.empty() && (o.scenario == "burst" || o.scenario == "volume") &&
      (o.ca.empty() || o.bootstrap.empty()))
    throw std::invalid_argument("--server needs --ca and --bootstrap");
  if ((o.scenario == "check") && (o.server.empty() || o.ca.empty()))
    throw std::invalid_argument("check needs --server and --ca");
  if (o.scenario == "roster" && o.roster_out.empty())
    throw std::invalid_argument("roster needs --out");
  return o;
}

}  // namespace plenum::clients::loadgen
