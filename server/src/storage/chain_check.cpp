#include "storage/chain_check.hpp"

#include <algorithm>

#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::server::storage {

namespace {

template <std::size_t N>
bool copy_exact(crypto::byte_span from, crypto::byte_array<N>& to) {
  if (from.size() != N) return false;
  std::copy(from.begin(), from.end(), to.begin());
  return true;
}

}  // namespace

storage_error broken_log(const std::string& log_name, const std::string& what) {
  return make_storage_error(errc::broken_chain, "event log " + log_name + ": " + what);
}

storage_result<void> check_congress_key(const std::string& log_name,
                                        const std::optional<std::vector<std::uint8_t>>& stored,
                                        const crypto::public_key& key) {
  if (!stored) return broken_log(log_name, "the congress public key is missing");
  if (stored->size() != key.bytes().size() || !crypto::equal_constant_time(*stored, key.bytes())) {
    return broken_log(log_name, "it was signed by congress key " + crypto::to_hex(*stored) +
                                    ", not by the key given (" + key.hex() + ")");
  }
  return {};
}

storage_result<void> chain_verifier::add(const event_row& row) {
  const auto expected = static_cast<std::int64_t>(next_seq_);
  const std::string at = "seq " + std::to_string(expected) + ": ";
  if (row.seq != expected) {
    if (row.seq > expected) {
      return broken_log(log_name_, at + "event is missing (the next stored event has seq " +
                                       std::to_string(row.seq) + ")");
    }
    return broken_log(log_name_, at + "expected here, found seq " + std::to_string(row.seq));
  }
  stored_event e;
  e.seq = static_cast<std::uint64_t>(row.seq);
  if (!copy_exact(row.prev_hash, e.prev_hash)) {
    return broken_log(log_name_, at + "prev_hash is not 32 bytes");
  }
  e.type = row.type;
  e.payload = row.payload;
  if (!copy_exact(row.entry_hash, e.entry_hash)) {
    return broken_log(log_name_, at + "entry_hash is not 32 bytes");
  }
  auto sig = crypto::signature::from_bytes(row.signature);
  if (!sig) return broken_log(log_name_, at + "signature is not 64 bytes");
  e.signature = *sig;
  e.stored_at_unix_ms = row.stored_at_unix_ms;

  if (e.prev_hash != previous_) {
    return broken_log(log_name_,
                      at + "prev_hash does not match the entry_hash of the event before");
  }
  if (crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload) != e.entry_hash) {
    return broken_log(log_name_, at + "entry_hash does not match the event's contents");
  }
  if (auto noted = note_signers(e, at); !noted) return noted.error();
  const crypto::public_key& signer = signers_.standby_key ? *signers_.standby_key : key_;
  if (!signer.verify(e.entry_hash, e.signature)) {
    if (!signers_.standby_key && e.type != protocol::events::server_handover::type) {
      return broken_log(log_name_, at + "the server signature does not verify under the "
                                        "congress key (no server_handover certifies another)");
    }
    return broken_log(log_name_, at + "the server signature does not verify");
  }
  previous_ = e.entry_hash;
  ++next_seq_;
  events_.push_back(std::move(e));
  return {};
}

storage_result<void> chain_verifier::note_signers(const stored_event& e, const std::string& at) {
  namespace ev = protocol::events;
  if (e.seq == 0 && e.type == ev::congress_created::type) {
    auto created = protocol::decode_event_payload(e.type, e.payload);
    if (!created) return broken_log(log_name_, at + "congress_created does not decode");
    signers_.congress_id = std::get<ev::congress_created>(*created).congress_id;
    return {};
  }
  if (e.type != ev::server_handover::type) return {};
  auto decoded = protocol::decode_event_payload(e.type, e.payload);
  if (!decoded) {
    return broken_log(log_name_,
                      at + "server_handover does not decode: " + decoded.error().message());
  }
  const auto& handover = std::get<ev::server_handover>(*decoded);
  if (signers_.standby_key) {
    return broken_log(log_name_, at + "a second server_handover (the first is at seq " +
                                     std::to_string(signers_.handover_seq) + ")");
  }
  if (signers_.congress_id.empty()) {
    return broken_log(log_name_, at + "server_handover in a log without congress_created");
  }
  if (handover.standby_pk == key_) {
    return broken_log(log_name_, at + "server_handover names the congress key as the standby's");
  }
  if (e.seq < handover.from_seq) {
    return broken_log(log_name_, at + "server_handover before seq " +
                                     std::to_string(handover.from_seq) +
                                     ", from which its certificate holds");
  }
  const auto digest =
      crypto::handover_digest(signers_.congress_id, key_, handover.standby_pk, handover.from_seq);
  if (!key_.verify(digest, handover.certificate)) {
    return broken_log(log_name_,
                      at + "the server_handover's certificate is not the congress key's");
  }
  signers_.standby_key = handover.standby_pk;
  signers_.handover_seq = e.seq;
  return {};
}

}  // namespace plenum::server::storage
