#include "export/standby_certificate.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <iostream>

#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"
#include "storage/chain_check.hpp"
#include "storage/congress_key_store.hpp"
#include "storage/event_log.hpp"

namespace plenum::server {

namespace fs = std::filesystem;

storage::storage_result<standby_certificate> certify_standby(const fs::path& data_dir,
                                                             const crypto::public_key& standby_pk) {
  storage::congress_key_store store(data_dir);
  auto key = store.load();
  if (!key) return key.error();
  const auto log_path = data_dir / "events.db";
  auto log = storage::event_log::open(log_path, *key);
  if (!log) return log.error();
  const auto events = (*log)->snapshot();
  if (events.empty() || events.front().type != protocol::events::congress_created::type) {
    return storage::broken_log(log_path.string(), "no congress_created to certify a standby for");
  }
  auto created = protocol::decode_event_payload(events.front().type, events.front().payload);
  if (!created) return storage::broken_log(log_path.string(), "congress_created does not decode");
  const auto congress_pk = key->public_part();
  if (standby_pk == congress_pk) {
    return storage::broken_log(log_path.string(),
                               "the standby key given is the congress key; the standby needs "
                               "its own");
  }
  const auto& congress_id = std::get<protocol::events::congress_created>(*created).congress_id;
  const std::uint64_t from_seq = events.size();
  return standby_certificate{
      congress_id, congress_pk, standby_pk, from_seq,
      key->sign(crypto::handover_digest(congress_id, congress_pk, standby_pk, from_seq))};
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

int run_certify_standby_command(const std::vector<std::string>& args) {
  fs::path data_dir, out;
  std::string standby_hex;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--data-dir" && i + 1 < args.size()) {
      data_dir = args[++i];
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
    std::cerr << "usage: plenumd certify-standby --data-dir DIR --standby-key HEX --out FILE\n";
    return 2;
  }
  const auto standby_pk = crypto::public_key::from_hex(standby_hex);
  if (!standby_pk) {
    std::cerr << "certify-standby: --standby-key is not an Ed25519 public key in hex (64 hex "
                 "digits)\n";
    return 2;
  }
  auto c = certify_standby(data_dir, *standby_pk);
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
