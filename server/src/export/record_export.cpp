#include "export/record_export.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <iostream>
#include <map>
#include <system_error>

#include "export/record_readme.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/codec_manifest.hpp"
#include "plenum/protocol/record.hpp"
#include "storage/congress_key_store.hpp"

namespace plenum::server::record_export {

namespace fs = std::filesystem;
namespace json = boost::json;

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

std::optional<json::object> parse_object(const std::string& text) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

const json::string* string_member(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? &it->value().get_string() : nullptr;
}

// results.csv from the vote_created manifests and the vote_decided counts.
std::string results_csv(std::span<const storage::stored_event> events, std::uint64_t& decided) {
  std::string csv = "vote_id,vote_title,contest_id,contest_title,option_id,option_label,count\n";
  std::map<std::string, crypto::manifest> manifests;
  for (const auto& e : events) {
    if (e.type != "vote_created" && e.type != "vote_decided") continue;
    auto p = parse_object(e.payload);
    if (!p) continue;
    const auto* vote_id = string_member(*p, "vote_id");
    if (vote_id == nullptr) continue;
    if (e.type == "vote_created") {
      auto it = p->find("manifest");
      if (it == p->end()) continue;
      auto m = protocol::decode_manifest(it->value());
      if (m) manifests.insert_or_assign(std::string(*vote_id), std::move(*m));
      continue;
    }
    auto m = manifests.find(std::string(*vote_id));
    auto counts = p->find("counts");
    if (m == manifests.end() || counts == p->end() || !counts->value().is_array()) continue;
    const auto& list = counts->value().get_array();
    ++decided;
    std::size_t position = 0;
    for (const auto& contest : m->second.contests) {
      for (const auto& option : contest.options) {
        std::string count = position < list.size() ? json::serialize(list[position]) : "";
        ++position;
        csv += csv_field(*vote_id) + "," + csv_field(m->second.title) + "," +
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
    if (e.type != "ballot_accepted") continue;
    auto p = parse_object(e.payload);
    const auto* tracking_hex = p ? string_member(*p, "tracking_code") : nullptr;
    auto tracking = tracking_hex ? crypto::from_hex_fixed<32>(*tracking_hex) : std::nullopt;
    if (!tracking) return errc::invalid_field;
    protocol::receipt r{*tracking, e.seq, e.entry_hash, {}};
    r.sig = congress_key.sign(crypto::receipt_digest(r.tracking_code, e.seq, e.entry_hash));
    receipts += protocol::receipt_line(r) + "\n";
    ++summary.receipts;
  }

  auto first = parse_object(events.front().payload);
  const auto* congress_id = first ? string_member(*first, "congress_id") : nullptr;
  const auto* name = first ? string_member(*first, "name") : nullptr;
  if (congress_id == nullptr || name == nullptr) return errc::invalid_field;
  const protocol::record_header header{std::string(*congress_id), std::string(*name),
                                       congress_key.public_part(), events.size(),
                                       events.back().entry_hash};
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
