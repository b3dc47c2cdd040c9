#include "app/options.hpp"

#include <boost/program_options.hpp>
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

}  // namespace

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
  std::string membership = "0,0,0";
  std::string sheet_tool;
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
     "tree's ../clients/src/sheet/plenum-sheet beside plenumd, else plenum-sheet on PATH)");
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
  o.limits.read_message_max = max_message;
  o.limits.send_queue_max_bytes = max_queue;
  return o;
}

}  // namespace plenum::server::app
