// Reading an exported record directory (protocol/RECORD.md) for the independent verifier.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/decode_error.hpp"
#include "plenum/protocol/record.hpp"

namespace plenum::clients::verify {

/// A whole record as read from disk. A plain value.
struct record {
  protocol::record_header header;
  /// Every line of events.jsonl, in file order (seq order unless someone tampered with it).
  std::vector<protocol::board_event> events;
  /// Every line of receipts.jsonl, in file order.
  std::vector<protocol::receipt> receipts;
};

/// Reads congress.json, events.jsonl and receipts.jsonl from `dir` (the derived files are not
/// read). Strict: every line must parse (protocol::parse_event_line and friends); the error's
/// field names the file and line, e.g. `events.jsonl:12: payload`. Hashes and signatures are
/// not checked here. Errors: errc::malformed_message (a file that cannot be read, bad JSON),
/// errc::invalid_field. Thread-safe (reads only).
[[nodiscard]] protocol::decoded<record> load_record(const std::filesystem::path& dir);

/// The same parse from the three files' texts already in memory (congress.json, events.jsonl,
/// receipts.jsonl), with the same checks and errors as load_record except unreadable files.
/// Pure; thread-safe.
[[nodiscard]] protocol::decoded<record> parse_record(std::string_view header_text,
                                                     std::string_view events_text,
                                                     std::string_view receipts_text);

}  // namespace plenum::clients::verify
