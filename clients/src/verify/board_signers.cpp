#include "board_signers.hpp"

namespace plenum::clients::verify::detail {

board_signers find_board_signers(const record& rec, check_log& log) {
  board_signers signers(rec.header.congress_pk);
  for (const auto& e : rec.events)
    if (auto wrong = signers.note(e.seq, e.type, e.payload); !wrong.empty())
      log.fail("signatures", "", wrong);
  return signers;
}

}  // namespace plenum::clients::verify::detail
