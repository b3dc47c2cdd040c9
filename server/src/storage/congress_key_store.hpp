// Where a machine's signing key lives: the congress key in `<data>/congress.key` (machine A), a
// standby machine's own key in `<data>/standby.key` (server/STANDBY.md). Each is 64 bytes
// (Ed25519 seed ‖ public key), mode 0600, outside the database so that a copy of the event log
// never carries it.
#pragma once

#include <filesystem>
#include <string>

#include "plenum/crypto/random.hpp"
#include "plenum/crypto/sign.hpp"
#include "storage/storage_error.hpp"

namespace plenum::server::storage {

/// Loads or creates a secret key file in a data directory: the congress key by default. Holds only
/// the path; each call touches the file system afresh. Thread-compatible (no shared state); two
/// processes creating the key at once end up with the same one (the loser of the race loads the
/// winner's key).
class congress_key_store {
 public:
  /// The congress key's file name inside the data directory.
  static constexpr const char* file_name = "congress.key";
  /// A standby machine's own key (`plenumd standby-key`), certified by the congress key.
  static constexpr const char* standby_file_name = "standby.key";

  /// A store for the key file `key_file` (a plain file name) in `data_dir` (created, mode 0700,
  /// when the key is first written).
  explicit congress_key_store(std::filesystem::path data_dir, std::string key_file = file_name);

  /// The key file's path.
  [[nodiscard]] std::filesystem::path key_path() const { return data_dir_ / key_file_; }

  /// Loads the key if the file exists; otherwise makes one from `source` and writes it
  /// atomically (a 0600 temp file, written and fsync'd, then linked into place without ever
  /// replacing an existing file, then the directory fsync'd). Buffers holding the key are wiped.
  /// Errors (errc::storage_failure, with the path and the system's reason): the file is not a
  /// regular file, is readable or writable by group or others, is not exactly 64 bytes, is not
  /// a consistent key, or cannot be read or written.
  [[nodiscard]] storage_result<crypto::secret_key> load_or_create(
      crypto::random_source& source = crypto::system_random()) const;

  /// Loads the key; errors as load_or_create, and also when the file does not exist.
  [[nodiscard]] storage_result<crypto::secret_key> load() const;

 private:
  std::filesystem::path data_dir_;
  std::string key_file_;
};

}  // namespace plenum::server::storage
