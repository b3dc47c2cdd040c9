// hall_switch: what the standby machine's server serves through (plenumd --standby,
// server/STANDBY.md). Until the machine takes over, every WebSocket goes to the standby
// responder (serving: false) and every download answers 404; once `serve` is called, new
// connections and downloads go to the hall service built on the taken-over log, and the
// connections the standby greeted are closed so that they reconnect to it.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>

#include "app/standby_responder.hpp"
#include "net/download_source.hpp"
#include "net/ws_handler.hpp"

namespace plenum::server::service {
class hall_service;
}  // namespace plenum::server::service

namespace plenum::server::app {

/// Thread safety: every member may be called from any thread. A connection stays with the
/// handler that opened it until it closes.
class hall_switch final : public net::ws_handler, public net::download_source {
 public:
  /// `standby` must outlive the switch.
  explicit hall_switch(standby_responder& standby);

  /// From now on `hall` (which must outlive the io_context's last run) serves; the standby's
  /// connections are closed.
  void serve(service::hall_service& hall);
  /// Whether serve() was called.
  [[nodiscard]] bool serving() const { return hall_.load() != nullptr; }

  void on_open(const std::shared_ptr<net::connection>& conn) override;
  void on_message(const std::shared_ptr<net::connection>& conn, std::string text) override;
  void on_close(const std::shared_ptr<net::connection>& conn) override;

  [[nodiscard]] std::optional<net::download_file> take(std::string_view token) override;

 private:
  [[nodiscard]] net::ws_handler* handler_of(std::uint64_t conn_id) const;

  standby_responder& standby_;
  std::atomic<service::hall_service*> hall_{nullptr};
  mutable std::mutex mutex_;
  std::map<std::uint64_t, net::ws_handler*> handlers_;  ///< by connection id
};

}  // namespace plenum::server::app
