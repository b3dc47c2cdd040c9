// The handover certificate a standby machine keeps (server/STANDBY.md, crypto/SPEC.md §6): the
// congress key's signature over handover_digest(congress_id, congress_pk, standby_pk, from_seq),
// made on the primary while it is alive, for the standby to carry in its server_handover.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "plenum/crypto/sign.hpp"
#include "storage/event_record.hpp"
#include "storage/storage_error.hpp"

namespace plenum::server {

/// What the standby keeps to take over.
struct standby_certificate {
  std::string congress_id;
  crypto::public_key congress_pk;
  crypto::public_key standby_pk;
  std::uint64_t from_seq = 0;  ///< the log's length when certified
  crypto::signature certificate;
};

/// Certifies `standby_pk` for the congress whose verified log is `events` (named `log_name` in
/// messages), signed with `congress_key`, from the log's current length on. Errors
/// (errc::broken_chain): a log without congress_created, a log that already holds a
/// server_handover (a chain takes one), `standby_pk` equal to the congress key.
[[nodiscard]] storage::storage_result<standby_certificate> certify_standby(
    const crypto::secret_key& congress_key, std::span<const storage::stored_event> events,
    const std::string& log_name, const crypto::public_key& standby_pk);

/// Certifies `standby_pk` for the congress kept in `data_dir` (congress.key, and events.db
/// unless `event_store` names the libpq connection string of the log in PostgreSQL, which is
/// then read without taking the writer's lock, so beside a running plenumd). Errors: those
/// above, the key store's and the log's (a log that does not verify: errc::broken_chain), and
/// errc::storage_failure when `data_dir` holds no events.db and no `event_store` is given, or
/// when the log is kept under another congress key than congress.key's.
[[nodiscard]] storage::storage_result<standby_certificate> certify_standby(
    const std::filesystem::path& data_dir, const std::string& event_store,
    const crypto::public_key& standby_pk);

/// The certificate as the standby's file holds it: one JSON object
/// `{"format":"plenum-standby-certificate/1","congress_id",…,"congress_pk","standby_pk",
/// "from_seq","certificate"}`.
[[nodiscard]] std::string certificate_text(const standby_certificate& c);

/// Reads a certificate written by certificate_text(). Errors: errc::invalid_field with what is
/// wrong (not JSON, another format, a field missing or malformed).
[[nodiscard]] storage::storage_result<standby_certificate> parse_certificate_text(
    std::string_view text);

/// `plenumd certify-standby --data-dir D [--event-store CONNINFO] --standby-key HEX --out FILE`:
/// `args` are the words after "certify-standby". Writes the certificate, prints what it certifies
/// or the error, and returns the exit status (0 on success, 1 on failure, 2 on bad usage).
[[nodiscard]] int run_certify_standby_command(const std::vector<std::string>& args);

}  // namespace plenum::server
