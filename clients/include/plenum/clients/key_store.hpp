// The device keys of the people a client acts for: one file per person in a directory, holding
// the Ed25519 secret key (hex), readable by the owner only. The secret never leaves the client.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <plenum/crypto/bytes.hpp>
#include <plenum/crypto/sign.hpp>
#include <plenum/protocol/error.hpp>

namespace plenum::clients {

/// A directory of key files: `<person>.key` (the device key), `<person>.congress` (the
/// congress key pinned at enrollment, hex) and `<person>.share` (a scrutineer's PIN-sealed
/// key share). Files are written atomically (a temporary file with
/// mode 0600, synced, then renamed) so a crash leaves the old or the new file, never half of
/// one. Thread-safe as far as the file system is (distinct persons never collide).
class key_store {
 public:
  /// Uses `dir`; creates it (mode 0700) on the first save.
  explicit key_store(std::filesystem::path dir);

  /// Whether `person` names a valid key file: 1 … 64 characters of A–Z, a–z, 0–9, '.', '_',
  /// '-', not starting with '.'. Persons are roster numbers; anything else is refused so that
  /// a name can never point outside the directory.
  [[nodiscard]] static bool valid_person(std::string_view person);

  /// The device key of `person`. Errors: std::errc::invalid_argument (bad name),
  /// std::errc::no_such_file_or_directory, errc::malformed_message (the file does not hold a
  /// valid key), or the I/O error.
  [[nodiscard]] result<crypto::secret_key> load(std::string_view person) const;

  /// Stores `key` as the device key of `person`, replacing any earlier one.
  /// Errors: std::errc::invalid_argument, or the I/O error.
  [[nodiscard]] result<void> save(std::string_view person, const crypto::secret_key& key) const;

  /// Whether `person` has a device key file.
  [[nodiscard]] bool contains(std::string_view person) const;

  /// The congress key `person`'s device learned when it enrolled: a later server must sign
  /// with the same key. Errors as for load.
  [[nodiscard]] result<crypto::public_key> load_congress_key(std::string_view person) const;
  /// Pins `congress_pk` for `person` (written at enrollment). Errors as for save.
  [[nodiscard]] result<void> save_congress_key(std::string_view person,
                                               const crypto::public_key& congress_pk) const;

  /// A scrutineer's sealed share (crypto::seal_share_with_pin output). Errors as for load.
  [[nodiscard]] result<crypto::byte_vector> load_share(std::string_view person) const;
  /// Stores a sealed share. Errors as for save.
  [[nodiscard]] result<void> save_share(std::string_view person, crypto::byte_span sealed) const;

  /// The directory.
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

 private:
  [[nodiscard]] result<std::string> read_file(const std::filesystem::path& p) const;
  [[nodiscard]] result<void> write_file(const std::filesystem::path& p,
                                        std::string_view text) const;

  std::filesystem::path dir_;
};

}  // namespace plenum::clients
