#include "app/promote_command.hpp"

#include <boost/json/parse.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>

#include "app/synchronous_standby.hpp"
#include "export/standby_certificate.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"
#include "storage/congress_key_store.hpp"
#include "storage/event_log.hpp"
#include "storage/postgres_log_reader.hpp"
#include "storage/postgres_log_store.hpp"
#include "storage/postgres_standby_log.hpp"
#include "storage/pq.hpp"

namespace plenum::server::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* nothing_changed = " Nothing was changed.";

std::int64_t now_unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// What standby-sync.json says; an error message when it cannot be read.
struct sync_report {
  std::int64_t observed_unix_ms = 0;
  bool named_sync_when_last_seen = false;
};

std::optional<std::string> read_sync_report(const fs::path& path, sync_report& out) {
  const auto text = read_text(path);
  if (!text) {
    return path.string() +
           " is missing: start plenumd --standby on this machine first (it watches the "
           "replication and writes this file every second), then promote.";
  }
  boost::system::error_code ec;
  const auto v = boost::json::parse(*text, ec);
  const auto* o = !ec && v.is_object() ? &v.as_object() : nullptr;
  const auto* format = o != nullptr ? o->if_contains("format") : nullptr;
  const auto* observed = o != nullptr ? o->if_contains("observed_unix_ms") : nullptr;
  const auto* named = o != nullptr ? o->if_contains("named_sync_when_last_seen") : nullptr;
  if (format == nullptr || !format->is_string() || format->as_string() != "plenum-standby-sync/1" ||
      observed == nullptr || !observed->is_number() || named == nullptr || !named->is_bool()) {
    return path.string() +
           " is not a plenum-standby-sync/1 file: restart plenumd --standby so that it "
           "writes it again, then promote.";
  }
  out.observed_unix_ms = observed->to_number<std::int64_t>();
  out.named_sync_when_last_seen = named->as_bool();
  return std::nullopt;
}

// A conninfo that gives up connecting after a few seconds (a machine that is off may not
// answer at all). Key-value strings only; a URI is used as given.
std::string with_short_timeout(const std::string& conninfo) {
  if (conninfo.rfind("postgres", 0) == 0) return conninfo;
  return conninfo + " connect_timeout=3";
}

promote_outcome refused(std::string why) { return {std::nullopt, std::move(why), false}; }

promote_outcome failed_after_promotion(std::string why) {
  return {std::nullopt,
          std::move(why) +
              " This machine's PostgreSQL has left recovery: once the cause is mended, run "
              "plenumd promote --finish with the same options to append the handover (this "
              "machine serves only after it).",
          true};
}

// Why `certificate` cannot carry this machine's key into the log verified as `congress_pk`,
// `signers` and `length` events; nullopt when it can. The message says what to do.
std::optional<std::string> certificate_problem(const standby_certificate& certificate,
                                               const crypto::public_key& congress_pk,
                                               const server::storage::chain_signers& signers,
                                               std::uint64_t length,
                                               const crypto::public_key& standby_pk,
                                               const fs::path& key_path) {
  const std::string redo =
      " Make a new certificate on this congress's primary (plenumd certify-standby "
      "--standby-key " +
      standby_pk.hex() + ") while it runs.";
  if (signers.standby_key) {
    return "the log already holds a server_handover, at seq " +
           std::to_string(signers.handover_seq) + ", to standby key " + signers.standby_key->hex() +
           "; a log takes one: there is nothing to take over.";
  }
  if (certificate.congress_pk != congress_pk) {
    return "the certificate is for congress key " + certificate.congress_pk.hex() +
           ", but this log is kept under congress key " + congress_pk.hex() + "." + redo;
  }
  if (certificate.congress_id != signers.congress_id) {
    return "the certificate is for congress " + certificate.congress_id +
           ", but this log is congress " + signers.congress_id + "." + redo;
  }
  if (certificate.standby_pk != standby_pk) {
    return "the certificate names standby key " + certificate.standby_pk.hex() +
           ", but this machine's key (" + key_path.string() + ") is " + standby_pk.hex() + "." +
           redo;
  }
  if (certificate.from_seq > length) {
    return "the certificate holds from seq " + std::to_string(certificate.from_seq) +
           ", but this machine's log has only " + std::to_string(length) +
           " events: it lacks events the primary had when it certified this machine. Bring "
           "machine A back and let this standby catch up.";
  }
  const auto digest = crypto::handover_digest(certificate.congress_id, certificate.congress_pk,
                                              certificate.standby_pk, certificate.from_seq);
  if (!congress_pk.verify(digest, certificate.certificate)) {
    return "the certificate's signature is not the congress key's." + redo;
  }
  return std::nullopt;
}

