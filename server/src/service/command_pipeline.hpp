// command_pipeline: the hall's write side. Every command runs decide → append to the event log
// → apply under one mutex; its reply leaves once its events are durable; a failed commit takes
// the state back to the last durable event before anyone hears of it.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/commands.hpp"
#include "domain/context.hpp"
#include "domain/state.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "service/hall_config.hpp"
#include "storage/event_log.hpp"

namespace plenum::server::service {

class broadcaster;

/// Thread safety: every member may be called from any thread. One mutex (mutex_) guards the
/// congress state and the entry hashes by seq; commands are serialized by it. Lock order: this
/// mutex first, then the broadcaster's (durable sends, refusals after a failed commit), then
/// the embargo's; the session gate's mutex is never held when calling in. Durable handlers run
/// on the log's writer thread and take mutex_ only after a failed commit.
class command_pipeline {
 public:
  /// Takes the replayed `state` of `log` (the broadcaster takes the durable events), signs
  /// receipts with `congress_key`, takes the time from `clock` and the rules' parameters from
  /// `settings`. `log`, `congress_key` and `pushes` must outlive the pipeline.
  command_pipeline(storage::event_log& log, const crypto::secret_key& congress_key,
                   std::shared_ptr<const domain::clock> clock, domain::settings settings,
                   domain::congress_state state, broadcaster& pushes);
  command_pipeline(const command_pipeline&) = delete;
  command_pipeline& operator=(const command_pipeline&) = delete;

  /// The receipts given before this machine signed the log (by the ballot's seq, as the
  /// PostgreSQL log keeps them): a ballot sent again is answered with the very receipt its
  /// delegate got, signed by the key that signed its seq. REQUIRES: before the first command.
  void keep_receipts(std::map<std::uint64_t, crypto::signature> kept) {
    kept_receipts_ = std::move(kept);
  }

  /// Runs `cmd` as the person behind `device_key` (looked up under the lock), else as
  /// `otherwise`: under the lock decide, append the events as one group and apply each;
  /// `done` gets the reply frame for request `id` once the last event is durable (an
  /// idempotent repeat: once the event it refers to is), or the refusal at once.
  void execute(std::uint64_t id, const domain::command& cmd,
               const std::optional<crypto::public_key>& device_key, const domain::actor& otherwise,
               reply_handler done);

  /// A cast_ballot or spoil_ballot with its cryptography checked now, outside the lock (the
  /// vote's basis is copied under it), so that ballots verify on every I/O thread at once; any
  /// other command unchanged.
  [[nodiscard]] domain::command with_ballot_checked(domain::command cmd) const;

  /// `read(state)` under the lock: the one way the read side looks at the congress.
  template <typename F>
  auto read(F&& read) const {
    std::lock_guard lock(mutex_);
    return read(static_cast<const domain::congress_state&>(state_));
  }

 private:
  struct applied_event {
    std::uint64_t seq = 0;
    protocol::congress_event body;
    /// A ballot_accepted's board entry as get_board serves it, for its receipt's reply.
    std::optional<protocol::board_event> entry;
  };

  /// From a failed event's durable handler (the writer thread): resync_locked under mutex_.
  void on_commit_failed();
  /// When a failed commit took the log back, takes the state, the entry hashes and the waiting
  /// replies back to the last durable event. REQUIRES: mutex_ held.
  void resync_locked();

  // Replies (command_replies.cpp). REQUIRES: mutex_ held.
  [[nodiscard]] std::string reply_for(std::uint64_t id, const domain::command& cmd,
                                      const domain::decision& d,
                                      const std::vector<applied_event>& applied) const;
  /// The cast_ballot reply: the receipt of the ballot with `tracking_code` at `seq`, with its
  /// board entry when given (none for a repeated cast).
  [[nodiscard]] std::string receipt_reply(std::uint64_t id, const crypto::digest32& tracking_code,
                                          std::uint64_t seq,
                                          const protocol::board_event* entry) const;
  /// The spoil_ballot reply: the challenged ballot's tracking code, what it encrypted and the
  /// seq of its ballot_spoiled event.
  [[nodiscard]] std::string spoil_reply(std::uint64_t id, const crypto::digest32& tracking_code,
                                        crypto::ballot_choices choices, std::uint64_t seq) const;

  class reply_slot;
  struct pending_event;

  storage::event_log& log_;
  const crypto::secret_key& congress_key_;
  std::shared_ptr<const domain::clock> clock_;
  domain::settings settings_;
  broadcaster& pushes_;

  mutable std::mutex mutex_;
  domain::congress_state state_;
  std::vector<crypto::digest32> entry_hashes_;                ///< by seq
  std::map<std::uint64_t, crypto::signature> kept_receipts_;  ///< keep_receipts

  /// The replies whose last event a commit made durable (or failed), sent by the log's batch
  /// handler after the commit's board pushes. Touched only on the log's writer thread.
  std::vector<std::pair<std::shared_ptr<reply_slot>, boost::system::error_code>> batch_replies_;
};

}  // namespace plenum::server::service
