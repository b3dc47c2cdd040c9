// session_gate: who is at the other end of each connection. Sends `hello` with a fresh nonce,
// verifies `auth`, counts refused auth and enroll attempts (per connection and per address),
// knows each session's roles (privileged or not) and hands its subscriptions to the
// broadcaster and its commands to the pipeline.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "domain/commands.hpp"
#include "net/ws_handler.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/messages.hpp"
#include "service/attempt_limiter.hpp"
#include "service/hall_config.hpp"

namespace plenum::server::service {

class broadcaster;
class command_pipeline;
struct session;

/// Thread safety: every member may be called from any thread; the calls for one connection
/// come serialized from the net layer. One mutex (mutex_) guards the sessions by connection
/// id; it is a leaf: held only to find, add or remove a session, never while calling the
/// pipeline or the broadcaster. The attempt limiter has its own mutex, taken alone.
class session_gate {
 public:
  /// `config`, `commands` and `pushes` must outlive the gate. `hello` names `congress_pk` (the
  /// congress key of the log) and `signing_pk` (the key that signs new entries and receipts:
  /// the congress key, or the certified standby key after a server_handover).
  session_gate(const hall_config& config, std::shared_ptr<const domain::clock> clock,
               crypto::public_key congress_pk, crypto::public_key signing_pk,
               command_pipeline& commands, broadcaster& pushes);
  session_gate(const session_gate&) = delete;
  session_gate& operator=(const session_gate&) = delete;

  /// A new connection: its session, and `hello` (serving, with the hall's addresses) with a
  /// fresh nonce.
  void open(const std::shared_ptr<net::connection>& conn);
  /// A closed connection: its session and its pushes end.
  void close(const std::shared_ptr<net::connection>& conn);
  /// The session of connection `conn_id`, or null once it closed.
  [[nodiscard]] std::shared_ptr<session> find(std::uint64_t conn_id) const;

  /// `auth`: checks the signature over the session's nonce and the device's enrollment; the
  /// reply names the person and roles. A refusal counts against the connection (closed after
  /// max_auth_attempts_) and the address.
  void auth(session& s, std::uint64_t id, const protocol::auth_request& r);
  /// `subscribe`: the broadcaster's pushes of `r.topics` to this connection, read as the
  /// session's roles may.
  void subscribe(session& s, std::uint64_t id, const protocol::subscribe_request& r);
  /// A command from the connection: as the authenticated person (unauthenticated otherwise),
  /// or an `enroll`, whose refusals count like auth's.
  void run_command(session& s, std::uint64_t id, domain::command cmd);

  /// The congress id, as recorded in event 0 (the configured one before it).
  [[nodiscard]] std::string congress_id() const;

 private:
  const hall_config& config_;
  std::shared_ptr<const domain::clock> clock_;
  crypto::public_key congress_pk_;
  crypto::public_key signing_pk_;
  command_pipeline& commands_;
  broadcaster& pushes_;
  /// Refused enroll and auth requests by address (its own mutex).
  attempt_limiter attempts_;

  mutable std::mutex mutex_;
  std::map<std::uint64_t, std::shared_ptr<session>> sessions_;
};

}  // namespace plenum::server::service
