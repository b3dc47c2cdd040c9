// plenumd: the Plenum congress server.
#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/options.hpp"
#include "app/own_address.hpp"
#include "app/standby_key_command.hpp"
#include "app/townships.hpp"
#include "common/log.hpp"
#include "downloads/sheet_tool.hpp"
#include "export/record_export.hpp"
#include "export/standby_certificate.hpp"
#include "net/self_signed.hpp"
#include "net/server.hpp"
#include "net/tls_context.hpp"
#include "service/bootstrap.hpp"
#include "service/hall_service.hpp"
#ifdef PLENUM_WITH_POSTGRES
#include "app/hall_switch.hpp"
#include "app/promote_command.hpp"
#include "app/replication_watch.hpp"
#include "app/standalone_command.hpp"
#include "app/standby_follower.hpp"
#include "app/standby_responder.hpp"
#include "app/standby_takeover.hpp"
#include "storage/postgres_log_store.hpp"
#endif

namespace {

namespace fs = std::filesystem;
namespace asio = plenum::server::net::asio;
namespace log = plenum::server::log;
using plenum::server::net::tcp;

// Writes the port through a temporary file, so a reader never sees half of it.
void write_ready_file(const fs::path& path, unsigned short port) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << port << '\n';
    if (!out.flush()) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

// After stop(): checks every 50 ms whether the sessions have ended; calls `done` when they
// have, or stops the io_context when the grace period is over.
void wait_for_sessions(asio::steady_timer& timer, plenum::server::net::server& srv,
                       asio::io_context& ioc, std::chrono::steady_clock::time_point deadline,
                       const std::function<void()>& done) {
  if (srv.sessions().size() == 0) {
    log::info("connections closed");
    return done();
  }
  if (std::chrono::steady_clock::now() >= deadline) {
    log::warn("grace period over, stopping", {{"open_sessions", srv.sessions().size()}});
    return ioc.stop();
  }
  timer.expires_after(std::chrono::milliseconds(50));
  timer.async_wait([&timer, &srv, &ioc, deadline, done](boost::system::error_code ec) {
    if (!ec) wait_for_sessions(timer, srv, ioc, deadline, done);
  });
}

// Every connection costs a file descriptor: raise the soft limit to the hard one so that a hall
// of thousands of tablets (and observers) is not refused at the default 1024.
void raise_file_limit() {
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur >= r.rlim_max) return;
  r.rlim_cur = r.rlim_max;
  if (::setrlimit(RLIMIT_NOFILE, &r) != 0) log::warn("cannot raise the open file limit");
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// plenum-sheet as --sheet-tool names it, or found beside plenumd or on PATH.
std::optional<fs::path> sheet_tool(const plenum::server::app::daemon_options& opts) {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  const char* path = std::getenv("PATH");
  auto tool = plenum::server::downloads::find_sheet_tool(opts.sheet_tool, ec ? fs::path() : self,
                                                         path != nullptr ? path : "");
  if (tool)
    log::info("result sheets by", {{"sheet_tool", tool->string()}});
  else
    log::warn("plenum-sheet not found: result sheets cannot be downloaded (--sheet-tool PATH)");
  return tool;
}

// A new congress gets its roster (and the codes to enroll with) before it serves anyone.
void bootstrap(const plenum::server::app::daemon_options& opts,
               plenum::server::service::hall_service& hall) {
  namespace service = plenum::server::service;
  namespace domain = plenum::server::domain;
  if (hall.event_count() != 1) return;  // only congress_created so far
  if (opts.init_demo) {
    const fs::path file = opts.data_dir / "demo-credentials.txt";
    auto codes = service::bootstrap_roster(
        hall, service::demo_roster_csv(), service::demo_membership(),
        [](const domain::person&) { return true; }, file);
    if (!codes)
      throw std::runtime_error("cannot create the demo congress: " + codes.error().message());
    log::info("demo congress created",
              {{"persons", codes->size()}, {"credentials", file.string()}});
    if (auto sitting = service::create_demo_sitting(hall); !sitting) {
      log::warn("demo sitting not created", {{"error", sitting.error().message()}});
    }
    for (const auto& c : *codes) {
      if (c.person == "CH" || c.person == "SE" || c.person == "PR" || c.person == "D001" ||
          c.roles.find("scrutineer") != std::string::npos)
        std::cout << c.person << "\t" << c.name << "\t" << c.roles << "\t" << c.code << "\n";
    }
    std::cout << "enrollment codes of all " << codes->size() << " persons: " << file.string()
              << std::endl;
  } else if (opts.roster) {
    const fs::path file = opts.data_dir / "bootstrap-credentials.txt";
    const domain::membership_totals totals{opts.membership[0], opts.membership[1],
                                           opts.membership[2]};
    auto codes = service::bootstrap_roster(
        hall, read_file(*opts.roster), totals,
        [](const domain::person& p) { return p.roles.has(domain::role::secretary); }, file);
    if (!codes) throw std::runtime_error("cannot import the roster: " + codes.error().message());
    log::info("roster imported", {{"codes", codes->size()}, {"credentials", file.string()}});
  }
}

#ifdef PLENUM_WITH_POSTGRES
// The replicated log of --event-store, read as soon as the standby's PostgreSQL holds it (the
// primary may start later): asked again every second. nullopt when it cannot be read for good
// (it does not verify) or a signal ends the wait.
std::optional<plenum::server::app::opened_standby> open_standby_when_ready(
    const std::string& conninfo) {
  bool noted = false;
  for (;;) {
    auto opened = plenum::server::app::open_standby(conninfo);
    if (opened) return std::move(*opened);
    if (opened.error().code == plenum::errc::broken_chain) {
      log::error("the replicated log does not verify", {{"error", opened.error().message}});
      std::cerr << "plenumd: " << opened.error().message << "\n";
      return std::nullopt;
    }
    if (!noted) log::info("waiting for the replicated log", {{"error", opened.error().message}});
    noted = true;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}
#endif

int run(const plenum::server::app::daemon_options& opts) {
  log::set_min_level(opts.log_level);
  raise_file_limit();

  fs::create_directories(opts.data_dir);
  ::chmod(opts.data_dir.c_str(), 0700);
  plenum::server::net::tls_files tls;
  if (opts.tls_cert) {
    tls = {*opts.tls_cert, *opts.tls_key};
  } else {
    bool existed = fs::exists(opts.data_dir / "tls" / "cert.pem");
    tls = plenum::server::net::ensure_self_signed_certificate(opts.data_dir / "tls");
    log::info(existed ? "using self-signed certificate" : "created self-signed certificate",
              {{"cert", tls.cert.string()}});
  }

  plenum::server::net::server_config config;
  config.endpoint = tcp::endpoint(asio::ip::make_address(opts.listen), opts.port);
  config.web_root = opts.web_root;
  config.limits = opts.limits;
  config.hall_servers = opts.hall_servers;
  // Declared before the handlers: connections a handler still holds are destroyed with it,
  // and their streams need the io_context's services to be alive then.
  asio::io_context ioc{static_cast<int>(opts.threads)};
  // The one congress of the data directory, or the townships and the county; they outlive the
  // server and the threads running its sessions.
  std::unique_ptr<plenum::server::service::hall_service> single;
  plenum::server::app::township_halls towns;
  plenum::server::net::ws_handler* handler = nullptr;
  plenum::server::service::hall_config hall_config;
  hall_config.data_dir = opts.data_dir;
  hall_config.hall_servers = opts.hall_servers;
  hall_config.serving_address = plenum::server::app::own_hall_address(opts.hall_servers, opts.port);
#ifdef PLENUM_WITH_POSTGRES
  // The standby machine: its greeter until it takes over, then the hall it built.
  std::unique_ptr<plenum::server::app::standby_responder> standby_greeter;
  std::unique_ptr<plenum::server::app::hall_switch> hall_switch;
  std::optional<plenum::server::app::opened_standby> standby;
  // Watches the hall's standby on a PostgreSQL primary (declared after the hall it reports to).
  std::unique_ptr<plenum::server::app::replication_watch> hall_watch;
  auto watch_hall = [&hall_watch, &opts](plenum::server::service::hall_service& hall) {
    hall_watch = std::make_unique<plenum::server::app::replication_watch>(
        *opts.event_store, "the event store's PostgreSQL",
        plenum::server::app::hall_sync_reporter(
            [&hall](const std::string& state) { hall.set_standby_sync(state); }),
        true);
  };
#endif
  // A standby machine started again after it took the hall over (its PostgreSQL is a primary
  // now) serves the hall, with the same command line as before or without --standby.
  bool follow_as_standby = opts.standby;
#ifdef PLENUM_WITH_POSTGRES
  if (opts.standby && plenum::server::app::store_is_primary(*opts.event_store)) {
    log::info("the event store is a primary: this machine serves the hall",
              {{"data_dir", opts.data_dir.string()}});
    follow_as_standby = false;
  }
#endif
  if (follow_as_standby) {
#ifdef PLENUM_WITH_POSTGRES
    standby = open_standby_when_ready(*opts.event_store);
    if (!standby) return 1;
    log::info("following the replicated log", {{"congress_id", standby->identity.congress_id},
                                               {"events", standby->log->head().length},
                                               {"congress_pk", standby->identity.congress_pk.hex()},
                                               {"standby", standby->name}});
    standby_greeter = std::make_unique<plenum::server::app::standby_responder>(standby->identity,
                                                                               opts.hall_servers);
    hall_switch = std::make_unique<plenum::server::app::hall_switch>(*standby_greeter);
    handler = hall_switch.get();
    config.downloads = hall_switch.get();
    hall_config.sheet_tool = sheet_tool(opts);
#endif
  } else if (opts.townships.empty()) {
    if (opts.event_store) {
#ifdef PLENUM_WITH_POSTGRES
      hall_config.event_store = [conninfo = *opts.event_store]()
          -> plenum::server::storage::storage_result<
              std::unique_ptr<plenum::server::storage::log_store>> {
        auto store = plenum::server::storage::postgres_log_store::connect({conninfo});
        if (!store) return store.error();
        return std::unique_ptr<plenum::server::storage::log_store>(std::move(*store));
      };
#endif
    }
    hall_config.congress_id = opts.congress_id;
    hall_config.congress_name = opts.congress_name;
    hall_config.sheet_tool = sheet_tool(opts);
    auto opened = [&] {
#ifdef PLENUM_WITH_POSTGRES
      if (opts.event_store) {
        if (auto taken =
                plenum::server::app::open_hall_taken_over_before(hall_config, *opts.event_store))
          return std::move(*taken);
      }
#endif
      return plenum::server::service::hall_service::open(hall_config);
    }();
    if (!opened) {
      // A log that does not verify is never served: the operator must look at it.
      log::error("cannot open the congress", {{"error", opened.error().message}});
      std::cerr << "plenumd: " << opened.error().message << "\n";
      return 1;
    }
    single = std::move(*opened);
    log::info("congress opened", {{"congress_id", single->congress_id()},
                                  {"events", single->event_count()},
                                  {"congress_pk", single->congress_public_key().hex()}});
    bootstrap(opts, *single);
    handler = single.get();
    config.downloads = &single->downloads();
#ifdef PLENUM_WITH_POSTGRES
    if (opts.event_store) watch_hall(*single);
#endif
  } else {
    try {
      towns = plenum::server::app::open_townships(opts, sheet_tool(opts));
    } catch (const std::exception& e) {
      // A township whose log does not verify is never served: the operator must look at it.
      log::error("cannot open the townships", {{"error", e.what()}});
      std::cerr << "plenumd: " << e.what() << "\n";
      return 1;
    }
    handler = towns.halls.front().get();
    config.downloads = towns.downloads.get();
    config.ws_routes = towns.routes;
  }
  plenum::server::net::server srv(
      ioc, plenum::server::net::make_server_tls_context(tls.cert, tls.key), config, *handler);

  // The signal wait and the grace timer share a strand: their handlers never run at once.
  auto control = asio::make_strand(ioc);
  asio::signal_set signals(control, SIGINT, SIGTERM);
  asio::steady_timer grace(control);
  bool stopping = false;
  std::function<void(boost::system::error_code, int)> on_signal = [&](boost::system::error_code ec,
                                                                      int signo) {
    if (ec) return;
    if (stopping) {
      log::warn("second signal, stopping now", {{"signal", signo}});
      ioc.stop();
      return;
    }
    stopping = true;
    log::info("shutting down", {{"signal", signo}});
    srv.stop();
    signals.async_wait(on_signal);
    auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(opts.shutdown_grace_ms);
    // When the sessions are gone, only the signal wait is left: cancelling it lets
    // run() return.
    wait_for_sessions(grace, srv, ioc, deadline, [&signals] { signals.cancel(); });
  };
  signals.async_wait(on_signal);

  srv.start();
  tcp::endpoint ep = srv.local_endpoint();
  log::info("listening", {{"address", ep.address().to_string()},
                          {"port", ep.port()},
                          {"threads", opts.threads},
                          {"web_root", opts.web_root.string()}});
  if (opts.ready_file) write_ready_file(*opts.ready_file, ep.port());
#ifdef PLENUM_WITH_POSTGRES
  // The standby follows its log until `plenumd promote` hands it over, then serves from it.
  std::unique_ptr<plenum::server::app::standby_follower> follower;
  if (standby) {
    plenum::server::app::standby_follower::config follow;
    follow.event_store = *opts.event_store;
    follow.primary_event_store = opts.primary_event_store;
    follow.sync_file = opts.data_dir / "standby-sync.json";
    follower = std::make_unique<plenum::server::app::standby_follower>(
        follow, std::move(*standby),
        [&standby_greeter](const plenum::server::app::standby_identity& id) {
          standby_greeter->set_identity(id);
        },
        [&](const plenum::crypto::public_key& standby_pk) {
          auto hall =
              plenum::server::app::open_taken_over_hall(hall_config, *opts.event_store, standby_pk);
          if (!hall) {
            log::error("cannot take over yet", {{"error", hall.error().message}});
            return false;
          }
          single = std::move(*hall);
          log::info("serving the hall: this machine took over",
                    {{"congress_id", single->congress_id()},
                     {"events", single->event_count()},
                     {"signing_pk", standby_pk.hex()}});
          watch_hall(*single);
          hall_switch->serve(*single);
          return true;
        });
  }
#endif

  std::vector<std::thread> threads;
  threads.reserve(opts.threads - 1);
  for (unsigned i = 1; i < opts.threads; ++i) threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : threads) t.join();
  log::info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
  // plenumd export --data-dir D --out DIR: writes the record of the congress and exits.
  if (argc >= 2 && std::string_view(argv[1]) == "export")
    return plenum::server::record_export::run_export_command(
        std::vector<std::string>(argv + 2, argv + argc));
  // plenumd certify-standby --data-dir D [--event-store C] --standby-key HEX --out FILE: the
  // handover certificate a standby keeps (server/STANDBY.md).
  if (argc >= 2 && std::string_view(argv[1]) == "certify-standby")
    return plenum::server::run_certify_standby_command(
        std::vector<std::string>(argv + 2, argv + argc));
  // plenumd standby-key --data-dir B: the standby machine's own key (server/STANDBY.md).
  if (argc >= 2 && std::string_view(argv[1]) == "standby-key")
    return plenum::server::app::run_standby_key_command(
        std::vector<std::string>(argv + 2, argv + argc));
  // plenumd promote …: the standby takes over; plenumd standalone …: the primary goes on alone.
  if (argc >= 2 &&
      (std::string_view(argv[1]) == "promote" || std::string_view(argv[1]) == "standalone")) {
    const std::vector<std::string> args(argv + 2, argv + argc);
#ifdef PLENUM_WITH_POSTGRES
    return std::string_view(argv[1]) == "promote"
               ? plenum::server::app::run_promote_command(args)
               : plenum::server::app::run_standalone_command(args);
#else
    std::cerr << "plenumd " << argv[1]
              << ": this plenumd was built without PostgreSQL (PLENUM_WITH_POSTGRES)\n";
    return 2;
#endif
  }
  plenum::server::app::daemon_options opts;
  try {
    opts = plenum::server::app::parse_options(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::cerr << "plenumd: " << e.what() << "\n(try --help)\n";
    return 2;
  }
  if (!opts.help.empty()) {
    std::cout << opts.help;
    return 0;
  }
#ifndef PLENUM_WITH_POSTGRES
  if (opts.event_store) {
    std::cerr << "plenumd: --event-store: this plenumd was built without PostgreSQL "
                 "(PLENUM_WITH_POSTGRES)\n";
    return 2;
  }
#endif
  try {
    return run(opts);
  } catch (const std::exception& e) {
    log::error("cannot start", {{"error", e.what()}});
    return 1;
  }
}
