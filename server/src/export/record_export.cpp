#include "export/record_export.hpp"

#include <array>
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
#ifdef PLENUM_WITH_POSTGRES
#include "storage/postgres_log_reader.hpp"
#endif

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

namespace {

// The key that signed the board at each seq: the congress key until a server_handover, the
// standby key it names from it on (the log was verified when it was read).
struct board_signer {
  crypto::public_key congress_pk;
  std::optional<crypto::public_key> standby_pk;
  std::uint64_t handover_seq = 0;

  [[nodiscard]] const crypto::public_key& of(std::uint64_t seq) const {
    return standby_pk && seq >= handover_seq ? *standby_pk : congress_pk;
  }
};

board_signer signer_of(std::span<const storage::stored_event> events,
                       const crypto::public_key& congress_pk) {
  board_signer s{congress_pk, std::nullopt, 0};
  for (const auto& e : events) {
    if (auto h = decoded_as<protocol::events::server_handover>(e)) {
      s.standby_pk = h->standby_pk;
      s.handover_seq = e.seq;
      break;
    }
  }
  return s;
}

const crypto::secret_key* key_for(std::span<const crypto::secret_key> keys,
                                  const crypto::public_key& pk) {
  for (const auto& k : keys)
    if (k.public_part() == pk) return &k;
  return nullptr;
}

// The receipt signature of the ballot `e` with tracking code `tracking`: made with the key that
// signed its seq, or the one kept with the log if it verifies under that key.
std::optional<crypto::signature> receipt_signature(const storage::stored_event& e,
                                                   const crypto::digest32& tracking,
                                                   const board_signer& signer,
                                                   std::span<const crypto::secret_key> keys,
                                                   const kept_receipts& kept) {
  const auto digest = crypto::receipt_digest(tracking, e.seq, e.entry_hash);
  const crypto::public_key& pk = signer.of(e.seq);
  if (const auto* key = key_for(keys, pk)) return key->sign(digest);
  auto it = kept.find(e.seq);
  if (it != kept.end() && pk.verify(digest, it->second)) return it->second;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> missing_receipt_key(std::span<const storage::stored_event> events,
                                               const crypto::public_key& congress_pk,
                                               std::span<const crypto::secret_key> receipt_keys,
                                               const kept_receipts& kept) {
  const board_signer signer = signer_of(events, congress_pk);
  for (const auto& e : events) {
    auto ballot = decoded_as<protocol::events::ballot_accepted>(e);
    if (!ballot) continue;
    if (receipt_signature(e, ballot->tracking_code, signer, receipt_keys, kept)) continue;
    const auto& pk = signer.of(e.seq);
    const bool congress = pk == congress_pk;
    return "the ballot at seq " + std::to_string(e.seq) + " was receipted by the " +
           (congress ? "congress key " : "standby key ") + pk.hex() + ", which is not here (" +
           (congress ? "congress.key" : "standby.key") +
           ") and whose receipt the log does not keep";
  }
  return std::nullopt;
}

result<export_summary> write_record(std::span<const storage::stored_event> events,
                                    const crypto::secret_key& congress_key,
                                    const fs::path& out_dir) {
  const std::array<crypto::secret_key, 1> keys{congress_key};
  return write_record(events, congress_key.public_part(), keys, out_dir);
}

result<export_summary> write_record(std::span<const storage::stored_event> events,
                                    const crypto::public_key& congress_pk,
                                    std::span<const crypto::secret_key> receipt_keys,
                                    const fs::path& out_dir, const kept_receipts& kept) {
  if (events.empty() || events.front().seq != 0 || events.front().type != "congress_created")
    return errc::invalid_field;
  if (missing_receipt_key(events, congress_pk, receipt_keys, kept)) return errc::invalid_field;
  const board_signer signer = signer_of(events, congress_pk);
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
    auto sig = receipt_signature(e, ballot->tracking_code, signer, receipt_keys, kept);
    if (!sig) return errc::invalid_field;
    r.sig = *sig;
    receipts += protocol::receipt_line(r) + "\n";
    ++summary.receipts;
  }

  auto first = decoded_as<protocol::events::congress_created>(events.front());
  if (!first) return errc::invalid_field;
  const protocol::record_header header{first->congress_id, first->name, congress_pk, events.size(),
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
  // Opening a missing file would make an empty log: a data directory whose log is kept in
  // PostgreSQL must not export as an empty record.
  if (!fs::exists(data_dir / "events.db")) return errc::storage_failure;
  storage::congress_key_store store(data_dir);
  auto key = store.load();
  if (!key) return key.error().code;
  auto log = storage::event_log::open(data_dir / "events.db", *key);
  if (!log) return log.error().code;
  const auto events = (*log)->snapshot();
  return write_record(events, *key, out_dir);
}

namespace {

// The keys of `data_dir` that can re-make receipts: congress.key and standby.key, those present.
storage::storage_result<std::vector<crypto::secret_key>> receipt_keys_in(const fs::path& data_dir) {
  std::vector<crypto::secret_key> keys;
  for (const char* file :
       {storage::congress_key_store::file_name, storage::congress_key_store::standby_file_name}) {
    const storage::congress_key_store store(data_dir, file);
    if (!fs::exists(store.key_path())) continue;
    auto key = store.load();
    if (!key) return key.error();
    keys.push_back(std::move(*key));
  }
  return keys;
}

// Exports the log kept in PostgreSQL at `conninfo`; an error message when it cannot.
std::optional<std::string> export_event_store(const std::string& conninfo, const fs::path& data_dir,
                                              const fs::path& out_dir, export_summary& summary) {
#ifdef PLENUM_WITH_POSTGRES
  auto log = storage::read_postgres_log(conninfo);
  if (!log) return log.error().message;
  if (log->events.empty()) {
    return log->name + " holds an empty event log: there is nothing to export";
  }
  auto keys = receipt_keys_in(data_dir);
  if (!keys) return keys.error().message;
  if (auto missing = missing_receipt_key(log->events, log->congress_pk, *keys, log->receipts)) {
    return *missing + " in " + data_dir.string() +
           ": the receipts must be re-made by the key that made them; export where that key is "
           "kept (--data-dir of that machine), or with a data directory holding both keys";
  }
  auto written = write_record(log->events, log->congress_pk, *keys, out_dir, log->receipts);
  if (!written) {
    if (written.error() == make_error_code(errc::invalid_field)) {
      return out_dir.string() + " is not an empty directory: give a new one";
    }
    return "cannot write " + out_dir.string() + ": " + written.error().message();
  }
  summary = *written;
  return std::nullopt;
#else
  (void)conninfo, (void)data_dir, (void)out_dir, (void)summary;
  return "this plenumd was built without PostgreSQL (PLENUM_WITH_POSTGRES)";
#endif
}

}  // namespace

int run_export_command(const std::vector<std::string>& args) {
  fs::path data_dir, out;
  std::string event_store;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--data-dir" && i + 1 < args.size()) {
      data_dir = args[++i];
    } else if (args[i] == "--event-store" && i + 1 < args.size()) {
      event_store = args[++i];
    } else if (args[i] == "--out" && i + 1 < args.size()) {
      out = args[++i];
    } else {
      data_dir.clear();
      break;
    }
  }
  if (data_dir.empty() || out.empty()) {
    std::cerr << "usage: plenumd export --data-dir DIR [--event-store CONNINFO] --out RECORD_DIR\n";
    return 2;
  }
  export_summary summary;
  if (!event_store.empty()) {
    if (auto failed = export_event_store(event_store, data_dir, out, summary)) {
      std::cerr << "export failed: " << *failed << "\n";
      return 1;
    }
  } else if (!fs::exists(data_dir / "events.db")) {
    std::cerr << "export failed: " << data_dir.string()
              << " holds no events.db, so there is no record to export from it; if this hall "
                 "keeps its log in PostgreSQL (plenumd --event-store), give the same "
                 "--event-store CONNINFO to export. Nothing was written.\n";
    return 1;
  } else {
    auto written = export_data_dir(data_dir, out);
    if (!written) {
      std::cerr << "export failed: " << written.error().message() << "\n";
      return 1;
    }
    summary = *written;
  }
  std::cout << "exported " << summary.events << " events, " << summary.receipts << " receipts, "
            << summary.decided_votes << " decided votes to " << out.string()
            << "\nverify with: plenum-verify " << out.string() << "\n";
  return 0;
}

}  // namespace plenum::server::record_export