// The last steps on a promoted server: its commits stop waiting for a standby, and the
// handover is appended with this machine's key.
promote_outcome hand_over(storage::pq::connection& db, const promote_options& options,
                          const crypto::secret_key& standby_key,
                          const standby_certificate& certificate, std::ostream& progress) {
  namespace storage = server::storage;
  // Commits must not wait for a standby this machine does not have (yet).
  if (auto alone = stop_waiting_for_a_standby(db, options.event_store); !alone) {
    return failed_after_promotion(
        "promoted, but its commits would wait for a standby: " + alone.error().message +
        ". Clear it by hand (ALTER SYSTEM SET synchronous_standby_names = ''; then SELECT "
        "pg_reload_conf()), then run plenumd promote --finish.");
  }
  progress << "synchronous_standby_names cleared: commits do not wait for a standby\n";
  auto store = storage::postgres_log_store::connect({options.event_store});
  if (!store) {
    return failed_after_promotion(
        "promoted, but the event log cannot be opened for writing: " + store.error().message + ".");
  }
  const protocol::events::server_handover handover{standby_key.public_part(), certificate.from_seq,
                                                   certificate.certificate, options.reason,
                                                   static_cast<std::uint64_t>(now_unix_ms())};
  storage::event_log_options log_options;
  log_options.log_error = [&progress](std::string_view line) { progress << line << "\n"; };
  auto written = storage::event_log::open_with_handover(std::move(*store), standby_key, handover,
                                                        std::move(log_options));
  if (!written) {
    return failed_after_promotion("promoted, but the server_handover could not be appended: " +
                                  written.error().message + ".");
  }
  return {(*written)->signers().handover_seq, {}, false};
}

}  // namespace

