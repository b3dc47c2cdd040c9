// The simulated delegates: each on its own asynchronous connection with its own key, enrolled,
// authenticated and checked in through the protocol.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <plenum/crypto/sign.hpp>
#include <plenum/protocol/messages.hpp>
#include <plenum/protocol/replies.hpp>

#include "async_connection.hpp"
#include "fleet.hpp"

namespace plenum::clients::loadgen {

/// One simulated delegate: its key, code, connection, ballot and what happened to it.
struct delegate_sim {
  std::string person;
  std::size_t index = 0;  // 1-based
  crypto::secret_key key = crypto::secret_key::generate();
  std::string code;
  std::shared_ptr<async_connection> conn;
  std::chrono::steady_clock::time_point hello_at;
  bool checked_in = false;
  std::uint64_t ballot_request = 0;
  std::shared_ptr<const std::string> ballot_text;
  /// The ballot's request, to send again on another machine after a failover.
  std::optional<protocol::cast_ballot_request> ballot;
  /// Whether the connection was lost and the delegate went on on a (possibly other) machine.
  bool failed_over = false;
  crypto::digest32 tracking{};
  std::chrono::steady_clock::time_point sent_at;
  double latency_ms = -1;
  std::optional<protocol::receipt> receipt;
  /// Called with the receipt and the board entry its reply carried once it came (on the
  /// connection's strand), if set.
  std::function<void(const protocol::receipt&, const std::optional<protocol::board_event>&)>
      after_receipt;
};

/// Sends the request `encode(id)` on `c` and hands the reply's frame to `then`, or the error:
/// the transport's, or the refusal's plenum code.
void request(const std::shared_ptr<async_connection>& c,
             const std::function<std::string(std::uint64_t)>& encode,
             std::function<void(boost::system::error_code, const protocol::frame*)> then);

/// Enroll (with d.code), auth and check-in of `d` on a new connection of `f` to `sitting`;
/// counts connections and enrollments, errors in `errors`, and calls done(ok) once.
void set_up_delegate(fleet& f, delegate_sim& d, const std::string& sitting, error_tally& errors,
                     std::atomic<std::size_t>& connected, std::atomic<std::size_t>& enrolled,
                     std::function<void(bool)> done);

}  // namespace plenum::clients::loadgen
