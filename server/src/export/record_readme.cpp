#include "export/record_readme.hpp"

namespace plenum::server::record_export {

std::string readme_text(const readme_facts& f) {
  std::string t;
  t += "# Record of the congress \"" + f.congress_name + "\" (" + f.congress_id + ")\n\n";
  t += "This directory is the complete public record of the congress as kept by its Plenum\n"
       "server: every event of the bulletin board (roster, enrollments, sittings, check-ins,\n"
       "the scrutineers' key ceremony, vote manifests, every encrypted ballot, the partial\n"
       "decryptions and the results), each linked to the one before by its hash and signed\n"
       "with the congress key. Ballots are encrypted: nothing here reveals how anyone voted.\n"
       "Each result is also signed over its result digest by every scrutineer whose partial\n"
       "decryption produced it (`result_signed`) and, when announced, by the chair\n"
       "(`result_announced`).\n\n";
  t += "- events: " + std::to_string(f.events) + "\n";
  t += "- head (hash of the last event): " + f.head_hash_hex + "\n";
  t += "- congress key: " + f.congress_pk_hex + "\n";
  t += "- receipts of accepted ballots: " + std::to_string(f.receipts) + "\n";
  t += "- decided votes: " + std::to_string(f.decided_votes) + "\n\n";
  t += "## How to verify it\n\n"
       "    plenum-verify <this directory> --congress-key " +
       f.congress_pk_hex +
       "\n\n"
       "Compare the congress key with the one shown in the hall (pinning it means a record\n"
       "signed with another key is refused). The verifier recomputes every hash, checks every\n"
       "signature, the key ceremony, every ballot's proofs and signature, the roster and the\n"
       "attendance from the check-ins, the sums of the ballots, the scrutineers' partial\n"
       "decryptions, the counts and each outcome from its rule, the result digests and every\n"
       "scrutineer's and chair's signature on them (an announced result must carry the\n"
       "signatures of all the scrutineers who decrypted it), prints one PASS or FAIL line\n"
       "per check and exits with a non-zero status if anything fails. A delegate can also look\n"
       "up their tracking code in events.jsonl and their receipt in receipts.jsonl.\n\n";
  t += "## Files\n\n"
       "- `congress.json`: the format, congress id and name, the congress public key, the\n"
       "  number of events and the head hash.\n"
       "- `events.jsonl`: one board event per line, in order: `seq`, `prev_hash`, `type`,\n"
       "  `payload` (the exact stored JSON text, as a string), `entry_hash`, `signature`.\n"
       "  This is the source of truth; everything else is checked against it.\n"
       "- `receipts.jsonl`: the server's signed receipt for every accepted ballot.\n"
       "- `results.csv`: the counts of every decided vote, per option; a convenience derived\n"
       "  from the `vote_decided` events, which the verifier does not read.\n"
       "- `README.md`: this text.\n\n"
       "The format is specified in protocol/RECORD.md of the Plenum sources.\n";
  return t;
}

}  // namespace plenum::server::record_export
