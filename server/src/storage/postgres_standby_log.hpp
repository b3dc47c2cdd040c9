// postgres_standby_log: the standby machine's view of the replicated event log (server/STANDBY.md).
// It reads the log from the standby's own PostgreSQL server, which is in recovery (read-only)
// and applies what the primary streams to it; it verifies everything it reads exactly as
// event_log::open does, and follows the chain as it grows, so that at takeover the state is
// already built. It also reports what the standby server says of its replication, which
// `plenumd promote` weighs before taking over.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "plenum/crypto/sign.hpp"
#include "storage/chain_check.hpp"
#include "storage/event_record.hpp"
#include "storage/storage_error.hpp"

namespace plenum::server::storage {

namespace pq {
class connection;
}  // namespace pq

/// What the standby server says of its replication.
struct replication_state {
  /// Still a standby (pg_is_in_recovery()).
  bool in_recovery = false;
  /// Its WAL receiver is streaming from the primary now.
  bool streaming = false;
  /// Everything received has been applied (receive LSN = replay LSN), so the tables show it.
  bool replayed_all = false;
  /// Someone paused the replay (pg_wal_replay_pause()): received records wait unapplied.
  bool replay_paused = false;
  /// The positions themselves, for the log ("0/3000148").
  std::string receive_lsn;
  std::string replay_lsn;
};

/// Thread safety: none; one thread reads and follows.
class postgres_standby_log {
 public:
  /// Connects with `conninfo` to a standby's database and reads and verifies the whole
  /// replicated log under `congress_key`. Errors: errc::storage_failure (cannot connect; the
  /// server is not a standby; no event log there yet), errc::broken_chain (as event_log::open).
  [[nodiscard]] static storage_result<std::unique_ptr<postgres_standby_log>> open(
      const std::string& conninfo, const crypto::public_key& congress_key);

  /// The same under the congress key the database records (for `plenumd promote`, which has no
  /// congress key of its own: congress_public_key() then tells which it is).
  [[nodiscard]] static storage_result<std::unique_ptr<postgres_standby_log>> open(
      const std::string& conninfo);

  ~postgres_standby_log();

  /// Reads the events the standby has applied since the last read and checks that they
  /// continue the chain; returns how many were added. Errors: errc::broken_chain (then none is
  /// added), errc::storage_failure.
  [[nodiscard]] storage_result<std::size_t> catch_up();

  /// Every event read so far, in seq order.
  [[nodiscard]] const std::vector<stored_event>& events() const { return events_; }
  [[nodiscard]] chain_head head() const { return head_; }
  /// The congress key the log verified under.
  [[nodiscard]] const crypto::public_key& congress_public_key() const { return key_; }
  /// Who signed the events read so far (the handover, when there is one).
  [[nodiscard]] const chain_signers& signers() const { return signers_; }

  /// What the standby server says of its replication now.
  [[nodiscard]] storage_result<replication_state> replication();

  /// Use open().
  postgres_standby_log(std::unique_ptr<pq::connection> db, std::string name,
                       const crypto::public_key& congress_key);

 private:
  std::unique_ptr<pq::connection> db_;
  std::string name_;
  crypto::public_key key_;
  std::vector<stored_event> events_;
  chain_head head_;
  chain_signers signers_;  ///< who signed the events read so far
};

}  // namespace plenum::server::storage
