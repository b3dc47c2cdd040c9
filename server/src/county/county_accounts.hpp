// The county organisation department's accounts: who may read the townships' overview. Each
// account enrolls one device key with a one-time code that plenumd's operator issues at
// start-up (`--county-account`), exactly as a delegate enrolls with a card's code; the file
// keeps only a salted hash of the code (domain::code_hash over the county's id) and the
// enrolled device's public key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "plenum/crypto/random.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/error.hpp"
#include "storage/storage_error.hpp"

namespace plenum::server::county {

/// One account as the file keeps it.
struct county_account {
  std::string id;
  std::string name;
  std::string code_salt;  ///< hex; empty once enrolled
  std::string code_hash;  ///< hex; empty once enrolled
  std::string device_pk;  ///< hex; empty until enrolled
};

/// A code issued at start-up, to hand to the account's holder (never logged).
struct issued_code {
  std::string account;
  std::string name;
  std::string code;  ///< printable, with hyphens
};

/// The accounts of `<data>/county/accounts.json` (mode 0600, rewritten atomically on every
/// change). Thread safety: every member may be called from any thread (one internal mutex, a
/// leaf).
class county_accounts {
 public:
  /// Reads `file` (an absent file holds no accounts) for the county `county_id` (the id the
  /// codes and signatures are bound to). Errors: errc::storage_failure naming the file and what
  /// is wrong with it.
  [[nodiscard]] static storage::storage_result<std::unique_ptr<county_accounts>> open(
      std::filesystem::path file, std::string county_id);

  /// For each (id, name) of `wanted` that the file does not hold yet: a new account with a
  /// fresh code, stored hashed, written before it returns. Accounts already known (enrolled or
  /// waiting) get nothing. Errors: errc::invalid_field for an id that is not 1–32 letters,
  /// digits, '-' or '_'; errc::storage_failure when the file cannot be written.
  [[nodiscard]] result<std::vector<issued_code>> issue_missing(
      const std::vector<std::pair<std::string, std::string>>& wanted,
      crypto::random_source& random);

  /// A fresh code for each account of `ids` (a lost or replaced device): stored hashed, written
  /// before it returns; the device enrolled so far keeps working until the new code enrolls
  /// another, which then replaces it. Errors: errc::unknown_person for an id the file does not
  /// hold (nothing issued); errc::storage_failure when the file cannot be written.
  [[nodiscard]] result<std::vector<issued_code>> reissue(const std::vector<std::string>& ids,
                                                         crypto::random_source& random);

  /// Binds `device_pk` to `account` with its code as typed, if `sig` verifies over
  /// domain::enrollment_digest(county id, account, code, device_pk). The code is spent; a device
  /// enrolled before is replaced.
  /// Errors: unknown_person (no such account), bad_enrollment_code, enrollment_code_spent,
  /// device_key_in_use, bad_signature, storage_failure (nothing changed).
  [[nodiscard]] result<void> enroll(const std::string& account, const std::string& typed_code,
                                    const crypto::public_key& device_pk,
                                    const crypto::signature& sig);

  /// The account whose enrolled device is `device_pk`, if any.
  [[nodiscard]] std::optional<county_account> find_device(
      const crypto::public_key& device_pk) const;

  /// The county's id (what codes, enrollments and auth are bound to).
  [[nodiscard]] const std::string& county_id() const { return county_id_; }

  county_accounts(std::filesystem::path file, std::string county_id,
                  std::map<std::string, county_account> accounts);

 private:
  /// Writes every account to the file (temp file, fsync, rename, directory fsync).
  /// REQUIRES: mutex_ held.
  [[nodiscard]] result<void> save() const;

  const std::filesystem::path file_;
  const std::string county_id_;
  mutable std::mutex mutex_;
  std::map<std::string, county_account> accounts_;
};

}  // namespace plenum::server::county
