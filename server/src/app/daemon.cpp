#include "app/daemon.hpp"

#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/first_start.hpp"
#include "app/own_address.hpp"
#include "app/townships.hpp"
#include "common/log.hpp"
#include "downloads/sheet_tool.hpp"
#include "net/self_signed.hpp"
#include "net/server.hpp"
#include "net/tls_context.hpp"
#include "service/hall_service.hpp"
#ifdef PLENUM_WITH_POSTGRES
#include "app/replication_watch.hpp"
#include "app/standby_startup.hpp"
#include "app/standby_takeover.hpp"
#include "storage/postgres_log_store.hpp"
#endif

namespace plenum::server::app {

namespace {

namespace fs = std::filesystem;
namespace asio = net::asio;
using net::tcp;

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
void wait_for_sessions(asio::steady_timer& timer, net::server& srv, asio::io_context& ioc,
                       std::chrono::steady_clock::time_point deadline,
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

// plenum-sheet as --sheet-tool names it, or found beside plenumd or on PATH.
std::optional<fs::path> sheet_tool(const daemon_options& opts) {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  const char* path = std::getenv("PATH");
  auto tool = downloads::find_sheet_tool(opts.sheet_tool, ec ? fs::path() : self,
                                         path != nullptr ? path : "");
  if (tool)
    log::info("result sheets by", {{"sheet_tool", tool->string()}});
  else
    log::warn("plenum-sheet not found: result sheets cannot be downloaded (--sheet-tool PATH)");
  return tool;
}

}  // namespace

int run_daemon(const daemon_options& opts) {
  log::set_min_level(opts.log_level);
  raise_file_limit();

  fs::create_directories(opts.data_dir);
  ::chmod(opts.data_dir.c_str(), 0700);
  net::tls_files tls;
  if (opts.tls_cert) {
    tls = {*opts.tls_cert, *opts.tls_key};
  } else {
    bool existed = fs::exists(opts.data_dir / "tls" / "cert.pem");
    tls = net::ensure_self_signed_certificate(opts.data_dir / "tls");
    log::info(existed ? "using self-signed certificate" : "created self-signed certificate",
              {{"cert", tls.cert.string()}});
  }

  net::server_config config;
  config.endpoint = tcp::endpoint(asio::ip::make_address(opts.listen), opts.port);
  config.web_root = opts.web_root;
  config.limits = opts.limits;
  config.hall_servers = opts.hall_servers;
  // Declared before the handlers: connections a handler still holds are destroyed with it,
  // and their streams need the io_context's services to be alive then.
  asio::io_context ioc{static_cast<int>(opts.threads)};
  // The one congress of the data directory, or the townships and the county; they outlive the
  // server and the threads running its sessions.
  std::unique_ptr<service::hall_service> single;
  township_halls towns;
  net::ws_handler* handler = nullptr;
  service::hall_config hall_config;
  hall_config.data_dir = opts.data_dir;
  hall_config.hall_servers = opts.hall_servers;
  hall_config.serving_address = own_hall_address(opts.hall_servers, opts.port);
#ifdef PLENUM_WITH_POSTGRES
  // The standby machine: its greeter until it takes over, then the hall it built.
  std::unique_ptr<standby_startup> standby;
  // Watches the hall's standby on a PostgreSQL primary (declared after the hall it reports to).
  std::unique_ptr<replication_watch> hall_watch;
  auto watch_hall = [&hall_watch, &opts](service::hall_service& hall) {
    hall_watch = std::make_unique<replication_watch>(
        *opts.event_store, "the event store's PostgreSQL",
        hall_sync_reporter([&hall](const std::string& state) { hall.set_standby_sync(state); }),
        true);
  };
#endif
  // A standby machine started again after it took the hall over (its PostgreSQL is a primary
  // now) serves the hall, with the same command line as before or without --standby.
  bool follow_as_standby = opts.standby;
#ifdef PLENUM_WITH_POSTGRES
  if (opts.standby && store_is_primary(*opts.event_store)) {
    log::info("the event store is a primary: this machine serves the hall",
              {{"data_dir", opts.data_dir.string()}});
    follow_as_standby = false;
  }
#endif
  if (follow_as_standby) {
#ifdef PLENUM_WITH_POSTGRES
    standby = standby_startup::open(opts);
    if (!standby) return 1;
    handler = &standby->serving();
    config.downloads = &standby->serving();
    hall_config.sheet_tool = sheet_tool(opts);
#endif
  } else if (opts.townships.empty()) {
    if (opts.event_store) {
#ifdef PLENUM_WITH_POSTGRES
      hall_config.event_store = [conninfo = *opts.event_store]()
          -> storage::storage_result<std::unique_ptr<storage::log_store>> {
        auto store = storage::postgres_log_store::connect({conninfo});
        if (!store) return store.error();
        return std::unique_ptr<storage::log_store>(std::move(*store));
      };
#endif
    }
    hall_config.congress_id = opts.congress_id;
    hall_config.congress_name = opts.congress_name;
    hall_config.sheet_tool = sheet_tool(opts);
    auto opened = [&] {
#ifdef PLENUM_WITH_POSTGRES
      if (opts.event_store) {
        if (auto taken = open_hall_taken_over_before(hall_config, *opts.event_store))
          return std::move(*taken);
      }
#endif
      return service::hall_service::open(hall_config);
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
    bootstrap_new_congress(opts, *single);
    handler = single.get();
    config.downloads = &single->downloads();
#ifdef PLENUM_WITH_POSTGRES
    if (opts.event_store) watch_hall(*single);
#endif
  } else {
    try {
      towns = open_townships(opts, sheet_tool(opts));
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
  net::server srv(ioc, net::make_server_tls_context(tls.cert, tls.key), config, *handler);

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
  std::unique_ptr<standby_follower> follower;
  if (standby) {
    follower =
        standby->follow(opts, hall_config,
                        [&](std::unique_ptr<service::hall_service> hall) -> service::hall_service& {
                          single = std::move(hall);
                          watch_hall(*single);
                          return *single;
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

}  // namespace plenum::server::app
