// The files of an exported record (protocol/RECORD.md): congress.json, the lines of
// events.jsonl and of receipts.jsonl. Written by the server's exporter, read by plenum-verify.
// Parsing checks shape only (exact members, types, hex lengths, no duplicate keys, no trailing
// data); hashes, links and signatures are the verifier's to check, so that it can name what
// is broken. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/decode_error.hpp"

namespace plenum::protocol {

/// The record format (congress.json "format").
inline constexpr std::string_view record_format = "plenum-record/1";

/// Longest payload of a record line. Larger than the wire's max_payload_bytes: a roster or a
/// vote_opened of a few thousand delegates exceeds one frame but is still one board event.
inline constexpr std::size_t max_record_payload_bytes = 16 * 1024 * 1024;

/// File names inside a record directory.
inline constexpr std::string_view record_header_file = "congress.json";
inline constexpr std::string_view record_events_file = "events.jsonl";
inline constexpr std::string_view record_receipts_file = "receipts.jsonl";
inline constexpr std::string_view record_readme_file = "README.md";
inline constexpr std::string_view record_results_file = "results.csv";

/// congress.json: what the export claims about the board. Nothing of it is trusted by the
/// verifier: the id and name are checked against event 0, the head against the last event,
/// and the key is the one every server signature must verify under (pin it independently).
struct record_header {
  std::string congress_id;
  std::string name;
  crypto::public_key congress_pk;
  /// Number of events exported; the head's seq is events - 1.
  std::uint64_t events = 0;
  /// entry_hash of the last event (32 zero bytes for an empty board).
  crypto::digest32 head_hash{};
  friend bool operator==(const record_header&, const record_header&) = default;
};

/// The text of congress.json (one JSON object, members in a fixed order, newline-terminated).
[[nodiscard]] std::string record_header_text(const record_header& h);
/// Parses congress.json. Errors: malformed_message (bad JSON), invalid_field (a missing,
/// unknown or mistyped member, or a "format" other than record_format).
[[nodiscard]] decoded<record_header> parse_record_header(std::string_view text);

/// One events.jsonl line (without the newline): encode_board_event as compact JSON.
[[nodiscard]] std::string event_line(const board_event& e);
/// Parses one events.jsonl line. Unlike decode_board_event it does not check entry_hash.
/// Errors: malformed_message, invalid_field.
[[nodiscard]] decoded<board_event> parse_event_line(std::string_view line);

/// One receipts.jsonl line (without the newline).
[[nodiscard]] std::string receipt_line(const receipt& r);
/// Parses one receipts.jsonl line. Errors: malformed_message, invalid_field.
[[nodiscard]] decoded<receipt> parse_receipt_line(std::string_view line);

}  // namespace plenum::protocol
