#include "app/standby_startup.hpp"

#include <chrono>
#include <iostream>
#include <optional>
#include <thread>
#include <utility>

#include "app/standby_takeover.hpp"
#include "common/log.hpp"

namespace plenum::server::app {

namespace {

// The replicated log, read as soon as the standby's PostgreSQL holds it (the primary may start
// later): asked again every second. nullopt when it cannot be read for good (it does not
// verify).
std::optional<opened_standby> open_when_ready(const std::string& conninfo) {
  bool noted = false;
  for (;;) {
    auto opened = open_standby(conninfo);
    if (opened) return std::move(*opened);
    if (opened.error().code == errc::broken_chain) {
      log::error("the replicated log does not verify", {{"error", opened.error().message}});
      std::cerr << "plenumd: " << opened.error().message << "\n";
      return std::nullopt;
    }
    if (!noted) log::info("waiting for the replicated log", {{"error", opened.error().message}});
    noted = true;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

}  // namespace

standby_startup::standby_startup(opened_standby standby, std::vector<std::string> hall_servers)
    : standby_(std::move(standby)), greeter_(standby_.identity, std::move(hall_servers)) {}

std::unique_ptr<standby_startup> standby_startup::open(const daemon_options& opts) {
  auto standby = open_when_ready(*opts.event_store);
  if (!standby) return nullptr;
  log::info("following the replicated log", {{"congress_id", standby->identity.congress_id},
                                             {"events", standby->log->head().length},
                                             {"congress_pk", standby->identity.congress_pk.hex()},
                                             {"standby", standby->name}});
  return std::make_unique<standby_startup>(std::move(*standby), opts.hall_servers);
}

std::unique_ptr<standby_follower> standby_startup::follow(const daemon_options& opts,
                                                          const service::hall_config& hall_config,
                                                          hall_keeper keep) {
  standby_follower::config follow;
  follow.event_store = *opts.event_store;
  follow.primary_event_store = opts.primary_event_store;
  follow.sync_file = opts.data_dir / "standby-sync.json";
  return std::make_unique<standby_follower>(
      follow, std::move(standby_),
      [this](const standby_identity& id) { greeter_.set_identity(id); },
      [this, &opts, &hall_config, keep = std::move(keep)](const crypto::public_key& standby_pk) {
        auto hall = open_taken_over_hall(hall_config, *opts.event_store, standby_pk);
        if (!hall) {
          log::error("cannot take over yet", {{"error", hall.error().message}});
          return false;
        }
        service::hall_service& served = keep(std::move(*hall));
        log::info("serving the hall: this machine took over",
                  {{"congress_id", served.congress_id()},
                   {"events", served.event_count()},
                   {"signing_pk", standby_pk.hex()}});
        switch_.serve(served);
        return true;
      });
}

}  // namespace plenum::server::app
