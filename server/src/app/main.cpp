// plenumd: the Plenum congress server. main chooses the mode: a command (export,
// certify-standby, standby-key, promote, standalone) or serving (app/daemon.hpp).
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "app/daemon.hpp"
#include "app/options.hpp"
#include "app/standby_key_command.hpp"
#include "common/log.hpp"
#include "export/record_export.hpp"
#include "export/standby_certificate.hpp"
#ifdef PLENUM_WITH_POSTGRES
#include "app/promote_command.hpp"
#include "app/standalone_command.hpp"
#endif

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
    return plenum::server::app::run_daemon(opts);
  } catch (const std::exception& e) {
    plenum::server::log::error("cannot start", {{"error", e.what()}});
    return 1;
  }
}
