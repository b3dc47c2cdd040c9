// standby-sync.json: what the standby machine's plenumd last saw of its sync, written every
// second for `plenumd promote` to weigh (server/STANDBY.md):
// {"format":"plenum-standby-sync/1","observed_unix_ms":…,"primary_last_seen_unix_ms":…|null,
//  "named_sync_when_last_seen":bool,"streaming":bool,"replayed_all":bool,"head_seq":N}
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

namespace plenum::server::app {

/// One observation.
struct standby_sync {
  std::uint64_t observed_unix_ms = 0;
  /// When the primary's PostgreSQL last answered over --primary-event-store; nullopt: never
  /// since start (or no --primary-event-store).
  std::optional<std::uint64_t> primary_last_seen_unix_ms;
  /// At that moment, whether the primary named this standby `sync` while streaming (and waited
  /// for a standby at all).
  bool named_sync_when_last_seen = false;
  /// This standby's WAL receiver streams from the primary now.
  bool streaming = false;
  /// Everything it received is replayed.
  bool replayed_all = false;
  /// The seq of the last event of the replicated log read and verified.
  std::uint64_t head_seq = 0;
};

/// Writes `s` to `path` atomically (a temporary file beside it, then rename). Throws
/// std::runtime_error when it cannot.
void write_standby_sync(const std::filesystem::path& path, const standby_sync& s);

}  // namespace plenum::server::app
