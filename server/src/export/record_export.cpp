#include "export/record_export.hpp"

#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <system_error>
#include <variant>

#include "export/record_readme.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/events.hpp"
#include "plenum/protocol/record.hpp"
#include "storage/congress_key_store.hpp"

namespace plenum::server::record_export {

namespace fs = std::filesystem;

namespace {

bool write_file(const fs::path& dir, std::string_view name, const std::string& text) {
  const fs::path target = dir / name;
  fs::path tmp = target;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) return false;
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  return !ec;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The event `e` decoded, when it is of type T and decodes.
template <typename T>
std::optional<T> decoded_as(const storage::stored_event& e) {
  if (e.type != T::type) return std::nullopt;
  auto decoded = protocol::decode_event_payload(e.type, e.payload);
  if (!decoded) return std::nullopt;
  return std::get<T>(std::move(*decoded));
}

// results.csv from the vote_created manifests and the vote_decided counts.
std::string results_csv(std::span<const storage::stored_event> events, std::uint64_t& decided) {
  std::string csv = "vote_id,vote_title,contest_id,contest_title,option_id,option_label,count\n";
  std::map<std::string, crypto::manifest> manifests;
  for (const auto& e : events) {
    if (auto created = decoded_as<protocol::events::vote_created>(e)) {
      manifests.insert_or_assign(created->vote_id, std::move(created->manifest));
      continue;
    }
    auto result = decoded_as<protocol::events::vote_decided>(e);
    if (!result) continue;
    auto m = manifests.find(result->vote_id);
    if (m == manifests.end()) continue;
    const auto& counts = result->counts;
    ++decided;
    std::size_t position = 0;
    for (const auto& contest : m->second.contests) {
      for (const auto& option : contest.options) {
        std::string count = position < counts.size() ? std::to_string(counts[position]) : "";
        ++position;
        csv += csv_field(result->vote_id) + "," + csv_field(m->second.title) + "," +
               csv_field(contest.contest_id) + "," + csv_field(contest.title) + "," +
               csv_field(option.option_id) + "," + csv_field(option.label) + "," + count + "\n";
      }
    }
  }
  return csv;
}

}  // namespace

result<export_summary> write_record(std::span<const storage::stored_event> events,
                                    const crypto::secret_key& congress_key,
                                    const fs::path& out_dir) {
  if (events.empty() || events.front().seq != 0 || events.front().type != "congress_created")
    return errc::invalid_field;
  std::error_code ec;
  if (fs::exists(out_dir, ec)) {
    if (!fs::is_directory(out_dir, ec) || !fs::is_empty(out_dir, ec)) return errc::invalid_field;
  } else if (!fs::create_directories(out_dir, ec) || ec) {
    return errc::storage_failure;
  }

  export_summary summary;
  summary.dir = out_dir;
  std::string lines;
  std::string receipts;
  for (const auto& e : events) {
    protocol::board_event be{e.seq, e.prev_hash, e.type, e.payload, e.entry_hash, e.signature};
    lines += protocol::event_line(be) + "\n";
    ++summary.events;
    if (e.type != protocol::events::ballot_accepted::type) continue;
    auto ballot = decoded_as<protocol::events::ballot_accepted>(e);
    if (!ballot) return errc::invalid_field;
    protocol::receipt r{ballot->tracking_code, e.seq, e.entry_hash, {}};
    r.sig = congress_key.sign(crypto::receipt_digest(r.tracking_code, e.seq, e.entry_hash));
    receipts += protocol::receipt_line(r) + "\n";
    ++summary.receipts;
  }

  auto first = decoded_as<protocol::events::congress_created>(events.front());
  if (!first) return errc::invalid_field;
  const protocol::record_header header{first->congress_id, first->name, congress_key.public_part(),
                                       events.size(), events.back().entry_hash};
  const std::string csv = results_csv(events, summary.decided_votes);
  const readme_facts facts{header.congress_id,
                           header.name,
                           header.congress_pk.hex(),
                           header.events,
                           crypto::to_hex(header.head_hash),
                           summary.receipts,
                           summary.decided_votes};
  if (!write_file(out_dir, protocol::record_events_file, lines) ||
      !write_file(out_dir, protocol::record_receipts_file, receipts) ||
      !write_file(out_dir, protocol::record_results_file, csv) ||
      !write_file(out_dir, protocol::record_readme_file, readme_text(facts)) ||
      !write_file(out_dir, protocol::record_header_file, protocol::record_header_text(header)))
    return errc::storage_failure;
  return summary;
}

result<export_summary> export_data_dir(const fs::path& data_dir, const fs::path& out_dir) {
  storage::congress_key_store store(data_dir);
  auto key = store.load();
  if (!key) return key.error().code;
  auto log = storage::event_log::open(data_dir / "events.db", *key);
  if (!log) return log.error().code;
  const auto events = (*log)->snapshot();
  return write_record(events, *key, out_dir);
}

int run_export_command(const std::vector<std::string>& args) {
  fs::path data_dir, out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--data-dir" && i + 1 < args.size()) {
      data_dir = args[++i];
    } else if (args[i] == "--out" && i + 1 < args.size()) {
      out = args[++i];
    } else {
      data_dir.clear();
      break;
    }
  }
  if (data_dir.empty() || out.empty()) {
    std::cerr << "usage: plenumd export --data-dir DIR --out RECORD_DIR\n";
    return 2;
  }
  auto summary = export_data_dir(data_dir, out);
  if (!summary) {
    std::cerr << "export failed: " << summary.error().message() << "\n";
    return 1;
  }
  std::cout << "exported " << summary->events << " events, " << summary->receipts << " receipts, "
            << summary->decided_votes << " decided votes to " << out.string()
            << "\nverify with: plenum-verify " << out.string() << "\n";
  return 0;
}

}  // namespace plenum::server::record_export
