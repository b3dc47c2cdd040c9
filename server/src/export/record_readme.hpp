// The README.md placed inside an exported record: what the record is, how to verify it and
// what each file holds.
#pragma once

#include <cstdint>
#include <string>

namespace plenum::server::record_export {

/// The facts the README states about one record.
struct readme_facts {
  std::string congress_id;
  std::string congress_name;
  std::string congress_pk_hex;
  std::uint64_t events = 0;
  std::string head_hash_hex;
  std::uint64_t receipts = 0;
  std::uint64_t decided_votes = 0;
};

/// The text of README.md for `facts`. Pure.
[[nodiscard]] std::string readme_text(const readme_facts& facts);

}  // namespace plenum::server::record_export
