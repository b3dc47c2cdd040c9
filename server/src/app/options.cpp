#include "app/options.hpp"

#include <boost/program_options.hpp>
#include <cctype>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef PLENUM_DEFAULT_WEB_ROOT
#define PLENUM_DEFAULT_WEB_ROOT "clients/web/public"
#endif
#ifndef PLENUM_BUILT_WEB_ROOT
#define PLENUM_BUILT_WEB_ROOT "clients/web/dist-app"
#endif

namespace plenum::server::app {

namespace po = boost::program_options;

namespace {

// The web apps as `npm run build:app` (make web) leaves them, when built; otherwise the
// placeholder page.
std::string default_web_root() {
  std::error_code ec;
  if (std::filesystem::is_regular_file(std::filesystem::path(PLENUM_BUILT_WEB_ROOT) / "index.html",
                                       ec))
    return PLENUM_BUILT_WEB_ROOT;
  return PLENUM_DEFAULT_WEB_ROOT;
}

// "KEY=VALUE" split at the first '='; throws naming `option` when there is none or KEY is empty.
std::pair<std::string, std::string> key_value(const std::string& text, const char* option) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw std::invalid_argument(std::string(option) + " must be ID=VALUE, not " + text);
  return {text.substr(0, eq), text.substr(eq + 1)};
}

bool valid_township_id(const std::string& id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::vector<std::uint64_t> parse_membership(const std::string& text, const std::string& option) {
  std::vector<std::uint64_t> out;
  std::istringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    try {
      std::size_t used = 0;
      out.push_back(std::stoull(part, &used));
      if (used != part.size()) throw std::invalid_argument(part);
    } catch (const std::exception&) {
      throw std::invalid_argument(option + " must be three numbers M,W,N");
    }
  }
  if (out.size() != 3) throw std::invalid_argument(option + " must be three numbers M,W,N");
  return out;
}

// The townships of --township, with their --township-roster and --township-membership.
std::vector<township_option> parse_townships(const std::vector<std::string>& townships,
                                             const std::vector<std::string>& rosters,
                                             const std::vector<std::string>& memberships) {
  std::vector<township_option> out;
  for (const auto& t : townships) {
    auto [id, name] = key_value(t, "--township");
    if (!valid_township_id(id))
      throw std::invalid_argument("--township " + id + ": the id must be 1-32 of a-z, 0-9 and '-'");
    for (const auto& other : out)
      if (other.id == id) throw std::invalid_argument("--township " + id + " is given twice");
    if (name.empty()) throw std::invalid_argument("--township " + id + " needs a name");
    out.push_back({id, name, std::nullopt, {0, 0, 0}});
  }
  auto find = [&](const std::string& id, const char* option) -> township_option& {
    for (auto& t : out)
      if (t.id == id) return t;
    throw std::invalid_argument(std::string(option) + " " + id + ": no --township " + id);
  };
  for (const auto& r : rosters) {
    auto [id, file] = key_value(r, "--township-roster");
    find(id, "--township-roster").roster = file;
  }
  for (const auto& m : memberships) {
    auto [id, totals] = key_value(m, "--township-membership");
    find(id, "--township-membership").membership =
        parse_membership(totals, "--township-membership " + id);
  }
  return out;
}

bool host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.';
}

}  // namespace

std::string parse_hall_server(const std::string& text) {
  const std::string what = "--hall-server " + text + ": ";
  constexpr std::string_view scheme = "https://";
  std::string s = text;
  if (!s.empty() && s.back() == '/') s.pop_back();
  if (s.size() > 200) throw std::invalid_argument(what + "longer than 200 characters");
  if (s.compare(0, scheme.size(), scheme) != 0)
    throw std::invalid_argument(what + "must start with https:// (e.g. https://192.168.1.10:8443)");
  const std::string rest = s.substr(scheme.size());
  if (rest.find_first_of("/?#@") != std::string::npos)
    throw std::invalid_argument(what + "must be https://host[:port] with no path");
  std::string host;
  std::string port;
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string::npos || close == 1)
      throw std::invalid_argument(what + "an IPv6 address must be written [address]");
    host = rest.substr(0, close + 1);
    for (char c : host.substr(1, host.size() - 2))
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.')
        throw std::invalid_argument(what + "the IPv6 address holds a character it cannot");
    const std::string after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') throw std::invalid_argument(what + "expected :port after ]");
      port = after.substr(1);
      if (port.empty()) throw std::invalid_argument(what + "the port is missing after ':'");
    }
  } else {
    const auto colon = rest.find(':');
    host = rest.substr(0, colon);
    if (colon != std::string::npos) {
      port = rest.substr(colon + 1);
      if (port.empty()) throw std::invalid_argument(what + "the port is missing after ':'");
    }
    for (char c : host)
      if (!host_char(c))
        throw std::invalid_argument(what + "the host may hold letters, digits, '-' and '.' only");
  }
  if (host.empty()) throw std::invalid_argument(what + "the host is missing");
  if (!port.empty()) {
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(port) == 0 || std::stoul(port) > 65535)
      throw std::invalid_argument(what + "the port must be a number from 1 to 65535");
  }
  return s;
}

