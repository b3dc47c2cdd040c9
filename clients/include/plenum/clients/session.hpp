// A protocol session with plenumd: connects over TLS WebSocket, reads `hello`, enrolls and
// authenticates a device key, sends requests with increasing ids and waits for the matching
// reply; pushes that arrive meanwhile are queued (or handed to a callback). Reconnects and
// authenticates again on demand.
#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <plenum/clients/tls_options.hpp>
#include <plenum/clients/trust_error.hpp>
#include <plenum/clients/ws_client.hpp>
#include <plenum/crypto/sign.hpp>
#include <plenum/protocol/envelope.hpp>
#include <plenum/protocol/messages.hpp>
#include <plenum/protocol/messages_hall.hpp>
#include <plenum/protocol/replies.hpp>

namespace plenum::clients {

/// Where the server is and how to trust it.
struct server_address {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8443;
  tls_options tls;
  /// How long one request (or the connection) may take before it fails.
  std::chrono::milliseconds timeout{30000};
};

/// Parses "host:port" (a bare host gets port 8443). Errors: std::errc::invalid_argument.
[[nodiscard]] result<server_address> parse_server(std::string_view text);

/// Parses a hall address as `hello.servers` lists it ("https://host:port", "wss://host:port",
/// an optional trailing "/"; IPv6 hosts in brackets) into host and port, with `like`'s TLS
/// settings and timeout. Errors: std::errc::invalid_argument.
[[nodiscard]] result<server_address> parse_hall_address(std::string_view address,
                                                        const server_address& like);

/// The server's refusal of the last request: the error reply's fields.
struct server_error {
  std::string code;      ///< wire name ("vote_not_open")
  std::string category;  ///< canonical category
  std::string message;   ///< English text for people
  std::string field;     ///< the offending field's path, if named
};

/// The plenum::errc of a wire error name; errc::internal for a name this client does not know.
[[nodiscard]] boost::system::error_code error_from_name(std::string_view name);

/// An enrollment code as the device signs it: upper case, '-' and spaces removed, I and L
/// read as 1, O as 0 (DOMAIN-NOTES.md). No other check: the server judges the code.
[[nodiscard]] std::string canonical_enrollment_code(std::string_view typed);

/// One connection speaking for at most one person. Blocking; not thread-safe (one thread per
/// session). Movable.
class session {
 public:
  /// Called with every push (a frame without id) as it is read; when set, pushes are not
  /// queued.
  using push_handler = std::function<void(const protocol::frame&)>;

  /// Connects and reads `hello`. Errors: the transport's, or invalid_field for a bad hello.
  [[nodiscard]] static result<session> connect(const server_address& server);

  /// The server's hello of the current connection.
  [[nodiscard]] const protocol::hello& hello() const { return hello_; }

  /// Binds a fresh device key to `person` with their one-time `code` (sent as typed; signed
  /// in canonical form). Errors: the server's code (details in last_error()).
  [[nodiscard]] result<protocol::enroll_reply> enroll(std::string_view person,
                                                      std::string_view code,
                                                      const crypto::secret_key& device_key);

  /// Pins the congress key learned at enrollment: from now on authenticate() (and so
  /// reconnect()) refuses a server whose hello names another key, before signing anything.
  void pin_congress_key(const crypto::public_key& congress_pk) {
    pinned_congress_pk_ = congress_pk;
  }

  /// Authenticates with `device_key` (signs auth_digest) and remembers the key for
  /// reconnect(). Errors: trust_errc::congress_key_changed (the hello's congress key is not
  /// the pinned one; nothing is sent), the server's code.
  [[nodiscard]] result<protocol::auth_reply> authenticate(const crypto::secret_key& device_key);

  /// Sends a session request and returns the ok reply's fields. Errors: the server's code
  /// (last_error() has the reply), or the transport's.
  [[nodiscard]] result<boost::json::object> call(const protocol::request& r);
  /// Sends a hall command or query; as call().
  [[nodiscard]] result<boost::json::object> call(const protocol::hall_request& r);

  /// Closes the connection and connects again to the hall's serving machine (retrying with
  /// back-off until `within` passes): each round tries the machine it was on, then the others
  /// of hall_servers(); it stays with one whose hello names the same congress_id, the pinned
  /// congress key (if pinned) and `serving` not false, reads that hello and, if a key
  /// authenticated before, authenticates again. Nothing else is asked of the user.
  [[nodiscard]] result<void> reconnect(std::chrono::milliseconds within);

  /// The hall's machines this session knows: the one it connected to, those added, and those
  /// the hellos' `servers` named.
  [[nodiscard]] const std::vector<server_address>& hall_servers() const { return hall_; }
  /// Adds a machine of the hall (from the enrollment card or the command line), if new.
  void add_hall_server(const server_address& machine);
  /// The current hello's `serving`: false on a standby that does not serve yet; true when the
  /// hello does not say (a server without a standby).
  [[nodiscard]] bool serving() const { return serving_; }

  /// The next push: from the queue, else read from the connection for up to `timeout`. A
  /// timeout leaves the connection unusable (ws_client's rule): reconnect() afterwards.
  [[nodiscard]] result<protocol::frame> next_push(std::chrono::milliseconds timeout);
  /// Pushes received while waiting for replies and not yet taken.
  [[nodiscard]] std::deque<protocol::frame>& pushes() { return pushes_; }
  /// Hands pushes to `handler` instead of queueing them (an empty handler queues again).
  void on_push(push_handler handler) { on_push_ = std::move(handler); }

  /// The last error reply received.
  [[nodiscard]] const server_error& last_error() const { return last_error_; }
  /// The person authenticated, empty before.
  [[nodiscard]] const std::string& person() const { return person_; }
  /// The server clock's offset from ours (server − local, ms) when hello arrived.
  [[nodiscard]] std::int64_t clock_offset_ms() const { return clock_offset_ms_; }
  /// The server's clock now, estimated from hello.
  [[nodiscard]] std::uint64_t server_now_ms() const;

  /// Sends a close frame and waits briefly for the server's.
  void close();

 private:
  /// What a hello says besides protocol::hello: whether its machine serves, the hall's addresses.
  struct hall_view {
    bool serving = true;
    std::vector<std::string> servers;
  };
  session(server_address server, ws_client ws, protocol::hello hello, hall_view hall);
  [[nodiscard]] static result<protocol::hello> read_hello(ws_client& ws,
                                                          std::chrono::milliseconds timeout,
                                                          std::deque<protocol::frame>& pushes,
                                                          hall_view& hall);
  // Notes the hello's machines in hall_.
  void learn(const hall_view& hall);
  [[nodiscard]] result<boost::json::object> round_trip(std::uint64_t id, const std::string& text);

  server_address server_;
  std::optional<ws_client> ws_;
  protocol::hello hello_;
  std::uint64_t next_id_ = 1;
  std::deque<protocol::frame> pushes_;
  push_handler on_push_;
  server_error last_error_;
  std::optional<crypto::secret_key> device_key_;
  std::optional<crypto::public_key> pinned_congress_pk_;
  std::string person_;
  std::int64_t clock_offset_ms_ = 0;
  bool serving_ = true;
  std::vector<server_address> hall_;
};

}  // namespace plenum::clients
