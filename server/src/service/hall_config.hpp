// hall_config: what a hall service opens and how it behaves; reply_handler: how a command's
// reply comes back.
#pragma once

#include <boost/system/error_code.hpp>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/context.hpp"
#include "plenum/crypto/sign.hpp"
#include "service/attempt_limiter.hpp"
#include "service/state_push_pace.hpp"
#include "storage/log_store.hpp"

namespace plenum::server::service {

/// What a hall service opens and how it behaves.
struct hall_config {
  /// Holds congress.key and events.db (created when missing).
  std::filesystem::path data_dir;
  /// Loads the key that signs the log's new entries and receipts; when empty, the congress key
  /// <data_dir>/congress.key (created when missing). The standby machine after `plenumd
  /// promote` loads its standby.key here.
  std::function<storage::storage_result<crypto::secret_key>()> signing_key;
  /// Opens the store the event log is kept in (e.g. PostgreSQL, server/STANDBY.md); when empty,
  /// the log is the SQLite file <data_dir>/events.db.
  std::function<storage::storage_result<std::unique_ptr<storage::log_store>>()> event_store;
  /// Event 0 of an empty log: create_congress with these.
  std::string congress_id = "congress";
  std::string congress_name = "Congress";
  std::string term_start = "2026-01-01";
  std::string term_end = "2030-12-31";
  /// The time of commands (unix ms); the system clock when null.
  std::shared_ptr<const domain::clock> clock;
  /// The domain's parameters (check-in clock window).
  domain::settings settings;
  /// How often `state` is pushed (broadcaster::start).
  state_push_pace push_pace;
  /// Failed `auth` (and failed `enroll`) attempts after which a connection is closed.
  unsigned max_auth_attempts = 3;
  /// Refused enroll and auth requests per address before `rate_limited`.
  service::attempt_limits attempt_limits;
  /// plenum-sheet, which renders the result sheets of `prepare_download` (downloads::
  /// find_sheet_tool); nullopt: sheets answer sheet_tool_missing.
  std::optional<std::filesystem::path> sheet_tool;
  /// The longest a sheet may take to render before it fails.
  std::chrono::milliseconds sheet_time_limit{60'000};
  /// The hall's addresses (plenumd's --hall-server), named in `hello.servers`.
  std::vector<std::string> hall_servers;
  /// This machine's address among them (the public view's `hall.serving`); empty when unknown.
  std::string serving_address;
  /// The receipts the log kept from before this machine signed it (a promoted standby: by the
  /// ballot's seq), answered when such a ballot is sent again (command_pipeline::keep_receipts).
  std::map<std::uint64_t, crypto::signature> kept_receipts;
};

/// The completion of a command run through `execute`: the full reply frame for request `id`
/// (ok with the command's result, or the error), sent only once the command's events are
/// durable; `ec` is empty for an ok reply and the refusal's code otherwise. Called exactly once,
/// from the calling thread (refusals, queries) or the log's writer thread.
using reply_handler = std::function<void(boost::system::error_code ec, std::string frame)>;

}  // namespace plenum::server::service
