#include "plenum/protocol/board_signers.hpp"

#include <variant>

#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::protocol {

std::string board_signers::note(std::uint64_t seq, std::string_view type,
                                std::string_view payload) {
  namespace ev = events;
  if (seq == 0 && type == ev::congress_created::type) {
    auto created = decode_event_payload(type, payload);
    if (created) congress_id_ = std::get<ev::congress_created>(*created).congress_id;
    return {};
  }
  if (type != ev::server_handover::type) return {};
  const std::string at = "seq " + std::to_string(seq) + ": server_handover ";
  auto decoded = decode_event_payload(type, payload);
  if (!decoded) return at + "does not decode";
  const auto& h = std::get<ev::server_handover>(*decoded);
  if (standby_) {
    return at + "is a second handover (the first is at seq " + std::to_string(handover_seq_) + ")";
  }
  if (h.standby_pk == congress_) return at + "names the congress key as the standby's";
  if (seq < h.from_seq) {
    return at + "comes before seq " + std::to_string(h.from_seq) +
           ", from which its certificate holds";
  }
  if (congress_id_.empty() ||
      !congress_.verify(crypto::handover_digest(congress_id_, congress_, h.standby_pk, h.from_seq),
                        h.certificate))
    return at + "carries a certificate the congress key did not make";
  standby_ = h.standby_pk;
  handover_seq_ = seq;
  return {};
}

}  // namespace plenum::protocol
