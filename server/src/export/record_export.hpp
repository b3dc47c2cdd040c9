// The exporter of a congress's record (protocol/RECORD.md): every board event exactly as
// stored, the receipt of every accepted ballot, congress.json with the head, a README for the
// reader and results.csv as a convenience. The independent verifier (plenum-verify) checks
// such a directory using nothing but what is in it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/error.hpp"
#include "storage/event_log.hpp"

namespace plenum::server::record_export {

/// Receipt signatures kept with the log, by the ballot's seq.
using kept_receipts = std::map<std::uint64_t, crypto::signature>;

/// What an export wrote.
struct export_summary {
  std::filesystem::path dir;
  std::uint64_t events = 0;
  std::uint64_t receipts = 0;
  std::uint64_t decided_votes = 0;
};

/// Writes the record of `events` (a whole log from seq 0, e.g. event_log::snapshot() after a
/// flush) into `out_dir`, which must not exist or be an empty directory. The header names
/// `congress_pk` (the congress key the log records). Each ballot's receipt is re-made with the
/// key that signed the board at the ballot's seq — the congress key before a server_handover,
/// the certified standby key from it on — taken from `receipt_keys` (Ed25519 is deterministic,
/// so each is the very receipt the delegate got), or, when that key is not among them, taken
/// from `kept_receipts` (by seq, as a log in PostgreSQL keeps them) if it verifies under that
/// key. Each file is written to a temporary name and renamed into place.
/// Errors: errc::invalid_field when `out_dir` is a non-empty directory or a file, `events`
/// does not start at seq 0 or holds no congress_created event 0, or a ballot's signer is not
/// among `receipt_keys` (missing_receipt_key() says which); errc::storage_failure when a file
/// cannot be written. Thread-compatible (touches only `out_dir`).
[[nodiscard]] result<export_summary> write_record(std::span<const storage::stored_event> events,
                                                  const crypto::public_key& congress_pk,
                                                  std::span<const crypto::secret_key> receipt_keys,
                                                  const std::filesystem::path& out_dir,
                                                  const kept_receipts& kept = {});

/// The same for a log signed by `congress_key` alone (no server_handover).
[[nodiscard]] result<export_summary> write_record(std::span<const storage::stored_event> events,
                                                  const crypto::secret_key& congress_key,
                                                  const std::filesystem::path& out_dir);

/// Why write_record cannot give every receipt of `events` with `receipt_keys` and `kept`
/// ("the ballot at seq 12 was receipted by key …, which is not here"); nullopt when it can.
[[nodiscard]] std::optional<std::string> missing_receipt_key(
    std::span<const storage::stored_event> events, const crypto::public_key& congress_pk,
    std::span<const crypto::secret_key> receipt_keys, const kept_receipts& kept = {});

/// Opens `<data_dir>/congress.key` and `<data_dir>/events.db` (which event_log::open verifies
/// in full) and writes the record into `out_dir`. Errors: those of write_record, and
/// errc::storage_failure or errc::broken_chain when the data directory cannot be opened.
/// Safe to run beside a running server (SQLite WAL readers do not block the writer).
[[nodiscard]] result<export_summary> export_data_dir(const std::filesystem::path& data_dir,
                                                     const std::filesystem::path& out_dir);

/// `plenumd export --data-dir D [--event-store CONNINFO] --out DIR`: `args` are the words after
/// "export". With --event-store the log is read from PostgreSQL (without the writer's lock, so
/// beside a running plenumd, on the primary or on a promoted standby) and the receipts are
/// re-made with the keys `D` holds (congress.key, standby.key); without it from `D/events.db`,
/// and a data directory without events.db is refused rather than exported empty. Prints a
/// summary or the error and returns the process exit status (0 on success, 1 on failure, 2 on
/// bad usage).
[[nodiscard]] int run_export_command(const std::vector<std::string>& args);

}  // namespace plenum::server::record_export
