// The handover certificate a standby machine keeps (server/STANDBY.md, crypto/SPEC.md §6): the
// congress key's signature over handover_digest(congress_id, congress_pk, standby_pk, from_seq),
// made on the primary while it is alive, for the standby to carry in its server_handover.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "plenum/crypto/sign.hpp"
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

/// Certifies `standby_pk` for the congress kept in `data_dir` (congress.key, events.db) from
/// the log's current length on. Errors: the key store's and the log's (a log that does not
/// verify, a log without congress_created: errc::broken_chain), and errc::broken_chain when
/// `standby_pk` is the congress key.
[[nodiscard]] storage::storage_result<standby_certificate> certify_standby(
    const std::filesystem::path& data_dir, const crypto::public_key& standby_pk);

/// The certificate as the standby's file holds it: one JSON object
/// `{"format":"plenum-standby-certificate/1","congress_id",…,"congress_pk","standby_pk",
/// "from_seq","certificate"}`.
[[nodiscard]] std::string certificate_text(const standby_certificate& c);

/// `plenumd certify-standby --data-dir D --standby-key HEX --out FILE`: `args` are the words
/// after "certify-standby". Writes the certificate, prints what it certifies or the error, and
/// returns the exit status (0 on success, 1 on failure, 2 on bad usage).
[[nodiscard]] int run_certify_standby_command(const std::vector<std::string>& args);

}  // namespace plenum::server
