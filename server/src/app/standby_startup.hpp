// The standby machine's start-up (plenumd --standby, server/STANDBY.md): it waits for the
// replicated log, greets the hall's tablets (serving: false) until it takes over, and follows
// the log until `plenumd promote` hands the hall over to it; then it serves the hall it built.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/hall_switch.hpp"
#include "app/options.hpp"
#include "app/standby_follower.hpp"
#include "app/standby_responder.hpp"
#include "service/hall_service.hpp"

namespace plenum::server::app {

class standby_startup {
 public:
  /// Keeps the hall the machine took over (for as long as the io_context runs) and returns it.
  using hall_keeper =
      std::function<service::hall_service&(std::unique_ptr<service::hall_service> hall)>;

  /// Waits until the standby's PostgreSQL (--event-store) holds the replicated log, asking
  /// again every second, and opens it. nullptr when the log does not verify (said in the log
  /// and on stderr). REQUIRES: opts.event_store.
  static std::unique_ptr<standby_startup> open(const daemon_options& opts);

  /// What the server serves WebSockets and downloads through: the greeter until the take-over,
  /// then the hall.
  [[nodiscard]] hall_switch& serving() { return switch_; }

  /// Follows the log from now on. When the hall is handed over, opens it from `hall_config`
  /// (signing with the standby key), gives it to `keep` and serves it. The follower stops when
  /// destroyed. REQUIRES: called once; `hall_config` and `keep` outlive the follower.
  [[nodiscard]] std::unique_ptr<standby_follower> follow(const daemon_options& opts,
                                                         const service::hall_config& hall_config,
                                                         hall_keeper keep);

  /// Greets with the identity of `standby`, naming `hall_servers` (--hall-server) in hello.
  standby_startup(opened_standby standby, std::vector<std::string> hall_servers);
  standby_startup(const standby_startup&) = delete;
  standby_startup& operator=(const standby_startup&) = delete;

 private:
  opened_standby standby_;
  standby_responder greeter_;
  hall_switch switch_{greeter_};
};

}  // namespace plenum::server::app