promote_outcome promote_standby(const promote_options& options, std::ostream& progress) {
  namespace storage = server::storage;
  const fs::path& dir = options.data_dir;

  // This machine's key and its certificate: local files, checked first.
  const storage::congress_key_store key_store(dir, storage::congress_key_store::standby_file_name);
  if (!fs::exists(key_store.key_path())) {
    return refused(key_store.key_path().string() +
                   " is missing: this machine has no standby key, so no certificate can name "
                   "it. Make it with `plenumd standby-key --data-dir " +
                   dir.string() +
                   "` and have the primary certify it (plenumd certify-standby) while it runs." +
                   nothing_changed);
  }
  auto standby_key = key_store.load();
  if (!standby_key) return refused(standby_key.error().message + "." + nothing_changed);
  const crypto::public_key standby_pk = standby_key->public_part();
  const fs::path certificate_path = dir / standby_certificate_file;
  const auto certificate_text = read_text(certificate_path);
  if (!certificate_text) {
    return refused(certificate_path.string() +
                   " is missing: make it on the primary with `plenumd certify-standby "
                   "--standby-key " +
                   standby_pk.hex() + "` and copy it here." + nothing_changed);
  }
  auto certificate = parse_certificate_text(*certificate_text);
  if (!certificate) {
    return refused(certificate_path.string() + ": " + certificate.error().message +
                   ": make it again on the primary (plenumd certify-standby)." + nothing_changed);
  }

  // This machine's PostgreSQL must still be a standby.
  auto db = storage::pq::connection::open(options.event_store);
  if (!db) {
    return refused("cannot reach this machine's PostgreSQL (--event-store): " + db.error().message +
                   ". Start it, then promote." + nothing_changed);
  }
  auto recovery = db->exec("SELECT pg_is_in_recovery()");
  if (!recovery) return refused(recovery.error().message + nothing_changed);
  const bool in_recovery = recovery->text(0, 0) == "t";
  // A must be off: two machines taking writes would fork the log.
  auto primary_answers = [&]() -> std::optional<std::string> {
    if (!options.primary_event_store) return std::nullopt;
    auto primary = storage::pq::connection::open(with_short_timeout(*options.primary_event_store));
    if (!primary || !primary->exec("SELECT 1")) return std::nullopt;
    return "machine A's PostgreSQL still answers at " + primary->address() +
           " (--primary-event-store): turn machine A off (or unplug it) first; two machines "
           "taking writes would fork the congress's log.";
  };

  if (options.finish) {
    // A promote that stopped after pg_promote(): only the last steps are left.
    if (in_recovery) {
      return refused(db->address() +
                     " is still a standby (in recovery): run plenumd promote without --finish." +
                     nothing_changed);
    }
    if (auto answers = primary_answers()) return refused(*answers + nothing_changed);
    auto log = storage::read_postgres_log(options.event_store);
    if (!log) {
      return refused("the event log does not verify: " + log.error().message + "." +
                     nothing_changed);
    }
    if (log->signers.standby_key && *log->signers.standby_key == standby_pk) {
      progress << "the log holds the server_handover to this machine's key already\n";
      return {log->signers.handover_seq, {}, false};
    }
    if (auto wrong = certificate_problem(*certificate, log->congress_pk, log->signers,
                                         log->events.size(), standby_pk, key_store.key_path())) {
      return refused(*wrong + nothing_changed);
    }
    return hand_over(*db, options, *standby_key, *certificate, progress);
  }

  if (!in_recovery) {
    return refused(db->address() +
                   " is not in recovery: it is not a standby (it was promoted already, or it is "
                   "a primary), so there is nothing to take over. Check that --event-store names "
                   "this machine's standby; if an earlier plenumd promote stopped after "
                   "promoting it, run plenumd promote --finish." +
                   nothing_changed);
  }

  // What plenumd --standby saw of A while A answered.
  sync_report sync;
  if (auto bad = read_sync_report(dir / standby_sync_file, sync))
    return refused(*bad + nothing_changed);
  const std::int64_t age_ms = now_unix_ms() - sync.observed_unix_ms;
  if (age_ms > options.sync_file_max_age.count()) {
    return refused((dir / standby_sync_file).string() + " was last written " +
                   std::to_string(age_ms / 1000) +
                   " s ago: plenumd --standby is not running on this machine. Start it, wait a "
                   "few seconds, then promote." +
                   nothing_changed);
  }
  if (!sync.named_sync_when_last_seen) {
    return refused(
        "when machine A was last seen, this standby was not its synchronous standby in sync "
        "(standby-sync.json: named_sync_when_last_seen is false). A may have reported events "
        "durable that this machine does not have, so taking over could lose receipted ballots. "
        "Bring machine A back and let this standby catch up; promote only a standby that was in "
        "sync." +
        std::string(nothing_changed));
  }

  if (auto answers = primary_answers()) return refused(*answers + nothing_changed);

  auto standby = storage::postgres_standby_log::open(options.event_store);
  if (!standby) {
    return refused("the replicated event log does not verify: " + standby.error().message +
                   ". Do not take over with it; keep machine A's disk for inspection." +
                   nothing_changed);
  }
  auto state = (*standby)->replication();
  if (!state) return refused(state.error().message + nothing_changed);
  if (state->streaming) {
    return refused(
        "this machine's PostgreSQL still streams from machine A, so A is running: "
        "turn machine A off (or unplug it) first." +
        std::string(nothing_changed));
  }
  // The WAL received may end inside a record that A's power loss cut off (its first part on the
  // last page A sent, the rest never sent): replay stops before it for good. Every complete
  // record is replayed, and a commit A reported is complete on this machine, so replay that
  // stands still for 2 s with the stream gone has replayed all there is to take over.
  const auto replay_deadline = std::chrono::steady_clock::now() + options.replay_wait;
  std::string replayed_lsn = state->replay_lsn;
  auto replay_still_since = std::chrono::steady_clock::now();
  bool replay_stands_still = false;
  while (!state->replayed_all && std::chrono::steady_clock::now() < replay_deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    state = (*standby)->replication();
    if (!state) return refused(state.error().message + nothing_changed);
    const auto now = std::chrono::steady_clock::now();
    if (state->replay_lsn != replayed_lsn) {
      replayed_lsn = state->replay_lsn;
      replay_still_since = now;
    } else if (!state->replay_paused && now - replay_still_since >= std::chrono::seconds(2)) {
      replay_stands_still = true;
      break;
    }
  }
  if (!state->replayed_all && replay_stands_still) {
    progress << "the WAL received ends inside a record machine A did not finish (received "
             << state->receive_lsn << ", replayed " << state->replay_lsn
             << "): everything complete is replayed\n";
  } else if (!state->replayed_all) {
    return refused("the WAL received from machine A is not replayed after " +
                   std::to_string(options.replay_wait.count() / 1000) + " s (received " +
                   state->receive_lsn + ", replayed " + state->replay_lsn +
                   "): wait for this machine's PostgreSQL to finish replaying (see its log), "
                   "then promote again." +
                   nothing_changed);
  }
  if (auto read = (*standby)->catch_up(); !read) {
    return refused("the replicated event log does not verify: " + read.error().message +
                   ". Do not take over with it; keep machine A's disk for inspection." +
                   nothing_changed);
  }

  const std::uint64_t length = (*standby)->head().length;
  if (auto wrong =
          certificate_problem(*certificate, (*standby)->congress_public_key(),
                              (*standby)->signers(), length, standby_pk, key_store.key_path())) {
    return refused(*wrong + nothing_changed);
  }
  progress << "the standby holds " << length << " events, verified; the certificate holds from seq "
           << certificate->from_seq << "\n";

  // From here on the machine changes.
  auto promoted = db->exec("SELECT pg_promote(true, 60)");
  if (!promoted || promoted->text(0, 0) != "t") {
    return failed_after_promotion("pg_promote() did not finish within 60 s" +
                                  (promoted ? std::string() : ": " + promoted.error().message) +
                                  ". See this machine's PostgreSQL log.");
  }
  progress << db->address() << " promoted: it takes writes now\n";
  return hand_over(*db, options, *standby_key, *certificate, progress);
}

