// The check after a crash: receipts against the board, voters and tracking codes unique, and
// optionally the decrypted counts against the plan.
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <plenum/clients/board.hpp>
#include <plenum/clients/key_store.hpp>
#include <plenum/clients/roles.hpp>
#include <plenum/clients/vote_basis.hpp>

#include "hall_setup.hpp"
#include "scenarios.hpp"
#include "target.hpp"

namespace plenum::clients::loadgen {

namespace {

struct receipt_line {
  std::string person;
  std::string tracking;
  std::uint64_t seq = 0;
  std::string entry;
  std::string sig;
};

std::vector<receipt_line> read_receipts(const std::filesystem::path& file) {
  std::vector<receipt_line> out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    receipt_line r;
    if (fields >> r.person >> r.tracking >> r.seq >> r.entry >> r.sig) out.push_back(r);
  }
  return out;
}

}  // namespace

report run_check(const options& o, bool& ok) {
  report r;
  r.scenario = "check";
  ok = false;
  target t = open_target(o, false);
  auto s = session::connect(t.address);
  if (!s) throw std::runtime_error("connect: " + s.error().message());
  const board_record board = read_board_paged(*s);
  auto it = board.votes.find(o.vote);
  if (it == board.votes.end()) throw std::runtime_error("no vote " + o.vote + " on the board");
  const vote_record& vote = it->second;
  std::map<std::string, std::size_t> per_person;
  std::map<std::string, std::size_t> per_code;
  std::map<std::uint64_t, const ballot_record*> by_seq;
  for (const auto& b : vote.ballots) {
    ++per_person[b.person];
    ++per_code[crypto::to_hex(b.tracking_code)];
    by_seq[b.seq] = &b;
  }
  std::size_t duplicates = 0;
  for (const auto& [p, n] : per_person) duplicates += n - 1;
  for (const auto& [c, n] : per_code) duplicates += n - 1;
  const auto receipts = read_receipts(o.receipts_out);
  std::size_t lost = 0;
  std::size_t invalid = 0;
  for (const auto& rc : receipts) {
    auto code = crypto::from_hex_fixed<32>(rc.tracking);
    auto entry = crypto::from_hex_fixed<32>(rc.entry);
    auto sig = crypto::signature::from_hex(rc.sig);
    if (!code || !entry || !sig ||
        !check_receipt(board.signers, protocol::receipt{*code, rc.seq, *entry, *sig}, *code)) {
      ++invalid;
      continue;
    }
    auto at = by_seq.find(rc.seq);
    if (at == by_seq.end() || at->second->person != rc.person || at->second->entry_hash != *entry ||
        at->second->tracking_code != *code || per_code[rc.tracking] != 1) {
      ++lost;
      std::cerr << "receipted ballot of " << rc.person << " (seq " << rc.seq
                << ") is not on the board as receipted\n";
    }
  }
  r.receipts = receipts.size();
  r.receipts_invalid = invalid;
  r.ballots_sent = vote.ballots.size();
  std::ostringstream summary;
  summary << "receipted " << receipts.size() << ", on the board " << vote.ballots.size()
          << " (without a receipt " << (vote.ballots.size() - (receipts.size() - lost - invalid))
          << "), receipted but lost " << lost << ", counted twice " << duplicates
          << ", invalid receipts " << invalid;
  r.notes.push_back(summary.str());
  r.errors["lost"] = lost;
  r.errors["duplicates"] = duplicates;
  ok = lost == 0 && duplicates == 0 && invalid == 0;

  if (o.tally) {
    // The chair closes, k scrutineers decrypt; the counts must be those of the plan for the
    // ballots on the board.
    const key_store store(o.state_dir);
    auto ch = store.load("CH");
    if (!ch) throw std::runtime_error("no CH key in " + o.state_dir.string());
    session chair = connect_as(t.address, *ch, "CH");
    if (!vote.closed)
      (void)must_call(chair, protocol::hall_request{protocol::close_vote_request{o.vote}},
                      "close_vote");
    for (std::size_t i = 1; i <= o.threshold; ++i) {
      const std::string person = "S" + std::to_string(i);
      auto key = store.load(person);
      if (!key) throw std::runtime_error("no key for " + person);
      session sc = connect_as(t.address, *key, person);
      const board_record b = read_board_paged(sc);
      auto sent = send_partial(sc, b, o.vote, person, *key, store, scrutineer_pin);
      if (!sent && sc.last_error().code != "duplicate_partial")
        throw std::runtime_error(person + ": partial_decryption: " + sc.last_error().code);
      sc.close();
    }
    const board_record closed = read_board_paged(chair);
    const vote_record& v = closed.votes.at(o.vote);
    std::vector<std::uint64_t> expected(v.positions(), 0);
    for (const auto& b : v.ballots) {
      const auto i = delegate_index(b.person);
      if (i > 0) ++expected[planned_option(i, v.manifest.contests.at(0).options.size())];
    }
    const bool counted = v.counts && *v.counts == expected;
    std::ostringstream t2;
    t2 << "tally: " << (v.counts ? "decided" : "not decided") << ", counts "
       << (counted ? "equal the plan of the ballots on the board" : "DIFFER from the plan");
    r.notes.push_back(t2.str());
    if (!counted) {
      ok = false;
      r.errors["tally_mismatch"] = 1;
    }
    chair.close();
  }
  // One line for scripts: key=value pairs.
  std::ostringstream line;
  line << "counts: receipted=" << receipts.size() << " on_board=" << vote.ballots.size()
       << " lost=" << lost << " twice=" << duplicates << " invalid=" << invalid << " tally="
       << (!o.tally                                ? "unchecked"
           : r.errors.count("tally_mismatch") != 0 ? "differs"
                                                   : "equal");
  r.notes.push_back(line.str());
  s->close();
  return r;
}

}  // namespace plenum::clients::loadgen
