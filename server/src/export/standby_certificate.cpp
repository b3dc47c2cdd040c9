#include "export/standby_certificate.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <iostream>

#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"
#include "storage/chain_check.hpp"
#include "storage/congress_key_store.hpp"
#include "storage/event_log.hpp"
#ifdef PLENUM_WITH_POSTGRES
#include "storage/postgres_log_reader.hpp"
#endif

namespace plenum::server {

namespace fs = std::filesystem;

storage::storage_result<standby_certificate> certify_standby(
    const crypto::secret_key& congress_key, std::span<const storage::stored_event> events,
    const std::string& log_name, const crypto::public_key& standby_pk) {
  if (events.empty() || events.front().type != protocol::events::congress_created::type) {
    return storage::broken_log(log_name, "no congress_created to certify a standby for");
  }
  auto created = protocol::decode_event_payload(events.front().type, events.front().payload);
  if (!created) return storage::broken_log(log_name, "congress_created does not decode");
  for (const auto& e : events) {
    if (e.type == protocol::events::server_handover::type) {
      return storage::broken_log(log_name, "it already holds a server_handover, at seq " +
                                               std::to_string(e.seq) +
                                               "; a log takes only one, so no other standby can "
                                               "be certified for it");
    }
  }
  const auto congress_pk = congress_key.public_part();
  if (standby_pk == congress_pk) {
    return storage::broken_log(log_name,
                               "the standby key given is the congress key; the standby needs "
                               "its own (plenumd standby-key on the standby machine)");
  }
  const auto& congress_id = std::get<protocol::events::congress_created>(*created).congress_id;
  const std::uint64_t from_seq = events.size();
  return standby_certificate{
      congress_id, congress_pk, standby_pk, from_seq,
      congress_key.sign(crypto::handover_digest(congress_id, congress_pk, standby_pk, from_seq))};
}

storage::storage_result<standby_certificate> certify_standby(const fs::path& data_dir,
                                                             const std::string& event_store,
                                                             const crypto::public_key& standby_pk) {
  storage::congress_key_store store(data_dir);
  auto key = store.load();
  if (!key) return key.error();
  if (!event_store.empty()) {
#ifdef PLENUM_WITH_POSTGRES
    auto log = storage::read_postgres_log(event_store);
    if (!log) return log.error();
    if (log->congress_pk != key->public_part()) {
      return storage::make_storage_error(
          errc::storage_failure, "the event log at " + log->name + " is kept under congress key " +
                                     log->congress_pk.hex() + ", not under " +
                                     store.key_path().string() + " (" + key->public_part().hex() +
                                     "): give the data directory of this congress's machine");
    }
    return certify_standby(*key, log->events, log->name, standby_pk);
#else
    return storage::make_storage_error(
        errc::storage_failure, "this plenumd was built without PostgreSQL (PLENUM_WITH_POSTGRES)");
#endif
  }
  const auto log_path = data_dir / "events.db";
  if (!fs::exists(log_path)) {
    return storage::make_storage_error(
        errc::storage_failure, data_dir.string() +
                                   " holds no events.db: if this hall keeps its log in "
                                   "PostgreSQL, give --event-store with its connection string");
  }
  auto log = storage::event_log::open(log_path, *key);
  if (!log) return log.error();
  const auto events = (*log)->snapshot();
  return certify_standby(*key, events, log_path.string(), standby_pk);
}

std::string certificate_text(const standby_certificate& c) {
  boost::json::object o;
  o["format"] = "plenum-standby-certificate/1";
  o["congress_id"] = c.congress_id;
  o["congress_pk"] = c.congress_pk.hex();
  o["standby_pk"] = c.standby_pk.hex();
  o["from_seq"] = c.from_seq;
  o["certificate"] = crypto::to_hex(c.certificate.bytes());
  return boost::json::serialize(o) + "\n";
}

storage::storage_result<standby_certificate> parse_certificate_text(std::string_view text) {
  auto bad = [](const std::string& why) {
    return storage::make_storage_error(errc::invalid_field, "the certificate " + why);
  };
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return bad("is not a JSON object");
  const auto& o = v.as_object();
  auto text_of = [&](const char* name) -> std::optional<std::string> {
    const auto* f = o.if_contains(name);
    if (f == nullptr || !f->is_string()) return std::nullopt;
    return std::string(f->as_string());
  };
  if (text_of("format") != "plenum-standby-certificate/1") {
    return bad("is not a plenum-standby-certificate/1");
  }
  auto id = text_of("congress_id");
  if (!id || id->empty()) return bad("has no congress_id");
  auto congress_pk = crypto::public_key::from_hex(text_of("congress_pk").value_or(""));
  if (!congress_pk) return bad("has no valid congress_pk");
  auto standby_pk = crypto::public_key::from_hex(text_of("standby_pk").value_or(""));
  if (!standby_pk) return bad("has no valid standby_pk");
  const auto* from = o.if_contains("from_seq");
  if (from == nullptr || !(from->is_uint64() || (from->is_int64() && from->as_int64() >= 0))) {
    return bad("has no valid from_seq");
  }
  const std::uint64_t from_seq =
      from->is_uint64() ? from->as_uint64() : static_cast<std::uint64_t>(from->as_int64());
  auto sig = crypto::signature::from_hex(text_of("certificate").value_or(""));
  if (!sig) return bad("has no valid certificate signature");
  return standby_certificate{*id, *congress_pk, *standby_pk, from_seq, *sig};
}

int run_certify_standby_command(const std::vector<std::string>& args) {
  fs::path data_dir, out;
  std::string standby_hex, event_store;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--data-dir" && i + 1 < args.size()) {
      data_dir = args[++i];
    } else if (args[i] == "--event-store" && i + 1 < args.size()) {
      event_store = args[++i];
    } else if (args[i] == "--standby-key" && i + 1 < args.size()) {
      standby_hex = args[++i];
    } else if (args[i] == "--out" && i + 1 < args.size()) {
      out = args[++i];
    } else {
      data_dir.clear();
      break;
    }
  }
  if (data_dir.empty() || out.empty() || standby_hex.empty()) {
    std::cerr << "usage: plenumd certify-standby --data-dir DIR [--event-store CONNINFO] "
                 "--standby-key HEX --out FILE\n";
    return 2;
  }
  const auto standby_pk = crypto::public_key::from_hex(standby_hex);
  if (!standby_pk) {
    std::cerr << "certify-standby: --standby-key is not an Ed25519 public key in hex (64 hex "
                 "digits)\n";
    return 2;
  }
  auto c = certify_standby(data_dir, event_store, *standby_pk);
  if (!c) {
    std::cerr << "certify-standby failed: " << c.error().message << "\n";
    return 1;
  }
  std::ofstream file(out, std::ios::trunc);
  file << certificate_text(*c);
  file.close();
  if (!file) {
    std::cerr << "certify-standby failed: cannot write " << out.string() << "\n";
    return 1;
  }
  std::cout << "certified standby key " << c->standby_pk.hex() << " for congress " << c->congress_id
            << " from seq " << c->from_seq << " in " << out.string() << "\n";
  return 0;
}

}  // namespace plenum::server
