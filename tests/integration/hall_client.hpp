// A test client of the hall: one WebSocket connection to plenumd that reads the hello, sends
// requests with increasing ids and waits for their replies, keeping the pushes it passes.
#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <plenum/clients/ws_client.hpp>

#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/messages.hpp"

namespace plenum::tests {

/// A reply: "ok" with its fields, or "error" with its code.
struct hall_reply {
  std::string type;
  boost::json::object fields;
  [[nodiscard]] bool ok() const { return type == "ok"; }
  /// The error code ("" for ok).
  [[nodiscard]] std::string code() const;
};

class hall_client {
 public:
  /// Connects to `target` ("/ws", "/ws/township/ID", "/ws/county") and reads the hello; throws
  /// std::runtime_error on failure.
  explicit hall_client(std::uint16_t port, std::string_view target = "/ws");

  /// Sends `{"v":1,"id":n,"type":type, …fields}` and returns the reply with id n.
  hall_reply call(const std::string& type, const boost::json::object& fields = {});
  /// Sends a raw text and returns the next reply frame.
  hall_reply call_raw(const std::string& text);
  /// auth with `key` over this connection's challenge.
  hall_reply auth(const crypto::secret_key& key);
  /// The next push of `type` (from those kept or newly received); nullopt on timeout.
  std::optional<boost::json::object> next_push(const std::string& type,
                                               std::chrono::milliseconds timeout);
  /// Whether the server closed the connection (a receive fails).
  bool closed_by_server(std::chrono::milliseconds timeout);

  [[nodiscard]] const protocol::hello& hello() const { return *hello_; }

 private:
  hall_reply wait_reply(std::optional<std::uint64_t> id);

  clients::ws_client ws_;
  std::optional<protocol::hello> hello_;
  std::uint64_t next_id_ = 1;
  std::vector<protocol::frame> pushes_;
};

// What the tests that drive a real plenumd share.

/// The whole file at `p` (empty when it cannot be read).
[[nodiscard]] std::string read_file(const std::filesystem::path& p);

/// The string member `key` of `o`, or "" when it is absent or not a string.
[[nodiscard]] std::string str(const boost::json::object& o, std::string_view key);

/// The secretary's one-time code from plenumd's `<data>/bootstrap-credentials.txt`.
[[nodiscard]] std::string secretary_code(const std::filesystem::path& data);

/// Enrolls `key` for `person` with the card's `code` as printed, signing the enrollment and the
/// possession digests as a tablet does.
hall_reply enroll(hall_client& c, const std::string& person, const std::string& code,
                  const crypto::secret_key& key);

}  // namespace plenum::tests
