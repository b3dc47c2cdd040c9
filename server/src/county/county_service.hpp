// county_service: the county organisation department's view of every township plenumd holds,
// on its own WebSocket path (`/ws/county`). It speaks the hall's handshake — `hello` with a
// fresh nonce, `enroll` with a code the operator issued, `auth` over the nonce — with the
// county's id in place of a congress's, and answers one query, `get_county_overview`, by
// reading each township's hall. It holds no route to any township's commands: every other
// request is refused and nothing is ever written to a township.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "county/county_accounts.hpp"
#include "domain/context.hpp"
#include "net/ws_handler.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/envelope.hpp"
#include "service/attempt_limiter.hpp"

namespace plenum::server::service {
class hall_service;
}

namespace plenum::server::county {

/// One township as the county reads it.
struct county_township {
  std::string id;                     ///< as in `--township ID` and `/ws/township/ID`
  const service::hall_service* hall;  ///< outlives the county service
};

/// Who the county is and how it guards its door.
struct county_config {
  std::string county_id = "county";
  std::string county_name = "County";
  /// Failed `auth` or `enroll` attempts after which a connection is closed.
  unsigned max_auth_attempts = 3;
  service::attempt_limits attempt_limits;
  /// The time of `hello` and `ping`; the system clock when null.
  std::shared_ptr<const domain::clock> clock;
};

/// Thread safety: every public member may be called from any thread; the sessions' map has
/// one mutex (a leaf, never held while reading a township); the accounts and the attempt
/// limiter have their own.
class county_service final : public net::ws_handler {
 public:
  /// `accounts` bound to config.county_id; `public_key` is the county's (sent in `hello`).
  county_service(county_config config, crypto::public_key public_key,
                 std::unique_ptr<county_accounts> accounts, std::vector<county_township> townships);

  void on_open(const std::shared_ptr<net::connection>& conn) override;
  void on_message(const std::shared_ptr<net::connection>& conn, std::string text) override;
  void on_close(const std::shared_ptr<net::connection>& conn) override;

  /// The overview the county reads (`get_county_overview`'s reply fields): {"county": {"id",
  /// "name"}, "townships": [{"township" (its id), …domain::township_overview, "today"}]} in the
  /// order the townships were given.
  [[nodiscard]] boost::json::object overview() const;

 private:
  struct session {
    std::shared_ptr<net::connection> conn;
    crypto::byte_array<32> server_nonce{};
    bool nonce_spent = false;
    std::optional<std::string> account;  ///< once authenticated
    unsigned failed_attempts = 0;
  };

  [[nodiscard]] std::shared_ptr<session> find(std::uint64_t conn_id) const;
  void handle(session& s, const protocol::frame& f);
  void auth(session& s, std::uint64_t id, const protocol::frame& f);
  void enroll(session& s, std::uint64_t id, const protocol::frame& f);
  /// A refused auth or enroll: counted against the address and the connection.
  void refuse_attempt(session& s, std::uint64_t id, boost::system::error_code ec);

  county_config config_;
  std::shared_ptr<const domain::clock> clock_;
  crypto::public_key public_key_;
  std::unique_ptr<county_accounts> accounts_;
  std::vector<county_township> townships_;
  service::attempt_limiter attempts_;

  mutable std::mutex mutex_;
  std::map<std::uint64_t, std::shared_ptr<session>> sessions_;
};

}  // namespace plenum::server::county