int run_promote_command(const std::vector<std::string>& args) {
  promote_options options;
  bool usage_ok = true;
  for (std::size_t i = 0; i < args.size() && usage_ok; ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--data-dir" && has_value) {
      options.data_dir = args[++i];
    } else if (args[i] == "--event-store" && has_value) {
      options.event_store = args[++i];
    } else if (args[i] == "--primary-event-store" && has_value) {
      options.primary_event_store = args[++i];
    } else if (args[i] == "--reason" && has_value) {
      options.reason = args[++i];
    } else if (args[i] == "--finish") {
      options.finish = true;
    } else {
      usage_ok = false;
    }
  }
  if (!usage_ok || options.data_dir.empty() || options.event_store.empty()) {
    std::cerr << "usage: plenumd promote --data-dir DIR --event-store CONNINFO "
                 "[--primary-event-store CONNINFO] [--reason TEXT] [--finish]\n";
    return 2;
  }
  const promote_outcome outcome = promote_standby(options, std::cerr);
  if (!outcome.handover_seq) {
    std::cerr << (outcome.changed ? "promote failed: " : "promote refused: ") << outcome.error
              << "\n";
    return 1;
  }
  std::cout << *outcome.handover_seq << "\n";
  std::cerr << "took over: the server_handover is durable at seq " << *outcome.handover_seq
            << "; this machine signs the log from it on. plenumd --standby on this machine now "
               "serves the hall.\n";
  return 0;
}

}  // namespace plenum::server::app
