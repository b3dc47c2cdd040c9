// standby_responder: the WebSocket side of the standby machine (plenumd --standby,
// server/STANDBY.md). It greets every connection with `hello` {serving: false}, the congress
// and keys of the replicated log and the hall's addresses, answers `ping`, and refuses every
// other request with `not_serving`, so that a device that reached it goes on to the serving
// machine. It changes nothing.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "net/ws_handler.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::server::app {

/// Who the standby speaks for: read from the replicated log.
struct standby_identity {
  std::string congress_id;
  crypto::public_key congress_pk;
  /// The key that signs the log's new entries now (the congress key until a handover).
  crypto::public_key signing_pk;
};

/// Thread safety: every member may be called from any thread (one mutex, a leaf).
class standby_responder final : public net::ws_handler {
 public:
  /// `servers`: the hall's addresses (--hall-server), named in hello.
  standby_responder(standby_identity identity, std::vector<std::string> servers);

  /// The log moved on (a handover changes the signer).
  void set_identity(standby_identity identity);

  void on_open(const std::shared_ptr<net::connection>& conn) override;
  void on_message(const std::shared_ptr<net::connection>& conn, std::string text) override;
  void on_close(const std::shared_ptr<net::connection>& conn) override;

  /// Closes every connection it holds (when this machine starts serving, so that each
  /// reconnects and is greeted as served).
  void close_all();

 private:
  std::vector<std::string> servers_;
  mutable std::mutex mutex_;
  standby_identity identity_;
  std::map<std::uint64_t, std::shared_ptr<net::connection>> connections_;
};

}  // namespace plenum::server::app