daemon_options parse_options(const std::vector<std::string>& args) {
  daemon_options o;
  o.threads = std::max(1u, std::thread::hardware_concurrency());
  std::string data_dir = o.data_dir.string();
  std::string web_root = default_web_root();
  std::string ready_file;
  std::string tls_cert;
  std::string tls_key;
  std::string log_level = "info";
  std::string roster;
  std::string event_store;
  std::string primary_event_store;
  std::vector<std::string> hall_servers;
  std::string membership = "0,0,0";
  std::string sheet_tool;
  std::vector<std::string> townships;
  std::vector<std::string> township_rosters;
  std::vector<std::string> township_memberships;
  std::vector<std::string> county_accounts;
  std::vector<std::string> county_reissue;
  unsigned port = o.port;
  std::size_t max_message = o.limits.read_message_max;
  std::size_t max_queue = o.limits.send_queue_max_bytes;

  po::options_description desc(
      "plenumd: the Plenum congress server (HTTPS and WSS on one port)\n\n"
      "Usage:\n"
      "  plenumd [options]                         serve the hall\n"
      "  plenumd export --data-dir D --out DIR     write the congress's record "
      "(protocol/RECORD.md)\n"
      "                                            into DIR for plenum-verify, and exit\n\n"
      "Options");
  // clang-format off
  desc.add_options()
    ("help,h", "print this help and exit")
    ("data-dir", po::value(&data_dir)->default_value(data_dir),
     "directory for the server's data; the self-signed TLS certificate is kept in <data-dir>/tls")
    ("listen", po::value(&o.listen)->default_value(o.listen),
     "address to listen on; 0.0.0.0 or :: to serve tablets on the hall's network")
    ("port", po::value(&port)->default_value(port), "TCP port; 0 picks a free one")
    ("web-root", po::value(&web_root)->default_value(web_root),
     "directory of the web client's static files")
    ("threads", po::value(&o.threads)->default_value(o.threads),
     "I/O threads (default: hardware concurrency)")
    ("ready-file", po::value(&ready_file),
     "once listening, write the bound port to this file (for tests and scripts)")
    ("tls-cert", po::value(&tls_cert),
     "PEM certificate chain to use instead of the self-signed one (needs --tls-key)")
    ("tls-key", po::value(&tls_key), "PEM private key of --tls-cert")
    ("max-message-bytes", po::value(&max_message)->default_value(max_message),
     "largest WebSocket message accepted; larger ones close the connection (1009)")
    ("max-send-queue-bytes", po::value(&max_queue)->default_value(max_queue),
     "largest backlog of unsent messages per WebSocket client before it is disconnected")
    ("shutdown-grace-ms", po::value(&o.shutdown_grace_ms)->default_value(o.shutdown_grace_ms),
     "on SIGINT/SIGTERM, time given to connections to close before the server stops")
    ("log-level", po::value(&log_level)->default_value(log_level), "debug, info, warn or error")
    ("congress-id", po::value(&o.congress_id)->default_value(o.congress_id),
     "id of the congress a new (empty) event log is created for")
    ("congress-name", po::value(&o.congress_name)->default_value(o.congress_name),
     "name of the congress a new event log is created for")
    ("event-store", po::value(&event_store),
     "keep the event log in PostgreSQL instead of <data-dir>/events.db: a libpq connection "
     "string (\"host=… port=… dbname=… user=…\"); commits wait for the server's synchronous "
     "standby when it has one (server/STANDBY.md). The congress key stays in <data-dir>")
    ("standby", po::bool_switch(&o.standby),
     "run as the hall's standby machine (server/STANDBY.md): follow the replicated log of "
     "--event-store (this machine's PostgreSQL, a streaming standby), write "
     "<data-dir>/standby-sync.json every second, answer every request but ping with "
     "not_serving, and serve once `plenumd promote` has handed the log to <data-dir>/standby.key")
    ("primary-event-store", po::value(&primary_event_store),
     "with --standby: libpq connection string of the primary's PostgreSQL, asked every second "
     "whether it names this standby in sync (a primary that does not answer is not an error)")
    ("hall-server", po::value(&hall_servers)->composing(),
     "https://host[:port] (repeatable): an address of the hall's machines, this one and the "
     "other, as devices reach them; sent to devices in hello, and pages loaded from any of "
     "them may open the WebSocket")
    ("init-demo", po::bool_switch(&o.init_demo),
     "if the event log is empty, create the demo congress and write enrollment codes to "
     "<data-dir>/demo-credentials.txt")
    ("roster", po::value(&roster),
     "if the event log is empty, import this roster CSV and write the secretaries' enrollment "
     "codes to <data-dir>/bootstrap-credentials.txt")
    ("membership", po::value(&membership),
     "with --roster: the party's members, women and minority members, as M,W,N")
    ("sheet-tool", po::value(&sheet_tool),
     "plenum-sheet, which renders the result sheets the secretary downloads (default: the build "
     "tree's ../clients/src/sheet/plenum-sheet beside plenumd, else plenum-sheet on PATH)")
    ("township", po::value(&townships)->composing(),
     "ID=NAME (repeatable): hold this township's congress in <data-dir>/townships/ID (its own "
     "key, log and roster), served on /ws/township/ID; the first also on /ws. Without it, "
     "plenumd holds the one congress of <data-dir>")
    ("township-roster", po::value(&township_rosters)->composing(),
     "ID=FILE: if township ID's log is empty, import this roster CSV and write the secretaries' "
     "enrollment codes to <data-dir>/townships/ID/bootstrap-credentials.txt")
    ("township-membership", po::value(&township_memberships)->composing(),
     "ID=M,W,N: township ID's party members, women and minority members (with its roster)")
    ("county-id", po::value(&o.county_id)->default_value(o.county_id),
     "with --township: the county whose organisation department reads every township on "
     "/ws/county")
    ("county-name", po::value(&o.county_name)->default_value(o.county_name),
     "with --township: the county's name")
    ("county-account", po::value(&county_accounts)->composing(),
     "ID=NAME (repeatable, with --township): a county organisation department account; a new "
     "one gets an enrollment code in <data-dir>/county/county-credentials.txt")
    ("county-reissue", po::value(&county_reissue)->composing(),
     "ID (repeatable, with --township): a fresh enrollment code for county account ID (a lost "
     "device), appended to county-credentials.txt at every start given it; the device the new "
     "code enrolls replaces the old one");
  // clang-format on

  po::variables_map vm;
  try {
    po::positional_options_description no_positionals;
    po::store(po::command_line_parser(args).options(desc).positional(no_positionals).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw std::invalid_argument(e.what());
  }
  if (vm.count("help") != 0) {
    std::ostringstream out;
    out << desc;
    o.help = out.str();
    return o;
  }

  if (port > 65535) throw std::invalid_argument("--port must be at most 65535");
  if (o.threads == 0) throw std::invalid_argument("--threads must be at least 1");
  if (max_message == 0) throw std::invalid_argument("--max-message-bytes must be positive");
  if (max_queue < max_message) {
    throw std::invalid_argument("--max-send-queue-bytes must be at least --max-message-bytes");
  }
  if (tls_cert.empty() != tls_key.empty()) {
    throw std::invalid_argument("--tls-cert and --tls-key go together");
  }
  auto level = log::parse_level(log_level);
  if (!level) throw std::invalid_argument("--log-level must be debug, info, warn or error");

  o.port = static_cast<std::uint16_t>(port);
  o.data_dir = data_dir;
  o.web_root = web_root;
  if (!ready_file.empty()) o.ready_file = ready_file;
  if (!tls_cert.empty()) {
    o.tls_cert = tls_cert;
    o.tls_key = tls_key;
  }
  o.log_level = *level;
  if (!roster.empty()) o.roster = roster;
  if (!sheet_tool.empty()) o.sheet_tool = sheet_tool;
  {
    std::istringstream in(membership);
    std::string part;
    while (std::getline(in, part, ',')) {
      try {
        o.membership.push_back(std::stoull(part));
      } catch (const std::exception&) {
        throw std::invalid_argument("--membership must be three numbers M,W,N");
      }
    }
    if (o.membership.size() != 3) {
      throw std::invalid_argument("--membership must be three numbers M,W,N");
    }
  }
  if (o.init_demo && o.roster)
    throw std::invalid_argument("--init-demo and --roster exclude each other");
  o.townships = parse_townships(townships, township_rosters, township_memberships);
  for (const auto& a : county_accounts)
    o.county_accounts.push_back(key_value(a, "--county-account"));
  o.county_reissue = county_reissue;
  if ((!o.county_accounts.empty() || !o.county_reissue.empty()) && o.townships.empty())
    throw std::invalid_argument(
        "--county-account and --county-reissue need at least one --township");
  if (!o.townships.empty() && (o.init_demo || o.roster))
    throw std::invalid_argument(
        "--init-demo and --roster are for the single congress; a township's roster is "
        "--township-roster ID=FILE");
  if (!event_store.empty()) {
    if (!o.townships.empty())
      throw std::invalid_argument("--event-store is for the single congress, not --township");
    o.event_store = event_store;
  }
  if (!primary_event_store.empty()) {
    if (!o.standby) throw std::invalid_argument("--primary-event-store goes with --standby");
    o.primary_event_store = primary_event_store;
  }
  if (o.standby) {
    if (!o.event_store)
      throw std::invalid_argument(
          "--standby needs --event-store (this machine's PostgreSQL, a standby of the primary's)");
    if (o.init_demo || o.roster)
      throw std::invalid_argument(
          "--standby follows the primary's congress: --init-demo and --roster are for the "
          "primary");
  }
  for (const auto& h : hall_servers) {
    auto address = parse_hall_server(h);
    for (const auto& other : o.hall_servers)
      if (other == address) throw std::invalid_argument("--hall-server " + h + " is given twice");
    o.hall_servers.push_back(std::move(address));
  }
  if (o.hall_servers.size() > 16)
    throw std::invalid_argument("--hall-server: at most 16 addresses");
  o.limits.read_message_max = max_message;
  o.limits.send_queue_max_bytes = max_queue;
  return o;
}

}  // namespace plenum::server::app
