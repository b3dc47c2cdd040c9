// sqlite_log_store: the event log in one SQLite file on the local disk, the default store. The
// file runs in WAL mode with synchronous=FULL, so a write is durable when its COMMIT returned.
// Tables: meta (the congress public key), events (the chain), private_details.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>

#include "storage/log_store.hpp"

namespace plenum::server::storage {

namespace sql {
class connection;
class statement;
}  // namespace sql

class sqlite_log_store final : public log_store {
 public:
  /// Opens (or creates) the file at `path`; statements wait up to `busy_timeout` for another
  /// connection's lock. Errors: errc::storage_failure with SQLite's extended code.
  [[nodiscard]] static storage_result<std::unique_ptr<sqlite_log_store>> open(
      const std::filesystem::path& path, std::chrono::milliseconds busy_timeout);

  ~sqlite_log_store() override;

  [[nodiscard]] const std::string& name() const override { return name_; }
  [[nodiscard]] storage_result<void> prepare(const crypto::public_key& key) override;
  [[nodiscard]] storage_result<std::optional<std::vector<std::uint8_t>>> congress_public_key()
      override;
  [[nodiscard]] storage_result<void> read_events(
      const std::function<storage_result<void>(const event_row&)>& row) override;
  [[nodiscard]] storage_result<private_detail_map> read_private_details() override;
  [[nodiscard]] storage_result<void> write(std::span<const event_write> batch) override;

  /// Use open().
  sqlite_log_store(std::string name, std::unique_ptr<sql::connection> db);

 private:
  std::string name_;
  // The statements go before the connection.
  std::unique_ptr<sql::connection> db_;
  std::unique_ptr<sql::statement> insert_;
  std::unique_ptr<sql::statement> insert_details_;
};

}  // namespace plenum::server::storage
