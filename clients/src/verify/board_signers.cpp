#include "board_signers.hpp"

#include <string>

#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::clients::verify::detail {

namespace {

namespace ev = protocol::events;

// The congress_id event 0 names, or "" when event 0 is no congress_created.
std::string congress_id_of(const record& rec) {
  if (rec.events.empty() || rec.events.front().type != ev::congress_created::type) return {};
  auto created =
      protocol::decode_event_payload(rec.events.front().type, rec.events.front().payload);
  if (!created) return {};
  return std::get<ev::congress_created>(*created).congress_id;
}

}  // namespace

board_signers find_board_signers(const record& rec, check_log& log) {
  board_signers signers{rec.header.congress_pk, std::nullopt, 0};
  const std::string congress_id = congress_id_of(rec);
  for (const auto& e : rec.events) {
    if (e.type != ev::server_handover::type) continue;
    const std::string at = "seq " + std::to_string(e.seq) + ": server_handover ";
    auto decoded = protocol::decode_event_payload(e.type, e.payload);
    if (!decoded) {
      log.fail("signatures", "", at + "does not decode");
      continue;
    }
    const auto& h = std::get<ev::server_handover>(*decoded);
    if (signers.standby) {
      log.fail("signatures", "",
               at + "is a second handover (the first is at seq " +
                   std::to_string(signers.handover_seq) + ")");
    } else if (h.standby_pk == signers.congress) {
      log.fail("signatures", "", at + "names the congress key as the standby's");
    } else if (e.seq < h.from_seq) {
      log.fail("signatures", "",
               at + "comes before seq " + std::to_string(h.from_seq) +
                   ", from which its certificate holds");
    } else if (congress_id.empty() ||
               !signers.congress.verify(
                   crypto::handover_digest(congress_id, signers.congress, h.standby_pk, h.from_seq),
                   h.certificate)) {
      log.fail("signatures", "", at + "carries a certificate the congress key did not make");
    } else {
      signers.standby = h.standby_pk;
      signers.handover_seq = e.seq;
    }
  }
  return signers;
}

}  // namespace plenum::clients::verify::detail
