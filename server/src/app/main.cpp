// plenumd: the Plenum congress server.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "app/options.hpp"
#include "app/ping_handler.hpp"
#include "common/log.hpp"
#include "net/self_signed.hpp"
#include "net/server.hpp"
#include "net/tls_context.hpp"

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

int run(const plenum::server::app::daemon_options& opts) {
  log::set_min_level(opts.log_level_);

  fs::create_directories(opts.data_dir_);
  ::chmod(opts.data_dir_.c_str(), 0700);
  plenum::server::net::tls_files tls;
  if (opts.tls_cert_) {
    tls = {*opts.tls_cert_, *opts.tls_key_};
  } else {
    bool existed = fs::exists(opts.data_dir_ / "tls" / "cert.pem");
    tls = plenum::server::net::ensure_self_signed_certificate(opts.data_dir_ / "tls");
    log::info(existed ? "using self-signed certificate" : "created self-signed certificate",
              {{"cert", tls.cert_.string()}});
  }

  plenum::server::app::ping_handler handler;  // outlives the io_context and its sessions
  asio::io_context ioc{static_cast<int>(opts.threads_)};
  plenum::server::net::server_config config;
  config.endpoint_ = tcp::endpoint(asio::ip::make_address(opts.listen_), opts.port_);
  config.web_root_ = opts.web_root_;
  config.limits_ = opts.limits_;
  plenum::server::net::server srv(
      ioc, plenum::server::net::make_server_tls_context(tls.cert_, tls.key_), config, handler);

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
        std::chrono::steady_clock::now() + std::chrono::milliseconds(opts.shutdown_grace_ms_);
    // When the sessions are gone, only the signal wait is left: cancelling it lets
    // run() return.
    wait_for_sessions(grace, srv, ioc, deadline, [&signals] { signals.cancel(); });
  };
  signals.async_wait(on_signal);

  srv.start();
  tcp::endpoint ep = srv.local_endpoint();
  log::info("listening", {{"address", ep.address().to_string()},
                          {"port", ep.port()},
                          {"threads", opts.threads_},
                          {"web_root", opts.web_root_.string()}});
  if (opts.ready_file_) write_ready_file(*opts.ready_file_, ep.port());

  std::vector<std::thread> threads;
  threads.reserve(opts.threads_ - 1);
  for (unsigned i = 1; i < opts.threads_; ++i) threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : threads) t.join();
  log::info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
  plenum::server::app::daemon_options opts;
  try {
    opts = plenum::server::app::parse_options(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::cerr << "plenumd: " << e.what() << "\n(try --help)\n";
    return 2;
  }
  if (!opts.help_.empty()) {
    std::cout << opts.help_;
    return 0;
  }
  try {
    return run(opts);
  } catch (const std::exception& e) {
    log::error("cannot start", {{"error", e.what()}});
    return 1;
  }
}
